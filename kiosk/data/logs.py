"""The error log: full tracebacks go to a file in the user's log folder, never to the screen."""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from kiosk import settings
from kiosk.domain.urls import mask_url

LOG_NAME = "market-kiosk.log"
#: When the log grows past this, it is moved to ``market-kiosk.log.1`` (one old file kept).
MAX_BYTES = 1_000_000


def log_folder() -> Path:
    configured = settings.current().log_dir
    if configured is not None:
        return configured
    import platformdirs

    return Path(platformdirs.user_log_dir("market-kiosk", appauthor=False))


def log_path() -> Path:
    """Where :func:`write_error_log` writes (the folder may not exist yet)."""
    return log_folder() / LOG_NAME


def write_error_log(exc: BaseException, *, context: str = "") -> Path | None:
    """Append *exc* with its traceback (and its causes) to the log; return the file.

    Secrets in URLs are hidden in what is written. Returns None when the log
    cannot be written (full disk, read-only home): the caller shows its one
    line without naming a log then.
    """
    path = log_path()
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    lines = traceback.format_exception(exc)
    text = f"--- {stamp} pid {os.getpid()} {context}\n{''.join(lines)}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(mask_url(text))
    except OSError:
        return None
    return path
