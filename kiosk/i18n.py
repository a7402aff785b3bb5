"""Gettext plumbing: mark with ``N_()`` where defined, translate with ``_()`` where shown.

The domain cannot import this module: it builds ``kiosk.domain.messages.Message``
values (code, English template, parameters) and this module installs the hook
that renders them in the current locale whenever ``str()`` is taken.

Catalog sources live in ``i18n/<locale>/LC_MESSAGES/kiosk.po`` (extracted with
Babel into ``i18n/kiosk.pot``); compiled ``.mo`` files ship inside the package
under ``kiosk/locale`` so installed and frozen builds find them. Source strings
are English; the ``en`` catalog maps them to themselves.
"""

from __future__ import annotations

import gettext as _gettext
import io
import struct
from collections.abc import Callable
from pathlib import Path

from kiosk.domain.locales import DEFAULT_LOCALE, LocaleCode
from kiosk.domain.messages import N_, Message, install_translator, render

__all__ = [
    "N_",
    "_",
    "add_listener",
    "current_locale",
    "has_catalog",
    "ngettext",
    "remove_listener",
    "render_message",
    "set_locale",
    "translate",
]

DOMAIN = "kiosk"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translations: dict[str, _gettext.NullTranslations] = {}
_current: LocaleCode = DEFAULT_LOCALE
_listeners: list[Callable[[LocaleCode], None]] = []


class _LookedUp:
    """A compiled catalog's messages, looked up in the file's sorted table of originals
    (a binary search) instead of decoding all ~1,100 entries into a dict at start-up.

    ``GNUTranslations`` reads its messages through ``get`` and ``[]`` only. A plural
    message, or one the search misses (a table not sorted as the format says it should
    be), decodes the whole file once the standard way, so every answer is the one
    ``GNUTranslations`` would give.
    """

    def __init__(self, data: bytes, count: int, originals: int, translations: int, charset: str):
        self._data, self._count, self._charset = data, count, charset
        self._originals, self._translations = originals, translations
        self._all: dict[object, str] | None = None

    def get(self, key: object, default: object = None) -> object:
        if isinstance(key, str) and self._all is None:
            found = self._search(key.encode(self._charset))
            if found is not None:
                return found
        return self._decoded().get(key, default)

    def __getitem__(self, key: object) -> str:
        return self._decoded()[key]

    def _search(self, wanted: bytes) -> str | None:
        data, low, high = self._data, 0, self._count
        while low < high:
            middle = (low + high) // 2
            length, offset = struct.unpack_from("<II", data, self._originals + 8 * middle)
            original = data[offset : offset + length]
            if original == wanted:
                length, offset = struct.unpack_from("<II", data, self._translations + 8 * middle)
                return data[offset : offset + length].decode(self._charset)
            if original < wanted:
                low = middle + 1
            else:
                high = middle
        return None

    def _decoded(self) -> dict[object, str]:
        if self._all is None:
            standard = _gettext.GNUTranslations(io.BytesIO(self._data))
            self._all = dict(standard._catalog)  # type: ignore[attr-defined]
        return self._all


class _Catalog(_gettext.GNUTranslations):
    """``GNUTranslations`` that reads only the header at start and looks messages up on
    demand (``_LookedUp``): decoding the whole catalog took ~3 ms before the first frame."""

    def _parse(self, fp: _gettext._TranslationsReader) -> None:
        data = fp.read()
        magic, _version, count, originals, translations = struct.unpack_from("<5I", data)
        header_length = struct.unpack_from("<I", data, originals)[0] if count else 1
        if magic != self.LE_MAGIC or header_length != 0:  # not the little-endian layout
            super()._parse(io.BytesIO(data))
            return
        # The header (the empty original, always first) sets charset and plural forms
        # exactly as GNUTranslations does: parse a one-entry copy of the file.
        length, offset = struct.unpack_from("<II", data, translations)
        header = data[offset : offset + length]
        single = struct.pack("<7I", magic, 0, 1, 28, 36, 0, 0) + struct.pack(
            "<4I", 0, 44, length, 44
        )
        super()._parse(io.BytesIO(single + header + b"\0"))
        charset = self._charset or "ascii"  # type: ignore[attr-defined]
        self._catalog = _LookedUp(data, count, originals, translations, charset)


def _catalog(locale: LocaleCode) -> _gettext.NullTranslations:
    try:
        return _translations[locale]
    except KeyError:
        pass
    # The file is opened directly: gettext.translation() would search the locale
    # aliases (and import the locale module) for a path we already know.
    cat: _gettext.NullTranslations
    try:
        with (LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
            cat = _Catalog(handle)
    except OSError:
        cat = _gettext.NullTranslations()
    _translations[locale] = cat
    return cat


def has_catalog(locale: LocaleCode) -> bool:
    """True when a compiled catalog for *locale* ships with the app."""
    return (LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


def set_locale(locale: LocaleCode) -> None:
    """Switch the UI language; listeners (open screens) re-translate themselves."""
    global _current
    _current = locale
    for listener in list(_listeners):
        listener(locale)


def current_locale() -> LocaleCode:
    return _current


def add_listener(callback: Callable[[LocaleCode], None]) -> None:
    _listeners.append(callback)


def remove_listener(callback: Callable[[LocaleCode], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def _(message: str) -> str:
    """Translate *message* into the current UI locale."""
    return _catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a plural form for count *n*."""
    return _catalog(_current).ngettext(singular, plural, n)


def translate(message: str, locale: LocaleCode) -> str:
    """Translate *message* into an explicit *locale* (used by printed stands)."""
    return _catalog(locale).gettext(message)


def render_message(message: Message, locale: LocaleCode | None = None) -> str:
    """*message* (with its nested messages) in *locale*, or in the current UI locale."""
    if locale is None:
        return render(message, _, ngettext)
    catalog = _catalog(locale)
    return render(message, catalog.gettext, catalog.ngettext)


# Errors and notes carry Message values; str() of them renders through this hook,
# so they show in the language current when they are shown, not when raised.
install_translator(_, ngettext)
