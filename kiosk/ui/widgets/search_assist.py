"""Search help for a touch screen: quick-pick chips of popular goods and the on-screen keyboard.

Self-contained: the directory puts it under its search box, connects
``text_chosen(text)`` to the box, and calls ``set_text`` when the box changes
(so the keyboard goes on from what is there) and ``retranslate`` on a language change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.quick_picks import quick_picks
from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.onscreen_keyboard import OnScreenKeyboard


class SearchAssist(QWidget):
    """A row of chips (popular goods in the reader's language) and a keyboard button.

    One signal: ``text_chosen(text)``, the whole text the search box should hold
    (a chip's word, or what the keyboard has typed so far).
    """

    text_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-assist")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.GRID)
        row = QHBoxLayout()
        row.setSpacing(theme.GRID)
        self.keyboard_button = QPushButton()
        self.keyboard_button.setObjectName("show-keyboard")
        self.keyboard_button.setProperty("kind", "choice")
        self.keyboard_button.setCheckable(True)
        self.keyboard_button.clicked.connect(self._on_keyboard)
        self._chips_holder = QWidget()
        self._chips = FlowLayout(self._chips_holder, spacing=theme.GRID)
        self._chips.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.keyboard_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._chips_holder, 1)
        outer.addLayout(row)
        self.keyboard = OnScreenKeyboard(current_locale())
        self.keyboard.setVisible(False)
        self.keyboard.text_changed.connect(self.text_chosen)
        outer.addWidget(self.keyboard)
        self.chip_buttons: list[QPushButton] = []
        self._one_row = False
        self.retranslate()

    def set_text(self, text: str) -> None:
        """The search box now holds *text* (typed, or cleared): the keyboard goes on from it."""
        if text != self.keyboard.text():
            self.keyboard.set_text(text)

    def keep_to_one_row(self) -> None:
        """Show only the chips that fit on one row; the rest are hidden (not cut in half)."""
        self._one_row = True
        self._chips_holder.setFixedHeight(self.keyboard_button.sizeHint().height())
        self._chips_holder.installEventFilter(self)
        self._fit_chips()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._chips_holder and event.type() == QEvent.Type.Resize:
            self._fit_chips()
        return super().eventFilter(watched, event)

    def _fit_chips(self) -> None:
        """In one-row mode, show the chips that fit whole in the holder's width, in order."""
        if not self._one_row:
            return
        room, gap, used = self._chips_holder.width(), self._chips.spacing(), 0
        for chip in self.chip_buttons:
            wide = chip.sizeHint().width()
            fits = used + wide <= room
            chip.setVisible(fits)
            used += wide + gap if fits else room  # nothing after the first that does not fit

    def retranslate(self) -> None:
        locale = current_locale()
        self.keyboard_button.setText(_("Keyboard"))  # the bundled font has no ⌨
        self.keyboard.set_locale(locale)
        self._fill_chips(quick_picks(locale))

    # Internals -----------------------------------------------------------------------------
    def _fill_chips(self, words: tuple[str, ...]) -> None:
        clear_layout(self._chips)
        self.chip_buttons = []
        for word in words:
            chip = QPushButton(word)
            chip.setProperty("kind", "choice")
            chip.setObjectName("quick-pick")
            chip.clicked.connect(lambda _checked=False, w=word: self._on_chip(w))
            self._chips.addWidget(chip)
            self.chip_buttons.append(chip)
        self._fit_chips()

    def _on_chip(self, word: str) -> None:
        self.keyboard.set_text(word)
        self.text_chosen.emit(word)

    def _on_keyboard(self) -> None:
        self.keyboard.setVisible(self.keyboard_button.isChecked())
