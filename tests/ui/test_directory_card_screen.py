"""Directory cards on screen: the pay-with filter, open now following the clock, signboard names."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from kiosk.domain.directory_card import DirectoryCard, PaymentFilter
from kiosk.domain.open_now import SEOUL, OpenKind, OpenState
from kiosk.i18n import set_locale
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.models.store_list_model import StoreRole
from kiosk.ui.tourist.directory import TouristDirectoryScreen
from kiosk.ui.tourist.flow import TouristFlow
from kiosk.ui.widgets.open_text import head_open_text, open_text, short_open_text


@pytest.fixture
def directory(flow: TouristFlow) -> TouristDirectoryScreen:
    flow.directory.select_market("dongmun")
    assert ops.wait_idle()
    return flow.directory


def _cards(directory: TouristDirectoryScreen) -> list[DirectoryCard]:
    model = directory.model
    return [model.index(row).data(StoreRole.CARD) for row in range(model.rowCount())]


@pytest.mark.parametrize("wanted", list(PaymentFilter))
def test_pay_with_filter_lists_only_the_stores_that_take_it(
    directory: TouristDirectoryScreen, services: Services, wanted: PaymentFilter
) -> None:
    every = services.directory.list_stores(market_slug="dongmun")
    expected = [s.id for s in every if wanted.method in s.payment_methods]
    assert 0 < len(expected) < len(every)
    box = directory.payment_combo
    box.setCurrentIndex(box.findData(wanted.value))
    assert ops.wait_idle()
    assert [card.store_id for card in _cards(directory)] == expected
    assert str(len(expected)) in directory.count_label.text()
    directory.select_market("dongmun")  # a market switch clears the filter
    assert ops.wait_idle()
    assert box.current() is None and len(_cards(directory)) == len(every)


def test_open_now_follows_the_clock(directory: TouristDirectoryScreen) -> None:
    model = directory.model
    model.set_now(datetime(2026, 12, 2, 12, 0, tzinfo=SEOUL))
    first = _cards(directory)[0]  # A-1, 08:00-21:00 every day
    assert first.state.kind is OpenKind.OPEN and first.state.closes_at == 21 * 60
    model.set_now(datetime(2026, 12, 2, 22, 0, tzinfo=SEOUL))
    assert _cards(directory)[0].state.kind is OpenKind.CLOSED
    model.set_now(None)


def test_cards_name_the_korean_signboard_in_other_languages(
    directory: TouristDirectoryScreen,
) -> None:
    set_locale("ja")
    directory.retranslate()
    card = _cards(directory)[0]
    assert (card.name, card.signboard) == ("ミカン色農園", "귤빛 농원")
    assert card.prices and card.marks


@pytest.mark.parametrize(
    ("state", "long", "short"),
    [
        (
            OpenState(OpenKind.OPEN, closes_at=1260),
            "● Open now · until 21:00",
            "● Open · until 21:00",
        ),
        (
            OpenState(OpenKind.CLOSED, opens_at=480, opens_in_days=0, opens_weekday=2),
            "○ Closed now · opens at 08:00",
            "○ Opens at 08:00",
        ),
        (
            OpenState(OpenKind.CLOSED, opens_at=480, opens_in_days=1, opens_weekday=3),
            "○ Closed now · opens tomorrow at 08:00",
            "○ Closed today",
        ),
        (
            OpenState(OpenKind.HOLIDAY, opens_at=360, opens_in_days=2, opens_weekday=1),
            "○ Market holiday · opens Tuesday at 06:00",
            "○ Market holiday",
        ),
        (OpenState(OpenKind.UNKNOWN), "", ""),
    ],
)
def test_open_state_in_words(state: OpenState, long: str, short: str) -> None:
    assert open_text(state, "en") == long
    assert short_open_text(state, "en") == short
    assert (open_text(state, "ja") == "") is (state.kind is OpenKind.UNKNOWN)
    # The card's last resort when the price range would be cut: the state's head alone.
    assert head_open_text(state, "en") == (long.split(" · ", maxsplit=1)[0] if long else "")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1080, 1920)])
def test_the_other_market_sits_after_the_market_name(
    flow: TouristFlow, size: tuple[int, int]
) -> None:
    directory = flow.directory
    directory.window().resize(*size)
    assert ops.wait_idle()
    QApplication.processEvents()
    header = directory.header
    shown = directory.market_slug()
    (button,) = [b for slug, b in header.market_buttons().items() if slug != shown]
    title = header.title_label
    assert button.isVisible()
    left = button.mapTo(header, QPoint(0, 0)).x()
    assert left > title.mapTo(header, QPoint(0, 0)).x() + title.width()
    assert button.width() >= button.sizeHint().width()  # never clipped
