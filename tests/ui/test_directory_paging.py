"""The directory at scale: a page at a time, the count apart, typing debounced and superseded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from factories.markets import generate_market
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from kiosk.app import build_shell
from kiosk.data.db import Database
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.models.store_list_model import PAGE_SIZE, StoreListModel
from kiosk.ui.tourist.directory import TouristDirectoryScreen
from kiosk.ui.tourist.flow import tourist_flow

STORES = 260


@pytest.fixture(scope="module")
def city_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    url = f"sqlite:///{tmp_path_factory.mktemp('city') / 'city.sqlite3'}"
    with Database.open(url) as db:
        generate_market(db, slug="city", stores=STORES, goods_per_store=4)
        generate_market(db, slug="empty", stores=0)
    services = Services.open(url)
    yield services
    services.close()


@pytest.fixture
def directory(qtbot: QtBot, city_services: Services) -> Iterator[TouristDirectoryScreen]:
    window = build_shell("ko")
    qtbot.add_widget(window)
    window.use_services(city_services)
    window.resize(1366, 768)
    window.show()
    flow = tourist_flow(window)
    flow.open_directory()
    assert ops.wait_idle()
    yield flow.directory
    ops.wait_idle()


def test_first_page_then_more_as_the_view_asks(
    directory: TouristDirectoryScreen, city_services: Services
) -> None:
    model = directory.model
    active = city_services.directory.count_stores(market_slug="city")
    assert model.rowCount() == PAGE_SIZE < active
    assert model.total() == active
    assert str(active) in directory.count_label.text()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        assert ops.wait_idle()
    assert [s.id for s in model.stores()] == [
        s.id for s in city_services.directory.list_stores(market_slug="city")
    ]


def test_typing_runs_one_search_for_the_last_text(
    directory: TouristDirectoryScreen, city_services: Services
) -> None:
    started: list[str] = []
    original = directory._stores_op.run

    def spy(work, **kw):  # type: ignore[no-untyped-def]
        started.append(directory.search_edit.text())
        return original(work, **kw)

    directory._stores_op.run = spy  # type: ignore[method-assign]
    for n in range(1, len("tangerine") + 1):
        directory.search_edit.setText("tangerine"[:n])  # faster than the debounce
    assert ops.wait_idle()
    assert started == ["tangerine"]
    expected = city_services.directory.list_stores(market_slug="city", query="tangerine")
    assert [s.id for s in directory.model.stores()] == [s.id for s in expected[:PAGE_SIZE]]
    assert directory.model.total() == len(expected)


@pytest.mark.parametrize("query", ["t", "%", "_", "     ", "귤 " * 66 + "x", "zzzz"])
def test_odd_queries_keep_the_screen_right(
    directory: TouristDirectoryScreen, city_services: Services, query: str
) -> None:
    directory.search_edit.setText(query)
    assert ops.wait_idle()
    expected = city_services.directory.count_stores(market_slug="city", query=query)
    assert directory.model.total() == expected
    assert directory.model.rowCount() == min(expected, PAGE_SIZE)
    assert not directory.is_loading()


def test_an_empty_market_says_so(directory: TouristDirectoryScreen) -> None:
    directory.select_market("empty")
    assert ops.wait_idle()
    assert directory.model.rowCount() == 0 and directory.model.total() == 0
    assert directory._pages.currentWidget() is directory.status_label


def test_a_late_page_of_an_old_result_is_dropped() -> None:
    model = StoreListModel()
    model.show_page([], more=True)
    old = model.generation()
    model.show_page([], more=False)
    model.append_page(old, [], more=True)
    assert not model.canFetchMore(QModelIndex())
