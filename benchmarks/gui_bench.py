"""What the GUI benchmarks share: the process's resident memory and a shown demo window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from process_memory import rss_bytes

__all__ = ["demo_window", "rss_bytes"]


def demo_window(folder: Path, name: str, size: tuple[int, int]) -> tuple[Any, Any]:
    """(services, shown Korean shell) on a fresh demo database *name* in *folder*."""
    from kiosk.app import build_shell
    from kiosk.services.app import Services

    services = Services.open(f"sqlite:///{folder / name}", seed_demo=True)
    window = build_shell("ko")
    window.use_services(services)
    window.resize(*size)
    window.show()
    return services, window
