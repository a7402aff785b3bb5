"""Approximate prices in a real browser: shown while the rate is fresh, hidden on the phone
once it is older than the manager allows (the page outlives its rate)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.locales import LOCALES
from kiosk.publish.build import build_site
from kiosk.publish.writer import publish_files
from tests.publish.a11y import CHECKS
from tests.publish.browser import browser_or_skip, chromium, console_errors, serve
from tests.publish.sites import BASE, sample
from tests.publish.test_approx import DAY, rated

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The phone's clock fixed at *seoul* (an ISO time), before the page's script runs.
FIXED_CLOCK = """
(function () {{ var T = new Date("{seoul}").getTime(), D = Date;
  function F(...a) {{ return a.length ? new D(...a) : new D(T); }}
  F.now = function () {{ return T; }}; F.UTC = D.UTC; F.prototype = D.prototype;
  Date = F; }})();
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    browser_or_skip()
    out = tmp_path_factory.mktemp("rated") / "site"
    publish_files(out, build_site(rated(sample()), LOCALES), base_url=BASE)  # rate of DAY
    yield out


@pytest.mark.parametrize(
    ("lang", "seoul", "shown"),
    [
        ("ja", "2026-12-01T08:00:00+09:00", True),  # published and read the same day
        ("ja", "2026-12-15T23:59:00+09:00", True),  # 14 days: the manager's limit
        ("ja", "2026-12-16T00:30:00+09:00", False),  # 15 days in Seoul (still the 15th in UTC)
        ("zh-Hans", "2027-02-01T12:00:00+09:00", False),  # months later
        ("en", "2026-11-30T12:00:00+09:00", False),  # a phone clock before the rate's date
    ],
)
def test_the_phone_hides_approximate_prices_once_the_rate_is_too_old(
    site: Path, lang: str, seoul: str, shown: bool
) -> None:
    from selenium.webdriver.common.by import By

    with serve(site) as (root, _server), chromium(lang) as driver:
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": FIXED_CLOCK.format(seoul=seoul)}
        )
        driver.get(root + f"d/a-3/{lang}.html")
        approx = driver.find_elements(By.CSS_SELECTOR, ".approx")
        assert len(approx) == 2
        assert [a.is_displayed() for a in approx] == [shown, shown]
        if shown:
            assert DAY.strftime("%Y") in approx[0].text
            assert driver.execute_script(CHECKS) == []  # contrast, sizes, lang of the line
        assert driver.find_element(By.CSS_SELECTOR, ".now").text.strip()  # the script ran on
        assert console_errors(driver) == []


def test_without_script_a_fresh_rate_is_shown(site: Path) -> None:
    """The line is in the page itself; only a rate too old at publish time leaves it out."""
    from selenium.webdriver.common.by import By

    with serve(site) as (root, _server), chromium("ja") as driver:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(root + "d/a-3/ja.html")
        approx = driver.find_elements(By.CSS_SELECTOR, ".approx")
        assert [a.is_displayed() for a in approx] == [True, True]
        assert approx[0].text == "約￥1,330（2026/12/01のレート）"
