"""The tour's example market website, so the store page shows its "stall page" code."""

from __future__ import annotations

from kiosk.domain.access import Actor
from kiosk.services.app import Services

#: Where the tour says a market's pages are published (an example address, never fetched).
TOUR_SITE = "https://market.example.kr/{slug}/"


def give_sites(services: Services, manager: Actor) -> None:
    """An example site address for every second market (those whose store page the tour
    shows with its codes), so the shots show the KakaoTalk, payment and stall-page codes."""
    for index, market in enumerate(services.directory.list_markets()):
        if index % 2 == 1:
            url = TOUR_SITE.format(slug=market.slug)
            services.listings.set_market_site(actor=manager, slug=market.slug, url=url)
