"""Exchange rates the manager types, for reference prices in a tourist's currency

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

``exchange_rates``: one row per currency (ISO 4217 code), the won for one unit
as exact decimal text, the day the rate was set and when it was typed.
``rate_settings``: one row holding how many days a rate stays shown (absent:
the default). Nothing is fetched from the network. The downgrade drops both.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("won_per_unit", sa.String(length=24), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("currency", name=op.f("pk_exchange_rates")),
    )
    op.create_table(
        "rate_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("max_age_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_settings")),
    )


def downgrade() -> None:
    op.drop_table("rate_settings")
    op.drop_table("exchange_rates")
