"""Access: the manager password, store PINs, sign-in and sign-out, the console's rights."""

from __future__ import annotations

from kiosk.domain.access import Actor, Role, Secret, store_subject
from kiosk.domain.audit import AuditAction
from kiosk.services.parts.core import Part


class Access(Part):
    """Secrets are stored hashed; every sign-in is throttled on every PC (docs/architecture.md)."""

    def manager_password_is_set(self) -> bool:
        from kiosk.services.access.accounts import MANAGER_KEY, has_credential

        return has_credential(self._db, MANAGER_KEY)

    def set_first_manager_password(
        self, *, password: Secret, setup_code: Secret | None = None
    ) -> Actor:
        """Manager mode's first use: with a valid set-up code, set the password and sign in.

        The code comes from ``market-kiosk manager setup-code`` (once, 24 hours).
        Raises AccessError (no or wrong code, weak password, a password already
        set), Throttled or SignInUnavailable.
        """
        from kiosk.domain.access import NEEDS_SETUP_CODE, AccessError, password_problem
        from kiosk.services.access import setup_code as codes

        problem = password_problem(password.reveal())
        if problem is not None:
            raise AccessError(problem)
        if setup_code is None or not setup_code.reveal().strip():
            raise AccessError(NEEDS_SETUP_CODE())
        actor = Actor(Role.MANAGER, self._core.pc, None, "password")
        codes.set_first_password(self._db, code=setup_code, password=password, actor=actor)
        return self._core.sessions.open(actor)

    def issue_setup_code(self, *, actor: Actor) -> str:
        """A new one-time set-up code (the command line's job); the older one stops working.

        AccessError when a manager password is already set.
        """
        from kiosk.services.access import setup_code as codes

        live = self._core.require(actor, manager=True)
        return codes.issue(self._db, by=live)

    def clear_wait(self, *, actor: Actor, store_id: int | None = None) -> int:
        """Lift the waits after wrong tries of a store's PIN (or, with None, the manager
        password) on every PC; audited. Returns how many PCs were waiting."""
        from kiosk.services.access.accounts import MANAGER_KEY, clear_waits, store_key

        live = self._core.require(actor, manager=True)
        if store_id is None:  # the manager password and the set-up code
            from kiosk.services.access.setup_code import SETUP_KEY

            codes = clear_waits(self._db, key=SETUP_KEY, by=live, subject="manager set-up code")
            return codes + clear_waits(self._db, key=MANAGER_KEY, by=live, subject="manager")
        from kiosk.services.directory import get_store

        store = get_store(db=self._db, store_id=store_id)
        return clear_waits(
            self._db,
            key=store_key(store_id),
            by=live,
            subject=f"{store.stall_number} {store.name.get('ko')}".strip(),
            store_id=store_id,
            market_slug=store.market_slug,
        )

    def set_manager_password(self, *, actor: Actor, password: Secret) -> None:
        """Change the manager password (signed-in manager or the command line)."""
        from kiosk.domain.access import AccessError, password_problem
        from kiosk.services.access.accounts import MANAGER_KEY, store_credential

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
        from kiosk.services.access.accounts import store_credential, store_key
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

    def pcs_waiting(self, *, actor: Actor, store_id: int) -> int:
        """How many PCs must wait before their next try of this store's PIN (manager only)."""
        from kiosk.services.access.accounts import store_key
        from kiosk.services.access.throttle import pcs_waiting
        from kiosk.services.uow import transaction

        self._core.require(actor, manager=True)
        with transaction(self._db) as tx:
            return pcs_waiting(tx, store_key(store_id))

    def stores_with_pin(self, *, store_ids: list[int]) -> set[int]:
        from kiosk.services.access.accounts import keys_set, store_key

        found = keys_set(self._db, [store_key(i) for i in store_ids])
        return {i for i in store_ids if store_key(i) in found}

    def sign_in_manager(self, *, password: Secret) -> Actor:
        """The signed-in manager; SignInRefused, Throttled (wait or locked) otherwise."""
        from kiosk.services.access.accounts import MANAGER_KEY, check_secret

        actor = Actor(Role.MANAGER, self._core.pc, None, "password")
        check_secret(self._db, key=MANAGER_KEY, secret=password, actor=actor, subject="manager")
        return self._core.sessions.open(actor)

    def sign_in_merchant(self, *, store_id: int, pin: Secret) -> Actor:
        """The signed-in merchant of *store_id*; one refusal whether the store exists or not."""
        from kiosk.services.access.accounts import check_secret, store_key

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
