"""The normalised search column of stores and the LIKE filter that queries it.

FTS5 trigram misses two-syllable Hangul words (채소, 귤, 떡) on SQLite 3.40 and
unicode61 misses Korean substrings (docs/architecture.md, "Known traps"), so every store
keeps one folded text column searched with plain ``LIKE``: identical on SQLite
and PostgreSQL (which may add a pg_trgm index, migration 0004). A page of hits
stops early in stall order (~2-3 ms over 30,000 stores); a miss or a COUNT scans
every row (30-70 ms with 10 goods a store; README "Performance").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Text, and_, bindparam, event, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from kiosk.data.models import Product, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.text import normalise_for_search

#: Text per locale as stored (``dict[str, str]``) or as the listing model has it.
Texts = Mapping[LocaleCode, str] | Mapping[str, str]


def build_search_text(
    stall_number: str,
    name: Texts,
    description: Texts,
    product_names: Iterable[Texts],
) -> str:
    """Fold and join the stall number, the store's name and description (locale by
    locale, in language-bar order) and the product names.

    Parts are joined by newlines, which ``normalise_for_search`` never leaves in
    a query, so a match never straddles two names.
    """
    parts: list[str] = [stall_number]
    for locale in LOCALES:
        parts.extend((name.get(locale, ""), description.get(locale, "")))
    for names in product_names:
        parts.extend(names.values())
    folded = (normalise_for_search(part) for part in parts)
    return "\n".join(dict.fromkeys(p for p in folded if p))


class _FoldedContains(ColumnElement[bool]):
    """``search_text`` contains *word* (both already folded): GLOB on SQLite, LIKE elsewhere.

    The text is case-folded when stored and the query is folded the same way, so
    SQLite's case-sensitive GLOB gives the same answer as LIKE while skipping
    LIKE's per-character case folding (about 2x faster on a scan).
    """

    inherit_cache = True
    type = Boolean()

    def __init__(self, word: str) -> None:
        self.word = word


@compiles(_FoldedContains, "sqlite")
def _glob(element: _FoldedContains, compiler: SQLCompiler, **kw: Any) -> str:
    # GLOB has no escape character: a special character is matched as a one-character class.
    escaped = "".join(f"[{ch}]" if ch in "*?[" else ch for ch in element.word)
    pattern = bindparam(None, f"*{escaped}*", type_=Text(), unique=True)
    column = compiler.process(Store.__table__.c.search_text, **kw)
    return f"{column} GLOB {compiler.process(pattern, **kw)}"


@compiles(_FoldedContains)
def _like(element: _FoldedContains, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(Store.search_text.contains(element.word, autoescape=True), **kw)


def search_filter(query: str) -> ColumnElement[bool]:
    """Condition matching stores whose search text contains every word of *query*."""
    words = normalise_for_search(query).split()
    if not words:
        return true()
    return and_(*(_FoldedContains(word) for word in words))


def refresh_store_search_text(
    store: Store, *, excluding: Iterable[object] = (), including: Iterable[object] = ()
) -> None:
    """Recompute ``store.search_text`` (and the stall sort key) from the store's texts.

    *excluding* are products being deleted; *including* are pending products
    that belong to the store but are not in its loaded collection yet.
    """
    skip = {id(obj) for obj in excluding}
    products: list[object] = list(store.products)
    products += [obj for obj in including if all(obj is not row for row in products)]
    text = build_search_text(
        store.stall_number,
        store.name or {},
        store.description or {},
        (row.name for row in products if isinstance(row, Product) and id(row) not in skip),
    )
    if store.search_text != text:
        store.search_text = text
    if store.stall_number is not None:
        key = stall_sort_bytes(store.stall_number)
        if store.stall_sort_key != key:
            store.stall_sort_key = key


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    touched: dict[int, Store] = {}
    pending: dict[int, list[object]] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        store: Store | None
        if isinstance(obj, Store):
            store = obj
        elif isinstance(obj, Product):
            # A pending child added with only store_id set has no loaded ``store`` yet.
            parent: Store | None = obj.store
            store_id: int | None = obj.store_id
            if parent is None and store_id is not None:
                parent = session.get(Store, store_id)
            store = parent
            if store is not None and obj in session.new:
                pending.setdefault(id(store), []).append(obj)
        else:
            continue
        if store is not None and store not in session.deleted:
            touched[id(store)] = store
    deleted = list(session.deleted)
    for key, store in touched.items():
        refresh_store_search_text(store, excluding=deleted, including=pending.get(key, ()))


def install_search_maintenance() -> None:
    """Keep ``Store.search_text`` current on every ORM flush (idempotent).

    Bulk inserts (``session.execute(insert(...), rows)``) bypass the ORM unit
    of work: callers of those compute ``build_search_text`` themselves.
    """
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
