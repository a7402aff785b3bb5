"""Disabled buttons look disabled: 3:1 against the enabled look, read from the QSS colours."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui import theme

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def declarations(sheet: str, selector: str) -> dict[str, str]:
    """The properties of every rule naming *selector* exactly, later rules winning."""
    found: dict[str, str] = {}
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        if selector in (s.strip() for s in selectors.split(",")):
            for part in body.split(";"):
                if ":" in part:
                    name, value = part.split(":", 1)
                    found[name.strip()] = value.strip()
    return found


def _colour(value: str) -> str:
    match = re.search(r"#[0-9A-Fa-f]{6}", value)
    assert match is not None, value
    return match.group(0)


APP = theme.stylesheet("app")
#: (kind, the enabled look's property that carries it, the disabled property compared)
CASES = [
    ("primary", "background", "background"),  # 이대로 가져오기, 저장: a green fill
    ("big", "background", "background"),
    ("kakao", "color", "color"),  # a light yellow fill: the text carries it
    ("", "color", "color"),  # a plain button: dark text
    ("choice", "color", "color"),
    ("back", "color", "color"),
]


def _selector(kind: str, state: str = "") -> str:
    base = f'QPushButton[kind="{kind}"]' if kind else "QPushButton"
    return base + state


@pytest.mark.parametrize("variant", ["app", "merchant", "onboarding"])
@pytest.mark.parametrize(("kind", "enabled_prop", "disabled_prop"), CASES)
def test_disabled_differs_from_enabled_by_3_to_1(
    variant: theme.Variant, kind: str, enabled_prop: str, disabled_prop: str
) -> None:
    enabled = {**declarations(APP, "QPushButton"), **declarations(APP, _selector(kind))}
    sheet = theme.stylesheet(variant)
    disabled = declarations(sheet, _selector(kind, ":disabled"))
    assert disabled, f"{variant}: no disabled rule for {kind or 'plain'} buttons"
    live = _colour(enabled.get(enabled_prop, enabled.get("color", "")))
    dead = _colour(disabled[disabled_prop])
    assert contrast(live, dead) >= 3.0, (variant, kind, live, dead)
    # Still readable, and a dashed border besides colour.
    assert contrast(_colour(disabled["color"]), _colour(disabled["background"])) >= 4.5
    assert "dashed" in disabled["border"]


def test_a_disabled_primary_button_is_drawn_unlike_an_enabled_one(qtbot: QtBot) -> None:
    """What the screen shows: the fill pixels of the two buttons differ by 3:1."""
    fills = []
    for enabled in (True, False):
        button = QPushButton("저장")
        button.setProperty("kind", "primary")
        button.setEnabled(enabled)
        qtbot.add_widget(button)
        button.resize(200, 64)
        button.show()
        qtbot.wait_exposed(button)
        pixel = button.grab().toImage().pixelColor(12, 32)
        fills.append(pixel.name().upper())
    assert contrast(*fills) >= 3.0, fills
