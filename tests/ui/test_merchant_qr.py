"""Merchant QR screen on a real seeded SQLite file, with zxing-cpp decoding what is shown."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.domain.access import CodeProof, Secret
from kiosk.domain.qr.emvco import build_payload
from kiosk.render.export import save_qr
from kiosk.render.qr import payment_spec
from kiosk.services.app import Services
from kiosk.services.qr.store_codes import check_kakao
from kiosk.ui.merchant.qr_screen import SCREEN, MerchantQrScreen
from kiosk.ui.merchant.qr_section import DEBOUNCE_MS, QrSection
from kiosk.ui.shell import Shell

PIN = "135790"
PROOF = CodeProof("pin", Secret(PIN))
FRIEND_URL = "https://pf.kakao.com/_ZeUTxl/friend"
PAYLOAD = build_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("26", "0010A000000677" + "0108DEMO0001"),
        ("52", "5411"),
        ("53", "410"),
        ("58", "KR"),
        ("59", "DEMO TANGERINE"),
        ("60", "JEJU"),
    ]
)


def _decode(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [r.text for r in zxingcpp.read_barcodes(gray) if r.valid]


@pytest.fixture
def own_services(tmp_path: Path) -> Iterator[Services]:
    """A fresh demo database per test: these tests write to it."""
    url = "sqlite:///" + (tmp_path / "merchant.sqlite3").as_posix()
    opened = Services.open(url, seed_demo=True)
    console = opened.access.console_actor()
    for summary in opened.directory.list_stores(
        market_slug=opened.directory.list_markets()[0].slug
    ):
        opened.access.set_store_pin(actor=console, store_id=summary.id, pin=Secret(PIN))
    yield opened
    opened.close()


@pytest.fixture
def english() -> None:
    i18n.set_locale("en")  # the autouse themed_app fixture switches back to Korean


@pytest.fixture
def screen(qtbot: QtBot, own_services: Services) -> MerchantQrScreen:
    widget = MerchantQrScreen(own_services)
    qtbot.add_widget(widget)
    widget.set_files_allowed(True)  # as for the merchant who entered the store's PIN
    widget.resize(1366, 768)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def _type(qtbot: QtBot, section: QrSection, edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, and wait for the one debounced refresh."""
    with qtbot.waitSignal(section.preview_updated, timeout=5_000):
        edit.clear()
        QTest.keyClicks(edit, text)


def test_the_merchant_mode_opens_the_screen_with_a_store(qtbot: QtBot, window: Shell) -> None:
    from kiosk.ui import ops
    from kiosk.ui.merchant.flow import merchant_flow
    from kiosk.ui.merchant.sign_in import SCREEN as SIGN_IN

    assert "merchant" in window.start_screen.mode_keys()
    QTest.mouseClick(window.start_screen.mode_button("merchant"), Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == SIGN_IN  # the PIN first
    assert ops.wait_idle()
    QTest.mouseClick(merchant_flow(window).sign_in.qr_button, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == SCREEN  # looking needs no PIN; saving does
    screen = window.screen_widget(SCREEN)
    assert isinstance(screen, MerchantQrScreen)
    store = screen.current_store()
    assert store is not None and store.kakao_channel_id
    assert screen.kakao.channel_id() == store.kakao_channel_id
    assert screen.payment.payload() is not None
    assert screen.kakao.card.is_verified() and screen.payment.card.is_verified()
    assert not screen.save_button.isEnabled()  # nothing changed yet
    # A visitor who only looks reaches nothing that saves a file, prints or opens one.
    for section in (screen.kakao, screen.payment):
        assert not any(b.isVisibleTo(screen) for b in section.action_buttons.values())
        assert not any(b.isEnabled() for b in section.action_buttons.values())
    assert not screen.payment.photo_button.isVisibleTo(screen)


def test_a_visitor_cannot_export_or_print_even_by_calling_the_handlers(
    qtbot: QtBot, screen: MerchantQrScreen, tmp_path: Path
) -> None:
    screen.set_files_allowed(False)  # what "Only look at the QR codes" gives a visitor
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_ZeUTxl")
    assert screen.kakao.card.is_verified()  # looking works
    out = tmp_path / "out"
    out.mkdir()
    target = out / "kakao.png"
    screen.kakao.action_buttons["png"].click()
    screen._on_save_file_requested("kakao", "png", target)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "printed.pdf"))
    screen._on_print_requested("kakao", printer)
    assert list(out.iterdir()) == []
    screen.set_files_allowed(True)
    screen._on_save_file_requested("kakao", "png", target)
    assert _decode(QImage(str(target))) == [FRIEND_URL]


