"""Search words: a market's synonym groups, one a line, edited as text by the manager."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.listing import MarketInfo
from kiosk.domain.synonyms import group_line, parse_group_line
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.services.values import SynonymError, SynonymList
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line

SCREEN = "manager-synonyms"


class ManagerSynonymsScreen(ManagerPage):
    """One market's groups as lines of ``귤 = 감귤 = mandarin``; Save checks the whole list.

    A refused list keeps what was typed, names the group and word, and puts the
    cursor on that group's line. "Back to the default list" asks a second time.
    """

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        # Reached from the Markets page; no header button of its own, so every page button works.
        super().__init__(SCREEN, "synonyms", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._armed_reset = False
        self._slot = ops.OpSlot(self)
        self.market = QComboBox()
        self.market.setObjectName("synonyms-market")
        self.market.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market.currentIndexChanged.connect(self._on_market)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.which = QLabel()
        self.which.setObjectName("synonyms-which")
        self.which.setProperty("role", "hint")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("synonyms-editor")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.textChanged.connect(self._on_edited)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-synonyms")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset-synonyms")
        self.reset_button.clicked.connect(self.reset)
        self.message = status_line("synonyms-message")
        self.add(row_layout(self.heading, self.market, (self.which, 1), spacing=theme.GRID * 2))
        self.add(self.hint)
        self.add(self.editor, 1)
        self.add(row_layout(self.save_button, (self.message, 1), self.reset_button))
        self.retranslate()

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def reload(self, select: str | None = None) -> None:
        """Load the markets, then the chosen one's list (*select*, else the one shown)."""
        wanted = select or self.current_slug()
        self._slot.run(
            self._services.directory.list_markets,
            on_done=lambda found: self._on_markets(found, wanted),
            name="synonym-markets",
        )

    def current_slug(self) -> str | None:
        slug = self.market.currentData()
        return slug if isinstance(slug, str) else None

    def groups_typed(self) -> list[tuple[str, ...]]:
        """The editor's lines as groups (blank lines skipped; a line of only ``=`` is empty)."""
        lines = self.editor.toPlainText().splitlines()
        return [parse_group_line(line) for line in lines if line.strip()]

    def save(self) -> None:
        services, actor, slug = self._services, self._actor, self.current_slug()
        if actor is None or slug is None:
            return
        groups = self.groups_typed()

        def work() -> SynonymList:
            return services.search.set_synonyms(actor=actor, market_slug=slug, groups=groups)

        self._slot.run(work, on_done=self._on_saved, on_error=self._on_failed, name="synonyms")

    def reset(self) -> None:
        """First press asks; the second goes back to the list shipped with the app."""
        services, actor, slug = self._services, self._actor, self.current_slug()
        if actor is None or slug is None:
            return
        if not self._armed_reset:
            self._armed_reset = True
            self.message.setText(
                "⚠ " + _("Replace this market's list with the default list? Press again to do it.")
            )
            return
        self._armed_reset = False

        def work() -> SynonymList:
            return services.search.reset_synonyms(actor=actor, market_slug=slug)

        self._slot.run(work, on_done=self._on_saved, on_error=self._on_failed, name="synonyms")

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title("")  # the page buttons need the room; the heading is below
        self.heading.setText(_("Search words"))
        self.hint.setText(
            _(
                "One group a line, words separated by “=”: a search for any of them finds "
                "all (귤 = 감귤 = mandarin = みかん = 橘子). Hiragana and katakana, Traditional "
                "and Simplified Chinese, capital and small letters are already the same. A "
                "word may be in one group only."
            )
        )
        self.save_button.setText(_("Save"))
        self.reset_button.setText(_("Back to the default list"))
        self._fill_markets()

    # Internals -------------------------------------------------------------------------------
    def _fill_markets(self) -> None:
        current = self.current_slug()
        self.market.blockSignals(True)
        self.market.clear()
        for market in self._markets:
            self.market.addItem(market.name.get(current_locale()), market.slug)
        index = self.market.findData(current)
        self.market.setCurrentIndex(max(index, 0))
        self.market.blockSignals(False)

    def _on_markets(self, markets: list[MarketInfo], wanted: str | None) -> None:
        self._markets = markets
        self._fill_markets()
        index = self.market.findData(wanted)
        if index >= 0:
            self.market.setCurrentIndex(index)
        self._on_market()

    def _on_market(self, *_args: object) -> None:
        slug = self.current_slug()
        self._armed_reset = False
        if slug is None:
            return
        self._slot.run(
            lambda: self._services.search.synonyms(market_slug=slug),
            on_done=self._show,
            name="synonyms",
        )

    def _show(self, found: SynonymList) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText("\n".join(group_line(group) for group in found.groups))
        self.editor.blockSignals(False)
        self._show_which(found)

    def _show_which(self, found: SynonymList) -> None:
        count = len(found.groups)
        if found.is_default:
            text = _("{count} groups · the default list").format(count=count)
        else:
            text = _("{count} groups · this market's own list").format(count=count)
        self.which.setText(text)
        self.reset_button.setEnabled(not found.is_default)

    def _on_edited(self) -> None:
        self._armed_reset = False
        self.message.setText("")

    def _on_saved(self, saved: SynonymList) -> None:
        self._show(saved)
        self.message.setText("✓ " + _("Saved. The next search uses these words."))
        self.changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self.message.setText("⚠ " + str(exc))
        if isinstance(exc, SynonymError) and exc.group is not None:
            self._select_group(exc.group)

    def _select_group(self, number: int) -> None:
        """Put the cursor on the line of group *number* (blank lines are not groups)."""
        lines = self.editor.toPlainText().splitlines()
        seen = 0
        for index, line in enumerate(lines):
            seen += bool(line.strip())
            if seen == number:
                block = self.editor.document().findBlockByNumber(index)
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                self.editor.setTextCursor(cursor)
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return
