"""Switching the language re-translates every visible screen at once, without a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import translate
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DETAIL, DIRECTORY, TouristFlow


@pytest.mark.parametrize(
    ("locale", "family"),
    [
        ("en", "Noto Sans CJK KR"),
        ("ja", "Noto Sans CJK JP"),
        ("zh_Hans", "Noto Sans CJK SC"),
        ("zh_Hant", "Noto Sans CJK TC"),
    ],
)
def test_top_bar_language_button_retranslates_the_directory(  # noqa: PLR0917
    qtbot: QtBot,
    window: Shell,
    flow: TouristFlow,
    services: Services,
    locale: LocaleCode,
    family: str,
) -> None:
    directory = flow.directory
    bar = window.top_language_bar()
    qtbot.mouseClick(bar.button(locale), Qt.MouseButton.LeftButton)

    assert i18n.current_locale() == locale
    assert bar.current() == locale
    market = services.directory.list_markets()[0]
    assert directory.title_label.text() == market.name.get(locale)
    assert directory.back_button.text().endswith(translate("Start", locale))
    assert directory.search_edit.placeholderText() == translate(
        "Search stores and goods in any language", locale
    )
    first = services.directory.list_stores(market_slug=market.slug)[0]
    assert directory.model.index(0).data() == first.name.get(locale)
    # regional glyph forms: the label really renders in the locale's Noto Sans CJK face
    assert QFontInfo(directory.title_label.font()).family() == family


def test_switch_on_the_start_screen_reaches_screens_not_shown(
    qtbot: QtBot, window: Shell, flow: TouristFlow, services: Services
) -> None:
    store_id = services.directory.list_stores(market_slug="bansong")[0].id
    flow.open_store(store_id)
    assert ops.wait_idle()
    assert window.current_screen_name() == DETAIL
    window.go_home()
    start = window.start_screen
    qtbot.mouseClick(start.language_bar.button("ja"), Qt.MouseButton.LeftButton)

    assert start._welcome.text() == translate("Welcome to the market", "ja")
    assert start.mode_button("tourist").title() == translate("Explore the market", "ja")
    detail = flow.detail
    assert detail.name_label.name() == services.directory.get_store(store_id=store_id).name.get(
        "ja"
    )
    assert detail.back_button.text().endswith(translate("All stores", "ja"))
    window.show_screen(DETAIL)
    assert window.top_language_bar().current() == "ja"
    window.show_screen(DIRECTORY)
    assert window.current_screen_name() == DIRECTORY


def test_catalogs_really_translate(window: Shell) -> None:
    """Guard against an empty catalog: Korean UI text is not the English source."""
    assert window.start_screen._welcome.text() == translate("Welcome to the market", "ko")
    assert translate("Welcome to the market", "ko") != "Welcome to the market"


def test_closed_window_stops_listening(qtbot: QtBot, window: Shell) -> None:
    window.close()
    i18n.set_locale("en")  # must not touch the closed window's widgets
    assert window.start_screen._welcome.text() == translate("Welcome to the market", "ko")


@pytest.mark.parametrize("locale", ["ko", "en", "ja", "zh_Hans", "zh_Hant"])
def test_the_top_bar_names_the_app_in_the_current_language(
    window: Shell, locale: LocaleCode
) -> None:
    window.top_language_bar()  # the bar above every screen but the start screen
    window.set_locale(locale)
    label = window._app_label
    assert label is not None and label.text() == translate("Market Kiosk", locale)
    assert window.windowTitle() == label.text()
    assert (label.text() == "Market Kiosk") == (locale == "en")  # no English on a ja screen
