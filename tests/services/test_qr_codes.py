"""Saving a store's QR codes: inputs checked by the domain, field named, version guarded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.data.db import Database
from kiosk.domain.access import CodeProof, Secret, SignInRefused
from kiosk.domain.qr.emvco import build_payload
from kiosk.i18n import current_locale, set_locale
from kiosk.services.app import Services
from kiosk.services.changes import Change
from kiosk.services.errors import NotFoundError, StaleVersionError
from kiosk.services.qr.input_error import QrInputError
from kiosk.services.qr.store_codes import check_kakao, check_payment


def normalise_kakao_input(text: str | None) -> str | None:
    checked = check_kakao(text)
    return checked.channel_id if checked is not None else None


def checked_payment_input(text: str | None) -> str | None:
    checked = check_payment(text)
    return checked.raw if checked is not None else None


PIN = "246810"
PROOF = CodeProof("pin", Secret(PIN))
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


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)


@pytest.fixture
def services(db: Database) -> Services:
    opened = Services(db)
    opened.listings.load_demo()
    return opened


@pytest.fixture
def store_id(services: Services) -> int:
    first = services.directory.list_stores(market_slug="dongmun")[0].id
    services.access.set_store_pin(
        actor=services.access.console_actor(), store_id=first, pin=Secret(PIN)
    )
    return first


def test_kakao_id_and_links_are_normalised() -> None:
    assert normalise_kakao_input("  _ZeUTxl ") == "_ZeUTxl"
    assert normalise_kakao_input("https://pf.kakao.com/_ZeUTxl/friend?utm=x") == "_ZeUTxl"
    assert normalise_kakao_input("pf.kakao.com/_ZeUTxl/chat") == "_ZeUTxl"
    assert normalise_kakao_input("") is None
    assert normalise_kakao_input("   ") is None
    assert normalise_kakao_input(None) is None


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("https://pf.kakao.com@evil.example/_ZeUTxl", "user-info"),
        ("https://pf.kakao.com.evil.example/_ZeUTxl", "pf.kakao.com.evil.example"),
        ("ZeUTxl", "must start with '_'"),
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("_Ze UTxl", "space"),
    ],
)
def test_bad_kakao_input_names_the_field(text: str, detail: str) -> None:
    with pytest.raises(QrInputError) as caught:
        normalise_kakao_input(text)
    assert caught.value.field == "kakao_channel"
    assert str(caught.value).startswith("KakaoTalk channel: ")
    assert detail in str(caught.value)


def test_payment_payload_is_kept_byte_for_byte() -> None:
    assert checked_payment_input(PAYLOAD) == PAYLOAD
    assert checked_payment_input("\n " + PAYLOAD + "\r\n") == PAYLOAD  # blanks around a paste
    assert checked_payment_input("ZEROPAY-OPAQUE-123") == "ZEROPAY-OPAQUE-123"
    assert checked_payment_input("") is None
    assert checked_payment_input(None) is None


def test_payment_with_wrong_crc_names_field_and_tag_63() -> None:
    broken = PAYLOAD[:-4] + ("0000" if PAYLOAD[-4:] != "0000" else "FFFF")
    with pytest.raises(QrInputError) as caught:
        checked_payment_input(broken)
    assert caught.value.field == "payment_qr"
    assert str(caught.value).startswith("Zero Pay payment QR: ")
    assert "tag 63" in str(caught.value)


def test_payment_with_control_character_names_the_position() -> None:
    with pytest.raises(QrInputError, match=r"Zero Pay payment QR: .*U\+0007 at position 4"):
        checked_payment_input("ABC\x07DEF")


def test_save_persists_normalised_id_and_exact_payload(services: Services, store_id: int) -> None:
    before = services.directory.get_store(store_id=store_id)
    saved = services.codes.save_store_codes(
        proof=PROOF,
        store_id=store_id,
        expected_version=before.version,
        kakao=check_kakao(" https://pf.kakao.com/_ZeUTxl/friend "),
        payment=check_payment(PAYLOAD + "\n"),
    )
    assert saved.version == before.version + 1
    again = services.directory.get_store(store_id=store_id)
    assert again.kakao_channel_id == "_ZeUTxl"
    assert again.payment_qr_payload == PAYLOAD
    assert again.version == saved.version


def test_blank_inputs_remove_the_codes(services: Services, store_id: int) -> None:
    before = services.directory.get_store(store_id=store_id)
    assert before.kakao_channel_id and before.payment_qr_payload
    services.codes.save_store_codes(
        proof=PROOF,
        store_id=store_id,
        expected_version=before.version,
        kakao=check_kakao(""),
        payment=check_payment(None),
    )
    after = services.directory.get_store(store_id=store_id)
    assert after.kakao_channel_id is None and after.payment_qr_payload is None


@pytest.mark.parametrize(
    ("kakao", "payment", "field"),
    [
        ("pf.kakao.com@evil.example", PAYLOAD, "kakao_channel"),
        ("_ZeUTxl", PAYLOAD[:-1] + "X", "payment_qr"),
    ],
)
def test_refused_input_writes_nothing(
    services: Services, store_id: int, kakao: str, payment: str, field: str
) -> None:
    before = services.directory.get_store(store_id=store_id)
    with pytest.raises(QrInputError) as caught:
        services.codes.save_store_codes(
            proof=PROOF,
            store_id=store_id,
            expected_version=before.version,
            kakao=check_kakao(kakao),
            payment=check_payment(payment),
        )
    assert caught.value.field == field
    assert services.directory.get_store(store_id=store_id) == before


def test_stale_version_writes_nothing(services: Services, store_id: int) -> None:
    before = services.directory.get_store(store_id=store_id)
    services.codes.save_store_codes(
        proof=PROOF,
        store_id=store_id,
        expected_version=before.version,
        kakao=check_kakao("_First1"),
        payment=check_payment(None),
    )
    current = services.directory.get_store(store_id=store_id)
    with pytest.raises(StaleVersionError) as caught:
        services.codes.save_store_codes(
            proof=PROOF,
            store_id=store_id,
            expected_version=before.version,
            kakao=check_kakao("_Second2"),
            payment=check_payment(PAYLOAD),
        )
    assert caught.value.actual_version == current.version
    assert services.directory.get_store(store_id=store_id) == current


def test_missing_store_is_reported(services: Services) -> None:
    manager = services.access.console_actor()
    services.access.set_manager_password(actor=manager, password=Secret("market-office-2026"))
    with pytest.raises(SignInRefused):  # a PIN never tells whether the store exists
        services.codes.save_store_codes(
            proof=PROOF,
            store_id=999_999,
            expected_version=1,
            kakao=check_kakao("_ZeUTxl"),
            payment=check_payment(None),
        )
    with pytest.raises(NotFoundError, match="no store with id 999999"):
        services.codes.save_store_codes(
            proof=CodeProof("password", Secret("market-office-2026")),
            store_id=999_999,
            expected_version=1,
            kakao=check_kakao("_ZeUTxl"),
            payment=check_payment(None),
        )


def test_a_save_publishes_what_changed(services: Services, store_id: int) -> None:
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    before = services.directory.get_store(store_id=store_id)
    services.codes.save_store_codes(
        proof=PROOF,
        store_id=store_id,
        expected_version=before.version,
        kakao=check_kakao("_ZeUTxl"),
        payment=None,
    )
    assert [(c.kind, c.market_slug, c.store_ids) for c in seen] == [
        ("stores", "dongmun", frozenset({store_id}))
    ]
    with pytest.raises(StaleVersionError):
        services.codes.save_store_codes(
            proof=PROOF,
            store_id=store_id,
            expected_version=before.version,
            kakao=None,
            payment=None,
        )
    assert len(seen) == 1  # a refused save tells nobody
