"""Nothing broken ever leaves the app: a failed write is one error line (exit 2), the old file
stays byte for byte and no temp file is left; a good write is verified from the disk."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_helpers import CliRun, Faults, SmallFs

from kiosk.render import atomic
from kiosk.render.atomic import OutputPathError, clean_stale_temps, write_error

ROOT = Path(__file__).resolve().parents[2]
Cli = Callable[[Sequence[str]], CliRun]


@dataclass(frozen=True)
class Case:
    """One kind of file the CLI writes: argv for a first (old) and a second (new) version."""

    name: str
    filename: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    chunk: int  # writer chunk size for the injected runs, so each file takes a few writes


CASES = [
    Case("png", "code.png", ("qr", "kakao", "_ZeUTxl", "--link", "home"),
         ("qr", "kakao", "_ZeUTxl"), 1024),
    Case("svg", "code.svg", ("qr", "kakao", "_ZeUTxl", "--link", "home"),
         ("qr", "kakao", "_ZeUTxl"), 2048),
    Case("pdf", "code.pdf", ("qr", "kakao", "_ZeUTxl", "--link", "home"),
         ("qr", "kakao", "_ZeUTxl"), 2048),
    Case("stands", "stands.pdf", ("qr", "stands", "--market", "dongmun", "--size", "a4"),
         ("qr", "stands", "--market", "dongmun"), 64 * 1024),
]  # fmt: skip


def _argv(case: Case, version: tuple[str, ...], out: Path) -> list[str]:
    return [*version, "--out", str(out)]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _disk_full_line(path: Path) -> str:
    return f"market-kiosk: error: could not write {path}: the disk is full"


@pytest.fixture
def demo_env(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> str:
    monkeypatch.setenv("KIOSK_DATABASE_URL", demo_url)
    return demo_url


# --- injected ENOSPC at every write and at the fsync -----------------------------------


@pytest.mark.usefixtures("demo_env")
@pytest.mark.parametrize(
    ("case", "short_write"),
    [(case, short) for case in CASES for short in (False, True)],
    ids=[f"{case.name}-{'short-then-enospc' if short else 'enospc'}" for case in CASES
         for short in (False, True)],
)  # fmt: skip
def test_disk_full_at_every_write_keeps_the_old_file(
    case: Case,
    short_write: bool,
    *,
    tmp_path: Path,
    cli: Cli,
    faults: Faults,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(atomic, "CHUNK_BYTES", case.chunk)
    out = tmp_path / case.filename
    first = cli(_argv(case, case.old, out))
    assert first.code == 0, first.err_lines
    old = out.read_bytes()

    # How many writes a good run takes (into another folder).
    counted = tmp_path / "count"
    counted.mkdir()
    before = faults.writes
    assert cli(_argv(case, case.new, counted / case.filename)).code == 0
    total = faults.writes - before
    assert total >= 2, f"{case.name}: only {total} write(s); lower the chunk size"

    for n in range(1, total + 1):
        faults.writes, faults.fail_write_at, faults.short_write = 0, n, short_write
        run = cli(_argv(case, case.new, out))
        assert run.code == 2, (n, run.err_lines)
        assert run.errors == [_disk_full_line(out)], (n, run.err_lines)
        assert out.read_bytes() == old, f"write {n}: the old file changed"
        assert _names(tmp_path) == sorted(["count", case.filename]), f"write {n}: temp left"
    faults.fail_write_at = None

    # The data is written but the disk refuses to flush it (NFS, delayed allocation).
    faults.fsyncs, faults.fail_fsync_at = 0, 1
    run = cli(_argv(case, case.new, out))
    assert (run.code, run.errors) == (2, [_disk_full_line(out)])
    assert out.read_bytes() == old
    assert _names(tmp_path) == sorted(["count", case.filename])


def test_screenshots_disk_full_at_every_file(
    tmp_path: Path, faults: Faults, demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: a full disk left a 0-byte PNG. One write per screenshot here (1 MiB chunks)."""
    from kiosk.app import write_screenshots

    def shoot() -> int:
        return write_screenshots(
            tmp_path, database_url=demo_url, sizes=[(1366, 768)], locales=["ja"]
        )

    monkeypatch.setattr(atomic, "CHUNK_BYTES", 1 << 20)
    total = shoot()
    names = _names(tmp_path)
    # 6 tourist and merchant-QR screens, the five attract-loop slides, the three sign-in
    # screens (merchant, onboarding, manager: a given database is only read) and the
    # first-run set-up's five steps (shown on it, nothing written)
    assert faults.writes == total == len(names) == 19
    for name in names:
        (tmp_path / name).write_bytes(b"previous " + name.encode())
    for n in range(1, total + 1):
        faults.writes, faults.fail_write_at = 0, n
        with pytest.raises(OutputPathError) as info:
            shoot()
        message = str(info.value)
        assert message.startswith("could not write ") and message.endswith(": the disk is full")
        assert _names(tmp_path) == names, f"write {n}: temp left"
        failed = Path(message.removeprefix("could not write ").removesuffix(": the disk is full"))
        assert failed.read_bytes() == b"previous " + failed.name.encode()
        assert all(p.stat().st_size > 0 for p in tmp_path.iterdir()), "an empty file was left"


