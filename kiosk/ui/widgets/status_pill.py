"""A rounded word badge for a status; the word carries the meaning, colour only supports it."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

PillKind = Literal["ok", "neutral", "warning"]


class StatusPill(QLabel):
    """Text badge such as "✓ Card" (ok) or "Sold out" (warning).

    Rule: never pass an empty text; a pill without a word would be colour alone.
    """

    def __init__(self, text: str, kind: PillKind = "neutral", parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("pill", kind)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        if not text.strip():
            raise ValueError("a status pill needs a word, not colour alone")
        self.setText(text)
        self.setAccessibleName(text)

    def kind(self) -> str:
        return str(self.property("pill"))
