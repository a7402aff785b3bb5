"""Debian's chromium driven by Selenium, and a local web server for a published folder."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
#: CI sets this: there a missing browser fails the tests instead of skipping them.
REQUIRED = bool(os.environ.get("KIOSK_REQUIRE_BROWSER"))


def browser_or_skip() -> None:
    """Skip (locally) or fail (CI) when chromium, chromium-driver or Selenium is missing."""
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium")
    if missing:
        why = f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if REQUIRED:
            pytest.fail(why)
        pytest.skip(why)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[tuple[str, ThreadingHTTPServer]]:
    """``http://localhost:<port>/`` serving *folder* (localhost is a secure context, so the
    service worker runs); the server is stopped on leaving."""
    handler = functools.partial(_Quiet, directory=str(folder.resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()


def stop(server: ThreadingHTTPServer) -> None:
    """Take the site offline (the phone lost its connection)."""
    server.shutdown()
    server.server_close()


def _fonts_conf(folder: Path) -> dict[str, str]:
    """The environment for chromium with the app's Noto Sans CJK added to the system fonts:
    a phone has its own CJK font, a fresh Debian machine has none (boxes instead)."""
    fonts = Path(__file__).resolve().parents[2] / "assets" / "fonts"
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{fonts}</dir></fontconfig>",
        "utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@contextmanager
def chromium(accept_language: str, *, width: int = 390, height: int = 844) -> Iterator[Any]:
    """A fresh headless chromium (new profile: no service worker, no storage yet)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--force-device-scale-factor=1",
                f"--lang={accept_language.split(',', maxsplit=1)[0]}"):  # fmt: skip
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with tempfile.TemporaryDirectory() as folder:
        service = Service(DRIVER, env=_fonts_conf(Path(folder)))
        driver = webdriver.Chrome(service=service, options=options)
        yield from _phone(driver, width, height)


def _phone(driver: Any, width: int, height: int) -> Iterator[Any]:
    try:
        # A phone's screen: the viewport is exactly width x height CSS pixels, touch-sized.
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
