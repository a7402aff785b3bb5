"""The one text gate for codes: hidden, filler, combining and unassigned characters are refused."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from kiosk.domain.characters import char_name
from kiosk.domain.messages import N_, Message, MessageDef, define


class CharKind(StrEnum):
    """Why a character may not stand in a payment code or a KakaoTalk channel text."""

    CONTROL = "control"
    INVISIBLE = "invisible"
    COMBINING = "combining"
    PRIVATE_USE = "private_use"
    UNASSIGNED = "unassigned"
    SURROGATE = "surrogate"
    SEPARATOR = "separator"


#: Characters that look like nothing but are letters or marks to Unicode: the Hangul
#: fillers (category Lo), the combining grapheme joiner, the Mongolian and other variation
#: selectors, the Khmer inherent vowels and the blank Braille pattern.
INVISIBLE_LOOKALIKES: Final = frozenset(
    "\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800"
    + "".join(chr(code) for code in range(0xFE00, 0xFE10))
    + "".join(chr(code) for code in range(0xE0100, 0xE01F0))
)

#: Unicode general categories refused anywhere, and what they are called for people.
_CATEGORY_KINDS: Final = {
    "Cc": CharKind.CONTROL,
    "Cf": CharKind.INVISIBLE,  # zero-width, bidi controls, tags, U+FEFF, U+00AD, U+180E
    "Mn": CharKind.COMBINING,
    "Me": CharKind.COMBINING,
    "Co": CharKind.PRIVATE_USE,
    "Cn": CharKind.UNASSIGNED,
    "Cs": CharKind.SURROGATE,
    "Zl": CharKind.SEPARATOR,
    "Zp": CharKind.SEPARATOR,
}

_MESSAGES: Final[dict[CharKind, MessageDef]] = {
    CharKind.CONTROL: define(
        "code_text.control",
        N_(
            'the text has a control character U+{code:04X} at position {pos} ("{name}"); '
            "a code is one line of text, so it is refused, not removed"
        ),
    ),
    CharKind.INVISIBLE: define(
        "code_text.invisible",
        N_(
            "the text has an invisible or filler character U+{code:04X} at position {pos} "
            '("{name}"); it is refused, not removed: copy the code again from where it was issued'
        ),
    ),
    CharKind.COMBINING: define(
        "code_text.combining",
        N_(
            'the text has a combining mark U+{code:04X} at position {pos} ("{name}"); '
            "a code never has one, so it is refused, not removed"
        ),
    ),
    CharKind.PRIVATE_USE: define(
        "code_text.private_use",
        N_(
            "the text has a private-use character U+{code:04X} at position {pos}; "
            "it shows differently on every device, so it is refused"
        ),
    ),
    CharKind.UNASSIGNED: define(
        "code_text.unassigned",
        N_(
            "the text has U+{code:04X} at position {pos}, which is not a character "
            "(unassigned or a non-character); it is refused"
        ),
    ),
    CharKind.SURROGATE: define(
        "code_text.surrogate",
        N_("the text has a broken character (lone surrogate U+{code:04X}) at position {pos}"),
    ),
    CharKind.SEPARATOR: define(
        "code_text.separator",
        N_(
            'the text has a line break U+{code:04X} at position {pos} ("{name}"); '
            "a code is one line of text, so it is refused, not removed"
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class RefusedCharacter:
    """The first character the gate refuses: where it is (0-based ``index``) and why."""

    index: int
    char: str
    kind: CharKind

    @property
    def position(self) -> int:
        """1-based, as messages count."""
        return self.index + 1

    @property
    def message(self) -> Message:
        """One line naming the character (U+XXXX and its name) and its position."""
        return _MESSAGES[self.kind](
            code=ord(self.char), pos=self.position, name=char_name(self.char)
        )


def char_kind(ch: str) -> CharKind | None:
    """Why *ch* is refused in a code, or None when it may stand there."""
    if ch in INVISIBLE_LOOKALIKES:
        return CharKind.INVISIBLE
    return _CATEGORY_KINDS.get(unicodedata.category(ch))


def refused_character(text: str) -> RefusedCharacter | None:
    """The first character of *text* that no payment code or channel text may hold."""
    if text.isascii() and text.isprintable():  # fast path: plain printable ASCII
        return None
    for index, ch in enumerate(text):
        kind = char_kind(ch)
        if kind is not None:
            return RefusedCharacter(index, ch, kind)
    return None


def code_text_problem(text: str) -> Message | None:
    """Why *text* cannot be a payment code or KakaoTalk channel text, or None when it can.

    The one gate every path calls (merchant screen, CLI, import, onboarding, saved
    codes) before any format test: control, invisible and bidi characters, Hangul
    fillers, combining marks, variation selectors, tags, private-use, unassigned and
    surrogate code points and line separators are refused anywhere in the text, never
    stripped, so that nothing can hide a payload's real start (and its checksum).
    """
    found = refused_character(text)
    return None if found is None else found.message


def without_refused(text: str) -> str:
    """*text* without the characters the gate refuses (only to explain a refusal better)."""
    if text.isascii() and text.isprintable():  # fast path: nothing to leave out
        return text
    return "".join(ch for ch in text if char_kind(ch) is None)
