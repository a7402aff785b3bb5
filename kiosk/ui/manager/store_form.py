"""The store form: one store's listing and goods, checked as typed, undo, saved at its version."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.domain.payments import PAYMENT_LABELS, PaymentMethod
from kiosk.domain.store_edit.changes import changes_between, rebase, touches_codes
from kiosk.domain.store_edit.checks import missing_locales, validate
from kiosk.domain.store_edit.draft import Problem, StoreDraft, draft_from, empty_draft
from kiosk.i18n import _, translate
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.goods_editor import GoodsEditor
from kiosk.ui.manager.header import ManagerHeader
from kiosk.ui.manager.hours_editor import HoursEditor
from kiosk.ui.widgets.proof_prompt import ProofPrompt

SCREEN = "manager-store-form"
#: A pause in typing this long makes one undo step.
UNDO_PAUSE_MS = 700
#: Fields with their own error line (the rest show in the goods or hours area).
_FIELD_KEYS = ("stall_number", "phone", "kakao_channel", "payment_qr")


def _field(text_role: str = "field") -> QLabel:
    label = QLabel()
    label.setProperty("role", text_role)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("field-error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class StoreFormScreen(QWidget):
    """Edit one store (or a new one) for the signed-in actor.

    Every change is checked at once (the problem is written under its field);
    Save says why it is disabled; Undo steps back one change; a save made
    elsewhere meanwhile is refused by the services with what changed there, and
    "Reload" puts this form's changes on top of it. ``saved(StoreDetail)``.
    """

    saved = Signal(object)

    def __init__(self, locale: LocaleCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self._locale: LocaleCode = locale
        self._services: Services | None = None
        self._actor: Actor | None = None
        self._market: str = ""
        self._base: StoreDetail | None = None
        self._history: list[Any] = []
        self._filling = False
        self._saving = False
        self._gone = False
        self._problems: list[Problem] = []
        self._save_op = ops.OpSlot(self)
        self._pin_op = ops.OpSlot(self)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_PAUSE_MS)
        self._undo_timer.timeout.connect(self._remember)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 4, theme.GRID * 2, theme.GRID * 4, theme.GRID * 2)
        outer.setSpacing(theme.GRID)
        self.header = ManagerHeader("stores")
        outer.addWidget(self.header)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, theme.GRID, 0)
        columns.setSpacing(theme.GRID * 4)
        left = QVBoxLayout()
        left.setSpacing(theme.GRID)
        right = QVBoxLayout()
        right.setSpacing(theme.GRID)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        # Key fields first: stall, category, open, then the five names.
        top = QGridLayout()
        top.setHorizontalSpacing(theme.GRID * 2)
        top.setVerticalSpacing(theme.GRID // 2)
        self.stall_title = _field()
        self.stall = QLineEdit()
        self.stall.setObjectName("stall-number")
        self.stall.setMaximumWidth(theme.GRID * 16)
        self.category_title = _field()
        self.category = QComboBox()
        self.active = QCheckBox()
        self.active.setObjectName("store-active")
        top.addWidget(self.stall_title, 0, 0)
        top.addWidget(self.stall, 1, 0)
        top.addWidget(self.category_title, 0, 1)
        top.addWidget(self.category, 1, 1)
        top.addWidget(self.active, 1, 2)
        top.setColumnStretch(1, 1)
        left.addLayout(top)
        self.errors: dict[str, QLabel] = {key: _error_label() for key in _FIELD_KEYS}
        left.addWidget(self.errors["stall_number"])

        names = QGridLayout()
        names.setHorizontalSpacing(theme.GRID * 2)
        names.setVerticalSpacing(theme.GRID // 2)
        self.names_title = _field()
        self.descriptions_title = _field()
        names.addWidget(self.names_title, 0, 1)
        names.addWidget(self.descriptions_title, 0, 2)
        self.language_labels: dict[LocaleCode, QLabel] = {}
        self.names: dict[LocaleCode, QLineEdit] = {}
        self.descriptions: dict[LocaleCode, QPlainTextEdit] = {}
        for row, code in enumerate(LOCALES, start=1):
            label = QLabel()
            label.setObjectName(f"language-{code}")
            name = QLineEdit()
            name.setObjectName(f"name-{code}")
            description = QPlainTextEdit()
            description.setObjectName(f"description-{code}")
            description.setFixedHeight(theme.TOUCH)
            description.setTabChangesFocus(True)
            # One line in view, like the name beside it (the text keeps its line breaks).
            description.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            description.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            description.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            names.addWidget(label, row, 0)
            names.addWidget(name, row, 1)
            names.addWidget(description, row, 2)
            self.language_labels[code] = label
            self.names[code] = name
            self.descriptions[code] = description
            name.textChanged.connect(self._on_edited)
            description.textChanged.connect(self._on_edited)
        names.setColumnStretch(1, 2)
        names.setColumnStretch(2, 3)
        left.addLayout(names)
        self.names_error = _error_label()
        left.addWidget(self.names_error)

        contact = QGridLayout()
        contact.setHorizontalSpacing(theme.GRID * 2)
        contact.setVerticalSpacing(theme.GRID // 2)
        self.phone_title = _field()
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.kakao_title = _field()
        self.kakao = QLineEdit()
        self.kakao.setObjectName("kakao")
        self.payment_title = _field()
        self.payment = QLineEdit()
        self.payment.setObjectName("payment")
        contact.addWidget(self.phone_title, 0, 0)
        contact.addWidget(self.phone, 1, 0)
        contact.addWidget(self.errors["phone"], 2, 0)
        contact.addWidget(self.kakao_title, 0, 1)
        contact.addWidget(self.kakao, 1, 1)
        contact.addWidget(self.errors["kakao_channel"], 2, 1)
        contact.addWidget(self.payment_title, 3, 0, 1, 2)
        contact.addWidget(self.payment, 4, 0, 1, 2)
        contact.addWidget(self.errors["payment_qr"], 5, 0, 1, 2)
        left.addLayout(contact)
        self.methods_title = _field()
        left.addWidget(self.methods_title)
        methods = QGridLayout()
        methods.setSpacing(theme.GRID // 2)
        self.methods: dict[PaymentMethod, QCheckBox] = {}
        for index, method in enumerate(PaymentMethod):
            box = QCheckBox()
            box.toggled.connect(self._on_edited)
            methods.addWidget(box, index // 4, index % 4)
            self.methods[method] = box
        left.addLayout(methods)
        # The store's PIN for its merchant (set by the manager; never shown again).
        self.pin_title = _field()
        pin_row = QHBoxLayout()
        pin_row.setSpacing(theme.GRID * 2)
        self.pin = QLineEdit()
        self.pin.setObjectName("store-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaximumWidth(theme.GRID * 24)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("set-pin")
        self.pin_button.clicked.connect(self.set_pin)
        self.pin_message = QLabel()
        self.pin_message.setObjectName("pin-message")
        self.pin_message.setWordWrap(True)
        self.pin_message.setTextFormat(Qt.TextFormat.PlainText)
        pin_row.addWidget(self.pin)
        pin_row.addWidget(self.pin_button)
        pin_row.addWidget(self.pin_message, 1)
        left.addWidget(self.pin_title)
        left.addLayout(pin_row)
        left.addStretch(1)

        self.goods_title = _field()
        self.goods = GoodsEditor()
        self.goods.setMinimumHeight(theme.GRID * 30)
        self.goods.edited.connect(self._on_edited)
        self.goods_error = _error_label()
        right.addWidget(self.goods_title)
        right.addWidget(self.goods, 1)
        right.addWidget(self.goods_error)
        self.hours_title = _field()
        self.hours = HoursEditor()
        self.hours.edited.connect(self._on_edited)
        self.hours_error = _error_label()
        right.addWidget(self.hours_title)
        right.addWidget(self.hours)
        right.addWidget(self.hours_error)

        for edit in (self.stall, self.phone, self.kakao, self.payment):
            edit.textChanged.connect(self._on_edited)
        self.category.currentIndexChanged.connect(self._on_edited)
        self.active.toggled.connect(self._on_edited)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        self.prompt = ProofPrompt()
        self.prompt.confirmed.connect(self._on_proof)
        outer.addWidget(self.prompt)
        bottom = QHBoxLayout()
        bottom.setSpacing(theme.GRID * 2)
        self.status = QLabel()
        self.status.setObjectName("form-status")
        self.status.setProperty("role", "body")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reload")
        self.reload_button.clicked.connect(self.reload_keeping_changes)
        self.reload_button.hide()
        self.save_reason = QLabel()
        self.save_reason.setObjectName("save-reason")
        self.save_reason.setProperty("role", "muted")
        self.save_reason.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-store")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        bottom.addWidget(self.status, 3)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.save_reason, 2)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)
        self.retranslate(locale)

    # Loading -------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        self._services = services

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self._update_state()

    def base(self) -> StoreDetail | None:
        return self._base

    def edit_store(self, store: StoreDetail) -> None:
        """Show *store* as loaded (its version is what a save will expect)."""
        self._base, self._market, self._gone = store, store.market_slug, False
        self._start(draft_from(store))

    def new_store(self, market_slug: str) -> None:
        self._base, self._market, self._gone = None, market_slug, False
        self._start(empty_draft())

    def _start(self, draft: StoreDraft) -> None:
        self.prompt.close_prompt()
        self.pin_message.clear()
        for widget in (self.pin_title, self.pin, self.pin_button):
            widget.setVisible(self._base is not None)
        self.reload_button.hide()
        self.status.clear()
        self.fill(draft)
        self._history = [self._capture()]
        self._check()
        self.retranslate(self._locale)
        self.scroll_area.verticalScrollBar().setValue(0)

    def fill(self, draft: StoreDraft) -> None:
        """Put *draft* into the fields (no edit signals)."""
        self._filling = True
        try:
            self.stall.setText(draft.stall_number)
            self.category.setCurrentIndex(max(0, self.category.findData(draft.category.value)))
            self.active.setChecked(draft.active)
            for code in LOCALES:
                self.names[code].setText(draft.name.get(code, ""))
                self.descriptions[code].setPlainText(draft.description.get(code, ""))
            self.phone.setText(draft.phone)
            self.kakao.setText(draft.kakao)
            self.payment.setText(draft.payment)
            for method, box in self.methods.items():
                box.setChecked(method in draft.payment_methods)
            self.hours.set_hours(draft.hours)
            self.goods.set_goods(draft.products)
            for edit in (*self.names.values(), self.stall, self.phone, self.kakao, self.payment):
                edit.setCursorPosition(0)  # show the start of a long text, not its end
        finally:
            self._filling = False

    # The draft -------------------------------------------------------------------------------
    def draft(self) -> tuple[StoreDraft | None, list[Problem]]:
        """The fields as a draft, and every problem (parsing and the domain's checks)."""
        hours, problems = self.hours.parse()
        goods, goods_problems = self.goods.parse()
        problems += goods_problems
        category = self.category.currentData()
        draft = StoreDraft(
            stall_number=self.stall.text(),
            category=Category(category) if category else Category.OTHER,
            name={code: self.names[code].text() for code in LOCALES},
            description={code: self.descriptions[code].toPlainText() for code in LOCALES},
            phone=self.phone.text(),
            hours=hours or (self._base.opening_hours if self._base else empty_draft().hours),
            payment_methods=tuple(m for m, box in self.methods.items() if box.isChecked()),
            kakao=self.kakao.text(),
            payment=self.payment.text(),
            active=self.active.isChecked(),
            products=goods,
        )
        problems += _code_problems(draft)
        domain = [p for p in validate(draft) if not any(p.field == q.field for q in problems)]
        problems = domain + problems
        return (draft if not problems else None), problems

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def has_changes(self) -> bool:
        draft, _problems = self.draft()
        if self._base is None:
            return True
        if draft is None:
            return True
        from kiosk.domain.store_edit.checks import cleaned

        return bool(changes_between(draft_from(self._base), cleaned(draft)))

    # Actions ---------------------------------------------------------------------------------
    def undo(self) -> bool:
        """Step back one change; False when there is nothing to undo."""
        self._undo_timer.stop()
        self._remember()
        if len(self._history) < 2:
            return False
        self._history.pop()
        self._restore(self._history[-1])
        self._check()
        return True

    def save(self, proof: CodeProof | None = None) -> None:
        """Save in the background; a code change asks for the manager password first."""
        self._undo_timer.stop()
        self._remember()
        draft, problems = self.draft()
        services, actor = self._services, self._actor
        if draft is None or problems or services is None or actor is None or self._saving:
            self._check()
            return
        base = self._base
        if proof is None and (
            (base is not None and touches_codes(draft_from(base), _codes_cleaned(draft)))
            or (base is None and (draft.kakao.strip() or draft.payment.strip()))
        ):
            self.prompt.ask(kind="password")
            return
        market = self._market
        self._saving = True
        self._update_state()
        self.status.setText(_("Saving…"))

        def work() -> StoreDetail:
            return services.listings.save_store(
                actor=actor, market_slug=market, base=base, draft=draft, proof=proof
            )

        self._save_op.run(work, on_done=self._on_saved, on_error=self._on_save_failed, name="save")

    def reload_keeping_changes(self) -> None:
        """Load what was saved elsewhere and put this form's changes on top of it."""
        services, base = self._services, self._base
        if services is None or base is None:
            return
        mine, _problems = self.draft()

        def work() -> StoreDetail:
            return services.directory.get_store(store_id=base.id)

        def done(theirs: StoreDetail) -> None:
            merged = rebase(draft_from(base), mine, draft_from(theirs)) if mine else None
            self._base = theirs
            self.reload_button.hide()
            if merged is None:
                self._start(draft_from(theirs))
                return
            self.fill(merged)
            self._history = [self._capture()]
            self._check()
            self.status.setText(
                _(
                    "Reloaded. Your changes are kept on top of the other PC's; "
                    "check them and press Save again."
                )
            )

        self._save_op.run(work, on_done=done, on_error=self._on_save_failed, name="reload")

    def set_pin(self) -> None:
        """Set this store's PIN (manager only) in the background; the field is cleared."""
        from kiosk.domain.access import Secret

        services, actor, base = self._services, self._actor, self._base
        pin = Secret(self.pin.text())
        self.pin.clear()
        if services is None or actor is None or base is None or not pin.reveal():
            return

        def work() -> None:
            services.access.set_store_pin(actor=actor, store_id=base.id, pin=pin)

        def done(_result: None) -> None:
            self.pin_message.setText("✓ " + _("PIN set. Give it to the merchant in person."))

        self._pin_op.run(work, on_done=done, on_error=self._on_save_failed, name="pin")

    def retranslate(self, locale: LocaleCode) -> None:
        self._locale = locale
        self.header.retranslate()
        self._retitle()
        self.pin_title.setText(_("Store PIN for the merchant (6 to 12 digits)"))
        self.pin_button.setText(_("Set PIN"))
        self.stall_title.setText(_("Stall number") + " *")
        self.category_title.setText(_("Category"))
        self.active.setText(_("Open for business (untick for a closed stall)"))
        self.names_title.setText(_("Name"))
        self.descriptions_title.setText(_("Description"))
        self.phone_title.setText(_("Phone"))
        self.kakao_title.setText(_("KakaoTalk channel"))
        self.payment_title.setText(_("Zero Pay payment QR (the payload from the kit)"))
        self.methods_title.setText(_("Ways to pay"))
        self.hours_title.setText(_("Opening hours"))
        self.goods_title.setText(_("Goods"))
        self.undo_button.setText("← " + _("Undo"))
        self.reload_button.setText(_("Reload (keeps your changes)"))
        self.save_button.setText(_("Save"))
        self.category.blockSignals(True)
        current = self.category.currentData()
        self.category.clear()
        for item in Category:
            self.category.addItem(translate(CATEGORY_LABELS[item], locale), item.value)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)
        for method, box in self.methods.items():
            box.setText(translate(PAYMENT_LABELS[method], locale))
        self.hours.retranslate(locale)
        self.goods.retranslate()
        self.prompt.retranslate()
        self._check()

    # Internals -------------------------------------------------------------------------------
    def _retitle(self) -> None:
        base = self._base
        if base is None:
            self.header.set_title(_("New stall"))
        else:
            self.header.set_title(f"{base.stall_number}  {base.name.get(self._locale)}")

    def _capture(self) -> Any:
        return (
            self.stall.text(),
            self.category.currentData(),
            self.active.isChecked(),
            tuple(self.names[c].text() for c in LOCALES),
            tuple(self.descriptions[c].toPlainText() for c in LOCALES),
            self.phone.text(),
            self.kakao.text(),
            self.payment.text(),
            tuple(box.isChecked() for box in self.methods.values()),
            self.hours.state(),
            self.goods.state(),
        )

    def _restore(self, state: Any) -> None:
        stall, category, active, names, descriptions, phone, kakao, payment = state[:8]
        methods, hours, goods = state[8:]
        self._filling = True
        try:
            self.stall.setText(stall)
            self.category.setCurrentIndex(max(0, self.category.findData(category)))
            self.active.setChecked(active)
            for code, name, description in zip(LOCALES, names, descriptions, strict=True):
                self.names[code].setText(name)
                self.descriptions[code].setPlainText(description)
            self.phone.setText(phone)
            self.kakao.setText(kakao)
            self.payment.setText(payment)
            for box, checked in zip(self.methods.values(), methods, strict=True):
                box.setChecked(checked)
            self.hours.set_state(hours)
            self.goods.set_state(goods)
        finally:
            self._filling = False

    def _remember(self) -> None:
        state = self._capture()
        if not self._history or self._history[-1] != state:
            self._history.append(state)
        self._update_state()

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._undo_timer.start()
        self._check()

    def _check(self) -> None:
        """Check the fields now; write each problem under its field."""
        _draft, problems = self.draft()
        self._show_problems(problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        """Write each problem under its field and mark missing languages."""
        self._problems = problems
        by_field: dict[str, list[str]] = {}
        for problem in self._problems:
            by_field.setdefault(problem.field, []).append("⚠ " + str(problem.message))
        for key, label in self.errors.items():
            texts = by_field.pop(key, [])
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        names = [
            t
            for k in list(by_field)
            if k.startswith(("name.", "description."))
            for t in by_field.pop(k)
        ]
        self.names_error.setText("\n".join(names))
        self.names_error.setVisible(bool(names))
        hours = [
            t for k in list(by_field) if k.startswith("opening_hours") for t in by_field.pop(k)
        ]
        self.hours_error.setText("\n".join(hours))
        self.hours_error.setVisible(bool(hours))
        goods = [t for texts in by_field.values() for t in texts]
        self.goods_error.setText("\n".join(goods))
        self.goods_error.setVisible(bool(goods))
        self.goods.mark_rows(
            {int(p.field.split(".")[1]) for p in self._problems if p.field.startswith("goods.")}
        )
        names_now = {code: self.names[code].text() for code in LOCALES}
        missing = set(missing_locales(names_now))
        for code, label in self.language_labels.items():
            mark = "⚠ " if code in missing else ""
            required = " *" if code == "ko" else ""
            label.setText(f"{mark}{NATIVE_NAMES[code]}{required}")
            label.setToolTip(_("No name in this language yet") if code in missing else "")
        self._update_state()

    def _update_state(self) -> None:
        reason = self.save_blocker()
        self.save_button.setEnabled(reason == "")
        self.save_reason.setText(reason)
        self.undo_button.setEnabled(len(self._history) > 1 or self._undo_timer.isActive())

    def save_blocker(self) -> str:
        """Why Save is disabled, in words ("" when it is enabled)."""
        if self._actor is None:
            return _("Sign in to save.")
        if self._saving:
            return _("Saving…")
        if self._gone:
            return _("This store was removed on another PC.")
        if self._problems:
            return _("Fix the {count} marked field(s) first.").format(count=len(self._problems))
        if self._base is not None and not self.has_changes():
            return _("Nothing changed yet.")
        return ""

    def _on_save_clicked(self) -> None:
        self.save()  # (the button's "checked" argument is not a proof)

    def _on_proof(self, proof: object) -> None:
        if isinstance(proof, CodeProof):
            self.save(proof)

    def _on_saved(self, detail: StoreDetail) -> None:
        self._saving = False
        self.prompt.close_prompt()
        self._base, self._market = detail, detail.market_slug
        self.fill(draft_from(detail))
        self._history = [self._capture()]
        self._check()
        self._retitle()
        self.status.setText("✓ " + _("Saved."))
        self.saved.emit(detail)

    def _on_save_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError, PermissionDenied
        from kiosk.domain.store_edit.draft import EditRefused, Gone, StaleEdit
        from kiosk.services.values import NotFoundError

        self._saving = False
        if isinstance(exc, EditRefused):
            self._show_problems(exc.problems)  # e.g. a code that did not scan back
            self.status.setText("⚠ " + str(exc))
        elif isinstance(exc, StaleEdit):
            self.status.setText("⚠ " + str(exc))
            self.reload_button.show()
        elif isinstance(exc, Gone | NotFoundError):
            self._gone = True
            self.status.setText("⚠ " + str(exc))
        elif isinstance(exc, AccessError) and exc.code.startswith("access.pin"):
            self.pin_message.setText("⚠ " + str(exc))  # a refused PIN rule
        elif isinstance(exc, AccessError) and not isinstance(exc, PermissionDenied):
            self.prompt.show_error(str(exc))  # wrong password for the code change
        elif isinstance(exc, AccessError):
            self.prompt.close_prompt()
            self.status.setText("⚠ " + str(exc))
        else:
            raise exc
        self._update_state()


def _code_problems(draft: StoreDraft) -> list[Problem]:
    """The KakaoTalk ID and payment payload parsed as typed (drawing and the scan-back
    check run when saving, in the services)."""
    from kiosk.services.app import Codes
    from kiosk.services.values import QrInputError

    problems: list[Problem] = []
    for key, check, text in (
        ("kakao_channel", Codes.check_kakao, draft.kakao),
        ("payment_qr", Codes.check_payment, draft.payment),
    ):
        try:
            check(text)
        except QrInputError as exc:
            problems.append(Problem(key, exc.message))
    return problems


def _codes_cleaned(draft: StoreDraft) -> StoreDraft:
    """The codes as the services will compare them (a pasted link becomes the channel ID)."""
    from kiosk.services.app import Codes
    from kiosk.services.values import QrInputError

    try:
        kakao = Codes.check_kakao(draft.kakao)
    except QrInputError:
        return draft
    return replace(draft, kakao=kakao.channel_id if kakao else "", payment=draft.payment.strip())
