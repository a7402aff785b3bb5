"""Read regular files only: a pipe, device, socket or folder is refused at once, never opened."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.domain.file_kinds import special_kind
from kiosk.domain.messages import N_, KioskError, Message, define

NOT_REGULAR_INPUT = define(
    "file_kind.not_regular_input", N_("{path} is not a regular file ({kind}); it is not read")
)
TOO_BIG = define("file_kind.too_big", N_("{path} is larger than {mb} MB; it is not read"))


class NotRegularFile(KioskError, OSError):
    """*path* exists but is not a regular file (or a link to one); ``kind`` names what it is."""

    def __init__(self, message: Message, *, path: Path, kind: Message) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind


class FileTooBig(KioskError, OSError):
    """A file over the size a reader takes: ``size`` bytes (at least), ``size_limit`` allowed."""

    def __init__(self, path: Path, size_limit: int, *, size: int) -> None:
        super().__init__(TOO_BIG(path=path, mb=max(1, size_limit // (1024 * 1024))))
        self.path = path
        self.size_limit = size_limit
        self.size = size


def existing_kind(path: Path) -> Message | None:
    """What *path* (or what its link points to) is, when it exists and is not a regular file.

    None for a regular file, a missing path and a dangling link (replacing either
    creates a regular file and touches nothing else).
    """
    try:
        mode = os.stat(path).st_mode  # follows links: a link to /dev/null is a device
    except OSError:  # missing, a dangling link, or unreadable: the writer names that itself
        return None
    return special_kind(mode)


def check_regular_input(path: Path) -> os.stat_result:
    """``os.stat(path)``, refusing at once what is not a regular file (no open, so no hang).

    Raises NotRegularFile, or the OSError of the stat (FileNotFoundError, ...).
    """
    info = os.stat(path)
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise NotRegularFile(NOT_REGULAR_INPUT(path=path, kind=kind), path=path, kind=kind)
    return info


def read_regular_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of the regular file *path*, at most *max_bytes* of them.

    Checked with os.stat before opening (opening a named pipe would wait for a
    writer forever) and again on the open file, which is opened with O_NONBLOCK
    where the system has it. Raises NotRegularFile, or OSError (missing, no
    permission, too big: ``errno.EFBIG``).
    """
    check_regular_input(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind is not None:  # swapped for a pipe between the stat and the open
            raise NotRegularFile(NOT_REGULAR_INPUT(path=path, kind=kind), path=path, kind=kind)
        if info.st_size > max_bytes:
            raise FileTooBig(path, max_bytes, size=info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew since fstat
        raise FileTooBig(path, max_bytes, size=len(data))
    return data
