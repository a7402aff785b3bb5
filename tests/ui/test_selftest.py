"""Self-test and screenshots: every screen passes, and the checks do catch broken screens."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import run_self_test, write_screenshots
from kiosk.domain.locales import LOCALES
from kiosk.qa.selftest import image_problems, widget_problems
from kiosk.ui import theme

LINE = re.compile(r"^(PASS|FAIL) [a-z-]+(:[a-z-]+)? (ko|en|ja|zh_Hans|zh_Hant) \d+x\d+")


def test_self_test_passes_every_screen_in_every_language() -> None:
    out = io.StringIO()
    assert run_self_test(stream=out) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    results = [line for line in lines if LINE.match(line)]
    # per size and language: start screen, two directories, two store details, merchant QR,
    # manager sign-in, stores, store form, markets, search words, market holidays, promotions,
    # a promotion (saved, refused), audit log, onboarding progress, Excel and backup, the public
    # registry review, exchange rates, a roster's column mapping, merchant sign-in and goods,
    # onboarding sign-in, overview and one step of each of four kinds, the attract loop's
    # five kinds of slide and the first-run set-up's five steps
    assert len(results) == 3 * len(LOCALES) * 39
    assert all(line.startswith("PASS ") for line in results)
    assert "PASS start-screen ko 1920x1080" in results
    assert "PASS tourist-directory:dongmun ja 1366x768" in results
    assert "PASS merchant-qr ko 1366x768" in results
    for screen in ("manager-sign-in", "manager-stores", "manager-store-form", "manager-markets",
                   "manager-audit", "manager-rates", "merchant-sign-in", "merchant-goods",
                   "manager-onboarding",
                   "onboarding-sign-in", "onboarding-overview", "onboarding-step:plain",
                   "onboarding-step:kakao", "onboarding-step:payment",
                   "onboarding-step:link", "manager-promotions", "manager-promotion-form",
                   "manager-promotion-form:refused", "first-run-setup:alone",
                   "first-run-setup:server", "first-run-setup:bad-file",
                   "first-run-setup:role", "first-run-setup:manager"):  # fmt: skip
        for size in ("1920x1080", "1366x768", "1080x1920"):
            assert f"PASS {screen} ko {size}" in results and f"PASS {screen} en {size}" in results
    assert lines[-1] == f"{len(results)} of {len(results)} screens passed"


def test_blank_screen_fails_the_pixel_check() -> None:
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.PAPER))
    problems = image_problems(image)
    assert any("blank" in p for p in problems)
    assert any("dark text" in p for p in problems)


def test_text_in_a_font_without_hangul_fails_the_glyph_check(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.add_widget(root)
    label = QLabel("반송큰시장", root)
    label.setFont(QFont("DejaVu Sans"))
    QVBoxLayout(root).addWidget(label)
    root.resize(600, 200)
    problems = widget_problems(root)
    assert any("no glyph for" in p and "반" in p for p in problems), problems
    assert any("not Noto Sans CJK" in p for p in problems), problems


def test_a_word_joiner_needs_no_glyph(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.add_widget(root)
    QVBoxLayout(root).addWidget(QLabel("ミカン\u2060色\u2060農園", root))
    root.resize(600, 200)
    assert not any("no glyph" in p for p in widget_problems(root))


def test_clipped_label_fails_the_clipping_check(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.add_widget(root)
    label = QLabel("동문재래시장 동문재래시장 동문재래시장", root)
    label.setFixedWidth(60)
    problems = widget_problems(root)
    assert any("text clipped" in p for p in problems), problems


def test_screenshots_are_named_per_screen_language_and_size(tmp_path: Path) -> None:
    written = write_screenshots(tmp_path, sizes=[(1366, 768)], locales=["ja"])
    names = sorted(p.name for p in tmp_path.iterdir())
    # the loop's five slides, search words, holidays, rates, registry, roster, set-up's five steps
    assert written == len(names) == 39
    assert "manager-promotion-form_refused_ja_1366x768.png" in names
    assert "manager-import-map_ja_1366x768.png" in names
    for slide in ("welcome", "promotions", "featured", "wallets", "announcements"):
        assert f"signage-loop_{slide}_ja_1366x768.png" in names
    assert "onboarding-step_payment_ja_1366x768.png" in names
    for step in ("alone", "server", "bad-file", "role", "manager"):
        assert f"first-run-setup_{step}_ja_1366x768.png" in names
    assert "manager-onboarding_ja_1366x768.png" in names
    assert "manager-public-stores_ja_1366x768.png" in names
    assert "merchant-qr_ja_1366x768.png" in names
    assert "manager-store-form_ja_1366x768.png" in names
    assert "manager-synonyms_ja_1366x768.png" in names
    assert "merchant-goods_ja_1366x768.png" in names
    assert "tourist-directory_dongmun_ja_1366x768.png" in names
    assert "start-screen_ja_1366x768.png" in names
    image = QImage(str(tmp_path / "store-detail_bansong_ja_1366x768.png"))
    assert (image.width(), image.height()) == (1366, 768)
