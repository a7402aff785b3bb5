"""Setuptools hook: put ``assets/`` and the compiled gettext catalogs into built packages.

Everything else is declared in pyproject.toml. A wheel (non-editable install)
carries ``assets/`` inside the package as ``kiosk/assets``, where kiosk.resources
looks first, and ``kiosk/locale/<locale>/LC_MESSAGES/kiosk.mo`` compiled from
``i18n/<locale>/LC_MESSAGES/kiosk.po`` (the .mo files are build outputs, not in
git). An editable install uses ``assets/`` at the repository root and gets its
catalogs compiled into ``kiosk/locale`` of the checkout (ignored by git).
Compiling needs Babel, so pyproject.toml lists it in ``[build-system] requires``.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def catalogs_tool() -> ModuleType:
    """``i18n/catalogs.py`` (the same compiler ``python3 dev.py i18n`` runs), loaded by path."""
    spec = importlib.util.spec_from_file_location("_kiosk_catalogs", ROOT / "i18n" / "catalogs.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("i18n/catalogs.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_catalogs_into(locale_dir: Path) -> None:
    """Write ``<locale_dir>/<locale>/LC_MESSAGES/kiosk.mo`` for every shipped locale."""
    tool = catalogs_tool()
    from babel.messages.pofile import read_po

    for locale in tool.LOCALES:
        with tool.po_path(locale).open("rb") as po_file:
            catalog = read_po(po_file, locale=locale, domain=tool.DOMAIN)
        target = locale_dir / locale / "LC_MESSAGES" / f"{tool.DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(tool.compile_mo(catalog))


class BuildPyWithAssets(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # The checkout is the package: compile into kiosk/locale (only what changed).
            catalogs_tool().compile_all()
            return
        package = Path(self.build_lib) / "kiosk"
        target = package / "assets"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "assets", target)
        compile_catalogs_into(package / "locale")


setup(cmdclass={"build_py": BuildPyWithAssets})
