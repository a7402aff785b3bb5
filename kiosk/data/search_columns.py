"""A market's search columns held compactly: the ASCII views of its texts in one string."""

from __future__ import annotations

import ctypes
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cache
from typing import Any, Generic, TypeVar

from kiosk.domain.categories import Category

#: What the ASCII view leaves out besides non-ASCII characters (never inside a word).
_SPACES = b" \t\n\r\x0b\x0c"
#: Texts turned into views per piece while building (the pieces are joined at the end).
_PIECE = 4096


def ascii_view(text: str) -> str:
    """*text* with its other characters and its spaces left out."""
    return text.encode("ascii", "ignore").translate(None, _SPACES).decode("ascii")


class AsciiViews:
    """Each text's ASCII view, in row order: one string joined by newlines, the rows'
    starts in an array, and the views of rows appended by patches in a short list.

    At 100,000 stores this is one ~17 MB string instead of 100,000 strings (~21 MB
    more, each with its own header) beside a joined copy. A view holds no spaces, so
    a word (no spaces either) never matches across the newline ending a row.
    """

    __slots__ = ("extra", "joined", "starts")

    def __init__(self, joined: str, starts: array[int], extra: Sequence[str] = ()) -> None:
        self.joined = joined
        #: Row *i* is ``joined[starts[i]:starts[i + 1] - 1]`` (one start more than rows).
        self.starts = starts
        self.extra = tuple(extra)

    @classmethod
    def of(cls, texts: Iterable[str]) -> AsciiViews:
        """The views of *texts*, built a piece at a time (no list of 100,000 views)."""
        pieces: list[str] = []
        starts = array("q", [0])
        at = 0
        views: list[str] = []
        for text in texts:
            view = ascii_view(text)
            views.append(view)
            at += len(view) + 1
            starts.append(at)
            if len(views) == _PIECE:
                pieces.append("\n".join(views) + "\n")
                views.clear()
        if views:
            pieces.append("\n".join(views) + "\n")
        return cls("".join(pieces), starts)

    def __len__(self) -> int:
        return len(self.starts) - 1 + len(self.extra)

    def row(self, i: int) -> str:
        """Row *i*'s view."""
        base = len(self.starts) - 1
        if i >= base:
            return self.extra[i - base]
        return self.joined[self.starts[i] : self.starts[i + 1] - 1]

    def holds(self, i: int, word: str) -> bool:
        """Whether row *i*'s view holds *word*."""
        base = len(self.starts) - 1
        if i >= base:
            return word in self.extra[i - base]
        return self.joined.find(word, self.starts[i], self.starts[i + 1] - 1) >= 0

    def rows_with(self, word: str) -> list[int]:
        """The rows whose view holds *word*, ascending (one search through the string,
        skipping to the next row at each hit)."""
        if not word:
            return list(range(len(self)))
        starts, find = self.starts, self.joined.find
        found: list[int] = []
        row, at = 0, find(word)
        while at >= 0:
            if starts[row + 1] <= at:  # not in the next row: look its row up
                row = bisect_right(starts, at, row + 1) - 1
            found.append(row)
            row += 1
            at = find(word, starts[row])
        base = len(starts) - 1
        found.extend(base + j for j, view in enumerate(self.extra) if word in view)
        return found

    def parts(self) -> tuple[str, ...]:
        """Every view, in a few strings: to ask once whether any row holds a word."""
        return (self.joined, "\n".join(self.extra)) if self.extra else (self.joined,)

    def appended(self, texts: Iterable[str]) -> AsciiViews:
        """These views with *texts*' views added as new rows (the big string shared)."""
        return AsciiViews(self.joined, self.starts, (*self.extra, *map(ascii_view, texts)))

    def sample(self, every: int) -> list[str]:
        """One view in *every*, from the first."""
        return [self.row(i) for i in range(0, len(self), every)]


