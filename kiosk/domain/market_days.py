"""Market days: open every day, or a 5일장 on the days of the month ending in given digits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from kiosk.domain.locales import LocaleCode

#: How the national market list writes "open every day".
DAILY_WORDS: Final = ("매일", "상설", "상설장", "상설시장", "연중무휴", "daily")

_WORDS: Final[Mapping[LocaleCode, tuple[str, str]]] = {
    "ko": ("매일", "{days}일장 (끝자리 {digits}일)"),
    "en": ("Every day", "Market days: days ending in {digits}"),
    "ja": ("毎日", "{digits}のつく日に開く市"),
    "zh_Hans": ("每天", "逢{digits}日开市"),
    "zh_Hant": ("每天", "逢{digits}日開市"),
}


@dataclass(frozen=True, slots=True)
class MarketDays:
    """``endings`` empty: every day; else the last digits (0-9) of the market's days.

    "2, 7" is a 5일장 held on the 2nd, 7th, 12th, 17th, 22nd and 27th of each month.
    """

    endings: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if any(not 0 <= d <= 9 for d in self.endings):
            raise ValueError(f"market day endings are digits 0-9: {self.endings}")
        object.__setattr__(self, "endings", tuple(sorted(set(self.endings))))

    @property
    def daily(self) -> bool:
        return not self.endings

    def is_market_day(self, day: date) -> bool:
        """Whether the market is held on *day*."""
        return self.daily or day.day % 10 in self.endings

    def to_json(self) -> dict[str, Any]:
        return {"endings": list(self.endings)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> MarketDays:
        if not data:
            return cls()
        try:
            return cls(tuple(int(d) for d in data["endings"]))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not market days: {data!r}") from exc

    def format(self, locale: LocaleCode) -> str:
        daily, cycle = _WORDS[locale]
        if self.daily:
            return daily
        digits = ", ".join(str(d) for d in self.endings)
        return cycle.format(days=10 // len(self.endings), digits=digits)


_DIGITS = re.compile(r"^(?:\d{1,2}\s*(?:일)?\s*[,，·/、\s]\s*)*\d{1,2}\s*(?:일)?$")


def parse_market_days(text: str) -> MarketDays:
    """Read the list's 시장개설주기: ``매일`` (or 상설), ``2, 7``, ``2·7일``, ``1,6일장``.

    A day number above 9 counts by its last digit (``2, 12, 22`` is ending 2).
    ValueError (naming the text) for anything else, an empty text included.
    """
    raw = text.strip()
    cleaned = re.sub(r"\s*(일장|장)$", "", raw)
    cleaned = re.sub(r"^(매월|매달|5일장|오일장)\s*[:：]?\s*", "", cleaned).strip(" ()")
    if raw in DAILY_WORDS or cleaned in DAILY_WORDS:
        return MarketDays()
    if not cleaned or not _DIGITS.match(cleaned):
        raise ValueError(f"market days not readable: {raw!r} (use 매일 or days such as 2, 7)")
    numbers = [int(n) for n in re.findall(r"\d{1,2}", cleaned)]
    if any(not 0 <= n <= 31 for n in numbers):
        raise ValueError(f"market days not readable: {raw!r} (days of the month 1-31)")
    return MarketDays(tuple(n % 10 for n in numbers))
