"""The promotion editor: one promotion or announcement, checked before saving, saved whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.listing import StoreSummary
from kiosk.domain.locales import LOCALES
from kiosk.domain.promotions import (
    SEOUL,
    Promotion,
    PromotionDraft,
    PromotionKind,
    TimeWindow,
    problems,
)
from kiosk.domain.store_edit.draft import Problem
from kiosk.domain.text import LocalizedText
from kiosk.i18n import _, current_locale
from kiosk.services.app import Promotions, Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout
from kiosk.ui.manager.promotion_form_fields import PromotionFormFields
from kiosk.ui.widgets.unsaved_question import UnsavedQuestion

SCREEN = "manager-promotion-form"
#: Narrower than this (a portrait screen), the schedule goes below the texts.
STACK_BELOW = 1200
#: What the fields hold, to tell whether something changed since loading.
State = tuple[object, ...]


class PromotionFormScreen(PromotionFormFields, ManagerPage):
    """Add or edit one promotion for the signed-in manager.

    Save checks the whole draft first (end before start, no title or text in any
    language, too long, a bad picture) and writes each reason next to its field;
    from then on every edit is checked again. The services save all of it or
    nothing. ``saved(Promotion)`` and ``closed()`` lead back to the list; leaving
    with changes not saved asks first.
    """

    saved = Signal(object)
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "promotions", parent, side=theme.GRID * 4, spacing=theme.GRID)
        self._services = services
        self._actor: Actor | None = None
        self._market = ""
        self._base: Promotion | None = None
        self._image: bytes | None = None
        self._image_name = ""
        self._image_problem: Problem | None = None  # a picture file that was refused
        self._stores: list[StoreSummary] = []
        self._checking = False  # after a refused save every edit is checked again
        self._clean: State | None = None
        self._then: Callable[[], None] | None = None
        self._save_op = ops.OpSlot(self)
        self._image_op = ops.OpSlot(self)
        self._stores_op = ops.OpSlot(self)
        body = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self.columns.setContentsMargins(0, 0, theme.GRID, 0)
        self.columns.setSpacing(theme.GRID * 4)
        # Texts 3 : schedule 2 (at 1 : 1 a title was cut at 1366x768); see resizeEvent.
        self.columns.addLayout(self.build_texts(), 3)
        self.columns.addLayout(self.build_schedule(), 2)
        # The fields fit a 1366x768 screen; only many problems at once make it scroll. The
        # save bar stays in view below it.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self.add(self.scroll_area, 1)
        self.leave_question = UnsavedQuestion("promotion-form-leave")
        self.add(self.leave_question)
        self.status = QLabel()
        self.status.setObjectName("promotion-status")
        self.status.setProperty("role", "body")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("promotion-cancel")
        self.save_button = QPushButton()
        self.save_button.setObjectName("promotion-save")
        self.save_button.setProperty("kind", "primary")
        self.add(row_layout((self.status, 1), self.cancel_button, self.save_button, spacing=16))
        self.header.leave_guard = self.leave
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        for edit in (*self.titles.values(), *self.texts.values()):
            edit.textChanged.connect(self._on_edited)
        for box in (self.kind, self.where):
            box.currentIndexChanged.connect(self._on_edited)
        self.starts.dateChanged.connect(self._on_edited)
        self.ends.dateChanged.connect(self._on_edited)
        for button in self.day_buttons:
            button.toggled.connect(self._on_edited)
        self.hours_box.toggled.connect(self._on_edited)
        self.shows_from.timeChanged.connect(self._on_edited)
        self.shows_until.timeChanged.connect(self._on_edited)
        self.choose_image.clicked.connect(self._on_choose_image)
        self.drop_image.clicked.connect(lambda: self._set_image(None, ""))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(lambda: self.leave(self.closed.emit))
        self.leave_question.save_chosen.connect(self.save)
        self.leave_question.discard_chosen.connect(self._go)
        self.leave_question.cancelled.connect(self._stay)

    # Loading ---------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._stay()

    def base(self) -> Promotion | None:
        return self._base

    def new_promotion(self, market_slug: str) -> None:
        today = datetime.now(SEOUL).date()  # the markets' day, whatever this PC's zone
        self._start(market_slug, None)
        self.starts.setDate(QDate(today.year, today.month, today.day))
        self.ends.setDate(QDate(today.year, today.month, today.day).addDays(30))
        self._clean = self._capture()

    def edit_promotion(self, promo: Promotion) -> None:
        self._start(promo.market_slug, promo)
        self.fill(promo)
        self._clean = self._capture()

    def _start(self, market_slug: str, base: Promotion | None) -> None:
        self._market, self._base, self._checking = market_slug, base, False
        self._stay()
        self.status.clear()
        self.fill(None)
        self._show_problems([])
        self.retranslate()
        self.scroll_area.verticalScrollBar().setValue(0)
        services = self._services
        self._stores_op.run(
            lambda: services.directory.list_stores(market_slug=market_slug, include_inactive=True),
            on_done=self._on_stores,
            name="promotion-stores",
        )

    def fill(self, promo: Promotion | None) -> None:
        """Put *promo* (None: an empty new one) into the fields."""
        for code in LOCALES:
            for edit, values in ((self.titles[code], promo.title if promo else None),
                                 (self.texts[code], promo.text if promo else None)):  # fmt: skip
                edit.setText(values.values.get(code, "") if values else "")
                edit.setCursorPosition(0)  # the start of a long text in view
                edit.setToolTip(edit.text())
        kind = promo.kind if promo else PromotionKind.PROMOTION
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        self._fill_where(promo.store_id if promo else None)
        if promo is not None:
            self.starts.setDate(QDate(promo.starts_on.year, promo.starts_on.month,
                                      promo.starts_on.day))  # fmt: skip
            self.ends.setDate(QDate(promo.ends_on.year, promo.ends_on.month, promo.ends_on.day))
        for day, button in enumerate(self.day_buttons):
            button.setChecked(promo is not None and day in promo.weekdays)
        window = promo.window if promo else None
        self.hours_box.setChecked(window is not None)
        opens, closes = (window.start, window.end) if window else (time(18), time(21))
        self.shows_from.setTime(QTime(opens.hour, opens.minute))
        self.shows_until.setTime(QTime(closes.hour, closes.minute))
        image = promo.image if promo else None
        self._set_image(image, _("Saved picture") if image else "")

    # The draft -------------------------------------------------------------------------------
    def draft(self) -> PromotionDraft:
        start, end = self.starts.date(), self.ends.date()
        window = None
        if self.hours_box.isChecked():
            opens, closes = self.shows_from.time(), self.shows_until.time()
            window = TimeWindow(time(opens.hour(), opens.minute()),
                                time(closes.hour(), closes.minute()))  # fmt: skip
        store = self.where.currentData()
        return PromotionDraft(
            market_slug=self._market,
            title=LocalizedText({c: self.titles[c].text().strip() for c in LOCALES}),
            text=LocalizedText({c: self.texts[c].text().strip() for c in LOCALES}),
            starts_on=date(start.year(), start.month(), start.day()),
            ends_on=date(end.year(), end.month(), end.day()),
            kind=PromotionKind(self.kind.currentData() or PromotionKind.PROMOTION.value),
            store_id=store if isinstance(store, int) else None,
            weekdays=frozenset(d for d, b in enumerate(self.day_buttons) if b.isChecked()),
            window=window,
            image=self._image,
        )

    def is_dirty(self) -> bool:
        return self._clean is not None and self._capture() != self._clean

    def _capture(self) -> State:
        return (self.draft(), self._image_name)

    # Actions ---------------------------------------------------------------------------------
    def save(self) -> None:
        """Check the draft; with no problem save it in the background (add or update)."""
        services, actor, base = self._services, self._actor, self._base
        if actor is None or self._save_op.is_running():
            return
        draft = self.draft()
        found = problems(draft)
        self._checking = True
        self._show_problems(found)
        if found:
            self._then = None
            self.status.setText("⚠ " + _("Nothing was saved: fix the marked fields first."))
            return

        def work() -> Promotion:
            if base is None:
                return services.promotions.add_promotion(actor=actor, draft=draft)
            return services.promotions.update_promotion(
                actor=actor, promotion_id=base.id, draft=draft, expected=base
            )

        self.status.setText(_("Saving…"))
        self._save_op.run(work, on_done=self._on_saved, on_error=self._on_failed, name="save")

    def load_image(self, path: Path) -> None:
        """Read and check the picture *path* in the background; a refusal shows by the field."""

        def work() -> bytes:
            return Promotions.read_image(path)

        self._image_op.run(
            work,
            on_done=lambda data: self._set_image(data, path.name),
            on_error=self._on_image_failed,
            name="promotion-image",
        )

    def leave(self, go: Callable[[], None]) -> None:
        """Go (*go*) unless a change is not saved: then ask to save it, leave it or stay."""
        if self._actor is None or not self.is_dirty():
            go()
            return
        self._then = go
        self.leave_question.ask(_("This promotion's changes are not saved yet."), can_save=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Texts beside the schedule on a wide screen, above it on a narrow (portrait) one."""
        super().resizeEvent(event)
        wide = self.width() >= STACK_BELOW
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.columns.setStretch(0, 3 if wide else 0)  # stacked: the schedule right below

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("New promotion") if self._base is None else _("Edit promotion"))
        self.retranslate_fields()
        self._fill_where(self.where.currentData())
        self._show_image_name()
        self.cancel_button.setText(_("Back to the list"))
        self.save_button.setText(_("Save"))
        self.leave_question.retranslate()

    # Internals -------------------------------------------------------------------------------
    def _fill_where(self, store_id: object) -> None:
        self.where.blockSignals(True)
        self.where.clear()
        self.where.addItem(_("Whole market"), None)
        locale = current_locale()
        for store in self._stores:
            self.where.addItem(f"{store.stall_number}  {store.name.get(locale)}", store.id)
        found = self.where.findData(store_id) if isinstance(store_id, int) else 0
        if found < 0:  # a store not (yet) listed: keep it chosen
            self.where.addItem(_("Store {id}").format(id=store_id), store_id)
            found = self.where.count() - 1
        self.where.setCurrentIndex(found)
        self.where.blockSignals(False)

    def _set_image(self, data: bytes | None, name: str) -> None:
        self._image, self._image_name = data, name if data is not None else ""
        self._image_problem = None
        self.show_thumbnail(data)
        self.drop_image.setEnabled(data is not None)
        self._show_image_name()
        self._show_problems(problems(self.draft()) if self._checking else [])

    def _show_image_name(self) -> None:
        if self._image is None:
            self.image_label.setText(_("No picture: the slide shows its text only."))
            return
        size = _("{kb} KB").format(kb=max(1, len(self._image) // 1024))
        self.image_label.setText(f"{self._image_name} · {size}")

    def _show_problems(self, found: list[Problem]) -> None:
        """Write each problem next to its field; hide the lines without one."""
        by_key: dict[str, list[str]] = {}
        extra = [] if self._image_problem is None else [self._image_problem]
        for problem in [*found, *extra]:
            name = problem.field.partition(".")[0]
            key = "texts" if name in ("title", "text") else name
            if key in self.errors:
                by_key.setdefault(key, []).append("⚠ " + str(problem.message))
        for key, label in self.errors.items():
            label.setText("\n".join(by_key.get(key, [])))
            label.setVisible(key in by_key)

    def _go(self) -> None:
        go, self._then = self._then, None
        self.leave_question.hide()
        if go is not None:
            go()

    def _stay(self) -> None:
        self._then = None
        self.leave_question.hide()

    # Handlers --------------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._checking:
            self._show_problems(problems(self.draft()))

    def _on_stores(self, stores: list[StoreSummary]) -> None:
        chosen = self.where.currentData()
        self._stores = stores
        self._fill_where(chosen)

    def _on_choose_image(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("A picture for the promotion"),
            str(Path.home()),
            _("Pictures (*.png *.jpg *.jpeg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.load_image(Path(chosen))

    def _on_saved(self, promo: Promotion) -> None:
        self._base, self._checking = promo, False
        self._clean = self._capture()
        self.status.setText("✓ " + _("Saved."))
        go = self._then
        self._then = None
        self.saved.emit(promo)
        if go is not None:
            go()

    def _on_image_failed(self, exc: Exception) -> None:
        """The picture file was refused: say why next to the field; the old picture stays."""
        from kiosk.domain.store_edit.draft import EditRefused

        if not isinstance(exc, EditRefused):
            raise exc
        self._image_problem = exc.problems[0]
        self._show_problems(problems(self.draft()) if self._checking else [])

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError
        from kiosk.domain.store_edit.draft import EditRefused

        self._then = None
        if isinstance(exc, EditRefused):
            self._checking = True
            self._show_problems(exc.problems)
            self.status.setText("⚠ " + _("Nothing was saved: fix the marked fields first."))
            return
        if not isinstance(exc, KioskError):
            raise exc
        self.status.setText("⚠ " + str(exc))
