"""Setting a PC up: the settings file (its password kept apart) and the PC's home market.

The one code behind ``market-kiosk setup``, ``market-kiosk config set`` and the
first-run set-up screens: a PC set up on screen gets the same file as one set up
by the command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk import secret_store, settings, settings_file


class SetupRefused(ValueError):
    """The settings were not written; the message says why (English, one line)."""


@dataclass(frozen=True, slots=True)
class SetUpPc:
    """What setting a PC up did: its home market (``slug`` or ``slug stall N``) and notes."""

    home: str | None
    said: tuple[str, ...]
    path: Path


def writable_contents() -> dict[str, str | int]:
    """The file's values; SetupRefused when rewriting it would lose what a person wrote."""
    path = settings_file.settings_path()
    contents = settings_file.read(path)
    if contents.problems:
        raise SetupRefused(
            f"the settings file is not changed: {contents.problems[0]} "
            "(correct the file or remove it, then try again)"
        )
    return dict(contents.values)


def store_settings(changes: dict[str, str | None]) -> list[str]:
    """Write *changes* (None removes a key) to the settings file; lines saying what was done.

    A database URL with a password is split: the password goes to the secret store
    and the URL without it to the file. Values are checked before anything is written.
    """
    values = writable_contents()
    said: list[str] = []
    for key, given in changes.items():
        if key not in settings_file.KEYS:
            raise SetupRefused(f"unknown setting {key!r} (known: {', '.join(settings_file.KEYS)})")
        if given is None:
            values.pop(key, None)
            continue
        value = given.strip()
        try:
            settings.check_value(key, value, key)
        except settings.SettingsError as exc:
            raise SetupRefused(str(exc)) from None
        if key == "database_url":
            value, where = _keep_password(value)
            if where:
                said.append(where)
        values[key] = int(value) if key.endswith(("_ms", "_seconds")) else value
    try:
        settings_file.write(settings_file.settings_path(), values)
    except OSError as exc:
        raise SetupRefused(
            f"the settings file could not be written: {exc.strerror or exc}"
        ) from None
    settings.reset()
    return said


def _keep_password(url: str) -> tuple[str, str | None]:
    bare, password = settings_file.split_password(url)
    if password is None:
        return bare, None
    name = settings_file.secret_key(bare)
    if name is None:
        raise SetupRefused("database_url: a password needs a user name and a host in the URL")
    try:
        return bare, secret_store.put(name, password)
    except OSError as exc:
        raise SetupRefused(f"the password could not be kept: {exc.strerror or exc}") from None


def check_setup(*, role: str, market: str | None, stall: str | None) -> None:
    """SetupRefused when *role*, *market* and *stall* do not go together, or the settings
    file could not be rewritten without losing what a person wrote in it."""
    if role not in settings.ROLES:
        raise SetupRefused(f"role must be one of {', '.join(settings.ROLES)}, not {role!r}")
    if stall and not market:
        raise SetupRefused("setup: --stall needs --market (the market the stall is in)")
    if role == "stall" and not (market and stall):
        raise SetupRefused("setup: a stall's PC needs --market SLUG and --stall STALL")
    writable_contents()


def finish_setup(database_url: str, *, role: str, home: str | None) -> SetUpPc:
    """Write the database and the role to the settings file (the home market is set)."""
    said = store_settings({"database_url": database_url, "role": role})
    return SetUpPc(home=home, said=tuple(said), path=settings_file.settings_path())


def set_aside_settings_file() -> Path | None:
    """Rename a settings file that cannot be read to ``settings.toml.bad`` (``.bad2``, ...).

    The file is kept, never deleted: the set-up then starts on an empty one.
    Returns where it went, None when there was no file; OSError when it cannot move.
    """
    path = settings_file.settings_path()
    if not path.exists():
        return None
    number = 1
    target = path.with_name(path.name + ".bad")
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.bad{number}")
    os.replace(path, target)
    settings.reset()
    return target
