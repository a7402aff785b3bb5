"""The server address typed in the set-up: checked field by field, then one database URL."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from kiosk.i18n import N_

#: The PostgreSQL port unless the office says otherwise.
DEFAULT_PORT = 5432
#: What an encrypted connection asks of libpq. Its default, ``prefer``, falls back to plain
#: text without a word when the server offers no TLS; ``require`` fails instead (and says so).
#: The README's server guide sets TLS up (``hostssl``, ``ssl = on``), so the form asks for it
#: unless unticked.
SSLMODE = "require"
#: The check box that asks for it (words.py quotes it in the message for a server without TLS).
ENCRYPTED = N_("Encrypted connection (TLS)")


@dataclass(frozen=True, slots=True)
class ServerFields:
    """What the set-up's server form holds (text as typed)."""

    host: str
    port: str
    database: str
    user: str
    password: str
    #: Only over TLS (``?sslmode=require``); False lets libpq choose (plain text if need be).
    encrypted: bool = True


def field_problem(fields: ServerFields) -> tuple[str, str] | None:
    """The first empty or wrong field as (field name, English message marked for translation)."""
    if not fields.host.strip() or any(c in fields.host for c in "/@ "):
        return "host", N_("Type the server's address, for example 192.168.0.10 or office-pc.")
    try:
        port = int(fields.port.strip() or DEFAULT_PORT)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        return "port", N_("The port is a number from 1 to 65535 (usually 5432).")
    if not fields.database.strip():
        return "database", N_("Type the name of the market's database.")
    if not fields.user.strip():
        return "user", N_("Type the user name the market office gave you.")
    return None


def server_url(fields: ServerFields) -> str:
    """``postgresql://user:password@host:port/database?sslmode=require`` (each part quoted; no
    password: none; ``?sslmode=require`` only when *encrypted*)."""
    host = fields.host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    port = int(fields.port.strip() or DEFAULT_PORT)
    user = quote(fields.user.strip(), safe="")
    secret = f":{quote(fields.password, safe='')}" if fields.password else ""
    database = quote(fields.database.strip(), safe="")
    tls = f"?sslmode={SSLMODE}" if fields.encrypted else ""
    return f"postgresql://{user}{secret}@{host}:{port}/{database}{tls}"
