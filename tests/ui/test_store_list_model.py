"""StoreListModel over real demo StoreSummary rows, without any widget."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.i18n import translate
from kiosk.services.app import Services
from kiosk.ui.models.store_list_model import StoreListModel, StoreRole


def test_rows_show_names_in_the_model_locale(services: Services) -> None:
    stores = services.directory.list_stores(market_slug="bansong")
    model = StoreListModel(stores, locale="ko")
    assert model.rowCount() == len(stores) > 0
    first = model.index(0)
    assert first.data() == stores[0].name.get("ko")
    assert first.data(StoreRole.STORE_ID) == stores[0].id
    assert first.data(StoreRole.STALL) == stores[0].stall_number
    assert first.data(StoreRole.INITIAL) == stores[0].name.get("ko")[0]
    assert first.data(StoreRole.CATEGORY_LABEL) == translate(
        CATEGORY_LABELS[stores[0].category], "ko"
    )


def test_set_locale_changes_display_and_signals_every_row(services: Services) -> None:
    stores = services.directory.list_stores(market_slug="bansong")
    model = StoreListModel(stores, locale="ko")
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.set_locale("ja")
    assert changed == [(0, len(stores) - 1)]
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        s.name.get("ja") for s in stores
    ]
    model.set_locale("ja")  # no change, no signal
    assert len(changed) == 1


def test_set_stores_resets_and_row_of_finds_ids(services: Services) -> None:
    stores = services.directory.list_stores(market_slug="bansong")
    model = StoreListModel()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_stores(stores)
    assert resets == [True]
    assert model.row_of(stores[-1].id) == len(stores) - 1
    assert model.store_at(0) == stores[0]


def test_bad_indexes_and_unknown_ids_give_nothing(services: Services) -> None:
    model = StoreListModel(services.directory.list_stores(market_slug="bansong"))
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(10_000)) is None
    assert model.data(model.index(0), Qt.ItemDataRole.DecorationRole) is None
    assert model.row_of(-1) == -1
    assert model.rowCount(model.index(0)) == 0  # a list has no children


def test_cards_say_market_holiday_on_the_markets_holidays(services: Services) -> None:
    from datetime import date, datetime

    from kiosk.domain.open_now import OpenKind
    from kiosk.ui.tourist.store_about import open_now_text

    stores = [
        s
        for s in services.directory.list_stores(market_slug="bansong")
        if s.hours.days[0] is not None  # open on Mondays
    ]
    model = StoreListModel(stores, locale="en")
    monday = datetime(2027, 2, 8, 12)  # 설날
    model.set_now(monday)
    assert model.index(0).data(StoreRole.CARD).state.kind is OpenKind.OPEN  # no dates yet
    model.set_holidays(services.holidays.holiday_dates(since=date(2027, 1, 1)))
    assert model.index(0).data(StoreRole.CARD).state.kind is OpenKind.HOLIDAY
    model.set_now(datetime(2027, 2, 9, 12))  # the day after
    assert model.index(0).data(StoreRole.CARD).state.kind is not OpenKind.HOLIDAY
    detail = services.directory.get_store(store_id=stores[0].id)
    holiday = open_now_text(detail, "en", monday).replace("\u00a0", " ")  # kept whole
    assert holiday.startswith("○ Market holiday · opens tomorrow")
    assert not open_now_text(detail, "en", datetime(2027, 2, 9, 12)).startswith("○ Market")
