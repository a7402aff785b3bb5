"""The normalised search column of stores, the market search stamp, and the SQL rule.

FTS5 trigram misses two-syllable Hangul words (채소, 귤, 떡) on SQLite 3.40 and
unicode61 misses Korean substrings (docs/architecture.md, "Known traps"), so every store
keeps one folded text column, ``search_text``, and a query word matches when it
is a substring of it. Searches run over those texts held in memory
(:mod:`kiosk.data.search_index`); ``search_filter`` states the same rule in SQL
(tests compare the two).

Every write that changes what a search of a market sees (a store added or
removed, its search text, active flag, category or stall number) replaces the
market's ``search_stamp`` in the same transaction: the ORM flush hook here does
it for ORM writes, :func:`bump_search_stamps` for Core writes.

A stamp is two tokens of 16 hex digits: the previous write's and this write's.
A write's token is 8 random digits and 8 digits hashing the ids of the stores it
changed (:func:`stamp_token`), so the in-memory search, told by a change event
which stores changed, can check that exactly that write happened since its
snapshot and patch those stores instead of reloading the market.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    String,
    Text,
    and_,
    bindparam,
    event,
    func,
    inspect,
    literal,
    or_,
    true,
    type_coerce,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from kiosk.data.models import Market, Product, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.search_terms import SearchTerm, Vocabulary
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


def search_words(query: str) -> tuple[str, ...]:
    """The folded words of *query*, each once (no synonyms: see ``Vocabulary.terms``)."""
    return tuple(dict.fromkeys(normalise_for_search(query).split()))


def _term_filter(term: SearchTerm) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = [_FoldedContains(word) for word in term.alternatives]
    stored = type_coerce(Store.__table__.c.payment_methods, String())
    codes = literal(",") + stored + literal(",")
    parts += [codes.contains(f",{method.value},", autoescape=True) for method in term.payments]
    return or_(*parts)


def search_filter(query: str, vocabulary: Vocabulary | None = None) -> ColumnElement[bool]:
    """The search rule in SQL: stores matching every term of *query* (one of its synonyms
    in the search text, or a payment it names), as the market's *vocabulary* reads it
    (None: the default list).
    """
    if vocabulary is None:
        from kiosk.data.synonym_lists import vocabulary_of

        vocabulary = vocabulary_of(None)
    terms = vocabulary.terms(query)
    if not terms:
        return true()
    return and_(*(_term_filter(term) for term in terms))


def ids_hash(store_ids: Iterable[int]) -> str:
    """8 hex digits naming a set of store ids (the second half of a write's token)."""
    data = ",".join(str(i) for i in sorted(set(store_ids))).encode()
    return hashlib.blake2b(data, digest_size=4).hexdigest()


def stamp_token(store_ids: Iterable[int] | None) -> str:
    """A write's token: 8 random hex digits, then the hash of the stores it changed
    (None: not known, 8 more random digits, which no change event matches)."""
    tail = secrets.token_hex(4) if store_ids is None else ids_hash(store_ids)
    return secrets.token_hex(4) + tail


def last_token(stamp: str) -> str:
    """The newest token of *stamp* (a stamp of the old form is left-padded with zeros)."""
    return ("0" * 32 + stamp)[-16:]


def bump_search_stamps(
    conn: Connection | Session,
    market_ids: Iterable[int],
    *,
    changed: Mapping[int, Iterable[int]] | None = None,
) -> None:
    """Give the markets new search stamps (after a Core write to their stores).

    *changed*: per market, the ids of the only stores whose search data changed
    (a market missing there: not known, its next search reloads it).
    """
    for market_id in sorted(set(market_ids)):
        ids = None if changed is None else changed.get(market_id)
        padded = literal("0" * 32) + Market.__table__.c.search_stamp
        start = func.length(Market.__table__.c.search_stamp) + 17
        conn.execute(
            update(Market)
            .where(Market.id == market_id)
            .values(search_stamp=func.substr(padded, start, 16) + stamp_token(ids))
            .execution_options(synchronize_session=False)
        )


def refresh_store_search_text(
    store: Store, *, excluding: Iterable[object] = (), including: Iterable[object] = ()
) -> bool:
    """Recompute ``store.search_text`` (and the stall sort key) from the store's texts.

    *excluding* are products being deleted; *including* are pending products
    that belong to the store but are not in its loaded collection yet. Returns
    whether the search text changed.
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
    changed = store.search_text != text
    if changed:
        store.search_text = text
    if store.stall_number is not None:
        key = stall_sort_bytes(store.stall_number)
        if store.stall_sort_key != key:
            store.stall_sort_key = key
    return changed


#: Store columns besides the search text that change what a search sees.
_SEARCHED_COLUMNS = ("active", "category", "stall_number", "market_id")


def _searched_markets(store: Store) -> set[int]:
    """Markets whose search saw *store* change in a way other than its search text."""
    state = inspect(store)
    markets: set[int] = set()
    for name in _SEARCHED_COLUMNS:
        history = state.attrs[name].history
        if history.has_changes():
            markets.add(store.market_id)
            if name == "market_id":
                markets.update(value for value in history.deleted if isinstance(value, int))
    return markets


def _market_of(store: Store) -> int | None:
    market_id: int | None = store.market_id  # None while pending with only ``market`` set
    if market_id is not None:
        return market_id
    market: Market | None = store.market
    return market.id if market is not None else None


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
    # Per market, the stores whose search changed (ids are read after the flush).
    stamped: list[tuple[int | None, Store]] = []
    for key, store in touched.items():
        if refresh_store_search_text(store, excluding=deleted, including=pending.get(key, ())):
            stamped.append((_market_of(store), store))
        if store in session.new:
            stamped.append((_market_of(store), store))
        else:
            stamped.extend((market_id, store) for market_id in _searched_markets(store))
    stamped.extend((_market_of(obj), obj) for obj in deleted if isinstance(obj, Store))
    if stamped:
        session.info.setdefault(_STAMPED, []).extend(stamped)


#: Where the flush hook leaves the stores to stamp for after the flush.
_STAMPED = "kiosk_search_stamped"


def _after_flush(session: Session, _context: Any) -> None:
    stamped: list[tuple[int | None, Store]] = session.info.pop(_STAMPED, [])
    changed: dict[int, set[int]] = {}
    for market_id, store in stamped:
        if market_id is not None:
            changed.setdefault(market_id, set()).add(store.id)
    if changed:
        bump_search_stamps(session.connection(), changed, changed=changed)


def install_search_maintenance() -> None:
    """Keep ``Store.search_text`` and the market stamps current on every ORM flush (idempotent).

    Bulk inserts (``session.execute(insert(...), rows)``) bypass the ORM unit
    of work: callers of those compute ``build_search_text`` themselves and call
    :func:`bump_search_stamps`.
    """
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
