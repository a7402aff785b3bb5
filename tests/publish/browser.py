"""Debian's chromium driven by Selenium, and a local web server for a published folder."""

from __future__ import annotations

import functools
import os
import shutil
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
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.set_window_size(width, height)
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
