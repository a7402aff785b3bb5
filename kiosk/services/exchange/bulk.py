"""Read a market's listings in bulk and write an import plan in one transaction.

The whole plan is written under the database's write lock or not at all: new
stores and goods through the Core bulk path, changed stores with
``UPDATE ... WHERE id = ? AND version = ?`` (a store saved elsewhere since the
plan was made stops the import), the audit entry and the change event for
other PCs in the same transaction. The statements are in ``kiosk.data.listings``.
"""

from __future__ import annotations

from kiosk.data import listings, markets, stores
from kiosk.data.db import Database
from kiosk.data.search import bump_search_stamps
from kiosk.domain.exchange.plan import CurrentStore, ImportPlan, PlanKind
from kiosk.domain.exchange.shared_codes import CodeHolder
from kiosk.domain.messages import N_, KioskError, define
from kiosk.services.uow import Conn, Tx, connection_of, reading

CHANGED_SINCE_CHECK = define(
    "exchange.changed_since_check",
    N_(
        "{count} stores of {market} were changed on another PC since the file was checked; "
        "nothing was imported. Check the file again."
    ),
)

CODES_TAKEN_SINCE_CHECK = define(
    "exchange.codes_taken_since_check",
    N_(
        "a KakaoTalk channel or payment code of the file was saved for another stall on "
        "another PC since the file was checked; nothing was imported. Check the file again."
    ),
)


class ImportStale(KioskError):
    """Stores the plan touches changed after it was made; nothing was written."""


def market_listings(db: Database, market_slug: str) -> dict[str, CurrentStore]:
    """A market's stores as saved (NotFoundError names the known markets)."""
    with reading(db) as conn:
        return listings.load_current(conn, markets.market_id(conn, market_slug))


def code_holders(
    db: Database, *, kakaos: set[str], payments: set[str], other_than: set[int]
) -> list[CodeHolder]:
    """The saved stores of any market (not *other_than*) having one of these codes."""
    if not kakaos and not payments:
        return []
    with reading(db) as conn:
        return stores.code_holders(conn, kakaos=kakaos, payments=payments, other_than=other_than)


def write_plan(session: Tx, plan: ImportPlan) -> list[int]:
    """Apply *plan* in *session*'s transaction (the write lock is held); store ids touched.

    Raises ImportStale when a store changed (or a new stall appeared) since the plan.
    """
    conn = connection_of(session)
    market_id = markets.market_id(conn, plan.market_slug)
    saved = listings.saved_versions(conn, market_id)
    versions = {store_id: version for store_id, _stall, version in saved}
    stalls = {stall for _id, stall, _version in saved}
    stale = [
        p
        for p in plan.changed()
        if (p.kind is PlanKind.NEW and p.stall in stalls)
        or (p.store_id is not None and versions.get(p.store_id) != p.version)
    ]
    if stale:
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(stale), market=plan.market_slug))
    if _codes_taken_since_check(conn, plan):
        raise ImportStale(CODES_TAKEN_SINCE_CHECK())
    changed = [p for p in plan.changed() if p.kind is not PlanKind.NEW]
    if listings.update_stores(conn, changed) != len(changed):
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(changed), market=plan.market_slug))
    touched = [p.store_id for p in changed if p.store_id is not None]
    listings.write_goods(conn, changed, listings.goods_of(conn, touched))
    new = [p.listing for p in plan.changed() if p.kind is PlanKind.NEW]
    ids = listings.insert_new_stores(conn, market_id, new)
    if ids is None:  # another PC added one of these stalls this very moment
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(new), market=plan.market_slug))
    bump_search_stamps(conn, [market_id])
    return touched + list(ids.values())


def _codes_taken_since_check(conn: Conn, plan: ImportPlan) -> bool:
    """Whether a code the plan gives a stall is now another stall's (saved after the check)."""
    kakaos: set[str] = set()
    payments: set[str] = set()
    for store in plan.changed():
        if store.kind is PlanKind.DEACTIVATED:
            continue
        fields = {change.field for change in store.changes}
        new = store.kind is PlanKind.NEW
        if store.listing.kakao and (new or "kakao_channel" in fields):
            kakaos.add(store.listing.kakao)
        if store.listing.payment and (new or "payment_qr" in fields):
            payments.add(store.listing.payment)
    if not kakaos and not payments:
        return False
    # Stores the plan rewrites (at the version checked) hold the file's codes afterwards.
    rewritten = {
        s.store_id for s in plan.changed() if s.store_id is not None and s.kind is PlanKind.UPDATED
    }
    return bool(stores.code_holders(conn, kakaos=kakaos, payments=payments, other_than=rewritten))
