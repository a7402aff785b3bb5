"""What undoing an onboarding change needs: the step as it was and the store's code before."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import StepProgress
from kiosk.ui.onboarding.record_fields import Code


@dataclass(frozen=True, slots=True)
class Undo:
    """The last change: the step as it was, and the store's code before (code steps)."""

    key: str
    before: StepProgress
    code_before: str | None
    code_step: bool


def records_of(state: StoreOnboarding, key: str) -> str:
    step = state.checklist.get(key)
    return step.records.value if step is not None else "none"


def code_of(state: StoreOnboarding, records: str) -> str | None:
    if records == "kakao_channel":
        return state.store.kakao_channel_id or None
    if records == "payment_qr":
        return state.store.payment_qr_payload or None
    return None


def code_input(records: str, value: str | None) -> Code | None:
    """The saved code *value* as the checked input the services take back (None: no code)."""
    from kiosk.services.app import Codes

    if value is None:
        return None
    return Codes.check_kakao(value) if records == "kakao_channel" else Codes.check_payment(value)
