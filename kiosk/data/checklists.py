"""Where checklist files live: shipped in the package, a market's replacement, the last good copy.

A market replaces the checklist by putting ``checklist.toml`` in the checklist
folder (``$KIOSK_CHECKLIST_DIR``, default the user data folder); the app keeps
``checklist.last-good.toml`` there, a copy of the last replacement it accepted.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The checklist shipped with the app (kiosk/data/checklist.toml).
PACKAGED_CHECKLIST = Path(__file__).resolve().parent / "checklist.toml"
#: Overrides the folder of the replacement and last-good files (tests, portable installs).
CHECKLIST_DIR_ENV = "KIOSK_CHECKLIST_DIR"
REPLACEMENT_NAME = "checklist.toml"
LAST_GOOD_NAME = "checklist.last-good.toml"
#: This PC's own onboarding settings (the store it remembers).
THIS_PC_NAME = "this-pc.json"


def checklist_dir() -> Path:
    """``$KIOSK_CHECKLIST_DIR``, else the user data folder (not created here)."""
    configured = os.environ.get(CHECKLIST_DIR_ENV, "").strip()
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir("market-kiosk", appauthor=False))


def replacement_path() -> Path:
    return checklist_dir() / REPLACEMENT_NAME


def last_good_path() -> Path:
    return checklist_dir() / LAST_GOOD_NAME


def this_pc_path() -> Path:
    return checklist_dir() / THIS_PC_NAME
