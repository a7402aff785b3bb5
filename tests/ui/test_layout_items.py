"""Rebuilt pages free what they take out of layouts: items, nested layouts and widgets."""

from __future__ import annotations

import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.locales import LOCALES
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import TouristFlow
from kiosk.ui.widgets.layout_items import clear_layout, delete_item

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def _items(layout: QLayout) -> list[QLayoutItem]:
    return [item for n in range(layout.count()) if (item := layout.itemAt(n)) is not None]


def _settle() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_clear_layout_frees_items_nested_layouts_and_widgets() -> None:
    holder = QWidget()
    column = QVBoxLayout(holder)
    first = QLabel("one")
    column.addWidget(first)
    row = QHBoxLayout()
    inner = QLabel("two")
    row.addWidget(inner)
    row.addStretch(1)
    column.addLayout(row)
    column.addSpacing(8)
    column.addStretch(1)  # kept
    taken = [*_items(column)[:-1], *_items(row)]
    kept = _items(column)[-1]
    clear_layout(column, keep=1)
    assert column.count() == 1 and shiboken6.isValid(kept)
    assert not any(shiboken6.isValid(item) for item in taken)
    assert first.isHidden() and inner.isHidden()
    _settle()
    assert not shiboken6.isValid(first) and not shiboken6.isValid(inner)
    holder.deleteLater()


def test_delete_item_frees_the_item_not_its_widget() -> None:
    holder = QWidget()
    column = QVBoxLayout(holder)
    label = QLabel("stays")
    column.addWidget(label)
    item = column.takeAt(0)
    delete_item(item)
    delete_item(None)  # nothing taken: nothing to do
    assert item is not None and not shiboken6.isValid(item)
    assert shiboken6.isValid(label) and label.parent() is holder
    holder.deleteLater()


def test_store_pages_and_language_switches_free_what_they_replace(
    window: Shell, flow: TouristFlow, services: Services
) -> None:
    """The old page's items are gone once a store is shown again, and a round of stores
    and languages leaves as many widgets and objects as the round before it."""
    markets = services.directory.list_markets()
    store_ids = [s.id for s in services.directory.list_stores(market_slug=markets[0].slug)][:8]

    def one_round() -> tuple[int, int]:
        for store_id in store_ids:
            flow.open_store(store_id)
            assert ops.wait_idle()
            _settle()
        for locale in (*LOCALES, "ko"):
            window.set_locale(locale)
            _settle()
        return len(QApplication.allWidgets()), len(window.findChildren(QObject))

    one_round()
    old_items = _items(flow.detail._about) + _items(flow.directory.assist.keyboard._grid)
    assert old_items
    first = one_round()
    assert not any(shiboken6.isValid(item) for item in old_items)
    assert one_round() == first
    assert one_round() == first


def test_no_layout_item_is_taken_without_being_freed() -> None:
    """Every ``takeAt`` in the app goes through the helper (or frees its item at once)."""
    loose = [
        f"{path.relative_to(KIOSK)}:{number}"
        for path in KIOSK.rglob("*.py")
        if path.name not in {"layout_items.py", "flow_layout.py"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.takeAt\(", line) and "delete_item(" not in line
    ]
    assert loose == []
