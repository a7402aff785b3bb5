"""At start: a damaged database is not used; the latest good backup is offered and restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.app import build_shell
from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops, recovery
from kiosk.ui.shell import Shell


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with one good daily backup, then scribbled over."""
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    db_file = tmp_path / "kiosk.sqlite3"
    url = f"sqlite:///{db_file}"
    with Services.open(url, seed_demo=True) as services:
        assert services.backups.daily_backup() is not None
    data = bytearray(db_file.read_bytes())
    for offset in range(4096 * 2, len(data) - 4096, 4096):
        data[offset : offset + 200] = b"\x5a" * 200
    db_file.write_bytes(bytes(data))
    return url


@pytest.fixture
def shell(qtbot: QtBot) -> Iterator[Shell]:
    i18n.set_locale("en")
    win = build_shell("en")
    qtbot.add_widget(win)
    yield win
    ops.wait_idle()
    services = win.services()
    if services is not None:
        services.close()


def _settle() -> None:
    for _round in range(4):
        assert ops.wait_idle()


def test_the_latest_good_backup_is_offered_and_restored(
    shell: Shell, damaged: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def yes(_owner: object, title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return True

    monkeypatch.setattr(recovery, "ask_with_dialog", yes)
    shell.start_loading(damaged)
    _settle()
    assert len(asked) == 1 and "The database is damaged" in asked[0]
    assert "can be restored" in asked[0]
    services = shell.services()
    assert services is not None and len(services.directory.list_markets()) == 2
    entries = services.audit.audit_log(
        actor=services.access.console_actor(), actions=(AuditAction.DATABASE_RESTORED,)
    )
    assert len(entries) == 1


def test_saying_no_leaves_the_database_alone(
    shell: Shell, damaged: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "ask_with_dialog", lambda *_args: False)
    before = Path(damaged.removeprefix("sqlite:///")).read_bytes()
    shell.start_loading(damaged)
    _settle()
    assert shell.services() is None
    assert "the database is damaged; restore a backup" in shell.load_error()
    assert Path(damaged.removeprefix("sqlite:///")).read_bytes() == before
