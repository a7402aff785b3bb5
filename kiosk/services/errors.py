"""Errors the services raise, re-exported so the UI need not reach into kiosk.data.

``describe(exc)`` turns any exception into the one line a person sees: a
``KioskError`` says what went wrong and where; anything else is a bug, whose
traceback goes to the error log that the line names. Secrets in URLs are hidden.
"""

from __future__ import annotations

from kiosk.data.errors import (
    DatabaseFaultError,
    DatabaseOpenError,
    NotFoundError,
    SchemaTooNewError,
    StaleVersionError,
)
from kiosk.data.logs import log_path, write_error_log
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.urls import mask_url

__all__ = [
    "DatabaseFaultError",
    "DatabaseOpenError",
    "NotFoundError",
    "SchemaTooNewError",
    "StaleVersionError",
    "describe",
    "log_path",
    "write_error_log",
]

UNEXPECTED = define("app.unexpected", N_("unexpected error ({error})"))
UNEXPECTED_LOGGED = define(
    "app.unexpected.logged", N_("unexpected error ({error}); details were written to {log}")
)


def describe(exc: BaseException, *, context: str = "") -> str:
    """*exc* as one line for a person, in the current language, secrets in URLs hidden.

    Anything but a ``KioskError`` is logged with its traceback (*context* says
    what was running) and described by its type and the log file only, so no
    SQL or internal detail reaches the screen.
    """
    if isinstance(exc, KioskError):
        text = str(exc) or type(exc).__name__
    else:
        log = write_error_log(exc, context=context)
        error = type(exc).__name__
        message = (
            UNEXPECTED(error=error) if log is None else UNEXPECTED_LOGGED(error=error, log=str(log))
        )
        text = str(message)
    return mask_url(" ".join(text.split()))
