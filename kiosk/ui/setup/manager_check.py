"""What step 3 asks of the services: set the first manager password, or check the one set."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.domain.access import Actor, Secret
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui.setup.manager_step import ManagerStep


def check_manager(step: ManagerStep, services: Services) -> Callable[[], Actor | None] | None:
    """The background work for "Finish" on step 3, or None (with a message) when the form
    is not complete. On first use an empty form means "later": nothing is set."""
    from kiosk.domain.access import PASSWORDS_DIFFER

    code, password, repeat = step.code.text(), step.password.text(), step.repeat.text()
    step.password.clear()
    step.repeat.clear()
    if step.is_first_use():
        if not (code.strip() or password or repeat):
            return lambda: None
        if not code.strip():
            step.show_message("⚠ " + _("Type the set-up code first."))
            return None
        if password != repeat:
            step.show_message("⚠ " + str(PASSWORDS_DIFFER()))
            return None
        secret, typed = Secret(password), Secret(code)
        return lambda: services.access.set_first_manager_password(password=secret, setup_code=typed)
    if not password:
        step.show_message("⚠ " + _("Type the manager password."))
        return None
    secret = Secret(password)
    return lambda: services.access.sign_in_manager(password=secret)
