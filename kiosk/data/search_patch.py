"""Patching a market's in-memory search snapshot for a few changed stores, and scan helpers."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, String, select, type_coerce

from kiosk.data.models import Store
from kiosk.data.search import ids_hash, last_token

if TYPE_CHECKING:
    from kiosk.data.search_index import _Snapshot

#: Patched rows a snapshot may hold before the market is loaded again in stall order.
_APPENDED_KEPT = 2048


def store_rows(
    conn: Connection, market_id: int, store_ids: Iterable[int] | None = None
) -> Iterator[Any]:
    """(key, id, active, category, search text, payments) of the market's stores in stall
    order (only *store_ids* when given), read as they are iterated (no list of rows)."""
    codes = type_coerce(Store.__table__.c.payment_methods, String())
    query = select(
        Store.stall_sort_key, Store.id, Store.active, Store.category, Store.search_text, codes
    ).where(Store.market_id == market_id)
    if store_ids is not None:
        query = query.where(Store.id.in_(sorted(store_ids)))
    return iter(conn.execute(query.order_by(Store.stall_sort_key, Store.id)))


def to_patch(
    events: Sequence[frozenset[int]] | None, old: str | None, stamp: str
) -> set[int] | None:
    """The stores to read again to bring a snapshot at stamp *old* to *stamp*, given the
    store ids of the change *events* noted since (None: reload it all).

    Known when *stamp*'s previous token is *old*'s newest (one write since) and its
    newest names the stores of one of the events (the others' writes did not change
    the search: reading their stores again is harmless).
    """
    if not events or old is None or len(stamp) != 32 or stamp[:16] != last_token(old):
        return None
    if stamp[-8:] not in {ids_hash(ids) for ids in events}:
        return None
    return set().union(*events)


def patched(
    old: _Snapshot, conn: Connection, market_id: int, stamp: str, store_ids: set[int]
) -> _Snapshot | None:
    """*old* with *store_ids* read again (changed, added, deleted or moved), as of *stamp*
    (None: too many patches kept, reload the market).

    A changed store's row is left dead (no text, never listed) and its new row appended,
    so the kept postings and unions stay valid: they are copied with the new rows'
    positions added, and the search merges the appended rows into stall order. The
    lists are copied: a search running on *old* keeps seeing it whole.
    """
    if len(old.ids) - old.base + len(store_ids) > _APPENDED_KEPT:
        return None
    ids, texts, active = array("q", old.ids), list(old.texts), bytearray(old.active)
    moved, dead = dict(old.moved), set(old.dead)
    for store_id in store_ids:
        row = moved.pop(store_id, None)
        if row is None:
            try:
                row = old.ids.index(store_id, 0, old.base)
            except ValueError:  # a store added, or moved here
                continue
        dead.add(row)
        texts[row] = ""  # its ASCII view stays, unused: a dead row is never listed
        active[row] = False
    keys: list[bytes] = []
    categories, payments = list(old.categories), old.payments.copy()
    first = len(ids)
    for key, store_id, is_active, category, text, codes in store_rows(conn, market_id, store_ids):
        moved[store_id] = len(ids)
        ids.append(store_id)
        keys.append(key)
        active.append(bool(is_active))
        categories.append(category)
        texts.append(text)
        payments.append(f",{codes or ''},")
    new = type(old)(
        stamp=stamp,
        ids=ids,
        keys=old.keys.appended(keys),
        active=active,
        categories=categories,
        texts=texts,
        payments=payments,
        ascii_texts=old.ascii_texts.appended(texts[first:]),
        rarity=old.rarity,
    )
    new.base, new.dead, new.moved = old.base, frozenset(dead), moved
    _carry(old, new, first)
    return new


def _carry(old: _Snapshot, new: _Snapshot, first: int) -> None:
    """Give *new* the postings and unions of *old*, with the rows from *first* on added."""
    added = range(first, len(new.ids))
    with old._lock:
        postings, unions = list(old._postings.items()), list(old._unions.items())
    for key, found in postings:
        extra = [i for i in added if new._has(i, key)]
        new._postings[key] = found + array("i", extra) if extra else found
    for term, found in unions:
        extra = [i for i in added if new._holds(i, term)]
        new._unions[term] = found + array("i", extra) if extra else found


def in_stall_order(snapshot: _Snapshot, hits: Sequence[int]) -> list[int]:
    """*hits* (rows, ascending) without the dead rows and with the appended rows merged
    into stall order."""
    split = bisect_left(hits, snapshot.base)
    head, tail = list(hits[:split]), hits[split:]
    for row in snapshot.dead:
        at = bisect_left(head, row)
        if at < len(head) and head[at] == row:
            del head[at]
    keys, ids = snapshot.keys, snapshot.ids

    def place(row: int) -> tuple[bytes, int]:
        return keys[row], ids[row]

    for row in sorted((row for row in tail if row not in snapshot.dead), key=place):
        head.insert(bisect_left(head, place(row), key=place), row)
    return head


def holding_any(texts: Sequence[str], keys: Sequence[str]) -> set[int]:
    """Positions of the texts holding one of *keys*: one pass per six keys, the tests
    written out (a generator or a call per text would cost more than the tests).
    """
    found: set[int] = set()
    for start in range(0, len(keys), 6):
        chunk = (*keys[start : start + 6],)
        n = len(chunk)
        a = chunk[0]
        b, c, d, e, f = (*chunk[1:], *[a] * (6 - n))
        if n == 1:
            found.update(i for i, t in enumerate(texts) if a in t)
        elif n == 2:
            found.update(i for i, t in enumerate(texts) if a in t or b in t)
        elif n == 3:
            found.update(i for i, t in enumerate(texts) if a in t or b in t or c in t)
        elif n == 4:
            found.update(i for i, t in enumerate(texts) if a in t or b in t or c in t or d in t)
        elif n == 5:
            found.update(
                i for i, t in enumerate(texts) if a in t or b in t or c in t or d in t or e in t
            )
        else:
            found.update(
                i
                for i, t in enumerate(texts)
                if a in t or b in t or c in t or d in t or e in t or f in t
            )
    return found
