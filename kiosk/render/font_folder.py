"""Hand the bundled fonts' folder to fontconfig (Linux), on a worker thread at start-up."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

_threads: dict[Path, threading.Thread] = {}
_taken: dict[Path, bool] = {}
_lock = threading.Lock()


def start(folder: Path) -> None:
    """Begin adding *folder* to fontconfig's application fonts on a worker thread.

    fontconfig reads its configuration and its cache of the folder (~5 ms) while the
    main thread imports Qt; ctypes lets go of Python's lock for the call. A no-op off
    Linux and when the folder was handed over already.
    """
    if not sys.platform.startswith("linux"):
        return
    with _lock:
        if folder in _threads:
            return
        thread = threading.Thread(target=_add, args=(folder,), name="fontconfig", daemon=True)
        _threads[folder] = thread
    thread.start()


def taken(folder: Path) -> bool:
    """True once fontconfig has taken *folder* (waits for :func:`start`'s thread, or hands
    the folder over now); False off Linux or without a usable fontconfig."""
    start(folder)
    with _lock:
        thread = _threads.get(folder)
    if thread is not None:
        thread.join()
    return _taken.get(folder, False)


def _add(folder: Path) -> None:
    try:
        import ctypes

        fontconfig = ctypes.CDLL("libfontconfig.so.1")
        add_dir = fontconfig.FcConfigAppFontAddDir
        add_dir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        add_dir.restype = ctypes.c_int
        _taken[folder] = bool(add_dir(None, os.fsencode(folder)))
    except (OSError, AttributeError):  # no fontconfig library, or one without the call
        _taken[folder] = False
