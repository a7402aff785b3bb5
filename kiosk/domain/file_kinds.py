"""What a path is when it is not a regular file (pipe, device, socket, folder), for people."""

from __future__ import annotations

import stat

from kiosk.domain.messages import N_, Message, define

KIND_FIFO = define("file_kind.fifo", N_("a named pipe"))
KIND_DEVICE = define("file_kind.device", N_("a device"))
KIND_SOCKET = define("file_kind.socket", N_("a socket"))
KIND_FOLDER = define("file_kind.folder", N_("a folder"))
KIND_OTHER = define("file_kind.other", N_("a special file"))


def special_kind(mode: int) -> Message | None:
    """What a file of *mode* is when it is not a regular file (None for a regular file).

    Portable: on Windows there are no pipes or sockets in the file system, and
    ``stat.S_ISREG`` tells files from folders there too.
    """
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return KIND_FOLDER()
    if stat.S_ISFIFO(mode):
        return KIND_FIFO()
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return KIND_DEVICE()
    if stat.S_ISSOCK(mode):
        return KIND_SOCKET()
    return KIND_OTHER()
