"""The one door to the data: ``Services``, built once from a database URL, made of named parts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Self

from kiosk.services.changes import ChangeHub
from kiosk.services.parts.access import Access
from kiosk.services.parts.audit import Audit
from kiosk.services.parts.backups import Backups
from kiosk.services.parts.codes import Codes
from kiosk.services.parts.core import Core
from kiosk.services.parts.directory import Directory
from kiosk.services.parts.exchange import Exchange
from kiosk.services.parts.holidays import Holidays
from kiosk.services.parts.listings import Listings
from kiosk.services.parts.live import Live
from kiosk.services.parts.onboarding import Onboarding
from kiosk.services.parts.promotions import Promotions
from kiosk.services.parts.public import Public
from kiosk.services.parts.rates import Rates
from kiosk.services.parts.search import Search

if TYPE_CHECKING:
    from kiosk.data.db import Database
    from kiosk.data.server_check import CheckLine
    from kiosk.services.pc_setup import SetUpPc

__all__ = [
    "Access",
    "Audit",
    "Backups",
    "Codes",
    "Directory",
    "Exchange",
    "Holidays",
    "Listings",
    "Live",
    "Onboarding",
    "Promotions",
    "Public",
    "Rates",
    "Search",
    "Services",
]


class Services:
    """Application services over one open database (thread-safe: one session per call).

    Build with :meth:`open` (raises ``DatabaseOpenError`` naming the place, password
    hidden). The use cases live on the parts (``services.directory.list_stores(...)``,
    docs/architecture.md "The services door"); reads return plain domain values,
    writes check the version the user was editing and publish a change on
    ``changes`` after they committed. ``close()`` releases the connections.
    """

    def __init__(self, db: Database) -> None:
        core = Core(db)
        self._db = db
        self.changes: ChangeHub = core.changes
        #: This process's id in the change events (its own are not polled back).
        self.origin: str = core.origin
        #: The PC's name in the audit log.
        self.pc: str = core.pc
        self.directory = Directory(core)
        self.listings = Listings(core)
        self.codes = Codes(core)
        self.onboarding = Onboarding(core, self.codes)
        self.exchange = Exchange(core)
        self.access = Access(core)
        self.audit = Audit(core)
        self.backups = Backups(core)
        self.live = Live(core)
        self.promotions = Promotions(core)
        self.search = Search(core)
        self.public = Public(core)
        self.rates = Rates(core)
        self.holidays = Holidays(core)

    @classmethod
    def open(cls, url: str | None = None, *, seed_demo: bool = False) -> Self:
        """Open *url* (default: ``$KIOSK_DATABASE_URL`` or the user's SQLite file).

        With *seed_demo* an empty database gets the two demo markets.
        """
        from kiosk.data.db import Database
        from kiosk.data.seed import ensure_demo_data

        db = Database.open(url)
        if seed_demo:
            try:
                ensure_demo_data(db)
            except BaseException:
                db.close()
                raise
        return cls(db)

    @staticmethod
    def check_database(url: str | None = None) -> list[CheckLine]:
        """Check *url* (default: this PC's database) step by step: one line per check.

        Reachability, credentials, server version, pg_trgm, rights, schema revision
        and clock on PostgreSQL; file, rights and revision on SQLite. Writes nothing.
        """
        from kiosk.data.db import default_database_url
        from kiosk.data.server_check import check_database

        return check_database(url if url is not None else default_database_url())

    @staticmethod
    def default_database_url() -> str:
        """This PC's database: the settings' URL, else the SQLite file in the user data folder."""
        from kiosk.data.db import default_database_url

        return default_database_url()

    @staticmethod
    def init_database(url: str) -> tuple[str | None, str]:
        """Set up the schema on *url*: (revision before, revision now); refuses another app's."""
        from kiosk.data.server_check import init_database

        return init_database(url)

    @classmethod
    def set_up_pc(
        cls, database_url: str, *, role: str, market: str | None = None, stall: str | None = None
    ) -> SetUpPc:
        """Set this PC up as ``market-kiosk setup`` does: its home market in *database_url*,
        then the settings file (the password in the credential store).

        SetupRefused, NotFoundError (naming the known markets or stalls) or
        DatabaseOpenError leave the PC unchanged. Whoever sets a PC up holds the
        database itself, so the home market is set with the command line's rights.
        """
        from kiosk.services.pc_setup import check_setup, finish_setup

        check_setup(role=role, market=market, stall=stall)
        home = None
        if market:
            with cls.open(database_url) as services:
                found = services.directory.set_home_market(
                    actor=services.access.console_actor(), market_slug=market, stall=stall
                )
            assert found is not None
            home = found.market_slug + (f" stall {found.stall}" if found.stall else "")
        return finish_setup(database_url, role=role, home=home)

    @staticmethod
    def store_settings(changes: dict[str, str | None]) -> list[str]:
        """Write *changes* to the settings file (None removes a key; a URL's password goes to
        the credential store); lines saying where. SetupRefused names a bad value."""
        from kiosk.services.pc_setup import store_settings

        return store_settings(changes)

    @staticmethod
    def set_aside_settings_file() -> Path | None:
        """Keep an unreadable settings file as ``settings.toml.bad`` so the set-up can start."""
        from kiosk.services.pc_setup import set_aside_settings_file

        return set_aside_settings_file()

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
        from kiosk.data.backup import database_file
        from kiosk.domain.access import Actor, Role
        from kiosk.domain.audit import AuditAction
        from kiosk.services import audit
        from kiosk.services.backup import restore_file
        from kiosk.services.uow import transaction

        result = restore_file(database_file(url), source=backup)
        services = cls.open(url)
        actor = Actor(Role.MANAGER, services.pc, None, "console")
        before = result.previous.name if result.previous else ""
        with transaction(services._db) as session:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.DATABASE_RESTORED,
                subject=f"{backup.name} after a failed check at start",
                changes=[("database", before, backup.name)],
            )
        return services

    @property
    def url(self) -> str:
        """Where the data lives, for display (password hidden)."""
        return self._db.url

    @property
    def place(self) -> tuple[bool, str]:
        """(shared, where): True and ``host / database`` on a server, False and the file name."""
        return self._db.dialect == "postgresql", self._db.place

    @property
    def where(self) -> str:
        """The file path (SQLite) or URL (password hidden) for messages."""
        return self._db.where

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
