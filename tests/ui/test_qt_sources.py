"""PySide6's import hook still runs, but linecache no longer keeps every module's source."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

import kiosk.ui  # noqa: F401  (forgets scanned sources on import)
from kiosk.ui.qt_sources import forget_scanned_sources


def test_a_module_imported_after_pyside6_leaves_no_lines_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "_kiosk_forgets", False)
    source = tmp_path / "kiosk_probe_module.py"
    source.write_text("VALUE = 1\n" * 500, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("kiosk_probe_module")
    try:
        assert module.VALUE == 1
        assert str(source) not in linecache.cache
        assert linecache.getline(str(source), 1) == "VALUE = 1\n"  # read again on demand
    finally:
        sys.modules.pop("kiosk_probe_module", None)


def test_forgetting_twice_wraps_the_hook_once() -> None:
    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    forget_scanned_sources()
    assert feature._mod_uses_pyside is before


def test_our_own_and_standard_modules_are_not_read_by_the_hook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hook's answer for our modules is "uses PySide6", for the standard library's
    "does not", without reading their source; other packages' sources are read."""
    import inspect
    import types

    feature = sys.modules["shibokensupport.feature"]

    def no_reading(module: object) -> str:
        raise AssertionError(f"the source of {module!r} was read")

    monkeypatch.setattr(inspect, "getsource", no_reading)
    assert feature._mod_uses_pyside(types.ModuleType("kiosk.probe")) is True
    assert feature._mod_uses_pyside(types.ModuleType("kiosk")) is True
    assert feature._mod_uses_pyside(types.ModuleType("typing")) is False
    assert feature._mod_uses_pyside(types.ModuleType("urllib.parse")) is False
    with pytest.raises(AssertionError, match="kiosk_other"):
        feature._mod_uses_pyside(types.ModuleType("kiosk_other"))
