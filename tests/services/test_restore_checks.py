"""Hostile backups: each refused naming the table, row or thing at fault; live file unchanged."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.data.backup import BackupError
from kiosk.i18n import current_locale, set_locale
from kiosk.services.app import Services
from kiosk.services.backup import listed_backups, prune_before_restore

#: A demo payload with a wrong CRC (the right one ends in CB35).
BAD_CRC = (
    "00020101021126380019KR.DEMO.MARKETKIOSK0111DEMO-DM-A015204541153034105802KR"
    "5919DEMO TANGERINE GLOW6004JEJU62270823DEMO DATA - NOT PAYABLE6304CB36"
)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "office" / "market-kiosk.sqlite3"


@pytest.fixture
def services(db_file: Path) -> Iterator[Services]:
    db_file.parent.mkdir()
    with Services.open(f"sqlite:///{db_file}", seed_demo=True) as opened:
        yield opened


@pytest.fixture
def good(services: Services, tmp_path: Path) -> Path:
    console = services.access.console_actor()
    return services.backups.backup_database(actor=console, out=tmp_path / "good.sqlite3").path


def _live_state(db_file: Path) -> tuple[str, ...]:
    """sha256 of the live file and of its journals, as they are on disk."""
    names = (db_file, db_file.with_name(db_file.name + "-wal"))
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in names)


def _sql(*statements: str) -> Callable[[Path, Path], Path]:
    def make(backup: Path, _live: Path) -> Path:
        with sqlite3.connect(backup) as conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()
        return backup

    return make


def _retype(backup: Path, _live: Path) -> Path:
    with sqlite3.connect(backup) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'products'").fetchone()
        assert "unit VARCHAR(20)" in sql
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = 'products'",
            (sql.replace("unit VARCHAR(20)", "unit BLOB"),),
        )
    conn.close()
    return backup


def _first_payload(statement: str) -> Callable[[Path, Path], Path]:
    return _sql(
        "PRAGMA ignore_check_constraints = ON",
        statement,
    )


def _text(backup: Path, _live: Path) -> Path:
    backup.write_text("stall,price\nA-1,5000\n")
    return backup


def _truncated(backup: Path, _live: Path) -> Path:
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 3])
    return backup


def _live(_backup: Path, live: Path) -> Path:
    return live


def _symlink(backup: Path, live: Path) -> Path:
    link = backup.with_name("link.sqlite3")
    link.symlink_to(live)
    return link


def _hard_link(backup: Path, live: Path) -> Path:
    link = backup.with_name("hard.sqlite3")
    os.link(live, link)
    return link


def _fifo(backup: Path, _live: Path) -> Path:
    fifo = backup.with_name("fifo.sqlite3")
    os.mkfifo(fifo)
    return fifo


CASES: list[tuple[str, Callable[[Path, Path], Path], str]] = [
    (
        "trigger rewriting a payment code",
        _sql(
            "CREATE TRIGGER pay AFTER UPDATE ON stores BEGIN "
            "UPDATE stores SET payment_qr_payload = 'x' WHERE id = NEW.id; END"
        ),
        'the trigger "pay" (table stores) was not made by Market Kiosk',
    ),
    (
        "trigger emptying the audit log",
        _sql("CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END"),
        'the trigger "wipe" (table audit_log)',
    ),
    (
        "trigger lifting sign-in throttling",
        _sql(
            "CREATE TRIGGER free AFTER INSERT ON sign_in_attempts BEGIN "
            "DELETE FROM sign_in_attempts; END"
        ),
        'the trigger "free" (table sign_in_attempts)',
    ),
    ("a view", _sql("CREATE VIEW peek AS SELECT * FROM credentials"), 'the view "peek"'),
    ("an extra table", _sql("CREATE TABLE notes (x TEXT)"), 'the table "notes"'),
    ("a missing table", _sql("DROP TABLE credentials"), 'the table "credentials" of schema'),
    ("a missing column", _sql("ALTER TABLE stores DROP COLUMN phone"), "lacks the column phone"),
    (
        "an extra column",
        _sql("ALTER TABLE stores ADD COLUMN evil TEXT"),
        "table stores has a column evil",
    ),
    ("a wrong column type", _retype, "table products, column unit is BLOB NOT NULL where schema"),
    (
        "a payment code with a bad CRC",
        _sql(f"UPDATE stores SET payment_qr_payload = '{BAD_CRC}' WHERE stall_number = 'A-1'"),
        "column payment_qr_payload: ",
    ),
    (
        "a KakaoTalk id with bad characters",
        _sql("UPDATE stores SET kakao_channel_id = '_bad id!' WHERE stall_number = 'A-1'"),
        "column kakao_channel_id: ",
    ),
    (
        "a negative price",
        _first_payload("UPDATE products SET price_won = -5 WHERE id = 3"),
        "table products, row 3, column price_won: a price below 0 won (-5)",
    ),
    (
        "a category the app does not know",
        _sql("UPDATE stores SET category = 'weapons' WHERE id = 2"),
        "table stores, row 2, column category: the value 'weapons' is not what the app stores",
    ),
    (
        "a name that is not JSON",
        _sql("UPDATE markets SET name = '{oops' WHERE id = 1"),
        "table markets, row 1, column name",
    ),
    (
        "a price stored as text",
        _sql("UPDATE products SET price_won = 'free' WHERE id = 4"),
        "table products, row 4, column price_won",
    ),
    (
        "a good of a stall that does not exist",
        _sql("PRAGMA foreign_keys = OFF", "UPDATE products SET store_id = 99999 WHERE id = 5"),
        "table products, row 5 points to a stores row that does not exist",
    ),
    (
        "a store without a Korean name",
        _sql("""UPDATE stores SET name = '{"en": "x"}' WHERE id = 2"""),
        "table stores, row 2, column name: the Korean name is missing",
    ),
    (
        "null where the app never leaves a value out",
        _sql("UPDATE markets SET city = 'null' WHERE id = 1"),
        "table markets, row 1, column city",
    ),
    (
        "an onboarding step with an unknown status",
        _sql("UPDATE onboarding_progress SET status = 'weird' WHERE id = 1"),
        "table onboarding_progress, row 1, column status",
    ),
    (
        "an audit entry of the wrong shape",
        _sql(
            "INSERT INTO audit_log (id, at, actor_role, actor, pc, action, subject, changes) "
            "VALUES (777, '2026-01-01 00:00:00.000000', 'manager', 'x', '', 'x', '', "
            """'{"a": 1}')"""
        ),
        "table audit_log, row 777, column changes",
    ),
    ("a text file", _text, "text file, not a SQLite"),
    ("a truncated file", _truncated, ""),
    ("the live file", _live, "is the database in use"),
    ("a symbolic link to the live file", _symlink, "is the database in use"),
    ("a hard link to the live file", _hard_link, "is the database in use"),
    ("a FIFO", _fifo, "is not a file (a named pipe)"),
]


@pytest.mark.parametrize(("make", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_hostile_backup_is_refused_and_the_live_file_is_unchanged(
    services: Services,
    good: Path,
    db_file: Path,
    make: Callable[[Path, Path], Path],
    words: str,
) -> None:
    if make in (_fifo, _symlink, _hard_link) and sys.platform == "win32":
        pytest.skip("no FIFOs or links for everyone on Windows")
    source = make(good, db_file)
    before = _live_state(db_file)
    console = services.access.console_actor()
    with pytest.raises(BackupError) as refused:
        services.backups.inspect_backup(source=source)
    assert words in str(refused.value)
    with pytest.raises(BackupError) as again:
        services.backups.restore_database(actor=console, source=source)
    assert str(again.value) == str(refused.value)
    assert _live_state(db_file) == before
    assert len(services.directory.list_markets()) == 2
    assert not list(db_file.parent.glob(".restore-*")), "the checked copy is left behind"
    assert not list((db_file.parent / "backups").glob("*before-restore*"))


def test_the_good_backup_restores_and_the_app_works(
    services: Services, good: Path, db_file: Path
) -> None:
    console = services.access.console_actor()
    services.listings.remove_market(actor=console, slug="bansong")
    result = services.backups.restore_database(actor=console, source=good)
    assert result.facts.stores == 48 and result.previous is not None
    with Services.open(f"sqlite:///{db_file}") as reopened:
        stores = reopened.directory.list_stores(market_slug="dongmun")
        assert stores and reopened.directory.get_store(store_id=stores[0].id).stall_number
    assert not list(db_file.parent.glob(".restore-*"))


def test_a_checked_copy_left_by_a_killed_run_is_removed_later(
    services: Services, good: Path, db_file: Path
) -> None:
    old = db_file.parent / ".restore-killed.sqlite3"
    young = db_file.parent / ".restore-another-pc.sqlite3"
    for path in (old, young):
        path.write_bytes(b"x")
    os.utime(old, (0, 0))
    services.backups.inspect_backup(source=good)
    assert not old.exists() and young.exists()


def test_an_older_revision_is_checked_against_its_own_schema(
    services: Services, good: Path
) -> None:
    """A backup at revision 0004 holds 0004's tables: refused only for what 0004 lacks."""
    from sqlalchemy import create_engine

    from kiosk.data import migrate

    engine = create_engine(f"sqlite:///{good}")
    try:
        migrate.downgrade(engine, "0004")
    finally:
        engine.dispose()
    facts = services.backups.inspect_backup(source=good)
    assert facts.revision == "0004" and facts.stores == 48
    console = services.access.console_actor()
    assert services.backups.restore_database(actor=console, source=good).facts.stores == 48
    assert len(services.directory.list_markets()) == 2


