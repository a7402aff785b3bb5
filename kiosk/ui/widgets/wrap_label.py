"""A word-wrapped label that remembers its height for each width, text and font."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

#: Heights kept per label; a label asked about more (a window dragged wider and narrower)
#: starts again.
MAX_KEPT = 32


class WrapLabel(QLabel):
    """A ``QLabel`` with word wrap whose height for a width is laid out once.

    Qt lays the text out again at every ``heightForWidth`` call, and the layouts ask again
    after each activation (about six times per label and width while the start screen
    shows: 250 text layouts for 40 answers). The answer depends on the width, the text and
    the font, which make the key; the labels using this have no margins or indent that
    could change under it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text(), self.font().key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= MAX_KEPT:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height
