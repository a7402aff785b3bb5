"""The database password: the OS credential store when usable, else the private file, said once."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import secret_store

keyring = pytest.importorskip("keyring")
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail, null  # noqa: E402
from keyring.errors import KeyringLocked, PasswordDeleteError  # noqa: E402

KEY = "kiosk@db.market.lan:5433/dongmun"


class MemoryKeyring(KeyringBackend):
    """A working credential store held in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(KeyringBackend):
    """A credential store the user has not unlocked (a locked login keyring)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The keyring in use (the test sets it), a config folder of the test's own."""
    before = keyring.get_keyring()
    yield {"KIOSK_CONFIG_DIR": str(tmp_path)}
    keyring.set_keyring(before)


def _file(env: dict[str, str]) -> dict[str, str]:
    path = secret_store.secrets_path(env)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_a_usable_store_keeps_the_password_and_the_file_none(env: dict[str, str]) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    assert secret_store.put(KEY, "pa:ss", env) == secret_store.IN_STORE
    assert store.kept == {("market-kiosk", KEY): "pa:ss"}
    assert secret_store.get(KEY, env) == "pa:ss"
    assert not secret_store.secrets_path(env).exists()
    secret_store.forget(KEY, env)
    assert store.kept == {} and secret_store.get(KEY, env) is None


def test_a_copy_left_in_the_file_goes_once_the_store_takes_the_password(
    env: dict[str, str],
) -> None:
    keyring.set_keyring(fail.Keyring())
    secret_store.put(KEY, "old", env)
    assert _file(env) == {KEY: "old"}
    keyring.set_keyring(MemoryKeyring())
    secret_store.put(KEY, "new", env)
    assert _file(env) == {} and secret_store.get(KEY, env) == "new"


@pytest.mark.parametrize(
    "backend",
    [LockedKeyring(), fail.Keyring(), null.Keyring()],
    ids=["locked", "no-keyring (root on CI without D-Bus)", "null (would drop it)"],
)
def test_a_locked_or_absent_store_falls_back_to_the_private_file(
    env: dict[str, str], backend: KeyringBackend
) -> None:
    keyring.set_keyring(backend)
    said = secret_store.put(KEY, "pa:ss", env)
    path = secret_store.secrets_path(env)
    assert said == secret_store.STORE_UNAVAILABLE.format(path=path)
    assert said.startswith("the system's credential store is locked or not available")
    assert "pa:ss" not in said
    assert _file(env) == {KEY: "pa:ss"} and secret_store.get(KEY, env) == "pa:ss"
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o077 == 0  # the user's only
    secret_store.forget(KEY, env)
    assert _file(env) == {} and secret_store.get(KEY, env) is None


def test_without_keyring_installed_the_file_is_used(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring: ImportError
    said = secret_store.put(KEY, "pa:ss", env)
    assert said == secret_store.STORE_UNAVAILABLE.format(path=secret_store.secrets_path(env))
    assert secret_store.get(KEY, env) == "pa:ss"


def test_file_mode_never_touches_the_store(env: dict[str, str]) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    env[secret_store.STORE_ENV] = "file"
    said = secret_store.put(KEY, "pa:ss", env)
    assert said == secret_store.IN_FILE.format(path=secret_store.secrets_path(env))
    assert store.kept == {} and secret_store.get(KEY, env) == "pa:ss"
