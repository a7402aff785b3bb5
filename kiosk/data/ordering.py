"""Natural order of stall numbers: A-2 before A-10, 2 before 10, case-insensitive."""

from __future__ import annotations

import re
import unicodedata

_CHUNKS = re.compile(r"(\d+)")


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
