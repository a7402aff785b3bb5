"""Tourist screens never query or decode on the GUI thread; a saved code shows without a restart."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import zxingcpp
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from ui_helpers import shown_shell

from kiosk.domain.access import CodeProof, Secret
from kiosk.domain.qr.emvco import build_payload
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.qr.store_codes import check_kakao, check_payment
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DETAIL, tourist_flow

PAYLOAD = build_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("26", "0010A000000677" + "0108DEMO0042"),
        ("52", "5411"),
        ("53", "410"),
        ("58", "KR"),
        ("59", "DEMO NEW CODE"),
        ("60", "BUSAN"),
    ]
)


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    yield from shown_shell(qtbot, own_services, "ko")


class ThreadProbe:
    """Records the thread of every SQL statement and every zxing-cpp decode."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sql: list[str] = []
        self.decodes: list[str] = []
        self._engine = services._db.engine
        event.listen(self._engine, "before_cursor_execute", self._on_sql)
        real = zxingcpp.read_barcodes

        def read_barcodes(*args: object, **kwargs: object) -> object:
            self.decodes.append(threading.current_thread().name)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(zxingcpp, "read_barcodes", read_barcodes)

    def _on_sql(self, *_args: object) -> None:
        self.sql.append(threading.current_thread().name)

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._on_sql)


def test_no_tourist_screen_queries_or_decodes_on_the_gui_thread(
    qtbot: QtBot, shell: Shell, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = ThreadProbe(own_services, monkeypatch)
    gui = threading.current_thread().name
    try:
        flow = tourist_flow(shell)
        flow.open_directory()
        assert ops.wait_idle()
        directory = flow.directory
        for slug in ("dongmun", "bansong"):
            directory.select_market(slug)
            assert ops.wait_idle()
        for query in ("귤", "tangerine", "みかん", "떡", "zz-none"):
            directory.search_edit.setText(query)
            assert ops.wait_idle()
        directory.search_edit.clear()
        directory.category_combo.setCurrentIndex(1)
        assert ops.wait_idle()
        with_codes = next(
            s for s in own_services.directory.list_stores(market_slug="bansong") if s.has_kakao
        )
        probe.sql.clear()  # the test's own look-up above ran here on purpose
        flow.open_store(with_codes.id)
        assert ops.wait_idle()
        assert shell.current_screen_name() == DETAIL
        assert flow.detail.qr_panel.kakao_card.is_verified()
        shell.set_locale("ja")
        shell.set_locale("ko")
        assert ops.wait_idle()
    finally:
        probe.close()
    assert probe.sql, "the probe saw no query: it proves nothing"
    assert probe.decodes, "the probe saw no QR decode: it proves nothing"
    assert gui not in probe.sql, "a tourist screen queried the database on the GUI thread"
    assert gui not in probe.decodes, "a tourist screen decoded a QR code on the GUI thread"


def test_a_saved_code_shows_on_the_open_store_page_without_a_restart(
    qtbot: QtBot, shell: Shell, own_services: Services
) -> None:
    flow = tourist_flow(shell)
    flow.open_directory()
    assert ops.wait_idle()
    store = next(
        s
        for s in own_services.directory.list_stores(market_slug="bansong")
        if not s.has_kakao and not s.has_payment_qr
    )
    flow.open_store(store.id)
    assert ops.wait_idle()
    assert not flow.detail.qr_panel.isVisibleTo(flow.detail)

    detail = own_services.directory.get_store(store_id=store.id)
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store.id, pin=Secret("975310")
    )
    with qtbot.waitSignal(shell.events.changed, timeout=5_000) as blocker:
        own_services.codes.save_store_codes(
            proof=CodeProof("pin", Secret("975310")),
            store_id=store.id,
            expected_version=detail.version,
            kakao=check_kakao("https://pf.kakao.com/_NewCh9"),
            payment=check_payment(PAYLOAD),
        )
    change = blocker.args[0]
    assert isinstance(change, Change)
    assert change.kind == ChangeKind.STORES
    assert change.market_slug == "bansong" and change.store_ids == {store.id}
    assert ops.wait_idle()
    panel = flow.detail.qr_panel
    kakao, payment = panel.kakao_card.verified(), panel.payment_card.verified()
    assert kakao is not None and kakao.text == "https://pf.kakao.com/_NewCh9/friend"
    assert payment is not None and payment.text == PAYLOAD
    # the directory card now says the store has codes
    row = flow.directory.model.row_of(store.id)
    assert row is not None
    assert flow.directory.model.store_at(row).has_kakao


def test_a_slow_op_turns_the_busy_line_on_and_off(qtbot: QtBot, shell: Shell) -> None:
    tourist_flow(shell).open_directory()  # shows the top bar with the busy line
    busy = threading.Event()
    release = threading.Event()

    def slow() -> int:
        busy.set()
        release.wait(5)
        return 42

    results: list[int] = []
    ops.run_op(shell, slow, on_done=results.append)
    qtbot.waitUntil(ops.is_busy, timeout=3_000)
    assert shell._busy_label is not None and shell._busy_label.isVisibleTo(shell)
    release.set()
    assert ops.wait_idle()
    assert results == [42]
    assert not ops.is_busy()
    assert not shell._busy_label.isVisibleTo(shell)


def test_a_newer_search_supersedes_an_older_one(qtbot: QtBot, shell: Shell) -> None:
    flow = tourist_flow(shell)
    flow.open_directory()
    assert ops.wait_idle()
    directory = flow.directory
    directory.select_market("dongmun")
    for text in ("t", "ta", "tan", "tange", "tangerine"):
        directory.search_edit.setText(text)  # no waiting: only the last one may land
    assert ops.wait_idle()
    shown = {directory.model.store_at(r).id for r in range(directory.model.rowCount())}
    services = shell.services()
    assert services is not None
    expected = {
        s.id for s in services.directory.list_stores(market_slug="dongmun", query="tangerine")
    }
    assert shown == expected and shown


def test_a_store_deleted_meanwhile_reloads_the_directory(
    qtbot: QtBot, shell: Shell, own_services: Services
) -> None:
    flow = tourist_flow(shell)
    flow.open_directory()
    assert ops.wait_idle()
    with qtbot.waitSignal(flow.store_missing, timeout=5_000) as blocker:
        flow.open_store(999_999)
    assert blocker.args == [999_999]
    assert ops.wait_idle()
    assert shell.current_screen_name() != DETAIL
    assert flow.directory.model.rowCount() > 0  # still listing the market
