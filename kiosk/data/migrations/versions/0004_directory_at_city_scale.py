"""Stall sort key column and directory indexes (city-scale directory)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

``stores.stall_sort_key`` holds ``kiosk.data.ordering.stall_sort_bytes`` of the
stall number, so the directory pages through stores in natural stall order in
SQL (bytes compare the same on SQLite and PostgreSQL). ``ix_stores_directory``
serves those pages. On PostgreSQL, when the pg_trgm extension exists or can be
created, a GIN trigram index serves ``LIKE '%word%'`` on ``search_text``;
without it the search is a plain scan. On SQLite ``ix_stores_search_scan``
(the directory columns plus ``search_text``) lets a search that misses, or a
count, scan the small index instead of every store row (about 2x faster at
30,000 stores; PostgreSQL's btree could not hold a long search text).

The sort key is computed here by a frozen copy of the rule (migrations never
import kiosk code that may change later).
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000
_CHUNKS = re.compile(r"(\d+)")
_stores = sa.table(
    "stores",
    sa.column("id", sa.Integer()),
    sa.column("stall_number", sa.String()),
    sa.column("stall_sort_key", sa.LargeBinary()),
)


def _sort_bytes(stall_number: str) -> bytes:
    """Natural order as bytes (the rule of kiosk.data.ordering as of this revision)."""
    folded = unicodedata.normalize("NFKC", stall_number).casefold().strip()
    out = bytearray()
    for index, chunk in enumerate(_CHUNKS.split(folded)):
        if not chunk:
            continue
        if index % 2:
            digits = str(int(chunk)).encode("ascii")
            out += b"\x02" + len(digits).to_bytes(2, "big") + digits
        else:
            out += b"\x03" + chunk.replace("\x00", "").encode("utf-8") + b"\x00"
    out += b"\x01" + stall_number.encode("utf-8", "surrogatepass")
    return bytes(out)


def _has_trigram(conn: sa.Connection) -> bool:
    """pg_trgm is installed, or can be installed here (needs the right; a savepoint guards)."""
    installed = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
    if conn.exec_driver_sql(installed).first() is not None:
        return True
    available = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    if conn.exec_driver_sql(available).first() is None:
        return False
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("stall_sort_key", sa.LargeBinary(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(_stores.c.id, _stores.c.stall_number)).all()
    for start in range(0, len(rows), _BATCH):
        conn.execute(
            _stores.update().where(_stores.c.id == sa.bindparam("b_id")),
            [
                {"b_id": store_id, "stall_sort_key": _sort_bytes(stall)}
                for store_id, stall in rows[start : start + _BATCH]
            ],
        )
    with op.batch_alter_table("stores") as batch:
        batch.alter_column("stall_sort_key", existing_type=sa.LargeBinary(), nullable=False)
        batch.create_index(
            "ix_stores_directory", ["market_id", "active", "stall_sort_key"], unique=False
        )
    if conn.dialect.name == "sqlite":
        op.create_index(
            "ix_stores_search_scan",
            "stores",
            ["market_id", "active", "stall_sort_key", "search_text"],
        )
    if conn.dialect.name == "postgresql" and _has_trigram(conn):
        op.create_index(
            "ix_stores_search_trgm",
            "stores",
            ["search_text"],
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_stores_search_trgm")
    if conn.dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_stores_search_scan")
    with op.batch_alter_table("stores") as batch:
        batch.drop_index("ix_stores_directory")
        batch.drop_column("stall_sort_key")
