"""Promotions and announcements as values: their five-language texts, schedule and checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, define
from kiosk.domain.store_edit.draft import Problem
from kiosk.domain.text import LocalizedText

#: Every schedule is read in the markets' own time zone (no daylight saving time).
SEOUL = ZoneInfo("Asia/Seoul")
MAX_TITLE = 80
MAX_TEXT = 400
#: The largest image a promotion may carry, in bytes.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

ENDS_BEFORE_START = define(
    "promotion.ends_before_start", N_("The end date {end} is before the start date {start}.")
)
NO_TITLE = define("promotion.no_title", N_("A title is needed in at least one language."))
NO_TEXT = define("promotion.no_text", N_("A text is needed in at least one language."))
TITLE_TOO_LONG = define(
    "promotion.title_too_long", N_("The title is {length} characters long; at most {limit}.")
)
TEXT_TOO_LONG = define(
    "promotion.text_too_long", N_("The text is {length} characters long; at most {limit}.")
)
BAD_WEEKDAY = define(
    "promotion.bad_weekday", N_("{value} is not a weekday (0 Monday to 6 Sunday).")
)
EMPTY_WINDOW = define(
    "promotion.empty_window", N_("The time window starts and ends at the same time ({at}).")
)
IMAGE_TOO_BIG = define(
    "promotion.image_too_big", N_("The image is {size} bytes; at most {limit} bytes are allowed.")
)
NOT_AN_IMAGE = define("promotion.not_an_image", N_("The image is not a PNG or JPEG picture."))


class PromotionKind(StrEnum):
    """Stored in the database; never rename a value."""

    PROMOTION = "promotion"
    ANNOUNCEMENT = "announcement"


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """Shown from ``start`` up to (not including) ``end``; ``end`` before ``start`` runs past
    midnight (22:00-02:00 shows late in the evening and early in the morning)."""

    start: time
    end: time

    def contains(self, at: time) -> bool:
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end


@dataclass(frozen=True, slots=True)
class PromotionDraft:
    """What a manager enters; :func:`problems` checks it before it is saved."""

    market_slug: str
    title: LocalizedText
    text: LocalizedText
    starts_on: date
    ends_on: date
    kind: PromotionKind = PromotionKind.PROMOTION
    store_id: int | None = None
    weekdays: frozenset[int] = field(default_factory=frozenset)
    window: TimeWindow | None = None
    image: bytes | None = None


@dataclass(frozen=True, slots=True)
class Promotion:
    """A saved promotion or announcement (``weekdays`` empty: every day)."""

    id: int
    market_slug: str
    title: LocalizedText
    text: LocalizedText
    starts_on: date
    ends_on: date
    kind: PromotionKind = PromotionKind.PROMOTION
    store_id: int | None = None
    weekdays: frozenset[int] = field(default_factory=frozenset)
    window: TimeWindow | None = None
    image: bytes | None = None

    def title_for(self, locale: LocaleCode) -> str:
        """The title in *locale*, else English, else Korean (never empty once saved)."""
        return self.title.get(locale)

    def text_for(self, locale: LocaleCode) -> str:
        """The text in *locale*, else English, else Korean; the title when no text is left."""
        return self.text.get(locale) or self.title.get(locale)


def image_kind(data: bytes) -> str | None:
    """``png`` or ``jpeg`` by the file's magic bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def _texts_problems(name: str, text: LocalizedText, limit: int) -> list[Problem]:
    found: list[Problem] = []
    for code in LOCALES:
        value = text.values.get(code, "")
        if len(value) > limit:
            message = TITLE_TOO_LONG if name == "title" else TEXT_TOO_LONG
            found.append(Problem(f"{name}.{code}", message(length=len(value), limit=limit)))
    return found


def problems(draft: PromotionDraft) -> list[Problem]:
    """Every reason *draft* cannot be saved, each naming its field (empty: fine)."""
    found: list[Problem] = []
    if draft.ends_on < draft.starts_on:
        end, start = draft.ends_on.isoformat(), draft.starts_on.isoformat()
        found.append(Problem("ends_on", ENDS_BEFORE_START(end=end, start=start)))
    if not any(v.strip() for v in draft.title.values.values()):
        found.append(Problem("title", NO_TITLE()))
    if not any(v.strip() for v in draft.text.values.values()):
        found.append(Problem("text", NO_TEXT()))
    found += _texts_problems("title", draft.title, MAX_TITLE)
    found += _texts_problems("text", draft.text, MAX_TEXT)
    for day in sorted(draft.weekdays):
        if not 0 <= day <= 6:
            found.append(Problem("weekdays", BAD_WEEKDAY(value=day)))
    if draft.window is not None and draft.window.start == draft.window.end:
        found.append(Problem("window", EMPTY_WINDOW(at=draft.window.start.strftime("%H:%M"))))
    if draft.image is not None:
        if len(draft.image) > MAX_IMAGE_BYTES:
            size = IMAGE_TOO_BIG(size=len(draft.image), limit=MAX_IMAGE_BYTES)
            found.append(Problem("image", size))
        elif image_kind(draft.image) is None:
            found.append(Problem("image", NOT_AN_IMAGE()))
    return found


def in_seoul(at: datetime) -> datetime:
    """*at* on Seoul's clock; a naive datetime is taken to be Seoul time already."""
    return at.replace(tzinfo=SEOUL) if at.tzinfo is None else at.astimezone(SEOUL)


def is_showing(promo: Promotion | PromotionDraft, at: datetime) -> bool:
    """Whether *promo* is shown at *at*: its dates (both inclusive), weekdays and time window.

    A window past midnight belongs to the day it starts on: 22:00-02:00 on a
    Friday-only promotion shows Friday 22:00 to Saturday 02:00.
    """
    local = in_seoul(at)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    window = promo.window
    if window is not None and window.end < window.start and clock < window.end:
        day = date.fromordinal(day.toordinal() - 1)  # the small hours of the evening before
    if not promo.starts_on <= day <= promo.ends_on:
        return False
    if promo.weekdays and day.weekday() not in promo.weekdays:
        return False
    return window is None or window.contains(clock)


def parse_weekdays(text: str) -> frozenset[int]:
    """``mon,tue`` (or ``0,1``) as weekday numbers; ValueError names the unknown one."""
    days: set[int] = set()
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        if part[:3] in WEEKDAY_NAMES:
            days.add(WEEKDAY_NAMES.index(part[:3]))
        elif part.isdigit() and 0 <= int(part) <= 6:
            days.add(int(part))
        else:
            raise ValueError(part)
    return frozenset(days)


def weekdays_text(days: frozenset[int]) -> str:
    """``mon,wed`` (empty: every day)."""
    return ",".join(WEEKDAY_NAMES[d] for d in sorted(days) if 0 <= d <= 6)
