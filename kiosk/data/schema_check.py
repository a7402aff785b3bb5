"""A backup's SQLite schema compared exactly with the one its Alembic revision makes."""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk.domain.messages import N_, Message, MessageDef, define

EXTRA_ENTRY = define(
    "backup.extra_entry",
    N_('{path}: the {kind} "{name}" (table {table}) was not made by Market Kiosk; not used'),
)
MISSING_ENTRY = define(
    "backup.missing_entry",
    N_('{path}: the {kind} "{name}" of schema {revision} is missing; not used'),
)
EXTRA_COLUMN = define(
    "backup.extra_column",
    N_("{path}: table {table} has a column {column} that schema {revision} has not; not used"),
)
MISSING_COLUMN = define(
    "backup.missing_column",
    N_("{path}: table {table} lacks the column {column} of schema {revision}; not used"),
)
COLUMN_DIFFERS = define(
    "backup.column_differs",
    N_(
        "{path}: table {table}, column {column} is {found} where schema {revision} "
        "has {expected}; not used"
    ),
)
INDEX_DIFFERS = define(
    "backup.index_differs",
    N_('{path}: the index "{name}" (table {table}) differs from schema {revision}; not used'),
)

#: The kinds of sqlite_master entries, for messages.
KINDS: dict[str, MessageDef] = {
    "table": define("backup.kind_table", N_("table")),
    "index": define("backup.kind_index", N_("index")),
    "view": define("backup.kind_view", N_("view")),
    "trigger": define("backup.kind_trigger", N_("trigger")),
}

#: Statistics tables ``ANALYZE`` may leave: they hold no data or code of ours.
_STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})


@dataclass(frozen=True, slots=True)
class Schema:
    """What a SQLite file declares: every sqlite_master entry, columns, indexes, keys."""

    #: (type, name) -> table name, for every table, index, view and trigger.
    entries: dict[tuple[str, str], str]
    #: table -> column -> (declared type, not null, default, primary key position, hidden).
    columns: dict[str, dict[str, tuple[str, int, object, int, int]]]
    #: index name -> (unique, origin, partial, its columns).
    indexes: dict[str, tuple[int, str, int, tuple[str, ...]]]
    #: table -> its foreign keys (columns, parent table, parent columns, on delete).
    foreign_keys: dict[str, tuple[tuple[object, ...], ...]]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The schema of the open SQLite database *conn* (read only)."""
    entries = {
        (str(kind), str(name)): str(table)
        for kind, name, table in conn.execute("SELECT type, name, tbl_name FROM sqlite_master")
        if name not in _STATISTICS
    }
    tables = sorted(name for kind, name in entries if kind == "table")
    columns: dict[str, dict[str, tuple[str, int, object, int, int]]] = {}
    indexes: dict[str, tuple[int, str, int, tuple[str, ...]]] = {}
    keys: dict[str, tuple[tuple[object, ...], ...]] = {}
    for table in tables:
        quoted = _quoted(table)
        columns[table] = {
            str(row[1]): (str(row[2]).upper(), int(row[3]), row[4], int(row[5]), int(row[6]))
            for row in conn.execute(f"PRAGMA table_xinfo({quoted})")
        }
        for row in conn.execute(f"PRAGMA index_list({quoted})"):
            name = str(row[1])
            names = tuple(
                str(info[2]) for info in conn.execute(f"PRAGMA index_info({_quoted(name)})")
            )
            indexes[name] = (int(row[2]), str(row[3]), int(row[4]), names)
        keys[table] = tuple(
            sorted(
                (
                    (row[2], row[3], row[4], row[6])
                    for row in conn.execute(f"PRAGMA foreign_key_list({quoted})")
                ),
                key=repr,
            )
        )
    return Schema(entries, columns, indexes, keys)


@lru_cache(maxsize=8)
def expected_schema(revision: str) -> Schema:
    """The schema the migrations make up to *revision* on an empty database (cached)."""
    from sqlalchemy import create_engine

    from kiosk.data import migrate

    with tempfile.TemporaryDirectory(prefix="kiosk-schema-") as folder:
        path = Path(folder) / "expected.sqlite3"
        engine = create_engine(f"sqlite:///{path}")
        try:
            migrate.upgrade(engine, revision)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(path)) as conn:
            return read_schema(conn)


def schema_problem(found: Schema, revision: str, path: str) -> Message | None:
    """The first difference between *found* and the schema of *revision*, or None."""
    expected = expected_schema(revision)
    for key in sorted(set(found.entries) - set(expected.entries)):
        return EXTRA_ENTRY(path=path, kind=kind(key[0]), name=key[1], table=found.entries[key])
    for key in sorted(set(expected.entries) - set(found.entries), key=_tables_first):
        return MISSING_ENTRY(path=path, kind=kind(key[0]), name=key[1], revision=revision)
    for table, want in sorted(expected.columns.items()):
        have = found.columns.get(table, {})
        problem = _column_problem(table, have, want, revision, path)
        if problem is not None:
            return problem
        if found.foreign_keys.get(table) != expected.foreign_keys.get(table):
            return INDEX_DIFFERS(path=path, name="FOREIGN KEY", table=table, revision=revision)
    for name, shape in sorted(expected.indexes.items()):
        if found.indexes.get(name) != shape:
            table = expected.entries.get(("index", name), "?")
            return INDEX_DIFFERS(path=path, name=name, table=table, revision=revision)
    for name in sorted(set(found.indexes) - set(expected.indexes)):
        table = found.entries.get(("index", name), "?")
        return EXTRA_ENTRY(path=path, kind=kind("index"), name=name, table=table)
    return None


def kind(entry: str) -> Message | str:
    """The kind of a sqlite_master entry in the reader's language (as stored if unknown)."""
    word = KINDS.get(entry)
    return word() if word is not None else entry


def _tables_first(key: tuple[str, str]) -> tuple[bool, str, str]:
    """A missing table is named before the indexes and triggers that went with it."""
    return (key[0] != "table", key[0], key[1])


def _column_problem(
    table: str,
    have: dict[str, tuple[str, int, object, int, int]],
    want: dict[str, tuple[str, int, object, int, int]],
    revision: str,
    path: str,
) -> Message | None:
    for column in sorted(set(have) - set(want)):
        return EXTRA_COLUMN(path=path, table=table, column=column, revision=revision)
    for column in sorted(set(want) - set(have)):
        return MISSING_COLUMN(path=path, table=table, column=column, revision=revision)
    for column, shape in want.items():
        if have[column] != shape:
            return COLUMN_DIFFERS(
                path=path,
                table=table,
                column=column,
                found=_describe(have[column]),
                expected=_describe(shape),
                revision=revision,
            )
    return None


def _describe(shape: tuple[str, int, object, int, int]) -> str:
    kind, not_null, default, _pk, _hidden = shape
    words = [kind or "untyped", "NOT NULL" if not_null else "NULL"]
    if default is not None:
        words.append(f"DEFAULT {default}")
    return " ".join(words)
