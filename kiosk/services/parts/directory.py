"""Directory: markets and stores as tourists and screens read them, search and categories."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, MarketMatches, StoreDetail, StoreSummary
from kiosk.domain.payments import PaymentMethod
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.domain.access import Actor
    from kiosk.services.this_pc import HomeMarket


class Directory(Part):
    """Reads only; each returns plain domain values (SQLAlchemy loads on the first call)."""

    def list_markets(self) -> list[MarketInfo]:
        """Every market with its number of active stores."""
        from kiosk.services import directory

        return directory.list_markets(db=self._db)

    def get_market(self, *, slug: str) -> MarketInfo:
        """One market; NotFoundError names the known slugs."""
        from kiosk.services import directory

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
        payment: PaymentMethod | None = None,
    ) -> list[StoreSummary]:
        """A market's stores in stall order, filtered by a search in any language and category.

        *offset* and *limit* give one page (the directory fetches a screenful at a time);
        *payment* keeps the stores that take that way to pay.
        """
        from kiosk.services import directory

        return directory.list_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
            offset=offset,
            limit=limit,
            payment=payment,
        )

    def count_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
        payment: PaymentMethod | None = None,
    ) -> int:
        """How many stores ``list_stores`` lists for the same filter (shares its search)."""
        from kiosk.services import directory

        return directory.count_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
            payment=payment,
        )

    def market_categories(self, *, market_slug: str) -> list[Category]:
        """The categories a market's active stores have, in the enum's order (one query)."""
        from kiosk.services import directory

        return directory.market_categories(db=self._db, market_slug=market_slug)

    def get_store(self, *, store_id: int) -> StoreDetail:
        """Everything about one store; NotFoundError when it no longer exists."""
        from kiosk.services import directory

        return directory.get_store(db=self._db, store_id=store_id)

    def stall_page_url(self, *, store: StoreDetail) -> str:
        """The store's page on its market's website, as ``publish`` writes it ("" while
        the market has no site address): what the "stall page" code opens."""
        from kiosk.services import directory

        return directory.stall_page_url(db=self._db, store=store)

    def list_store_details(
        self, *, market_slug: str, active_only: bool = True
    ) -> list[StoreDetail]:
        from kiosk.services import directory

        return directory.list_store_details(
            db=self._db, market_slug=market_slug, active_only=active_only
        )

    def market_matches(
        self, *, query: str, home_slug: str | None = None, category: Category | None = None
    ) -> list[MarketMatches]:
        """Per market, how many active stores *query* finds (each with its own synonyms):
        *home_slug* first, then the rest in the order added. The directory shows the
        others with a count as "3 more in 동문재래시장" (blank query: every active store).
        """
        from kiosk.services import directory

        return directory.market_matches(
            db=self._db, query=query, home_slug=home_slug, category=category
        )

    def prepare_search(self, *, market_slug: str) -> None:
        """Load the market's search texts before the first keystroke needs them."""
        from kiosk.services import directory

        directory.prepare_search(db=self._db, market_slug=market_slug)

    def home_market(self) -> HomeMarket | None:
        """This PC's home market (and stall) on this database, or None: the first market."""
        from kiosk.services.this_pc import home_market

        return home_market(self._db.url)

    @publishes
    def set_home_market(
        self, *, actor: Actor, market_slug: str | None, stall: str | None = None
    ) -> Written[HomeMarket | None]:
        """Make *market_slug* (and *stall*, one of its stalls) this PC's home market (manager).

        None forgets it. NotFoundError names the known markets or stalls; nothing is
        written then. The audit log notes the change; this PC's screens are told
        (a change of the markets), other PCs keep their own.
        """
        from kiosk.domain.audit import AuditAction
        from kiosk.services import directory
        from kiosk.services.audit import record
        from kiosk.services.errors import NotFoundError
        from kiosk.services.this_pc import HomeMarket, home_market, set_home_market
        from kiosk.services.uow import transaction

        live = self._core.require(actor, manager=True)
        home = None
        if market_slug is not None:
            market = directory.get_market(db=self._db, slug=market_slug.strip())
            wanted = stall.strip() if stall is not None else None
            if wanted is not None:
                stores = directory.list_stores(db=self._db, market_slug=market.slug)
                if not any(s.stall_number == wanted for s in stores):
                    raise NotFoundError("stall", wanted, [s.stall_number for s in stores[:20]])
            home = HomeMarket(market.slug, wanted)
        before = home_market(self._db.url)
        with transaction(self._db) as session:
            record(
                session,
                actor=live,
                action=AuditAction.HOME_MARKET_SET,
                market_slug=None if home is None else home.market_slug,
                subject=live.pc,
                changes=[("home market", _home_text(before), _home_text(home))],
            )
            set_home_market(self._db.url, home)  # a failed write rolls the entry back
        return Written(home, Change(ChangeKind.MARKETS))

    def this_pc_store(self) -> StoreDetail | None:
        """This PC's stall: the home market's stall, else the store onboarding remembers.

        Set once (by the manager, ``this-pc set --stall``, or when a merchant ticks
        "remember this store" in onboarding); None when neither names a store that exists.
        """
        from kiosk.services import directory
        from kiosk.services.this_pc import home_market, remembered_store

        home = home_market(self._db.url)
        store_id: int | None = None
        if home is not None and home.stall:
            store_id = self.home_store_id(market_slug=home.market_slug, stall=home.stall)
        if store_id is None:
            store_id = remembered_store(self._db.url)
        if store_id is None:
            return None
        try:
            return directory.get_store(db=self._db, store_id=store_id)
        except LookupError:  # the remembered store was deleted since
            return None

    def home_store_id(self, *, market_slug: str, stall: str) -> int | None:
        """The id of the active store at *stall* in *market_slug*, or None."""
        from kiosk.services import directory

        stores = directory.list_stores(db=self._db, market_slug=market_slug)
        return next((s.id for s in stores if s.stall_number == stall.strip()), None)


def _home_text(home: HomeMarket | None) -> str:
    """``dongmun`` or ``dongmun stall A-1`` (empty: none)."""
    if home is None:
        return ""
    return home.market_slug + (f" stall {home.stall}" if home.stall else "")
