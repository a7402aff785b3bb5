"""Errors the data layer raises; each message says what went wrong and where."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.i18n import N_, _


class DatabaseOpenError(Exception):
    """The database could not be opened; nothing in it was changed.

    ``where`` is the file path or the URL with its password hidden, never the password.
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(
            _("Cannot open the database at {where}: {reason}").format(where=where, reason=reason)
        )


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer Market Kiosk; this app must not touch it."""

    def __init__(self, where: str, revision: str, head: str) -> None:
        self.revision = revision
        self.head = head
        super().__init__(
            where,
            _(
                "its schema revision {revision!r} is unknown to this version of the app "
                "(which knows up to {head!r}); it was probably written by a newer "
                "Market Kiosk. Update the app on this PC; the database was not changed."
            ).format(revision=revision, head=head),
        )


_NOT_FOUND: dict[str, str] = {
    "market": N_("There is no market {key!r} in the database."),
    "store": N_("There is no store with id {key!r} in the database."),
    "product": N_("There is no product with id {key!r} in the database."),
}


class NotFoundError(LookupError):
    """A market, store or product that does not exist was asked for.

    ``kind`` is ``"market"``, ``"store"`` or ``"product"``; ``known`` lists valid
    keys when that helps (e.g. the market slugs).
    """

    def __init__(self, kind: str, key: object, known: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.known = tuple(known)
        template = _NOT_FOUND.get(kind, N_("There is no {kind} {key!r} in the database."))
        message = _(template).format(kind=kind, key=key)
        if self.known:
            message += " " + _("Known: {known}.").format(known=", ".join(self.known))
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class StaleVersionError(Exception):
    """Someone else saved the store after it was loaded; nothing was written."""

    def __init__(
        self, *, store_id: int, store_name: str, expected_version: int, actual_version: int
    ) -> None:
        self.store_id = store_id
        self.store_name = store_name
        self.expected_version = expected_version
        self.actual_version = actual_version
        super().__init__(
            _(
                "Store {name!r} (id {id}) was changed by someone else: you edited version "
                "{expected}, the database now has version {actual}. Nothing was saved; "
                "reload the store and make your change again."
            ).format(name=store_name, id=store_id, expected=expected_version, actual=actual_version)
        )
