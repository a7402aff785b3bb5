"""Patching a market's in-memory search snapshot for a few changed stores, and scan helpers."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, String, select, type_coerce

from kiosk.data.models import Store
from kiosk.data.search import ids_hash, last_token

if TYPE_CHECKING:
    from kiosk.data.search_index import _Snapshot

#: Above this many changed stores the positions are found in one pass, not one by one.
_ONE_BY_ONE = 64


def store_rows(
    conn: Connection, market_id: int, store_ids: Iterable[int] | None = None
) -> list[Any]:
    """(key, id, active, category, search text, payments) of the market's stores in stall
    order (only *store_ids* when given)."""
    codes = type_coerce(Store.__table__.c.payment_methods, String())
    query = select(
        Store.stall_sort_key, Store.id, Store.active, Store.category, Store.search_text, codes
    ).where(Store.market_id == market_id)
    if store_ids is not None:
        query = query.where(Store.id.in_(sorted(store_ids)))
    return list(conn.execute(query.order_by(Store.stall_sort_key, Store.id)).all())


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
) -> _Snapshot:
    """*old* with *store_ids* read again (changed, added, deleted or moved), as of *stamp*.

    The lists are copied (a search running on *old* keeps seeing it whole); the
    rarity sample is kept (an estimate), postings are built again on first use.
    """
    ids = list(old.ids)
    if len(store_ids) <= _ONE_BY_ONE:
        gone = []
        for store_id in store_ids:
            try:
                gone.append(ids.index(store_id))
            except ValueError:  # a store added, or moved here
                continue
    else:
        gone = [i for i, store_id in enumerate(ids) if store_id in store_ids]
    lists: list[list[Any]] = [ids, list(old.keys), list(old.active), list(old.categories)]
    lists += [list(old.texts), list(old.payments), list(old.ascii_texts)]
    for position in sorted(gone, reverse=True):
        for values in lists:
            del values[position]
    ids, keys, active, categories, texts, payments, ascii_texts = lists
    for key, store_id, is_active, category, text, codes in store_rows(conn, market_id, store_ids):
        at = bisect_left(keys, (key, store_id))
        row = (store_id, (key, store_id), bool(is_active), category, text, f",{codes or ''},")
        for values, value in zip(lists, (*row, ascii_view(text)), strict=True):
            values.insert(at, value)
    return type(old)(
        stamp=stamp,
        ids=ids,
        keys=keys,
        active=active,
        categories=categories,
        texts=texts,
        payments=payments,
        ascii_texts=ascii_texts,
        rarity=old.rarity,
    )


#: What the ASCII view leaves out besides non-ASCII characters (never inside a word).
_SPACES = b" \t\n\r\x0b\x0c"


def ascii_view(text: str) -> str:
    """*text* with its other characters and its spaces left out."""
    return text.encode("ascii", "ignore").translate(None, _SPACES).decode("ascii")


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
