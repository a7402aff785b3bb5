"""The database password: in the OS credential store through ``keyring``, else a private file."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from kiosk.settings_file import config_dir, write_atomically

#: ``file`` keeps passwords in the private file even when ``keyring`` is there (tests).
STORE_ENV: Final = "KIOSK_SECRET_STORE"
SERVICE: Final = "market-kiosk"
FILE_NAME: Final = "secrets.json"
#: Where a password went, in one plain sentence: the credential store, or the private file.
IN_STORE: Final = "the database password is kept in the system's credential store"
IN_FILE: Final = "the database password is kept in the private file {path} (readable by you only)"
STORE_UNAVAILABLE: Final = (
    "the system's credential store is locked or not available: the database password is kept "
    "in the private file {path} (readable by you only)"
)


def _keyring(environ: Mapping[str, str]) -> Any | None:
    """keyring's backend when it can keep a password here, else None.

    None without ``keyring``, with ``KIOSK_SECRET_STORE=file``, and when keyring
    found no real store: its "fail" backend (root on CI without D-Bus, a bare
    Linux), its "null" backend (which would drop the password without a word)
    or any backend keyring itself would not pick (priority 0 or below).
    """
    if environ.get(STORE_ENV, "").strip().casefold() == "file":
        return None
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]

        backend = keyring.get_keyring()
        usable = float(getattr(backend, "priority", 0)) > 0
    except Exception:  # not installed, or a backend that fails to load or to rate itself
        return None
    return backend if usable else None


def secrets_path(environ: Mapping[str, str] | None = None) -> Path:
    """The private file passwords are kept in when no credential store is at hand."""
    return config_dir(environ) / FILE_NAME


def _read_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def get(key: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The password kept under *key*, or None (a locked or absent store counts as none)."""
    env = os.environ if environ is None else environ
    store = _keyring(env)
    if store is not None:
        try:
            found = store.get_password(SERVICE, key)
        except Exception:  # a locked or broken store: look in the file
            found = None
        if isinstance(found, str):
            return found
    return _read_file(secrets_path(env)).get(key)


def put(key: str, password: str, environ: Mapping[str, str] | None = None) -> str:
    """Keep *password* under *key*; returns where, in a sentence (never the password).

    The credential store when there is a usable one; when it is locked, refuses
    or is absent, the private file, and the words say so in one plain sentence.
    """
    env = os.environ if environ is None else environ
    store = _keyring(env)
    path = secrets_path(env)
    if store is not None:
        try:
            store.set_password(SERVICE, key, password)
        except Exception:  # KeyringLocked, NoKeyringError, PasswordSetError, a D-Bus error
            pass
        else:
            if key in _read_file(path):  # no stale copy left behind in the file
                _write_file(env, key, None)
            return IN_STORE
    _write_file(env, key, password)
    if env.get(STORE_ENV, "").strip().casefold() == "file":
        return IN_FILE.format(path=path)
    return STORE_UNAVAILABLE.format(path=path)


def forget(key: str, environ: Mapping[str, str] | None = None) -> None:
    """Remove the password kept under *key* (from the credential store and the file)."""
    env = os.environ if environ is None else environ
    store = _keyring(env)
    if store is not None:
        with contextlib.suppress(Exception):  # not there, or the store is unavailable
            store.delete_password(SERVICE, key)
    if key in _read_file(secrets_path(env)):
        _write_file(env, key, None)


def _write_file(env: Mapping[str, str], key: str, password: str | None) -> None:
    path = secrets_path(env)
    data = _read_file(path)
    if password is None:
        data.pop(key, None)
    else:
        data[key] = password
    encoded = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(path, encoded, json.loads, private=True)
