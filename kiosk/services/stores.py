"""Change a store's listing; every write checks the version the user was editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.data import stores
from kiosk.data.columns import utcnow
from kiosk.data.convert import store_detail, store_names
from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError, StaleVersionError
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.listing import StoreDetail
from kiosk.domain.store_edit.draft import FieldChange
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.live import note_change
from kiosk.services.uow import Tx, transaction

if TYPE_CHECKING:
    from kiosk.data.models import Store


def set_store_qr_codes(
    *,
    db: Database,
    store_id: int,
    expected_version: int,
    kakao_channel_id: str | None,
    payment_qr_payload: str | None,
    actor: Actor | None = None,
    origin: str = "",
) -> StoreDetail:
    """Save the store's KakaoTalk channel ID and payment QR payload (already validated).

    The payload is stored byte-for-byte. Raises ``StaleVersionError`` when the
    store is no longer at *expected_version* (checked on load and again,
    atomically, by the UPDATE itself); then nothing is written. On success the
    version goes up by one and ``updated_at`` is now. With *actor* the change is
    audited (field: old -> new) and noted for other PCs in the same transaction.
    """
    with transaction(db) as session:
        store = stores.load_store(session, store_id)
        name = store_names(store).get("ko")
        if store.version != expected_version:
            raise StaleVersionError(
                store_id=store_id,
                store_name=name,
                expected_version=expected_version,
                actual_version=store.version,
            )
        changes = [
            FieldChange(key, old or "", new or "")
            for key, old, new in (
                ("kakao_channel", store.kakao_channel_id, kakao_channel_id),
                ("payment_qr", store.payment_qr_payload, payment_qr_payload),
            )
            if (old or "") != (new or "")
        ]
        _refuse_shared(session, store, name or "", kakao_channel_id, payment_qr_payload)
        store.kakao_channel_id = kakao_channel_id
        store.payment_qr_payload = payment_qr_payload
        store.updated_at = utcnow()  # always an UPDATE, so the version always moves on
        if not stores.flush_versioned(session):
            actual = stores.store_version(session, store_id)
            if actual is None:  # deleted by someone else meanwhile
                raise NotFoundError("store", store_id)
            raise StaleVersionError(
                store_id=store_id,
                store_name=name,
                expected_version=expected_version,
                actual_version=actual,
            )
        if actor is not None:
            subject = f"{store.stall_number} {name}".strip()
            audit.record(
                session,
                actor=actor,
                action=AuditAction.STORE_CODES,
                market_slug=store.market.slug,
                store_id=store.id,
                subject=subject,
                changes=changes,
            )
            change = Change(ChangeKind.STORES, store.market.slug, frozenset({store.id}))
            note_change(session, origin=origin, change=change)
        return store_detail(store, market=store.market)


def _refuse_shared(
    session: Tx, store: Store, name: str, kakao: str | None, payment: str | None
) -> None:
    """QrInputError when a code new to *store* is another stall's (of any market)."""
    from kiosk.domain.exchange.shared_codes import taken_reason
    from kiosk.services.qr.input_error import QrInputError

    new_kakao = kakao if kakao and kakao != store.kakao_channel_id else ""
    new_payment = payment if payment and payment != store.payment_qr_payload else ""
    if not new_kakao and not new_payment:
        return
    holders = stores.code_holders(
        session,
        kakaos={new_kakao} - {""},
        payments={new_payment} - {""},
        other_than={store.id},
    )
    for holder in holders:
        if new_kakao and holder.kakao == new_kakao:
            raise QrInputError("kakao_channel", taken_reason(holder, store.stall_number, name))
        if new_payment and holder.payment == new_payment:
            raise QrInputError("payment_qr", taken_reason(holder, store.stall_number, name))
