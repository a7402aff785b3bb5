"""Insert a whole market through SQLAlchemy Core executemany (no ORM objects, no RETURNING).

30,000 stores with 300,000 goods take a few seconds on SQLite: rows are plain
dicts, repeated texts are folded once (``_fold`` is cached), store ids are read
back with one SELECT by stall number, and the derived columns (``search_text``,
``stall_sort_key``) are computed here because Core inserts bypass the ORM hooks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import DBAPIError

from kiosk.data.bulk_aside import put_back, set_aside
from kiosk.data.columns import LocalizedJSON, utcnow
from kiosk.data.models import Market, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.data.search import Texts, bump_search_stamps
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing
from kiosk.domain.locales import LOCALES
from kiosk.domain.text import normalise_for_search

#: Rows per executemany batch (bounded memory for any market size).
BATCH = 5_000

_Row = TypeVar("_Row")


@lru_cache(maxsize=65_536)
def _fold(text: str) -> str:
    return normalise_for_search(text)


class _SearchTexts:
    """Exactly ``kiosk.data.search.build_search_text`` for a load's stores, the folding cached:
    each goods' name dict object (a file's reader shares equal goods' names) is folded once,
    and each pair of a store's name and description dicts (shared by a chain's stores); the
    entries keep them alive."""

    def __init__(self) -> None:
        self._same: dict[int, tuple[Texts, dict[str, None]]] = {}
        #: (id(name), id(description)) -> (name, description, their texts folded).
        self._store: dict[tuple[int, int], tuple[Texts, Texts, dict[str, None]]] = {}

    def __call__(
        self, stall_number: str, name: Texts, description: Texts, product_names: Iterable[Texts]
    ) -> str:
        key = (id(name), id(description))
        texts = self._store.get(key)
        if texts is None or texts[0] is not name or texts[1] is not description:
            parts: list[str] = []
            for locale in LOCALES:
                parts.extend((name.get(locale, ""), description.get(locale, "")))
            texts = self._store[key] = (name, description, dict.fromkeys(map(_fold, parts)))
        folded = dict.fromkeys((_fold(stall_number),))  # in order, each once: the stall first
        folded.update(texts[2])
        same = self._same
        for names in product_names:
            hit = same.get(id(names))
            if hit is None or hit[0] is not names:
                hit = same[id(names)] = (names, dict.fromkeys(map(_fold, names.values())))
            folded.update(hit[1])  # a text met before keeps its first place
        folded.pop("", None)
        return "\n".join(folded)


#: Goods go to the driver's executemany directly: 300,000 rows skip SQLAlchemy's
#: per-row parameter and type processing (names are JSON-encoded once per distinct
#: text by ``_JsonCache``; both drivers cast the text to the JSON column).
_PRODUCT_COLUMNS = ("store_id", "name", "price_won", "unit", "sold_out", "sort_order")


def _insert_raw(
    conn: Connection, table_name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Insert *rows* as they are: one streamed COPY on PostgreSQL, the driver's executemany
    in batches elsewhere."""
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table_name, columns, rows)
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table_name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    for batch in _batches(rows):
        conn.exec_driver_sql(sql, batch)


