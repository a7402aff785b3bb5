"""The merchant QR screen's files: save a checked code as PNG/PDF, print it, ask where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from kiosk.i18n import _

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from kiosk.domain.listing import StoreDetail
    from kiosk.domain.locales import LocaleCode
    from kiosk.services.values import SavedQr
    from kiosk.ui.merchant.kakao_section import KakaoSection
    from kiosk.ui.merchant.qr_section import QrSection

Which = Literal["kakao", "payment"]


class CodeScreen(Protocol):
    """What these functions use of the merchant QR screen (no import back to it)."""

    @property
    def kakao(self) -> KakaoSection: ...

    def current_store(self) -> StoreDetail | None: ...

    def export_code(self, which: Which, path: Path) -> SavedQr: ...

    def print_code(self, which: Which, printer: QPrinter) -> float: ...

    def show_status(self, message: str, *, kind: str = "info") -> None: ...

    def window_parent(self) -> QWidget:
        """The widget dialogs open over (the screen itself)."""
        ...


def export_code(section: QrSection, path: Path) -> SavedQr:
    """Write the verified code of *section* to *path* (.png, .svg, .pdf), checked and atomic.

    Raises LookupError when the section shows no verified code; errors of
    ``save_qr`` (QrFormatError, OSError, QrVerificationError) pass through.
    """
    from kiosk.services.app import Codes

    verified = section.verified()
    if verified is None:
        raise LookupError(_("There is no checked code to save."))
    return Codes.write_code_file(verified.matrix.spec, path)


def print_code(
    section: QrSection,
    which: Which,
    printer: QPrinter,
    *,
    store: StoreDetail | None,
    locale: LocaleCode,
) -> float:
    """Print the verified code of *section* on *printer*; return the printed width in mm."""
    from kiosk.ui.widgets.qr_print import print_qr

    verified = section.verified()
    if verified is None:
        raise LookupError(_("There is no checked code to print."))
    title = store.name.get(locale) if store is not None else ""
    if which == "kakao":
        lines = [_("KakaoTalk channel"), verified.text]
    else:
        lines = [
            _("Zero Pay payment QR"),
            _(
                "After printing, laminate the code or cover it with tamper-proof film, "
                "so nobody can stick a false code over it."
            ),
        ]
    return print_qr(printer, verified, title=title, lines=lines, locale=locale)


def on_export_requested(screen: CodeScreen, which: Which, action: str) -> None:
    """A section's button: "print", or save in the format *action* names ("png", "pdf")."""
    if action == "print":
        print_code_on(screen, which, None)
    else:
        save_code_file(screen, which, action, None)


def save_code_file(screen: CodeScreen, which: Which, fmt: str, path: Path | None) -> None:
    """Save the code of *which* (asking where when *path* is None); the outcome in the status."""
    from kiosk.services.values import QrFormatError, QrVerificationError

    if not screen.kakao.files_allowed():
        return

    if path is None:
        path = ask_save_path(screen.window_parent(), screen.current_store(), which, fmt)
        if path is None:
            return
    try:
        saved = screen.export_code(which, path)
    except (LookupError, QrFormatError, QrVerificationError, OSError) as exc:
        screen.show_status("⚠ " + _plain(exc), kind="error")
        return
    screen.show_status(
        "✓ " + _("Saved and checked by scanning: {name}").format(name=saved.path.name), kind="ok"
    )


def _plain(exc: Exception) -> str:
    """*exc* in plain words (kiosk.ui.widgets.stand_words), else its own message."""
    from kiosk.ui.widgets.stand_words import plain_error

    try:
        return plain_error(exc)
    except Exception:
        return str(exc)


def print_code_on(screen: CodeScreen, which: Which, printer: QPrinter | None) -> None:
    """Print the code of *which* (asking for a printer when *printer* is None)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from kiosk.ui.widgets.qr_print import PrintError

    if not screen.kakao.files_allowed():
        return

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, screen.window_parent())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
    try:
        width = screen.print_code(which, printer)
    except (LookupError, PrintError) as exc:
        screen.show_status("⚠ " + str(exc), kind="error")
        return
    screen.show_status(
        "✓ " + _("Sent to the printer; the code is {mm:.0f} mm wide.").format(mm=width),
        kind="ok",
    )


def ask_save_path(
    parent: QWidget, store: StoreDetail | None, which: Which, fmt: str
) -> Path | None:
    """Ask where to save the code (a name from the stall number); None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    stem = f"{store.stall_number}-{which}" if store is not None else which
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)
    pattern = (_("Picture") if fmt == "png" else _("Printable file")) + f" (*.{fmt})"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save the QR code"),
        str(Path.home() / f"{stem}.{fmt}"),
        pattern,
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}")
