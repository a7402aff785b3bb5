"""Backups of the SQLite database: taken, checked, kept (daily, last 14), restored, recovered.

A backup is a snapshot through SQLite's online backup API streamed into the temp
file of ``write_filled`` (``kiosk.data.backup_stream``): every page read back and
compared with the database's plus ``quick_check`` (``integrity_check`` when the
database file is not provably the snapshot), and the same schema revision, before
it replaces anything. Backups live in
``backups/`` beside the database file (the user data folder for the default
database) or in ``$KIOSK_BACKUP_DIR``. Restoring copies the backup beside the
database and checks the copy (schema, rows, keys), keeps a copy of the current
database, then copies the checked copy into the live database in one step and
writes one audit entry.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Final

from kiosk import settings
from kiosk.data.backup import (
    BackupError,
    BackupFacts,
    sqlite_path,
)
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.messages import N_, KioskError, define

#: Automatic and default-named backups kept per database (older ones are removed).
KEEP: Final = 14
#: An automatic backup is taken at start when the newest is older than this.
DAILY_S: Final = 24 * 3600
_STAMP = "%Y%m%d-%H%M%S"

REVISION_CHANGED = define(
    "backup.revision_changed", N_("the backup file read back has schema {found}, not {expected}")
)
RESTORE_OFFER = define(
    "backup.restore_offer", N_("The backup of {when} ({stores} stores) can be restored.")
)


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    facts: BackupFacts
    #: Every page was read back and compared with the database's (else: integrity_check).
    read_back: bool = False


@dataclass(frozen=True, slots=True)
class RestoreResult:
    facts: BackupFacts
    #: The database as it was before the restore (None when it could not be read).
    previous: Path | None


class DamagedDatabase(KioskError):
    """The database failed ``quick_check`` (or could not be read) at start.

    ``backup`` is the newest backup that passes its checks (None: there is none).
    """

    def __init__(
        self, *, where: str, detail: str, backup: BackupFacts | None, log: Path | None = None
    ) -> None:
        from kiosk.data.errors import FAULT, FAULT_LOGGED, FAULT_REASONS

        message = FAULT(where=where, reason=FAULT_REASONS["corrupt"](error=detail))
        if log is not None:
            message = message.then(FAULT_LOGGED(log=str(log)))
        if backup is not None:
            message = message.then(RESTORE_OFFER(when=taken_at(backup.path), stores=backup.stores))
        super().__init__(message)
        self.where = where
        self.detail = detail
        self.backup = backup


def sqlite_file_of(url: str | None) -> Path | None:
    """The SQLite file a database URL names (default: the app's), None for others."""
    from kiosk.data.backup import sqlite_file

    return sqlite_file(url)


def backups_dir(database_file: Path) -> Path:
    configured = settings.current().backup_dir
    return configured if configured is not None else database_file.parent / "backups"


def _pattern(database_file: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(database_file.stem)}-(\d{{8}}-\d{{6}})\.sqlite3$")


def default_name(database_file: Path, *, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime(_STAMP)
    return f"{database_file.stem}-{stamp}.sqlite3"


def taken_at(path: Path) -> str:
    """When a backup was taken, for people: from its name, else the file's time."""
    match = re.search(r"(\d{8}-\d{6})\.sqlite3$", path.name)
    if match is not None:
        stamp = datetime.strptime(match[1], _STAMP)
    else:
        stamp = datetime.fromtimestamp(path.stat().st_mtime)
    return stamp.strftime("%Y-%m-%d %H:%M")


def listed_backups(database_file: Path) -> list[Path]:
    """This database's default-named backups, newest first."""
    folder = backups_dir(database_file)
    pattern = _pattern(database_file)
    try:
        names = [entry.name for entry in folder.iterdir() if pattern.match(entry.name)]
    except OSError:
        return []
    return [folder / name for name in sorted(names, reverse=True)]


def _database_file(db: Database) -> Path:
    path = sqlite_path(db)
    if path is None:
        from kiosk.data.backup import MEMORY

        raise BackupError(MEMORY())
    return path


def take_backup(db: Database, *, out: Path | None = None) -> BackupResult:
    """Write a checked backup to *out* (default: the backups folder, named by the time).

    Raises BackupError (PostgreSQL, memory database, a damaged database or copy) and
    OutputPathError (folder, disk).
    """
    database_file = _database_file(db)
    expected = db.current_revision()
    if out is None:
        folder = backups_dir(database_file)
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / default_name(database_file)
    from kiosk.data.backup_stream import ReadBackError

    try:
        facts, read_back = _write_backup(db, out, expected)
    except ReadBackError:
        # Once more from a new snapshot: under a storm of writes from other connections
        # a page very rarely read back different (once in ~1,000 stress backups, cause
        # not found); a disk that writes wrong bytes fails the second time as well.
        facts, read_back = _write_backup(db, out, expected)
    return BackupResult(out, replace(facts, path=out), read_back)


def _write_backup(db: Database, out: Path, expected: str | None) -> tuple[BackupFacts, bool]:
    """Stream a backup of *db* into *out*'s temp file, prove it, move it into place.

    With *expected*, the copy must be at that schema revision. Returns its facts and
    whether every page was read back and compared (``StreamedBackup.compared``).
    """
    from kiosk.data.backup_stream import streamed_backup
    from kiosk.render.atomic import write_filled

    with streamed_backup(db) as stream:

        def verify(tmp: Path) -> BackupFacts:
            facts = stream.verify(tmp)
            if expected is not None and facts.revision != expected:
                raise BackupError(REVISION_CHANGED(found=facts.revision, expected=expected))
            return facts

        return write_filled(out, stream.fill, verify), stream.compared


def prune(database_file: Path, *, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest *keep* default-named backups; return the removed ones."""
    removed: list[Path] = []
    for old in listed_backups(database_file)[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            continue
    return removed


def daily_backup(db: Database, *, keep: int = KEEP) -> BackupResult | None:
    """A backup when the newest is more than a day old (None otherwise, or for PostgreSQL)."""
    if db.dialect != "sqlite" or sqlite_path(db) is None:
        return None
    database_file = _database_file(db)
    newest = listed_backups(database_file)
    if newest:
        try:
            age = time.time() - newest[0].stat().st_mtime
        except OSError:
            age = DAILY_S + 1
        if age < DAILY_S:
            return None
    result = take_backup(db)
    prune(database_file, keep=keep)
    return result


def latest_good_backup(database_file: Path) -> BackupFacts | None:
    """The newest backup of this database that passes every check of a restore, or None."""
    for candidate in listed_backups(database_file):
        try:
            return check_backup(candidate, database_file=database_file)
        except BackupError:
            continue
    return None


def check_backup(source: Path, *, database_file: Path | None) -> BackupFacts:
    """The facts of *source* once a copy of it passed every check of a restore (BackupError)."""
    from kiosk.data.checked_copy import checked_copy

    folder = database_file.parent if database_file is not None else Path(tempfile.gettempdir())
    with checked_copy(source, live=database_file, folder=folder) as (facts, _copy):
        return facts


def _before_restore_pattern(database_file: Path) -> re.Pattern[str]:
    stem = re.escape(database_file.stem)
    return re.compile(rf"^{stem}-before-restore-(\d{{8}}-\d{{6}})\.sqlite3$")


def prune_before_restore(database_file: Path, *, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest *keep* ``-before-restore-`` copies; return the removed ones."""
    folder = backups_dir(database_file)
    pattern = _before_restore_pattern(database_file)
    try:
        names = sorted(
            (entry.name for entry in folder.iterdir() if pattern.match(entry.name)), reverse=True
        )
    except OSError:
        return []
    removed: list[Path] = []
    for name in names[keep:]:
        try:
            (folder / name).unlink()
            removed.append(folder / name)
        except OSError:
            continue
    return removed


def _keep_current(db: Database, database_file: Path) -> Path | None:
    """Save the current database beside the backups before a restore (None: it cannot be read)."""
    folder = backups_dir(database_file)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime(_STAMP)
        previous = folder / f"{database_file.stem}-before-restore-{stamp}.sqlite3"
        _write_backup(db, previous, None)
    except (KioskError, OSError):
        return None  # a damaged database may not copy; the restore goes on
    prune_before_restore(database_file)
    return previous


def restore(db: Database, *, source: Path, actor: Actor) -> RestoreResult:
    """Replace the database's content by the backup *source*, checked first as a copy; audited.

    *source* is copied beside the database and every check runs on the copy
    (``kiosk.data.checked_copy``); only a copy that passed them all is written
    into the live database, in one transaction. The current database is first
    saved beside the backups (``<name>-before-restore-<time>.sqlite3``, the
    newest 14 kept) when it can still be read. Raises BackupError (PostgreSQL,
    the live file or a link to it, a damaged file, a non-database, a newer or
    different schema, a row the app would refuse); the database is unchanged then.
    """
    from kiosk.data.backup import copy_into
    from kiosk.data.checked_copy import checked_copy
    from kiosk.services import audit
    from kiosk.services.uow import transaction

    database_file = _database_file(db)
    with checked_copy(source, live=database_file, folder=database_file.parent) as checked:
        facts, copy = checked
        previous = _keep_current(db, database_file)
        copy_into(db, copy)
    with transaction(db) as session:
        audit.record(
            session,
            actor=actor,
            action=AuditAction.DATABASE_RESTORED,
            subject=f"{source.name} ({facts.stores} stores, schema {facts.revision})",
            changes=[("database", str(previous.name) if previous else "", source.name)],
        )
    return RestoreResult(facts, previous)


def restore_file(database_file: Path, *, source: Path) -> RestoreResult:
    """Recovery when the database cannot be used: a checked copy of *source* takes its place.

    The copy passes every check of :func:`restore` first; then the damaged file
    is kept beside it (``<name>.damaged-<time>``, with its journals) and the copy
    is moved over it in one rename. No connection may be open: the app disposes
    its engine first, which also lets Windows rename the file.
    """
    from kiosk.data.checked_copy import checked_copy

    folder = database_file.parent
    with checked_copy(source, live=database_file, folder=folder) as (facts, copy):
        stamp = datetime.now().strftime(_STAMP)
        kept = database_file.with_name(f"{database_file.name}.damaged-{stamp}")
        if database_file.exists():
            _keep_damaged(database_file, kept)
        for suffix in ("-wal", "-shm"):  # a journal of the damaged file must not touch the copy
            journal = database_file.with_name(database_file.name + suffix)
            if journal.exists():
                os.replace(journal, kept.with_name(kept.name + suffix))
        os.replace(copy, database_file)
    from kiosk.render.atomic import sync_folder

    sync_folder(folder)
    return RestoreResult(facts, kept)


def _keep_damaged(database_file: Path, kept: Path) -> None:
    """A second name for the damaged file (a copy where links are not possible)."""
    try:
        os.link(database_file, kept)
    except OSError:
        shutil.copyfile(database_file, kept)
