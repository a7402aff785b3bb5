"""The one file writer: temp file in the target folder, every write checked, fsync, verify, replace.

Every file the app writes goes through :func:`write_verified`. A failure at any
step (full disk, no permission, failed check) leaves the old file untouched,
removes the temp file and raises one error naming the cause.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kiosk.domain.file_kinds import KIND_FOLDER
from kiosk.domain.messages import N_, KioskError, Message, as_message, define
from kiosk.render.inputs import existing_kind

FOLDER_MISSING = define("output.folder_missing", N_("output folder {folder} does not exist"))
FOLDER_NOT_WRITABLE = define(
    "output.folder_not_writable", N_("output folder {folder} is not writable")
)
PATH_IS_FOLDER = define("output.path_is_folder", N_("output path {path} is a folder"))
NOT_REGULAR_OUTPUT = define(
    "output.not_regular",
    N_("output path {path} is not a regular file ({kind}); it is left as it is, nothing written"),
)
WRITE_FAILED = define("output.write_failed", N_("could not write {path}: {reason}"))
NO_PERMISSION = define("output.no_permission", N_("no permission to write {path}"))
DISK_FULL = define("output.disk_full", N_("the disk is full"))
READ_ONLY = define("output.read_only", N_("the file system is read-only"))
QUOTA = define("output.quota", N_("the disk quota is used up"))
READ_BACK_DIFFERS = define(
    "output.read_back_differs", N_("the file read back from the disk is not what was written")
)

#: Bytes per ``os.write`` call; each call's result and errno is checked.
CHUNK_BYTES = 64 * 1024
#: A temp file older than this whose writer cannot be checked is left over from a killed run.
STALE_AFTER_S = 60.0
#: A temp file whose writer id names a running process is kept this long (ids get reused).
LIVE_WRITER_GRACE_S = 3600.0

# Fault-injection tests replace these (e.g. with a write failing with ENOSPC).
_os_write = os.write
_os_fsync = os.fsync

# ".{name}.{hex}.tmp{suffix}": hex is the writer's process id (8 hex digits) and 8 random
# ones; 8 random hex digits alone is the older form (no process id).
_TEMP_NAME = re.compile(
    r"^\.(?P<name>.+)\.(?P<hex>[0-9a-f]{16}|[0-9a-f]{8})\.tmp(?P<suffix>\.[A-Za-z0-9]+)?$"
)

T = TypeVar("T")


class OutputPathError(KioskError, OSError):
    """The destination folder is missing or not writable, or the file could not be written."""


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _read_only_file_system(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # not on Windows
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def check_output_dir(path: Path) -> None:
    """Raise OutputPathError unless *path*'s folder exists and is writable."""
    folder = _folder(path)
    if not folder.is_dir():
        raise OutputPathError(FOLDER_MISSING(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        if _read_only_file_system(folder):
            raise OutputPathError(WRITE_FAILED(path=path, reason=READ_ONLY()))
        raise OutputPathError(FOLDER_NOT_WRITABLE(folder=folder))
    check_output_file(path)


def check_output_file(path: Path) -> None:
    """Refuse an existing *path* that is not a regular file, before anything is written.

    The one check every writer makes (through :func:`check_output_dir` and again
    just before the rename): a folder, a named pipe, a device, a socket or a link
    to one of them is never replaced (as root, ``--out /dev/null`` would replace
    the real one). A missing path, a regular file and a dangling link are fine.
    """
    kind = existing_kind(path)
    if kind is None:
        return
    if kind.code == KIND_FOLDER.code:
        raise OutputPathError(PATH_IS_FOLDER(path=path))
    raise OutputPathError(NOT_REGULAR_OUTPUT(path=path, kind=kind))


def write_error(path: Path, exc: OSError) -> OutputPathError:
    """One-line error for a failed write of *path*, naming the cause from its errno."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return OutputPathError(NO_PERMISSION(path=path))
    reason: Message
    if code == errno.ENOSPC:
        reason = DISK_FULL()
    elif code == errno.EROFS:
        reason = READ_ONLY()
    elif code == getattr(errno, "EDQUOT", None):
        reason = QUOTA()
    elif code is not None and exc.strerror:
        reason = as_message(exc.strerror)
    else:
        reason = as_message(str(exc) or type(exc).__name__)
    return OutputPathError(WRITE_FAILED(path=path, reason=reason))


def _writer_running(pid: int) -> bool:
    """Whether process *pid* exists on this machine (True when that cannot be told)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() != 87  # ERROR_INVALID_PARAMETER: no such process
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # e.g. another user's process: it exists
    return True


def _is_stale(entry: Path, hexpart: str, now: float) -> bool:
    try:
        age = now - entry.stat().st_mtime
    except OSError:
        return False
    if len(hexpart) == 16:
        pid = int(hexpart[:8], 16)
        if not _writer_running(pid):
            return True
        return age > LIVE_WRITER_GRACE_S
    return age > STALE_AFTER_S


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files a killed run left in *folder*; return the ones removed.

    Only names of our pattern (``.{name}.{hex}.tmp{suffix}``) are touched, and
    only when their writer process is gone (or, for the older names without a
    process id, when they are over a minute old).
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not match["name"].endswith(match["suffix"] or ""):
            continue
        if not entry.is_file() or entry.is_symlink():
            continue
        if _is_stale(entry, match["hex"], now):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def temp_name(path: Path) -> str:
    """Name of a temp file for *path* in its folder: ``.{name}.{pid}{random}.tmp{suffix}``."""
    return f".{path.name}.{os.getpid() & 0xFFFFFFFF:08x}{secrets.token_hex(4)}.tmp{path.suffix}"


def _create_temp(path: Path) -> tuple[Path, int]:
    folder = _folder(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = folder / temp_name(path)
        try:
            # 0o666 minus the umask, like a normally created file (mkstemp would give 0600).
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = _os_write(fd, view[:CHUNK_BYTES])
        if written <= 0:  # no progress and no errno: treat as a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _read_back(tmp: Path, size: int) -> bytes:
    with tmp.open("rb") as handle:
        return handle.read(size + 1)


def sync_folder(folder: Path) -> None:
    """Make the rename durable: fsync the folder (POSIX only; Windows cannot open folders)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file itself is synced
    finally:
        os.close(fd)


def write_verified(path: Path, data: bytes, verify: Callable[[Path], T]) -> T:
    """Write *data* to *path* through a checked temp file; return what *verify* returned.

    *verify* gets the temp file after it was written, fsynced and read back
    byte for byte; it raises to refuse the file. Only then is the temp file
    moved over *path* (os.replace). On any failure the old *path* is untouched,
    the temp file is removed, and an OSError is turned into OutputPathError
    naming the cause (full disk, no permission, read-only file system, ...).
    """

    def fill(tmp: Path, fd: int) -> None:
        try:
            _write_all(fd, data)
            _os_fsync(fd)
        finally:
            os.close(fd)
        if _read_back(tmp, len(data)) != data:
            raise OutputPathError(WRITE_FAILED(path=path, reason=READ_BACK_DIFFERS()))

    return _through_temp(path, fill, verify)


def write_filled(path: Path, fill: Callable[[Path], object], verify: Callable[[Path], T]) -> T:
    """Like :func:`write_verified` for a file another writer streams: *fill* writes the
    (empty, just created) temp file itself, e.g. SQLite's backup API, so the data is never
    held in memory; it may raise OSError (ENOSPC for a full disk). The file is then
    fsynced and *verify*, which must read all of it (a backup's integrity check), takes
    the place of the byte-for-byte read-back. Same guarantees and errors otherwise.
    """

    def filled(tmp: Path, fd: int) -> None:
        os.close(fd)
        fill(tmp)
        fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            _os_fsync(fd)
        finally:
            os.close(fd)

    return _through_temp(path, filled, verify)


def _through_temp(path: Path, fill: Callable[[Path, int], None], verify: Callable[[Path], T]) -> T:
    """Create the temp file, *fill* it (it closes the descriptor), verify, move into place."""
    check_output_dir(path)
    folder = _folder(path)
    clean_stale_temps(folder)
    try:
        tmp, fd = _create_temp(path)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        try:
            fill(tmp, fd)
            result = verify(tmp)
            check_output_file(path)  # again: it may have become a pipe or link meanwhile
            os.replace(tmp, path)
        except OutputPathError:
            raise
        except OSError as exc:
            raise write_error(path, exc) from None
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    sync_folder(folder)
    return result
