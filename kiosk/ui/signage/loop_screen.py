"""The attract loop screen: the market's slides in turn, five languages, touch to start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.locales import LocaleCode
from kiosk.domain.promotions import SEOUL
from kiosk.domain.signage import deck, slides
from kiosk.domain.signage.market_facts import SignageData
from kiosk.domain.signage.slides import Slide
from kiosk.services.values import Change, ChangeKind
from kiosk.ui.ops import OpSlot
from kiosk.ui.signage.slide_canvas import FADE_MS, SlideCanvas

if TYPE_CHECKING:
    from kiosk.services.app import Services

_log = logging.getLogger(__name__)

SCREEN = "signage-loop"
#: After a failed read the loop tries again this often (it shows its last good data meanwhile).
RETRY_MS = 30_000
#: The next slide is drawn this long after a change (once the cross-fade is over).
PREPARE_AFTER_MS = FADE_MS + 400
_REFRESHING = {ChangeKind.PROMOTIONS, ChangeKind.STORES, ChangeKind.MARKETS}


def _default_market(services: Services) -> str | None:
    """This PC's home market, else the first market, else None (a worker thread)."""
    home = services.directory.home_market()
    if home is not None:
        return home.market_slug
    markets = services.directory.list_markets()
    return markets[0].slug if markets else None


def seoul_now() -> datetime:
    return datetime.now(SEOUL)


class AttractLoop(QWidget):
    """Cycles the market's slides (``deck.position``), each ``slide_ms`` long.

    Rules: the data is read in the background when the loop starts and on every
    change of its market (this PC's or, through live refresh, another's); a failed
    read keeps the last good data, says nothing on screen and retries every
    ``RETRY_MS``. Which promotions show is decided at each slide from ``now()``
    (Seoul). ``touched(locale)`` fires on any touch with the shown slide's language.
    Timers run only while the loop is on screen.
    """

    touched = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = seoul_now,
        slide_ms: int = int(deck.SLIDE_SECONDS * 1000),
        animate: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setProperty("bareScreen", True)  # the shell hides its top bar over the loop
        self._services = services
        self.now = now
        self.data: SignageData | None = None
        self.market_slug: str | None = None
        self.step = 0
        self.failed = False
        self.canvas = SlideCanvas(self, animate=animate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._load = OpSlot(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(slide_ms)
        self.timer.timeout.connect(self.next_slide)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.reload)
        self.ahead = QTimer(self)
        self.ahead.setSingleShot(True)
        self.ahead.setInterval(PREPARE_AFTER_MS)
        self.ahead.timeout.connect(self.prepare_next)

    # What shows ---------------------------------------------------------------------------
    def current(self) -> Slide:
        """The slide of the current step, built from the last good data at ``now()``."""
        return self._slide_at(self.step)

    def _slide_at(self, step: int) -> Slide:
        at = self.now()
        if self.data is None:
            _kind, locale = deck.position(step, (slides.SlideKind.WELCOME,))
            return slides.waiting(locale)
        kinds = slides.kinds(self.data, at)
        kind, locale = deck.position(step, kinds)
        return slides.build(self.data, kind, locale, at, turn=deck.turn(step, kinds))

    def prepare_next(self) -> None:
        """Draw the next slide ahead, while this one stands still (its change is then a swap)."""
        if self.isVisible():
            self.canvas.prepare(self._slide_at(self.step + 1))

    def current_locale(self) -> LocaleCode:
        slide = self.canvas.slide
        return slide.locale if slide is not None else self.current().locale

    def show_market(self, slug: str | None) -> None:
        """Start the loop over at its first slide for market *slug* (None: this PC's home
        market, else the first one) and read its data."""
        if slug is None or slug != self.market_slug:
            self.data = None
            self.market_slug = slug
        self.step = 0
        self._show_current()
        self.reload()
        self._arm()

    def show_slide(self, kind: slides.SlideKind, locale: LocaleCode) -> None:
        """Show slide *kind* in *locale* now (tours and screenshots; the loop goes on after)."""
        if self.data is not None and kind in slides.kinds(self.data, self.now()):
            self.canvas.show_slide(slides.build(self.data, kind, locale, self.now()))

    def next_slide(self) -> None:
        """Go on to the next slide (the timer's call; tests call it with a fake clock)."""
        self.step += 1
        self._show_current()
        self._arm()

    def _show_current(self) -> None:
        self.canvas.show_slide(self.current())

    def _arm(self) -> None:
        if self.isVisible():
            self.timer.start()
            self.ahead.start()

    # Data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the market's data in the background (the shown data stays until it arrives)."""
        slug, services = self.market_slug, self._services

        def work() -> SignageData | None:
            market = slug or _default_market(services)
            return None if market is None else services.promotions.signage(market_slug=market)

        self._load.run(
            work, on_done=self._on_loaded, on_error=self._on_failed, name="signage", quiet=True
        )

    def refresh_for(self, change: object) -> None:
        """Read again when *change* touches what the loop shows."""
        if not isinstance(change, Change) or change.kind not in _REFRESHING:
            return
        if change.touches_market(self.market_slug) and self.isVisible():
            self.reload()  # a hidden loop reads again when it next starts (show_market)

    def _on_loaded(self, data: SignageData | None) -> None:
        self.retry.stop()
        self.failed = False
        if data is None or self.market_slug not in (None, data.market.slug):
            return
        self.market_slug = data.market.slug
        self.data = data
        if self.isVisible() and not self.canvas.is_fading():
            self._show_current()
        self.loaded.emit()

    def _on_failed(self, exc: Exception) -> None:
        _log.warning("signage data could not be read; showing the last good copy: %s", exc)
        self.failed = True
        self.retry.start()

    # Events -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arm()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()
        self.ahead.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.touched.emit(self.current_locale())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.TouchBegin:
            event.accept()
            self.touched.emit(self.current_locale())
            return True
        return super().event(event)
