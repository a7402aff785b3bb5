"""Directory: markets and stores as tourists and screens read them, search and categories."""

from __future__ import annotations

from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary
from kiosk.services.parts.core import Part


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
    ) -> list[StoreSummary]:
        """A market's stores in stall order, filtered by a search in any language and category.

        *offset* and *limit* give one page (the directory fetches a screenful at a time).
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
        )

    def count_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
    ) -> int:
        """How many stores ``list_stores`` lists for the same filter (shares its search)."""
        from kiosk.services import directory

        return directory.count_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
        )

    def market_categories(self, *, market_slug: str) -> list[Category]:
        """The categories a market's active stores have, in the enum's order (one query)."""
        from kiosk.services import directory

        return directory.market_categories(db=self._db, market_slug=market_slug)

    def get_store(self, *, store_id: int) -> StoreDetail:
        """Everything about one store; NotFoundError when it no longer exists."""
        from kiosk.services import directory

        return directory.get_store(db=self._db, store_id=store_id)

    def list_store_details(
        self, *, market_slug: str, active_only: bool = True
    ) -> list[StoreDetail]:
        from kiosk.services import directory

        return directory.list_store_details(
            db=self._db, market_slug=market_slug, active_only=active_only
        )

    def prepare_search(self, *, market_slug: str) -> None:
        """Load the market's search texts before the first keystroke needs them."""
        from kiosk.services import directory

        directory.prepare_search(db=self._db, market_slug=market_slug)
