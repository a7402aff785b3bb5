"""PySide6 reads each later import's source: not our own modules', and linecache keeps none."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def forget_scanned_sources() -> None:
    """Stop PySide6's import hook from filling :mod:`linecache` (~20 MiB in the app).

    PySide6 (6.x, ``shibokensupport.feature``) calls ``inspect.getsource`` on every
    module imported after it, to see whether it opts into ``__feature__``; linecache
    keeps every such file's lines for the life of the process (~540 files, 250,000
    lines here). The check stays for other packages; each file's lines are dropped once it
    is done (a traceback reads them again when it needs them). Our own modules and the
    standard library's are not read at all (~1% of the start-up: 30 modules before the
    first frame, ``typing`` and ``pathlib`` among them): ours count as modules that use
    PySide6, the standard library's as modules that do not; the answer matters only to a
    module importing ``__feature__``, which none does. Idempotent; a PySide6 without the
    hook is left alone.
    """
    import PySide6  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "_kiosk_forgets", False):
        return

    def check_and_forget(module: ModuleType) -> object:
        package = getattr(module, "__name__", "").partition(".")[0]
        if package == "kiosk":
            return True
        if package in sys.stdlib_module_names:  # the standard library never uses PySide6
            return False
        try:
            return check(module)
        finally:
            filename = getattr(module, "__file__", None)
            if filename:
                linecache.cache.pop(filename, None)

    check_and_forget._kiosk_forgets = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check_and_forget  # type: ignore[union-attr]
    linecache.clearcache()
