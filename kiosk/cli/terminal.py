"""The one terminal writer: control and bidi characters in every printed line are escaped.

Text printed by a command may come from a file, a scan or the database; an
escape sequence (ESC, CSI), a carriage return, a C1 control or a bidi override
(U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) must not act on the
terminal or make a line read differently from what it holds. :func:`escape` is
the one function that makes text safe; :func:`installed` puts it in front of
standard output and standard error for the whole run of a command, so tables,
lists, CSV, messages and errors all pass through it, whatever prints them.
Intended line breaks stay (``\\n``, and ``\\r`` right before ``\\n``); every other
hidden character is shown as ``\\x1b`` / ``\\u202e``. JSON output is made by
:func:`json_text`, which writes those characters as JSON escapes (``\\u202e``),
so the output stays valid JSON and the writer has nothing left to change.

A standard output that goes away (``| head``) or cannot take more (``> /dev/full``)
raises :class:`OutputClosed`, which ends the command quietly (status 141 or 2).
"""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# Light at import: kiosk.cli loads this module on the way to the GUI's first frame.


class OutputClosed(BaseException):
    """Standard output or error cannot be written any more (closed pipe, full disk).

    A BaseException, so that no ``except Exception`` on the way turns it into
    "unexpected error"; :func:`kiosk.cli.main` ends the command quietly.
    """

    def __init__(self, error: OSError, *, stream: str) -> None:
        super().__init__(error)
        self.error = error
        self.stream = stream

    @property
    def broken_pipe(self) -> bool:
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


def escape(text: str) -> str:
    """*text* safe for a terminal: line breaks kept, every other hidden character escaped."""
    if text.isprintable():
        return text
    from kiosk.domain.text import terminal_safe

    lines = text.split("\n")
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if line.isprintable():
            continue
        if index < last and line.endswith("\r"):  # CRLF: a line end, not a cursor move
            lines[index] = terminal_safe(line[:-1]) + "\r"
        else:
            lines[index] = terminal_safe(line)
    return "\n".join(lines)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(value: object) -> str:
    """*value* as indented JSON (non-ASCII text readable) with every hidden character escaped.

    ``json.dumps(ensure_ascii=False)`` escapes C0 controls but writes DEL, C1
    controls, bidi controls and lone surrogates as they are; here they become
    ``\\u....`` escapes too. Raw line breaks in the result are the indentation's.
    """
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    if text.replace("\n", "").isprintable():
        return text + "\n"
    import unicodedata

    from kiosk.domain.characters import is_hidden

    return (
        "".join(
            _json_escape(ch)
            if ch != "\n" and (is_hidden(ch) or unicodedata.category(ch) == "Cs")
            else ch
            for ch in text
        )
        + "\n"
    )


class TerminalStream(io.TextIOBase):
    """A text stream that writes everything through :func:`escape` to *stream*."""

    def __init__(self, stream: TextIO, *, name: str) -> None:
        super().__init__()
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            self._stream.write(escape(text))
        except OSError as exc:
            raise OutputClosed(exc, stream=self._name) from None
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputClosed(exc, stream=self._name) from None

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)


@contextmanager
def installed() -> Iterator[None]:
    """Standard output and error go through the terminal writer until the block ends."""
    out, err = sys.stdout, sys.stderr
    if out is not None:
        sys.stdout = TerminalStream(out, name="stdout")
    if err is not None:
        sys.stderr = TerminalStream(err, name="stderr")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def text_width(text: str) -> int:
    """Columns *text* takes in a terminal: Hangul and CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
