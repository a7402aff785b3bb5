"""The error log through stdlib ``logging``: one rotating file in the log folder, secrets masked.

Modules log with ``logging.getLogger(__name__)``; records of the ``kiosk`` loggers
at WARNING and above go to ``market-kiosk.log`` in the log folder
(``$KIOSK_LOG_DIR``, default the user log folder), moved to ``market-kiosk.log.1``
when it passes 1 MB (one old file kept). Every record passes :class:`SecretFilter`
first: passwords in database URLs, PINs and passwords never reach the file.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any, Final

from kiosk import settings
from kiosk.domain.urls import MASK, mask_url

LOG_NAME: Final = "market-kiosk.log"
#: When the log would grow past this, it is moved to ``market-kiosk.log.1`` (one old file kept).
MAX_BYTES: Final = 1_000_000
BACKUP_COUNT: Final = 1
#: The logger whose records (and its children's) go to the file.
LOGGER: Final = "kiosk"

#: Words that make a key a secret: ``pin``, ``new_pin``, ``pin_code``, ``password``, ``passwd``...
_SECRET_WORD = r"(?:pin(?:_?code)?|pass(?:word|wd|phrase)|pwd|secret|token)"
# ``pin: 1234``, ``'pin': '1234'``, ``"password"="x y"``, ``new_pin=0000``: key, separator, value.
_SECRET_PAIR = re.compile(
    rf"(?P<head>(?<![A-Za-z0-9])(?:[A-Za-z0-9]+_)?{_SECRET_WORD}(?![A-Za-z0-9])"
    r"['\"]?[ \t]*[=:][ \t]*)"
    r"(?P<secret>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s,;&)}\]]+)",
    re.IGNORECASE,
)
_SECRET_KEY = re.compile(rf"^(?:[A-Za-z0-9]+_)?{_SECRET_WORD}$", re.IGNORECASE)
#: Attributes every LogRecord has; any other one came from ``extra=``.
_RECORD_FIELDS: Final = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def mask_secrets(text: str) -> str:
    """*text* with URL passwords (``user:***@host``), PINs and passwords replaced by ``***``."""
    masked = mask_url(text)
    return _SECRET_PAIR.sub(
        lambda m: m["head"] + MASK if m["secret"].strip("'\"") not in ("", MASK) else m[0], masked
    )


def is_secret_key(key: object) -> bool:
    """True for ``pin``, ``new_pin``, ``password``, ``db_password``, ``token``..."""
    return isinstance(key, str) and _SECRET_KEY.match(key) is not None


class SecretFilter(logging.Filter):
    """Masks secrets in a record: its message and arguments, traceback, stack and extras.

    Arguments given by name (``log.info("%(pin)s", {"pin": pin})``) and ``extra=``
    fields named like a secret are replaced whole; everything else is masked in
    the formatted text, so a URL or ``pin=...`` quoted in any message is hidden.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):
            record.args = {k: MASK if is_secret_key(k) else v for k, v in record.args.items()}
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        for name in set(vars(record)) - _RECORD_FIELDS:
            if is_secret_key(name):
                setattr(record, name, MASK)
        return True


class LogFormatter(logging.Formatter):
    """``--- 2026-12-01T09:30:00+00:00 pid 4242 what was running``, then the traceback and a
    blank line (the error log's format since its first version)."""

    def __init__(self) -> None:
        super().__init__("--- %(asctime)s pid %(process)d %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text + "\n" if record.exc_text else text


class ErrorLogHandler(RotatingFileHandler):
    """The rotating log file: its folder made when first written, failures noted, not printed.

    A full disk or a read-only home must not break what was running: the record
    is dropped and :meth:`failed` tells the caller, who then names no log file.
    """

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES) -> None:
        super().__init__(
            path,
            maxBytes=max_bytes,
            backupCount=BACKUP_COUNT,
            encoding="utf-8",
            delay=True,  # no file until something is written
            errors="backslashreplace",
        )
        self.path = Path(self.baseFilename)
        self._state = threading.local()
        self.setLevel(logging.WARNING)
        self.setFormatter(LogFormatter())
        self.addFilter(SecretFilter())

    def _open(self) -> Any:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        self._state.failed = True

    def watch(self) -> None:
        """Start watching this thread's writes (emitting runs in the logging thread)."""
        self._state.failed = False

    def failed(self) -> bool:
        """True when a write of this thread failed since :meth:`watch`."""
        return bool(getattr(self._state, "failed", False))


def log_folder() -> Path:
    """``$KIOSK_LOG_DIR``, else the user log folder (created when first written)."""
    configured = settings.current().log_dir
    if configured is not None:
        return configured
    import platformdirs

    return Path(platformdirs.user_log_dir("market-kiosk", appauthor=False))


def log_path() -> Path:
    """Where the log is written (the folder may not exist yet)."""
    return log_folder() / LOG_NAME


_lock = threading.Lock()
_handler: ErrorLogHandler | None = None


def configure() -> ErrorLogHandler:
    """Send the ``kiosk`` loggers' warnings and errors to the log file of the current settings.

    Idempotent; when the settings name another folder (tests), the handler moves there.
    """
    global _handler
    path = log_path()
    with _lock:
        if _handler is not None and _handler.path == Path(os.path.abspath(path)):
            return _handler
        logger = logging.getLogger(LOGGER)
        if _handler is not None:
            logger.removeHandler(_handler)
            _handler.close()
        _handler = ErrorLogHandler(path)
        logger.addHandler(_handler)
        return _handler
