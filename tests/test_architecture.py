"""Layering holds statically (import-linter) and at run time (what an import really loads)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("PySide6", "sqlalchemy", "alembic", "PIL", "qrcode", "zxingcpp", "openpyxl")


def _loaded_after(code: str) -> set[str]:
    """Top-level packages from HEAVY that a fresh interpreter has loaded after *code*."""
    script = textwrap.dedent(code) + textwrap.dedent(
        f"""
        import sys
        print(" ".join(sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return set(result.stdout.split())


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).parent / (
        "lint-imports.exe" if sys.platform == "win32" else "lint-imports"
    )
    if not linter.exists():
        pytest.fail(f"lint-imports not installed next to {sys.executable} (dev extras)")
    result = subprocess.run(
        [str(linter)], capture_output=True, text=True, timeout=300, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "broken" in result.stdout and "0 broken" in result.stdout, result.stdout[-2000:]


def test_domain_loads_no_qt_database_or_imaging() -> None:
    loaded = _loaded_after(
        """
        import importlib, pkgutil
        import kiosk.domain
        for info in pkgutil.walk_packages(kiosk.domain.__path__, "kiosk.domain."):
            importlib.import_module(info.name)
        """
    )
    assert loaded == set(), f"kiosk.domain pulled in {sorted(loaded)}"


def test_render_draws_without_widgets_or_database() -> None:
    # import-linter cannot forbid PySide6.QtWidgets (a sub-module of an external package).
    script = """
        import importlib, pkgutil, sys
        import kiosk.render
        for info in pkgutil.walk_packages(kiosk.render.__path__, "kiosk.render."):
            importlib.import_module(info.name)
        print("QtWidgets" if "PySide6.QtWidgets" in sys.modules else "no-widgets")
        """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["no-widgets"], "kiosk.render imported PySide6.QtWidgets"
    loaded = _loaded_after(
        "import importlib, pkgutil, kiosk.render\n"
        "for i in pkgutil.walk_packages(kiosk.render.__path__, 'kiosk.render.'):\n"
        "    importlib.import_module(i.name)"
    )
    assert not loaded & {"sqlalchemy", "alembic"}, f"kiosk.render pulled in {sorted(loaded)}"


def test_probe_sees_heavy_imports() -> None:
    # The probe itself must notice a heavy import, or the tests above prove nothing.
    assert _loaded_after("import sqlalchemy") == {"sqlalchemy"}


def test_command_line_parser_is_light() -> None:
    # `market-kiosk --help` and start-up must not pay for Qt or SQLAlchemy before they
    # are needed (docs/architecture.md, known traps: import cost dominates start-up).
    loaded = _loaded_after("import kiosk.cli\nkiosk.cli.build_parser()")
    assert loaded == set(), f"building the CLI parser imported {sorted(loaded)}"


def test_no_import_cycles_lazy_or_not() -> None:
    """Function-level (lazy) imports count too; only TYPE_CHECKING imports are left out."""
    import grimp

    graph = grimp.build_graph("kiosk", exclude_type_checking_imports=True)
    modules = sorted(graph.modules)
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.find_modules_directly_imported_by(module)):
            if not target.startswith("kiosk") or target == module:
                continue
            if module.startswith(target + "."):
                continue  # a module importing its own package's __init__ is not a loop
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in modules:
        if module not in state:
            visit(module)
    assert cycles == [], "import loops: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("kiosk/ui/tourist/bad_reach.py", "from kiosk.data.db import Database"),
        ("kiosk/cli/bad_reach.py", "import kiosk.data.seed"),
        ("kiosk/ui/merchant/bad_reach.py", "from sqlalchemy import select"),
        ("kiosk/render/bad_reach.py", "from kiosk.services.app import Services"),
        ("kiosk/ui/tourist/bad_mode.py", "import kiosk.ui.merchant.qr_screen"),
        ("kiosk/ui/merchant/bad_door.py", "from kiosk.services.qr.store_codes import check_kakao"),
        ("kiosk/cli/bad_door.py", "from kiosk.render.decode import decode_image_file"),
        ("kiosk/qa/bad_door.py", "import kiosk.services.parts.codes"),
        ("kiosk/services/bad_query.py", "from sqlalchemy import select"),
    ],
)
def test_contracts_fail_when_a_screen_or_command_reaches_the_database(
    tmp_path: Path, where: str, line: str
) -> None:
    """The contracts are not decoration: a copy of the package with one bad import breaks them."""
    import shutil

    linter = Path(sys.executable).parent / (
        "lint-imports.exe" if sys.platform == "win32" else "lint-imports"
    )
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / where).write_text(f'"""Bad on purpose."""\n\n{line}\n', encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [str(linter), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode != 0, result.stdout[-3000:]
    assert "BROKEN" in result.stdout, result.stdout[-3000:]


def _kiosk_sources() -> list[Path]:
    """The package's modules (the shipped Alembic migrations are history, not code to split)."""
    return [
        path
        for path in sorted((ROOT / "kiosk").rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def test_no_module_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in _kiosk_sources()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}, f"modules over 400 lines: {long}"


def test_no_function_over_80_lines() -> None:
    import ast

    long: dict[str, int] = {}
    for path in _kiosk_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > 80:
                    long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = lines
    assert long == {}, f"functions over 80 lines: {long}"
