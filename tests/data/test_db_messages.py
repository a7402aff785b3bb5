"""The data layer raises messages as values: a code and parameters, translated when shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.data.db import Database
from kiosk.data.errors import DatabaseOpenError
from kiosk.domain.messages import Message
from kiosk.i18n import set_locale

PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)


def test_the_reason_is_a_message_rendered_in_the_language_current_when_shown(
    tmp_path: Path,
) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(PNG)
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(f"sqlite:///{path}")
    reason = caught.value.reason
    assert isinstance(reason, Message) and reason.code == "data.open.png"
    assert str(caught.value).endswith("it is a PNG image, not a SQLite database")
    set_locale("ko")  # after the raise: the same error now reads in Korean
    shown = str(caught.value)
    assert str(path) in shown and "PNG 그림 파일입니다" in shown


@pytest.mark.parametrize(
    ("url", "code", "param"),
    [
        ("ftp://files.example/market.db", "data.open.unsupported_scheme", ("scheme", "ftp")),
        ("no url at all", "data.open.not_a_url", None),
    ],
)
def test_url_problems_carry_their_code_and_parameters(
    url: str, code: str, param: tuple[str, str] | None
) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(url)
    reason = caught.value.reason
    assert isinstance(reason, Message) and reason.code == code
    if param is not None:
        assert reason.params[param[0]] == param[1]


def test_an_unreadable_url_with_a_secret_is_named_by_a_message() -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open("postgresql://k:s3cret@[::1/m")
    where = caught.value.where
    assert isinstance(where, Message) and where.code == "data.open.unparseable_url"
    assert "s3cret" not in str(caught.value)
    set_locale("ko")
    assert "s3cret" not in str(caught.value)


def test_a_folder_is_refused_with_its_kind(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(f"sqlite:///{tmp_path}")
    assert isinstance(caught.value.reason, Message)
    assert caught.value.reason.code == "data.open.folder"
