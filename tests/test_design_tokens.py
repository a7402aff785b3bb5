"""Design tokens live once in kiosk.domain.design; screens and all three print paths use them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kiosk.domain import design

ROOT = Path(__file__).resolve().parent.parent
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
#: Where colours are drawn; only design.py (outside these folders) may spell a palette value.
SCANNED = (ROOT / "kiosk" / "ui", ROOT / "kiosk" / "render", ROOT / "assets" / "styles")
#: The three ways a QR code reaches paper: file export, table stands, the print dialog.
PRINT_PATHS = (
    ROOT / "kiosk" / "render" / "export.py",
    ROOT / "kiosk" / "render" / "stand_page.py",
    ROOT / "kiosk" / "ui" / "widgets" / "qr_print.py",
)
RULE_NAMES = {"MIN_QR_SYMBOL_MM", "meets_print_rule"}


def palette() -> set[str]:
    return {
        value.upper()
        for name, value in vars(design).items()
        if name.isupper() and isinstance(value, str) and HEX.fullmatch(value)
    }


def palette_literals(text: str) -> list[str]:
    """Hex colour literals in *text* that spell a palette value."""
    wanted = palette()
    return [m.group() for m in HEX.finditer(text) if m.group().upper() in wanted]


def test_palette_is_the_documented_one() -> None:
    assert (design.PAPER, design.CARD, design.INK, design.MUTED) == (
        "#F6F3EC",
        "#FFFFFF",
        "#1B1B1B",
        "#5A5A5A",
    )
    assert (design.PRIMARY, design.ON_PRIMARY, design.ACCENT, design.KAKAO) == (
        "#0B5D45",
        "#FFFFFF",
        "#B3410E",
        "#FEE500",
    )
    assert (design.QR_DARK, design.QR_LIGHT) == (design.INK, design.WHITE)
    assert design.TYPE_SCALE == (16, 20, 24, 32, 48, 64)
    assert (design.GRID, design.TOUCH, design.TOUCH_MERCHANT) == (8, 48, 64)


def test_theme_reads_the_tokens() -> None:
    from kiosk.ui import theme

    assert (theme.PAPER, theme.PRIMARY, theme.BODY, theme.GRID) == (
        design.PAPER,
        design.PRIMARY,
        design.BODY,
        design.GRID,
    )
    assert theme.TOKENS["kakao"] == design.KAKAO


def test_the_scanner_finds_a_repeated_palette_colour() -> None:
    assert palette_literals('QColor("#f6f3ec"), "#123456", "#FEE500"') == ["#f6f3ec", "#FEE500"]
    assert palette_literals("colour: $paper; width: 3px") == []


def test_no_palette_colour_is_repeated_outside_design() -> None:
    found = []
    for folder in SCANNED:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in {".py", ".qss", ".svg"}:
                continue
            for literal in palette_literals(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(ROOT)}: {literal}")
    assert not found, "use kiosk.domain.design instead of:\n" + "\n".join(found)


def _names_from_design(path: Path) -> set[str]:
    """Names a module takes from kiosk.domain.design (imported, or read as design.X)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "kiosk.domain.design":
            names |= {alias.name for alias in node.names}
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "design"
        ):
            names.add(node.attr)
    return names


def _number_literals(path: Path) -> set[float]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        float(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float)
    }


@pytest.mark.parametrize("path", PRINT_PATHS, ids=lambda p: p.name)
def test_every_print_path_uses_the_3cm_rule(path: Path) -> None:
    assert _names_from_design(path) & RULE_NAMES, f"{path.name} does not use the 3 cm rule"
    assert design.MIN_QR_SYMBOL_MM not in _number_literals(path), (
        f"{path.name} spells the 3 cm rule as a number instead of design.MIN_QR_SYMBOL_MM"
    )


def test_the_rule_checker_reads_a_module_without_it(tmp_path: Path) -> None:
    stray = tmp_path / "stray.py"
    stray.write_text("from kiosk.domain.design import INK\nMIN = 30.0\n", encoding="utf-8")
    assert not _names_from_design(stray) & RULE_NAMES
    assert design.MIN_QR_SYMBOL_MM in _number_literals(stray)


def test_print_rule_boundary() -> None:
    assert design.MIN_QR_SYMBOL_MM == 30.0
    assert design.meets_print_rule(30.0)
    assert not design.meets_print_rule(29.9)
    assert design.mm_to_px(25.4) == 300.0


def test_stands_never_shrink_a_code_below_the_rule() -> None:
    from kiosk.render import stand_page as stands

    assert min(symbol for _scale, symbol in stands.FIT_STEPS) >= design.MIN_QR_SYMBOL_MM
    assert stands.MIN_SYMBOL_MM >= design.MIN_QR_SYMBOL_MM
    assert (stands.PAGE_W, stands.PAGE_H) == design.STAND_SIZES_MM["a6"] == (105.0, 148.0)
