"""Backups through SQLite's backup API: checked, kept 14, restored; bad files refused."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.data.backup import BackupError, inspect_backup
from kiosk.domain.audit import AuditAction
from kiosk.i18n import current_locale, set_locale
from kiosk.services.app import Services
from kiosk.services.backup import DamagedDatabase, listed_backups


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "office" / "market-kiosk.sqlite3"


@pytest.fixture
def services(db_file: Path) -> Iterator[Services]:
    db_file.parent.mkdir()
    with Services.open(f"sqlite:///{db_file}", seed_demo=True) as opened:
        yield opened


def _store_count(services: Services) -> int:
    return sum(
        len(services.directory.list_stores(market_slug=m.slug))
        for m in services.directory.list_markets()
    )


def test_backup_is_checked_and_lands_in_the_backups_folder(
    services: Services, db_file: Path
) -> None:
    result = services.backups.backup_database(actor=services.access.console_actor())
    assert result.path.parent == db_file.parent / "backups"
    assert result.path.name.startswith("market-kiosk-") and result.path.suffix == ".sqlite3"
    facts = inspect_backup(result.path)
    assert facts.stores == 48 and facts.markets == 2 and facts.revision == result.facts.revision
    with sqlite3.connect(result.path) as conn:  # a plain SQLite file, no -wal needed
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert services.backups.latest_backups() == [result.path]


def test_restore_brings_the_data_back_and_keeps_the_current_database(
    services: Services, tmp_path: Path
) -> None:
    console = services.access.console_actor()
    backup = services.backups.backup_database(actor=console, out=tmp_path / "before.sqlite3").path
    services.listings.remove_market(actor=console, slug="bansong")
    assert _store_count(services) < 48
    result = services.backups.restore_database(actor=console, source=backup)
    assert len(services.directory.list_markets()) == 2 and result.facts.stores == 48
    assert result.previous is not None and inspect_backup(result.previous).markets == 1
    [entry] = services.audit.audit_log(actor=console, actions=(AuditAction.DATABASE_RESTORED,))
    assert "before.sqlite3" in entry.subject


def test_restore_while_another_connection_reads(services: Services, tmp_path: Path) -> None:
    console = services.access.console_actor()
    backup = services.backups.backup_database(actor=console, out=tmp_path / "b.sqlite3").path
    other = Services.open(services.url.replace("sqlite:///", "sqlite:///", 1))
    try:
        assert len(other.directory.list_markets()) == 2
        services.listings.remove_market(actor=console, slug="dongmun")
        services.backups.restore_database(actor=console, source=backup)
        assert (
            len(other.directory.list_markets()) == 2
        )  # the other connection sees the restored data
    finally:
        other.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("stall,price\nA-1,5000\n"), "text file, not a SQLite"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200), "PNG image"),
        (lambda p: p.mkdir(), "is not a file"),
        (lambda p: None, "does not exist"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(
    services: Services, tmp_path: Path, make: object, words: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    make(bad)  # type: ignore[operator]
    with pytest.raises(BackupError, match=words):
        services.backups.restore_database(actor=services.access.console_actor(), source=bad)
    assert len(services.directory.list_markets()) == 2


def test_restore_refuses_a_damaged_backup(services: Services, tmp_path: Path) -> None:
    before = _store_count(services)
    backup = services.backups.backup_database(
        actor=services.access.console_actor(), out=tmp_path / "d.sqlite3"
    )
    data = bytearray(backup.path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):  # scribble over b-tree pages
        data[offset : offset + 64] = b"\xa5" * 64
    backup.path.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="damaged"):
        services.backups.restore_database(actor=services.access.console_actor(), source=backup.path)
    assert _store_count(services) == before


def test_restore_refuses_a_newer_schema_and_a_foreign_database(
    services: Services, tmp_path: Path
) -> None:
    newer = services.backups.backup_database(
        actor=services.access.console_actor(), out=tmp_path / "n.sqlite3"
    )
    with sqlite3.connect(newer.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(BackupError, match="newer Market Kiosk"):
        services.backups.restore_database(actor=services.access.console_actor(), source=newer.path)
    foreign = tmp_path / "f.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(BackupError, match="not a Market Kiosk backup"):
        services.backups.restore_database(actor=services.access.console_actor(), source=foreign)


def test_daily_backup_once_a_day_and_fourteen_kept(services: Services, db_file: Path) -> None:
    first = services.backups.daily_backup()
    assert first is not None
    assert services.backups.daily_backup() is None  # the newest is not a day old
    folder = db_file.parent / "backups"
    for day in range(1, 20):  # older backups of other days
        old = folder / f"market-kiosk-202601{day:02d}-030000.sqlite3"
        old.write_bytes(first.path.read_bytes())
        os.utime(old, (time.time() - 86400 * (30 - day),) * 2)
    os.utime(first.path, (time.time() - 2 * 86400,) * 2)
    second = services.backups.daily_backup()
    assert second is not None
    kept = listed_backups(db_file)
    assert len(kept) == 14 and kept[0] == second.path
    assert first.path in kept and not (folder / "market-kiosk-20260101-030000.sqlite3").exists()


def test_a_backup_folder_can_be_chosen(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_BACKUP_DIR", str(tmp_path / "usb"))
    (tmp_path / "usb").mkdir()
    result = services.backups.backup_database(actor=services.access.console_actor())
    assert result.path.parent == tmp_path / "usb"


def test_a_damaged_database_is_offered_its_latest_good_backup(
    services: Services, db_file: Path
) -> None:
    good = services.backups.backup_database(actor=services.access.console_actor()).path
    url = f"sqlite:///{db_file}"
    services.close()
    data = bytearray(db_file.read_bytes())
    for offset in range(4096 * 2, len(data) - 4096, 4096):
        data[offset : offset + 200] = b"\x5a" * 200
    db_file.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
    with pytest.raises(DamagedDatabase) as damaged:
        Services.open_checked(url)
    assert damaged.value.backup is not None and damaged.value.backup.path == good
    assert "can be restored" in str(damaged.value)
    recovered = Services.recover_from_backup(url, backup=good)
    try:
        assert len(recovered.directory.list_markets()) == 2
        entries = recovered.audit.audit_log(
            actor=recovered.access.console_actor(), actions=(AuditAction.DATABASE_RESTORED,)
        )
        assert len(entries) == 1
    finally:
        recovered.close()
    assert list(db_file.parent.glob("market-kiosk.sqlite3.damaged-*"))


@pytest.mark.postgres
def test_postgresql_says_to_use_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    with Services.open(postgres_url) as services:
        console = services.access.console_actor()
        with pytest.raises(BackupError, match="pg_dump"):
            services.backups.backup_database(actor=console, out=tmp_path / "x.sqlite3")
        with pytest.raises(BackupError, match="pg_dump"):
            services.backups.inspect_backup(source=tmp_path / "x.sqlite3")
        assert services.backups.daily_backup() is None and services.backups.latest_backups() == []


def test_another_pc_hears_of_a_restore_and_of_every_change_after_it(
    services: Services, tmp_path: Path
) -> None:
    """The restored ``change_events`` is older than what other PCs saw: they must still hear."""
    from kiosk.services.changes import ChangeKind

    console = services.access.console_actor()
    backup = services.backups.backup_database(actor=console, out=tmp_path / "b.sqlite3").path
    other = Services.open(services.url)
    try:
        heard: list[object] = []
        other.changes.subscribe(heard.append)
        watcher = other.live.change_watcher()
        for n in range(5):  # events the backup does not have
            services.listings.create_market(
                actor=console,
                slug=f"extra-{n}",
                name={"ko": f"시장 {n}", "en": f"Market {n}"},
                city={"ko": "제주", "en": "Jeju"},
            )
        watcher.poll()
        heard.clear()
        services.backups.restore_database(actor=console, source=backup)
        assert [c.kind for c in watcher.poll()] == [ChangeKind.MARKETS]  # type: ignore[attr-defined]
        services.listings.remove_market(actor=console, slug="bansong")
        assert watcher.poll(), "a change after the restore went unseen"
        assert [m.slug for m in other.directory.list_markets()] == ["dongmun"]
    finally:
        other.close()
