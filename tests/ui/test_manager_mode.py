"""Manager mode on a real SQLite file: sign-in, the store table, the store form, markets, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import PASSWORD, click

from kiosk import i18n
from kiosk.domain.access import Secret
from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import audit_screen, markets, sign_in, store_form, stores
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.shell import START, Shell


def test_first_use_sets_the_password_typed_twice(shell: Shell, own_services: Services) -> None:
    QTest.mouseClick(shell.start_screen.mode_button("manager"), Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    screen = manager_flow(shell).sign_in
    assert shell.current_screen_name() == sign_in.SCREEN and screen.is_first_use()
    assert screen.repeat.isVisible()
    screen.code.setText(  # the one-time code the market office printed
        own_services.access.issue_setup_code(actor=own_services.access.console_actor())
    )
    screen.password.setText(PASSWORD)
    screen.repeat.setText(PASSWORD + "x")
    click(screen.submit_button)
    assert screen.message.text() == "⚠ The two entries are not the same."
    assert not own_services.access.manager_password_is_set()
    screen.password.setText("short")
    screen.repeat.setText("short")
    click(screen.submit_button)
    assert "at least 10 characters" in screen.message.text()
    screen.password.setText(PASSWORD)
    screen.repeat.setText(PASSWORD)
    click(screen.submit_button)
    assert shell.current_screen_name() == stores.SCREEN
    assert own_services.access.manager_password_is_set()
    assert screen.password.text() == "" and screen.repeat.text() == ""


def test_a_wrong_password_is_refused(shell: Shell, own_services: Services) -> None:
    own_services.access.set_manager_password(
        actor=own_services.access.console_actor(), password=Secret(PASSWORD)
    )
    built = manager_flow(shell)
    built.open()
    assert ops.wait_idle()
    assert not built.sign_in.is_first_use() and not built.sign_in.repeat.isVisible()
    built.sign_in.password.setText("wrong password here")
    click(built.sign_in.submit_button)
    assert built.sign_in.message.text().startswith("⚠ That is not the manager password.")
    assert "PIN" not in built.sign_in.message.text()
    assert shell.current_screen_name() == sign_in.SCREEN and built.actor is None


def test_the_store_table_filters(manager: ManagerFlow, own_services: Services) -> None:
    table = manager.stores
    total = table.model.rowCount()
    assert total == len(
        own_services.directory.list_store_details(market_slug="bansong", active_only=False)
    )
    table.set_filters(no_codes=True)
    assert all(not (s.kakao_channel_id or s.payment_qr_payload) for s in table.stores_shown())
    assert 0 < table.proxy.rowCount() < total
    table.set_filters(inactive=True)
    assert table.stores_shown() and all(not s.active for s in table.stores_shown())
    table.set_filters(missing="ja")
    assert table.proxy.rowCount() == 0  # the demo data is complete
    table.set_filters(text="A-1")
    assert [s.stall_number for s in table.stores_shown()][:1] == ["A-1"]
    table.set_filters()
    table.table.sortByColumn(stores.Column.GOODS, Qt.SortOrder.DescendingOrder)
    counts = [len(s.products) for s in table.stores_shown()]
    assert counts == sorted(counts, reverse=True)


def _open_form(
    manager: ManagerFlow, own_services: Services, index: int = 0
) -> store_form.StoreFormScreen:
    store = own_services.directory.list_store_details(market_slug="bansong")[index]
    manager.edit_store(store)
    assert ops.wait_idle()
    return manager.form


def test_edit_and_save_is_audited(
    manager: ManagerFlow, own_services: Services, shell: Shell
) -> None:
    form = _open_form(manager, own_services)
    assert shell.current_screen_name() == store_form.SCREEN
    from kiosk.ui.manager.goods_editor import NAME_COLUMNS, PRICE, SOLD_OUT

    header = form.goods.table.horizontalHeaderItem
    assert header(PRICE).text() == "Price (won)" and header(SOLD_OUT).text() == "Sold out"  # type: ignore[union-attr]
    assert header(NAME_COLUMNS["ja"]).text() == "日本語"  # type: ignore[union-attr]
    base0 = form.base()
    assert base0 is not None
    first = base0.products[0]
    assert form.goods.table.item(0, PRICE).text() == str(first.price_won)  # type: ignore[union-attr]
    assert not form.save_button.isEnabled()
    assert form.save_reason.text() == "Nothing changed yet."
    base = form.base()
    assert base is not None
    form.phone.setText("")
    QTest.keyClicks(form.phone, "0517771234")
    form.names["ja"].setText("新しい名前")
    assert form.save_button.isEnabled() and form.save_reason.text() == ""
    click(form.save_button)
    saved = own_services.directory.get_store(store_id=base.id)
    assert saved.phone == "051-777-1234" and saved.name.get("ja") == "新しい名前"
    assert saved.version == base.version + 1
    assert form.status.text() == "✓ Saved." and not form.save_button.isEnabled()
    entry = own_services.audit.audit_log(actor=own_services.access.console_actor())[0]
    assert entry.action is AuditAction.STORE_CHANGED and entry.actor == "manager"
    fields = {c.field: (c.old, c.new) for c in entry.changes}
    assert fields["phone"] == (base.phone, "051-777-1234")
    assert fields["name.ja"] == (base.name.get("ja"), "新しい名前")


def test_save_disabled_says_why_and_undo_steps_back(
    qtbot: QtBot, manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    korean = form.names["ko"].text()
    form.names["ko"].selectAll()
    QTest.keyClick(form.names["ko"], Qt.Key.Key_Delete)
    assert not form.save_button.isEnabled()
    assert form.save_reason.text() == "Fix the 1 marked field(s) first."
    assert form.names_error.isVisible()
    assert form.names_error.text() == "⚠ Name (한국어): this is required."
    assert form.language_labels["ko"].text().startswith("⚠ ")
    qtbot.wait(store_form.UNDO_PAUSE_MS + 100)  # a pause in typing ends one undo step
    form.phone.setText("")
    QTest.keyClicks(form.phone, "12345")
    assert form.errors["phone"].text().startswith("⚠ Phone: not a Korean phone number")
    assert form.undo() is True  # the phone
    assert form.phone.text() != "12345" and not form.errors["phone"].isVisible()
    assert form.undo() is True  # the name
    assert form.names["ko"].text() == korean
    assert form.save_reason.text() == "Nothing changed yet."
    assert form.undo() is False


def test_a_bad_price_names_the_good_and_its_row(
    manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    from kiosk.ui.manager.goods_editor import PRICE

    form.goods.table.item(1, PRICE).setText("12.5")  # type: ignore[union-attr]
    assert ops.wait_idle()
    assert "Good 2: Price" in form.goods_error.text()
    assert form.goods.table.verticalHeaderItem(1).text() == "⚠ 2"  # type: ignore[union-attr]
    assert not form.save_button.isEnabled()


def test_a_stale_save_says_what_changed_and_reload_keeps_my_edit(
    manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    base = form.base()
    assert base is not None
    good = base.products[0]
    # another PC marks the first good sold out after this form was opened
    own_services.listings.update_good(
        actor=own_services.access.console_actor(), base=base, product_id=good.id, sold_out=True
    )
    form.phone.setText("")
    QTest.keyClicks(form.phone, "0519990000")
    click(form.save_button)
    text = form.status.text()
    assert text.startswith("⚠ Changed on another PC: reload.")
    assert f"goods[{good.name.get('ko')}].sold_out: False -> True" in text
    assert form.reload_button.isVisible()
    assert own_services.directory.get_store(store_id=base.id).phone == base.phone  # nothing written
    assert form.phone.text() == "0519990000"  # nothing lost
    click(form.reload_button)
    assert form.phone.text() == "051-999-0000" or form.phone.text() == "0519990000"
    click(form.save_button)
    saved = own_services.directory.get_store(store_id=base.id)
    assert saved.phone == "051-999-0000" and saved.products[0].sold_out


def test_add_a_stall_in_five_languages(manager: ManagerFlow, own_services: Services) -> None:
    manager.new_store("bansong")
    form = manager.form
    assert form.save_reason.text() == "Fix the 2 marked field(s) first."
    form.stall.setText("Z-9")
    names = {
        "ko": "새 가게",
        "en": "New Stall",
        "ja": "新しい店",
        "zh_Hans": "新店",
        "zh_Hant": "新店",
    }
    for code, text in names.items():
        form.names[code].setText(text)
    form.goods.add_good()
    from kiosk.ui.manager.goods_editor import NAME_COLUMNS, PRICE

    form.goods.table.item(0, NAME_COLUMNS["ko"]).setText("사과")  # type: ignore[union-attr]
    form.goods.table.item(0, PRICE).setText("3,000")  # type: ignore[union-attr]
    form._on_edited()
    assert form.save_button.isEnabled(), form.save_reason.text()
    click(form.save_button)
    created = [
        s
        for s in own_services.directory.list_store_details(market_slug="bansong")
        if s.stall_number == "Z-9"
    ]
    assert len(created) == 1
    assert created[0].name.values == names and created[0].products[0].price_won == 3000


def test_markets_add_and_remove_with_a_second_press(
    manager: ManagerFlow, own_services: Services, shell: Shell
) -> None:
    manager.show_page("markets")
    assert ops.wait_idle() and shell.current_screen_name() == markets.SCREEN
    page = manager.markets
    page.start_new()
    page.slug.setText("jungang")
    page.names["ko"].setText("중앙시장")
    click(page.save_button)
    assert "jungang" in [m.slug for m in own_services.directory.list_markets()]
    page.select("bansong")
    click(page.remove_button)
    assert page.message.text().startswith("⚠ Remove")
    assert "bansong" in [
        m.slug for m in own_services.directory.list_markets()
    ]  # asked, not removed
    click(page.remove_button)
    assert "bansong" not in [m.slug for m in own_services.directory.list_markets()]
    manager.show_page("audit")
    assert ops.wait_idle() and shell.current_screen_name() == audit_screen.SCREEN
    shown = manager.audit.model.entries()
    assert [e.action for e in shown[:2]] == [AuditAction.MARKET_REMOVED, AuditAction.MARKET_CREATED]
    manager.audit.set_filters(group="codes")
    assert ops.wait_idle() and manager.audit.model.rowCount() == 0


def test_the_market_site_address_is_checked_then_saved_and_audited(
    manager: ManagerFlow, own_services: Services, shell: Shell
) -> None:
    manager.show_page("markets")
    assert ops.wait_idle() and shell.current_screen_name() == markets.SCREEN
    page = manager.markets
    page.select("dongmun")
    assert page.site.text() == ""
    page.site.setText("http://dongmun.example/?x=1")
    click(page.save_button)
    assert page.message.text().startswith("⚠") and "https://" in page.message.text()
    assert own_services.directory.get_market(slug="dongmun").site_url == ""
    page.site.setText("https://dongmun.example/market")
    click(page.save_button)
    assert own_services.directory.get_market(slug="dongmun").site_url == (
        "https://dongmun.example/market/"
    )
    assert page.site.text() == "https://dongmun.example/market/"
    entry = own_services.audit.audit_log(actor=own_services.access.console_actor())[0]
    assert entry.action is AuditAction.MARKET_SITE


def test_going_home_or_idle_signs_out(qtbot: QtBot, manager: ManagerFlow, shell: Shell) -> None:
    actor = manager.actor
    assert actor is not None and manager.guard.is_armed()
    click(manager.stores.header.back_button)
    assert shell.current_screen_name() == START and manager.actor is None
    services = shell.services()
    assert services is not None
    with pytest.raises(Exception, match="sign in first"):
        services.audit.audit_log(actor=actor)  # the services forgot the session too
    manager.sign_in_as(services.access.sign_in_manager(password=Secret(PASSWORD)))
    manager.guard.set_timeout(50)
    manager.guard.arm()
    qtbot.waitUntil(lambda: shell.current_screen_name() == START, timeout=3_000)
    assert manager.actor is None


def test_a_save_on_another_pc_shows_in_the_table(
    qtbot: QtBot, manager: ManagerFlow, own_services: Services, shell: Shell, tmp_path: Path
) -> None:
    other_pc = Services.open(own_services.url.replace("***", ""))
    try:
        store = other_pc.directory.list_store_details(market_slug="bansong")[0]
        assert shell.live_refresh is not None
        shell.live_refresh.poll()  # the starting point
        assert ops.wait_idle()
        draft_store = other_pc.directory.get_store(store_id=store.id)
        from dataclasses import replace

        from kiosk.domain.store_edit.draft import draft_from

        other_pc.listings.save_store(
            actor=other_pc.access.console_actor(),
            market_slug="bansong",
            base=draft_store,
            draft=replace(
                draft_from(draft_store), name={**draft_store.name.values, "ko": "바뀐 이름"}
            ),
        )
        with qtbot.waitSignal(shell.events.changed, timeout=5_000):
            shell.live_refresh.poll()
        assert ops.wait_idle()
        row = manager.stores.model.row_of(store.id)
        assert row is not None and manager.stores.model.store_at(row).name.get("ko") == "바뀐 이름"
    finally:
        other_pc.close()


def test_screens_never_use_the_console_and_tourists_never_write() -> None:
    root = Path(__file__).resolve().parents[2] / "kiosk" / "ui"
    for path in root.rglob("*.py"):
        assert "console_actor" not in path.read_text(encoding="utf-8"), path
    writes = ("save_store", "update_good", "create_market", "remove_market", "set_store_pin",
              "set_manager_password", "audit_log", "print_stands", "load_demo")  # fmt: skip
    for path in (root / "tourist").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not [w for w in writes if w in text], path


def test_the_manager_sets_a_pin_and_the_merchant_signs_in_with_it(
    manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    base = form.base()
    assert base is not None and form.pin.isVisible()
    form.pin.setText("123456")
    click(form.pin_button)
    assert form.pin_message.text().startswith("⚠ This PIN is too easy")
    assert form.pin.text() == ""  # never kept in the field
    form.pin.setText("602194")
    click(form.pin_button)
    assert form.pin_message.text().startswith("✓ ")
    actor = own_services.access.sign_in_merchant(store_id=base.id, pin=Secret("602194"))
    assert actor.store_id == base.id
    entry = own_services.audit.audit_log(actor=own_services.access.console_actor())[1]
    assert entry.action is AuditAction.PIN_SET and "602194" not in str(entry)


def test_a_foreign_kakao_link_is_refused_inline(
    manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    form.kakao.setText("https://pf.kakao.com@evil.example/")
    assert form.errors["kakao_channel"].isVisible()
    assert form.errors["kakao_channel"].text().startswith("⚠ ")
    assert not form.save_button.isEnabled()


def test_a_code_change_asks_for_the_password_again(
    manager: ManagerFlow, own_services: Services
) -> None:
    form = _open_form(manager, own_services)
    base = form.base()
    assert base is not None
    form.kakao.setText("_NewCh9")
    click(form.save_button)
    assert form.prompt.isVisible() and form.prompt.kind() == "password"
    assert own_services.directory.get_store(store_id=base.id) == base
    form.prompt.field.setText("not the password")
    click(form.prompt.confirm_button)
    assert form.prompt.error.isVisible()
    assert own_services.directory.get_store(store_id=base.id) == base
    form.prompt.field.setText(PASSWORD)
    click(form.prompt.confirm_button)
    assert own_services.directory.get_store(store_id=base.id).kakao_channel_id == "_NewCh9"
    entry = own_services.audit.audit_log(
        actor=own_services.access.console_actor(), actions=(AuditAction.STORE_CODES,)
    )[0]
    assert entry.actor == "manager" and entry.changes[0].new == "_NewCh9"


@pytest.mark.parametrize(
    ("locale", "actor", "shown"),
    [
        ("ko", "manager", "시장 관리자"),
        ("en", "manager", "Manager"),
        ("ja", "store 12 (PIN)", "店主（店舗 #12 の PIN）"),
        ("en", "store 7 (PIN)", "Merchant (PIN of store #7)"),
        ("zh_Hant", "console", "命令列"),
        ("en", "someone new", "someone new"),
    ],
)
def test_the_audit_who_column_speaks_the_readers_language(
    locale: str, actor: str, shown: str
) -> None:
    from datetime import UTC, datetime

    from kiosk.domain.audit import AuditEntry

    entry = AuditEntry(
        id=1,
        at=datetime(2026, 12, 2, tzinfo=UTC),
        actor_role="manager",
        actor=actor,
        pc="pc",
        action=AuditAction.STORE_CHANGED,
        market_slug=None,
        store_id=None,
        subject="",
    )
    previous = i18n.current_locale()
    i18n.set_locale(locale)  # type: ignore[arg-type]
    try:
        assert audit_screen.actor_text(entry) == shown
    finally:
        i18n.set_locale(previous)


@pytest.mark.parametrize(
    ("locale", "subject", "shown"),
    [
        ("ko", "manager", "시장 관리자"),
        ("ja", "store 3", "店舗 #3"),
        ("en", "store 3", "Store #3"),
        ("ko", "A-3 물결 수제어묵", "A-3 물결 수제어묵"),
        ("en", "store 3 and more", "store 3 and more"),
    ],
)
def test_the_audit_subject_of_a_sign_in_speaks_the_readers_language(
    locale: str, subject: str, shown: str
) -> None:
    from datetime import UTC, datetime

    from kiosk.domain.audit import AuditEntry

    entry = AuditEntry(
        id=1,
        at=datetime(2026, 12, 2, tzinfo=UTC),
        actor_role="manager",
        actor="manager",
        pc="pc",
        action=AuditAction.STORE_CHANGED,
        market_slug=None,
        store_id=None,
        subject=subject,
    )
    previous = i18n.current_locale()
    i18n.set_locale(locale)  # type: ignore[arg-type]
    try:
        assert audit_screen.subject_text(entry) == shown
    finally:
        i18n.set_locale(previous)
