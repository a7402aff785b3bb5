"""What a connection test found, in plain words for the set-up screen (never the password)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kiosk.i18n import N_, _

if TYPE_CHECKING:
    from kiosk.services.values import CheckLine

#: ``CheckLine.problem`` -> what to tell a person at the stall, and what to do.
_PROBLEMS = {
    "unreachable": N_(
        "The server cannot be reached. Check the address and the port, and that the office "
        "PC is on and connected."
    ),
    "no_tls": N_(
        "The market's server does not offer an encrypted connection. Ask the market office to "
        "turn it on, or untick 'Encrypted connection' if the office says so."
    ),
    "wrong_password": N_("The password is wrong. Type it again, or ask the market office."),
    "no_user": N_("The server does not know this user name. Check the name."),
    "no_database": N_("The server has no database of that name. Check the name."),
    "other_app": N_(
        "This database belongs to another program. Ask the market office for the market's "
        "own database."
    ),
    "app_too_old": N_(
        "The database is from a newer version of this app. Update the app on this PC first."
    ),
    "no_rights": N_(
        "This user may not set up the database. Ask the market office to set it up first."
    ),
}
_NOTES = {
    "database_older": N_(
        "The database is from an older version of this app: it is brought up to date when "
        "you go on."
    ),
    "empty": N_("The database is still empty: the app sets it up when you go on."),
}


def problem_words(problem: str) -> str:
    """The plain words for a ``CheckLine.problem`` that stops the set-up."""
    return "⚠ " + _(_PROBLEMS[problem])


def connection_words(lines: Sequence[CheckLine]) -> tuple[bool, str]:
    """(may go on, the words to show): the first failure, else "connected" and any notes."""
    for line in lines:
        if line.status != "fail":
            continue
        if line.problem in _PROBLEMS:
            return False, problem_words(line.problem)
        return False, "⚠ " + _("The connection did not work: {detail}").format(detail=line.detail)
    said = ["✓ " + _("Connected to the market's server.")]
    said += [_(_NOTES[line.problem]) for line in lines if line.problem in _NOTES]
    return True, "\n".join(said)
