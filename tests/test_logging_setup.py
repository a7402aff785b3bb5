"""The error log through stdlib logging: secrets masked in real records, the file rotated."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import logging_setup
from kiosk.data.logs import log_path, write_error_log
from kiosk.logging_setup import ErrorLogHandler, SecretFilter, mask_secrets

SECRET = "s3cret-Pw"
PIN = "4821"


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs"


@pytest.fixture
def logger(log_dir: Path) -> Iterator[logging.Logger]:
    """A kiosk logger writing to this test's log file."""
    logging_setup.configure()
    yield logging.getLogger("kiosk.tests.logging")


def _record(msg: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.makeLogRecord(
        {"name": "kiosk.x", "levelno": logging.ERROR, "msg": msg, "args": args or None}
    )
    record.__dict__.update(extra)
    return record


def _filtered(record: logging.LogRecord) -> str:
    assert SecretFilter().filter(record)
    return logging_setup.LogFormatter().format(record)


def test_a_database_url_loses_its_password() -> None:
    text = _filtered(_record("cannot open %s", f"postgresql://kiosk:{SECRET}@db.example/market"))
    assert SECRET not in text and "postgresql://kiosk:***@db.example/market" in text


@pytest.mark.parametrize(
    "message",
    [
        f"sign-in failed: pin={PIN}",
        f"sign-in failed: PIN: {PIN}",
        f"store_pin = '{PIN}' refused",
        f"set_pin({{'store': 3, 'pin': '{PIN}'}})",
        f"manager password={SECRET} rejected",
        f'{{"password": "{SECRET} with space"}}',
        f"db_password: {SECRET}",
    ],
)
def test_pins_and_passwords_in_the_text_are_masked(message: str) -> None:
    text = _filtered(_record(message))
    assert PIN not in text and SECRET not in text and "***" in text


def test_pins_passed_as_named_arguments_and_extras_are_masked() -> None:
    record = logging.makeLogRecord(
        {
            "name": "kiosk.x",
            "msg": "store %(store)s tried %(pin)s",
            "args": ({"store": 7, "pin": PIN},),
        }
    )
    record.args = {"store": 7, "pin": PIN}
    record.__dict__["new_pin"] = PIN
    text = _filtered(record)
    assert text.endswith("store 7 tried ***") and record.new_pin == "***"


def test_the_traceback_is_masked_too() -> None:
    try:
        raise ConnectionError(f"server refused postgresql://k:{SECRET}@h/m with pin={PIN}")
    except ConnectionError as exc:
        record = _record("database fault", exc_info=(type(exc), exc, exc.__traceback__))
    text = _filtered(record)
    assert "Traceback (most recent call last)" in text
    assert SECRET not in text and PIN not in text


def test_text_without_secrets_is_unchanged() -> None:
    for text in ("spinach 3000 won", "shipping: free", "opinion: good", "5 stores, 2 PINs set"):
        assert mask_secrets(text) == text


def test_write_error_log_keeps_its_format(log_dir: Path) -> None:
    try:
        raise ValueError(f"bad url postgresql://k:{SECRET}@h/m")
    except ValueError as exc:
        written = write_error_log(exc, context="database fault locked at /tmp/x")
    assert written == log_dir / "market-kiosk.log" == log_path()
    text = written.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    assert head.startswith("--- ") and head.endswith(" database fault locked at /tmp/x")
    assert " pid " in head and "+00:00" in head
    assert rest.startswith("Traceback (most recent call last)") and rest.endswith("\n\n")
    assert "postgresql://k:***@h/m" in rest and SECRET not in text


def test_records_of_kiosk_loggers_reach_the_file_masked(
    logger: logging.Logger, log_dir: Path
) -> None:
    logger.warning("connecting to %s with pin=%s", f"postgresql://a:{SECRET}@h/m", PIN)
    logger.info("not written: the file holds warnings and errors")
    text = (log_dir / "market-kiosk.log").read_text(encoding="utf-8")
    assert "connecting to postgresql://a:***@h/m with pin=***" in text
    assert SECRET not in text and PIN not in text and "not written" not in text


def test_an_unwritable_log_is_reported_as_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KIOSK_LOG_DIR", str(blocker / "logs"))
    assert write_error_log(RuntimeError("x"), context="test") is None


def test_the_file_rotates_keeping_one_old_file(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "market-kiosk.log"
    handler = ErrorLogHandler(path, max_bytes=2_000)
    logger = logging.getLogger("kiosk.tests.rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(100):
            logger.error("entry %03d %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["market-kiosk.log", "market-kiosk.log.1"]
    assert (
        path.stat().st_size <= 2_000
        and path.with_name("market-kiosk.log.1").stat().st_size <= 2_000
    )
    assert "entry 099" in path.read_text(encoding="utf-8")
    old = path.with_name("market-kiosk.log.1").read_text(encoding="utf-8")
    assert "entry 099" not in old and "entry 000" not in old  # older entries rotated away


def test_nothing_is_written_until_something_is_logged(log_dir: Path) -> None:
    logging_setup.configure()
    assert not log_dir.exists()


def test_the_handler_follows_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "one"))
    first = logging_setup.configure()
    assert logging_setup.configure() is first
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "two"))
    second = logging_setup.configure()
    assert second.path == tmp_path / "two" / "market-kiosk.log"
    assert first not in logging.getLogger("kiosk").handlers
