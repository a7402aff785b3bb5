"""Where checklist files live: shipped in the package, a market's replacement, the last good copy.

A market replaces the checklist by putting ``checklist.toml`` in the checklist
folder (``$KIOSK_CHECKLIST_DIR``, default the user data folder); the app keeps
``checklist.last-good.toml`` there, a copy of the last replacement it accepted.
"""

from __future__ import annotations

from pathlib import Path

from kiosk import settings

#: The checklist shipped with the app (kiosk/data/checklist.toml).
PACKAGED_CHECKLIST = Path(__file__).resolve().parent / "checklist.toml"
REPLACEMENT_NAME = "checklist.toml"
LAST_GOOD_NAME = "checklist.last-good.toml"
#: This PC's own onboarding settings (the store it remembers).
THIS_PC_NAME = "this-pc.json"


def checklist_dir() -> Path:
    """``$KIOSK_CHECKLIST_DIR``, else the user data folder (not created here)."""
    configured = settings.current().checklist_dir
    if configured is not None:
        return configured
    import platformdirs

    return Path(platformdirs.user_data_dir("market-kiosk", appauthor=False))


def replacement_path() -> Path:
    return checklist_dir() / REPLACEMENT_NAME


def last_good_path() -> Path:
    return checklist_dir() / LAST_GOOD_NAME


def this_pc_path() -> Path:
    return checklist_dir() / THIS_PC_NAME
