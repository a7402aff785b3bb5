"""A touch keyboard for the search: Hangul (두벌식, composed), kana, Latin, and a Chinese word list.

Chinese has no keyboard here: no maintained pinyin, zhuyin or handwriting engine
works offline in this stack, so Chinese tourists choose from a list of market
goods words in their script (and the chips); the other three type letter by letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.keyboard_input import compose_hangul, is_jamo, kana_with_mark
from kiosk.domain.locales import LocaleCode
from kiosk.domain.quick_picks import chinese_choices
from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.layout_items import clear_layout

#: The layouts, each a list of rows; ``⇧`` switches the Hangul keys to their doubled forms.
HANGUL_ROWS = ("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ")
HANGUL_SHIFTED = {
    "ㅂ": "ㅃ",
    "ㅈ": "ㅉ",
    "ㄷ": "ㄸ",
    "ㄱ": "ㄲ",
    "ㅅ": "ㅆ",
    "ㅐ": "ㅒ",
    "ㅔ": "ㅖ",
}
KANA_ROWS = (
    "あかさたなはまやらわ",
    "いきしちにひみ り ",
    "うくすつぬふむゆるを",
    "えけせてねへめ れー",
    "おこそとのほもよろん",
)
LATIN_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
#: Layout keys in the order of their buttons, and what each button says.
LAYOUTS: tuple[str, ...] = ("hangul", "kana", "latin", "chinese")
LAYOUT_LABELS = {"hangul": "한글", "kana": "かな", "latin": "ABC", "chinese": "中文"}
_KEY = 56  # px: a key is bigger than the 48 px touch minimum


def layout_for(locale: LocaleCode) -> str:
    """The layout a tourist reading *locale* most likely wants first."""
    return {"ko": "hangul", "ja": "kana", "zh_Hans": "chinese", "zh_Hant": "chinese"}.get(
        locale, "latin"
    )


class OnScreenKeyboard(QWidget):
    """Keys for one layout at a time; ``text_changed(text)`` after every key with the whole text.

    Hangul keys are kept as jamo and composed on each key (``compose_hangul``), so
    Backspace removes the last jamo (귤 -> 규) as a phone keyboard does.
    """

    text_changed = Signal(str)

    def __init__(self, locale: LocaleCode = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onscreen-keyboard")
        self._keys: list[str] = []  # typed keys: jamo, kana, letters, words, spaces
        self._shift = False
        self._locale: LocaleCode = locale
        self.layout_name = layout_for(locale)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.GRID)
        switches = QHBoxLayout()
        switches.setSpacing(theme.GRID)
        self.layout_buttons: dict[str, QPushButton] = {}
        for name in LAYOUTS:
            button = self._button(LAYOUT_LABELS[name], kind="choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, n=name: self.set_layout(n))
            switches.addWidget(button)
            self.layout_buttons[name] = button
        switches.addStretch(1)
        self.shift_button = self._button("⇧", kind="choice")
        self.shift_button.setCheckable(True)
        self.shift_button.clicked.connect(self._on_shift)
        self.space_button = self._button("", kind="choice")
        self.space_button.clicked.connect(lambda: self._type(" "))
        self.back_button = self._button("⌫", kind="choice")
        self.back_button.setObjectName("keyboard-backspace")
        self.back_button.clicked.connect(self.backspace)
        self.clear_button = self._button("", kind="choice")
        self.clear_button.clicked.connect(self.clear)
        for button in (self.shift_button, self.space_button, self.back_button, self.clear_button):
            switches.addWidget(button)
        outer.addLayout(switches)
        self._grid_holder = QWidget()
        self._grid = QGridLayout(self._grid_holder)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.GRID // 2)
        outer.addWidget(self._grid_holder)
        self.key_buttons: dict[str, QPushButton] = {}
        self.set_layout(self.layout_name)
        self.retranslate()

    # What the directory calls --------------------------------------------------------------
    def text(self) -> str:
        return compose_hangul(self._keys)

    def set_text(self, text: str) -> None:
        """Start from *text* (what the search box holds), without a signal."""
        self._keys = list(text)

    def set_locale(self, locale: LocaleCode) -> None:
        self._locale = locale
        self.set_layout(layout_for(locale))
        self.retranslate()

    def set_layout(self, name: str) -> None:
        self.layout_name = name
        for key, button in self.layout_buttons.items():
            button.setChecked(key == name)
        self.shift_button.setVisible(name == "hangul")
        self._fill_keys()

    def press(self, key: str) -> None:
        """Type *key* as its button would (for tests and tours)."""
        if key in ("゛", "゜", "小"):
            self._mark(key)
        else:
            self._type(key)

    def backspace(self) -> None:
        if self._keys:
            self._keys.pop()
            self.text_changed.emit(self.text())

    def clear(self) -> None:
        self._keys = []
        self.text_changed.emit("")

    def retranslate(self) -> None:
        self.space_button.setText(_("Space"))
        self.clear_button.setText(_("Clear"))

    # Internals -----------------------------------------------------------------------------
    def _button(self, text: str, *, kind: str = "key") -> QPushButton:
        button = QPushButton(text)
        button.setProperty("kind", kind)
        button.setMinimumSize(_KEY, _KEY)
        return button

    def _rows(self) -> Sequence[Sequence[str]]:
        if self.layout_name == "hangul":
            if self._shift:
                return [[HANGUL_SHIFTED.get(key, key) for key in row] for row in HANGUL_ROWS]
            return [list(row) for row in HANGUL_ROWS]
        if self.layout_name == "kana":
            return [*[list(row) for row in KANA_ROWS], ["゛", "゜", "小"]]
        if self.layout_name == "latin":
            return [list(row) for row in LATIN_ROWS]
        words = chinese_choices(self._locale)
        return [words[i : i + 6] for i in range(0, len(words), 6)]

    def _fill_keys(self) -> None:
        clear_layout(self._grid)
        self.key_buttons = {}
        for row, keys in enumerate(self._rows()):
            for column, key in enumerate(keys):
                if not key.strip():
                    continue
                button = self._button(key, kind="choice")
                button.setObjectName(f"key-{key}")
                button.clicked.connect(lambda _checked=False, k=key: self.press(k))
                self._grid.addWidget(button, row, column)
                self.key_buttons[key] = button

    def _on_shift(self) -> None:
        self._shift = self.shift_button.isChecked()
        self._fill_keys()

    def _type(self, key: str) -> None:
        if self.layout_name == "chinese" and len(key) > 1:
            self._keys = [*self._keys, " ", *key] if self._keys else list(key)
        else:
            self._keys.append(key)
        if self._shift and is_jamo(key):
            self._shift = False
            self.shift_button.setChecked(False)
            self._fill_keys()
        self.text_changed.emit(self.text())

    def _mark(self, mark: str) -> None:
        text = kana_with_mark(self.text(), mark)
        self._keys = list(text)
        self.text_changed.emit(text)
