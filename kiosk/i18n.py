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
            cat = _gettext.GNUTranslations(handle)
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
        return render(message, _)
    return render(message, _catalog(locale).gettext)


# Errors and notes carry Message values; str() of them renders through this hook,
# so they show in the language current when they are shown, not when raised.
install_translator(_)
