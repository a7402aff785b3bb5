"""FlowLayout frees its layout items when it goes, so rebuilt pages do not leak them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui.widgets.flow_layout import FlowLayout


def test_items_are_deleted_with_the_layout() -> None:
    holder = QWidget()
    flow = FlowLayout(holder, spacing=8)
    for n in range(5):
        flow.addWidget(QLabel(f"pill {n}"))
    items = [flow.itemAt(n) for n in range(flow.count())]
    assert all(item is not None and shiboken6.isValid(item) for item in items)
    holder.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(item) for item in items)


def test_an_empty_layout_goes_quietly() -> None:
    holder = QWidget()
    FlowLayout(holder)
    holder.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(holder)