def test_a_valid_id_shows_a_verified_code_of_the_friend_url(
    qtbot: QtBot, screen: MerchantQrScreen
) -> None:
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_ZeUTxl")
    assert screen.kakao.card.badge.isVisible()
    assert screen.kakao.card.badge.text().startswith("✓ ")  # a sign and a word, not colour
    assert screen.kakao.url() == FRIEND_URL
    assert screen.kakao.url_label.text() == FRIEND_URL
    shown = screen.kakao.card.image_label.pixmap().toImage()
    assert _decode(shown) == [FRIEND_URL]  # what is on screen scans as the friend link
    assert screen.kakao.error_text() == ""
    assert screen.save_button.isEnabled()


def test_typing_refreshes_the_preview_once_after_a_pause(
    qtbot: QtBot, screen: MerchantQrScreen
) -> None:
    refreshes: list[None] = []
    screen.kakao.preview_updated.connect(lambda: refreshes.append(None))
    screen.kakao.id_edit.clear()
    QTest.keyClicks(screen.kakao.id_edit, "_ZeUTxl")
    assert refreshes == [] and screen.kakao.is_pending()
    qtbot.waitUntil(lambda: bool(refreshes), timeout=DEBOUNCE_MS * 20)
    qtbot.wait(DEBOUNCE_MS * 2)
    assert len(refreshes) == 1


def test_the_link_choice_changes_the_encoded_url(qtbot: QtBot, screen: MerchantQrScreen) -> None:
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "https://pf.kakao.com/_ZeUTxl")
    chat = next(b for link, b in screen.kakao.link_buttons.items() if link.value == "chat")
    QTest.mouseClick(chat, Qt.MouseButton.LeftButton)
    assert screen.kakao.url() == "https://pf.kakao.com/_ZeUTxl/chat"
    assert chat.text().startswith("✓ ")
    assert _decode(screen.kakao.card.image_label.pixmap().toImage()) == [screen.kakao.url()]


@pytest.mark.usefixtures("english")
def test_a_foreign_host_shows_the_error_and_no_badge_and_save_is_disabled(
    qtbot: QtBot, screen: MerchantQrScreen
) -> None:
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "pf.kakao.com@evil.example")
    assert screen.kakao.error_text().startswith("This is not a KakaoTalk channel name.")
    technical = screen.kakao.technical_text()  # behind "Details"
    assert technical.startswith("KakaoTalk channel: ")
    assert "user-info" in technical
    assert screen.kakao.error_label.isVisible()
    assert not screen.kakao.card.badge.isVisible()
    assert screen.kakao.verified() is None and screen.kakao.url() == ""
    assert not screen.save_button.isEnabled()
    assert not any(b.isEnabled() for b in screen.kakao.action_buttons.values())
    assert screen.save_to_store() is False


@pytest.mark.usefixtures("english")
def test_a_payload_with_a_wrong_crc_names_tag_63(qtbot: QtBot, screen: MerchantQrScreen) -> None:
    broken = PAYLOAD[:-4] + ("0000" if not PAYLOAD.endswith("0000") else "FFFF")
    with qtbot.waitSignal(screen.payment.preview_updated, timeout=5_000):
        screen.payment.payload_edit.setPlainText(broken)
    assert screen.payment.error_text().startswith("This payment code is not right")
    technical = screen.payment.technical_text()  # behind "Details"
    assert technical.startswith("Zero Pay payment QR: ")
    assert "tag 63" in technical
    assert not screen.payment.card.badge.isVisible()
    assert screen.payment.detail_texts() == {}
    assert not screen.save_button.isEnabled()


@pytest.mark.usefixtures("english")
def test_a_valid_payload_shows_merchant_details(qtbot: QtBot, screen: MerchantQrScreen) -> None:
    with qtbot.waitSignal(screen.payment.preview_updated, timeout=5_000):
        screen.payment.payload_edit.setPlainText("  " + PAYLOAD + "\n")
    assert screen.payment.detail_texts() == {
        "Merchant": "DEMO TANGERINE",
        "City": "JEJU",
        "Country": "KR",
        "Currency": "KRW",
    }
    assert screen.payment.card.badge.isVisible()
    assert _decode(screen.payment.card.image_label.pixmap().toImage()) == [PAYLOAD]


