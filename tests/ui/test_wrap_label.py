"""A wrapped label that remembers its heights answers as a plain QLabel would."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.ui import theme
from kiosk.ui.widgets import wrap_label
from kiosk.ui.widgets.wrap_label import WrapLabel

TEXTS = (
    "시장에 오신 것을 환영합니다",
    "가게, 상품, 가격, 결제 방법을 원하는 언어로 찾아보세요.",
    "",
)


def test_heights_match_a_plain_label_through_text_and_font_changes(qapp: object) -> None:
    label, plain = WrapLabel(), QLabel()
    plain.setWordWrap(True)
    for text in (*TEXTS, *TEXTS):  # the second round answers from what was kept
        for pixel_size in (theme.LEAD, theme.DISPLAY):
            for each in (label, plain):
                each.setText(text)
                each.setFont(theme.ui_font("ko", pixel_size))
            for width in (90, 240, 668, 1280, 240):
                got, want = label.heightForWidth(width), plain.heightForWidth(width)
                assert got == want, (text, pixel_size, width)
    assert label.wordWrap()


def test_the_kept_heights_are_bounded(qapp: object) -> None:
    label = WrapLabel()
    label.setText("가게, 상품, 가격")
    for width in range(100, 100 + 3 * wrap_label.MAX_KEPT):
        label.heightForWidth(width)
    assert len(label._heights) <= wrap_label.MAX_KEPT
