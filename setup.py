"""Setuptools hook: copy the top-level ``assets/`` into the built package as ``kiosk/assets``.

Everything else is declared in pyproject.toml. A source checkout and an
editable install use ``assets/`` at the repository root; a wheel (non-editable
install) carries the same files inside the package, where kiosk.resources
looks first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithAssets(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "kiosk" / "assets"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "assets", target)


setup(cmdclass={"build_py": BuildPyWithAssets})
