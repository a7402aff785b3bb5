"""The onboarding screens' look: 24 px text, 64 px touch targets, status words with their signs."""

from __future__ import annotations

from kiosk.domain.onboarding.status import STATUS_LABELS, STATUS_MARKS, StepStatus
from kiosk.i18n import _
from kiosk.ui import theme


def status_text(status: StepStatus) -> str:
    """``✓ Done``: the sign and the word, never the colour alone."""
    return f"{STATUS_MARKS[status]} {_(STATUS_LABELS[status])}"


def onboarding_stylesheet() -> str:
    """Merchant sizes on top of the app stylesheet (docs/architecture.md, "Design tokens")."""
    touch, lead = theme.TOUCH_MERCHANT, theme.LEAD
    return f"""
    QPushButton, QPushButton[kind="choice"], QPushButton[kind="back"] {{
        min-height: {touch}px; font-size: {lead}px;
    }}
    QPushButton[kind="choice"] {{ font-weight: 700; }}
    QLineEdit, QComboBox {{ min-height: {touch}px; font-size: {lead}px; }}
    QComboBox QAbstractItemView {{ font-size: {lead}px; }}
    QCheckBox {{ font-size: {lead}px; min-height: {touch}px; spacing: {theme.GRID * 2}px; }}
    QCheckBox::indicator {{ width: {theme.GRID * 4}px; height: {theme.GRID * 4}px; }}
    QListWidget {{ font-size: {lead}px; }}
    QListWidget::item {{ min-height: {touch}px; }}
    QPlainTextEdit {{
        font-size: {lead}px; background: {theme.CARD}; border: 2px solid {theme.LINE};
        border-radius: {theme.RADIUS}px; padding: {theme.GRID}px;
    }}
    QPlainTextEdit:focus {{ border-color: {theme.PRIMARY}; }}
    QProgressBar {{
        min-height: {theme.GRID * 4}px; border: 2px solid {theme.LINE};
        border-radius: {theme.RADIUS}px; background: {theme.SOFT}; text-align: center;
        font-size: {theme.BODY}px; font-weight: 700; color: {theme.INK};
    }}
    QProgressBar::chunk {{ background: {theme.PRIMARY}; border-radius: {theme.RADIUS - 2}px; }}
    QLabel[message="error"] {{ color: {theme.ACCENT}; font-weight: 700; }}
    QLabel[message="ok"] {{ color: {theme.PRIMARY}; font-weight: 700; }}
    QPushButton:disabled {{ color: {theme.MUTED}; background: {theme.SOFT}; }}
    QPushButton[kind="primary"]:disabled {{
        color: {theme.MUTED}; background: {theme.SOFT}; border-color: {theme.LINE};
    }}
    """


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
