"""A large two-line button (title and explanation) for choosing a mode on a touch screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.widgets.wrap_label import WrapLabel

#: Height of the prominent button (the tourists' door on a portrait screen), in pixels.
PROMINENT_HEIGHT = theme.GRID * 40


def _fixed_space() -> QSpacerItem:
    return QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


class BigButton(QPushButton):
    """Primary-coloured button with a 48 px title (32 px when compact) and a 24 px line under it.

    Both lines wrap instead of clipping. The labels have no text interaction,
    so a press on them falls through to the button: the whole surface is one
    touch target. (No ``Qt`` namespace here: it costs ~20 ms to import, and this
    button is on the first frame.)
    """

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setProperty("kind", "big")
        # Minimum: buttons sharing a row grow to the tallest one's height.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        # Compact: a 32 px title and tighter margins, so three fit side by side at 1366x768.
        pad = theme.GRID * (3 if compact else 4), theme.GRID * (2 if compact else 3)
        layout.setContentsMargins(pad[0], pad[1], pad[0], pad[1])
        layout.setSpacing(theme.GRID)
        self._title = WrapLabel()
        self._title_role = "heading" if compact else "title"
        self._prominent_height = 0
        self._title.setProperty("role", self._title_role)
        self._subtitle = WrapLabel()
        self._subtitle.setProperty("role", "lead")
        # A prominent button's extra height goes above and below the text; otherwise the
        # labels take it (they wrap, and their wrapped height must never be squeezed).
        self._room = (_fixed_space(), _fixed_space())
        layout.addItem(self._room[0])
        for label in (self._title, self._subtitle):
            layout.addWidget(label)
        layout.addItem(self._room[1])
        self.set_texts(title, subtitle)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def hasHeightForWidth(self) -> bool:
        """Wrapped lines: the layout asks for the height at the width it gives."""
        return self.layout() is not None

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped lines need more height when the button is narrow: ask for it."""
        super().resizeEvent(event)
        self._fit_height(event.size().width())
        layout = self.layout()
        if layout is not None and layout.geometry() != self.rect():
            # A resize that lands while the labels' new font has the layout invalidated
            # is not passed on to it: the labels kept the old height, cut in half.
            layout.setGeometry(self.rect())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def set_prominent(self, prominent: bool) -> None:
        """Grow into the main touch surface of a tall screen (about a fifth of its height),
        the title one step larger; or back to the size of its text. (Re-polishing builds
        PySide's ``Qt`` namespace: only on a real change, never on the first frame.)"""
        if prominent == bool(self._prominent_height):
            return
        self._title.setProperty("role", "display" if prominent else self._title_role)
        self._title.style().unpolish(self._title)
        self._title.style().polish(self._title)
        self._prominent_height = PROMINENT_HEIGHT if prominent else 0
        vertical = QSizePolicy.Policy.Expanding if prominent else QSizePolicy.Policy.Fixed
        for room in self._room:
            room.changeSize(0, 0, QSizePolicy.Policy.Minimum, vertical)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        self._fit_height(self.width())

    def _fit_height(self, width: int) -> None:
        needed = max(self.heightForWidth(width), self._prominent_height)
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def set_texts(self, title: str, subtitle: str = "") -> None:
        """Change both lines (used when the language changes)."""
        self._title.setText(title)
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)

    def title(self) -> str:
        return self._title.text()

    def subtitle(self) -> str:
        return self._subtitle.text()
