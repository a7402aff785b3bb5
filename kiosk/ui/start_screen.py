"""Start screen: a welcome, the language choice and one big button per registered mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.screen_size import is_portrait
from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.modes import Mode, available_modes
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.language_bar import LanguageBar
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.wrap_label import WrapLabel

if TYPE_CHECKING:  # the text module loads after the first frame (start-up)
    from kiosk.domain.text import LocalizedText

#: The start screen's column stays readable on wide screens; it is centred.
MAX_CONTENT_WIDTH = 1280
#: Staff modes (merchant, onboarding, manager) share one row under the tourists' button.
STAFF_PER_ROW = 3


class StartScreen(QWidget):
    """First screen of the kiosk.

    Buttons come from ``kiosk.ui.modes.available_modes()`` at construction and
    on ``rebuild_modes()``; there are no buttons for modes that do not exist.
    """

    mode_chosen = Signal(str)
    locale_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-screen")
        centre = QHBoxLayout(self)
        self._centre = centre
        centre.setContentsMargins(theme.GRID * 8, theme.GRID * 6, theme.GRID * 8, theme.GRID * 6)
        column = QWidget()
        column.setMaximumWidth(MAX_CONTENT_WIDTH)
        centre.addWidget(column)
        outer = QVBoxLayout(column)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self._welcome = WrapLabel()
        self._welcome.setProperty("role", "display")
        self._intro = WrapLabel()
        self._intro.setProperty("role", "muted")
        self._language_label = QLabel()
        self._language_label.setProperty("role", "field")
        self.language_bar = LanguageBar(current_locale(), large=True)
        self.language_bar.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.language_bar.locale_chosen.connect(self.locale_chosen)

        self._outer = outer
        # (item index, landscape stretch, portrait stretch) of the column's three spacers:
        # above the welcome, between the welcome and the languages, under the buttons.
        self._stretches = [(outer.count(), 2, 1)]
        outer.addStretch(2)
        outer.addWidget(self._welcome)
        outer.addSpacing(theme.GRID * 2)
        outer.addWidget(self._intro)
        self._stretches.append((outer.count(), 1, 1))
        outer.addStretch(1)
        outer.addWidget(self._language_label)
        outer.addSpacing(theme.GRID)
        languages = QHBoxLayout()
        self._languages = languages
        languages.addWidget(self.language_bar)
        languages.addStretch(1)
        outer.addLayout(languages)
        self._rows_top = QSpacerItem(0, theme.GRID * 5)
        outer.addItem(self._rows_top)
        # Rows other parts add above the mode buttons (``add_row``: this PC's stall).
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(theme.GRID * 2)
        outer.addLayout(self._rows_box)
        self._rows_gap = QSpacerItem(0, theme.GRID * 2)
        outer.addItem(self._rows_gap)
        self._modes_box = QVBoxLayout()
        self._modes_box.setSpacing(theme.GRID * 3)
        outer.addLayout(self._modes_box)
        self._stretches.append((outer.count(), 2, 0))
        outer.addStretch(2)
        self._portrait: bool | None = None

        self._buttons: dict[str, BigButton] = {}
        self._modes: list[Mode] = []
        self._market: LocalizedText | None = None
        self.rebuild_modes()
        self.retranslate()

    def is_portrait(self) -> bool:
        """True when laid out for a portrait screen (taller than wide)."""
        return bool(self._portrait)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_shape(is_portrait(event.size().width(), event.size().height()))

    def _apply_shape(self, portrait: bool) -> None:
        """Landscape: one centred column, the languages in a row. Portrait: the languages
        as a list of large buttons and the tourists' button grown into a large touch
        surface, so the tall screen is used rather than half empty."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for index, landscape_stretch, portrait_stretch in self._stretches:
            self._outer.setStretch(index, portrait_stretch if portrait else landscape_stretch)
        self.language_bar.set_vertical(portrait)
        horizontal = QSizePolicy.Policy.Expanding if portrait else QSizePolicy.Policy.Maximum
        self.language_bar.setSizePolicy(horizontal, QSizePolicy.Policy.Fixed)
        self._languages.setStretch(0, 1 if portrait else 0)  # the list spans the column
        self._languages.setStretch(1, 0 if portrait else 1)
        self._shape_buttons()

    def _shape_buttons(self) -> None:
        tourist = self._buttons.get(self._modes[0].key) if self._modes else None
        if tourist is not None:
            tourist.set_prominent(bool(self._portrait))

    def set_market(self, name: LocalizedText | None) -> None:
        """Name this PC's home market in the welcome (None: the plain welcome)."""
        self._market = name
        self.retranslate()

    def add_row(self, row: QWidget) -> None:
        """Show *row* above the mode buttons (a row hides itself when it has nothing to say).

        While a row shows, the screen's top and bottom margins shrink by the row's
        height, so the mode buttons keep their size at 1366x768.
        """
        self._rows_box.addWidget(row)
        row.installEventFilter(self)
        self._fit_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        items = (self._rows_box.itemAt(i) for i in range(self._rows_box.count()))
        rows = [item.widget() for item in items if item is not None]
        shown = any(row is not None and not row.isHidden() for row in rows)
        margin = theme.GRID * (2 if shown else 6)
        gap = theme.GRID * (2 if shown else 0)
        self._centre.setContentsMargins(theme.GRID * 8, margin, theme.GRID * 8, margin)
        self._rows_top.changeSize(0, theme.GRID * (2 if shown else 5))
        self._rows_gap.changeSize(0, gap)
        self._centre.invalidate()

    def mode_button(self, key: str) -> BigButton:
        return self._buttons[key]

    def mode_keys(self) -> list[str]:
        return [mode.key for mode in self._modes]

    def rebuild_modes(self) -> None:
        """Re-read the mode registry (a mode registered after start-up appears here).

        The first mode (the tourists') spans the width; the others share rows of
        three (``STAFF_PER_ROW``), so four modes still fit a 1366x768 screen.
        """
        for button in self._buttons.values():
            button.hide()  # until the event loop deletes it
            button.deleteLater()
        clear_layout(self._modes_box)
        self._buttons.clear()
        self._modes = available_modes()
        row: QHBoxLayout | None = None
        for index, mode in enumerate(self._modes):
            button = BigButton(_(mode.title), _(mode.subtitle), compact=index > 0)
            button.clicked.connect(lambda _checked=False, key=mode.key: self._on_mode_clicked(key))
            self._buttons[mode.key] = button
            if index == 0:
                self._modes_box.addWidget(button)
                continue
            if row is None or row.count() >= STAFF_PER_ROW:
                row = QHBoxLayout()
                row.setSpacing(theme.GRID * 3)
                self._modes_box.addLayout(row)
            row.addWidget(button)
        self._shape_buttons()

    def retranslate(self) -> None:
        """Show the texts in the current language (``kiosk.i18n``)."""
        locale = current_locale()
        if self._market is None:
            self._welcome.setText(_("Welcome to the market"))
        else:
            self._welcome.setText(_("Welcome to {market}").format(market=self._market.get(locale)))
        self._intro.setText(_("Find stores, goods, prices and ways to pay, in your own language."))
        self._language_label.setText(_("Language"))
        self.language_bar.set_current(locale)
        for mode in self._modes:
            self._buttons[mode.key].set_texts(_(mode.title), _(mode.subtitle))

    def _on_mode_clicked(self, key: str) -> None:
        self.mode_chosen.emit(key)
