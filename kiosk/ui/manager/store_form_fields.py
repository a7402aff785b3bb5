"""The store form's fields, built by section (names, contact, codes, goods); the save bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.payments import PAYMENT_LABELS, PaymentMethod
from kiosk.i18n import _, current_locale, translate
from kiosk.ui import theme
from kiosk.ui.manager.goods_editor import GoodsEditor
from kiosk.ui.manager.hours_editor import HoursEditor
from kiosk.ui.manager.pin_wait import LiftWaitButton

#: Fields with their own error line (the rest show in the goods or hours area).
FIELD_KEYS = ("stall_number", "phone", "kakao_channel", "payment_qr")


def field_title(text_role: str = "field") -> QLabel:
    label = QLabel()
    label.setProperty("role", text_role)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("field-error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


def _grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(theme.GRID * 2)
    grid.setVerticalSpacing(theme.GRID // 2)
    return grid


def _description(code: LocaleCode) -> QPlainTextEdit:
    description = QPlainTextEdit()
    description.setObjectName(f"description-{code}")
    description.setFixedHeight(theme.TOUCH)
    description.setTabChangesFocus(True)
    # One line in view, like the name beside it (the text keeps its line breaks).
    description.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    description.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    description.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return description


class StoreFormFields:
    """The fields of the store form (mixed into the screen): ``build_left`` and ``build_right``
    make the two columns, ``build_save_bar`` the row under them; ``retranslate_fields``
    labels the fields."""

    def build_left(self) -> QVBoxLayout:
        """Key fields first (stall, category, open), the five names, contact, codes, PIN."""
        left = QVBoxLayout()
        left.setSpacing(theme.GRID)
        left.addLayout(self._build_key_fields())
        self.errors: dict[str, QLabel] = {key: error_label() for key in FIELD_KEYS}
        left.addWidget(self.errors["stall_number"])
        left.addLayout(self._build_names())
        self.names_error = error_label()
        left.addWidget(self.names_error)
        left.addLayout(self._build_contact())
        self.methods_title = field_title()
        left.addWidget(self.methods_title)
        left.addLayout(self._build_methods())
        # The store's PIN for its merchant (set by the manager; never shown again).
        self.pin_title = field_title()
        left.addWidget(self.pin_title)
        left.addLayout(self._build_pin())
        left.addStretch(1)
        return left

    def build_right(self) -> QVBoxLayout:
        """The goods, then the opening hours, each with its error line."""
        right = QVBoxLayout()
        right.setSpacing(theme.GRID)
        self.goods_title = field_title()
        self.goods = GoodsEditor()
        self.goods.setMinimumHeight(theme.GRID * 30)
        self.goods_error = error_label()
        right.addWidget(self.goods_title)
        right.addWidget(self.goods, 1)
        right.addWidget(self.goods_error)
        self.hours_title = field_title()
        self.hours = HoursEditor()
        self.hours_error = error_label()
        right.addWidget(self.hours_title)
        right.addWidget(self.hours)
        right.addWidget(self.hours_error)
        return right

    def build_save_bar(self) -> QHBoxLayout:
        """The status, Undo, Reload (after a refused save), why Save is off, and Save."""
        bottom = QHBoxLayout()
        bottom.setSpacing(theme.GRID * 2)
        self.status = QLabel()
        self.status.setObjectName("form-status")
        self.status.setProperty("role", "body")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo")
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reload")
        self.reload_button.hide()
        self.save_reason = QLabel()
        self.save_reason.setObjectName("save-reason")
        self.save_reason.setProperty("role", "muted")
        self.save_reason.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-store")
        self.save_button.setProperty("kind", "primary")
        bottom.addWidget(self.status, 3)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.save_reason, 2)
        bottom.addWidget(self.save_button)
        return bottom

    def _build_key_fields(self) -> QGridLayout:
        top = _grid()
        self.stall_title = field_title()
        self.stall = _line("stall-number")
        self.stall.setMaximumWidth(theme.GRID * 16)
        self.category_title = field_title()
        self.category = QComboBox()
        self.active = QCheckBox()
        self.active.setObjectName("store-active")
        top.addWidget(self.stall_title, 0, 0)
        top.addWidget(self.stall, 1, 0)
        top.addWidget(self.category_title, 0, 1)
        top.addWidget(self.category, 1, 1)
        top.addWidget(self.active, 1, 2)
        top.setColumnStretch(1, 1)
        return top

    def _build_names(self) -> QGridLayout:
        """A row per language: its name, the name and the description."""
        names = _grid()
        self.names_title = field_title()
        self.descriptions_title = field_title()
        names.addWidget(self.names_title, 0, 1)
        names.addWidget(self.descriptions_title, 0, 2)
        self.language_labels: dict[LocaleCode, QLabel] = {}
        self.names: dict[LocaleCode, QLineEdit] = {}
        self.descriptions: dict[LocaleCode, QPlainTextEdit] = {}
        for row, code in enumerate(LOCALES, start=1):
            label = QLabel()
            label.setObjectName(f"language-{code}")
            name = _line(f"name-{code}")
            description = _description(code)
            names.addWidget(label, row, 0)
            names.addWidget(name, row, 1)
            names.addWidget(description, row, 2)
            self.language_labels[code] = label
            self.names[code] = name
            self.descriptions[code] = description
        # The form is one column up to 1366 px wide, so a name shows whole at half of it
        # ("Wave Handmade Fish Cakes" was cut beside the goods at 1366x768).
        names.setColumnStretch(1, 1)
        names.setColumnStretch(2, 1)
        return names

    def _build_contact(self) -> QGridLayout:
        """Phone and KakaoTalk side by side, the Zero Pay payload under them."""
        contact = _grid()
        self.phone_title = field_title()
        self.phone = _line("phone")
        self.kakao_title = field_title()
        self.kakao = _line("kakao")
        self.payment_title = field_title()
        self.payment = _line("payment")
        self.payment.setProperty("free-text", True)  # a QR payload: it scrolls (self-test rule)
        contact.addWidget(self.phone_title, 0, 0)
        contact.addWidget(self.phone, 1, 0)
        contact.addWidget(self.errors["phone"], 2, 0)
        contact.addWidget(self.kakao_title, 0, 1)
        contact.addWidget(self.kakao, 1, 1)
        contact.addWidget(self.errors["kakao_channel"], 2, 1)
        contact.addWidget(self.payment_title, 3, 0, 1, 2)
        contact.addWidget(self.payment, 4, 0, 1, 2)
        contact.addWidget(self.errors["payment_qr"], 5, 0, 1, 2)
        return contact

    def _build_methods(self) -> QGridLayout:
        """A box per way to pay, four to a row."""
        methods = QGridLayout()
        methods.setSpacing(theme.GRID // 2)
        self.methods: dict[PaymentMethod, QCheckBox] = {}
        for index, method in enumerate(PaymentMethod):
            box = QCheckBox()
            methods.addWidget(box, index // 4, index % 4)
            self.methods[method] = box
        return methods

    def _build_pin(self) -> QHBoxLayout:
        pin_row = QHBoxLayout()
        pin_row.setSpacing(theme.GRID * 2)
        self.pin = _line("store-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaximumWidth(theme.GRID * 24)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("set-pin")
        self.pin_message = QLabel()
        self.pin_message.setObjectName("pin-message")
        self.pin_message.setWordWrap(True)
        self.pin_message.setTextFormat(Qt.TextFormat.PlainText)
        self.wait_button = LiftWaitButton(self.pin_message.setText)
        pin_row.addWidget(self.pin)
        pin_row.addWidget(self.pin_button)
        pin_row.addWidget(self.wait_button)
        pin_row.addWidget(self.pin_message, 1)
        return pin_row

    def retranslate_fields(self) -> None:
        """The fields' titles, the categories and the ways to pay in the current language."""
        locale = current_locale()
        self.pin_title.setText(_("Store PIN for the merchant (6 to 12 digits)"))
        self.pin_button.setText(_("Set PIN"))
        self.wait_button.retranslate()
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
        self.category.blockSignals(True)
        current = self.category.currentData()
        self.category.clear()
        for item in Category:
            self.category.addItem(translate(CATEGORY_LABELS[item], locale), item.value)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)
        for method, box in self.methods.items():
            box.setText(translate(PAYMENT_LABELS[method], locale))
        self.hours.retranslate()
        self.goods.retranslate()
