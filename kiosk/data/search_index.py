"""Directory search in memory: each market's folded store texts, checked against its stamp."""

from __future__ import annotations

import threading
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import Connection, select

from kiosk.data.models import Market
from kiosk.data.search_columns import (
    AsciiViews,
    Coded,
    PackedKeys,
    give_back_freed_memory,
    read_columns,
)
from kiosk.data.search_patch import holding_any, in_stall_order, patched, store_rows, to_patch
from kiosk.domain.categories import Category
from kiosk.domain.search_terms import SearchTerm

#: How many (market, stamp, query, filter) results are kept.
_RESULTS_KEPT = 32
#: Characters whose postings a market keeps (a few MiB at 30,000 stores at most).
_POSTINGS_KEPT = 256
#: One text in this many is sampled to judge which characters are rare.
_SAMPLE_EVERY = 37
#: Change events noted per market before its next search reloads it instead.
_EVENTS_KEPT = 64
#: Building a posting, as a share of scanning every text for a word: one character
#: (a byte search) and a run of three characters (a substring search like the word's).
_BUILD_CHAR = 0.4
_BUILD_RUN = 0.8


class _Snapshot:
    """One market's stores in stall order as of one stamp.

    Two things make a scan cheaper than looking at every character of every text:

    - An ASCII view: each text with its other characters and its spaces left
      out (a word has no spaces), all in one one-byte string. An ASCII word
      (tangerine, A-12) is looked for there, in about half the characters at
      half the bytes each; a hit is confirmed in the full text (leaving
      characters out can join two runs).
    - Postings: per character (or, for ASCII words, run of three characters)
      asked for, which texts contain it (one scan on first use, then kept). A
      word is looked for only in the texts holding its rarest character or
      run, judged by a sample of the texts, when that is rare enough to pay:
      two-syllable Hangul and Han words, the slowest to scan, become a scan of
      a few thousand texts, and so do Latin words once one of their runs has a
      posting (typing a word letter by letter builds them).
    """

    __slots__ = (
        "_lock",
        "_postings",
        "_unions",
        "active",
        "ascii_sample",
        "ascii_texts",
        "base",
        "categories",
        "dead",
        "ids",
        "keys",
        "moved",
        "payments",
        "rarity",
        "sample",
        "stamp",
        "texts",
    )

    def __init__(
        self,
        *,
        stamp: str,
        ids: Sequence[int],
        active: Sequence[bool] | bytearray,
        categories: Sequence[Category],
        texts: Sequence[str],
        payments: Coded[str] | Sequence[str] | None = None,
        keys: PackedKeys | None = None,
        ascii_texts: AsciiViews | None = None,
        rarity: Counter[str] | None = None,
    ) -> None:
        # Compact columns (a market of 100,000 stores is held by every PC all day):
        # ids in an array, flags in bytes, one ASCII string, payment combinations coded.
        self.stamp = stamp
        self.ids = ids if isinstance(ids, array) else array("q", ids)
        #: Each store's stall sort key: with its id, where a patched store goes.
        self.keys = keys if keys is not None else PackedKeys.of([b""] * len(ids))
        self.active = active if isinstance(active, bytearray) else bytearray(map(bool, active))
        self.categories = categories
        self.texts = texts
        #: Each store's payment codes between commas (``,cash,card,``).
        self.payments = (
            payments if isinstance(payments, Coded) else Coded.of(payments or [""] * len(texts))
        )
        self.ascii_texts = ascii_texts if ascii_texts is not None else AsciiViews.of(texts)
        self.sample = texts[::_SAMPLE_EVERY]
        self.ascii_sample = self.ascii_texts.sample(_SAMPLE_EVERY)
        # How many sampled texts hold each character (not how often it occurs).
        if rarity is None:
            rarity = Counter()
            for text in self.sample:
                rarity.update(set(text))
        self.rarity = rarity
        self._postings: OrderedDict[str, array[int]] = OrderedDict()
        self._unions: OrderedDict[SearchTerm, array[int]] = OrderedDict()
        self._lock = threading.Lock()
        #: Rows before *base* are in stall order; patched stores are appended after it,
        #: their old rows left *dead* (``moved``: a patched store's id to its row).
        self.base = len(ids)
        self.dead: frozenset[int] = frozenset()
        self.moved: dict[int, int] = {}

    @classmethod
    def load(cls, conn: Connection, market_id: int, stamp: str) -> _Snapshot:
        """The market read row by row into compact columns (no list of rows held)."""
        return cls(stamp=stamp, **read_columns(store_rows(conn, market_id)))

    def forget_postings(self) -> None:
        with self._lock:
            self._postings.clear()
            self._unions.clear()

    def _in_ascii(self, word: str) -> bool:
        """Whether *word* is looked for in the ASCII views: an ASCII word of two characters
        or more without spaces (the views have none). One character is found in the
        texts as fast (a byte search per text) and needs no look-up of its row."""
        return len(word) > 1 and word.isascii() and " " not in word

    def _has(self, i: int, word: str) -> bool:
        """Whether text *i*'s view (its ASCII view for an ASCII word) holds *word*."""
        return self.ascii_texts.holds(i, word) if self._in_ascii(word) else word in self.texts[i]

    def _posting(self, key: str) -> array[int]:
        """Positions of the texts whose view holds *key* (computed once, then kept).

        Exact for one character; for a run of three a superset (the ASCII view can
        join two runs), so such a posting only ever names candidates.
        """
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        if self._in_ascii(key):
            found = array("i", self.ascii_texts.rows_with(key))
        else:
            found = array("i", [i for i, text in enumerate(self.texts) if key in text])
        with self._lock:
            self._postings[key] = found
            while len(self._postings) > _POSTINGS_KEPT:
                self._postings.popitem(last=False)
        return found

    def _cost(self, key: str) -> float:
        """What looking for a word through *key*'s posting costs, in texts scanned.

        The texts it names (kept, or estimated from the sample) plus, when it is
        not kept yet, building it: a single character is found fast (a byte
        search), a run of three about as slowly as the word itself.
        """
        with self._lock:
            kept = self._postings.get(key)
        if kept is not None:
            return len(kept)
        if len(key) == 1:
            named = self.rarity[key] * _SAMPLE_EVERY
            return named + len(self.texts) * _BUILD_CHAR
        sample = self.ascii_sample if key.isascii() else self.sample
        named = sum(key in text for text in sample) * _SAMPLE_EVERY
        return named + len(self.texts) * _BUILD_RUN

    def _first(self, word: str) -> list[int]:
        """Positions of the texts containing *word*, from all texts."""
        if len(word) == 1:
            return list(self._posting(word))
        keys = set(word)
        if word.isascii():  # letters are all common: a run of three is a better filter
            keys |= {word[i : i + 3] for i in range(len(word) - 2)}
        costs = {key: self._cost(key) for key in keys}
        rarest = min(costs, key=costs.__getitem__)
        texts = self.texts
        if costs[rarest] < len(texts):  # cheaper than scanning every text for the word
            return [i for i in self._posting(rarest) if word in texts[i]]
        if self._in_ascii(word):  # found in the views, confirmed in the full text
            return [i for i in self.ascii_texts.rows_with(word) if word in texts[i]]
        return [i for i, text in enumerate(texts) if word in text]

    def _term_hits(self, term: SearchTerm) -> Sequence[int]:
        """Positions, in order, of the texts matching *term*; a term of several
        alternatives or payments is a union, computed once and kept like a posting.
        """
        if len(term.alternatives) == 1 and not term.payments:
            return self._first(term.alternatives[0])
        with self._lock:
            found = self._unions.get(term)
            if found is not None:
                self._unions.move_to_end(term)
                return found
        union: set[int] = set()
        if len(term.alternatives) == 1:
            union.update(self._first(term.alternatives[0]))
        else:
            union.update(self._any_of(term.alternatives))
        for method in term.payments:
            code = f",{method.value},"
            union.update(self.payments.rows_where(_naming(code)))
        found = array("i", sorted(union))
        with self._lock:
            self._unions[term] = found
            while len(self._unions) > _POSTINGS_KEPT:
                self._unions.popitem(last=False)
        return found

    def _any_of(self, words: Sequence[str]) -> list[int]:
        """Positions of the texts holding one of *words* (a synonym group's union).

        A pass over the texts per word would cost a group of seven seven scans. An
        ASCII word is first looked for once in all the ASCII views joined (one byte
        search; most words of a group are absent from a market) and only when present
        through its postings. The other words are found in one pass that tests the
        rarest character of each, four at a time, and the texts it names are checked.
        """
        found: set[int] = set()
        rare: dict[str, str] = {}
        for word in words:
            if word.isascii():
                if " " in word or any(word in part for part in self.ascii_texts.parts()):
                    found.update(self._first(word))
            else:
                rare[word] = min(word, key=self._cost)
        if rare:
            texts = self.texts
            named = sorted(holding_any(texts, sorted(set(rare.values()))) - found)
            held = holding_any([texts[i] for i in named], tuple(rare))
            found.update(named[j] for j in held)
        return sorted(found)

    def _holds(self, i: int, term: SearchTerm) -> bool:
        text = self.texts[i]
        if any(word in text for word in term.alternatives):
            return True
        codes = self.payments[i]
        return any(f",{method.value}," in codes for method in term.payments)

    def match(
        self, terms: Sequence[SearchTerm], category: Category | None, include_inactive: bool
    ) -> list[int]:
        """Ids, in stall order, of the stores matching every term (and of *category*)."""
        # A plain word first, the longest: it usually leaves the fewest stores for the others.
        first, *rest = sorted(
            terms,
            key=lambda t: (len(t.alternatives) > 1 or bool(t.payments), -len(t.alternatives[0])),
        )
        hits: Sequence[int] = self._term_hits(first)
        for term in rest:
            hits = [i for i in hits if self._holds(i, term)]
        if not include_inactive:
            active = self.active
            hits = [i for i in hits if active[i]]
        if category is not None:
            categories = self.categories
            hits = [i for i in hits if categories[i] is category]
        if self.dead or len(self.ids) > self.base:
            hits = in_stall_order(self, hits)
        ids = self.ids
        return [ids[i] for i in hits]