@pytest.mark.usefixtures("english")
def test_an_unrecognised_payload_is_kept_with_a_visible_note(
    qtbot: QtBot, screen: MerchantQrScreen
) -> None:
    screen.payment.set_text("ZEROPAY-KIT-0042")
    assert screen.payment.card.is_verified()
    assert "not recognised" in screen.payment.note_text()
    assert screen.payment.detail_texts() == {}


def test_loading_a_photo_of_the_kit_fills_the_payload(
    qtbot: QtBot, screen: MerchantQrScreen, tmp_path: Path
) -> None:
    kit = tmp_path / "kit.png"
    save_qr(payment_spec(PAYLOAD), kit)
    assert screen.payment.load_photo(kit)
    assert screen.payment.text() == PAYLOAD
    assert screen.payment.card.is_verified()
    assert screen.payment.payload() is not None
    assert screen.payment.payload().merchant_name == "DEMO TANGERINE"  # type: ignore[union-attr]
    assert screen.save_button.isEnabled()


@pytest.mark.usefixtures("english")
def test_a_photo_without_a_qr_code_keeps_the_field_and_says_why(
    screen: MerchantQrScreen, tmp_path: Path
) -> None:
    before = screen.payment.text()
    blank = tmp_path / "blank.png"
    image = QImage(400, 300, QImage.Format.Format_Grayscale8)
    image.fill(0xFFFFFFFF)
    assert image.save(str(blank))
    assert not screen.payment.load_photo(blank)
    assert screen.payment.text() == before
    assert screen.payment.error_text() == (
        "No code was found in the photo. Take it again in a brighter place."
    )
    assert screen.payment.technical_text().startswith("Zero Pay payment QR: no QR code found")


