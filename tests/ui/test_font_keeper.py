"""The fonts the screens draw with stay loaded (held once each, within a bound)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.locales import LOCALES
from kiosk.ui import font_keeper
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import TouristFlow


def test_every_widget_font_is_kept_once_across_languages(window: Shell, flow: TouristFlow) -> None:
    for locale in (*LOCALES, "ko"):
        window.set_locale(locale)
    kept = font_keeper.kept_count()
    keys = {widget.font().key() for widget in QApplication.allWidgets()}
    assert keys <= set(font_keeper._kept)
    for locale in (*LOCALES, "ko"):  # a second round finds nothing new to keep
        window.set_locale(locale)
    assert font_keeper.kept_count() == kept


def test_the_kept_fonts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(font_keeper, "_kept", {})
    labels = [QLabel(f"{size}") for size in range(8, 8 + font_keeper.MAX_KEPT + 20)]
    for size, label in zip(range(8, 8 + len(labels)), labels, strict=True):
        font = label.font()
        font.setPixelSize(size)
        label.setFont(font)
    assert font_keeper.keep_fonts() == font_keeper.MAX_KEPT
    for label in labels:
        label.deleteLater()
