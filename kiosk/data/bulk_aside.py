"""Large PostgreSQL loads: the goods' foreign key and any GIN index set aside, then rebuilt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

#: Fewer goods than this gain under ~0.2 s: not worth locking other PCs out.
MIN_GOODS = 50_000
#: How long to wait for other sessions' locks before loading with everything in place.
LOCK_WAIT = "2s"

_OWNED = text(
    "SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class"
    " WHERE oid IN ('stores'::regclass, 'products'::regclass)"
)
#: Existing rows, counted no further than the load's own count (cheap on a city database).
_FEWER = text(
    "SELECT (SELECT count(*) FROM (SELECT 1 FROM stores LIMIT :stores) AS s) < :stores"
    " AND (SELECT count(*) FROM (SELECT 1 FROM products LIMIT :goods) AS g) < :goods"
)
_KEYS = text(
    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
    " WHERE conrelid = 'products'::regclass AND confrelid = 'stores'::regclass"
    " AND contype = 'f' ORDER BY conname"
)
_GIN = text(
    "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i"
    " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
    " WHERE i.indrelid = 'stores'::regclass AND a.amname = 'gin' ORDER BY c.relname"
)

_LOCK_TIMEOUT = text("SELECT set_config('lock_timeout', :value, true)")


@dataclass(frozen=True)
class SetAside:
    """What a load took away: (name, definition) of foreign keys and of GIN indexes."""

    keys: tuple[tuple[str, str], ...] = ()
    indexes: tuple[tuple[str, str], ...] = ()


def set_aside(conn: Connection, stores: int, goods: int) -> SetAside:
    """Drop the goods -> stores foreign keys and the stores' GIN indexes before a load of
    *stores* and *goods*, when it is worth it; what was dropped (:func:`put_back` after).

    Per row the server checks each good's store (a foreign-key trigger: ~1.0 s of server
    CPU for 300,000 goods); checking the key once afterwards costs ~0.06 s. The app's
    schema has no GIN index since migration 0013, but a database's own (another tool's
    trigram index: ~3.0 s for 30,000 stores row by row, ~2.6 s built afterwards) is set
    aside the same way. Both rebuilds go over the whole table, and dropping takes an
    ACCESS EXCLUSIVE lock on ``stores`` and ``products`` until the commit: other PCs'
    reads of those tables wait for the load. So only a load that at least doubles both
    tables, with at least :data:`MIN_GOODS` goods, sets them aside: a first import or a
    restore into a new or small database. All in the caller's transaction: after a
    rollback the key and the indexes are there as before, and no commit happens without
    them. When another session holds the tables longer than :data:`LOCK_WAIT`, when the
    app's role does not own them, or when there is nothing to set aside, the load runs
    with everything in place.
    """
    if conn.dialect.name != "postgresql" or goods < MIN_GOODS:
        return SetAside()
    if not conn.scalar(_OWNED) or not conn.scalar(_FEWER, {"stores": stores, "goods": goods}):
        return SetAside()
    keys = tuple((str(n), str(d)) for n, d in conn.execute(_KEYS))
    indexes = tuple((str(n), str(d)) for n, d in conn.execute(_GIN))
    if not keys and not indexes:
        return SetAside()
    quote = conn.dialect.identifier_preparer.quote
    try:
        with conn.begin_nested():  # a lock not granted in time rolls back to here
            before = conn.scalar(text("SELECT current_setting('lock_timeout')"))
            conn.execute(_LOCK_TIMEOUT, {"value": LOCK_WAIT})
            for name, _ in keys:
                conn.exec_driver_sql(f"ALTER TABLE products DROP CONSTRAINT {quote(name)}")
            for name, _ in indexes:
                conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
            conn.execute(_LOCK_TIMEOUT, {"value": before})
    except OperationalError:  # another session holds the tables: load with both in place
        return SetAside()
    return SetAside(keys, indexes)


def put_back(conn: Connection, aside: SetAside) -> None:
    """Rebuild what :func:`set_aside` dropped, as it was (same names and definitions)."""
    quote = conn.dialect.identifier_preparer.quote
    for name, definition in aside.keys:
        conn.exec_driver_sql(f"ALTER TABLE products ADD CONSTRAINT {quote(name)} {definition}")
    for _, definition in aside.indexes:
        conn.exec_driver_sql(definition)
