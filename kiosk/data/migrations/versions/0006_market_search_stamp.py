"""Market search stamp for the in-process search index; SQLite's scan index goes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

``markets.search_stamp`` is 32 random hex digits that every write changing
what a search of the market sees replaces in the same transaction. Each PC
keeps the folded store texts of the markets it searches in memory and checks
the stamp (one primary-key read) before answering, so a search costs a
substring scan in memory (1-15 ms at 30,000 stores) instead of a LIKE over every
row (25-80 ms), and a change made on another PC is seen at the next search.
Every existing market gets a fresh stamp.

SQLite's ``ix_stores_search_scan`` (0004) is dropped: the app's searches no
longer scan it, and it doubled the stored search text (slower bulk writes, a
bigger file). PostgreSQL keeps its optional pg_trgm GIN index: a shared city
database is also searched by other tools (reports, ``psql``) with
``search_text LIKE '%word%'``. The downgrade drops the column and recreates the
SQLite index.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_markets = sa.table(
    "markets", sa.column("id", sa.Integer()), sa.column("search_stamp", sa.String())
)


def upgrade() -> None:
    conn = op.get_bind()
    # NOT NULL with a default in one step (no table rebuild on SQLite).
    op.add_column(
        "markets",
        sa.Column("search_stamp", sa.String(length=32), nullable=False, server_default="0"),
    )
    for (market_id,) in conn.execute(sa.select(_markets.c.id)).all():
        conn.execute(
            sa.update(_markets)
            .where(_markets.c.id == market_id)
            .values(search_stamp=uuid.uuid4().hex)
        )
    if conn.dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_stores_search_scan")


def downgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("markets") as batch:
        batch.drop_column("search_stamp")
    if conn.dialect.name == "sqlite":
        op.create_index(
            "ix_stores_search_scan",
            "stores",
            ["market_id", "active", "stall_sort_key", "search_text"],
        )
