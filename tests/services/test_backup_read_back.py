"""The streamed backup is read back page by page against the database: faults are caught."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.data import backup_stream
from kiosk.data.backup import BackupError
from kiosk.render import atomic
from kiosk.services.app import Services
from kiosk.services.backup import BackupResult

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "kiosk.sqlite3"


@pytest.fixture
def services(db_file: Path) -> Iterator[Services]:
    with Services.open(f"sqlite:///{db_file}", seed_demo=True) as opened:
        yield opened


def _backup(services: Services, out: Path) -> BackupResult:
    return services.backups.backup_database(actor=services.access.console_actor(), out=out)


def _beside(folder: Path) -> list[str]:
    """The backup and any temp file (the database's own files left out)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("kiosk.sqlite3"))


def _before_fsync(monkeypatch: pytest.MonkeyPatch, change: Callable[[int], None]) -> None:
    """Run *change* on the written temp file's descriptor just before its fsync."""
    real = atomic._os_fsync

    def changed(fd: int) -> None:
        change(fd)
        real(fd)

    monkeypatch.setattr(atomic, "_os_fsync", changed)


def _goods_name_offset(fd: int, db_file: Path) -> int:
    """Where a goods name (a column no index holds) is in the file *fd*."""
    with sqlite3.connect(db_file) as conn:
        (name,) = conn.execute("SELECT name FROM products ORDER BY id LIMIT 1").fetchone()
    data = os.pread(fd, os.fstat(fd).st_size, 0)
    offset = data.find(name.encode())
    assert offset > 4096
    return offset


def _page_size(fd: int) -> int:
    return int.from_bytes(os.pread(fd, 2, 16), "big")


def test_a_quiet_database_is_read_back_page_by_page(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite3"
    result = _backup(services, out)
    assert result.read_back and result.facts.stores == 48
    with sqlite3.connect(f"{out.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _beside(tmp_path) == ["copy.sqlite3"]


def test_a_flipped_bit_in_a_goods_name_is_caught(
    services: Services, db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """integrity_check alone passes such a file (no index holds the name): shown below."""
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")
    flipped: list[bytes] = []

    def flip(fd: int) -> None:
        offset = _goods_name_offset(fd, db_file)
        byte = os.pread(fd, 1, offset)[0]
        os.pwrite(fd, bytes([byte ^ 0x01]), offset)
        flipped.append(os.pread(fd, os.fstat(fd).st_size, 0))

    _before_fsync(monkeypatch, flip)
    with pytest.raises(
        BackupError,
        match=r"page \d+ of the backup read back from the disk is not the database's; not kept",
    ):
        _backup(services, out)
    assert out.read_bytes() == b"the old backup"
    assert _beside(tmp_path) == ["copy.sqlite3"]
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(flipped[0])
    with sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_one_page_read_back_different_once_is_taken_again(
    services: Services, db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is taken once more from a new snapshot; that one is kept."""
    spoiled: list[int] = []

    def once(fd: int) -> None:
        if not spoiled:
            offset = _goods_name_offset(fd, db_file)
            os.pwrite(fd, bytes([os.pread(fd, 1, offset)[0] ^ 0x01]), offset)
            spoiled.append(offset)

    _before_fsync(monkeypatch, once)
    result = _backup(services, tmp_path / "copy.sqlite3")
    assert spoiled and result.read_back and result.facts.stores == 48
    assert _beside(tmp_path) == ["copy.sqlite3"]


@pytest.mark.parametrize("fault", ["truncated", "torn page", "zeroed page 1", "extra page"])
def test_a_short_torn_or_long_file_is_caught(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")

    def spoil(fd: int) -> None:
        size, page = os.fstat(fd).st_size, _page_size(fd)
        if fault == "truncated":
            os.ftruncate(fd, size - page)
        elif fault == "torn page":  # the second half of page 3 never reached the disk
            os.pwrite(fd, bytes(page // 2), 2 * page + page // 2)
        elif fault == "zeroed page 1":
            os.pwrite(fd, bytes(page - 100), 100)
        else:
            os.pwrite(fd, bytes(page), size)

    _before_fsync(monkeypatch, spoil)
    with pytest.raises(BackupError, match="read back from the disk"):
        _backup(services, out)
    assert out.read_bytes() == b"the old backup"
    assert _beside(tmp_path) == ["copy.sqlite3"]


def _checkpointed(db_file: Path) -> None:
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0


def _damage_page(db_file: Path, name: str) -> None:
    """Fill the root page of the table or index *name* with junk, in the database file."""
    with sqlite3.connect(db_file) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with db_file.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(bytes([0xA5]) * size)


def test_a_damaged_database_is_not_backed_up(
    services: Services, db_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")
    _checkpointed(db_file)
    _damage_page(db_file, "ix_products_store_id")  # read by no query of the backup itself
    with pytest.raises(BackupError, match=rf"{db_file.name} is damaged"):
        _backup(services, out)
    assert out.read_bytes() == b"the old backup"
    assert _beside(tmp_path) == ["copy.sqlite3"]


def _held_back(db_file: Path) -> sqlite3.Connection:
    """A reader holding an old snapshot, then a commit: that frame stays only in the log."""
    reader = sqlite3.connect(db_file, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM stores").fetchone()
    with sqlite3.connect(db_file) as writer:
        writer.execute("UPDATE products SET name = name || ' (new)' WHERE id = 1")
    return reader


def test_frames_only_in_the_log_fall_back_to_integrity_check(
    services: Services, db_file: Path, tmp_path: Path
) -> None:
    reader = _held_back(db_file)
    try:
        result = _backup(services, tmp_path / "copy.sqlite3")
    finally:
        reader.close()
    assert not result.read_back  # the database file is not the snapshot: integrity_check
    with sqlite3.connect(tmp_path / "copy.sqlite3") as conn:
        (name,) = conn.execute("SELECT name FROM products WHERE id = 1").fetchone()
    assert name.endswith(" (new)")  # the newest commit is in the backup all the same
    assert _backup(services, tmp_path / "again.sqlite3").read_back  # once the reader is gone


class _NoCheckpoint(sqlite3.Connection):
    """A connection on which checkpoints fail, as on a read-only database file."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if "wal_checkpoint" in sql:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return super().execute(sql, parameters)


def test_a_checkpoint_that_cannot_run_falls_back_to_integrity_check(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backup_stream._reader

    def reader(path: Path) -> sqlite3.Connection:
        conn = real(path)
        conn.close()
        return sqlite3.connect(path, isolation_level=None, factory=_NoCheckpoint)

    monkeypatch.setattr(backup_stream, "_reader", reader)
    result = _backup(services, tmp_path / "copy.sqlite3")
    assert not result.read_back and result.facts.stores == 48


def test_the_fallback_still_refuses_a_damaged_file(
    services: Services, db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"the old backup")

    def spoil(fd: int) -> None:
        page = _page_size(fd)
        os.pwrite(fd, bytes([0xA5]) * page, page)  # page 2

    _before_fsync(monkeypatch, spoil)
    reader = _held_back(db_file)
    try:
        with pytest.raises(BackupError, match="is damaged"):
            _backup(services, out)
    finally:
        reader.close()
    assert out.read_bytes() == b"the old backup"


def test_backups_while_another_connection_writes_are_all_kept(
    services: Services, db_file: Path, tmp_path: Path
) -> None:
    """No page differs by mistake: the read-back is only taken when it is provable."""
    stop = threading.Event()
    commits = [0]

    def write() -> None:
        with sqlite3.connect(db_file, timeout=10) as conn:
            while not stop.is_set():
                conn.execute("UPDATE products SET price_won = price_won + 1 WHERE id = 1")
                conn.commit()
                commits[0] += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        results = [_backup(services, tmp_path / f"b{i}.sqlite3") for i in range(12)]
    finally:
        stop.set()
        writer.join()
    assert commits[0] > 0 and all(r.facts.stores == 48 for r in results)
    for result in results:
        with sqlite3.connect(f"{result.path.as_uri()}?mode=ro", uri=True) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _pages(path: Path, pages: list[bytes]) -> Path:
    path.write_bytes(b"".join(pages))
    return path


@pytest.mark.parametrize("chunk", [2 * 512, 1024 * 1024], ids=["2 pages a read", "1 MiB"])
def test_the_comparison_skips_only_the_copy_s_own_header_fields_and_the_lock_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    size = 512
    monkeypatch.setattr(backup_stream, "CHUNK_BYTES", chunk)
    monkeypatch.setattr(backup_stream, "PENDING_BYTE", 3 * size)  # page 4 is the lock page
    body = [bytes([n]) * size for n in range(2, 7)]
    header = bytearray(size)
    header[28:32] = (6).to_bytes(4, "big")
    theirs = bytearray(header)
    header[18:20] = b"\x01\x01"
    theirs[18:20], theirs[24:28], theirs[40:44], theirs[92:100] = (
        b"\2\2",
        b"AAAA",
        b"BB\0\0",
        b"C" * 8,
    )
    source = _pages(tmp_path / "a", [bytes(theirs), *body])

    def first(pages: list[bytes]) -> int | None:
        copy = _pages(tmp_path / "b", pages)
        return backup_stream.first_difference(source, copy, pages=6, page_size=size)

    assert first([bytes(header), *body]) is None
    assert first([bytes(header), *body[:2], bytes(size), *body[3:]]) is None  # the lock page
    assert first([bytes(header), *body[:3], bytes(size), body[4]]) == 5
    assert first([bytes(header), *body[:4]]) == 6  # one page short
    assert first([bytes(header), *body, bytes(size)]) == 7  # one page too many
    wal = bytearray(header)
    wal[18:20] = b"\2\2"  # the copy must say rollback journal
    assert first([bytes(wal), *body]) == 1
    other = bytearray(header)
    other[32] = 1  # a field the copy must keep (the free list)
    assert first([bytes(other), *body]) == 1


@pytest.mark.skipif(os.name == "nt", reason="Windows reads through a handle opened each time")
def test_a_deleted_databases_kept_descriptor_is_closed_not_reused(tmp_path: Path) -> None:
    """A database file deleted and another made (perhaps with its inode number): the new
    one's backup reads the new file, and the old descriptor is closed."""
    first = tmp_path / "first.sqlite3"
    with Services.open(f"sqlite:///{first}", seed_demo=True) as opened:
        _backup(opened, tmp_path / "first.backup")
    kept = dict(backup_stream._KEPT)
    assert kept, "the fast path read the database through a kept descriptor"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{first}{suffix}").unlink(missing_ok=True)
    second = tmp_path / "second.sqlite3"
    with Services.open(f"sqlite:///{second}", seed_demo=True) as opened:
        result = _backup(opened, tmp_path / "second.backup")
    assert result.path.exists() and result.read_back  # compared with the new file
    # Only descriptors of files still there are kept (the deleted one's was closed).
    assert all(os.fstat(fd).st_nlink > 0 for fd in backup_stream._KEPT.values())
