"""Every setting, read once from the settings file and the ``KIOSK_*`` environment: one value."""

from __future__ import annotations

import os
from collections.abc import Mapping
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
ROLE_ENV: Final = "KIOSK_ROLE"
#: 1: start without the first-run set-up on a PC without settings (``python3 dev.py run``
#: sets it: a checkout runs on the SQLite default with the demo markets).
SKIP_SETUP_ENV: Final = "KIOSK_SKIP_SETUP"
# KIOSK_CONFIG_DIR (the settings file's folder) is read in kiosk.settings_file and
# KIOSK_SECRET_STORE (``file``: no OS credential store) in kiosk.secret_store.

#: What a PC is: a tourist kiosk, a stall's PC, or the market office.
ROLES: Final = ("kiosk", "stall", "office")
#: The settings file's keys and the environment variable that overrides each.
FILE_KEYS: Final = {
    "database_url": DATABASE_URL_ENV,
    "role": ROLE_ENV,
    "checklist_dir": CHECKLIST_DIR_ENV,
    "log_dir": LOG_DIR_ENV,
    "backup_dir": BACKUP_DIR_ENV,
    "sqlite_busy_timeout_ms": BUSY_TIMEOUT_ENV,
    "idle_seconds": IDLE_SECONDS_ENV,
}

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


