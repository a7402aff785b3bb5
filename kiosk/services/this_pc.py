"""What this PC remembers: its onboarding store and its home market (per database).

Kept in a small JSON file next to the checklist files (``kiosk.data.checklists``),
not in the shared database: another PC at another stall remembers its own store,
a screen at Jeju's entrance its own market. One writer (``_write``) replaces the
whole file atomically, so no setting is lost when another one changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.data.checklists import this_pc_path


@dataclass(frozen=True, slots=True)
class HomeMarket:
    """The market (and optionally the stall) this PC's screens open on."""

    market_slug: str
    stall: str | None = None


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stores(data: dict[str, Any]) -> dict[str, int]:
    stores = data.get("stores")
    if not isinstance(stores, dict):
        return {}
    return {str(k): v for k, v in stores.items() if isinstance(v, int) and not isinstance(v, bool)}


def _homes(data: dict[str, Any]) -> dict[str, HomeMarket]:
    homes = data.get("home_markets")
    if not isinstance(homes, dict):
        return {}
    found: dict[str, HomeMarket] = {}
    for database, value in homes.items():
        if not isinstance(value, dict) or not isinstance(value.get("market"), str):
            continue
        stall = value.get("stall")
        found[str(database)] = HomeMarket(
            value["market"], stall if isinstance(stall, str) else None
        )
    return found


def _write(stores: dict[str, int], homes: dict[str, HomeMarket]) -> None:
    """The one writer: the whole file, written and read back before it replaces the old one."""
    from kiosk.render.atomic import write_verified

    path = this_pc_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    content: dict[str, Any] = {"stores": stores}
    if homes:
        content["home_markets"] = {
            database: {"market": home.market_slug, "stall": home.stall}
            for database, home in homes.items()
        }
    data = json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
    write_verified(path, data, lambda tmp: json.loads(tmp.read_text(encoding="utf-8")))


def remembered_store(database: str) -> int | None:
    """The store id this PC remembers for *database* (its URL, password hidden), or None."""
    return _stores(_load(this_pc_path())).get(database)


def remember_store(database: str, store_id: int | None) -> None:
    """Remember *store_id* for *database* on this PC (None forgets it); written atomically."""
    data = _load(this_pc_path())
    stores = _stores(data)
    if store_id is None:
        stores.pop(database, None)
    else:
        stores[database] = store_id
    _write(stores, _homes(data))


def home_market(database: str) -> HomeMarket | None:
    """This PC's home market for *database*, or None (the screens then open on the first)."""
    return _homes(_load(this_pc_path())).get(database)


def set_home_market(database: str, home: HomeMarket | None) -> None:
    """Make *home* this PC's home market for *database* (None forgets it); written atomically."""
    data = _load(this_pc_path())
    homes = _homes(data)
    if home is None:
        homes.pop(database, None)
    else:
        homes[database] = home
    _write(_stores(data), homes)
