"""The site folder as a link to its newest version, switched in one step on every system.

On POSIX ``DIR`` is a symbolic link, replaced by a new one in one ``rename``. Windows
lets only administrators (or Developer Mode) make symbolic links, and cannot rename a
folder over another, so there ``DIR`` is a directory junction (any user may make one,
on NTFS): the first publish makes it under another name and renames it into place,
each later publish points the same junction at the new version in one call
(``FSCTL_SET_REPARSE_POINT`` on the junction: the file system replaces its target at
once). Either way a reader (the web server) finds ``DIR`` at every moment, showing
the old version or the new one whole.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

#: The tag of a directory junction (a "mount point" reparse point).
MOUNT_POINT_TAG = 0xA0000003
_FSCTL_SET_REPARSE_POINT = 0x000900A4
_GENERIC_WRITE = 0x40000000
_OPEN_EXISTING = 3
_FLAG_BACKUP_SEMANTICS = 0x02000000
_FLAG_OPEN_REPARSE_POINT = 0x00200000


def windows() -> bool:
    """Whether the Windows way is used (a function, so the tests can take that way here)."""
    return os.name == "nt"


def is_link(out: Path) -> bool:
    """Whether *out* is the link publish makes (a symbolic link, or on Windows a junction)."""
    if out.is_symlink():
        return True
    try:
        info = os.lstat(out)
    except OSError:
        return False
    return getattr(info, "st_reparse_tag", 0) == MOUNT_POINT_TAG


def switch(out: Path, new: Path) -> None:
    """Point *out* at the version folder *new* in one step (see the module docstring).

    *out* is missing, an empty folder (made by hand) or the link a publish made.
    """
    if windows():
        _switch_junction(out, new)
    else:
        _switch_symlink(out, new)


def _switch_symlink(out: Path, new: Path) -> None:
    link = new.parent / f".link-{new.name}"
    os.symlink(os.path.relpath(new, out.parent), link, target_is_directory=True)
    if out.is_dir() and not is_link(out):
        out.rmdir()  # an empty folder made by hand (checked by writer.current_version)
    os.replace(link, out)


def _switch_junction(out: Path, new: Path) -> None:
    if is_link(out):
        retarget_junction(out, new.resolve())
        return
    link = new.parent / f".link-{new.name}"
    make_junction(new.resolve(), link)
    try:
        if out.is_dir():
            out.rmdir()  # an empty folder made by hand
        os.rename(link, out)  # nothing is at *out*: a rename that cannot replace is enough
    except OSError:
        remove_link(link)
        raise


def remove_link(link: Path) -> None:
    """Remove the link itself, never what it points at (a junction goes as a folder)."""
    try:
        os.unlink(link)
    except (IsADirectoryError, PermissionError):
        os.rmdir(link)


def make_junction(target: Path, at: Path) -> None:
    """A new directory junction *at* pointing at the absolute folder *target* (Windows)."""
    import _winapi

    _winapi.CreateJunction(str(target), str(at))  # type: ignore[attr-defined]  # Windows only


def mount_point_data(target: Path) -> bytes:
    """The reparse data of a junction to the absolute folder *target*: a
    REPARSE_DATA_BUFFER with the NT path (``\\??\\C:\\...``) and the printed one."""
    printed = str(target).encode("utf-16-le")
    substitute = ("\\??\\" + str(target)).encode("utf-16-le")
    names = substitute + b"\0\0" + printed + b"\0\0"
    header = struct.pack(
        "<HHHH", 0, len(substitute), len(substitute) + 2, len(printed)
    )  # substitute name offset and length, print name offset and length
    body = header + names
    return struct.pack("<IHH", MOUNT_POINT_TAG, len(body), 0) + body


def retarget_junction(junction: Path, target: Path) -> None:
    """Point the existing *junction* at *target* in one call (Windows; raises OSError)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [
        wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
        wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE,
    ]  # fmt: skip
    kernel32.DeviceIoControl.argtypes = [
        wintypes.HANDLE, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
        wintypes.LPVOID, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD), wintypes.LPVOID,
    ]  # fmt: skip
    flags = _FLAG_BACKUP_SEMANTICS | _FLAG_OPEN_REPARSE_POINT
    handle = kernel32.CreateFileW(
        str(junction), _GENERIC_WRITE, 0, None, _OPEN_EXISTING, flags, None
    )
    if handle in (None, wintypes.HANDLE(-1).value):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    try:
        data = mount_point_data(target)
        buffer = ctypes.create_string_buffer(data, len(data))
        returned = wintypes.DWORD(0)
        done = kernel32.DeviceIoControl(
            handle, _FSCTL_SET_REPARSE_POINT, buffer, len(data), None, 0,
            ctypes.byref(returned), None,
        )  # fmt: skip
        if not done:
            raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    finally:
        kernel32.CloseHandle(handle)