# --- a real, small, full file system ------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_really_full_file_system_keeps_the_old_file(
    case: Case, small_fs: Callable[[int], SmallFs], cli: Cli, demo_env: str
) -> None:
    fs = small_fs(1024)
    out = fs.path / case.filename
    assert cli(_argv(case, case.old, out)).code == 0
    old = out.read_bytes()
    fs.fill()
    run = cli(_argv(case, case.new, out))
    assert (run.code, run.errors) == (2, [_disk_full_line(out)]), run.err_lines
    assert out.read_bytes() == old
    assert _names(fs.path) == sorted(["filler", case.filename])
    # Room again: the same command now writes a verified file.
    (fs.path / "filler").unlink()
    assert cli(_argv(case, case.new, out)).code == 0
    assert out.read_bytes() != old


def test_stands_on_a_tiny_file_system_writes_nothing(
    small_fs: Callable[[int], SmallFs], cli: Cli, demo_env: str
) -> None:
    """Regression: exit 0, "verified ... pages" and a truncated PDF no reader opens."""
    fs = small_fs(100)
    out = fs.path / "X.pdf"
    run = cli(["qr", "stands", "--market", "dongmun", "--out", str(out)])
    assert (run.code, run.errors) == (2, [_disk_full_line(out)])
    assert "verified" not in run.out
    assert _names(fs.path) == []


def test_screenshots_on_a_full_file_system(
    small_fs: Callable[[int], SmallFs], demo_url: str
) -> None:
    from kiosk.app import write_screenshots

    fs = small_fs(64)
    with pytest.raises(OutputPathError, match=r": the disk is full$"):
        write_screenshots(fs.path, database_url=demo_url, sizes=[(1366, 768)], locales=["ja"])
    assert all(p.stat().st_size > 0 for p in fs.path.iterdir())
    assert not [p for p in fs.path.iterdir() if p.name.startswith(".")]


def test_read_only_file_system_keeps_the_old_file(
    small_fs: Callable[[int], SmallFs], cli: Cli
) -> None:
    fs = small_fs(256)
    out = fs.path / "code.png"
    assert cli(["qr", "kakao", "_ZeUTxl", "--out", str(out)]).code == 0
    old = out.read_bytes()
    fs.remount("ro")
    run = cli(["qr", "kakao", "_ZeUTxl", "--link", "home", "--out", str(out)])
    assert (run.code, run.errors) == (
        2,
        [f"market-kiosk: error: could not write {out}: the file system is read-only"],
    )
    assert out.read_bytes() == old


# --- killed mid-write: the next write cleans up --------------------------------------


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_stands_leaves_a_temp_the_next_write_removes(
    tmp_path: Path, demo_url: str, cli: Cli
) -> None:
    env = {**os.environ, "KIOSK_DATABASE_URL": demo_url, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "stands.pdf"
    argv = [sys.executable, "-m", "kiosk", "qr", "stands", "--market", "dongmun", "--out", out]
    stale: list[Path] = []
    for _attempt in range(5):
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                stale = _temps(tmp_path)
                if stale:
                    proc.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.0005)
        finally:
            proc.kill()
            proc.wait()
        if stale and _temps(tmp_path):
            break
    else:
        pytest.skip("the stands run never caught with its temp file open (machine too fast)")
    assert not out.exists(), "a killed run must not leave the output"
    assert proc.returncode == -signal.SIGKILL
    # The next write into the same folder removes the dead run's temp file.
    run = cli(["qr", "kakao", "_ZeUTxl", "--out", str(tmp_path / "code.png")])
    assert run.code == 0, run.err_lines
    assert _temps(tmp_path) == []
    assert _names(tmp_path) == ["code.png"]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize(
    ("name", "age_s", "removed"),
    [
        (".stands.pdf.{dead}0badf00d.tmp.pdf", 0, True),  # writer gone
        (".stands.pdf.{me}0badf00d.tmp.pdf", 0, False),  # writer running (this process)
        (".stands.pdf.{me}0badf00d.tmp.pdf", 7200, True),  # running id, but hours old: reused
        (".code.png.0badf00d.tmp.png", 120, True),  # older form, no writer id, > 1 minute
        (".code.png.0badf00d.tmp.png", 5, False),  # older form, fresh: maybe being written
        (".code.png.0badf00d.tmp.pdf", 600, False),  # suffix does not match the name
        ("code.png.0badf00d.tmp.png", 600, False),  # not hidden: not ours
        (".notes.txt", 600, False),
        (".code.png.XYZ.tmp.png", 600, False),
    ],
)
def test_stale_temp_cleaning_touches_only_our_dead_files(
    tmp_path: Path, name: str, age_s: int, removed: bool
) -> None:
    path = tmp_path / name.format(dead=f"{_dead_pid():08x}", me=f"{os.getpid():08x}")
    path.write_bytes(b"partial")
    when = time.time() - age_s
    os.utime(path, (when, when))
    assert (clean_stale_temps(tmp_path) == [path]) is removed
    assert path.exists() is not removed


