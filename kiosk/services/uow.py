"""The unit of work: the one services module that knows transactions are SQLAlchemy sessions."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TypeAlias

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kiosk.data.db import Database

#: One transaction: services pass it to the ``kiosk.data`` functions that run the statements.
Tx: TypeAlias = Session
#: A plain connection: the directory's reads and the bulk writes (Core, no ORM objects).
Conn: TypeAlias = Connection
#: What a write that lost a race raises: a versioned UPDATE matched no row, or a
#: concurrent INSERT broke a unique key (at flush or at commit).
CONFLICTS: tuple[type[Exception], ...] = (StaleDataError, IntegrityError)


def transaction(db: Database) -> AbstractContextManager[Tx]:
    """A transaction committed when the block ends normally, rolled back on any exception."""
    return db.session()


def locked_transaction(db: Database) -> AbstractContextManager[Tx]:
    """Like :func:`transaction`, holding the database's write lock from the first statement."""
    return db.write_session()


def reading(db: Database) -> AbstractContextManager[Conn]:
    """A connection for reads outside any ORM session (returned to the pool after the block)."""
    return db.engine.connect()


def flush(tx: Tx) -> None:
    """Send the pending changes now (ids and versions assigned; the transaction stays open)."""
    tx.flush()


def roll_back(tx: Tx) -> None:
    """Undo everything *tx* wrote so far; the block then commits nothing."""
    tx.rollback()


def connection_of(tx: Tx) -> Conn:
    """*tx*'s own connection, for Core statements inside the same transaction."""
    return tx.connection()
