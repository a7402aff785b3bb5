"""The loop's order: every slide kind in turn, each time in the next of the five languages."""

from __future__ import annotations

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.signage.slides import SlideKind

#: How long one slide stands, in seconds (long enough to read a price from two metres).
SLIDE_SECONDS = 8.0


def position(step: int, kinds: tuple[SlideKind, ...]) -> tuple[SlideKind, LocaleCode]:
    """The kind and language of slide number *step* of a loop over *kinds*.

    Each round shows every kind once; kind *k* of round *r* speaks language
    ``(k + r) % 5``, so over five rounds every kind is seen in every language and
    two slides in a row never share a language (when there is more than one kind).
    """
    if not kinds:
        kinds = (SlideKind.WELCOME,)
    count = len(kinds)
    round_, index = divmod(step, count)
    return kinds[index], LOCALES[(index + round_) % len(LOCALES)]


def turn(step: int, kinds: tuple[SlideKind, ...]) -> int:
    """The round slide number *step* belongs to (which stores or promotions it shows)."""
    return step // max(1, len(kinds))