# --- errno names the cause ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "could not write {p}: the disk is full"),
        (errno.EACCES, "no permission to write {p}"),
        (errno.EPERM, "no permission to write {p}"),
        (errno.EROFS, "could not write {p}: the file system is read-only"),
        (errno.EDQUOT, "could not write {p}: the disk quota is used up"),
        (errno.EIO, "could not write {p}: " + os.strerror(errno.EIO)),
    ],
)
def test_write_errors_name_the_cause(tmp_path: Path, code: int, message: str) -> None:
    path = tmp_path / "x.pdf"
    error = write_error(path, OSError(code, os.strerror(code)))
    assert isinstance(error, OSError)
    assert str(error) == message.format(p=path)


def test_output_path_that_is_a_folder(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "code.png"
    folder.mkdir()
    run = cli(["qr", "kakao", "_ZeUTxl", "--out", str(folder)])
    assert (run.code, run.errors) == (2, [f"market-kiosk: error: output path {folder} is a folder"])
    assert _names(folder) == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_keeps_the_old_file(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "ro" / "code.png"
    out.parent.mkdir()
    assert cli(["qr", "kakao", "_ZeUTxl", "--out", str(out)]).code == 0
    old = out.read_bytes()
    out.parent.chmod(0o500)
    try:
        run = cli(["qr", "kakao", "_ZeUTxl", "--link", "home", "--out", str(out)])
    finally:
        out.parent.chmod(0o700)
    assert run.code == 2
    assert run.errors == [f"market-kiosk: error: output folder {out.parent} is not writable"]
    assert out.read_bytes() == old


# --- decode refuses what is not a regular file, and names a too-large picture --------


def _decode_within(cli: Cli, path: Path, seconds: float = 20) -> CliRun:
    """Run ``qr decode`` in a thread: a hang (the old FIFO bug) fails instead of blocking."""
    result: list[CliRun] = []
    worker = threading.Thread(target=lambda: result.append(cli(["qr", "decode", str(path)])))
    worker.daemon = True
    worker.start()
    worker.join(seconds)
    assert result, f"qr decode {path} did not return within {seconds} s"
    return result[0]


def _special(kind: str, tmp_path: Path) -> Path:
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        path = tmp_path / "pipe.png"
        os.mkfifo(path)
        return path
    if kind == "folder":
        path = tmp_path / "folder.png"
        path.mkdir()
        return path
    device = Path(kind)
    if not device.exists() or not stat.S_ISCHR(device.stat().st_mode):
        pytest.skip(f"{kind} is not a device here")
    return device


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("fifo", "{p} is not a regular file (a named pipe); give a PNG, JPEG or SVG file"),
        ("/dev/zero", "{p} is not a regular file (a device); give a PNG, JPEG or SVG file"),
        ("/dev/null", "{p} is not a regular file (a device); give a PNG, JPEG or SVG file"),
        ("folder", "{p} is a folder, not an image file"),
    ],
)
def test_decode_refuses_special_files_at_once(
    kind: str, expected: str, tmp_path: Path, cli: Cli
) -> None:
    path = _special(kind, tmp_path)
    started = time.monotonic()
    run = _decode_within(cli, path)
    assert (run.code, run.errors) == (2, ["market-kiosk: error: " + expected.format(p=path)])
    assert time.monotonic() - started < 10


def test_decode_reads_a_regular_file(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "code.png"
    assert cli(["qr", "kakao", "_ZeUTxl", "--out", str(out)]).code == 0
    run = _decode_within(cli, out)
    assert (run.code, run.out) == (0, "https://pf.kakao.com/_ZeUTxl/friend\n")


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny PNG file claiming *width* x *height* pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    idat = zlib.compress(b"\0" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        # Over Pillow's own bomb limit (~179 MP): refused while opening.
        (20000, 10000, "{p} is too large a picture (200 MP); images over 40 MP are refused"),
        # Between Pillow's warning (~89 MP) and its limit: no warning line, our limit.
        (10000, 10000,
         "{p} is 10000x10000 pixels (100 MP); images over 40 MP are refused"),
        (8000, 5100, "{p} is 8000x5100 pixels (41 MP); images over 40 MP are refused"),
    ],
)  # fmt: skip
def test_decode_names_a_too_large_picture(
    width: int, height: int, expected: str, tmp_path: Path, cli: Cli
) -> None:
    path = _png_header_only(tmp_path / "bomb.png", width, height)
    run = cli(["qr", "decode", str(path)])
    assert run.code == 2
    assert run.err_lines == ["market-kiosk: error: " + expected.format(p=path)]
