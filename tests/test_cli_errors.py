"""kiosk.cli.errors: the shared error helpers, so no command module imports the package back."""

from __future__ import annotations

import ast
from pathlib import Path

from kiosk.cli.errors import PROG, CliError, error_line

CLI = Path(__file__).resolve().parents[1] / "kiosk" / "cli"


def _imports(path: Path) -> set[str]:
    """Every module *path* imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_command_module_imports_the_cli_package_back() -> None:
    modules = [path for path in CLI.glob("*.py") if path.name != "__init__.py"]
    assert {path.stem for path in modules} >= {"admin", "errors", "exchange", "onboarding", "qr"}
    loops = {path.name: "kiosk.cli" for path in modules if "kiosk.cli" in _imports(path)}
    assert loops == {}


def test_the_errors_module_imports_no_command() -> None:
    assert not any(name.startswith("kiosk.cli") for name in _imports(CLI / "errors.py"))


def test_error_line_is_one_masked_line() -> None:
    line = error_line("cannot open postgresql://k:s3cret@db/m:\n  refused\x1b[2J")
    assert line.startswith(f"{PROG}: error: cannot open postgresql://k:***@db/m: refused")
    assert "\n" not in line and "\x1b" not in line and "s3cret" not in line


def test_the_package_still_offers_the_helpers() -> None:
    import kiosk.cli

    assert kiosk.cli.CliError is CliError and kiosk.cli.error_line is error_line
