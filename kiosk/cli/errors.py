"""Shared by every command: ``CliError`` and the one-line ``market-kiosk: error: ...``."""

from __future__ import annotations

from typing import Final

PROG: Final = "market-kiosk"


class CliError(Exception):
    """Bad input from the command line: printed as one line, exit status 2."""


def error_line(text: str) -> str:
    """``market-kiosk: error: ...`` on one line, secrets in URLs hidden, control characters
    escaped (the text may quote a database, a file or the user's own input)."""
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url

    message = " ".join(text.split())
    return terminal_safe(mask_url(f"{PROG}: error: {message}"))


def unexpected_error_line(exc: BaseException, *, context: str) -> str:
    """Log *exc* with its traceback; return the one line that names the log."""
    from kiosk.services.values import describe

    return error_line(describe(exc, context=context))
