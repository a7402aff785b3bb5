"""Manager mode's promotions: the list with what shows now, the editor, its refusals, removal,
and this PC's home market."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk import i18n
from kiosk.domain.audit import AuditAction
from kiosk.domain.promotions import SEOUL, Promotion
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import markets, promotion_form, promotions_screen
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.manager.promotion_table import Column
from kiosk.ui.shell import Shell

#: A Friday evening in Seoul, inside the demo's night-market announcement.
FRIDAY_EVENING = datetime(2026, 12, 11, 19, 30, tzinfo=SEOUL)


@pytest.fixture
def flow(manager: ManagerFlow) -> ManagerFlow:
    manager.promotions.clock = lambda: FRIDAY_EVENING
    return manager


def _click(widget: object) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert ops.wait_idle()
    QApplication.processEvents()


def _open_list(flow: ManagerFlow, shell: Shell) -> promotions_screen.ManagerPromotionsScreen:
    _click(flow.stores.header.page_buttons["promotions"])  # from the manager's navigation
    screen = flow.promotions
    screen.select_market("dongmun")
    assert ops.wait_idle()
    assert shell.current_screen_name() == promotions_screen.SCREEN
    return screen


def _png(path: Path, size: tuple[int, int] = (32, 18)) -> Path:
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def test_the_list_shows_schedule_where_and_what_shows_now(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open_list(flow, shell)
    rows = {
        p.title_for("ko"): [screen.model.index(r, c).data() for c in Column]
        for r, p in enumerate(screen.model.promotions())
    }
    assert len(rows) == len(own_services.promotions.list_promotions("dongmun"))
    night = next(v for k, v in rows.items() if "야시장" in k)
    assert night[Column.NOW] == "✓ Showing now" and night[Column.KIND] == "Announcement"
    assert night[Column.WHERE] == "Whole market"
    assert night[Column.DAYS] == "Fri, Sat, Sun" and night[Column.TIME] == "18:00–23:00"
    over = next(v for v in rows.values() if v[Column.NOW] == "Over")  # the one already over
    assert over[Column.TIME] == "All day"
    own = next(v for v in rows.values() if v[Column.WHERE] != "Whole market")
    assert own[Column.WHERE].startswith("A-1 ")  # the stall and its store's name, not an id
    assert "showing now" in screen.count_label.text()


def test_add_a_store_promotion_with_hours_days_and_a_picture(
    flow: ManagerFlow, shell: Shell, own_services: Services, tmp_path: Path
) -> None:
    screen = _open_list(flow, shell)
    _click(screen.add_button)
    form = flow.promotion_form
    assert shell.current_screen_name() == promotion_form.SCREEN
    form.titles["ko"].setText("귤 한 봉지 덤")
    form.titles["en"].setText("A free bag of tangerines")
    form.texts["ko"].setText("3만 원 이상 사시면 귤 한 봉지를 드려요.")
    form.where.setCurrentIndex(2)
    store_id = form.where.currentData()
    form.starts.setDate(QDate(2026, 12, 1))
    form.ends.setDate(QDate(2026, 12, 31))
    for day in (4, 5):
        _click(form.day_buttons[day])
    form.hours_box.setChecked(True)
    form.shows_from.setTime(QTime(17, 0))
    form.shows_until.setTime(QTime(20, 0))
    form.load_image(_png(tmp_path / "bag.png"))
    assert ops.wait_idle()
    assert form.image_label.text().startswith("bag.png")
    _click(form.save_button)
    assert shell.current_screen_name() == promotions_screen.SCREEN
    [saved] = [
        p
        for p in own_services.promotions.list_promotions("dongmun")
        if p.title_for("ko") == "귤 한 봉지 덤"
    ]
    assert (saved.store_id, saved.weekdays) == (store_id, frozenset({4, 5}))
    assert saved.window is not None and f"{saved.window.start:%H:%M}" == "17:00"
    assert saved.image == (tmp_path / "bag.png").read_bytes()
    assert screen.chosen() == saved and screen.message.text().startswith("✓ Saved")
    log = own_services.audit.audit_log(
        actor=own_services.access.console_actor(), actions=(AuditAction.PROMOTION_ADDED,)
    )
    assert log[0].subject == "귤 한 봉지 덤" and log[0].pc  # audited, with who and where


def test_an_end_before_its_start_or_no_text_is_refused_by_the_field(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open_list(flow, shell)
    before = own_services.promotions.list_promotions("dongmun")
    _click(screen.add_button)
    form = flow.promotion_form
    form.starts.setDate(QDate(2026, 12, 10))
    form.ends.setDate(QDate(2026, 12, 1))
    _click(form.save_button)
    assert shell.current_screen_name() == promotion_form.SCREEN
    dates, texts = form.errors["ends_on"], form.errors["texts"]
    assert dates.isVisible() and "2026-12-01 is before the start date 2026-12-10" in dates.text()
    assert texts.isVisible() and "A title is needed" in texts.text()
    assert "A text is needed" in texts.text()
    assert form.status.text().startswith("⚠ Nothing was saved")
    assert own_services.promotions.list_promotions("dongmun") == before
    form.ends.setDate(QDate(2026, 12, 20))  # fixed: its line goes at once
    assert not dates.isVisible() and texts.isVisible()
    form.titles["ja"].setText("みかん")
    form.texts["ja"].setText("みかんのセール")
    assert not texts.isVisible()
    _click(form.save_button)
    assert len(own_services.promotions.list_promotions("dongmun")) == len(before) + 1


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "gone.png", "gone.png does not exist"),
        (lambda d: _written(d / "notes.png", b"shopping list"), "not a PNG or JPEG"),
        (lambda d: _written(d / "big.jpg", b"\xff\xd8\xff" + b"0" * 2_200_000), "bytes"),
        (lambda d: _png(d / "wide.png", (5000, 20)), "5000x20 pixels"),
    ],
    ids=["missing", "not-a-picture", "huge-file", "huge-picture"],
)
def test_a_bad_picture_is_named_by_the_picture_field(
    flow: ManagerFlow, shell: Shell, tmp_path: Path, make: object, words: str
) -> None:
    _click(_open_list(flow, shell).add_button)
    form = flow.promotion_form
    form.load_image(_png(tmp_path / "good.png"))
    assert ops.wait_idle()
    form.load_image(make(tmp_path))  # type: ignore[operator]
    assert ops.wait_idle()
    error = form.errors["image"]
    assert error.isVisible() and error.text().startswith("⚠ Picture: ") and words in error.text()
    assert form.image_label.text().startswith("good.png")  # the picture chosen before stays
    _click(form.drop_image)
    assert not error.isVisible() and form.draft().image is None


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_edit_saves_the_change_and_leaving_unsaved_asks(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open_list(flow, shell)
    first: Promotion = screen.model.promotions()[0]
    screen.choose(first.id)
    _click(screen.edit_button)
    form = flow.promotion_form
    assert form.base() == first and form.titles["ko"].text() == first.title.values["ko"]
    form.titles["en"].setText("Autumn tangerine festival, extended")
    _click(flow.promotion_form.header.page_buttons["stores"])  # a way out: asks first
    assert form.leave_question.isVisible()
    _click(form.leave_question.save_button)
    [changed] = [p for p in own_services.promotions.list_promotions("dongmun") if p.id == first.id]
    assert changed.title.values["en"] == "Autumn tangerine festival, extended"
    assert shell.current_screen_name() == "manager-stores"
    entry = own_services.audit.audit_log(
        actor=own_services.access.console_actor(), actions=(AuditAction.PROMOTION_CHANGED,)
    )[0]
    assert [c.field for c in entry.changes] == ["title.en"]


def test_remove_asks_twice(flow: ManagerFlow, shell: Shell, own_services: Services) -> None:
    screen = _open_list(flow, shell)
    first = screen.model.promotions()[0]
    screen.choose(first.id)
    _click(screen.remove_button)
    assert "Press Remove again" in screen.message.text()
    assert first in own_services.promotions.list_promotions("dongmun")
    _click(screen.remove_button)
    assert first.id not in [p.id for p in own_services.promotions.list_promotions("dongmun")]
    assert screen.message.text().startswith("✓ Removed")
    assert first.id not in [p.id for p in screen.model.promotions()]


def test_signed_out_the_editor_saves_nothing(flow: ManagerFlow, shell: Shell) -> None:
    screen = _open_list(flow, shell)
    _click(screen.add_button)
    form = flow.promotion_form
    form.titles["ko"].setText("공지")
    form.texts["ko"].setText("내일 휴장")
    flow.sign_out()
    form.save()
    assert ops.wait_idle()
    assert form.status.text() == ""


def test_the_manager_sets_this_pcs_home_market(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    _click(flow.stores.header.page_buttons["markets"])
    assert shell.current_screen_name() == markets.SCREEN
    card = flow.markets.this_pc
    assert card.home() is None and "Not set" in card.message.text()
    card.choose("dongmun")
    _click(card.set_button)
    home = own_services.directory.home_market()
    assert home is not None and home.market_slug == "dongmun"
    assert card.message.text() == "✓ Now: Dongmun Traditional Market"
    assert ops.wait_idle()
    QApplication.processEvents()
    i18n.set_locale("ko")
    assert "동문재래시장" in shell.start_screen._welcome.text()  # the start screen names it
    log = own_services.audit.audit_log(
        actor=own_services.access.console_actor(), actions=(AuditAction.HOME_MARKET_SET,)
    )
    assert (log[0].changes[0].old, log[0].changes[0].new) == ("", "dongmun")


@pytest.mark.parametrize("locale", ["ko", "en", "ja", "zh_Hans", "zh_Hant"])
def test_six_pages_fit_the_header_landscape_and_portrait(
    flow: ManagerFlow, shell: Shell, locale: str
) -> None:
    screen = _open_list(flow, shell)
    header = screen.header
    for size, below in (((1366, 768), False), ((1080, 1920), True)):
        shell.set_locale(locale)  # type: ignore[arg-type]
        shell.resize(*size)
        for _round in range(3):  # the language's font, then the header arranges itself
            QApplication.processEvents()
        assert header.pages_below() is below, size
        for button in [header.back_button, *header.page_buttons.values(), header.sign_out_button]:
            assert button.width() >= button.sizeHint().width(), (size, button.text())
            right = button.mapTo(header, button.rect().topRight()).x()
            assert right <= header.width(), (size, button.text())
        if header.title.isVisible():
            assert not header.title.is_elided()  # a title shows whole or not at all


def test_the_editor_stacks_its_columns_on_a_portrait_screen(
    flow: ManagerFlow, shell: Shell
) -> None:
    _click(_open_list(flow, shell).add_button)
    form = flow.promotion_form
    QApplication.processEvents()
    left_of_where = form.where.mapTo(form, form.where.rect().topLeft()).x()
    assert left_of_where > form.width() // 3  # landscape: the schedule beside the texts
    assert form.save_button.visibleRegion().boundingRect().size() == form.save_button.size()
    shell.resize(1080, 1920)
    QApplication.processEvents()
    below = form.where.mapTo(form, form.where.rect().topLeft())
    texts = form.texts["ko"].mapTo(form, form.texts["ko"].rect().bottomLeft())
    assert below.y() > texts.y() and below.x() < form.width() // 3


def test_now_follows_the_clock_and_the_choice_stays(flow: ManagerFlow, shell: Shell) -> None:
    screen = _open_list(flow, shell)
    night = next(p for p in screen.model.promotions() if p.window is not None)
    screen.choose(night.id)
    row = screen.model.promotions().index(night)
    assert screen.model.index(row, Column.NOW).data() == "✓ Showing now"
    screen.clock = lambda: datetime(2026, 12, 11, 23, 30, tzinfo=SEOUL)  # after its window
    screen._on_minute()
    assert screen.model.index(row, Column.NOW).data() == "Not at this hour"
    assert screen.chosen() == night and "1 showing now" in screen.count_label.text()
