"""What this PC remembers for onboarding: the store it belongs to (per database).

Kept in a small JSON file next to the checklist files (``kiosk.data.checklists``),
not in the shared database: another PC at another stall remembers its own store.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.data.checklists import this_pc_path


def _read(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    stores = data.get("stores") if isinstance(data, dict) else None
    if not isinstance(stores, dict):
        return {}
    return {str(k): v for k, v in stores.items() if isinstance(v, int) and not isinstance(v, bool)}


def remembered_store(database: str) -> int | None:
    """The store id this PC remembers for *database* (its URL, password hidden), or None."""
    return _read(this_pc_path()).get(database)


def remember_store(database: str, store_id: int | None) -> None:
    """Remember *store_id* for *database* on this PC (None forgets it); written atomically."""
    from kiosk.render.atomic import write_verified

    path = this_pc_path()
    stores = _read(path)
    if store_id is None:
        stores.pop(database, None)
    else:
        stores[database] = store_id
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"stores": stores}, ensure_ascii=False, indent=2).encode("utf-8")
    write_verified(path, data, lambda tmp: json.loads(tmp.read_text(encoding="utf-8")))
