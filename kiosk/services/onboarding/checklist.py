"""Load the onboarding checklist once: a market's replacement file, else the last good one.

Order: ``checklist.toml`` in the checklist folder (a market's own) when it is
there and valid (then it is also copied to ``checklist.last-good.toml``); when
it is refused, the last good copy, else the checklist shipped with the app.
The refusal (file, line, problem) is kept in ``ChecklistState.problem`` so the
screens and the command line can say what was wrong and which checklist is used.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.data.checklists import PACKAGED_CHECKLIST, last_good_path, replacement_path
from kiosk.domain.messages import N_, KioskError, as_message, define
from kiosk.domain.onboarding.checklist import Checklist
from kiosk.domain.onboarding.checklist_file import (
    ChecklistError,
    ChecklistUnreadable,
    read_checklist,
)
from kiosk.render.inputs import read_regular_file

#: A checklist file is a few kilobytes; anything over this is not one.
MAX_CHECKLIST_BYTES = 1024 * 1024

CANNOT_READ = define("checklist.cannot_read", N_("cannot read the file ({reason})"))


@dataclass(frozen=True, slots=True)
class ChecklistState:
    """The checklist in use, the file it came from, and why a replacement was refused."""

    checklist: Checklist
    source: Path
    problem: ChecklistError | None = None


def read_checklist_file(path: Path) -> Checklist:
    """The checklist in the file *path*; ChecklistError naming the file and the problem.

    A named pipe, a device or a folder called ``checklist.toml`` is refused at once
    (never opened, so nothing hangs), as is a file over 1 MB.
    """
    try:
        data = read_regular_file(path, max_bytes=MAX_CHECKLIST_BYTES)
    except KioskError as exc:
        raise ChecklistUnreadable(str(path), [(1, exc.message)]) from None
    except OSError as exc:
        reason = as_message(exc.strerror or type(exc).__name__)
        raise ChecklistUnreadable(str(path), [(1, CANNOT_READ(reason=reason))]) from None
    return read_checklist(data, source=str(path))


def _keep_good_copy(source: Path, target: Path) -> None:
    """Save the accepted replacement as the last good copy (best effort: it is only a backup)."""
    from kiosk.render.atomic import OutputPathError, write_verified

    try:
        data = read_regular_file(source, max_bytes=MAX_CHECKLIST_BYTES)
        if target.exists() and read_regular_file(target, max_bytes=MAX_CHECKLIST_BYTES) == data:
            return
        write_verified(target, data, lambda tmp: read_checklist(tmp.read_bytes(), source=str(tmp)))
    except (OSError, OutputPathError, ChecklistError):
        return


def load_checklist() -> ChecklistState:
    """The checklist to use now (see the module docstring for the order)."""
    replacement = replacement_path()
    problem: ChecklistError | None = None
    if replacement.exists():
        try:
            checklist = read_checklist_file(replacement)
        except ChecklistError as exc:
            problem = exc
        else:
            _keep_good_copy(replacement, last_good_path())
            return ChecklistState(checklist, replacement)
        last_good = last_good_path()
        if last_good.exists():
            try:
                return ChecklistState(read_checklist_file(last_good), last_good, problem)
            except ChecklistError:
                pass
    return ChecklistState(read_checklist_file(PACKAGED_CHECKLIST), PACKAGED_CHECKLIST, problem)


class ChecklistCache:
    """Loads the checklist on first use; ``reload()`` reads the files again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: ChecklistState | None = None

    def get(self) -> ChecklistState:
        with self._lock:
            if self._state is None:
                self._state = load_checklist()
            return self._state

    def reload(self) -> ChecklistState:
        with self._lock:
            self._state = load_checklist()
            return self._state
