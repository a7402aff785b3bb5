"""The error log: full tracebacks go to a file in the user's log folder, never to the screen."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk import logging_setup

_log = logging.getLogger(__name__)


def log_path() -> Path:
    """Where :func:`write_error_log` writes (the folder may not exist yet)."""
    return logging_setup.log_path()


def write_error_log(
    exc: BaseException, *, context: str = "", logger: logging.Logger | None = None
) -> Path | None:
    """Log *exc* with its traceback (and its causes) as an error; return the log file.

    *context* says what was running; *logger* defaults to this module's. Secrets
    are masked in what is written (kiosk.logging_setup.SecretFilter). Returns None
    when the log cannot be written (full disk, read-only home): the caller shows
    its one line without naming a log then.
    """
    handler = logging_setup.configure()
    handler.watch()
    (logger or _log).error("%s", context, exc_info=exc)
    return None if handler.failed() else handler.path
