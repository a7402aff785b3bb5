"""Edit a store's listing: check the draft, check who asks, save at the loaded version, audit it.

One transaction holds the store's change, its audit entries and the change
event other PCs poll, so all three exist or none does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.data import markets, stores
from kiosk.data.convert import store_detail
from kiosk.data.db import Database
from kiosk.domain.access import Actor, CodeProof, PermissionDenied, Role
from kiosk.domain.audit import AuditAction
from kiosk.domain.listing import StoreDetail
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.store_edit.changes import changes_between, forbidden_for_merchant
from kiosk.domain.store_edit.checks import DUPLICATE_STALL, cleaned, validate
from kiosk.domain.store_edit.draft import (
    EditRefused,
    FieldChange,
    Gone,
    Problem,
    StaleEdit,
    StoreDraft,
    draft_from,
    field_label,
)
from kiosk.services import audit
from kiosk.services.access import accounts
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.live import note_change
from kiosk.services.qr.input_error import QrInputError
from kiosk.services.qr.store_codes import check_kakao, check_payment, verify
from kiosk.services.uow import Tx, transaction

if TYPE_CHECKING:
    from kiosk.data.models import Market, Store

MERCHANT_FIELDS = define(
    "access.merchant_fields", N_("a merchant changes goods and codes only, not {fields}")
)
NEED_PROOF = define(
    "access.need_proof",
    N_("changing the KakaoTalk channel or the payment QR asks for the PIN or password again"),
)
CODE_FIELDS = ("kakao_channel", "payment_qr")


def check_codes(draft: StoreDraft) -> tuple[StoreDraft, list[Problem]]:
    """*draft* with the KakaoTalk ID normalised and the payload as issued, or the problems.

    The same checks as the merchant screen: parsed once, then drawn and decoded back.
    """
    from kiosk.render.verify import QrVerificationError

    problems: list[Problem] = []
    kakao_id, payload = "", ""
    try:
        kakao = check_kakao(draft.kakao)
        if kakao is not None:
            verify(kakao.spec)
            kakao_id = kakao.channel_id
    except (QrInputError, QrVerificationError) as exc:
        problems.append(Problem("kakao_channel", _reason(exc)))
    try:
        payment = check_payment(draft.payment)
        if payment is not None:
            verify(payment.spec)
            payload = payment.raw
    except (QrInputError, QrVerificationError) as exc:
        problems.append(Problem("payment_qr", _reason(exc)))
    return replace(draft, kakao=kakao_id, payment=payload), problems


def _reason(exc: Exception) -> Message:
    from kiosk.domain.messages import KioskError, as_message

    return exc.message if isinstance(exc, KioskError) else as_message(str(exc))


def _subject(draft: StoreDraft) -> str:
    return f"{draft.stall_number} {draft.name.get('ko', '')}".strip()


def save_store(
    *,
    db: Database,
    origin: str,
    actor: Actor,
    market_slug: str,
    base: StoreDetail | None,
    draft: StoreDraft,
    proof: CodeProof | None = None,
) -> tuple[StoreDetail, list[FieldChange]]:
    """Create (*base* None) or change a store; return it as saved and what changed.

    *actor* must already be checked (signed in). Raises EditRefused (field
    problems), PermissionDenied, StaleEdit (saved elsewhere since *base* was
    loaded, with what changed there), Gone (removed meanwhile), and the
    sign-in errors of *proof* when the codes change.
    """
    new = _checked_draft(draft)
    old = draft_from(base) if base is not None else None
    changes = changes_between(old, new) if old is not None else _creation_changes(new)
    _check_merchant_may(actor, base, changes)
    code_changes = [c for c in changes if c.field in CODE_FIELDS]
    code_actor = _code_actor(db, actor, base, new, proof) if code_changes else actor
    if old is not None and not changes:
        return base, []  # type: ignore[return-value]
    with transaction(db) as session:
        store, market = _store_to_change(
            session, market_slug=market_slug, base=base, old=old, new=new
        )
        clashes = _shared_codes(session, new, base, code_changes)
        if clashes:
            raise EditRefused(clashes)
        stores.apply_draft(store, new)
        if base is None:
            stores.add_store(session, store, market)
        if not stores.flush_versioned(session):
            raise _stale_after_race(db, base, old)
        other = [c for c in changes if c.field not in CODE_FIELDS]
        if other or base is None:
            action = AuditAction.STORE_CREATED if base is None else AuditAction.STORE_CHANGED
            _audit_store(
                session,
                actor=actor,
                action=action,
                market=market,
                store=store,
                subject=_subject(new),
                changes=other,
            )
        if code_changes:
            _audit_store(
                session,
                actor=code_actor,
                action=AuditAction.STORE_CODES,
                market=market,
                store=store,
                subject=_subject(new),
                changes=code_changes,
            )
        change = Change(ChangeKind.STORES, market.slug, frozenset({store.id}))
        note_change(session, origin=origin, change=change)
        saved = store_detail(store, market=market)
    return saved, changes


def _checked_draft(draft: StoreDraft) -> StoreDraft:
    """The cleaned draft; EditRefused with every field problem and code problem."""
    problems = validate(draft)
    checked, code_problems = check_codes(draft)
    problems += code_problems
    if problems:
        raise EditRefused(problems)
    return cleaned(checked)


def _check_merchant_may(actor: Actor, base: StoreDetail | None, changes: list[FieldChange]) -> None:
    """A merchant changes only their own store, and only the fields merchants keep."""
    if actor.role is not Role.MERCHANT:
        return
    refused = forbidden_for_merchant(changes)
    if base is None or actor.store_id != base.id or refused:
        fields = ", ".join(sorted({c.field.split(".")[0] for c in refused})) or "-"
        raise PermissionDenied(MERCHANT_FIELDS(fields=fields))


def _code_actor(
    db: Database,
    actor: Actor,
    base: StoreDetail | None,
    new: StoreDraft,
    proof: CodeProof | None,
) -> Actor:
    """Who changes the codes: *proof* (the store's PIN or the manager password), checked."""
    if proof is None or (base is None and proof.kind != "password"):
        raise PermissionDenied(NEED_PROOF())
    code_actor = accounts.actor_for_proof(
        db,
        proof=proof,
        store_id=base.id if base is not None else -1,
        pc=actor.pc,
        subject=_subject(new),
    )
    if code_actor.role is Role.MERCHANT and actor.role is Role.MERCHANT:
        return actor
    return code_actor


def _store_to_change(
    session: Tx,
    *,
    market_slug: str,
    base: StoreDetail | None,
    old: StoreDraft | None,
    new: StoreDraft,
) -> tuple[Store, Market]:
    """The row to write (a new one, or *base*'s at its version) and its market.

    Raises Gone, StaleEdit (saved elsewhere since *base*) and EditRefused (stall taken).
    """
    if base is None:
        market = markets.market_by_slug(session, market_slug)
        store = stores.new_store(market)  # added once it is filled in
    else:
        found = stores.find_store(session, base.id)
        if found is None:
            raise Gone(_subject(old or new))
        store, market = found, found.market
        current = store_detail(store, market=market)
        if current.version != base.version:
            assert old is not None
            raise StaleEdit(
                store_id=base.id,
                name=_subject(old),
                changes=changes_between(old, draft_from(current)),
            )
    if stores.stall_taken(
        session, market.id, new.stall_number, other_than=base.id if base else None
    ):
        problem = DUPLICATE_STALL(field=field_label("stall_number"), stall=new.stall_number)
        raise EditRefused([Problem("stall_number", problem)])
    return store, market


def _audit_store(
    session: Tx,
    *,
    actor: Actor,
    action: AuditAction,
    market: Market,
    store: Store,
    subject: str,
    changes: list[FieldChange],
) -> None:
    """One audit line for the store's save (*subject*: its stall and Korean name)."""
    audit.record(
        session,
        actor=actor,
        action=action,
        market_slug=market.slug,
        store_id=store.id,
        subject=subject,
        changes=changes,
    )


def _shared_codes(
    session: Tx, new: StoreDraft, base: StoreDetail | None, code_changes: list[FieldChange]
) -> list[Problem]:
    """A new channel or payload that another stall (of any market) already has."""
    from kiosk.domain.exchange.shared_codes import taken

    changed = {change.field for change in code_changes}
    kakao = new.kakao if "kakao_channel" in changed and new.kakao else ""
    payment = new.payment if "payment_qr" in changed and new.payment else ""
    if not kakao and not payment:
        return []
    holders = stores.code_holders(
        session,
        kakaos={kakao} - {""},
        payments={payment} - {""},
        other_than={base.id} if base is not None else set(),
    )
    problems: list[Problem] = []
    for key, code, attr in (("kakao_channel", kakao, "kakao"), ("payment_qr", payment, "payment")):
        holder = next((h for h in holders if code and getattr(h, attr) == code), None)
        if holder is not None:
            problems.append(Problem(key, taken(holder, new, field_label(key))))
    return problems


def _creation_changes(new: StoreDraft) -> list[FieldChange]:
    from kiosk.domain.store_edit.draft import empty_draft

    start = replace(empty_draft(), category=new.category, active=new.active)
    return [FieldChange("store", "", "created"), *changes_between(start, new)]


def _stale_after_race(db: Database, base: StoreDetail | None, old: StoreDraft | None) -> Exception:
    """The UPDATE found another version (or no row): say which."""
    from kiosk.data.errors import NotFoundError
    from kiosk.services.directory import get_store

    assert base is not None and old is not None
    try:
        current = get_store(db=db, store_id=base.id)
    except NotFoundError:
        return Gone(_subject(old))
    return StaleEdit(
        store_id=base.id, name=_subject(old), changes=changes_between(old, draft_from(current))
    )


def market_of(db: Database, store_id: int) -> str:
    with transaction(db) as session:
        slug = stores.market_slug_of(session, store_id)
    if slug is None:
        raise Gone(f"#{store_id}")
    return slug


def refuse_tourist(actor: Actor) -> None:
    if actor.role is Role.TOURIST:
        raise PermissionDenied(accounts.SIGN_IN_FIRST())
