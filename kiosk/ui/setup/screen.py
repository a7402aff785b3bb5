"""The first-run set-up: three short steps in one screen, then this PC's settings written."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.services.values import CheckLine
from kiosk.ui import ops, theme
from kiosk.ui.setup.address import field_problem, server_url
from kiosk.ui.setup.manager_step import ManagerStep
from kiosk.ui.setup.role_step import RoleStep
from kiosk.ui.setup.where_step import SERVER, WhereStep
from kiosk.ui.setup.words import connection_words

SCREEN = "first-run-setup"
_log = logging.getLogger(__name__)


class SetupScreen(QWidget):
    """Step 1 where the data is, step 2 what this PC is, step 3 (the office) the manager
    password. Every check and write runs in a background op. Going on from step 1 opens
    the chosen database as the app would at start (an empty one gets its tables, and "this
    PC alone" the two example markets when they are chosen; a set-up PC's app never adds
    them by itself); the settings file is written only on "Finish", and then exactly what
    ``market-kiosk setup`` writes.

    ``finished(role)`` once the settings file is written and the set-up's own
    connection closed: the shell then opens the app in that role.
    """

    finished = Signal(str)

    def __init__(self, file_problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self._services: Services | None = None
        self._owned = True  # False while previewing on a database the screen did not open
        self._url = ""
        self._tested: tuple[str, list[CheckLine]] | None = None  # (URL, lines) of the last test
        self._slot = ops.OpSlot(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 6, theme.GRID * 3, theme.GRID * 6, theme.GRID * 3)
        outer.setSpacing(theme.GRID * 2)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.step_label = QLabel()
        self.step_label.setObjectName("setup-step")
        self.step_label.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(top)
        self.where = WhereStep()
        self.where.test_requested.connect(self.test_connection)
        self.where.start_over_requested.connect(self.start_over)
        self.where.show_file_problem(file_problem)
        self.role_step = RoleStep()
        self.role_step.market_changed.connect(self._load_stalls)
        self.role_step.role_changed.connect(self._retranslate_nav)
        self.manager = ManagerStep()
        self.steps = QStackedWidget()
        for step in (self.where, self.role_step, self.manager):
            self.steps.addWidget(step)
        outer.addWidget(self.steps, 1)
        self.status = QLabel()
        self.status.setObjectName("setup-status")
        self.status.setProperty("role", "lead")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setVisible(False)
        outer.addWidget(self.status)
        nav = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.setObjectName("setup-back")
        self.back_button.setProperty("kind", "back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("setup-next")
        self.next_button.setProperty("kind", "primary")
        self.next_button.setMinimumWidth(theme.GRID * 30)
        self.next_button.clicked.connect(self.next)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self._file_problem = bool(file_problem)
        self.retranslate()

    # Steps ---------------------------------------------------------------------------------
    def step(self) -> int:
        return self.steps.currentIndex()

    def _go(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        self._say("")
        self.retranslate()

    def back(self) -> None:
        if self.step() > 0:
            self._go(self.step() - 1)

    def next(self) -> None:
        """Step 1: test (if not yet) and open the database; step 2: on or finish; 3: finish."""
        if self._file_problem:
            self._say("⚠ " + _("Press 'Start the set-up again' first."))
            return
        if self.step() == 0:
            self._open_chosen()
        elif self.step() == 1:
            self._after_role()
        else:
            self._after_manager()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _busy(self, text: str) -> None:
        self._say(text)
        self.next_button.setEnabled(not text)

    def _failed(self, exc: Exception) -> None:
        from kiosk.services.values import describe

        self.next_button.setEnabled(True)
        self._say("⚠ " + describe(exc, context="set this PC up"))

    # Step 1 --------------------------------------------------------------------------------
    def start_over(self) -> None:
        """Keep the unreadable settings file as ``.bad`` (never deleted) and start afresh."""
        try:
            kept = Services.set_aside_settings_file()
        except OSError as exc:
            self._say(
                "⚠ " + _("The file could not be moved: {error}").format(error=exc.strerror or exc)
            )
            return
        self._file_problem = False
        self.where.show_file_problem("")
        if kept is not None:
            self._say(_("The old settings file is kept as {path}.").format(path=kept))

    def test_connection(self) -> None:
        """Check the typed server in the background and say what is wrong in plain words."""
        problem = field_problem(self.where.server_fields())
        if problem is not None:
            name, text = problem
            self.where.fields[name].setFocus()
            self.where.show_result("⚠ " + _(text))
            return
        url = server_url(self.where.server_fields())
        self.where.show_result(_("Checking…"))
        self.where.test_button.setEnabled(False)

        def done(lines: list[CheckLine]) -> None:
            self.where.test_button.setEnabled(True)
            self._tested = (url, lines)
            self.where.show_result(connection_words(lines)[1])

        def failed(exc: Exception) -> None:
            self.where.test_button.setEnabled(True)
            self._failed(exc)

        self._slot.run(
            lambda: Services.check_database(url), on_done=done, on_error=failed, name="setup-test"
        )

    def _open_chosen(self) -> None:
        """Open the chosen database (a server only once its test passed) and list markets."""
        if self.where.choice() == SERVER:
            if field_problem(self.where.server_fields()) is not None:
                self.test_connection()
                return
            url = server_url(self.where.server_fields())
            if self._tested is None or self._tested[0] != url:
                self.test_connection()
                return
            if not connection_words(self._tested[1])[0]:
                return
            demo = False
        else:
            url, demo = "", self.where.with_examples()
        self._close_services()
        self._busy(_("Opening the market's data…"))

        def work() -> tuple[Services, str, list[MarketInfo]]:
            where = url or Services.default_database_url()
            services = Services.open(where, seed_demo=demo)
            try:
                return services, where, services.directory.list_markets()
            except BaseException:
                services.close()
                raise

        self._slot.run(work, on_done=self._on_opened, on_error=self._failed, name="setup-open")

    def _on_opened(self, found: tuple[Services, str, list[MarketInfo]]) -> None:
        self._services, self._url, markets = found
        self._busy("")
        home = self._services.directory.home_market()
        self.role_step.picker.set_markets(markets, select=home.market_slug if home else None)
        self._go(1)
        self.role_step.set_no_markets(not markets)
        market = self.role_step.market()
        if market is not None:
            self._load_stalls(market)

    # Step 2 --------------------------------------------------------------------------------
    def _load_stalls(self, market: str) -> None:
        services = self._services
        if services is None:
            return

        def work() -> list[StoreSummary]:
            return services.directory.list_stores(market_slug=market)

        ops.run_op(self, work, on_done=self._on_stalls, name="setup-stalls")

    def _on_stalls(self, stores: Sequence[StoreSummary]) -> None:
        self.role_step.picker.set_stores(stores)

    def _after_role(self) -> None:
        role = self.role_step.role()
        if role == "stall" and self.role_step.stall() is None:
            self.role_step.show_message("⚠ " + _("Choose this PC's stall."))
            return
        if role != "office" or self._services is None:
            self._finish()
            return
        services = self._services
        self._busy(_("Checking…"))

        def known(is_set: bool) -> None:
            self._busy("")
            self.manager.clear()
            self.manager.set_first_use(not is_set)
            self._go(2)

        self._slot.run(
            services.access.manager_password_is_set,
            on_done=known,
            on_error=self._failed,
            name="setup-password-set",
        )

    # Step 3 --------------------------------------------------------------------------------
    def _after_manager(self) -> None:
        from kiosk.ui.setup.manager_check import check_manager

        services = self._services
        if services is None:
            return
        work = check_manager(self.manager, services)
        if work is None:
            return
        self._busy(_("Checking…"))
        self._slot.run(work, on_done=lambda _actor: self._finish(), on_error=self._manager_refused)

    def _manager_refused(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        self._busy("")
        if isinstance(exc, KioskError):
            self.manager.show_message("⚠ " + str(exc))
        else:
            self._failed(exc)

    # Finish --------------------------------------------------------------------------------
    def _finish(self) -> None:
        """Write what ``market-kiosk setup`` writes; then hand over to the app."""
        role, market, stall = self.role_step.role(), self.role_step.market(), self.role_step.stall()
        url = self._url
        self._busy(_("Saving this PC's settings…"))

        def work() -> str:
            Services.set_up_pc(url, role=role, market=market, stall=stall)
            return role

        self._slot.run(work, on_done=self._on_finished, on_error=self._failed, name="setup-save")

    def _on_finished(self, role: str) -> None:
        self._close_services()  # the app opens the database anew, from the settings file
        self._busy("")
        self.finished.emit(role)

    def _close_services(self) -> None:
        services, self._services = self._services, None
        if services is not None and self._owned:
            services.close()
        self._owned = True

    def preview(self, services: Services, step: int, *, first_use: bool = True) -> None:
        """Show *step* (0-2) on *services*, which stay open and unwritten (tour, screenshots)."""
        self._close_services()
        if step == 0:
            self._go(0)
            return
        markets = services.directory.list_markets()
        self._on_opened((services, services.url, markets))
        self._owned = False
        if step == 2:
            self.role_step.buttons["office"].setChecked(True)
            self.manager.clear()
            self.manager.set_first_use(first_use)
            self._go(2)

    def _retranslate_nav(self) -> None:
        self.step_label.setText(
            _("Step {number} of {count}").format(number=self.step() + 1, count=3)
        )
        self.back_button.setText("‹  " + _("Back"))
        self.back_button.setVisible(self.step() > 0)
        last = self.step() == 2 or (self.step() == 1 and self.role_step.role() != "office")
        self.next_button.setText(_("Finish") if last else _("Next") + "  ›")

    def retranslate(self) -> None:
        self.title.setText(_("Set up this PC"))
        self._retranslate_nav()
        for step in (self.where, self.role_step, self.manager):
            step.retranslate()
        if self._tested is not None and self.where.result.text():
            self.where.show_result(connection_words(self._tested[1])[1])
