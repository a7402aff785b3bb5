"""PostgreSQL's pg_trgm GIN index on stores.search_text goes (nothing of the app reads it)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Migration 0004 made ``ix_stores_search_trgm`` where pg_trgm was installed or could be;
0006 kept it for other tools' ``search_text LIKE '%word%'`` on a shared database. The
app searches in memory and never reads it, and it does not serve those tools where they
need it most: trigrams cannot look up one- or two-character words (귤, 갈치; for a
one-character word the planner still picks the index and the LIKE is ~4x slower than a
scan). It was most of the server's work in a bulk load (building it: ~2.5 s of server
CPU for 30,000 stores, 55-60% of the load's) and in every store write. Without it such
a LIKE scans the table (~45-85 ms at 30,000 stores). The pg_trgm extension itself stays.
The downgrade builds the index again where pg_trgm is installed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_stores_search_trgm")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    installed = sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if conn.scalar(installed):
        op.create_index(
            "ix_stores_search_trgm",
            "stores",
            ["search_text"],
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
