"""What `db check` says, as messages shown in the app's language: check names, findings, fixes."""

from __future__ import annotations

from kiosk.domain.messages import N_, define

#: Each check's name as a person reads it (the CheckLine's ``name`` stays the English key).
NAMES = {
    "address": define("check.name.address", N_("address")),
    "driver": define("check.name.driver", N_("driver")),
    "reachable": define("check.name.reachable", N_("reachable")),
    "credentials": define("check.name.credentials", N_("credentials")),
    "encryption": define("check.name.encryption", N_("encryption")),
    "database": define("check.name.database", N_("database")),
    "connection": define("check.name.connection", N_("connection")),
    "server version": define("check.name.version", N_("server version")),
    "pg_trgm": define("check.name.pg_trgm", N_("pg_trgm")),
    "rights": define("check.name.rights", N_("rights")),
    "schema": define("check.name.schema", N_("schema")),
    "clock": define("check.name.clock", N_("clock")),
    "file": define("check.name.file", N_("file")),
    "readable": define("check.name.readable", N_("readable")),
    "writable": define("check.name.writable", N_("writable")),
}

FIX_URL = define(
    "check.fix.url",
    N_("write the URL as postgresql://USER@HOST:PORT/DATABASE or sqlite:///PATH"),
)
WRONG_PASSWORD = define("check.wrong_password", N_("wrong password for user {user!r}"))
FIX_PASSWORD = define(
    "check.fix.password",
    N_(
        "set the right password: market-kiosk config set database_url "
        "postgresql://USER:PASSWORD@HOST/DATABASE"
    ),
)
NO_ROLE = define("check.no_role", N_("the server has no user {user!r}"))
FIX_CREATE = define(
    "check.fix.create",
    N_("create it (README: Setting up a market server) or fix the name"),
)
FIX_ROLE = define(
    "check.fix.role",
    N_("create the role (README: Setting up a market server) or fix the name"),
)
NO_LOGIN = define("check.no_login", N_("user {user!r} may not log in"))
FIX_LOGIN = define("check.fix.login", N_("as the server's admin: ALTER ROLE {user} LOGIN"))
NO_DATABASE = define("check.no_database", N_("the server has no database {database!r}"))
HBA = define("check.hba", N_("the server does not let this PC in ({error})"))
FIX_HBA = define(
    "check.fix.hba", N_("add this PC's network to pg_hba.conf on the server and reload it")
)
REFUSED = define("check.refused", N_("the server refused the connection: {error}"))
FIX_LOG = define("check.fix.log", N_("see the server's log"))
UNREACHABLE = define("check.unreachable", N_("server not reachable at {where}"))
FIX_UNREACHABLE = define(
    "check.fix.unreachable",
    N_(
        "is PostgreSQL running there, the host and port right, the port open in the firewall "
        "and listen_addresses set in postgresql.conf?"
    ),
)
WHERE = define("check.where", N_("{host}:{port}, database {database}"))
NO_DRIVER = define("check.no_driver", N_("the PostgreSQL driver is missing ({module})"))
FIX_DRIVER = define("check.fix.driver", N_("install the app with its postgres extra (psycopg)"))
CONNECTED = define("check.connected", N_("connected to {where}"))
SIGNED_IN = define("check.signed_in", N_("signed in as {user!r}"))
NO_TLS = define(
    "check.no_tls",
    N_("the server at {where} offers no encrypted connection (TLS), and the URL asks for one"),
)
FIX_NO_TLS = define(
    "check.fix.no_tls",
    N_(
        "turn TLS on at the server (ssl = on; README: Setting up a market server), or leave "
        "sslmode=require out of the URL if the market's network is trusted"
    ),
)
ENCRYPTED = define("check.encrypted", N_("encrypted ({version}, sslmode={mode})"))
NOT_ENCRYPTED = define("check.not_encrypted", N_("not encrypted (sslmode={mode})"))
FIX_ENCRYPT = define(
    "check.fix.encrypt",
    N_(
        "the password and the data cross the network as plain text: turn TLS on at the "
        "server and add ?sslmode=require to the URL"
    ),
)
STOPPED = define("check.stopped", N_("the check stopped: {error}"))
FIX_AGAIN = define("check.fix.again", N_("run the check again; see the server's log"))
VERSION = define("check.version", N_("PostgreSQL {version}"))
TOO_OLD = define("check.too_old", N_("PostgreSQL {version} is too old"))
FIX_VERSION = define("check.fix.version", N_("use PostgreSQL {minimum} or newer"))
TRGM_OK = define(
    "check.trgm_ok",
    N_("installed; the app does not need it (other tools may search text with it)"),
)
TRGM_ABSENT = define("check.trgm_absent", N_("not installed; the app does not need it"))
MAY_CREATE = define("check.may_create", N_("may create tables (set up and upgrade the schema)"))
MAY_NOT_CREATE_NOW = define(
    "check.may_not_create_now",
    N_("may not create tables: fine now, but the next app update cannot upgrade the schema"),
)
FIX_GRANT_OR_OWNER = define(
    "check.fix.grant_or_owner",
    N_("GRANT CREATE ON SCHEMA public TO the app's role, or update as the owner"),
)
MAY_NOT_CREATE = define(
    "check.may_not_create",
    N_("may not create tables, and the schema needs setting up or upgrading"),
)
FIX_GRANT = define("check.fix.grant", N_("GRANT CREATE ON SCHEMA public TO the app's role"))
FOREIGN = define("check.foreign", N_("this database belongs to another app (tables {tables})"))
FIX_FOREIGN = define("check.fix.foreign", N_("give the market a database of its own"))
EMPTY = define("check.empty", N_("empty: no tables yet"))
FIX_EMPTY = define("check.fix.empty", N_("market-kiosk db init --url URL (or start the app once)"))
SAME = define("check.same", N_("revision {revision}, the same as this app's"))
OLDER = define("check.older", N_("the database is older ({revision}) than this app ({head})"))
FIX_OLDER = define(
    "check.fix.older",
    N_("it is upgraded when this app opens it; update the other PCs' app too"),
)
NEWER = define("check.newer", N_("the database is newer ({revision}) than this app ({head})"))
FIX_NEWER = define("check.fix.newer", N_("update the app on this PC"))
CLOCK_OK = define("check.clock_ok", N_("this PC and the server differ by {seconds} s"))
CLOCK_AHEAD = define(
    "check.clock_ahead", N_("this PC's clock is {seconds} s ahead of the server's")
)
CLOCK_BEHIND = define(
    "check.clock_behind", N_("this PC's clock is {seconds} s behind the server's")
)
FIX_CLOCK = define("check.fix.clock", N_("turn on automatic time (NTP) on this PC and the server"))
IN_MEMORY = define("check.in_memory", N_("an in-memory database (nothing kept)"))
NOT_YET = define("check.not_yet", N_("{path} does not exist yet"))
FIX_NOT_YET = define(
    "check.fix.not_yet", N_("it is created when the app starts (or: db init --url)")
)
NO_FOLDER = define("check.no_folder", N_("{path} does not exist and its folder cannot be written"))
FIX_FOLDER = define("check.fix.folder", N_("choose a folder this user may write to"))
NOT_FILE = define("check.not_file", N_("{path} is not a file"))
FIX_NOT_FILE = define("check.fix.not_file", N_("point the URL at a file"))
EXISTS = define("check.exists", N_("{path} exists"))
UNREADABLE = define("check.unreadable", N_("this user may not read it"))
FIX_UNREADABLE = define(
    "check.fix.unreadable", N_("give this user read and write permission on the file")
)
WRITABLE = define("check.writable", N_("readable and writable"))
READ_ONLY = define("check.read_only", N_("read-only for this user (or its folder is)"))
FIX_READ_ONLY = define(
    "check.fix.read_only", N_("give this user write permission on the file and its folder")
)
NOT_READABLE_DB = define("check.not_readable_db", N_("not a readable database: {error}"))
FIX_RESTORE = define("check.fix.restore", N_("restore a backup (market-kiosk restore)"))