def test_save_to_store_keeps_the_normalised_id_and_the_exact_payload(
    qtbot: QtBot, screen: MerchantQrScreen, own_services: Services
) -> None:
    store = screen.current_store()
    assert store is not None
    _type(qtbot, screen.kakao, screen.kakao.id_edit, " https://pf.kakao.com/_ZeUTxl/chat ")
    with qtbot.waitSignal(screen.payment.preview_updated, timeout=5_000):
        screen.payment.payload_edit.setPlainText(PAYLOAD + "\n")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.prompt.isVisible()  # saving a code always asks for the PIN first
    assert own_services.directory.get_store(store_id=store.id) == store
    QTest.keyClicks(screen.prompt.field, PIN)
    with qtbot.waitSignal(screen.saved, timeout=5_000):
        QTest.mouseClick(screen.prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert not screen.prompt.isVisible()
    saved = own_services.directory.get_store(store_id=store.id)
    assert saved.kakao_channel_id == "_ZeUTxl"
    assert saved.payment_qr_payload == PAYLOAD
    assert saved.version == store.version + 1
    assert screen.status_label.text().startswith("✓ ")
    assert not screen.save_button.isEnabled()  # saved: nothing left to save


def test_a_stale_version_writes_nothing_and_keeps_the_fields(
    qtbot: QtBot, screen: MerchantQrScreen, own_services: Services
) -> None:
    store = screen.current_store()
    assert store is not None
    other = own_services.codes.save_store_codes(  # someone else, on another PC, saves first
        proof=PROOF,
        store_id=store.id,
        expected_version=store.version,
        kakao=check_kakao("_Other1"),
        payment=None,
    )
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_ZeUTxl")
    assert screen.save_to_store(PROOF) is False
    assert own_services.directory.get_store(store_id=store.id) == other  # nothing written
    assert screen.kakao.text() == "_ZeUTxl"  # nothing lost
    assert screen.current_store() == other  # reloaded at the new version
    assert screen.status_label.text()
    assert screen.save_to_store(PROOF) is True  # the second press saves over the reloaded version
    assert own_services.directory.get_store(store_id=store.id).kakao_channel_id == "_ZeUTxl"


def test_save_png_writes_a_file_that_decodes_back(
    qtbot: QtBot, screen: MerchantQrScreen, tmp_path: Path
) -> None:
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_ZeUTxl")
    target = tmp_path / "kakao.png"
    screen._on_save_file_requested("kakao", "png", target)
    assert _decode(QImage(str(target))) == [FRIEND_URL]
    assert screen.status_label.text().endswith(": kakao.png")  # the name only, no folder


@pytest.mark.usefixtures("english")
def test_save_into_a_missing_folder_reports_it(
    qtbot: QtBot, screen: MerchantQrScreen, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "pay.png"
    screen._on_save_file_requested("payment", "png", target)
    assert not target.exists()
    assert screen.status_label.text() == (
        "⚠ The file cannot be saved in that place. Choose another folder."
    )


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_print_puts_a_scannable_code_of_at_least_3_cm_on_the_page(
    screen: MerchantQrScreen, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(pdf))
    screen._on_print_requested("payment", printer)
    assert screen.status_label.text().startswith("✓ ")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    payload = screen.payment.payload()
    assert payload is not None
    assert _decode(QImage(str(tmp_path / "page.png"))) == [payload.raw]
    verified = screen.payment.verified()
    assert verified is not None
    assert screen.print_code("payment", printer) >= 30.0


def test_language_change_retranslates_and_keeps_the_codes(
    qtbot: QtBot, screen: MerchantQrScreen
) -> None:
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_ZeUTxl")
    i18n.set_locale("en")
    screen.retranslate()
    assert screen.kakao.heading.text() == "KakaoTalk channel"
    assert screen.save_button.text() == "Save to store"
    english_badge = screen.kakao.card.badge.text()
    i18n.set_locale("ja")
    screen.retranslate()
    assert screen.kakao.heading.text() == i18n.translate("KakaoTalk channel", "ja")
    assert screen.kakao.card.badge.text() != english_badge
    assert screen.kakao.text() == "_ZeUTxl" and screen.kakao.url() == FRIEND_URL
    assert screen.kakao.card.is_verified()


def test_sections_stack_on_a_narrow_screen(qtbot: QtBot, screen: MerchantQrScreen) -> None:
    screen.resize(1920, 1080)
    qtbot.waitUntil(lambda: screen.kakao.y() == screen.payment.y())
    screen.resize(1080, 1920)
    qtbot.waitUntil(lambda: screen.payment.y() > screen.kakao.y() + screen.kakao.height() - 1)


def test_a_visitor_without_the_pin_cannot_change_a_code(
    qtbot: QtBot, screen: MerchantQrScreen, own_services: Services
) -> None:
    store = screen.current_store()
    assert store is not None
    _type(qtbot, screen.kakao, screen.kakao.id_edit, "_Fraud99")
    assert screen.save_to_store() is False  # no proof: the prompt asks
    assert screen.prompt.isVisible()
    QTest.keyClicks(screen.prompt.field, "000001")
    QTest.mouseClick(screen.prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.prompt.error.isVisible() and screen.prompt.error.text().startswith("⚠")
    assert screen.prompt.field.text() == ""  # the wrong PIN is not kept
    assert own_services.directory.get_store(store_id=store.id) == store  # nothing written
    QTest.mouseClick(screen.prompt.switch_button, Qt.MouseButton.LeftButton)
    assert screen.prompt.kind() == "password"
    QTest.keyClicks(screen.prompt.field, "not the password")
    QTest.mouseClick(screen.prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert own_services.directory.get_store(store_id=store.id) == store


def test_save_and_print_are_in_view_at_1366x768_without_scrolling(
    qtbot: QtBot, own_services: Services
) -> None:
    """The code screen of a signed-in merchant: both sections' buttons show at once."""
    from ui_helpers import shown_shell

    from kiosk.ui import ops
    from kiosk.ui.merchant.flow import merchant_flow

    shell = next(shown_shell(qtbot, own_services, "ko"))
    store = own_services.directory.list_stores(market_slug="bansong")[2]
    merchant_flow(shell).open_qr(store.id)
    assert ops.wait_idle()
    screen = shell.screen_widget(SCREEN)
    assert isinstance(screen, MerchantQrScreen)
    screen.set_files_allowed(True)
    qtbot.wait(50)
    viewport = screen.scroll_area.viewport()
    for section in (screen.kakao, screen.payment):
        for button in section.action_buttons.values():
            bottom = button.mapTo(viewport, button.rect().bottomRight())
            assert button.isVisible() and bottom.y() <= viewport.height(), button.objectName()
    assert screen.save_button.isVisible()
