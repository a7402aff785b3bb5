"""The services door, part 1: opening the database, this PC's state, sign-in and secrets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from kiosk.domain.access import Actor, Role, Secret, store_subject
from kiosk.domain.audit import AuditAction
from kiosk.services.changes import ChangeHub

if TYPE_CHECKING:
    from kiosk.data.db import Database


class ServicesBase:
    """State of the door (database, change hub, this PC, sessions) and access control.

    Build with :meth:`open` (raises ``DatabaseOpenError`` naming the place, password
    hidden). ``close()`` releases the connections. Use cases live in the subclasses
    that make up ``kiosk.services.app.Services``.
    """

    def __init__(self, db: Database) -> None:
        import secrets
        import socket

        from kiosk.services.accounts import SessionBook

        self._db = db
        self.changes = ChangeHub()
        #: This process's id in the change events (its own are not polled back).
        self.origin = secrets.token_hex(8)
        #: The PC's name in the audit log.
        self.pc = (socket.gethostname() or "pc")[:100]
        self._sessions = SessionBook()

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

    @property
    def url(self) -> str:
        """Where the data lives, for display (password hidden)."""
        return self._db.url

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

    # Access: manager password, store PINs, signed-in actors --------------------------------
    def manager_password_is_set(self) -> bool:
        from kiosk.services.accounts import MANAGER_KEY, has_credential

        return has_credential(self._db, MANAGER_KEY)

    def set_first_manager_password(self, *, password: Secret) -> Actor:
        """Manager mode's first use: set the password (none may be set yet) and sign in.

        Raises PasswordRuleError (weak) or AccessError when a password already exists.
        """
        from kiosk.domain.access import PASSWORD_ALREADY_SET, AccessError, password_problem
        from kiosk.services.accounts import MANAGER_KEY, store_credential

        problem = password_problem(password.reveal())
        if problem is not None:
            raise AccessError(problem)
        actor = Actor(Role.MANAGER, self.pc, None, "password")
        if not store_credential(
            self._db,
            key=MANAGER_KEY,
            store_id=None,
            secret=password,
            by=actor,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
            only_if_unset=True,
        ):
            raise AccessError(PASSWORD_ALREADY_SET())
        return self._sessions.open(actor)

    def set_manager_password(self, *, actor: Actor, password: Secret) -> None:
        """Change the manager password (signed-in manager or the command line)."""
        from kiosk.domain.access import AccessError, password_problem
        from kiosk.services.accounts import MANAGER_KEY, require, store_credential

        live = require(self._sessions, actor, manager=True)
        problem = password_problem(password.reveal())
        if problem is not None:
            raise AccessError(problem)
        store_credential(
            self._db,
            key=MANAGER_KEY,
            store_id=None,
            secret=password,
            by=live,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
        )

    def set_store_pin(self, *, actor: Actor, store_id: int, pin: Secret) -> None:
        """Set a store's PIN (6+ digits; the manager's job); clears its failed tries."""
        from kiosk.domain.access import AccessError, pin_problem
        from kiosk.services.accounts import require, store_credential, store_key

        live = require(self._sessions, actor, manager=True)
        problem = pin_problem(pin.reveal())
        if problem is not None:
            raise AccessError(problem)
        from kiosk.services.directory import get_store

        store = get_store(db=self._db, store_id=store_id)
        store_credential(
            self._db,
            key=store_key(store_id),
            store_id=store_id,
            secret=pin,
            by=live,
            action=AuditAction.PIN_SET,
            subject=f"{store.stall_number} {store.name.get('ko')}".strip(),
            market_slug=store.market_slug,
        )

    def stores_with_pin(self, *, store_ids: list[int]) -> set[int]:
        from kiosk.services.accounts import keys_set, store_key

        found = keys_set(self._db, [store_key(i) for i in store_ids])
        return {i for i in store_ids if store_key(i) in found}

    def sign_in_manager(self, *, password: Secret) -> Actor:
        """The signed-in manager; SignInRefused, Throttled (wait or locked) otherwise."""
        from kiosk.services.accounts import MANAGER_KEY, check_secret

        actor = Actor(Role.MANAGER, self.pc, None, "password")
        check_secret(self._db, key=MANAGER_KEY, secret=password, actor=actor, subject="manager")
        return self._sessions.open(actor)

    def sign_in_merchant(self, *, store_id: int, pin: Secret) -> Actor:
        """The signed-in merchant of *store_id*; one refusal whether the store exists or not."""
        from kiosk.services.accounts import check_secret, store_key

        actor = Actor(Role.MERCHANT, self.pc, store_id, "pin")
        check_secret(
            self._db,
            key=store_key(store_id),
            secret=pin,
            actor=actor,
            subject=store_subject(store_id),
            store_id=store_id,
        )
        return self._sessions.open(actor)

    def sign_out(self, actor: Actor) -> None:
        self._sessions.close(actor)

    def console_actor(self) -> Actor:
        """The command line's manager rights (whoever runs it already holds the database).

        Only ``kiosk.cli`` calls this; screens sign in (tests/ui check they never call it).
        """
        return self._sessions.open(Actor(Role.MANAGER, self.pc, None, "console"))
