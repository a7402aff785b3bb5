"""Manager > Markets > Search words: edit a market's synonyms as lines, bad input named."""

from __future__ import annotations

import pytest
from ui_helpers import click

from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import synonyms_screen
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell


def _stalls(services: Services, query: str) -> list[str]:
    found = services.directory.list_stores(market_slug="dongmun", query=query)
    return [s.stall_number for s in found]


def test_from_markets_edit_save_and_search_at_once(
    manager: ManagerFlow, own_services: Services, shell: Shell
) -> None:
    manager.show_page("markets")
    assert ops.wait_idle()
    manager.markets.select("dongmun")
    click(manager.markets.synonyms_button)
    assert shell.current_screen_name() == synonyms_screen.SCREEN
    page = manager.synonyms
    assert page.current_slug() == "dongmun"
    assert "귤 = 감귤 = 밀감 = mandarin" in page.editor.toPlainText()
    assert "the default list" in page.which.text() and not page.reset_button.isEnabled()
    page.editor.setPlainText(page.editor.toPlainText() + "\n\n한라봉 ＝ 부지화")
    click(page.save_button)
    assert page.message.text().startswith("⚠"), page.message.text()  # 한라봉 is in two groups
    assert "“한라봉” is in group 2 and in group 40" in page.message.text()
    assert page.editor.textCursor().selectedText().startswith("한라봉 ＝ 부지화")
    text = page.editor.toPlainText().replace("한라봉 = hallabong", "hallabong", 1)
    page.editor.setPlainText(text)
    click(page.save_button)
    assert page.message.text().startswith("✓"), page.message.text()
    assert "own list" in page.which.text() and page.reset_button.isEnabled()
    assert _stalls(own_services, "부지화") == _stalls(own_services, "한라봉") != []
    click(page.reset_button)
    assert page.message.text().startswith("⚠ Replace")  # asked first
    assert not own_services.search.synonyms(market_slug="dongmun").is_default
    click(page.reset_button)
    assert own_services.search.synonyms(market_slug="dongmun").is_default
    assert "부지화" not in page.editor.toPlainText()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("귤 = 감귤\n=", "Group 2 has no words."),
        ("귤 = " + "x" * 41, "41 characters; at most 40"),
        ("귤\n", "only the word “귤”"),
    ],
)
def test_a_bad_list_keeps_the_text_and_names_the_group(
    manager: ManagerFlow, own_services: Services, typed: str, says: str
) -> None:
    manager.show_synonyms("dongmun")
    assert ops.wait_idle()
    page = manager.synonyms
    page.editor.setPlainText(typed)
    click(page.save_button)
    assert says in page.message.text()
    assert page.editor.toPlainText() == typed
    assert own_services.search.synonyms(market_slug="dongmun").is_default
