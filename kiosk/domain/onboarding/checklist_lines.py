"""Where each key of a checklist TOML file is: the first line of every key path, by a small scan."""

from __future__ import annotations

import re
from collections.abc import Mapping

#: A key path: table and key names, and the index of an array-of-tables item.
Path = tuple[str | int, ...]

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]#]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]#]+?)\s*\]")
_KEY_LINE = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*(.*)$"""
)


def _parts(dotted: str) -> tuple[str, ...]:
    """``title.ko`` -> ("title", "ko"); quoted parts (``"a.b"``) stay whole."""
    parts: list[str] = []
    current, quote = "", ""
    for ch in dotted:
        if quote:
            if ch == quote:
                quote = ""
            else:
                current += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return tuple(parts)


def line_index(text: str) -> dict[Path, int]:
    """The first line of every key path (``("step", 2, "title", "ko")``) and of its prefixes.

    Array-of-tables items get their index (``[[step]]`` number 3 is ``("step", 2)``).
    Lines inside multi-line strings are skipped; what this scan cannot place falls
    back to its nearest enclosing key.
    """
    found: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    current: Path = ()
    closing = ""

    def resolve(parts: tuple[str, ...]) -> Path:
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in counts:
                path = (*path, counts[path] - 1)
        return path

    def record(path: Path, number: int) -> None:
        for end in range(1, len(path) + 1):
            found.setdefault(path[:end], number)

    for number, line in enumerate(text.splitlines(), 1):
        if closing:
            if closing in line:
                closing = ""
            continue
        array = _ARRAY_HEADER.match(line)
        if array is not None:
            parts = _parts(array.group(1))
            base = (*resolve(parts[:-1]), parts[-1])
            counts[base] = counts.get(base, 0) + 1
            current = (*base, counts[base] - 1)
            record(current, number)
            continue
        table = _TABLE_HEADER.match(line)
        if table is not None:
            current = resolve(_parts(table.group(1)))
            record(current, number)
            continue
        key = _KEY_LINE.match(line)
        if key is not None:
            record((*current, *_parts(key.group(1))), number)
            value = key.group(2).strip()
            for quote in ('"""', "'''"):
                if value.startswith(quote) and value.count(quote) == 1:
                    closing = quote
    return found


def line_of(index: Mapping[Path, int], path: Path) -> int:
    for end in range(len(path), 0, -1):
        line = index.get(path[:end])
        if line is not None:
            return line
    return 1