class Settings:
    """The app's settings; ``None`` means "the default" (resolved where it is used).

    Immutable; the database URL is left out of ``repr``: it may hold a password.
    A plain class rather than a dataclass: this module loads before the first frame and
    ``dataclasses`` (its import and the code it compiles for each class) costs ~2% of the
    start (docs/architecture.md, known traps).
    """

    _FIELDS: Final = (
        "database_url",
        "checklist_dir",
        "log_dir",
        "backup_dir",
        "sqlite_busy_timeout_ms",
        "report_first_frame",
        "idle_seconds",
        "role",
        "file_problems",
    )
    __slots__ = _FIELDS

    #: ``KIOSK_DATABASE_URL``; None: a SQLite file in the user data folder.
    database_url: str | None
    #: ``KIOSK_CHECKLIST_DIR``; None: the user data folder.
    checklist_dir: Path | None
    #: ``KIOSK_LOG_DIR``; None: the user log folder.
    log_dir: Path | None
    #: ``KIOSK_BACKUP_DIR``; None: ``backups/`` beside the database file.
    backup_dir: Path | None
    #: ``KIOSK_SQLITE_BUSY_TIMEOUT_MS``: how long SQLite waits for a write lock (tests shorten it).
    sqlite_busy_timeout_ms: int
    #: ``KIOSK_REPORT_FIRST_FRAME``: print when the first frame was painted (benchmarks).
    report_first_frame: bool
    #: ``KIOSK_IDLE_SECONDS``: the kiosk's idle time before it resets (``kiosk --idle``).
    idle_seconds: int
    #: ``KIOSK_ROLE`` or the file's ``role``: kiosk, stall or office (None: not set up).
    role: str | None
    #: What was wrong in the settings file (file, line, problem); those values were skipped.
    file_problems: tuple[str, ...]

    def __init__(
        self,
        *,
        database_url: str | None = None,
        checklist_dir: Path | None = None,
        log_dir: Path | None = None,
        backup_dir: Path | None = None,
        sqlite_busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        report_first_frame: bool = False,
        idle_seconds: int = DEFAULT_IDLE_SECONDS,
        role: str | None = None,
        file_problems: tuple[str, ...] = (),
    ) -> None:
        values = (
            database_url,
            checklist_dir,
            log_dir,
            backup_dir,
            sqlite_busy_timeout_ms,
            report_first_frame,
            idle_seconds,
            role,
            file_problems,
        )
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Settings are immutable (cannot set {name})")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = (f"{name}={getattr(self, name)!r}" for name in self._FIELDS[1:])
        return f"Settings({', '.join(shown)})"

    def replace(self, **changes: object) -> Settings:
        """A copy with *changes* (field name to value); TypeError names an unknown field."""
        unknown = set(changes) - set(self._FIELDS)
        if unknown:
            raise TypeError(f"Settings has no field {', '.join(sorted(unknown))}")
        values = {name: getattr(self, name) for name in self._FIELDS} | changes
        return Settings(**values)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, base: Mapping[str, str] | None = None
    ) -> Settings:
        """The settings *environ* (default ``os.environ``) gives over *base* (the file's,
        by variable name); SettingsError names a bad variable."""
        found = os.environ if environ is None else environ
        env = dict(base or {})
        env.update((name, value) for name, value in found.items() if value.strip())
        return cls(
            database_url=env.get(DATABASE_URL_ENV, "").strip() or None,
            role=_role(env, ROLE_ENV),
            checklist_dir=_folder(env, CHECKLIST_DIR_ENV),
            log_dir=_folder(env, LOG_DIR_ENV),
            backup_dir=_folder(env, BACKUP_DIR_ENV),
            sqlite_busy_timeout_ms=_milliseconds(env, BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS),
            report_first_frame=_switch(env, REPORT_FIRST_FRAME_ENV),
            idle_seconds=idle_seconds(env.get(IDLE_SECONDS_ENV, ""), IDLE_SECONDS_ENV),
        )

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings file of this user under the environment (which overrides it).

        A malformed file or a bad value in it does not stop the app: the problem,
        naming file and line, lands in ``file_problems`` and the value is skipped.
        The database password comes from the secret store, never from the file.
        """
        from kiosk import settings_file

        env = os.environ if environ is None else environ
        contents = settings_file.read(settings_file.settings_path(env))
        problems = list(contents.problems)
        base: dict[str, str] = {}
        for key, value in contents.values.items():
            label = f"{settings_file.settings_path(env)}: {key}"
            try:
                check_value(key, value, label)
            except SettingsError as exc:
                problems.append(str(exc))
                continue
            base[FILE_KEYS[key]] = value
        url = base.get(DATABASE_URL_ENV)
        if url is not None and settings_file.split_password(url)[1] is None:
            from kiosk import secret_store  # only a server URL needs the store

            name = settings_file.secret_key(url)
            password = secret_store.get(name, env) if name else None
            if password is not None:
                base[DATABASE_URL_ENV] = settings_file.join_password(url, password)
        loaded = cls.from_env(env, base=base)
        return loaded.replace(file_problems=tuple(problems))


def check_value(key: str, value: str, label: str) -> None:
    """Raise SettingsError (naming *label*) when *value* is no good for the file key *key*."""
    if key not in FILE_KEYS:
        raise SettingsError(f"unknown setting {key!r} (known: {', '.join(FILE_KEYS)})")
    one = {label: value}
    readers = {
        "role": _role,
        "checklist_dir": _folder,
        "log_dir": _folder,
        "backup_dir": _folder,
        "sqlite_busy_timeout_ms": lambda e, n: _milliseconds(e, n, DEFAULT_BUSY_TIMEOUT_MS),
        "idle_seconds": lambda e, n: idle_seconds(e[n], n),
        "database_url": _url,
    }
    readers[key](one, label)


def _role(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name, "").strip().casefold()
    if not raw:
        return None
    if raw not in ROLES:
        raise SettingsError(f"{name} must be one of {', '.join(ROLES)}, not {raw!r}")
    return raw


def _url(env: Mapping[str, str], name: str) -> str:
    raw = env.get(name, "").strip()
    if "://" not in raw or "\x00" in raw:
        raise SettingsError(
            f"{name} must be a database URL such as postgresql://user@host/market "
            "or sqlite:///C:/path/market.sqlite3"
        )
    return raw


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
    """This process's settings, read from the settings file and environment on the first call.

    Raises SettingsError (naming the variable) when one is unusable; the command
    line prints it as one line before doing anything else.
    """
    return Settings.load()


def reset() -> None:
    """Forget the settings read so far: the next :func:`current` reads the environment again."""
    clear = getattr(current, "cache_clear", None)  # tests replace current by an uncached read
    if clear is not None:
        clear()
