"""Backups: checked SQLite backups (manual and daily), their facts, and restoring one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.data.backup import BackupFacts
    from kiosk.services.backup import BackupResult, RestoreResult


class Backups(Part):
    """SQLite's backup API, every copy checked; PostgreSQL gets the pg_dump advice."""

    @staticmethod
    def taken_at(path: Path) -> str:
        """When the backup *path* was taken, from its name, for display."""
        from kiosk.services.backup import taken_at

        return taken_at(path)

    def backup_database(self, *, actor: Actor, out: Path | None = None) -> BackupResult:
        """A checked backup through SQLite's backup API (default: the backups folder)."""
        from kiosk.services.backup import take_backup

        self._core.require(actor, manager=True)
        return take_backup(self._db, out=out)

    def inspect_backup(self, *, source: Path) -> BackupFacts:
        """What a backup file holds, once a copy of it passed every check of a restore.

        The same checks as :meth:`restore_database` (BackupError naming the problem).
        On PostgreSQL it raises BackupError with the pg_dump advice: nothing to restore into.
        """
        from kiosk.data.backup import sqlite_path
        from kiosk.services.backup import check_backup

        return check_backup(source, database_file=sqlite_path(self._db))

    @publishes
    def restore_database(self, *, actor: Actor, source: Path) -> Written[RestoreResult]:
        """Replace the database by the checked backup *source*; audited; every screen refreshes."""
        from kiosk.services.backup import restore
        from kiosk.services.live import latest_change_id

        live = self._core.require(actor, manager=True)
        seen = latest_change_id(self._db)  # other PCs may have seen ids up to here
        result = restore(self._db, source=source, actor=live)
        self._core.note_bulk_change(Change(ChangeKind.MARKETS), above=seen)
        return Written(result, Change(ChangeKind.MARKETS))

    def daily_backup(self) -> BackupResult | None:
        """Take the automatic backup when the newest is over a day old; keep the last 14."""
        from kiosk.services.backup import daily_backup

        return daily_backup(self._db)

    def latest_backups(self) -> list[Path]:
        """This database's backups in the backups folder, newest first (none for PostgreSQL)."""
        from kiosk.data.backup import sqlite_path
        from kiosk.services.backup import listed_backups

        if self._db.dialect != "sqlite":
            return []
        path = sqlite_path(self._db)
        return listed_backups(path) if path is not None else []
