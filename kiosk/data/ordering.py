"""Natural order of stall numbers: A-2 before A-10, 2 before 10, case-insensitive.

``stall_sort_key`` is the Python key; ``stall_sort_bytes`` encodes the same order
as bytes, stored in ``stores.stall_sort_key`` so the database sorts (bytes compare
the same way on SQLite and PostgreSQL, whatever the collation).
"""

from __future__ import annotations

import re
import unicodedata

_CHUNKS = re.compile(r"(\d+)")

# Byte tags of the three kinds of key element, in the order the tuple key sorts them.
_END, _NUMBER, _TEXT = b"\x01", b"\x02", b"\x03"


def stall_sort_key(stall_number: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key splitting *stall_number* into numbers (compared by value) and text.

    Full-width digits count as digits (NFKC); ``A-02`` and ``A-2`` sort together,
    the original text breaking the tie so the order is total.
    """
    folded = unicodedata.normalize("NFKC", stall_number).casefold().strip()
    key: list[tuple[int, int, str]] = []
    for index, chunk in enumerate(_CHUNKS.split(folded)):
        if not chunk:
            continue
        if index % 2:
            key.append((0, int(chunk), ""))
        else:
            key.append((1, 0, chunk))
    key.append((-1, 0, stall_number))  # shorter sorts first: A-1 before A-1-2
    return tuple(key)


def stall_sort_bytes(stall_number: str) -> bytes:
    """``stall_sort_key`` as bytes with the same order under plain byte comparison.

    A number is its digits without leading zeros after their count (so 9 < 10);
    a text chunk is its UTF-8 (code point order) closed by a zero byte (so a
    prefix sorts first); the original text closes the key as the tie-breaker.
    Written in one pass over the chunks (an import keys thousands of stalls), the
    very elements ``stall_sort_key`` makes.
    """
    folded = unicodedata.normalize("NFKC", stall_number).casefold().strip()
    out = bytearray()
    for index, chunk in enumerate(_CHUNKS.split(folded)):
        if not chunk:
            continue
        if index % 2:
            digits = str(int(chunk)).encode("ascii")
            out += _NUMBER + len(digits).to_bytes(2, "big") + digits
        else:
            out += _TEXT + chunk.replace("\x00", "").encode("utf-8") + b"\x00"
    out += _END + stall_number.encode("utf-8", "surrogatepass")
    return bytes(out)
