"""i18n/han_table.py: the Traditional -> Simplified table keeps one-form characters only."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from kiosk.domain import han_table

TOOL = Path(__file__).resolve().parent.parent / "i18n" / "han_table.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("han_table_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_characters_with_one_simplified_form_and_chains_resolved() -> None:
    lines = [
        "# comment",
        "雞\t鸡",
        "乾\t干 乾",  # two forms: left out
        "麵\t面 麺",
        "甲\t乙",  # a chain: 甲 -> 乙 -> 丙 becomes 甲 -> 丙
        "乙\t丙",
        "臺灣\t台湾",  # a phrase: left out
        "",
    ]
    assert _tool().one_to_one(lines) == {"乙": "丙", "甲": "丙", "雞": "鸡"}


def test_the_generated_table_renders_as_shipped() -> None:
    tool = _tool()
    pairs = dict(zip(han_table.TRADITIONAL, han_table.SIMPLIFIED, strict=True))
    rendered = tool.render(pairs, f"{len(pairs)} characters")
    assert rendered == Path(han_table.__file__).read_text(encoding="utf-8")
