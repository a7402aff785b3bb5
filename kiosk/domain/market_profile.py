"""What public data tells about a market: address, place, type, contacts, certificates, days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.market_days import MarketDays
from kiosk.domain.payments import PaymentMethod


@dataclass(frozen=True, slots=True)
class MarketProfile:
    """A market's facts (stored as JSON in ``markets.profile``; all optional).

    ``certificates`` are the gift certificates as the list names them
    (온누리상품권, 지역사랑상품권 ...); ``payments`` the app's payment methods they
    are (온누리상품권 is ``onnuri``). ``roster_map`` is the column mapping last used
    to import the market's own roster; ``categories`` the manager's own
    상권업종 -> category table for the store registry.
    """

    road_address: str = ""
    lot_address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    kind: str = ""
    phone: str = ""
    homepage: str = ""
    certificates: tuple[str, ...] = ()
    payments: tuple[PaymentMethod, ...] = ()
    market_days: MarketDays = field(default_factory=MarketDays)
    items: str = ""
    listed_stores: int | None = None
    source: str = ""
    roster_map: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def address(self) -> str:
        return self.road_address or self.lot_address

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "road_address": self.road_address,
            "lot_address": self.lot_address,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "kind": self.kind,
            "phone": self.phone,
            "homepage": self.homepage,
            "certificates": list(self.certificates),
            "payments": [p.value for p in self.payments],
            "market_days": self.market_days.to_json(),
            "items": self.items,
            "listed_stores": self.listed_stores,
            "source": self.source,
            "roster_map": dict(self.roster_map),
            "categories": {k: dict(v) for k, v in self.categories.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> MarketProfile:
        """The value of :meth:`to_json` (missing keys take their defaults)."""
        if not data:
            return cls()
        lat, lon = data.get("latitude"), data.get("longitude")
        listed = data.get("listed_stores")
        return cls(
            road_address=str(data.get("road_address", "")),
            lot_address=str(data.get("lot_address", "")),
            latitude=None if lat is None else float(lat),
            longitude=None if lon is None else float(lon),
            kind=str(data.get("kind", "")),
            phone=str(data.get("phone", "")),
            homepage=str(data.get("homepage", "")),
            certificates=tuple(str(c) for c in data.get("certificates", ())),
            payments=tuple(PaymentMethod(p) for p in data.get("payments", ())),
            market_days=MarketDays.from_json(data.get("market_days")),
            items=str(data.get("items", "")),
            listed_stores=None if listed is None else int(listed),
            source=str(data.get("source", "")),
            roster_map={str(k): str(v) for k, v in dict(data.get("roster_map", {})).items()},
            categories={
                str(section): {str(k): str(v) for k, v in dict(entries).items()}
                for section, entries in dict(data.get("categories", {})).items()
            },
        )
