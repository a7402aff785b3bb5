"""The backup is streamed into its temp file: a plain SQLite file; a full disk keeps the old one."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.i18n import current_locale, set_locale
from kiosk.render import atomic
from kiosk.render.atomic import OutputPathError
from kiosk.services.app import Services


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    previous = current_locale()
    set_locale("en")
    with Services.open(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", seed_demo=True) as opened:
        yield opened
    set_locale(previous)


def _beside(folder: Path) -> list[str]:
    """The backup and any temp file (the database's own files left out)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("kiosk.sqlite3"))


def _backup(services: Services, out: Path) -> object:
    return services.backups.backup_database(actor=services.access.console_actor(), out=out)


def test_the_streamed_backup_opens_on_its_own(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite3"
    _backup(services, out)
    assert out.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -wal file needed
    uri = out.as_uri() + "?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM stores").fetchone() == (48,)
    assert _beside(tmp_path) == ["copy.sqlite3"]


def test_a_full_disk_during_the_copy_keeps_the_old_backup(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")
    real_connect = sqlite3.connect

    def tiny(target: Path, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = real_connect(target, *args, **kwargs)
        if ".tmp" in str(target):
            conn.execute("PRAGMA max_page_count = 3")  # the disk fills after three pages
        return conn

    monkeypatch.setattr(sqlite3, "connect", tiny)
    with pytest.raises(OutputPathError, match="the disk is full"):
        _backup(services, out)
    assert out.read_bytes() == b"the old backup"
    assert _beside(tmp_path) == ["copy.sqlite3"]


def test_a_full_disk_at_the_fsync_keeps_the_old_backup(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_os_fsync", full)
    with pytest.raises(OutputPathError, match="the disk is full"):
        _backup(services, out)
    assert out.read_bytes() == b"the old backup"
    assert _beside(tmp_path) == ["copy.sqlite3"]
