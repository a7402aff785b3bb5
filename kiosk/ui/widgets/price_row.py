"""One line of a price list: product name … price / unit, with a word when sold out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.locales import LocaleCode
from kiosk.domain.text import WORD_JOINER, without_joiners
from kiosk.domain.units import price_per_unit
from kiosk.ui import theme
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.status_pill import StatusPill

#: Wrapped names kept per widget (widths seen in one layout pass, times the languages).
_LINES_KEPT = 32


def price_with_unit(price: str, unit: str, locale: LocaleCode | None = None) -> str:
    """``12,000원 / 근``; in *locale* as its price tags write it (``₩2,000 each``,
    ``￦12,000／匹``: :func:`kiosk.domain.units.price_per_unit`); without a unit the price."""
    if locale is not None:
        return price_per_unit(price, unit, locale)
    unit = unit.strip()
    return f"{price} / {unit}" if unit else price


def _joined_where_they_fit(text: str, metrics: QFontMetrics, width: int) -> str:
    """*text* with ``keep_together``'s word joiners kept only in the words that fit *width*:
    a longer word must break, and without them it breaks where its language allows
    (never before a closing bracket) rather than at whatever character fills the line."""
    if WORD_JOINER not in text:
        return text
    words = text.split(" ")
    fitted = [
        word if metrics.horizontalAdvance(word) <= width else without_joiners(word)
        for word in words
    ]
    return " ".join(fitted)


class WrappedName(ElidedLabel):
    """A product name on at most ``max_lines`` lines; the last shown line elides with "…".

    Words wrap where they can (CJK anywhere); a word longer than the width breaks
    mid-word rather than being cut. The height follows the width (one or two lines),
    so a short name takes one line. An ElidedLabel (a QLabel): stylesheet roles apply
    and checks that skip elided labels skip it too.
    """

    def __init__(
        self,
        text: str = "",
        role: str = "product",
        *,
        max_lines: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, role, parent)
        self.max_lines = max_lines
        # Layouts ask for heightForWidth many times per pass: lines per (text, font, width).
        self._lines: dict[tuple[str, str, int, int], list[str]] = {}
        self._font_key: str | None = None  # QFont.key() is slow for how often it is asked
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The lines drawn at *width* (default: the current width), the last one elided."""
        text = self.text()
        if width is None:
            width = self.contentsRect().width()
        if not text or width <= 0:
            return [text] if text else []
        font = self.font()
        if self._font_key is None:
            self._font_key = font.key()
        key = (text, self._font_key, width, self.max_lines)
        kept = self._lines.get(key)
        if kept is not None:
            return list(kept)
        lines = self._wrap(text, font, width)
        if len(self._lines) >= _LINES_KEPT:
            self._lines.clear()
        self._lines[key] = lines
        return list(lines)

    def _wrap(self, text: str, font: QFont, width: int) -> list[str]:
        text = _joined_where_they_fit(text, QFontMetrics(font), width)
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        starts: list[tuple[int, int]] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        lines = [text[start : start + length].rstrip() for start, length in starts]
        if len(lines) > self.max_lines:
            rest = text[starts[self.max_lines - 1][0] :]
            elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
            lines = [*lines[: self.max_lines - 1], elided]
        return lines

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._font_key = None
        super().changeEvent(event)

    def is_elided(self) -> bool:
        """True when the name needs more than ``max_lines`` lines at the current width."""
        lines = self.shown_lines()
        return bool(lines) and lines[-1].endswith("…") and not self.text().endswith("…")

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        count = max(1, len(self.shown_lines(inner)))
        fm = self.fontMetrics()
        return fm.height() + (count - 1) * fm.lineSpacing() + margins.top() + margins.bottom()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        lines = self.shown_lines(rect.width())
        fm = self.fontMetrics()
        block = fm.height() + (len(lines) - 1) * fm.lineSpacing()
        top = rect.top() + max(0, (rect.height() - block) // 2)
        for number, line in enumerate(lines):
            line_rect = rect.adjusted(0, 0, 0, 0)
            line_rect.setTop(top + number * fm.lineSpacing())
            line_rect.setHeight(fm.height())
            self.style().drawItemText(
                painter,
                line_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.palette(),
                self.isEnabled(),
                line,
                QPalette.ColorRole.WindowText,
            )
        painter.end()


class PriceRow(QWidget):
    """Name on the left (two lines, then elided), price in accent bold on the right
    (a "Sold out" pill under it).

    The price column keeps its full width (fixed size policy): only the name gives
    way. Sold-out goods keep their price (muted, struck through) and get a "Sold out"
    pill, so the status is a word and not colour alone.
    """

    def __init__(
        self,
        name: str,
        price_text: str,
        *,
        sold_out: bool = False,
        sold_out_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, theme.GRID, 0, theme.GRID)
        layout.setSpacing(theme.GRID * 2)
        self.name_label = WrappedName(name, "product")
        self.price_label = QLabel(price_text)
        self.price_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.sold_out_pill = StatusPill(sold_out_label or "-", "warning")
        self.reference_label = QLabel()  # "about ￥1,660 (rate of ...)", hidden without a rate
        self.reference_label.setObjectName("reference-price")
        self.reference_label.setProperty("role", "caption")
        self.reference_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.reference_label.hide()
        right = QVBoxLayout()  # the pill under the price: the name keeps its width
        right.setSpacing(theme.GRID // 2)
        right.addWidget(self.price_label, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.reference_label, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.sold_out_pill, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.name_label, 1)
        layout.addLayout(right)
        self.set_sold_out(sold_out, sold_out_label)

    @property
    def sold_out(self) -> bool:
        return self.sold_out_pill.isVisibleTo(self)

    def set_reference(self, text: str | None) -> None:
        """The price in the tourist's currency under the won price; None hides it."""
        self.reference_label.setText(text or "")
        self.reference_label.setVisible(bool(text))

    def set_sold_out(self, sold_out: bool, label: str) -> None:
        self.sold_out_pill.setVisible(sold_out)
        if sold_out:
            self.sold_out_pill.set_text(label)
        theme.set_role(self.price_label, "price-sold-out" if sold_out else "price")
