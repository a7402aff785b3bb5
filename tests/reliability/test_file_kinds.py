"""Outputs and inputs are regular files: a pipe, device, socket, folder or a link to one is
named and refused at once; nothing is written, nothing hangs, the special file stays as it was."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from db_fault_helpers import CliRunner, Run, sqlite_url

from kiosk.domain.file_kinds import special_kind
from kiosk.render.atomic import OutputPathError, write_verified
from kiosk.render.inputs import NotRegularFile, check_regular_input, read_regular_file

posix_only = pytest.mark.skipif(os.name == "nt", reason="no named pipes or sockets on Windows")

#: Kind of hostile path -> the words its refusal uses.
KINDS = {
    "fifo": "(a named pipe)",
    "link to a fifo": "(a named pipe)",
    "link to /dev/null": "(a device)",
    "socket": "(a socket)",
}


def _make(kind: str, path: Path, sockets: list[socket.socket]) -> None:
    """Make *path* a special file of *kind* (never touching /dev itself)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link to a fifo":
        target = path.with_name("real-" + path.name)
        os.mkfifo(target)
        path.symlink_to(target)
    elif kind == "link to /dev/null":
        if not Path("/dev/null").exists():
            pytest.skip("no /dev/null here")
        path.symlink_to("/dev/null")
    elif kind == "socket":
        if len(str(path)) > 100:
            pytest.skip("the path is too long for a Unix socket")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        sockets.append(server)
    else:  # pragma: no cover - a typo in the table
        raise AssertionError(kind)


def _fingerprint(path: Path) -> tuple[object, ...]:
    """What the special file is: its type, its link target, and for a link what it points to."""
    link = os.readlink(path) if path.is_symlink() else None
    info = os.stat(path)
    return (link, stat.S_IFMT(info.st_mode), info.st_ino, info.st_dev)


@pytest.fixture
def sockets() -> Iterator[list[socket.socket]]:
    opened: list[socket.socket] = []
    yield opened
    for server in opened:
        server.close()


def _within(action: Callable[[], Run], fifo: Path | None = None, seconds: float = 30) -> Run:
    """Run *action* in a thread: a hang on a named pipe fails the test instead of blocking it."""
    result: list[Run] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(seconds)
    if not result and fifo is not None:  # release a reader blocked in open()
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert result, f"did not return within {seconds} s (blocked on a named pipe?)"
    return result[0]


# --- the helpers --------------------------------------------------------------------------


def test_regular_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_regular_file(path, max_bytes=10) == b"hello"
    assert special_kind(os.stat(path).st_mode) is None
    with pytest.raises(OSError, match="larger than"):
        read_regular_file(path, max_bytes=4)


@posix_only
def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    assert read_regular_file(link, max_bytes=10) == b"hello"


def test_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile, match=r"is not a regular file \(a folder\)"):
        check_regular_input(tmp_path)


@posix_only
@pytest.mark.parametrize("kind", KINDS)
def test_input_helper_refuses_at_once(
    tmp_path: Path, sockets: list[socket.socket], kind: str
) -> None:
    path = tmp_path / "in.csv"
    _make(kind, path, sockets)
    with pytest.raises(NotRegularFile) as info:
        read_regular_file(path, max_bytes=1000)
    assert str(info.value) == f"{path} is not a regular file {KINDS[kind]}; it is not read"


@posix_only
@pytest.mark.parametrize("kind", KINDS)
def test_the_one_writer_refuses_and_leaves_it_alone(
    tmp_path: Path, sockets: list[socket.socket], kind: str
) -> None:
    path = tmp_path / "out.png"
    _make(kind, path, sockets)
    before = _fingerprint(path)
    names = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OutputPathError) as info:
        write_verified(path, b"data", lambda tmp: None)
    assert str(info.value) == (
        f"output path {path} is not a regular file {KINDS[kind]}; "
        "it is left as it is, nothing written"
    )
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names


@posix_only
def test_a_pipe_made_while_writing_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with pytest.raises(OutputPathError, match="a named pipe"):
        write_verified(path, b"data", lambda tmp: os.mkfifo(path))
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@posix_only
def test_a_dangling_link_is_replaced_by_the_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.symlink_to(tmp_path / "nowhere")
    write_verified(path, b"data", lambda tmp: None)
    assert path.read_bytes() == b"data" and not path.is_symlink()


# --- every --out of the command line ------------------------------------------------------


def _stall(url: str) -> str:
    from kiosk.services.app import Services

    with Services.open(url) as services:
        return services.directory.list_store_details(market_slug="dongmun")[0].stall_number


