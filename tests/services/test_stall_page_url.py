"""The kiosk's "stall page" address: the same page ``publish`` writes and the stands carry."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from kiosk.domain.site import stall_page_urls
from kiosk.render.verify import decode_qimage
from kiosk.services.app import Services
from kiosk.services.qr.store_codes import verified_store_codes

SITE = "https://market.example.kr/dongmun/"


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    with Services.open(database_url, seed_demo=True) as opened:
        yield opened


def test_no_site_address_gives_no_stall_page(services: Services) -> None:
    store = services.directory.list_store_details(market_slug="dongmun")[0]
    assert services.directory.stall_page_url(store=store) == ""
    codes = verified_store_codes(store, sides=(240, 160), page_url="")
    assert codes.page == {}


def test_each_store_gets_the_address_publish_and_the_stands_use(services: Services) -> None:
    actor = services.access.console_actor()
    services.listings.set_market_site(actor=actor, slug="dongmun", url=SITE)
    stores = services.directory.list_store_details(market_slug="dongmun")
    expected = stall_page_urls(SITE, ((s.id, s.stall_number) for s in stores))
    for store in stores:
        assert services.directory.stall_page_url(store=store) == expected[store.id]
    first = stores[0]
    url = services.directory.stall_page_url(store=first)
    assert url == SITE + "d/" + first.stall_number.lower() + "/"
    codes = verified_store_codes(first, sides=(240, 160), page_url=url)
    for verified in codes.page.values():  # error correction M, decoded back to the address
        assert verified.ec_level == "M"
        assert [found.text for found in decode_qimage(verified.image)] == [url]
    other = services.directory.list_store_details(market_slug="bansong")[0]
    assert services.directory.stall_page_url(store=other) == ""  # that market has no site


def test_an_inactive_store_has_no_stall_page(services: Services) -> None:
    actor = services.access.console_actor()
    services.listings.set_market_site(actor=actor, slug="dongmun", url=SITE)
    store = services.directory.list_store_details(market_slug="dongmun")[0]
    assert services.directory.stall_page_url(store=dataclasses.replace(store, active=False)) == ""
