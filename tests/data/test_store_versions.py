"""Optimistic concurrency: a stale edit raises StaleVersionError and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sample_market import SMALL_SLUG
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError, StaleVersionError
from kiosk.data.models import Store
from kiosk.domain.hours import parse_legacy_hours
from kiosk.services.directory import get_store, list_stores
from kiosk.services.stores import set_store_qr_codes

PAYLOAD = "00020101021153034105802KR5912DEMO 떡집 한글6005BUSAN6304ABCD"


def _store_id(db: Database, query: str) -> int:
    [summary] = list_stores(db=db, market_slug=SMALL_SLUG, query=query)
    return summary.id


def test_saving_qr_codes_bumps_version_and_time(seeded_db: Database) -> None:
    store_id = _store_id(seeded_db, "떡")
    before = get_store(db=seeded_db, store_id=store_id)
    with seeded_db.session() as session:
        updated_before = session.get_one(Store, store_id).updated_at
    detail = set_store_qr_codes(
        db=seeded_db,
        store_id=store_id,
        expected_version=before.version,
        kakao_channel_id="_Halmae",
        payment_qr_payload=PAYLOAD,
    )
    assert detail.version == before.version + 1
    assert detail.kakao_channel_id == "_Halmae" and detail.payment_qr_payload == PAYLOAD
    reloaded = get_store(db=seeded_db, store_id=store_id)
    assert reloaded == detail
    with seeded_db.session() as session:
        assert session.get_one(Store, store_id).updated_at > updated_before


def test_saving_the_same_values_still_moves_the_version(seeded_db: Database) -> None:
    store_id = _store_id(seeded_db, "b-1")
    first = get_store(db=seeded_db, store_id=store_id)
    again = set_store_qr_codes(
        db=seeded_db,
        store_id=store_id,
        expected_version=first.version,
        kakao_channel_id=first.kakao_channel_id,
        payment_qr_payload=first.payment_qr_payload,
    )
    assert again.version == first.version + 1


def test_clearing_qr_codes(seeded_db: Database) -> None:
    store_id = _store_id(seeded_db, "b-1")
    detail = set_store_qr_codes(
        db=seeded_db,
        store_id=store_id,
        expected_version=1,
        kakao_channel_id=None,
        payment_qr_payload=None,
    )
    assert detail.kakao_channel_id is None and detail.payment_qr_payload is None


def test_a_second_edit_of_the_same_version_is_refused(seeded_db: Database) -> None:
    store_id = _store_id(seeded_db, "떡")
    set_store_qr_codes(
        db=seeded_db,
        store_id=store_id,
        expected_version=1,
        kakao_channel_id="_First",
        payment_qr_payload=PAYLOAD,
    )
    with pytest.raises(StaleVersionError) as caught:
        set_store_qr_codes(
            db=seeded_db,
            store_id=store_id,
            expected_version=1,
            kakao_channel_id="_Second",
            payment_qr_payload=None,
        )
    error = caught.value
    assert (error.expected_version, error.actual_version) == (1, 2)
    assert "할매 떡집" in str(error) and "version 1" in str(error) and "version 2" in str(error)
    after = get_store(db=seeded_db, store_id=store_id)
    assert (after.version, after.kakao_channel_id, after.payment_qr_payload) == (
        2,
        "_First",
        PAYLOAD,
    )


def test_a_write_between_load_and_update_is_caught_by_the_update(seeded_db: Database) -> None:
    """Another PC saves after this edit loaded the store: the versioned UPDATE matches no row."""
    store_id = _store_id(seeded_db, "귤")

    def other_pc_saves(session: Session, *_: Any) -> None:
        with seeded_db.engine.begin() as conn:
            conn.execute(
                update(Store)
                .where(Store.id == store_id)
                .values(kakao_channel_id="_OtherPC", version=Store.version + 1)
            )

    event.listen(Session, "before_flush", other_pc_saves, once=True)
    try:
        with pytest.raises(StaleVersionError) as caught:
            set_store_qr_codes(
                db=seeded_db,
                store_id=store_id,
                expected_version=1,
                kakao_channel_id="_Mine",
                payment_qr_payload=PAYLOAD,
            )
    finally:
        if event.contains(Session, "before_flush", other_pc_saves):
            event.remove(Session, "before_flush", other_pc_saves)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    after = get_store(db=seeded_db, store_id=store_id)
    assert (after.kakao_channel_id, after.payment_qr_payload, after.version) == (
        "_OtherPC",
        None,
        2,
    )


def test_two_orm_sessions_the_second_flush_is_stale(seeded_db: Database) -> None:
    store_id = _store_id(seeded_db, "채소")
    with seeded_db.session() as first, seeded_db.session() as second:
        mine, theirs = first.get_one(Store, store_id), second.get_one(Store, store_id)
        theirs.phone = "010-0000-1111"
        second.commit()
        mine.phone = "010-0000-2222"
        mine.opening_hours = "half written?"
        with pytest.raises(StaleDataError):
            first.flush()
        first.rollback()
    with seeded_db.session() as session:
        row = session.execute(
            select(Store.phone, Store.opening_hours, Store.version).where(Store.id == store_id)
        ).one()
    assert tuple(row) == ("010-0000-1111", parse_legacy_hours("08:00-20:00"), 2)


def test_unknown_store(seeded_db: Database) -> None:
    with pytest.raises(NotFoundError, match="424242"):
        set_store_qr_codes(
            db=seeded_db,
            store_id=424242,
            expected_version=1,
            kakao_channel_id=None,
            payment_qr_payload=None,
        )
