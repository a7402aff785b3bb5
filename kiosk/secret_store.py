"""The database password: in the OS credential store through ``keyring``, else a private file."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Final

from kiosk.settings_file import config_dir, write_atomically

#: ``file`` keeps passwords in the private file even when ``keyring`` is there (tests).
STORE_ENV: Final = "KIOSK_SECRET_STORE"
SERVICE: Final = "market-kiosk"
FILE_NAME: Final = "secrets.json"


def _keyring(environ: Mapping[str, str]) -> ModuleType | None:
    if environ.get(STORE_ENV, "").strip().casefold() == "file":
        return None
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return keyring  # type: ignore[no-any-return, unused-ignore]


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
    """Keep *password* under *key*; returns where, in words (never the password)."""
    env = os.environ if environ is None else environ
    store = _keyring(env)
    if store is not None:
        try:
            store.set_password(SERVICE, key, password)
        except Exception as exc:  # locked or absent: the private file instead
            reason = f"the credential store refused it ({type(exc).__name__}); "
        else:
            return "the system's credential store"
    else:
        reason = ""
    _write_file(env, key, password)
    return f"{reason}the private file {secrets_path(env)} (readable by you only)"


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
