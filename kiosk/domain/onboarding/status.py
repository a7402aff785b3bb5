"""Onboarding progress as values: a step's status, what it records, and the rules for saving it.

A step records real data (docs/architecture.md, "Domain facts"): the KakaoTalk
channel and the payment QR live on the store, profile links on the step. An
account records which phone number or e-mail owns it, never a password: text
that looks like a password is refused wherever it is typed (owner, note, helper).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from kiosk.domain.characters import is_hidden
from kiosk.domain.messages import N_, KioskError, Message, define
from kiosk.domain.onboarding.profile_links import ProfileKind
from kiosk.domain.store_edit.checks import HIDDEN_CHARS as HIDDEN
from kiosk.domain.store_edit.checks import TOO_LONG


class StepStatus(StrEnum):
    """Codes are stored in the database; never rename one."""

    TODO = "todo"  # not started
    DOING = "doing"  # in progress
    DONE = "done"
    SKIPPED = "skipped"  # not applicable to this store


STATUS_LABELS: Final[dict[StepStatus, str]] = {
    StepStatus.TODO: N_("Not started"),
    StepStatus.DOING: N_("In progress"),
    StepStatus.DONE: N_("Done"),
    StepStatus.SKIPPED: N_("Not applicable"),
}
#: A word or sign goes with every status; colour is never the only carrier.
STATUS_MARKS: Final[dict[StepStatus, str]] = {
    StepStatus.TODO: "○",
    StepStatus.DOING: "◐",
    StepStatus.DONE: "✓",
    StepStatus.SKIPPED: "–",
}


class RecordKind(StrEnum):
    """What a step saves when it is done (beyond its status, note, date and helper)."""

    NONE = "none"
    KAKAO_CHANNEL = "kakao_channel"  # on the store, through the one QR path
    PAYMENT_QR = "payment_qr"  # on the store, byte for byte, through the one QR path
    SMART_PLACE = "smart_place"
    INSTAGRAM = "instagram"
    DANGGEUN = "danggeun"
    SMART_STORE = "smart_store"

    @property
    def profile(self) -> ProfileKind | None:
        """The profile kind a link step records, or None for the other kinds."""
        try:
            return ProfileKind(self.value)
        except ValueError:
            return None

    @property
    def on_store(self) -> bool:
        return self in (RecordKind.KAKAO_CHANNEL, RecordKind.PAYMENT_QR)


MAX_NOTE: Final = 500
MAX_HELPER: Final = 100
MAX_OWNER: Final = 200

OWNER_NOT_CONTACT = define(
    "onboarding.owner_not_contact",
    N_(
        "Account owner: write the phone number or e-mail address that owns the account "
        "(for example 010-1234-5678). Never write a password here."
    ),
)
LOOKS_LIKE_PASSWORD = define(
    "onboarding.looks_like_password",
    N_("{field}: this looks like a password. Never write passwords in the app; remove it."),
)
NEEDS_RECORD = {
    RecordKind.KAKAO_CHANNEL: define(
        "onboarding.needs_kakao",
        N_("To mark this step done, enter the KakaoTalk channel ID first."),
    ),
    RecordKind.PAYMENT_QR: define(
        "onboarding.needs_payment",
        N_("To mark this step done, paste the Zero Pay code or load a photo of it first."),
    ),
    RecordKind.SMART_PLACE: define(
        "onboarding.needs_link", N_("To mark this step done, paste the link of your page first.")
    ),
}
_FIELDS = {
    "note": define("onboarding.field.note", N_("Note")),
    "helper": define("onboarding.field.helper", N_("Who helped (mentor)")),
    "account_owner": define("onboarding.field.account_owner", N_("Account owner")),
}
CONFLICT = define(
    "onboarding.conflict",
    N_(
        "Changed on another PC: the step {step} of {store} was saved elsewhere after you "
        "opened it (now: {status}). Nothing of yours was saved and your entries stay on "
        "the screen. Look at the other change, then save again."
    ),
)
UNKNOWN_STEP = define("onboarding.unknown_step", N_("There is no step {step!r} in the checklist."))


class OnboardingError(KioskError, ValueError):
    """A step's input was refused; nothing was saved. ``field`` names the refused input."""

    def __init__(self, message: Message, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class StepProgress:
    """One store's state of one step. ``version`` 0: never saved (every step starts so).

    ``link`` is the profile link a link step recorded; the KakaoTalk channel and
    the payment QR are on the store. ``completed_on`` is the day it was marked done.
    """

    step: str
    status: StepStatus = StepStatus.TODO
    note: str = ""
    helper: str = ""
    account_owner: str = ""
    link: str = ""
    completed_on: date | None = None
    updated_at: datetime | None = None
    updated_by: str = ""
    version: int = 0


class OnboardingConflict(KioskError):
    """Another PC saved the step after it was loaded; ``current`` is what it saved."""

    def __init__(self, *, step_title: str, store: str, current: StepProgress) -> None:
        super().__init__(
            CONFLICT(step=step_title, store=store, status=STATUS_LABELS[current.status])
        )
        self.current = current


# Passwords -----------------------------------------------------------------------------------
_PASSWORD_WORDS = re.compile(
    r"pass\s*word|passwd|\bpwd?\b|\bp/?w\s*[:=]|비밀\s*번호|비번|암호|パスワード|密码|密碼|口令",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}")
_PHONE = re.compile(r"(?:\+82[- ]?|0)\d{1,2}[- ]?\d{3,4}[- ]?\d{4}")


#: The password words once spaces and separators are gone ("pass word", "비 번", "p.a.s.s.w.o.r.d").
_PASSWORD_WORDS_COMPACT = re.compile(
    r"password|passwd|비밀번호|비번|암호|パスワード|密码|密碼|口令"
)


def _compact(text: str) -> str:
    """*text* without spaces, separators, punctuation and invisible characters."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "ZPC")


def looks_like_password(text: str) -> bool:
    """True when *text* names a password (password, pw:, 비밀번호, 비번, パスワード, 密码, ...).

    The text is read after NFKC normalisation and case folding (full-width
    ``ｐａｓｓｗｏｒｄ`` is ``password``), and once more with every space,
    separator and punctuation mark removed (``비 번``, ``pass-word``).
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _PASSWORD_WORDS.search(folded) is not None:
        return True
    return _PASSWORD_WORDS_COMPACT.search(_compact(folded)) is not None


def owner_problem(text: str) -> Message | None:
    """Why *text* cannot be an account owner (a phone number or an e-mail only), or None."""
    value = text.strip()
    if not value:
        return None
    if looks_like_password(value):
        return LOOKS_LIKE_PASSWORD(field=_FIELDS["account_owner"]())
    if len(value) > MAX_OWNER:
        return TOO_LONG(field=_FIELDS["account_owner"](), max=MAX_OWNER)
    if _EMAIL.fullmatch(value) or _PHONE.fullmatch(value):
        return None
    return OWNER_NOT_CONTACT()


def text_problem(field: str, text: str) -> Message | None:
    """Why *text* cannot be saved in the free-text *field* (``note`` or ``helper``), or None."""
    limit = MAX_NOTE if field == "note" else MAX_HELPER
    name = _FIELDS[field]()
    if looks_like_password(text):
        return LOOKS_LIKE_PASSWORD(field=name)
    if len(text) > limit:
        return TOO_LONG(field=name, max=limit)
    if any(is_hidden(ch) and ch not in "\n\t" for ch in text):
        return HIDDEN(field=name)
    return None


def field_name(field: str) -> Message:
    return _FIELDS[field]()


def check_entries(*, note: str, helper: str, account_owner: str) -> None:
    """Raise OnboardingError (naming the field) for the first refused free-text entry."""
    for field, text in (("account_owner", account_owner), ("note", note), ("helper", helper)):
        problem = owner_problem(text) if field == "account_owner" else text_problem(field, text)
        if problem is not None:
            raise OnboardingError(problem, field=field)


def needs_record(kind: RecordKind) -> Message:
    """The refusal for marking a recording step done without its data."""
    definition = NEEDS_RECORD.get(kind, NEEDS_RECORD[RecordKind.SMART_PLACE])
    return definition()


def effective_status(
    status: StepStatus, kind: RecordKind, *, has_kakao: bool, has_payment: bool
) -> StepStatus:
    """A step recording a code the store already has counts as done (the data is the proof)."""
    present = (kind is RecordKind.KAKAO_CHANNEL and has_kakao) or (
        kind is RecordKind.PAYMENT_QR and has_payment
    )
    if present and status in (StepStatus.TODO, StepStatus.DOING):
        return StepStatus.DONE
    return status
