"""Listings: editing stores and goods, markets created, renamed and removed, the demo data."""

from __future__ import annotations

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.listing import MarketInfo, StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.store_edit.draft import StoreDraft
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes


class Listings(Part):
    """Writes check the actor and the version edited; each returns its change to publish."""

    @publishes
    def save_store(
        self,
        *,
        actor: Actor,
        market_slug: str,
        base: StoreDetail | None,
        draft: StoreDraft,
        proof: CodeProof | None = None,
    ) -> Written[StoreDetail]:
        """Create (*base* None, manager only) or change a store at the version of *base*.

        Raises EditRefused (problems per field), PermissionDenied, StaleEdit (with
        what changed elsewhere), Gone, and the sign-in errors of *proof*, which
        a change of the KakaoTalk channel or payment QR needs.
        """
        from kiosk.services.listings import save_store

        live = self._core.require(
            actor, store_id=base.id if base is not None else None, manager=base is None
        )
        saved, changes = save_store(
            db=self._db,
            origin=self._core.origin,
            actor=live,
            market_slug=market_slug,
            base=base,
            draft=draft,
            proof=proof,
        )
        change = Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id}))
        return Written(saved, change if changes else None)

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

    @publishes
    def create_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> Written[MarketInfo]:
        from kiosk.services.markets import create_market

        live = self._core.require(actor, manager=True)
        made = create_market(
            db=self._db, origin=self._core.origin, actor=live, slug=slug, name=name, city=city
        )
        return Written(made, Change(ChangeKind.MARKETS, made.slug))

    @publishes
    def update_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> Written[MarketInfo]:
        from kiosk.services.markets import update_market

        live = self._core.require(actor, manager=True)
        changed = update_market(
            db=self._db, origin=self._core.origin, actor=live, slug=slug, name=name, city=city
        )
        return Written(changed, Change(ChangeKind.MARKETS, slug))

    @publishes
    def set_market_site(self, *, actor: Actor, slug: str, url: str) -> Written[MarketInfo]:
        """The market's tourist website address (``publish`` remembers its --base-url).

        https only, no query (SiteUrlError says which rule); "" forgets it. Stands
        print a "stall page" code once it is set.
        """
        from kiosk.services.markets import set_site_url

        live = self._core.require(actor, manager=True)
        changed = set_site_url(
            db=self._db, origin=self._core.origin, actor=live, slug=slug, url=url
        )
        return Written(changed, Change(ChangeKind.MARKETS, slug))

    @publishes
    def remove_market(self, *, actor: Actor, slug: str) -> Written[int]:
        """Delete a market with its stores (history stays in the audit log); stores removed."""
        from kiosk.services.markets import remove_market

        live = self._core.require(actor, manager=True)
        count = remove_market(db=self._db, origin=self._core.origin, actor=live, slug=slug)
        return Written(count, Change(ChangeKind.MARKETS, slug))

    @publishes
    def load_demo(self, *, replace: bool = False) -> Written[dict[str, int]]:
        """Load the two demo markets (``replace`` rebuilds them); store count per slug."""
        from kiosk.data.seed import seed_demo

        counts = seed_demo(self._db, replace=replace)
        self._core.note_bulk_change(Change(ChangeKind.MARKETS))
        return Written(counts, Change(ChangeKind.MARKETS))
