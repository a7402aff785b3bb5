"""The onboarding screens' look: 24 px text, 64 px touch targets, status words with their signs."""

from __future__ import annotations

from kiosk.domain.onboarding.checklist import Tally
from kiosk.domain.onboarding.status import STATUS_LABELS, STATUS_MARKS, StepStatus
from kiosk.i18n import _
from kiosk.ui import theme


def status_text(status: StepStatus) -> str:
    """``✓ Done``: the sign and the word, never the colour alone."""
    return f"{STATUS_MARKS[status]} {_(STATUS_LABELS[status])}"


def count_text(counted: Tally) -> str:
    """The one count of steps: "8 of 10 steps done", the not-applicable ones named beside it."""
    text = _("{done} of {total} steps done").format(done=counted.done, total=counted.applicable)
    if counted.skipped:
        text += " " + _("({skipped} not applicable, not counted)").format(skipped=counted.skipped)
    return text


def onboarding_stylesheet() -> str:
    """Merchant sizes on top of the app stylesheet: the theme's onboarding variant."""
    return theme.stylesheet("onboarding")


def set_message(label: object, text: str, kind: str = "") -> None:
    """Show *text* in a message label, red-brown and bold for errors (with ⚠), green for ok."""
    from PySide6.QtWidgets import QLabel

    assert isinstance(label, QLabel)
    prefix = "⚠ " if kind == "error" and text else ""
    label.setText(prefix + text)
    label.setVisible(bool(text))
    label.setProperty("message", kind)
    style = label.style()
    style.unpolish(label)
    style.polish(label)
