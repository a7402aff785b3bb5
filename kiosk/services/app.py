"""The one door to the data: ``Services``, built once from a database URL, with typed use cases.

Screens and commands receive a ``Services`` object and call its keyword-only
methods; they never import ``kiosk.data`` (an import-linter contract says so).
Every write publishes a ``Change`` on ``services.changes`` after it committed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary
from kiosk.services import directory, store_codes
from kiosk.services.changes import Change, ChangeHub, ChangeKind
from kiosk.services.store_codes import KakaoInput, PaymentInput

if TYPE_CHECKING:
    from kiosk.data.db import Database
    from kiosk.render.stands import StandSize, StandsResult


class Services:
    """Application services over one open database (thread-safe: one session per call).

    Build with :meth:`open` (raises ``DatabaseOpenError`` naming the place, password
    hidden). Reads return plain domain values; writes check the version the user
    was editing and publish a change. ``close()`` releases the connections.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self.changes = ChangeHub()

    @classmethod
    def open(cls, url: str | None = None, *, seed_demo: bool = False) -> Self:
        """Open *url* (default: ``$KIOSK_DATABASE_URL`` or the user's SQLite file).

        With *seed_demo* an empty database gets the two demo markets.
        """
        from kiosk.data.db import Database
        from kiosk.data.seed import ensure_demo_data

        db = Database.open(url)
        if seed_demo:
            try:
                ensure_demo_data(db)
            except BaseException:
                db.close()
                raise
        return cls(db)

    @property
    def url(self) -> str:
        """Where the data lives, for display (password hidden)."""
        return self._db.url

    @property
    def where(self) -> str:
        """The file path (SQLite) or URL (password hidden) for messages."""
        return self._db.where

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

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
        self.changes.publish(Change(ChangeKind.MARKETS))
        return counts

    # Store codes ------------------------------------------------------------------------
    def save_store_codes(
        self,
        *,
        store_id: int,
        expected_version: int,
        kakao: KakaoInput | None,
        payment: PaymentInput | None,
    ) -> StoreDetail:
        """Save checked codes (from ``store_codes.check_kakao/check_payment``) on a store.

        ``None`` removes that code. Raises ``StaleVersionError`` when someone else
        saved the store meanwhile, ``NotFoundError`` when it no longer exists.
        """
        from kiosk.services.stores import set_store_qr_codes

        saved = set_store_qr_codes(
            db=self._db,
            store_id=store_id,
            expected_version=expected_version,
            kakao_channel_id=kakao.channel_id if kakao is not None else None,
            payment_qr_payload=payment.raw if payment is not None else None,
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
        """How many stores ``list_stores`` lists for the same filter (one COUNT query)."""
        return directory.count_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
        )
