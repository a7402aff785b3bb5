"""Hand the bundled fonts' folder to fontconfig (Linux), on a worker thread at start-up."""

from __future__ import annotations

import _thread
import os
import sys
from collections.abc import Callable
from pathlib import Path

#: Per folder: a lock the worker holds until fontconfig has answered.
_running: dict[Path, _thread.LockType] = {}
_taken: dict[Path, bool] = {}
#: The folders handed over before Qt's GUI module was imported: Qt cannot have listed its
#: fonts yet, so the list it makes will have the folder's.
_before_qt: set[Path] = set()
_lock = _thread.allocate_lock()


def start(folder: Path) -> None:
    """Begin adding *folder* to fontconfig's application fonts on a worker thread.

    fontconfig reads its configuration and its cache of the folder (~5 ms) while the
    main thread imports Qt. The library is loaded here (Qt loads it anyway) and the
    worker only makes the one call, in which ctypes lets go of Python's lock; nor does
    the main thread wait for the worker to start (``threading.Thread.start`` would), so
    on a busy machine it is never held up by a thread that has not been scheduled yet.
    A no-op off Linux and when the folder was handed over already.
    """
    if not sys.platform.startswith("linux"):
        return
    with _lock:
        if folder in _running:
            return
        done = _thread.allocate_lock()
        done.acquire()
        _running[folder] = done
        if "PySide6.QtGui" not in sys.modules:
            _before_qt.add(folder)
    add_dir = _add_dir_function()
    if add_dir is None:
        _taken[folder] = False
        done.release()
        return
    _thread.start_new_thread(_add, (add_dir, folder, done))


def taken(folder: Path) -> bool:
    """True once fontconfig has taken *folder* (waits for :func:`start`'s thread, or hands
    the folder over now); False off Linux or without a usable fontconfig."""
    start(folder)
    with _lock:
        done = _running.get(folder)
    if done is not None:
        with done:  # released by the worker when fontconfig has answered
            pass
    return _taken.get(folder, False)


def before_qt(folder: Path) -> bool:
    """True when :func:`start` handed *folder* over before ``PySide6.QtGui`` was imported, so
    Qt's font list, made later, includes the folder's fonts (if fontconfig took them)."""
    return folder in _before_qt


def _add_dir_function() -> Callable[[None, bytes], int] | None:
    """fontconfig's ``FcConfigAppFontAddDir``, or None without a usable fontconfig."""
    try:
        import ctypes

        fontconfig = ctypes.CDLL("libfontconfig.so.1")
        add_dir = fontconfig.FcConfigAppFontAddDir
    except (OSError, AttributeError):  # no fontconfig library, or one without the call
        return None
    add_dir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    add_dir.restype = ctypes.c_int
    return add_dir


def _add(add_dir: Callable[[None, bytes], int], folder: Path, done: _thread.LockType) -> None:
    try:
        _taken[folder] = bool(add_dir(None, os.fsencode(folder)))
    finally:
        done.release()
