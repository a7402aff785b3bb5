"""The site folder is switched in one step on POSIX (a symbolic link) and on Windows (a
directory junction), and a reader of the site finds a whole version at every moment.

Windows is taken here by forcing ``switch.windows()``; its two system calls (making a
junction, pointing it elsewhere) are stood in for by symbolic links, so what runs is
the Windows way's own order of steps, not Windows' file system.
"""

from __future__ import annotations

import os
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.publish import switch, writer
from kiosk.publish.writer import PublishError, current_version, publish_files, versions_of

BASE = "https://market.example/m/"


class _Junctions:
    """Stand-ins for the Windows calls, counting them."""

    def __init__(self) -> None:
        self.made: list[Path] = []
        self.retargeted: list[Path] = []

    def make(self, target: Path, at: Path) -> None:
        assert target.is_absolute()  # a junction holds an absolute path
        os.symlink(target, at, target_is_directory=True)
        self.made.append(at)

    def retarget(self, junction: Path, target: Path) -> None:
        assert target.is_absolute() and switch.is_link(junction)
        spare = junction.parent / f".retarget-{target.name}"
        os.symlink(target, spare, target_is_directory=True)
        os.replace(spare, junction)  # one step, as FSCTL_SET_REPARSE_POINT is
        self.retargeted.append(target)


@pytest.fixture(params=["posix", "windows"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "windows":
        junctions = _Junctions()
        monkeypatch.setattr(switch, "windows", lambda: True)
        monkeypatch.setattr(switch, "make_junction", junctions.make)
        monkeypatch.setattr(switch, "retarget_junction", junctions.retarget)
        yield "windows"
        assert junctions.made or junctions.retargeted, "the Windows way was not taken"
    else:
        monkeypatch.setattr(switch, "windows", lambda: False)
        yield "posix"


def _site(n: int) -> dict[str, bytes]:
    page = f"<p>version {n}</p>".encode() * 2000
    return {"index.html": page, "d/a-1/en.html": page + b"a", "sw.js": b"// sw"}


def test_three_publishes_switch_the_same_link(way: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    versions = []
    for n in range(3):
        done = publish_files(out, _site(n), base_url=BASE)
        versions.append(done.version)
        assert (out / "index.html").read_bytes() == _site(n)["index.html"]
        assert current_version(out) == done.version.resolve()
    assert switch.is_link(out)
    kept = sorted(p for p in versions_of(out).iterdir() if p.is_dir())
    assert kept == sorted(v for v in versions[1:])  # now and one back
    assert not [p for p in versions_of(out).iterdir() if p.name.startswith(".link-")]


def test_an_empty_folder_made_by_hand_becomes_the_link(way: str, tmp_path: Path) -> None:
    out = tmp_path / "www"
    out.mkdir()
    publish_files(out, _site(1), base_url=BASE)
    assert switch.is_link(out) and (out / "sw.js").read_bytes() == b"// sw"


def test_a_failed_first_switch_leaves_no_link_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junctions = _Junctions()
    monkeypatch.setattr(switch, "windows", lambda: True)
    monkeypatch.setattr(switch, "make_junction", junctions.make)

    def refused(src: object, dst: object) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(switch.os, "rename", refused)
    out = tmp_path / "site"
    with pytest.raises(PublishError, match="no permission"):
        publish_files(out, _site(1), base_url=BASE)
    assert not out.exists() and not os.path.lexists(out)
    assert list(versions_of(out).iterdir()) == []  # neither the version nor its link stay


def test_readers_find_a_whole_version_during_every_switch(way: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    publish_files(out, _site(0), base_url=BASE)
    valid = {_site(n)["index.html"] for n in range(13)}
    stop, seen, failures = threading.Event(), [0], []

    def read() -> None:
        while not stop.is_set():
            try:
                page = (out / "index.html").read_bytes()
            except OSError as exc:
                failures.append(repr(exc))
                continue
            if page not in valid:
                failures.append(f"a page of {len(page)} bytes from no version")
            seen[0] += 1

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for n in range(1, 13):
            publish_files(out, _site(n), base_url=BASE)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert failures == [] and seen[0] > 12
    assert (out / "index.html").read_bytes() == _site(12)["index.html"]


def test_junction_data_names_the_folder_twice() -> None:
    target = Path("C:\\sites\\.dongmun.versions\\site-x1")
    data = switch.mount_point_data(target)
    tag, length, reserved = struct.unpack_from("<IHH", data)
    assert (tag, reserved, length) == (switch.MOUNT_POINT_TAG, 0, len(data) - 8)
    sub_at, sub_len, print_at, print_len = struct.unpack_from("<HHHH", data, 8)
    names = data[16:]
    assert names[sub_at : sub_at + sub_len].decode("utf-16-le") == "\\??\\" + str(target)
    assert names[print_at : print_at + print_len].decode("utf-16-le") == str(target)
    assert names.endswith(b"\0\0") and names[sub_at + sub_len : print_at] == b"\0\0"


def test_is_link(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    assert switch.is_link(link)
    assert not switch.is_link(folder) and not switch.is_link(tmp_path / "missing")
    switch.remove_link(link)
    assert not os.path.lexists(link) and folder.is_dir()


def test_the_windows_way_is_chosen_by_the_system_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(switch.os, "name", "nt")
    assert switch.windows()
    monkeypatch.setattr(switch.os, "name", "posix")
    assert not switch.windows()
    assert writer.switch is switch
