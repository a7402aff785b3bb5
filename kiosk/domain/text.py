"""Localised text values: one string per locale, with a fallback when one is missing."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.domain.locales import LOCALES, LocaleCode, fallback_chain


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """Text in up to five locales.

    Rule: ``get(locale)`` never returns an empty string while any locale has
    text; it falls back to English, then Korean (see ``fallback_chain``).
    """

    values: Mapping[LocaleCode, str] = field(default_factory=dict)

    def get(self, locale: LocaleCode) -> str:
        for code in fallback_chain(locale):
            text = self.values.get(code, "")
            if text:
                return text
        for code in LOCALES:
            if self.values.get(code):
                return self.values[code]
        return ""

    def has(self, locale: LocaleCode) -> bool:
        return bool(self.values.get(locale))


def normalise_for_search(text: str) -> str:
    """Fold *text* for substring search: NFKC, case-folded, whitespace collapsed.

    NFKC maps full-width Latin and half-width katakana to their usual forms, so
    a tourist typing on a phone-style keyboard still finds the store.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())
