"""Text from the database, a file or the command line reaches the terminal escaped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from db_fault_helpers import CliRunner, assert_one_clean_line, sqlite_url

from kiosk.cli import error_line

NASTY = [
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;owned\x07",  # set the window title
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "abc\u202egpj.exe",  # right-to-left override
    "a\rb",  # carriage return rewrites the line
    "\x9b31m",  # 8-bit CSI
    "\u200b\ufeff",  # invisible
    "\ud800",  # lone surrogate
]


def _raw_controls(text: str) -> list[str]:
    return [
        ch
        for ch in text
        if ch not in "\n" and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u202e\u200b")
    ]


@pytest.mark.parametrize("nasty", NASTY)
def test_an_error_line_escapes_controls(nasty: str) -> None:
    line = error_line(f"store {nasty!s} failed")
    assert not _raw_controls(line), repr(line)
    assert "\n" not in line
    line.encode("utf-8")  # printable: no lone surrogate left


@pytest.mark.parametrize("nasty", NASTY[:6])
def test_a_market_slug_from_the_database_is_escaped(
    demo_copy: Path, cli: CliRunner, nasty: str
) -> None:
    """An unknown --market lists the known slugs, one of which holds escape sequences."""
    con = sqlite3.connect(demo_copy)
    with con:
        con.execute(
            "INSERT INTO markets (slug, name, city, site_url, created_at) "
            "VALUES (?, '{}', '{}', '', '2026-01-01 00:00:00')",
            (f"evil{nasty}",),
        )
    con.close()
    run = cli(sqlite_url(demo_copy), ["qr", "stands", "--market", "nowhere", "--out", "s.pdf"])
    line = assert_one_clean_line(run, "nowhere", "bansong")
    assert not _raw_controls(run.err), repr(run.err)
    assert "evil" in line


@pytest.mark.parametrize("nasty", NASTY[:6])
def test_a_market_argument_is_escaped(demo_copy: Path, cli: CliRunner, nasty: str) -> None:
    run = cli(sqlite_url(demo_copy), ["qr", "stands", "--market", nasty, "--out", "s.pdf"])
    assert_one_clean_line(run)
    assert not _raw_controls(run.err), repr(run.err)


@pytest.mark.parametrize("nasty", NASTY[:6])
def test_a_usage_error_is_escaped(cli: CliRunner, nasty: str) -> None:
    with pytest.raises(SystemExit) as info:
        cli("sqlite://", ["qr", "stands", "--market", "m", "--size", nasty, "--out", "s.pdf"])
    assert info.value.code == 2


def test_demo_output_is_plain(demo_copy: Path, cli: CliRunner) -> None:
    run = cli(sqlite_url(demo_copy), ["demo"])
    assert run.code == 0
    assert not _raw_controls(run.out)
    assert run.out.splitlines() == [
        "bansong: 24 stores",
        "dongmun: 24 stores",
        f"database: sqlite:///{demo_copy.as_posix()}",
    ]
