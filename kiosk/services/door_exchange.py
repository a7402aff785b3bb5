"""The services door, part 4: listings import/export, backup and restore, checked opening."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Self

from kiosk.domain.access import Actor, CodeProof, Role
from kiosk.domain.audit import AuditAction
from kiosk.services.changes import Change, ChangeKind

if TYPE_CHECKING:
    from kiosk.data.backup import BackupFacts
    from kiosk.domain.exchange.plan import ImportPlan
    from kiosk.services.backup import BackupResult, RestoreResult
    from kiosk.services.exchange import ExportResult, ImportResult

from kiosk.services.door_listings import ListingUseCases


class ExchangeUseCases(ListingUseCases):
    """Excel/CSV exchange and SQLite backups (PostgreSQL uses pg_dump)."""

    # Listings exchange: import, export (README "Listings files") --------------------------
    def check_import(
        self,
        *,
        actor: Actor,
        path: Path,
        market_slug: str | None = None,
        deactivate_missing: bool = False,
    ) -> ImportPlan:
        """The dry run of importing *path*: what would change; nothing is written.

        Raises ImportRefused (every problem, named by sheet, row and column),
        ExchangeFileError (not a listings file), NotFoundError (no such market).
        """
        from kiosk.services.accounts import require
        from kiosk.services.exchange import check_import

        require(self._sessions, actor, manager=True)
        return check_import(
            self._db, path=path, market_slug=market_slug, deactivate_missing=deactivate_missing
        )

    def apply_import(
        self, *, actor: Actor, plan: ImportPlan, proof: CodeProof | None = None
    ) -> ImportResult:
        """Write a checked *plan* all-or-nothing, with one audit entry; publishes the change.

        A plan that changes KakaoTalk channels or payment payloads takes the manager
        password again as *proof* (the command line's console needs none). Raises
        ImportStale when a store changed after the plan was made.
        """
        from kiosk.services.accounts import actor_for_proof, require
        from kiosk.services.exchange import apply_import

        live = require(self._sessions, actor, manager=True)
        if plan.touches_codes and live.via != "console":
            from kiosk.domain.access import PermissionDenied
            from kiosk.services.listings import NEED_PROOF

            if proof is None or proof.kind != "password":
                raise PermissionDenied(NEED_PROOF())
            actor_for_proof(self._db, proof=proof, store_id=-1, pc=self.pc, subject="import")
        result = apply_import(self._db, plan=plan, actor=live, origin=self.origin)
        if result.store_ids:
            ids = frozenset(result.store_ids) if len(result.store_ids) <= 500 else frozenset()
            self.changes.publish(Change(ChangeKind.STORES, plan.market_slug, ids))
        return result

    def export_listings(
        self, *, actor: Actor, market_slug: str, out: Path, template: bool = False
    ) -> ExportResult:
        """Write a market's listings to *out* (.csv or .xlsx), checked by reading it back.

        With *template* only the headers (and, in a workbook, the guide sheet).
        """
        from kiosk.services.accounts import require
        from kiosk.services.exchange import export_listings

        require(self._sessions, actor, manager=True)
        return export_listings(self._db, market_slug=market_slug, out=out, template=template)

    # Backup and restore (SQLite; PostgreSQL uses pg_dump) --------------------------------
    def backup_database(self, *, actor: Actor, out: Path | None = None) -> BackupResult:
        """A checked backup through SQLite's backup API (default: the backups folder)."""
        from kiosk.services.accounts import require
        from kiosk.services.backup import take_backup

        require(self._sessions, actor, manager=True)
        return take_backup(self._db, out=out)

    def inspect_backup(self, *, source: Path) -> BackupFacts:
        """What a backup file holds, once it passed every check (BackupError otherwise).

        On PostgreSQL it raises BackupError with the pg_dump advice: nothing to restore into.
        """
        from kiosk.data.backup import inspect_backup, sqlite_path

        sqlite_path(self._db)
        return inspect_backup(source)

    def restore_database(self, *, actor: Actor, source: Path) -> RestoreResult:
        """Replace the database by the checked backup *source*; audited; every screen refreshes."""
        from kiosk.services.accounts import require
        from kiosk.services.backup import restore
        from kiosk.services.live import latest_change_id

        live = require(self._sessions, actor, manager=True)
        seen = latest_change_id(self._db)  # other PCs may have seen ids up to here
        result = restore(self._db, source=source, actor=live)
        self.note_bulk_change(Change(ChangeKind.MARKETS), above=seen)
        self.changes.publish(Change(ChangeKind.MARKETS))
        return result

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

    @classmethod
    def open_checked(cls, url: str | None = None, *, seed_demo: bool = False) -> Self:
        """:meth:`open`, then SQLite's ``quick_check``; a damaged database is not used.

        Raises DamagedDatabase (with the newest good backup, if any) instead of
        opening a database that fails the check or cannot be read.
        """
        from kiosk.data.backup import quick_check, sqlite_path
        from kiosk.services.backup import DamagedDatabase, latest_good_backup, sqlite_file_of
        from kiosk.services.errors import DatabaseFaultError

        try:
            services = cls.open(url, seed_demo=seed_demo)
        except DatabaseFaultError as exc:
            damaged = sqlite_file_of(url) if exc.kind == "corrupt" else None
            backup = latest_good_backup(damaged) if damaged is not None else None
            if backup is None:
                raise
            raise DamagedDatabase(
                where=exc.where, detail=str(exc.reason), backup=backup, log=exc.log
            ) from exc
        problem = quick_check(services._db)
        if problem is not None:
            from kiosk.services.errors import write_error_log

            database_file = sqlite_path(services._db)
            services.close()
            backup = latest_good_backup(database_file) if database_file is not None else None
            found = DamagedDatabase(where=services.where, detail=problem, backup=backup)
            log = write_error_log(found, context=f"quick_check at start: {problem}")
            raise DamagedDatabase(where=services.where, detail=problem, backup=backup, log=log)
        return services

    @classmethod
    def recover_from_backup(cls, url: str | None, *, backup: Path) -> Self:
        """Put the checked *backup* in place of a damaged SQLite file and open it (audited).

        The damaged file is kept beside it (``<name>.damaged-<time>``).
        """
        from sqlalchemy import make_url

        from kiosk.data.db import default_database_url
        from kiosk.services import audit
        from kiosk.services.backup import restore_file

        database = make_url(url or default_database_url()).database or ""
        result = restore_file(Path(database).expanduser().absolute(), source=backup)
        services = cls.open(url)
        actor = Actor(Role.MANAGER, services.pc, None, "console")
        before = result.previous.name if result.previous else ""
        with services._db.session() as session:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.DATABASE_RESTORED,
                subject=f"{backup.name} after a failed check at start",
                changes=[("database", before, backup.name)],
            )
        return services
