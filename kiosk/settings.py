"""Every ``KIOSK_*`` setting, read once from the environment and checked: one frozen value."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final

# Standard library only, and nothing from kiosk: this module is read by every layer and
# before the first frame (docs/architecture.md, known traps: import cost dominates start-up).

DATABASE_URL_ENV: Final = "KIOSK_DATABASE_URL"
CHECKLIST_DIR_ENV: Final = "KIOSK_CHECKLIST_DIR"
LOG_DIR_ENV: Final = "KIOSK_LOG_DIR"
BACKUP_DIR_ENV: Final = "KIOSK_BACKUP_DIR"
BUSY_TIMEOUT_ENV: Final = "KIOSK_SQLITE_BUSY_TIMEOUT_MS"
REPORT_FIRST_FRAME_ENV: Final = "KIOSK_REPORT_FIRST_FRAME"
IDLE_SECONDS_ENV: Final = "KIOSK_IDLE_SECONDS"

#: How long the kiosk waits without a touch before it resets for the next visitor (seconds).
DEFAULT_IDLE_SECONDS: Final = 75
#: The shortest idle time: the "still there?" countdown alone lasts 10 seconds.
MIN_IDLE_SECONDS: Final = 15
MAX_IDLE_SECONDS: Final = 24 * 3600

#: How long SQLite waits for another program's write lock unless told (milliseconds).
DEFAULT_BUSY_TIMEOUT_MS: Final = 5000
#: SQLite keeps the busy timeout in a C int.
MAX_BUSY_TIMEOUT_MS: Final = 2**31 - 1
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"", "0", "false", "no", "off"})


class SettingsError(ValueError):
    """A ``KIOSK_*`` variable holds a value the app cannot use; the message names it."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The app's settings; ``None`` means "the default" (resolved where it is used).

    The database URL is left out of ``repr``: it may hold a password.
    """

    #: ``KIOSK_DATABASE_URL``; None: a SQLite file in the user data folder.
    database_url: str | None = field(default=None, repr=False)
    #: ``KIOSK_CHECKLIST_DIR``; None: the user data folder.
    checklist_dir: Path | None = None
    #: ``KIOSK_LOG_DIR``; None: the user log folder.
    log_dir: Path | None = None
    #: ``KIOSK_BACKUP_DIR``; None: ``backups/`` beside the database file.
    backup_dir: Path | None = None
    #: ``KIOSK_SQLITE_BUSY_TIMEOUT_MS``: how long SQLite waits for a write lock (tests shorten it).
    sqlite_busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    #: ``KIOSK_REPORT_FIRST_FRAME``: print when the first frame was painted (benchmarks).
    report_first_frame: bool = False
    #: ``KIOSK_IDLE_SECONDS``: the kiosk's idle time before it resets (``kiosk --idle``).
    idle_seconds: int = DEFAULT_IDLE_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings *environ* (default ``os.environ``) gives; SettingsError names a bad one."""
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get(DATABASE_URL_ENV, "").strip() or None,
            checklist_dir=_folder(env, CHECKLIST_DIR_ENV),
            log_dir=_folder(env, LOG_DIR_ENV),
            backup_dir=_folder(env, BACKUP_DIR_ENV),
            sqlite_busy_timeout_ms=_milliseconds(env, BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS),
            report_first_frame=_switch(env, REPORT_FIRST_FRAME_ENV),
            idle_seconds=idle_seconds(env.get(IDLE_SECONDS_ENV, ""), IDLE_SECONDS_ENV),
        )


def idle_seconds(raw: str, name: str) -> int:
    """*raw* as an idle time in whole seconds (empty: the default); SettingsError names *name*."""
    text = raw.strip()
    if not text:
        return DEFAULT_IDLE_SECONDS
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not MIN_IDLE_SECONDS <= value <= MAX_IDLE_SECONDS:
        raise SettingsError(
            f"{name} must be a whole number of seconds from {MIN_IDLE_SECONDS} to "
            f"{MAX_IDLE_SECONDS}, not {raw!r}"
        )
    return value


def _folder(env: Mapping[str, str], name: str) -> Path | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if "\x00" in raw:
        raise SettingsError(f"{name} must be a folder path; it contains a NUL character")
    return Path(raw).expanduser()


def _milliseconds(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_BUSY_TIMEOUT_MS:
        raise SettingsError(
            f"{name} must be a whole number of milliseconds from 0 to {MAX_BUSY_TIMEOUT_MS}, "
            f"not {raw!r}"
        )
    return value


def _switch(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().casefold()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SettingsError(f"{name} must be 1 or 0 (also true/false, yes/no, on/off), not {raw!r}")


@cache
def current() -> Settings:
    """This process's settings, read from the environment on the first call only.

    Raises SettingsError (naming the variable) when one is unusable; the command
    line prints it as one line before doing anything else.
    """
    return Settings.from_env()


def reset() -> None:
    """Forget the settings read so far: the next :func:`current` reads the environment again."""
    current.cache_clear()
