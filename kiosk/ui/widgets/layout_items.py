"""Emptying a layout without leaking: every item ``QLayout.takeAt`` hands out is deleted here."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout, QLayoutItem


def delete_item(item: QLayoutItem | None) -> None:
    """Free *item*, taken out of a layout with ``takeAt``, never the widget it holds.

    Qt hands a taken item to the caller to delete; PySide returns it without taking that
    ownership, so an item dropped on the floor stays in native memory for good (about
    100 bytes a widget: a kiosk rebuilding its store page, keyboard and chips for every
    store and language leaked tens of MiB a day, unseen by Python's own accounting).
    """
    if item is not None and shiboken6.isValid(item):
        shiboken6.delete(item)


def clear_layout(layout: QLayout, *, keep: int = 0) -> None:
    """Take every item of *layout* but the last *keep* (e.g. a closing stretch) out and free
    it: a widget is hidden at once (never painted again) and deleted by the event loop, a
    nested layout is emptied the same way and deleted, spacers are freed."""
    while layout.count() > keep:
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        nested = item.layout()
        if nested is not None:
            clear_layout(nested)  # its widgets belong to the parent widget: delete them too
        delete_item(item)  # a nested layout is its own item: this deletes it
