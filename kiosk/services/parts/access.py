"""Access: the manager password, store PINs, sign-in and sign-out, the console's rights."""

from __future__ import annotations

from kiosk.domain.access import Actor, Role, Secret, store_subject
from kiosk.domain.audit import AuditAction
from kiosk.services.parts.core import Part


class Access(Part):
    """Secrets are stored hashed; every sign-in is throttled on every PC (docs/architecture.md)."""

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
        actor = Actor(Role.MANAGER, self._core.pc, None, "password")
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
        return self._core.sessions.open(actor)

    def set_manager_password(self, *, actor: Actor, password: Secret) -> None:
        """Change the manager password (signed-in manager or the command line)."""
        from kiosk.domain.access import AccessError, password_problem
        from kiosk.services.accounts import MANAGER_KEY, store_credential

        live = self._core.require(actor, manager=True)
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
        from kiosk.services.accounts import store_credential, store_key
        from kiosk.services.directory import get_store

        live = self._core.require(actor, manager=True)
        problem = pin_problem(pin.reveal())
        if problem is not None:
            raise AccessError(problem)
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

        actor = Actor(Role.MANAGER, self._core.pc, None, "password")
        check_secret(self._db, key=MANAGER_KEY, secret=password, actor=actor, subject="manager")
        return self._core.sessions.open(actor)

    def sign_in_merchant(self, *, store_id: int, pin: Secret) -> Actor:
        """The signed-in merchant of *store_id*; one refusal whether the store exists or not."""
        from kiosk.services.accounts import check_secret, store_key

        actor = Actor(Role.MERCHANT, self._core.pc, store_id, "pin")
        check_secret(
            self._db,
            key=store_key(store_id),
            secret=pin,
            actor=actor,
            subject=store_subject(store_id),
            store_id=store_id,
        )
        return self._core.sessions.open(actor)

    def sign_out(self, actor: Actor) -> None:
        self._core.sessions.close(actor)

    def console_actor(self) -> Actor:
        """The command line's manager rights (whoever runs it already holds the database).

        Only ``kiosk.cli`` calls this; screens sign in (tests/ui check they never call it).
        """
        return self._core.sessions.open(Actor(Role.MANAGER, self._core.pc, None, "console"))
