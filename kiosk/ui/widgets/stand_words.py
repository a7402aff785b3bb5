"""What went wrong with a stand, in one plain sentence (the details stay in the tooltip)."""

from __future__ import annotations

from kiosk.domain.messages import KioskError, Message
from kiosk.i18n import _


class Stopped(Exception):
    """Raised in the worker at the next stand after Stop was pressed."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"stopped after {done} of {total}")
        self.done = done
        self.total = total


class ChildFailed(Exception):
    """A child process said what went wrong (``text``, plain words; ``detail`` for the log)."""

    def __init__(self, text: str, detail: object) -> None:
        super().__init__(text)
        self.text = text
        self.detail = detail


def message_codes(message: object) -> set[str]:
    """Every message code in *message* and the messages it carries."""
    if not isinstance(message, Message):
        return set()
    found = {message.code}
    for _name, value in message.args:
        found |= message_codes(value)
    for extra in message.extra:
        found |= message_codes(extra)
    return found


def plain_error(exc: Exception) -> str:
    """One sentence a merchant understands for *exc* raised while preparing, printing or saving."""
    if isinstance(exc, ChildFailed):
        return exc.text
    if isinstance(exc, Stopped):
        return _("Stopped after {done} of {total} stands.").format(done=exc.done, total=exc.total)
    codes = message_codes(exc.message) if isinstance(exc, KioskError) else set()
    if codes & {"stand_print.no_printer", "stand_print.printer_failed"}:
        return str(exc)
    if "stands.nothing_to_print" in codes:
        return _(
            "There is no code to print yet. Add the KakaoTalk channel or the payment code "
            "under “My QR codes” first."
        )
    if "stands.store_refused" in codes:
        return _(
            "A store's code is not right, so nothing was printed. Check it under "
            "“My QR codes”: {detail}"
        ).format(detail=str(exc).split(":", 1)[0])
    if codes & {"output.disk_full", "output.quota"}:
        return _(
            "The file was not saved: there is no room left there. Choose another place, "
            "such as a USB stick. No half-written file was left."
        )
    unusable = {
        "output.no_permission",
        "output.folder_not_writable",
        "output.folder_missing",
        "output.path_is_folder",
        "output.not_regular",
        "output.read_only",
    }
    if codes & unusable:
        return _("The file cannot be saved in that place. Choose another folder.")
    if any(code.startswith("verify.") for code in codes):
        return _(
            "The saved file did not read back correctly, so it was removed. Please save again."
        )
    if isinstance(exc, OSError):
        return _("The file was not saved. Choose another place and try again.")
    raise exc