def _naming(code: str) -> Callable[[str], bool]:
    """Whether a store's payment codes (``,cash,card,``) name *code* (``,card,``)."""
    return lambda codes: code in codes


def _stamp(conn: Connection, market_id: int) -> str | None:
    """The market's search stamp (None: no such market)."""
    return conn.scalar(select(Market.search_stamp).where(Market.id == market_id))


class SearchIndex:
    """The in-memory search of one database's markets; safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._snapshots: dict[int, _Snapshot] = {}
        #: Per market slug, the store ids of each change event since its snapshot
        #: (None: a change of unknown stores; no entry: no event yet).
        self._events: dict[str, list[frozenset[int]] | None] = {}
        self._slugs: dict[int, str] = {}
        self._results: OrderedDict[tuple[object, ...], list[int]] = OrderedDict()

    def matching_ids(
        self,
        conn: Connection,
        market_id: int,
        terms: Sequence[SearchTerm],
        *,
        category: Category | None = None,
        include_inactive: bool = False,
    ) -> list[int]:
        """Ids of the market's stores matching every one of *terms*, in stall order.

        The list returned is shared with later callers: do not change it.
        """
        if not terms:
            raise ValueError("a search needs at least one word")
        stamp = _stamp(conn, market_id)
        if stamp is None:
            return []
        key = (market_id, stamp, tuple(terms), category, include_inactive)
        with self._lock:
            found = self._results.get(key)
            if found is not None:
                self._results.move_to_end(key)
                return found
        ids = self._snapshot(conn, market_id, stamp).match(terms, category, include_inactive)
        with self._lock:
            self._results[key] = ids
            while len(self._results) > _RESULTS_KEPT:
                self._results.popitem(last=False)
        return ids

    def prepare(self, conn: Connection, market_id: int) -> None:
        """Load the market's texts now, if they are not loaded at the current stamp."""
        stamp = _stamp(conn, market_id)
        if stamp is not None:
            self._snapshot(conn, market_id, stamp)

    def note_change(self, market_slug: str | None, store_ids: Iterable[int]) -> None:
        """A change event: *store_ids* of *market_slug* changed (none named: any store;
        no market: any market). The next search patches those stores when the market's
        stamp shows that this was the only write since its snapshot."""
        ids = frozenset(store_ids)
        with self._lock:
            if market_slug is None:
                self._events = dict.fromkeys(self._events)
                return
            events = self._events.get(market_slug, [])
            if not ids or events is None or len(events) >= _EVENTS_KEPT:
                self._events[market_slug] = None
            else:
                self._events[market_slug] = [*events, ids]

    def _snapshot(self, conn: Connection, market_id: int, stamp: str) -> _Snapshot:
        snapshot = self._snapshots.get(market_id)
        if snapshot is not None and snapshot.stamp == stamp:
            return snapshot
        with self._load_lock:  # one load at a time; a second caller reuses the first's
            snapshot = self._snapshots.get(market_id)
            if snapshot is None or snapshot.stamp != stamp:
                with self._lock:
                    slug = self._slugs.get(market_id)
                    events = self._events.get(slug) if slug is not None else None
                    if slug is not None:
                        self._events[slug] = []
                old = None if snapshot is None else snapshot.stamp
                changed = to_patch(events, old, stamp)
                if snapshot is not None and changed is not None:
                    snapshot = patched(snapshot, conn, market_id, stamp, changed)
                if snapshot is None or snapshot.stamp != stamp:
                    snapshot = _Snapshot.load(conn, market_id, stamp)
                    give_back_freed_memory()
                    slug = conn.scalar(select(Market.slug).where(Market.id == market_id))
                with self._lock:
                    self._snapshots[market_id] = snapshot
                    if slug is not None:
                        self._slugs[market_id] = slug
                        self._events.setdefault(slug, [])
                    stale = [key for key in self._results if key[0] == market_id]
                    for key in stale:
                        if key[1] != stamp:
                            del self._results[key]
        return snapshot

    def clear(self, *, keep_texts: bool = False, keep_postings: bool = False) -> None:
        """Forget the kept results, and unless told to keep them the postings and the texts.

        Nothing needs this for correctness (stamps do that); benchmarks use it
        to time a search, or a reload, from cold.
        """
        with self._lock:
            self._results.clear()
            if not keep_texts:
                self._snapshots.clear()
            snapshots = list(self._snapshots.values())
        if not keep_postings:
            for snapshot in snapshots:
                snapshot.forget_postings()