def test_before_restore_copies_rotate_like_backups(
    services: Services, good: Path, db_file: Path
) -> None:
    folder = db_file.parent / "backups"
    folder.mkdir()
    for day in range(1, 20):
        (folder / f"market-kiosk-before-restore-202601{day:02d}-030000.sqlite3").write_bytes(b"x")
    services.backups.restore_database(actor=services.access.console_actor(), source=good)
    kept = sorted(folder.glob("market-kiosk-before-restore-*.sqlite3"))
    assert len(kept) == 14
    assert not (folder / "market-kiosk-before-restore-20260101-030000.sqlite3").exists()
    assert listed_backups(db_file) == []  # the copies are not taken for backups
    assert prune_before_restore(db_file) == []


def test_recovery_at_start_refuses_a_hostile_backup_and_keeps_the_damaged_file(
    services: Services, good: Path, db_file: Path
) -> None:
    url = f"sqlite:///{db_file}"
    services.close()
    _sql("CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END")(
        good, db_file
    )
    before = _live_state(db_file)
    with pytest.raises(BackupError, match='the trigger "t"'):
        Services.recover_from_backup(url, backup=good)
    assert _live_state(db_file) == before
    assert not list(db_file.parent.glob("*.damaged-*"))


def test_a_backup_with_promotions_restores_them(
    services: Services, db_file: Path, tmp_path: Path
) -> None:
    import io
    from datetime import date, time

    from PIL import Image

    from kiosk.domain.promotions import PromotionDraft, TimeWindow
    from kiosk.domain.text import LocalizedText

    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(picture, format="JPEG")
    console = services.access.console_actor()
    draft = PromotionDraft(
        market_slug="dongmun",
        title=LocalizedText({"ko": "저녁 할인"}),
        text=LocalizedText({"ko": "저녁 6시부터"}),
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        weekdays=frozenset({5, 6}),
        window=TimeWindow(time(18), time(1)),
        image=picture.getvalue(),
    )
    saved = services.promotions.add_promotion(actor=console, draft=draft)
    backup = services.backups.backup_database(actor=console, out=tmp_path / "p.sqlite3").path
    services.promotions.remove_promotion(actor=console, promotion_id=saved.id)
    services.backups.restore_database(actor=console, source=backup)
    with Services.open(f"sqlite:///{db_file}") as reopened:
        assert saved in reopened.promotions.list_promotions("dongmun")
