"""Language choice by native names (한국어, English, 日本語, 简体中文, 繁體中文), never flags."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.ui import theme


class LanguageBar(QWidget):
    """A row of toggle buttons, one per locale, each written in its own script's glyph forms.

    Emits ``locale_chosen(code)`` when the user picks a language; ``set_current``
    only moves the check mark and emits nothing. It is on the first frame, so it
    stays clear of the ``Qt`` namespace (~20 ms to import).
    """

    locale_chosen = Signal(str)

    def __init__(self, current: LocaleCode, *, large: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.GRID)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[LocaleCode, QPushButton] = {}
        for code in LOCALES:
            button = QPushButton(NATIVE_NAMES[code])
            button.setProperty("kind", "choice-large" if large else "choice")
            button.setCheckable(True)
            # Each name in its own regional glyph forms (e.g. 日本語 in the JP face).
            button.setFont(theme.ui_font(code, theme.LEAD if large else theme.BODY))
            button.setAccessibleName(NATIVE_NAMES[code])
            button.clicked.connect(lambda _checked=False, c=code: self._on_button_clicked(c))
            self._group.addButton(button)
            self._buttons[code] = button
            layout.addWidget(button)
        self.set_current(current)

    def set_vertical(self, vertical: bool) -> None:
        """Stack the languages in a column (a portrait screen's list) or line them up."""
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setSpacing(theme.GRID * (2 if vertical else 1))

    def button(self, locale: LocaleCode) -> QPushButton:
        return self._buttons[locale]

    def current(self) -> LocaleCode:
        for code, button in self._buttons.items():
            if button.isChecked():
                return code
        return LOCALES[0]

    def set_current(self, locale: LocaleCode) -> None:
        self._buttons[locale].setChecked(True)

    def _on_button_clicked(self, locale: LocaleCode) -> None:
        self.locale_chosen.emit(locale)
