"""The market's site address and the stall pages' short paths."""

from __future__ import annotations

import re

import pytest

from kiosk.domain.site import (
    SiteUrlError,
    check_site_url,
    stall_page_spec,
    stall_page_urls,
    stall_paths,
    stall_slug,
)
from kiosk.i18n import set_locale


@pytest.mark.parametrize(
    ("text", "checked"),
    [
        ("https://market.example", "https://market.example/"),
        (" https://City.example/markets/dongmun ", "https://city.example/markets/dongmun/"),
        ("https://market.example/d/", "https://market.example/d/"),
        ("", ""),
    ],
)
def test_good_addresses_end_in_a_slash(text: str, checked: str) -> None:
    assert check_site_url(text) == checked


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("http://market.example/", "use an https:// address"),
        ("ftp://market.example/", "use an https:// address"),
        ("market.example/", "use an https:// address"),
        ("https://market.example/?utm=1", "no ?query or #part"),
        ("https://market.example/#top", "no ?query or #part"),
        ("https://market.example/?", "no ?query or #part"),
        ("https://user@market.example/", "not a web address"),
        ("https://market.example:8443/", "not a web address"),
        ("https://market example/", "not a web address"),
        ("https://시장.example/", "not a web address"),
        ("https://nodot/", "not a web address"),
        ("https://" + "a" * 200 + ".example/", "not a web address"),
    ],
)
def test_bad_addresses_say_which_rule(text: str, why: str) -> None:
    set_locale("en")  # another test may have left Korean on
    with pytest.raises(SiteUrlError, match=re.escape(why)):
        check_site_url(text)


def test_short_paths_are_unique_and_stable() -> None:
    assert (
        stall_slug("A-3") == "a-3" and stall_slug("나 12") == "12" and stall_slug("가") == "stall"
    )
    paths = stall_paths([(7, "A 3"), (2, "A-3"), (9, "B-1")])
    assert paths == {2: "d/a-3/", 7: "d/a-3-7/", 9: "d/b-1/"}


def test_stand_codes_carry_the_site_address_and_the_short_path() -> None:
    urls = stall_page_urls("https://m.example/dongmun/", [(3, "A-3"), (4, "B-12")])
    assert urls == {3: "https://m.example/dongmun/d/a-3/", 4: "https://m.example/dongmun/d/b-12/"}
    assert stall_page_urls("", [(3, "A-3")]) == {}
    spec = stall_page_spec(urls[3])
    assert spec.ec == "M" and not spec.logo and spec.text == urls[3]
