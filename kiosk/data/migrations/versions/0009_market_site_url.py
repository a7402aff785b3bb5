"""A market's tourist website address (where ``publish`` puts its pages)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

``markets.site_url``: the https address the market's static pages are served
from, ending in ``/``, or empty when the market has no site yet. Stands print a
"stall page" code only once it is set. The downgrade drops the column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("markets") as batch:
        batch.add_column(
            sa.Column("site_url", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("markets") as batch:  # existing rows have "", new ones set it
        batch.alter_column("site_url", existing_type=sa.String(length=200), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("markets") as batch:
        batch.drop_column("site_url")
