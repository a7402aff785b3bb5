"""A locked, read-only, full, damaged or vanished database: exit 2, one line, traceback in the log.

Each case runs the real commands (``demo --replace``, ``qr stands``) on a real
SQLite file or the test PostgreSQL server; nothing is mocked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_fault_helpers import (
    CliRunner,
    Run,
    assert_one_clean_line,
    finish,
    sqlite_url,
    start_cli,
)

LOCKED = "another program is using the database; try again"
READ_ONLY = "the database is read-only"
FULL = "the disk is full"
DAMAGED = "the database is damaged; restore a backup"
LOST = "the connection to the database server was lost"
STANDS = ["qr", "stands", "--market", "dongmun", "--out"]


def _names_its_log(line: str, log_dir: Path) -> None:
    log = log_dir / "market-kiosk.log"
    assert f"Details were written to {log}." in line
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text


# --- locked: another process holds the write lock -------------------------------------------

_HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


@contextlib.contextmanager
def _write_lock_held(path: Path, seconds: float = 30) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("args", [["demo", "--replace"], ["demo"]], ids=["demo-replace", "demo"])
def test_a_database_locked_by_another_process(
    demo_copy: Path, tmp_path: Path, log_dir: Path, args: list[str], journal: str
) -> None:
    """WAL (the app's mode): the writer is refused at BEGIN IMMEDIATE; rollback-journal
    mode (a file another tool converted): already switching to WAL at open waits."""
    con = sqlite3.connect(demo_copy)
    assert con.execute(f"PRAGMA journal_mode={journal}").fetchone() == (journal,)
    con.close()
    with _write_lock_held(demo_copy):
        started = time.monotonic()
        run = finish(start_cli(sqlite_url(demo_copy), *args, cwd=tmp_path))
        elapsed = time.monotonic() - started
    assert elapsed < 15
    # Plain ``demo`` also takes the write lock: look-up and insert are one transaction.
    line = assert_one_clean_line(run, LOCKED, str(demo_copy))
    _names_its_log(line, log_dir)


def test_a_lock_released_within_the_busy_timeout_is_waited_for(
    demo_copy: Path,
    log_dir: Path,
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "3000")
    with _write_lock_held(demo_copy, seconds=0.5):
        run = cli(sqlite_url(demo_copy), ["demo", "--replace"])
    assert run.code == 0, run
    assert run.out.splitlines()[:2] == ["bansong: 24 stores", "dongmun: 24 stores"]
    assert not (log_dir / "market-kiosk.log").exists()


# --- read-only ------------------------------------------------------------------------------


def _chattr(path: Path, flag: str) -> bool:
    if shutil.which("chattr") is None:
        return False
    result = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return result.returncode == 0


@pytest.mark.parametrize(
    "args", [["demo", "--replace"], [*STANDS, "x.pdf"]], ids=["demo", "stands"]
)
@pytest.mark.parametrize("how", ["uri-mode-ro", "chattr+i", "chmod-0444"])
def test_a_read_only_database(
    demo_copy: Path,
    log_dir: Path,
    cli: CliRunner,
    how: str,
    args: list[str],
) -> None:
    url = sqlite_url(demo_copy)
    if how == "uri-mode-ro":
        url = f"sqlite:///file:{demo_copy.as_posix()}?mode=ro&uri=true"
    elif how == "chattr+i":
        if not _chattr(demo_copy, "+i"):
            pytest.skip("chattr +i is not available on this file system")
    else:
        demo_copy.chmod(0o444)
        demo_copy.parent.chmod(0o555)
    try:
        run = cli(url, args)
    finally:
        if how == "chattr+i":
            _chattr(demo_copy, "-i")
        demo_copy.parent.chmod(0o755)
        demo_copy.chmod(0o644)
    if how == "chmod-0444" and os.geteuid() == 0 and run.code == 0:
        return  # root ignores permission bits; the other two ways cover root
    if args[0] == "qr" and run.code == 0:
        return  # printing stands only reads: a read-only database is fine for it
    line = assert_one_clean_line(run, READ_ONLY)
    _names_its_log(line, log_dir)


# --- disk full ------------------------------------------------------------------------------


@contextlib.contextmanager
def _small_disk(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb", buffering=0) as handle:
        while True:
            handle.write(b"\0" * 4096)


@pytest.mark.parametrize("left", [0, 16_384, 65_536], ids=["0 bytes", "16 KiB", "64 KiB"])
def test_a_full_disk(
    demo_file: Path,
    tmp_path: Path,
    log_dir: Path,
    cli: CliRunner,
    left: int,
) -> None:
    """Full before the app opens the file (no room for -shm) or while it writes (-wal)."""
    with _small_disk(tmp_path / "small", "1m") as disk:
        path = disk / "kiosk.sqlite3"
        shutil.copyfile(demo_file, path)
        spare = disk / "spare"
        spare.write_bytes(b"\0" * left)
        _fill(disk)
        spare.unlink()
        before = path.read_bytes()
        run = cli(sqlite_url(path), ["demo", "--replace"])
        assert path.read_bytes() == before  # the failed transaction left the file as it was
    line = assert_one_clean_line(run, FULL, str(path))
    _names_its_log(line, log_dir)


# --- damaged pages --------------------------------------------------------------------------


def _root_page(path: Path, table: str) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        (page,) = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        con.close()
    return int(page)


def _damage(path: Path, page: int) -> None:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(bytes([0xA5]) * page_size)


@pytest.mark.parametrize(
    "where",
    ["page 3", "page 2", "stores", "markets", "products", "stores index"],
)
@pytest.mark.parametrize(
    "args", [[*STANDS, "x.pdf"], ["demo", "--replace"]], ids=["stands", "demo"]
)
def test_a_damaged_page(
    demo_copy: Path,
    log_dir: Path,
    cli: CliRunner,
    where: str,
    args: list[str],
) -> None:
    tables = {
        "stores": "stores",
        "markets": "markets",
        "products": "products",
        "stores index": "ix_stores_directory",  # the index the directory and stands read
    }
    page = _root_page(demo_copy, tables[where]) if where in tables else int(where.split()[1])
    _damage(demo_copy, page)
    run = cli(sqlite_url(demo_copy), args)
    if where == "page 3" and run.code == 0:
        # Page 3 holds an index no command reads (alembic_version's); whatever a
        # command does not read, it cannot notice. It must not crash either way.
        return
    line = assert_one_clean_line(run, str(demo_copy))
    assert DAMAGED in line, line
    _names_its_log(line, log_dir)


# --- PostgreSQL: server gone ----------------------------------------------------------------


@pytest.mark.postgres
def test_a_lost_postgres_connection(postgres_url: str, tmp_path: Path, log_dir: Path) -> None:
    """The backend of a waiting ``demo --replace`` is terminated by the administrator."""
    import psycopg
    from sqlalchemy import make_url

    from kiosk.data.db import _PG_SEED_LOCK_KEY, Database
    from kiosk.data.seed import seed_demo

    with Database.open(postgres_url) as db:
        seed_demo(db)
    conninfo = (
        make_url(postgres_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    name = make_url(postgres_url).database
    with psycopg.connect(conninfo, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (_PG_SEED_LOCK_KEY,))
        process = start_cli(postgres_url, "demo", "--replace", cwd=tmp_path)
        waiting: list[int] = []
        deadline = time.monotonic() + 30
        while not waiting and time.monotonic() < deadline:
            time.sleep(0.1)
            waiting = [
                row[0]
                for row in holder.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND "
                    "wait_event_type = 'Lock' AND wait_event = 'advisory'",
                    (name,),
                ).fetchall()
            ]
        assert waiting, "demo --replace never waited for the seeding lock"
        for pid in waiting:
            holder.execute("SELECT pg_terminate_backend(%s)", (pid,))
        run = finish(process)
    line = assert_one_clean_line(run, LOST)
    _names_its_log(line, log_dir)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://kiosk:s3cret@127.0.0.1:1/market",
        "postgresql://kiosk@127.0.0.1:1/market?password=s3cret",
        "postgresql://kiosk@127.0.0.1:1/market?sslpassword=s3cret&connect_timeout=2",
    ],
)
def test_a_postgres_server_that_is_not_there(url: str, cli: CliRunner) -> None:
    run = cli(url, ["demo", "--replace"])
    assert_one_clean_line(run, "the database server cannot be reached", "127.0.0.1:1")
    assert "s3cret" not in run.err + run.out


# --- special files --------------------------------------------------------------------------


def _special(kind: str, tmp_path: Path) -> tuple[Path, str]:
    if kind == "/dev/null":
        return Path("/dev/null"), "this is a device"
    if kind == "/dev/zero":
        return Path("/dev/zero"), "this is a device"
    if kind == "fifo":
        path = tmp_path / "pipe.sqlite3"
        os.mkfifo(path)
        return path, "named pipe (FIFO)"
    if kind == "folder":
        path = tmp_path / "folder.sqlite3"
        path.mkdir()
        return path, "this is a folder"
    if kind == "link to /dev/null":
        path = tmp_path / "link.sqlite3"
        path.symlink_to("/dev/null")
        return path, "this is a device"
    if kind == "socket":
        import socket

        path = tmp_path / "s.sqlite3"
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(path))
        sock.close()
        return path, "not a regular file"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind", ["/dev/null", "/dev/zero", "fifo", "folder", "link to /dev/null", "socket"]
)
@pytest.mark.parametrize("uri", [False, True], ids=["path", "file-uri"])
@pytest.mark.parametrize(
    "args", [["demo", "--replace"], [*STANDS, "x.pdf"]], ids=["demo", "stands"]
)
def test_a_special_file_is_refused_before_anything_is_opened(
    tmp_path: Path,
    cli: CliRunner,
    kind: str,
    uri: bool,
    args: list[str],
) -> None:
    target, reason = _special(kind, tmp_path)
    folder = target.parent
    before = {p.name for p in folder.iterdir()}
    url = f"sqlite:///file:{target.as_posix()}?mode=rwc" if uri else sqlite_url(target)
    run = cli(url, args)
    assert_one_clean_line(run, reason, str(target))
    assert {p.name for p in folder.iterdir()} == before  # no -journal, -wal or -shm beside it


# --- six at once ----------------------------------------------------------------------------


def _markets(url: str) -> list[tuple[str, int]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT slug, count(*) FROM markets GROUP BY slug ORDER BY slug")
        ).all()
    engine.dispose()
    return [(str(slug), int(n)) for slug, n in rows]


def _six_at_once(url: str, cwd: Path) -> list[Run]:
    # A real wait here: the app's default 5 s, as a person would have it.
    processes = [
        start_cli(url, "demo", "--replace", cwd=cwd, KIOSK_SQLITE_BUSY_TIMEOUT_MS="5000")
        for _ in range(6)
    ]
    return [finish(p, timeout=120) for p in processes]


@pytest.mark.parametrize("start", ["fresh file", "seeded file"])
def test_six_demo_replace_at_once_on_sqlite(demo_file: Path, tmp_path: Path, start: str) -> None:
    path = tmp_path / "six.sqlite3"
    if start == "seeded file":
        shutil.copyfile(demo_file, path)
    runs = _six_at_once(sqlite_url(path), tmp_path)
    for run in runs:
        assert run.code == 0, run
        assert run.out.splitlines()[:2] == ["bansong: 24 stores", "dongmun: 24 stores"], run
    assert _markets(sqlite_url(path)) == [("bansong", 1), ("dongmun", 1)]


@pytest.mark.postgres
def test_six_demo_replace_at_once_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    from kiosk.data.db import Database

    Database.open(postgres_url).close()  # six first-time migrations are another story
    runs = _six_at_once(postgres_url, tmp_path)
    for run in runs:
        assert run.code == 0, run
    assert _markets(postgres_url) == [("bansong", 1), ("dongmun", 1)]