class PackedKeys:
    """Each row's stall sort key, in row order: one bytes object with the rows' ends in an
    array, and the keys of rows appended by patches in a short tuple.

    At 100,000 stores ~2.7 MB instead of 100,000 bytes objects and a list (~6.9 MB);
    a key is only read to place a patched store among the others.
    """

    __slots__ = ("ends", "extra", "joined")

    def __init__(self, joined: bytes, ends: array[int], extra: Sequence[bytes] = ()) -> None:
        self.joined = joined
        #: Row *i* is ``joined[ends[i - 1]:ends[i]]`` (``ends[-1]`` of row 0 being 0).
        self.ends = ends
        self.extra = tuple(extra)

    @classmethod
    def of(cls, keys: Iterable[bytes]) -> PackedKeys:
        kept = list(keys)
        ends, at = array("i"), 0
        for key in kept:
            at += len(key)
            ends.append(at)
        return cls(b"".join(kept), ends)

    def __len__(self) -> int:
        return len(self.ends) + len(self.extra)

    def __getitem__(self, i: int) -> bytes:
        base = len(self.ends)
        if i >= base:
            return self.extra[i - base]
        return self.joined[self.ends[i - 1] if i else 0 : self.ends[i]]

    def appended(self, keys: Iterable[bytes]) -> PackedKeys:
        """These keys with *keys* added as new rows (the big bytes shared)."""
        return PackedKeys(self.joined, self.ends, (*self.extra, *keys))


V = TypeVar("V", bound=Hashable)


class Coded(Generic[V]):
    """Each row's value out of a few distinct ones (a payment combination):
    the distinct values in a list and each row's place in it in an array of 2 bytes
    (4 past 65,535 distinct values).

    At 100,000 stores 0.2-0.4 MB instead of a list of 100,000 references (0.8 MB).
    """

    __slots__ = ("_places", "codes", "values")

    def __init__(self, values: Iterable[V] = (), codes: array[int] | None = None) -> None:
        self.values: list[V] = list(values)
        self.codes: array[int] = codes if codes is not None else array("H")
        self._places = {value: place for place, value in enumerate(self.values)}

    @classmethod
    def of(cls, items: Iterable[V]) -> Coded[V]:
        column: Coded[V] = cls()
        for item in items:
            column.append(item)
        return column

    def append(self, value: V) -> None:
        place = self._places.get(value)
        if place is None:
            place = self._places[value] = len(self.values)
            self.values.append(value)
            if place > 0xFFFF and self.codes.typecode == "H":
                self.codes = array("I", self.codes)
        self.codes.append(place)

    def copy(self) -> Coded[V]:
        """A copy to append to (the values are shared, they are never changed)."""
        return Coded(self.values, array(self.codes.typecode, self.codes))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> V:
        return self.values[self.codes[i]]

    def code(self, value: V) -> int | None:
        """*value*'s code in :attr:`codes` (None: no row holds it)."""
        return self._places.get(value)

    def rows_where(self, test: Callable[[V], bool]) -> list[int]:
        """The rows, ascending, whose value passes *test* (asked once per distinct value)."""
        passed = {place for place, value in enumerate(self.values) if test(value)}
        if not passed:
            return []
        return [i for i, place in enumerate(self.codes) if place in passed]


def read_columns(rows: Iterable[Any]) -> dict[str, Any]:
    """The columns of a snapshot from (key, id, active, category, text, payments) rows,
    compact: ids in an array, keys packed, flags in bytes, payment combinations coded
    (the categories stay a list: filtering by one compares identities, the fastest test).
    """
    ids: array[int] = array("q")
    keys = bytearray()
    ends: array[int] = array("i")
    active = bytearray()
    texts: list[str] = []
    categories: list[Category] = []
    # Each combination's place: setdefault gives a new one the next free place.
    payments: dict[str | None, int] = {}  # a market has a few payment combinations
    payment_codes: array[int] = array("I")  # ... but its stores could write any text
    for key, store_id, is_active, category, text, codes in rows:
        ids.append(store_id)
        keys += key
        ends.append(len(keys))
        active.append(bool(is_active))
        categories.append(category)
        texts.append(text)
        payment_codes.append(payments.setdefault(codes, len(payments)))
    return {
        "ids": ids, "keys": PackedKeys(bytes(keys), ends), "active": active,
        "categories": categories,
        "payments": Coded([f",{codes or ''}," for codes in payments], payment_codes),
        "texts": texts,
    }  # fmt: skip


@cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim`` (None elsewhere: Windows, macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


def give_back_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (Linux with glibc; elsewhere nothing).

    Loading a large market frees as much as it keeps (rows, pieces of the views) and
    glibc keeps those pages mapped: at 100,000 stores ~17 MiB of resident memory
    that nothing uses. Called after a full load (~10 ms).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
