"""The attract loop's slides for the screenshots: every kind of slide of the richest market."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from kiosk.domain.locales import LocaleCode
from kiosk.domain.promotions import SEOUL
from kiosk.domain.signage import slides
from kiosk.ui.shell import Shell
from kiosk.ui.signage.flow import signage_loop
from kiosk.ui.signage.loop_screen import SCREEN


def saturday_evening() -> datetime:
    """The coming Saturday at 19:00 in Seoul: the demo's offers and its night market show."""
    today = datetime.now(SEOUL).replace(hour=19, minute=0, second=0, microsecond=0)
    return today + timedelta(days=(5 - today.weekday()) % 7)


def walk_signage(window: Shell, locale: LocaleCode, settle: Callable[[], None]) -> Iterator[str]:
    """Show each slide kind in *locale* in turn and yield its name (a still picture: no
    cross-fade while the tour looks); *settle* lets background work and layouts finish."""
    services = window.services()
    if services is None:
        return
    loop = signage_loop(window)
    at = saturday_evening()
    loop.now = lambda: at
    loop.canvas.animate = False
    window.show_screen(SCREEN)
    if loop.data is None:
        richest = max(
            (market.slug for market in services.directory.list_markets()),
            key=lambda slug: len(slides.kinds(services.promotions.signage(market_slug=slug), at)),
            default=None,
        )
        loop.show_market(richest)
        settle()
    loop.timer.stop()
    if loop.data is None:
        return
    for kind in slides.kinds(loop.data, at):
        loop.show_slide(kind, locale)
        settle()
        yield kind.value
    loop.canvas.animate = True
