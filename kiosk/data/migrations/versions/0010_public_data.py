"""Markets and stores from public data: a market's profile, a store's registry number

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

``markets.profile`` holds what the national market list says about a market
(address, coordinates, type, phone, homepage, gift certificates, market days)
and the manager's remembered roster mapping and category table, as JSON (None:
nothing known). ``stores.external_id`` is a shop's number in the SEMAS store
registry (상가업소번호), indexed with its market, so a second import finds it
again. The downgrade drops both.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("markets", sa.Column("profile", sa.JSON(), nullable=True))
    op.add_column("stores", sa.Column("external_id", sa.String(length=40), nullable=True))
    op.create_index("ix_stores_external", "stores", ["market_id", "external_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stores_external", table_name="stores")
    with op.batch_alter_table("stores") as batch:
        batch.drop_column("external_id")
    with op.batch_alter_table("markets") as batch:
        batch.drop_column("profile")
