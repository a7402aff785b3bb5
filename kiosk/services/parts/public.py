"""Public data: markets from the national market list, stores from the SEMAS registry."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.domain.listing import MarketInfo
    from kiosk.domain.market_profile import MarketProfile
    from kiosk.services.public_markets import MarketsPlan
    from kiosk.services.public_stores import StoresPlan


class Public(Part):
    """Dry runs that read a public file, then all-or-nothing writes with an audit entry."""

    def check_markets(
        self, *, actor: Actor, path: Path, sido: str = "", name: str = ""
    ) -> MarketsPlan:
        """What importing the national market list *path* would do; nothing is written.

        Raises PublicFileError (not that file: missing columns named, encoding
        mixed up), PublicImportRefused (rows that cannot be read, each named).
        """
        from kiosk.services.public_markets import check_public_markets

        self._core.require(actor, manager=True)
        return check_public_markets(self._db, path=path, sido=sido, name=name)

    @publishes
    def apply_markets(self, *, actor: Actor, plan: MarketsPlan) -> Written[int]:
        """Add and update the plan's markets in one transaction (audited); how many written."""
        from kiosk.services.public_markets import apply_public_markets

        live = self._core.require(actor, manager=True)
        count = apply_public_markets(self._db, origin=self._core.origin, actor=live, plan=plan)
        return Written(count, Change(ChangeKind.MARKETS) if count else None)

    def check_stores(
        self,
        *,
        actor: Actor,
        path: Path,
        market_slug: str,
        radius_m: float = 150.0,
        centre: tuple[float, float] | None = None,
        building: str = "",
        categories: Path | None = None,
    ) -> StoresPlan:
        """The SEMAS registry's shops of the market in *path*; nothing is written.

        Within *radius_m* of the market's coordinates (or *centre*), or whose
        building name or road address names the market (or *building*).
        *categories* is the manager's own 상권업종 table (TOML), remembered for the
        market. Raises NeedsCentre (a market without coordinates and no *centre*
        nor *building*), PublicFileError, PublicImportRefused (duplicate or empty
        상가업소번호, each row named), NotFoundError (no such market).
        """
        from kiosk.services.public_stores import check_public_stores

        self._core.require(actor, manager=True)
        return check_public_stores(
            self._db,
            path=path,
            market_slug=market_slug,
            radius_m=radius_m,
            centre=centre,
            building=building,
            categories=categories,
        )

    @publishes
    def apply_stores(
        self, *, actor: Actor, plan: StoresPlan, accepted: Collection[str] | None = None
    ) -> Written[int]:
        """Write the accepted shops (their 상가업소번호; None: all) all-or-nothing, audited.

        Raises ImportStale when a store changed after the check (nothing written).
        """
        from kiosk.services.public_stores import apply_public_stores

        live = self._core.require(actor, manager=True)
        count = apply_public_stores(
            self._db, origin=self._core.origin, actor=live, plan=plan, accepted=accepted
        )
        change = Change(ChangeKind.STORES, plan.market_slug) if count else None
        return Written(count, change)

    def market_profiles(self) -> list[tuple[MarketInfo, MarketProfile]]:
        """Every market with its store count and what public data says about it."""
        from kiosk.data import market_profiles, markets
        from kiosk.domain.market_profile import MarketProfile
        from kiosk.services.uow import transaction

        with transaction(self._db) as session:
            infos = markets.markets_with_counts(session)
            stored = market_profiles.profiles(session)
        return [(info, MarketProfile.from_json(stored.get(info.slug))) for info in infos]
