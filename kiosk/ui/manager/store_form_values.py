"""The store form's values: a draft into the fields and back, undo states, problems shown."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kiosk.domain.categories import Category
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, NATIVE_NAMES
from kiosk.domain.store_edit.checks import missing_locales, validate
from kiosk.domain.store_edit.draft import Problem, StoreDraft, empty_draft
from kiosk.i18n import _

if TYPE_CHECKING:
    from kiosk.ui.manager.store_form_fields import StoreFormFields


def fill(form: StoreFormFields, draft: StoreDraft) -> None:
    """Put *draft* into the fields (the caller holds back the edit signals)."""
    form.stall.setText(draft.stall_number)
    form.category.setCurrentIndex(max(0, form.category.findData(draft.category.value)))
    form.active.setChecked(draft.active)
    for code in LOCALES:
        form.names[code].setText(draft.name.get(code, ""))
        form.descriptions[code].setPlainText(draft.description.get(code, ""))
    form.phone.setText(draft.phone)
    form.kakao.setText(draft.kakao)
    form.payment.setText(draft.payment)
    for method, box in form.methods.items():
        box.setChecked(method in draft.payment_methods)
    form.hours.set_hours(draft.hours)
    form.goods.set_goods(draft.products)
    for edit in (*form.names.values(), form.stall, form.phone, form.kakao, form.payment):
        edit.setCursorPosition(0)  # show the start of a long text, not its end


def read_draft(
    form: StoreFormFields, base: StoreDetail | None
) -> tuple[StoreDraft | None, list[Problem]]:
    """The fields as a draft, and every problem (parsing and the domain's checks)."""
    hours, problems = form.hours.parse()
    goods, goods_problems = form.goods.parse()
    problems += goods_problems
    category = form.category.currentData()
    draft = StoreDraft(
        stall_number=form.stall.text(),
        category=Category(category) if category else Category.OTHER,
        name={code: form.names[code].text() for code in LOCALES},
        description={code: form.descriptions[code].toPlainText() for code in LOCALES},
        phone=form.phone.text(),
        hours=hours or (base.opening_hours if base else empty_draft().hours),
        payment_methods=tuple(m for m, box in form.methods.items() if box.isChecked()),
        kakao=form.kakao.text(),
        payment=form.payment.text(),
        active=form.active.isChecked(),
        products=goods,
    )
    problems += code_problems(draft)
    domain = [p for p in validate(draft) if not any(p.field == q.field for q in problems)]
    problems = domain + problems
    return (draft if not problems else None), problems


def capture(form: StoreFormFields) -> Any:
    """Everything typed, as one comparable value (an undo step)."""
    return (
        form.stall.text(),
        form.category.currentData(),
        form.active.isChecked(),
        tuple(form.names[c].text() for c in LOCALES),
        tuple(form.descriptions[c].toPlainText() for c in LOCALES),
        form.phone.text(),
        form.kakao.text(),
        form.payment.text(),
        tuple(box.isChecked() for box in form.methods.values()),
        form.hours.state(),
        form.goods.state(),
    )


def restore(form: StoreFormFields, state: Any) -> None:
    """Put back what ``capture`` took (the caller holds back the edit signals)."""
    stall, category, active, names, descriptions, phone, kakao, payment = state[:8]
    methods, hours, goods = state[8:]
    form.stall.setText(stall)
    form.category.setCurrentIndex(max(0, form.category.findData(category)))
    form.active.setChecked(active)
    for code, name, description in zip(LOCALES, names, descriptions, strict=True):
        form.names[code].setText(name)
        form.descriptions[code].setPlainText(description)
    form.phone.setText(phone)
    form.kakao.setText(kakao)
    form.payment.setText(payment)
    for box, checked in zip(form.methods.values(), methods, strict=True):
        box.setChecked(checked)
    form.hours.set_state(hours)
    form.goods.set_state(goods)


def show_problems(form: StoreFormFields, problems: list[Problem]) -> None:
    """Write each problem under its field and mark missing languages."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append("⚠ " + str(problem.message))
    for key, label in form.errors.items():
        texts = by_field.pop(key, [])
        label.setText("\n".join(texts))
        label.setVisible(bool(texts))
    names = [
        t
        for k in list(by_field)
        if k.startswith(("name.", "description."))
        for t in by_field.pop(k)
    ]
    form.names_error.setText("\n".join(names))
    form.names_error.setVisible(bool(names))
    hours = [t for k in list(by_field) if k.startswith("opening_hours") for t in by_field.pop(k)]
    form.hours_error.setText("\n".join(hours))
    form.hours_error.setVisible(bool(hours))
    goods = [t for texts in by_field.values() for t in texts]
    form.goods_error.setText("\n".join(goods))
    form.goods_error.setVisible(bool(goods))
    form.goods.mark_rows(
        {int(p.field.split(".")[1]) for p in problems if p.field.startswith("goods.")}
    )
    names_now = {code: form.names[code].text() for code in LOCALES}
    missing = set(missing_locales(names_now))
    for code, label in form.language_labels.items():
        mark = "⚠ " if code in missing else ""
        required = " *" if code == "ko" else ""
        label.setText(f"{mark}{NATIVE_NAMES[code]}{required}")
        label.setToolTip(_("No name in this language yet") if code in missing else "")


def code_problems(draft: StoreDraft) -> list[Problem]:
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


def codes_cleaned(draft: StoreDraft) -> StoreDraft:
    """The codes as the services will compare them (a pasted link becomes the channel ID)."""
    from kiosk.services.app import Codes
    from kiosk.services.values import QrInputError

    try:
        kakao = Codes.check_kakao(draft.kakao)
    except QrInputError:
        return draft
    return replace(draft, kakao=kakao.channel_id if kakao else "", payment=draft.payment.strip())
