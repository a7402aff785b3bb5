"""The published site in a real browser (Debian's chromium), one run per language.

Selenium drives chromium through Debian's chromium-driver, built for the same browser
release, so the tests need no downloaded browser or driver. Skipped when chromium is
missing locally; CI installs it and sets KIOSK_REQUIRE_BROWSER, so there they run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.locales import LOCALES
from kiosk.publish.build import build_site
from kiosk.publish.writer import publish_files
from tests.publish.a11y import CHECKS
from tests.publish.browser import browser_or_skip, chromium, console_errors, serve, stop
from tests.publish.sites import BASE, HOSTILE, sample

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONES = {"ko": "ko-KR,ko", "en": "en-GB,en", "ja": "ja-JP,ja", "zh-Hans": "zh-CN,zh",
          "zh-Hant": "zh-TW,zh"}  # fmt: skip
OTHER = {"ko": "en", "en": "ja", "ja": "zh-Hans", "zh-Hans": "zh-Hant", "zh-Hant": "ko"}
SAME_ORIGIN_STATUSES = """
var done = arguments[arguments.length - 1];
var hrefs = Array.prototype.map.call(document.querySelectorAll("a[href]"), function (a) {
  return a.href; }).filter(function (h) { return h.indexOf(location.origin) === 0; });
Promise.all(hrefs.map(function (h) { return fetch(h).then(function (r) {
  return [h, r.status]; }); })).then(done);
"""
CONTROLLED = """
var done = arguments[arguments.length - 1];
navigator.serviceWorker.ready.then(function () {
  if (navigator.serviceWorker.controller) return done(true);
  navigator.serviceWorker.addEventListener("controllerchange", function () { done(true); });
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    browser_or_skip()
    out = tmp_path_factory.mktemp("published") / "site"
    publish_files(out, build_site(sample(), LOCALES), base_url=BASE)
    yield out


def _wait(driver: Any, script: str, timeout: float = 10) -> Any:
    driver.set_script_timeout(timeout)
    return driver.execute_async_script(script)


def _until(check: Any, timeout: float = 10) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("lang", list(PHONES))
def test_each_language_renders_links_switch_accessibility_offline(site: Path, lang: str) -> None:
    from selenium.webdriver.common.by import By

    with serve(site) as (root, server), chromium(PHONES[lang]) as driver:
        driver.get(root + "d/a-3/")  # the address on the stand: the phone's language opens
        _until(lambda: driver.current_url.endswith(f"/d/a-3/{lang}.html"))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert driver.find_element(By.CSS_SELECTOR, ".now").text.strip()  # open-now ran
        statuses = _wait(driver, SAME_ORIGIN_STATUSES)
        assert statuses and all(status == 200 for _, status in statuses), statuses
        for page in ("d/a-3/", "", "d/b-1/", "d/c-9/"):
            driver.get(root + page + f"{lang}.html")
            assert driver.execute_script(CHECKS) == [], page
        other = OTHER[lang]
        driver.get(root + f"d/a-3/{lang}.html")
        driver.find_element(By.CSS_SELECTOR, f'.langs a[data-lang="{other}"]').click()
        _until(lambda: driver.current_url.endswith(f"/d/a-3/{other}.html"))  # same stall
        driver.get(root + "d/b-1/")  # the choice is kept for the next stall's code
        _until(lambda: driver.current_url.endswith(f"/d/b-1/{other}.html"))
        driver.get(root + f"{lang}.html")
        assert _wait(driver, CONTROLLED)
        driver.get(root + f"d/a-3/{lang}.html")
        assert console_errors(driver) == []
        stop(server)  # the phone loses its connection
        driver.refresh()
        assert driver.find_element(By.TAG_NAME, "h1").text == {
            "ko": "초록잎 귤밭", "en": "Green Leaf Grove", "ja": "緑の葉みかん畑",
            "zh-Hans": "绿叶橘园", "zh-Hant": "綠葉橘園"}[lang]  # fmt: skip
        driver.get(root + f"{lang}.html")  # the market page visited before opens offline too
        assert driver.find_element(By.CSS_SELECTOR, "h1").text


def test_hostile_names_show_as_text_and_never_run(site: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with serve(site) as (root, _server), chromium("en") as driver:
        driver.get(root + "d/c-9/en.html")
        assert driver.find_element(By.TAG_NAME, "h1").text == HOSTILE
        driver.get(root + "en.html")
        search = driver.find_element(By.ID, "q")
        search.send_keys("<script>")
        shown = [
            li for li in driver.find_elements(By.CSS_SELECTOR, "li[data-s]") if li.is_displayed()
        ]
        assert [li.find_element(By.CSS_SELECTOR, "b").text for li in shown] == [HOSTILE]
        search.clear()
        search.send_keys("nothing like this")
        assert driver.find_element(By.ID, "none").is_displayed()
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018
        assert console_errors(driver) == []


@pytest.mark.parametrize(
    ("seoul", "expected"),
    [
        ("2026-12-07T10:00:00+09:00", "Open now"),  # a Monday morning
        ("2026-12-07T22:30:00+09:00", "Closed now"),  # after 21:00
        ("2026-12-13T10:00:00+09:00", "Closed now"),  # a Sunday (closed every week)
        ("2026-12-06T10:00:00+09:00", "Market holiday"),  # 1st Sunday: monthly, as the kiosk
        ("2026-12-07T02:00:00+01:00", "Open now"),  # 10:00 in Seoul, phone elsewhere
        ("2027-02-08T10:00:00+09:00", "Market holiday"),  # a Monday, 설날
        ("2027-02-08T00:00:00+09:00", "Market holiday"),  # its first minute
        ("2027-02-07T23:30:00-01:00", "Market holiday"),  # 09:30 on the 8th in Seoul
        ("2027-02-09T10:00:00+09:00", "Open now"),  # the day after
        ("2027-02-07T12:00:00+09:00", "Market holiday"),  # a Sunday in 설날, as the kiosk says
    ],
)
def test_open_now_is_computed_in_seoul_time(site: Path, seoul: str, expected: str) -> None:
    from selenium.webdriver.common.by import By

    fixed = f"""
    (function () {{ var T = new Date("{seoul}").getTime(), D = Date;
      function F(...a) {{ return a.length ? new D(...a) : new D(T); }}
      F.now = function () {{ return T; }}; F.UTC = D.UTC; F.prototype = D.prototype;
      Date = F; }})();
    """
    with serve(site) as (root, _server), chromium("en") as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": fixed})
        driver.get(root + "d/a-3/en.html")
        assert driver.find_element(By.CSS_SELECTOR, ".now").text == expected
