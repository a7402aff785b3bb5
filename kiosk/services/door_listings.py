"""The services door, part 2: directory, store codes, listing edits, markets, audit, refresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor, CodeProof, store_subject
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.domain.store_edit.draft import StoreDraft
from kiosk.services import directory, store_codes
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.store_codes import KakaoInput, PaymentInput

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.render.stands import StandSize, StandsResult
    from kiosk.services.live import ChangeWatcher

from kiosk.services.door_base import ServicesBase


class ListingUseCases(ServicesBase):
    """Reads return plain domain values; writes check the version and publish a change."""

    # Directory (reads) ------------------------------------------------------------------
    def list_markets(self) -> list[MarketInfo]:
        """Every market with its number of active stores."""
        return directory.list_markets(db=self._db)

    def get_market(self, *, slug: str) -> MarketInfo:
        """One market; NotFoundError names the known slugs."""
        return directory.get_market(db=self._db, slug=slug)

    def list_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[StoreSummary]:
        """A market's stores in stall order, filtered by a search in any language and category.

        *offset* and *limit* give one page (the directory fetches a screenful at a time).
        """
        return directory.list_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
            offset=offset,
            limit=limit,
        )

    def market_categories(self, *, market_slug: str) -> list[Category]:
        """The categories a market's active stores have, in the enum's order (one query)."""
        return directory.market_categories(db=self._db, market_slug=market_slug)

    def get_store(self, *, store_id: int) -> StoreDetail:
        """Everything about one store; NotFoundError when it no longer exists."""
        return directory.get_store(db=self._db, store_id=store_id)

    def list_store_details(
        self, *, market_slug: str, active_only: bool = True
    ) -> list[StoreDetail]:
        return directory.list_store_details(
            db=self._db, market_slug=market_slug, active_only=active_only
        )

    # Demo data --------------------------------------------------------------------------
    def load_demo(self, *, replace: bool = False) -> dict[str, int]:
        """Load the two demo markets (``replace`` rebuilds them); store count per slug."""
        from kiosk.data.seed import seed_demo

        counts = seed_demo(self._db, replace=replace)
        self.note_bulk_change(Change(ChangeKind.MARKETS))
        self.changes.publish(Change(ChangeKind.MARKETS))
        return counts

    # Store codes ------------------------------------------------------------------------
    def save_store_codes(
        self,
        *,
        proof: CodeProof,
        store_id: int,
        expected_version: int,
        kakao: KakaoInput | None,
        payment: PaymentInput | None,
    ) -> StoreDetail:
        """Save checked codes (from ``store_codes.check_kakao/check_payment``) on a store.

        *proof* is that store's PIN or the manager password, checked (with
        throttling) before anything is written; the change is audited. ``None``
        removes that code. Raises SignInRefused/Throttled, ``StaleVersionError``
        when someone else saved the store meanwhile, ``NotFoundError`` when it
        no longer exists.
        """
        from kiosk.services.accounts import actor_for_proof
        from kiosk.services.stores import set_store_qr_codes

        actor = actor_for_proof(
            self._db, proof=proof, store_id=store_id, pc=self.pc, subject=store_subject(store_id)
        )
        saved = set_store_qr_codes(
            db=self._db,
            store_id=store_id,
            expected_version=expected_version,
            kakao_channel_id=kakao.channel_id if kakao is not None else None,
            payment_qr_payload=payment.raw if payment is not None else None,
            actor=actor,
            origin=self.origin,
        )
        self.changes.publish(Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id})))
        return saved

    def print_stands(
        self,
        *,
        market_slug: str,
        out: Path,
        size: StandSize = "a6",
        progress: Callable[[int, int], None] | None = None,
    ) -> StandsResult:
        """PDF of stands for a market's active stores with codes; NotFoundError for the slug.

        Raises ``StandsError`` when no store has a code to print.
        """
        market = self.get_market(slug=market_slug)
        stores: Sequence[StoreDetail] = self.list_store_details(market_slug=market_slug)
        return store_codes.render_stands(
            stores, market_name=market.name, out=out, size=size, progress=progress
        )

    # City-scale directory ----------------------------------------------------------------
    def count_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
    ) -> int:
        """How many stores ``list_stores`` lists for the same filter (shares its search)."""
        return directory.count_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
        )

    def prepare_search(self, *, market_slug: str) -> None:
        """Load the market's search texts before the first keystroke needs them."""
        directory.prepare_search(db=self._db, market_slug=market_slug)

    # Editing listings ----------------------------------------------------------------------
    def save_store(
        self,
        *,
        actor: Actor,
        market_slug: str,
        base: StoreDetail | None,
        draft: StoreDraft,
        proof: CodeProof | None = None,
    ) -> StoreDetail:
        """Create (*base* None, manager only) or change a store at the version of *base*.

        Raises EditRefused (problems per field), PermissionDenied, StaleEdit (with
        what changed elsewhere), Gone, and the sign-in errors of *proof*, which
        a change of the KakaoTalk channel or payment QR needs.
        """
        from kiosk.services.accounts import require
        from kiosk.services.listings import save_store

        live = require(
            self._sessions,
            actor,
            store_id=base.id if base is not None else None,
            manager=base is None,
        )
        saved, changes = save_store(
            db=self._db,
            origin=self.origin,
            actor=live,
            market_slug=market_slug,
            base=base,
            draft=draft,
            proof=proof,
        )
        if changes:
            self.changes.publish(
                Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id}))
            )
        return saved

    def update_good(
        self,
        *,
        actor: Actor,
        base: StoreDetail,
        product_id: int,
        price_won: int | None = None,
        sold_out: bool | None = None,
    ) -> StoreDetail:
        """One tap of the merchant screen: a good's price or sold-out state, at *base*'s version."""
        from dataclasses import replace

        from kiosk.domain.store_edit.draft import Gone, draft_from

        draft = draft_from(base)
        goods = list(draft.products)
        for index, good in enumerate(goods):
            if good.id == product_id:
                goods[index] = replace(
                    good,
                    price_won=good.price_won if price_won is None else price_won,
                    sold_out=good.sold_out if sold_out is None else sold_out,
                )
                break
        else:
            raise Gone(f"#{product_id}")
        return self.save_store(
            actor=actor,
            market_slug=base.market_slug,
            base=base,
            draft=replace(draft, products=tuple(goods)),
        )

    # Markets -------------------------------------------------------------------------------
    def create_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> MarketInfo:
        from kiosk.services.accounts import require
        from kiosk.services.markets import create_market

        live = require(self._sessions, actor, manager=True)
        made = create_market(
            db=self._db, origin=self.origin, actor=live, slug=slug, name=name, city=city
        )
        self.changes.publish(Change(ChangeKind.MARKETS, made.slug))
        return made

    def update_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> MarketInfo:
        from kiosk.services.accounts import require
        from kiosk.services.markets import update_market

        live = require(self._sessions, actor, manager=True)
        changed = update_market(
            db=self._db, origin=self.origin, actor=live, slug=slug, name=name, city=city
        )
        self.changes.publish(Change(ChangeKind.MARKETS, slug))
        return changed

    def remove_market(self, *, actor: Actor, slug: str) -> int:
        """Delete a market with its stores (history stays in the audit log); stores removed."""
        from kiosk.services.accounts import require
        from kiosk.services.markets import remove_market

        live = require(self._sessions, actor, manager=True)
        count = remove_market(db=self._db, origin=self.origin, actor=live, slug=slug)
        self.changes.publish(Change(ChangeKind.MARKETS, slug))
        return count

    # Audit log -----------------------------------------------------------------------------
    def audit_log(
        self,
        *,
        actor: Actor,
        market_slug: str | None = None,
        since: datetime | None = None,
        actions: tuple[AuditAction, ...] = (),
        store_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest entries first (the manager's to read)."""
        from kiosk.services.accounts import require
        from kiosk.services.audit import entries

        require(self._sessions, actor, manager=True)
        return entries(
            db=self._db,
            market_slug=market_slug,
            since=since,
            actions=actions,
            store_id=store_id,
            limit=limit,
        )

    # Live refresh ---------------------------------------------------------------------------
    def change_watcher(self) -> ChangeWatcher:
        """A poller that publishes, on ``changes``, what other PCs saved since it was made."""
        from kiosk.services.live import ChangeWatcher

        return ChangeWatcher(self._db, origin=self.origin, hub=self.changes)

    def note_bulk_change(self, change: Change, *, above: int | None = None) -> None:
        """Tell other PCs about a write that was not made through an editing use case.

        *above*: an event id other PCs may have seen already (see ``note_change``).
        """
        from kiosk.services.live import note_change_now

        note_change_now(self._db, origin=self.origin, change=change, above=above)
