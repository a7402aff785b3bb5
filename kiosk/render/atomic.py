"""Atomic file output: write to a temp file in the destination folder, check, then replace."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from kiosk.domain.messages import N_, KioskError, define

FOLDER_MISSING = define("output.folder_missing", N_("output folder {folder} does not exist"))
FOLDER_NOT_WRITABLE = define(
    "output.folder_not_writable", N_("output folder {folder} is not writable")
)
PATH_IS_FOLDER = define("output.path_is_folder", N_("output path {path} is a folder"))
CANNOT_WRITE_IN = define("output.cannot_write_in", N_("cannot write in {folder}: {reason}"))
COULD_NOT_WRITE = define("output.could_not_write", N_("could not write {path}"))


class OutputPathError(KioskError, OSError):
    """The destination folder is missing or not writable, or the file could not be written."""


def check_output_dir(path: Path) -> None:
    """Raise OutputPathError unless *path*'s folder exists and is writable."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputPathError(FOLDER_MISSING(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(FOLDER_NOT_WRITABLE(folder=folder))
    if path.is_dir():
        raise OutputPathError(PATH_IS_FOLDER(path=path))


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temp path next to *path*; on normal exit move it over *path* with os.replace.

    The body writes the temp file and verifies it; any exception removes the
    temp file, so no partial or unverified file ever appears at *path*.
    """
    check_output_dir(path)
    folder = path.parent if str(path.parent) else Path(".")
    while True:
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp{path.suffix}"
        try:
            # 0o666 minus the umask, like a normally created file (mkstemp would give 0600).
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputPathError(CANNOT_WRITE_IN(folder=folder, reason=exc.strerror)) from None
        os.close(fd)
        break
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
