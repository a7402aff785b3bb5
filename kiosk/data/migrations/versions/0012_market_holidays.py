"""Market holidays: the days a whole market is closed (설날, 추석, a closure)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

``market_holidays``: one row per market and date (the primary key, so a date is
never listed twice), with the name or reason the manager typed ("" when none)
and when it was typed. Deleting a market deletes its holidays. The downgrade
drops the table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "market_holidays",
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["market_id"],
            ["markets.id"],
            name=op.f("fk_market_holidays_market_id_markets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("market_id", "day", name=op.f("pk_market_holidays")),
    )


def downgrade() -> None:
    op.drop_table("market_holidays")
