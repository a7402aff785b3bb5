"""Promotions and announcements of a market, scheduled by weekday and time of day

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

``promotions`` (unused until now: one store's title and dates) becomes what the
kiosk's attract loop shows: ``market_id`` (a promotion is market-wide, or for
one store when ``store_id`` is set, which becomes optional), ``kind``
(promotion or announcement), ``text`` in five languages, ``weekdays`` (digits
0 Monday to 6 Sunday; empty: every day), ``shows_from`` and ``shows_until``
(minutes after midnight, Asia/Seoul; both empty: all day) and an optional
checked ``image``. A row written before keeps its title and dates and takes
its store's market. The downgrade drops the new columns; market-wide rows,
which have no store, go with them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW = ("kind", "text", "weekdays", "shows_from", "shows_until", "image")


def upgrade() -> None:
    with op.batch_alter_table("promotions") as batch:
        batch.add_column(sa.Column("market_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="promotion")
        )
        batch.add_column(sa.Column("text", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(
            sa.Column("weekdays", sa.String(length=7), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("shows_from", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("shows_until", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("image", sa.LargeBinary(), nullable=True))
        batch.alter_column("store_id", existing_type=sa.Integer(), nullable=True)
    op.execute(
        "UPDATE promotions SET market_id = "
        "(SELECT stores.market_id FROM stores WHERE stores.id = promotions.store_id)"
    )
    with op.batch_alter_table("promotions") as batch:
        batch.alter_column("market_id", existing_type=sa.Integer(), nullable=False)
        # Only the rows above needed a default: the app writes every value.
        batch.alter_column("weekdays", existing_type=sa.String(length=7), server_default=None)
        # PostgreSQL has no "=" for json, so a json default cannot even be compared: none kept.
        batch.alter_column("text", existing_type=sa.JSON(), server_default=None)
        batch.create_foreign_key(
            op.f("fk_promotions_market_id_markets"),
            "markets",
            ["market_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_promotions_market_id"), ["market_id"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM promotions WHERE store_id IS NULL")
    with op.batch_alter_table("promotions") as batch:
        batch.drop_index(op.f("ix_promotions_market_id"))
        batch.drop_constraint(op.f("fk_promotions_market_id_markets"), type_="foreignkey")
        batch.drop_column("market_id")
        for name in _NEW:
            batch.drop_column(name)
        batch.alter_column("store_id", existing_type=sa.Integer(), nullable=False)
