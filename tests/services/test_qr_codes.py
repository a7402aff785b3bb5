"""Saving a store's QR codes: inputs checked by the domain, field named, version guarded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.data.db import Database
from kiosk.data.seed import ensure_demo_data
from kiosk.domain.emvco import build_payload
from kiosk.i18n import current_locale, set_locale
from kiosk.services.directory import get_store, list_stores
from kiosk.services.errors import NotFoundError, StaleVersionError
from kiosk.services.qr_codes import (
    QrInputError,
    checked_payment_input,
    normalise_kakao_input,
    save_store_qr_codes,
)

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
def demo_db(db: Database) -> Database:
    ensure_demo_data(db)
    return db


@pytest.fixture
def store_id(demo_db: Database) -> int:
    return list_stores(db=demo_db, market_slug="dongmun")[0].id


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


def test_save_persists_normalised_id_and_exact_payload(demo_db: Database, store_id: int) -> None:
    before = get_store(db=demo_db, store_id=store_id)
    saved = save_store_qr_codes(
        db=demo_db,
        store_id=store_id,
        expected_version=before.version,
        kakao_input=" https://pf.kakao.com/_ZeUTxl/friend ",
        payment_input=PAYLOAD + "\n",
    )
    assert saved.version == before.version + 1
    again = get_store(db=demo_db, store_id=store_id)
    assert again.kakao_channel_id == "_ZeUTxl"
    assert again.payment_qr_payload == PAYLOAD
    assert again.version == saved.version


def test_blank_inputs_remove_the_codes(demo_db: Database, store_id: int) -> None:
    before = get_store(db=demo_db, store_id=store_id)
    assert before.kakao_channel_id and before.payment_qr_payload
    save_store_qr_codes(
        db=demo_db,
        store_id=store_id,
        expected_version=before.version,
        kakao_input="",
        payment_input=None,
    )
    after = get_store(db=demo_db, store_id=store_id)
    assert after.kakao_channel_id is None and after.payment_qr_payload is None


@pytest.mark.parametrize(
    ("kakao", "payment", "field"),
    [
        ("pf.kakao.com@evil.example", PAYLOAD, "kakao_channel"),
        ("_ZeUTxl", PAYLOAD[:-1] + "X", "payment_qr"),
    ],
)
def test_refused_input_writes_nothing(
    demo_db: Database, store_id: int, kakao: str, payment: str, field: str
) -> None:
    before = get_store(db=demo_db, store_id=store_id)
    with pytest.raises(QrInputError) as caught:
        save_store_qr_codes(
            db=demo_db,
            store_id=store_id,
            expected_version=before.version,
            kakao_input=kakao,
            payment_input=payment,
        )
    assert caught.value.field == field
    assert get_store(db=demo_db, store_id=store_id) == before


def test_stale_version_writes_nothing(demo_db: Database, store_id: int) -> None:
    before = get_store(db=demo_db, store_id=store_id)
    save_store_qr_codes(
        db=demo_db,
        store_id=store_id,
        expected_version=before.version,
        kakao_input="_First1",
        payment_input=None,
    )
    current = get_store(db=demo_db, store_id=store_id)
    with pytest.raises(StaleVersionError) as caught:
        save_store_qr_codes(
            db=demo_db,
            store_id=store_id,
            expected_version=before.version,
            kakao_input="_Second2",
            payment_input=PAYLOAD,
        )
    assert caught.value.actual_version == current.version
    assert get_store(db=demo_db, store_id=store_id) == current


def test_missing_store_is_reported(demo_db: Database) -> None:
    with pytest.raises(NotFoundError, match="no store with id 999999"):
        save_store_qr_codes(
            db=demo_db,
            store_id=999_999,
            expected_version=1,
            kakao_input="_ZeUTxl",
            payment_input=None,
        )
