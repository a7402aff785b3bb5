"""Control, invisible and bidi characters: find them and name them for people."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

#: Friendly English names for the characters people meet in pasted or scanned text;
#: others use their Unicode name in lower case.
FRIENDLY_NAMES: dict[str, str] = {
    "\x00": "null",
    "\x07": "bell",
    "\x08": "backspace",
    "\t": "tab",
    "\n": "line feed",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
    "\u00ad": "soft hyphen",
    "\u061c": "Arabic letter mark",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2061": "function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero-width no-break space (byte order mark)",
}


def is_control(ch: str) -> bool:
    """C0 and C1 control characters and DEL (Unicode category Cc)."""
    return unicodedata.category(ch) == "Cc"


def is_invisible(ch: str) -> bool:
    """Invisible formatting and bidi controls (category Cf: U+200B, U+202E, U+FEFF, ...)."""
    return unicodedata.category(ch) == "Cf"


def is_hidden(ch: str) -> bool:
    """A character a terminal or a text box would not show as itself (Cc, Cf, Zl, Zp)."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def char_name(ch: str) -> str:
    """``zero-width space`` for U+200B; the Unicode name in lower case for the rest."""
    friendly = FRIENDLY_NAMES.get(ch)
    if friendly is not None:
        return friendly
    name = unicodedata.name(ch, "")
    if name:
        return name.lower()
    return "control character" if is_control(ch) else "unnamed character"


def hidden_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of every hidden character in *text* (see :func:`is_hidden`)."""
    return ((index, ch) for index, ch in enumerate(text) if is_hidden(ch))
