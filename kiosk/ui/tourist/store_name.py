"""A store's name in the store page's header: up to two lines, wrapped only between words."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy

from kiosk.domain.text import WORD_JOINER, keep_together
from kiosk.ui.widgets.price_row import WrappedName


class NameLabel(WrappedName):
    """A name on at most two lines that breaks only at its spaces (``keep_together``: a
    Japanese or Chinese proper noun stays whole, as Qt keeps a Korean word whole).

    Its minimum width is its longest word (or the whole name while it is at most
    *whole_up_to* px wide), so a crowded header wraps the name rather than squeezing
    it to "…"; ``set_name`` keeps the plain name for ``name()``.
    """

    def __init__(self, role: str, *, max_lines: int = 2, whole_up_to: int = 0) -> None:
        super().__init__("", role, max_lines=max_lines)
        self._name = ""
        self._whole_up_to = whole_up_to
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # as wide as the name while there is room

    def set_name(self, name: str) -> None:
        self._name = name
        self.setText(keep_together(name))
        self.updateGeometry()

    def name(self) -> str:
        """The name as stored (without the invisible word joiners)."""
        return self._name

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = self.text().replace(WORD_JOINER, "").split(" ")
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        whole = metrics.horizontalAdvance(" ".join(words))
        if whole <= self._whole_up_to:
            widest = whole
        margins = self.contentsMargins()
        return QSize(widest + margins.left() + margins.right() + 2, metrics.height())
