"""The one terminal writer: control and bidi characters escaped on every printed line."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import CliError, main
from kiosk.cli.admin import parse_since
from kiosk.cli.terminal import escape, installed, json_text
from kiosk.services.app import Services

HOSTILE = "\x1b[31m빨강\u202egnp.exe\x85\x9b2J\x7f\u2066x\u2069\u200e\u200f\u061c\x07"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("바다향 수산", "바다향 수산"),
        ("line one\nline two\n", "line one\nline two\n"),  # intended line breaks stay
        ("a,b\r\nc,d\r\n", "a,b\r\nc,d\r\n"),  # CRLF of a CSV row stays
        ("\x1b[2J", "\\x1b[2J"),  # ESC (a CSI sequence)
        ("\x07", "\\x07"),  # BEL
        ("\x7f", "\\x7f"),  # DEL
        ("\x85\x9b", "\\x85\\x9b"),  # C1 controls (NEL, CSI)
        ("over\rwrite", "over\\x0dwrite"),  # a lone CR would overwrite the line
        ("tail\r", "tail\\x0d"),  # a CR at the end of what is written is lone too
        ("a\tb", "a\\x09b"),  # tab
        ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),  # bidi
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),  # bidi isolates
        ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),  # LRM, RLM, ALM
        ("\ud800", "\\ud800"),  # a lone surrogate never breaks printing
    ],
)
def test_escape(text: str, shown: str) -> None:
    assert escape(text) == shown


def test_json_keeps_every_hidden_character_as_an_escape() -> None:
    value = {"name": HOSTILE, "tag": "\U000e0001", "nl": "a\nb", "ko": "한글"}
    text = json_text(value)
    assert json.loads(text) == value
    assert escape(text) == text  # nothing left for the terminal writer to change
    assert "\\u202e" in text and "\\u0085" in text and "\\udb40\\udc01" in text
    assert "한글" in text  # readable, not \ud55c


def test_everything_printed_in_a_command_goes_through_the_writer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with installed():
        print(HOSTILE)
        print(HOSTILE, file=sys.stderr)
        sys.stdout.write("row\r\n")
    out, err = capsys.readouterr()
    assert out == escape(HOSTILE) + "\nrow\r\n"
    assert err == escape(HOSTILE) + "\n"
    assert "\x1b" not in out + err and "\u202e" not in out + err


@pytest.fixture
def hostile_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database whose stall A-1 holds a hostile name (as a damaged or planted database might)."""
    path = tmp_path / "cli.sqlite3"
    database = "sqlite:///" + path.as_posix()
    Services.open(database, seed_demo=True).close()
    with sqlite3.connect(path) as conn:
        names = json.dumps({"ko": HOSTILE, "en": '=HYPERLINK("x")'})
        conn.execute("UPDATE stores SET name = ? WHERE stall_number = 'A-1'", (names,))
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    yield database


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_stores_list_escapes_hostile_names(
    hostile_url: str, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert main(["stores", "list", "--market", "bansong", "--format", fmt]) == 0
    out = capsys.readouterr().out
    for ch in "\x1b\u202e\x85\x9b\x7f\u2066\u200e\u061c\x07":
        assert ch not in out
    if fmt == "json":
        names = [row["name"] for row in json.loads(out)]
        assert HOSTILE in names  # the JSON still holds the real text, as escapes
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out, newline="")))
        header = rows[0]
        a1 = next(row for row in rows if row[header.index("stall_number")] == "A-1")
        assert a1[header.index("name_en")] == '\'=HYPERLINK("x")'  # formula neutralised
        assert a1[header.index("name")] == escape(HOSTILE)
    else:
        assert escape(HOSTILE) in out


# Dates out of range ------------------------------------------------------------------------------
@pytest.fixture
def seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    "since",
    ["0001-01-01", "0001-01-01T00:00+09:00", "9999-12-31T23:59-05:00", "9999-12-31T23:59"],
)
def test_a_date_out_of_range_is_one_line(seoul: None, since: str) -> None:
    with pytest.raises(CliError, match="too far in the past or the future"):
        parse_since(since)


@pytest.mark.parametrize(("since", "year"), [("2026-12-01", 2026), ("1000-01-01", 999)])
def test_a_date_in_range_is_read(seoul: None, since: str, year: int) -> None:
    assert parse_since(since).year in (year, year + 1)
    assert parse_since(since).utcoffset() is not None
    assert isinstance(parse_since(since), datetime)


# Closed and full standard output (the real command line) -----------------------------------------
def _run(url: str, *args: str, stdout: int | IO[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KIOSK_DATABASE_URL": url, "LANG": "en_US.UTF-8"},
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (Windows)")
@pytest.mark.parametrize(
    "command",
    [
        ["stores", "list"],
        ["stores", "list", "--format", "json"],
        ["stores", "list", "--format", "csv"],
        ["audit", "--format", "csv"],
    ],
)
def test_a_full_stdout_ends_with_one_line_and_status_2(
    hostile_url: str, command: list[str]
) -> None:
    with open("/dev/full", "w") as full:
        done = _run(hostile_url, *command, stdout=full)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "market-kiosk: error: cannot write to standard output (No space left on device)"
    ]


def test_audit_since_out_of_range_from_the_command_line(hostile_url: str) -> None:
    done = _run(hostile_url, "audit", "--since", "0001-01-01", stdout=subprocess.PIPE)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "too far in the past" in done.stderr and "unexpected" not in done.stderr


@pytest.mark.skipif(os.name == "nt", reason="SIGPIPE status is POSIX")
def test_a_reader_that_goes_away_ends_quietly(hostile_url: str) -> None:
    """``market-kiosk stores list | head -1`` with more rows than a pipe holds."""
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "stores", "list", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KIOSK_DATABASE_URL": hostile_url},
    )
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read().decode()
    assert first.startswith(b"market,")
    assert child.wait(timeout=60) in (0, 141)  # 0 when everything fit in the pipe already
    assert err == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (Windows)")
@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["stores", "list"], 2),  # both full: nothing can be said, the status says it
        (["stores", "list", "--market", "nowhere"], 2),  # the error line itself cannot go out
        (["audit", "--since", "0001-01-01"], 2),
    ],
)
def test_full_stdout_and_stderr_end_with_the_status(
    hostile_url: str, command: list[str], status: int
) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", *command],
            stdout=full,
            stderr=full,
            env={**os.environ, "KIOSK_DATABASE_URL": hostile_url},
            timeout=120,
            check=False,
        )
    assert done.returncode == status
