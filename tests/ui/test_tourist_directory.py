"""Tourist directory against the real demo database: markets, search, filter, open a store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.domain.locales import LocaleCode
from kiosk.i18n import set_locale, translate
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.models.store_list_model import StoreRole
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.directory import TouristDirectoryScreen
from kiosk.ui.tourist.flow import DETAIL, DIRECTORY, TouristFlow


@pytest.fixture
def directory(flow: TouristFlow) -> TouristDirectoryScreen:
    return flow.directory


def _listed_ids(directory: TouristDirectoryScreen) -> list[int]:
    model = directory.model
    return [model.index(row).data(StoreRole.STORE_ID) for row in range(model.rowCount())]


def test_both_demo_markets_are_offered(
    directory: TouristDirectoryScreen, services: Services
) -> None:
    assert [m.slug for m in directory.markets()] == ["bansong", "dongmun"]
    assert [m.name.get("ko") for m in directory.markets()] == ["반송큰시장", "동문재래시장"]
    assert directory.market_slug() == "bansong"


@pytest.mark.parametrize("slug", ["bansong", "dongmun"])
def test_directory_lists_every_active_store_of_the_market(
    directory: TouristDirectoryScreen, services: Services, slug: str
) -> None:
    directory.select_market(slug)
    assert ops.wait_idle()
    market = next(m for m in services.directory.list_markets() if m.slug == slug)
    expected = [store.id for store in services.directory.list_stores(market_slug=slug)]
    assert len(expected) == market.store_count > 5
    assert _listed_ids(directory) == expected
    assert directory.grid.isVisible()
    names = {directory.model.index(r).data() for r in range(directory.model.rowCount())}
    assert {
        store.name.get("ko") for store in services.directory.list_stores(market_slug=slug)
    } == names


@pytest.mark.parametrize("locale", ["ja", "zh_Hans", "zh_Hant", "en"])
def test_search_finds_a_store_by_its_name_in_another_language(
    directory: TouristDirectoryScreen, services: Services, locale: LocaleCode
) -> None:
    directory.select_market("dongmun")
    assert ops.wait_idle()
    wanted = services.directory.list_stores(market_slug="dongmun")[3]
    directory.search_edit.setText(wanted.name.get(locale))
    assert ops.wait_idle()
    assert wanted.id in _listed_ids(directory)
    assert directory.model.rowCount() < len(services.directory.list_stores(market_slug="dongmun"))


def test_search_typed_key_by_key(qtbot: QtBot, directory: TouristDirectoryScreen) -> None:
    directory.select_market("bansong")
    assert ops.wait_idle()
    directory.search_edit.setFocus()
    qtbot.keyClicks(directory.search_edit, "zzzz-no-such-store")
    assert ops.wait_idle()
    assert directory.model.rowCount() == 0
    assert directory.status_label.isVisible()
    assert directory.status_label.text() == translate(
        "No store matches your search. Try another word or all categories.", "ko"
    )


def test_category_filter_keeps_only_that_category(
    directory: TouristDirectoryScreen, services: Services
) -> None:
    directory.select_market("dongmun")
    assert ops.wait_idle()
    combo = directory.category_combo
    assert combo.count() > 2  # "all" plus the categories the market has
    combo.setCurrentIndex(1)
    assert ops.wait_idle()
    category = combo.currentData()
    listed = [directory.model.store_at(r) for r in range(directory.model.rowCount())]
    assert listed
    assert {store.category.value for store in listed} == {category}
    combo.setCurrentIndex(0)
    assert ops.wait_idle()
    assert directory.model.rowCount() == len(services.directory.list_stores(market_slug="dongmun"))


def test_count_label_uses_plural_forms(
    directory: TouristDirectoryScreen, window: Shell, services: Services
) -> None:
    window.set_locale("en")
    assert ops.wait_idle()
    directory.select_market("bansong")
    assert ops.wait_idle()
    n = len(services.directory.list_stores(market_slug="bansong"))
    assert directory.count_label.text() == f"{n} stores"
    one = services.directory.list_stores(market_slug="bansong")[0]
    directory.search_edit.setText(one.stall_number)
    assert ops.wait_idle()
    if directory.model.rowCount() == 1:
        assert directory.count_label.text() == "1 store"


def test_tapping_a_card_opens_the_store(
    qtbot: QtBot, directory: TouristDirectoryScreen, window: Shell, flow: TouristFlow
) -> None:
    directory.select_market("bansong")
    assert ops.wait_idle()
    index = directory.model.index(2)
    rect = directory.grid.visualRect(index)
    with qtbot.waitSignal(directory.store_chosen) as blocker:
        qtbot.mouseClick(directory.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [index.data(StoreRole.STORE_ID)]
    assert ops.wait_idle()
    assert window.current_screen_name() == DETAIL
    assert flow.detail.current_store().id == blocker.args[0]  # type: ignore[union-attr]
    qtbot.mouseClick(flow.detail.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == DIRECTORY


def test_unknown_market_is_refused_by_name(directory: TouristDirectoryScreen) -> None:
    with pytest.raises(KeyError, match=r"'atlantis'.*bansong, dongmun"):
        directory.select_market("atlantis")
        assert ops.wait_idle()


def test_loading_then_failed_states_say_so(qtbot: QtBot, services: Services) -> None:
    set_locale("en")
    screen = TouristDirectoryScreen(services)  # its first query has not answered yet
    qtbot.add_widget(screen)
    assert screen.is_loading()
    assert screen.status_label.text() == translate("Loading stores…", "en")
    screen.set_failed("Cannot open the database at /nowhere: it is a folder")
    assert not screen.is_loading()
    assert "/nowhere" in screen.status_label.text()
    assert screen.model.rowCount() == 0