def _copy_rows(
    conn: Connection, table_name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """psycopg 3's ``COPY ... FROM STDIN`` in the caller's transaction, one per table.

    *rows* is consumed while the COPY streams, so the client computes the next rows
    (search texts, JSON) while the server indexes the previous ones; a row that fails
    its checks raises here, the COPY is cancelled and the caller's transaction fails
    with that error; the server's refusals come as SQLAlchemy's errors (``IntegrityError``
    ...), as from executemany. Table and column names are the module's constants.
    """
    driver = conn.connection.driver_connection
    assert driver is not None
    sql = f"COPY {table_name} ({', '.join(columns)}) FROM STDIN"
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except dbapi_error as exc:  # the same SQLAlchemy errors as executemany raises
        raise DBAPIError.instance(sql, None, exc, dbapi_error, dialect=conn.dialect) from exc


def _copy_text(conn: Connection) -> Callable[[object], object]:
    """On PostgreSQL, a JSON column's bind value (psycopg's ``Json`` wrapper, which COPY would
    serialise again for every row it is in) as the text psycopg's own dumper gives it, so a
    value many stores share (opening hours) is serialised once; anything else as it is."""
    if conn.dialect.name != "postgresql":
        return lambda value: value
    from psycopg.adapt import PyFormat
    from psycopg.types.json import Json, Jsonb

    driver = conn.connection.driver_connection
    assert driver is not None

    def text(value: object) -> object:
        if not isinstance(value, Json | Jsonb):
            return value
        dumper = driver.adapters.get_dumper(type(value), PyFormat.TEXT)(type(value), driver)
        return bytes(dumper.dump(value) or b"").decode()

    return text


_STORE_COLUMNS = (
    "market_id",
    "stall_number",
    "category",
    "name",
    "description",
    "phone",
    "opening_hours",
    "kakao_channel_id",
    "payment_qr_payload",
    "payment_methods",
    "active",
    "version",
    "created_at",
    "updated_at",
    "search_text",
    "stall_sort_key",
)


class _Cells:
    """A store column's value as the driver wants it, through the column's own type
    (checks included), computed once per distinct value: texts and codes repeat."""

    def __init__(self, conn: Connection) -> None:
        self._dialect = conn.dialect
        self._finish = _copy_text(conn)
        self._processors: dict[str, Any] = {}
        self._done: dict[tuple[str, object], object] = {}
        #: Column -> id(value) -> (value, out): a value object met again (a file's reader
        #: shares the values of equal cells) is not hashed again; the entry keeps it alive.
        self._same: dict[str, dict[int, tuple[object, object]]] = {}

    def __call__(self, name: str, value: Any) -> object:
        same = self._same.get(name)
        if same is None:
            same = self._same[name] = {}
        hit = same.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        out = self._convert(name, value)
        same[id(value)] = (value, out)
        return out

    def _convert(self, name: str, value: Any) -> object:
        key = (name, _hashable(value))
        if key in self._done:
            return self._done[key]
        if name not in self._processors:
            kind = Store.__table__.c[name].type.dialect_impl(self._dialect)
            self._processors[name] = kind.bind_processor(self._dialect)
        process = self._processors[name]
        out = self._finish(process(value)) if process is not None else value
        self._done[key] = out
        return out


def _hashable(value: Any) -> object:
    if isinstance(value, Mapping):
        return tuple(value.items())
    if isinstance(value, list):
        return tuple(value)
    return value


class _JsonCache:
    """Checks and JSON-encodes each distinct localised dict once (goods repeat a lot)."""

    def __init__(self) -> None:
        self._check = LocalizedJSON()
        self._done: dict[tuple[tuple[str, str], ...], str] = {}
        #: id(dict) -> (dict, JSON): one dict object met again (a file's reader shares
        #: equal goods' names) is not read again; the entry keeps it alive.
        self._same: dict[int, tuple[Texts, str]] = {}

    def __call__(self, value: Texts) -> str:
        same = self._same.get(id(value))
        if same is not None and same[0] is value:
            return same[1]
        key = tuple(value.items())
        hit = self._done.get(key)
        if hit is None:
            checked = self._check.process_bind_param(value, None)  # type: ignore[arg-type]
            hit = json.dumps(checked)
            self._done[key] = hit
        self._same[id(value)] = (value, hit)
        return hit


def _batches(rows: Iterable[_Row]) -> Iterator[list[_Row]]:
    it = iter(rows)
    while batch := list(islice(it, BATCH)):
        yield batch


def insert_market_core(conn: Connection, market: MarketListing) -> int:
    """Insert *market*, its stores and products on *conn* (in the caller's transaction).

    Returns the store count. Stall numbers must be unique within the market
    (the database refuses duplicates).
    """
    market_id = conn.scalar(
        insert(Market)
        .values(
            slug=market.slug, name=dict(market.name), city=dict(market.city), created_at=utcnow()
        )
        .returning(Market.id)
    )
    assert market_id is not None
    return len(insert_stores_core(conn, market_id, market.stores))


def insert_stores_core(
    conn: Connection, market_id: int, stores: Sequence[StoreListing]
) -> dict[str, int]:
    """Insert *stores* (new stall numbers) with their goods into a market; stall -> new id."""
    if not stores:
        return {}
    aside = set_aside(conn, len(stores), sum(len(s.products) for s in stores))
    now = utcnow()
    cells = _Cells(conn)
    dump = _JsonCache()
    search_text = _SearchTexts()
    # The load's constants, through their columns' types once.
    market, created, updated = (
        cells("market_id", market_id),
        cells("created_at", now),
        cells("updated_at", now),
    )
    _insert_raw(
        conn,
        "stores",
        _STORE_COLUMNS,
        (
            (
                market,
                s.stall_number,
                cells("category", s.category),
                dump(s.name),
                dump(s.description),
                s.phone,
                cells("opening_hours", s.hours),
                s.kakao or None,
                s.payment or None,
                cells("payment_methods", s.payment_methods),
                cells("active", s.active),
                1,
                created,
                updated,
                search_text(s.stall_number, s.name, s.description, (p.name for p in s.products)),
                stall_sort_bytes(s.stall_number),
            )
            for s in stores
        ),
    )
    wanted = {s.stall_number for s in stores}
    id_rows = conn.execute(select(Store.stall_number, Store.id).where(Store.market_id == market_id))
    ids: dict[str, int] = {stall: store_id for stall, store_id in id_rows if stall in wanted}
    insert_goods_core(
        conn,
        ((ids[s.stall_number], order, p) for s in stores for order, p in enumerate(s.products)),
    )
    put_back(conn, aside)
    bump_search_stamps(conn, [market_id])
    return ids


def insert_goods_core(conn: Connection, goods: Iterable[tuple[int, int, GoodListing]]) -> None:
    """Insert goods given as (store id, sort order, good), in batches.

    On SQLite ``sold_out`` goes as 0 or 1, as the column's type stores it: Python's
    ``sqlite3`` binds a ``bool`` through its adapter look-up (a failed attribute look-up
    per cell, a good share of the insert), an ``int`` directly.
    """
    dump = _JsonCache()
    flag = int if conn.dialect.name == "sqlite" else bool
    _insert_raw(
        conn,
        "products",
        _PRODUCT_COLUMNS,
        (
            (store_id, dump(p.name), p.price_won, p.unit, flag(p.sold_out), order)
            for store_id, order, p in goods
        ),
    )


def insert_markets_core(conn: Connection, markets: Sequence[MarketListing]) -> dict[str, int]:
    """:func:`insert_market_core` for each market; store count per slug."""
    return {market.slug: insert_market_core(conn, market) for market in markets}
