"""A shell in kiosk mode driven by a fake clock (the tests never sleep)."""

from __future__ import annotations

from kiosk.app import build_shell, register_modes
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.kiosk_mode.controller import KioskController, KioskOptions


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Quits:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def kiosk_window(
    services: Services, clock: FakeClock, quits: Quits, **options: object
) -> KioskController:
    """A shell locked as ``market-kiosk kiosk`` locks it, the data open, the idle home shown."""
    window = build_shell("ko")
    window.resize(1366, 768)
    controller = KioskController(
        window,
        KioskOptions(**options),  # type: ignore[arg-type]
        register_all=register_modes,
        quit_app=quits,
        clock=clock,
        timer=False,
    )
    window.show()
    window.use_services(services)
    assert ops.wait_idle()
    return controller


def close_kiosk(controller: KioskController) -> None:
    """Unlock, close (the shell lets go of its listeners) and offer every mode again."""
    controller.stop()
    ops.wait_idle()
    window = controller.window
    window.close()
    window.deleteLater()
    register_modes()
