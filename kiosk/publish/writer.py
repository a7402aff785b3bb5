"""Publishing is atomic and incremental: a new folder, switched to when every file is checked.

The site folder the web server reads (``--out``) is a link to one version in
``.<name>.versions`` beside it (a symbolic link; on Windows a directory junction,
kiosk.publish.switch). A publish writes a new version there (a page unchanged since
the last one is hard-linked, not written again), reads every written file back,
flushes the version to the disk once (not file by file) and only then points the
link at it in one step: a full disk, a crash or a failed check leaves the previous
site as it was. The version before stays (one step back); older ones are removed.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import cast

from kiosk.publish import switch

MANIFEST = "publish.json"
#: A new file, never one that is there; binary on Windows.
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class PublishError(Exception):
    """Why nothing was published, in one line; the previous site is untouched."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What a publish changes against the site online now (paths relative to its folder)."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


@dataclass(frozen=True, slots=True)
class Published:
    plan: Plan
    folder: Path
    version: Path
    written: int
    kept: int
    largest_stall_page: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def versions_of(out: Path) -> Path:
    return out.parent / f".{out.name}.versions"


def current_version(out: Path) -> Path | None:
    """The version folder *out* points at, None before the first publish; PublishError
    when *out* is something publish did not make (a file, a folder of other things)."""
    if switch.is_link(out):
        target = out.resolve()
        return target if target.is_dir() else None
    if not out.exists():
        return None
    if out.is_dir():
        if not any(out.iterdir()):
            return None
        raise PublishError(f"--out {out}: a folder that publish did not make; give a new path "
                           "(publish keeps the site as a link to its newest version)")  # fmt: skip
    raise PublishError(f"--out {out}: is a file, not a folder")


def _manifest(version: Path | None) -> dict[str, str]:
    if version is None:
        return {}
    try:
        data = json.loads((version / MANIFEST).read_text("utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def plan(out: Path, files: Mapping[str, bytes], sums: Mapping[str, str] | None = None) -> Plan:
    """What publishing *files* to *out* would change (``--check``); nothing is written."""
    old = _manifest(current_version(out))
    sums = sums if sums is not None else {p: digest(c) for p, c in files.items()}
    added, changed, same = [], [], 0
    for path in files:
        if path not in old:
            added.append(path)
        elif old[path] != sums[path]:
            changed.append(path)
        else:
            same += 1
    removed = sorted(set(old) - set(files))
    return Plan(tuple(sorted(added)), tuple(sorted(changed)), tuple(removed), same)


def _why(exc: OSError, where: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"the disk is full (writing {where})"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write in {where} (no permission or a read-only disk)"
    return f"cannot write {where} ({exc.strerror or type(exc).__name__})"


def _write_version(
    new: Path, files: Mapping[str, bytes], old: Path | None, sums: Mapping[str, str]
) -> set[str]:
    """Write the version; return the paths hard-linked from *old* (unchanged)."""
    before = _manifest(old)
    linked: set[str] = set()
    folders: set[str] = set()
    root, was = os.fspath(new), os.fspath(old) if old is not None else ""
    for path, content in files.items():
        target = f"{root}/{path}"
        folder = target.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        if was and before.get(path) == sums[path]:
            try:
                os.link(f"{was}/{path}", target)
                linked.add(path)
                continue
            except OSError:
                pass  # another file system, or the old file went: write it
        _write(target, content)
    return linked


def _write(target: str, content: bytes) -> None:
    """A new file with *content* (never over one that is there), without Python's buffering."""
    handle = os.open(target, _NEW, 0o644)
    try:
        done = 0
        while done < len(content):
            done += os.write(handle, content[done:] if done else content)
    finally:
        os.close(handle)


def _read(target: str, size: int) -> bytes:
    """Up to *size* + 1 bytes of *target* (one more shows a file that grew)."""
    handle = os.open(target, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks, left = [], size + 1
        while left > 0:
            chunk = os.read(handle, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def _verify(new: Path, files: Mapping[str, bytes], linked: set[str]) -> None:
    """Every file is there at its size; each one written (not linked) reads back the same."""
    root = os.fspath(new)
    for path, content in files.items():
        target = f"{root}/{path}"
        if path in linked:
            same = os.stat(target).st_size == len(content)
        else:
            same = _read(target, len(content)) == content
        if not same:
            raise PublishError(f"{path}: what was written reads back different; nothing published")


def _flush(new: Path, files: Mapping[str, bytes]) -> None:
    """Put the new version on the disk before the switch, in one call where the system has
    one: a crash after the switch must not leave empty pages online. Linux flushes the
    version's file system (``syncfs``), other POSIX systems every disk (``sync``); others
    flush file by file."""
    syncfs = _syncfs()
    if syncfs is not None:
        handle = os.open(new, os.O_RDONLY)
        try:
            if syncfs(handle) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code))
        finally:
            os.close(handle)
    elif hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows: no call flushes a whole folder
        for path in files:
            with open(new / path, "rb+") as written:
                os.fsync(written.fileno())


@lru_cache(maxsize=1)
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes, call.restype = [ctypes.c_int], ctypes.c_int
    return cast("Callable[[int], int]", call)


def _flush_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX; Windows has no handle on a folder)."""
    if os.name != "posix":
        return  # pragma: no cover
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def publish_files(out: Path, files: Mapping[str, bytes], *, base_url: str) -> Published:
    """Write *files* as a new version of the site at *out* and switch to it (see module)."""
    old = current_version(out)
    sums = {path: digest(content) for path, content in files.items()}
    change = plan(out, files, sums)
    versions = versions_of(out)
    try:
        versions.mkdir(parents=True, exist_ok=True)
        new = Path(tempfile.mkdtemp(prefix="site-", dir=versions))
        new.chmod(0o755)  # mkdtemp makes it private; the web server reads it
    except OSError as exc:
        raise PublishError(f"--out {out}: {_why(exc, versions)}") from None
    try:
        linked = _write_version(new, files, old, sums)
        manifest = {"base_url": base_url, "files": sums}
        (new / MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True), "utf-8")
        _verify(new, files, linked)
        _flush(new, files)
        switch.switch(out, new)
        _flush_folder(out.parent)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise PublishError(f"{_why(exc, new)}; the site online is unchanged") from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    for older in versions.iterdir():
        if older.is_dir() and older.resolve() not in (new.resolve(), old):
            shutil.rmtree(older, ignore_errors=True)
    return Published(change, out, new, len(files) - len(linked), len(linked))
