"""Change a store's listing; every write checks the version the user was editing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from kiosk.data.columns import utcnow
from kiosk.data.convert import store_detail, store_names
from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError, StaleVersionError
from kiosk.data.models import Store
from kiosk.domain.listing import StoreDetail
from kiosk.services.directory import load_store


def set_store_qr_codes(
    *,
    db: Database,
    store_id: int,
    expected_version: int,
    kakao_channel_id: str | None,
    payment_qr_payload: str | None,
) -> StoreDetail:
    """Save the store's KakaoTalk channel ID and payment QR payload (already validated).

    The payload is stored byte-for-byte. Raises ``StaleVersionError`` when the
    store is no longer at *expected_version* (checked on load and again,
    atomically, by the UPDATE itself); then nothing is written. On success the
    version goes up by one and ``updated_at`` is now.
    """
    with db.session() as session:
        store = load_store(session, store_id)
        name = store_names(store).get("ko")
        if store.version != expected_version:
            raise StaleVersionError(
                store_id=store_id,
                store_name=name,
                expected_version=expected_version,
                actual_version=store.version,
            )
        store.kakao_channel_id = kakao_channel_id
        store.payment_qr_payload = payment_qr_payload
        store.updated_at = utcnow()  # always an UPDATE, so the version always moves on
        try:
            session.flush()
        except StaleDataError:
            session.rollback()
            actual = session.scalar(select(Store.version).where(Store.id == store_id))
            if actual is None:  # deleted by someone else meanwhile
                raise NotFoundError("store", store_id) from None
            raise StaleVersionError(
                store_id=store_id,
                store_name=name,
                expected_version=expected_version,
                actual_version=actual,
            ) from None
        return store_detail(store, market=store.market)
