"""Checks of checklist TOML values: tables, unknown fields, five-language texts, numbers, URLs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlsplit

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.onboarding.checklist_lines import Path, line_of
from kiosk.domain.text import LocalizedText

LIMITS: Final = {"title": 80, "why": 300, "substep": 200, "document": 120, "name": 120}
MAX_URL: Final = 200

UNKNOWN_FIELD = define("checklist.unknown_field", N_("unknown field {name!r}"))
MISSING_LOCALE = define("checklist.missing_locale", N_("{name}: the {locale} text is missing"))
EMPTY_TEXT = define("checklist.empty_text", N_("{name}: the {locale} text is empty"))
TEXT_TOO_LONG = define(
    "checklist.text_too_long", N_("{name}: the {locale} text has {n} characters; at most {max}")
)
WRONG_TYPE = define("checklist.wrong_type", N_("{name} must be {kind}"))
KINDS = {
    "text": define("checklist.kind.text", N_("text")),
    "int": define("checklist.kind.int", N_("a whole number")),
    "bool": define("checklist.kind.bool", N_("true or false")),
    "table": define("checklist.kind.table", N_("a table")),
    "tables": define("checklist.kind.tables", N_("a list of tables")),
}
OUT_OF_RANGE = define("checklist.out_of_range", N_("{name} must be from {min} to {max}"))
BAD_URL = define("checklist.bad_url", N_("bad URL {url!r}: {reason}"))
URL_REASONS = {
    "https": define("checklist.url.https", N_("it must start with https://")),
    "host": define("checklist.url.host", N_("it has no host name")),
    "netloc": define("checklist.url.netloc", N_("no user-info or port is allowed")),
    "ascii": define("checklist.url.ascii", N_("only plain ASCII without spaces is allowed")),
    "long": define("checklist.url.long", N_("it is longer than {max} characters")),
}


class Checker:
    def __init__(self, index: Mapping[Path, int]) -> None:
        self.index = index
        self.problems: list[tuple[int, Message]] = []

    def fail(self, path: Path, message: Message) -> None:
        self.problems.append((line_of(self.index, path), message))

    def table(self, path: Path, value: object, name: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, WRONG_TYPE(name=name, kind=KINDS["table"]()))
            return None
        return value

    def unknown(self, path: Path, data: Mapping[str, object], allowed: frozenset[str]) -> None:
        for name in data:
            if name not in allowed:
                self.fail((*path, name), UNKNOWN_FIELD(name=name))

    def text(self, path: Path, value: object, name: str, limit: int) -> LocalizedText:
        """Five non-empty texts (one per locale) within *limit* characters."""
        data = self.table(path, value, name)
        if data is None:
            return LocalizedText({})
        self.unknown(path, data, frozenset(LOCALES))
        kept: dict[LocaleCode, str] = {}
        for locale in LOCALES:
            if locale not in data:
                self.fail(path, MISSING_LOCALE(name=name, locale=locale))
                continue
            text = data[locale]
            where = (*path, locale)
            if not isinstance(text, str):
                self.fail(where, WRONG_TYPE(name=f"{name}.{locale}", kind=KINDS["text"]()))
            elif not text.strip():
                self.fail(where, EMPTY_TEXT(name=name, locale=locale))
            elif len(text.strip()) > limit:
                self.fail(
                    where, TEXT_TOO_LONG(name=name, locale=locale, n=len(text.strip()), max=limit)
                )
            else:
                kept[locale] = " ".join(text.split())
        return LocalizedText(kept)

    def integer(self, path: Path, value: object, name: str, low: int, high: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(path, WRONG_TYPE(name=name, kind=KINDS["int"]()))
            return 0
        if not low <= value <= high:
            self.fail(path, OUT_OF_RANGE(name=name, min=low, max=high))
        return value

    def url(self, path: Path, value: object) -> str:
        if not isinstance(value, str):
            self.fail(path, WRONG_TYPE(name="url", kind=KINDS["text"]()))
            return ""
        problem = url_problem(value)
        if problem is not None:
            self.fail(path, BAD_URL(url=value, reason=problem))
            return ""
        return value


def url_problem(url: str) -> Message | None:
    """Why *url* cannot be an official page link (https, a host, no user-info or port), or None."""
    if not url:
        return None
    if len(url) > MAX_URL:
        return URL_REASONS["long"](max=MAX_URL)
    if not url.isascii() or any(ch.isspace() or not ch.isprintable() or ch == "\\" for ch in url):
        return URL_REASONS["ascii"]()
    try:
        parts = urlsplit(url)
    except ValueError:
        return URL_REASONS["host"]()
    if parts.scheme != "https" or not url.startswith("https://"):
        return URL_REASONS["https"]()
    if "@" in parts.netloc or ":" in parts.netloc:
        return URL_REASONS["netloc"]()
    host = parts.netloc
    if not host or "." not in host or host.startswith(".") or host.endswith("."):
        return URL_REASONS["host"]()
    return None
