"""One Korean phone number normaliser: every typed form stored as ``051-123-4567``."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_PHONE: Final = re.compile(
    r"^(?:02-\d{3,4}-\d{4}"  # Seoul
    r"|0[3-6][1-5]-\d{3,4}-\d{4}"  # other areas
    r"|01[016789]-\d{3,4}-\d{4}"  # mobile
    r"|0[57]0\d?-\d{3,4}-\d{4}"  # 070 internet phones, 050x safe numbers
    r"|1[5-9]\d{2}-\d{4})$"  # 1588-xxxx company numbers
)
#: Country calling code prefixes of Korea as typed: ``+82``, ``0082`` (the 00 exit code).
_COUNTRY: Final = re.compile(r"^(?:\+|00)82")


def _national_digits(text: str) -> str | None:
    """The digits as dialled inside Korea (``+82 51`` -> ``051``), or None."""
    folded = unicodedata.normalize("NFKC", text)  # full-width digits, ＋ and －
    compact = re.sub(r"[\s.\-()]", "", folded)
    country = _COUNTRY.match(compact)
    if country:
        rest = compact[country.end() :]
        rest = rest.removeprefix("0")  # "+82 (0)51-..." keeps the trunk zero by mistake
        if not rest or rest.startswith("0"):
            return None
        compact = rest if re.fullmatch(r"1[5-9]\d{6}", rest) else "0" + rest
    if not compact.isascii() or not compact.isdigit():
        return None
    return compact


#: Texts already normalised -> their number (at most ``_REMEMBERED``): a number is read
#: once per store and checked again by the store form's rules (an import of thousands).
_KNOWN: dict[str, str | None] = {}
_REMEMBERED: Final = 65_536


def normalise_phone(text: str) -> str | None:
    """A Korean phone number with hyphens (``+82 51-123-4567`` -> ``051-123-4567``), or None.

    Blank stays blank. Spaces, dots, hyphens and brackets as typed are accepted, and
    the international form (``+82``, ``0082``) becomes the national one. Normalising
    a result again gives it back, so results are remembered as their own answer too.
    """
    if text in _KNOWN:
        return _KNOWN[text]
    phone = _normalised(text)
    if len(_KNOWN) >= _REMEMBERED:
        _KNOWN.clear()
    _KNOWN[text] = phone
    if phone:
        _KNOWN[phone] = phone
    return phone


def _normalised(text: str) -> str | None:
    if not text.strip():
        return ""
    digits = _national_digits(text.strip())
    if digits is None:
        return None
    if digits.startswith("02"):
        head, rest = "02", digits[2:]
    elif re.match(r"^1[5-9]\d{2}", digits):
        head, rest = digits[:4], digits[4:]
        candidate = f"{head}-{rest}"
        return candidate if _PHONE.match(candidate) else None
    elif digits.startswith("050"):  # 0505-123-4567 safe numbers have a 4-digit prefix
        head, rest = digits[:4], digits[4:]
    else:
        head, rest = digits[:3], digits[3:]
    if len(rest) not in (7, 8):
        return None
    candidate = f"{head}-{rest[:-4]}-{rest[-4:]}"
    return candidate if _PHONE.match(candidate) else None


def international(phone: str) -> str:
    """A stored number as dialled from abroad: ``051-123-4567`` -> ``+82 51-123-4567``.

    Company numbers (``1588-1234``) cannot be dialled from abroad and stay as they are;
    blank stays blank; text that is not a stored number is returned unchanged.
    """
    stored = normalise_phone(phone)
    if not stored or not stored.startswith("0"):
        return phone if stored is None else stored
    return "+82 " + stored[1:]
