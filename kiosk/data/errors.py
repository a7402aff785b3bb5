"""Errors the data layer raises; each message says what went wrong and where."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kiosk.domain.messages import N_, KioskError, Message, as_message, define

OPEN_FAILED = define("data.open_failed", N_("Cannot open the database at {where}: {reason}"))
SCHEMA_TOO_NEW = define(
    "data.schema_too_new",
    N_(
        "its schema revision {revision!r} is unknown to this version of the app "
        "(which knows up to {head!r}); it was probably written by a newer "
        "Market Kiosk. Update the app on this PC; the database was not changed."
    ),
)
#: Why a database could not be opened (the reason in OPEN_FAILED), raised by kiosk/data/db.py.
FOLDER_NOT_CREATED = define(
    "data.open.folder_not_created", N_("the folder cannot be created ({error})")
)
FILE_UNREADABLE = define("data.open.file_unreadable", N_("the file cannot be read ({error})"))
#: What a file that is not a SQLite database is instead, by its first bytes.
NOT_A_DATABASE = {
    "png": define("data.open.png", N_("it is a PNG image, not a SQLite database")),
    "jpeg": define("data.open.jpeg", N_("it is a JPEG image, not a SQLite database")),
    "zip": define("data.open.zip", N_("it is a ZIP or Excel file, not a SQLite database")),
    "pdf": define("data.open.pdf", N_("it is a PDF document, not a SQLite database")),
    "binary": define("data.open.binary", N_("it is not a SQLite database (unknown file type)")),
    "text": define("data.open.text", N_("it is a text file, not a SQLite database")),
}
#: What a path that is not a regular file is instead.
NOT_A_FILE = {
    "folder": define("data.open.folder", N_("this is a folder, not a database file")),
    "device": define("data.open.device", N_("this is a device, not a database file")),
    "fifo": define("data.open.fifo", N_("this is a named pipe (FIFO), not a database file")),
    "other": define(
        "data.open.not_regular", N_("this is not a regular file, so not a database file")
    ),
}
UNPARSEABLE_URL = define("data.open.unparseable_url", N_("(unparseable URL)"))
NOT_A_URL = define(
    "data.open.not_a_url",
    N_(
        "this is not a database URL; use sqlite:///path/to/file.sqlite3 "
        "or postgresql://user@host/dbname"
    ),
)
UNSUPPORTED_SCHEME = define(
    "data.open.unsupported_scheme",
    N_("unsupported database type {scheme!r}; use sqlite:/// or postgresql://"),
)
NO_POSTGRES_DRIVER = define(
    "data.open.no_postgres_driver",
    N_("PostgreSQL support is not installed ({module}); install market-kiosk[postgres]"),
)
FOREIGN_DATABASE = define(
    "data.open.foreign",
    N_("it is not a Market Kiosk database (it has other tables: {tables}) and was left unchanged"),
)
NOT_FOUND = {
    "market": define("data.not_found.market", N_("There is no market {key!r} in the database.")),
    "store": define(
        "data.not_found.store", N_("There is no store with id {key!r} in the database.")
    ),
    "product": define(
        "data.not_found.product", N_("There is no product with id {key!r} in the database.")
    ),
    "promotion": define(
        "data.not_found.promotion", N_("There is no promotion with id {key!r} in the database.")
    ),
    "rate": define(
        "data.not_found.rate", N_("There is no exchange rate for {key} in the database.")
    ),
}
NOT_FOUND_OTHER = define("data.not_found", N_("There is no {kind} {key!r} in the database."))
KNOWN_KEYS = define("data.known_keys", N_("Known: {known}."))
STALE_VERSION = define(
    "data.stale_version",
    N_(
        "Store {name!r} (id {id}) was changed by someone else: you edited version "
        "{expected}, the database now has version {actual}. Nothing was saved; "
        "reload the store and make your change again."
    ),
)
FAULT = define("data.fault", N_("Cannot use the database at {where}: {reason}."))
FAULT_LOGGED = define("data.fault.logged", N_("Details were written to {log}."))
#: One plain reason per kind of fault (see kiosk/data/faults.py for how errors are sorted).
FAULT_REASONS = {
    "locked": define("data.fault.locked", N_("another program is using the database; try again")),
    "read_only": define(
        "data.fault.read_only",
        N_("the database is read-only; check that the file and its folder may be written"),
    ),
    "disk_full": define(
        "data.fault.disk_full", N_("the disk is full; free some space and try again")
    ),
    "corrupt": define("data.fault.corrupt", N_("the database is damaged; restore a backup")),
    "lost": define(
        "data.fault.lost",
        N_(
            "the connection to the database server was lost; check the server and the "
            "network, then try again"
        ),
    ),
    "unreachable": define(
        "data.fault.unreachable",
        N_(
            "the database server cannot be reached ({error}); check the server and the "
            "network, then try again"
        ),
    ),
    "io": define(
        "data.fault.io",
        N_("the database file could not be read or written (input/output error)"),
    ),
    "cannot_open": define(
        "data.fault.cannot_open",
        N_("the database file cannot be opened; check that its folder exists and may be written"),
    ),
    "other": define("data.fault.other", N_("the database reported an error ({error})")),
}


class DatabaseOpenError(KioskError):
    """The database could not be opened; nothing in it was changed.

    ``where`` is the file path or the URL with its password hidden, never the password
    (a Message when the URL could not even be read). ``reason`` is a Message (or a
    string already in its final language).
    """

    where: str | Message

    def __init__(self, where: str | Message, reason: str | Message) -> None:
        self.where = where
        self.reason = reason
        super().__init__(OPEN_FAILED(where=where, reason=as_message(reason)))


class DatabaseFaultError(DatabaseOpenError):
    """The database failed: locked, read-only, full, damaged, or its server unreachable/lost.

    Raised while opening or while in use; the transaction was rolled back, so
    nothing was half-changed. ``kind`` is a key of ``FAULT_REASONS``; ``where``
    the file path or the URL with its secrets hidden; ``log`` the file holding
    the full traceback (None when it could not be written). The message is one
    line and never quotes SQL.
    """

    where: str

    def __init__(self, kind: str, where: str, *, error: str = "", log: Path | None = None) -> None:
        self.kind = kind
        self.where = where
        self.log = log
        self.reason = FAULT_REASONS.get(kind, FAULT_REASONS["other"])(error=error)
        message = FAULT(where=where, reason=self.reason)
        if log is not None:
            message = message.then(FAULT_LOGGED(log=str(log)))
        KioskError.__init__(self, message)


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer Market Kiosk; this app must not touch it."""

    def __init__(self, where: str, revision: str, head: str) -> None:
        self.revision = revision
        self.head = head
        super().__init__(where, SCHEMA_TOO_NEW(revision=revision, head=head))


class NotFoundError(KioskError, LookupError):
    """A market, store or product that does not exist was asked for.

    ``kind`` is ``"market"``, ``"store"`` or ``"product"``; ``known`` lists valid
    keys when that helps (e.g. the market slugs).
    """

    def __init__(self, kind: str, key: object, known: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.known = tuple(known)
        definition = NOT_FOUND.get(kind)
        message = (
            definition(key=key) if definition is not None else NOT_FOUND_OTHER(kind=kind, key=key)
        )
        if self.known:
            message = message.then(KNOWN_KEYS(known=", ".join(self.known)))
        super().__init__(message)


class StaleVersionError(KioskError):
    """Someone else saved the store after it was loaded; nothing was written."""

    def __init__(
        self, *, store_id: int, store_name: str, expected_version: int, actual_version: int
    ) -> None:
        self.store_id = store_id
        self.store_name = store_name
        self.expected_version = expected_version
        self.actual_version = actual_version
        super().__init__(
            STALE_VERSION(
                name=store_name, id=store_id, expected=expected_version, actual=actual_version
            )
        )