OUTPUTS: dict[str, Callable[[str, str], list[str]]] = {
    "qr kakao": lambda out, _stall: ["qr", "kakao", "_ZeUTxl", "--out", out + ".png"],
    "qr pay": lambda out, _stall: ["qr", "pay", "--payload", "PAY-1", "--out", out + ".svg"],
    "qr stands": lambda out, _stall: ["qr", "stands", "--market", "dongmun", "--out", out + ".pdf"],
    "export csv": lambda out, _stall: ["export", "--market", "dongmun", "--out", out + ".csv"],
    "export xlsx": lambda out, _stall: ["export", "--market", "dongmun", "--out", out + ".xlsx"],
    "template": lambda out, _stall: ["export", "--template", "--out", out + ".xlsx"],
    "backup": lambda out, _stall: ["backup", "--out", out + ".sqlite3"],
    "onboarding export": lambda out, _stall: [
        *("onboarding", "export", "--market", "dongmun", "--out", out + ".csv")
    ],
    "onboarding report": lambda out, stall: [
        *("onboarding", "report", "--market", "dongmun", "--stall", stall, "--out", out + ".pdf")
    ],
}


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "link to /dev/null", "link to a fifo"])
@pytest.mark.parametrize("command", OUTPUTS)
def test_every_out_refuses_a_special_file(
    *,
    cli: CliRunner,
    demo_copy: Path,
    tmp_path: Path,
    sockets: list[socket.socket],
    command: str,
    kind: str,
) -> None:
    url = sqlite_url(demo_copy)
    folder = tmp_path / "outputs"
    folder.mkdir()
    argv = OUTPUTS[command](str(folder / "out"), _stall(url))
    out = Path(argv[-1])
    _make(kind, out, sockets)
    before = _fingerprint(out)
    names = sorted(p.name for p in folder.iterdir())
    run = _within(lambda: cli(url, argv), out if kind == "fifo" else None)
    assert run.code == 2, run
    assert f"output path {out} is not a regular file {KINDS[kind]}" in run.err, run.err
    assert _fingerprint(out) == before
    assert sorted(p.name for p in folder.iterdir()) == names


# --- every input path --------------------------------------------------------------------------


INPUTS: dict[str, Callable[[str], list[str]]] = {
    "import": lambda path: ["import", path, "--market", "dongmun", "--dry-run"],
    "restore": lambda path: ["restore", path, "--yes"],
    "decode": lambda path: ["qr", "decode", path],
    "kit photo": lambda path: ["qr", "pay", "--from-image", path, "--out", path + "-out.png"],
    "checklist file": lambda path: ["onboarding", "checklist", path],
}
INPUT_WORDS = {
    "import": "is not a regular file",
    "restore": "is not a file",
    "decode": "is not a regular file",
    "kit photo": "is not a regular file",
    "checklist file": "is not a regular file",
}


@posix_only
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", INPUTS)
def test_every_input_refuses_a_special_file_at_once(
    *,
    cli: CliRunner,
    demo_copy: Path,
    tmp_path: Path,
    sockets: list[socket.socket],
    command: str,
    kind: str,
) -> None:
    path = tmp_path / "input.file"
    _make(kind, path, sockets)
    before = _fingerprint(path)
    database = demo_copy.read_bytes()
    run = _within(lambda: cli(sqlite_url(demo_copy), INPUTS[command](str(path))), path)
    assert run.code in (1, 2), run
    assert f"{INPUT_WORDS[command]} {KINDS[kind]}" in run.err, run.err
    assert _fingerprint(path) == before
    assert demo_copy.read_bytes() == database


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "link to a fifo", "link to /dev/null"])
@pytest.mark.parametrize("argv", [["onboarding", "checklist"], ["onboarding", "status"]])
def test_a_checklist_toml_that_is_a_pipe_does_not_hang(
    *,
    cli: CliRunner,
    demo_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sockets: list[socket.socket],
    kind: str,
    argv: list[str],
) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(folder))
    replacement = folder / "checklist.toml"
    _make(kind, replacement, sockets)
    args = [*argv, "--market", "dongmun"] if argv[-1] == "status" else argv
    run = _within(lambda: cli(sqlite_url(demo_copy), args), replacement)
    if argv[-1] == "checklist":
        assert run.code == 1, run
        assert f"is not a regular file {KINDS[kind]}" in run.err, run.err
        assert "in use: " in run.out
    else:
        assert run.code == 0, run
    assert _fingerprint(replacement) is not None
