"""Walk the shell through every screen, language and size (for self-test and screenshots)."""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import i18n
from kiosk.domain.access import Actor
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.screen_size import SUPPORTED
from kiosk.qa.registry_file import tour_registry
from kiosk.qa.roster_file import tour_roster
from kiosk.qa.setup_shots import walk_setup
from kiosk.qa.signage_shots import walk_signage
from kiosk.qa.tour_site import give_sites
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager import (
    audit_screen,
    exchange_screen,
    holidays_screen,
    import_map_screen,
    markets,
    onboarding_progress,
    promotion_form,
    promotions_screen,
    public_stores_screen,
    rates_screen,
    sign_in,
    store_form,
    stores,
    synonyms_screen,
)
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.merchant import goods_screen
from kiosk.ui.merchant import sign_in as merchant_sign_in
from kiosk.ui.merchant.flow import MerchantFlow, merchant_flow
from kiosk.ui.merchant.qr_screen import SCREEN as MERCHANT_QR
from kiosk.ui.merchant.qr_screen import open_merchant_qr
from kiosk.ui.onboarding import overview as onboarding_overview
from kiosk.ui.onboarding import sign_in as onboarding_sign_in
from kiosk.ui.onboarding import step_screen as onboarding_step
from kiosk.ui.onboarding.flow import onboarding_flow
from kiosk.ui.setup.screen import SCREEN as SETUP
from kiosk.ui.shell import START, Shell
from kiosk.ui.signage.loop_screen import SCREEN as SIGNAGE
from kiosk.ui.tourist.flow import DETAIL, DIRECTORY, tourist_flow

#: The default sizes: landscape kiosk, market-office laptop, portrait kiosk (domain.screen_size).
SIZES: tuple[tuple[int, int], ...] = SUPPORTED


@dataclass(frozen=True, slots=True)
class Shot:
    """One screen arranged in one language at one window size."""

    screen: str
    variant: str
    locale: LocaleCode
    width: int
    height: int

    @property
    def label(self) -> str:
        name = f"{self.screen}:{self.variant}" if self.variant else self.screen
        return f"{name} {self.locale} {self.width}x{self.height}"

    @property
    def filename(self) -> str:
        parts = [self.screen, self.variant, self.locale, f"{self.width}x{self.height}"]
        return "_".join(part for part in parts if part) + ".png"


@contextmanager
def tour_window(
    database_url: str | None, make_shell: Callable[[LocaleCode], Shell]
) -> Iterator[Shell]:
    """A shown shell from *make_shell* (the app's, every mode registered), services open.

    Without *database_url* a temporary SQLite file is created and seeded with
    the demo markets, and removed afterwards; a given database is only read.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before touring the screens")
    with tempfile.TemporaryDirectory(prefix="market-kiosk-tour-") as tmp:
        url = database_url or "sqlite:///" + (Path(tmp) / "demo.sqlite3").as_posix()
        services = Services.open(url, seed_demo=database_url is None)
        if database_url is None:
            prepare_accounts(services)
        previous = i18n.current_locale()
        theme.apply_theme(app, previous)
        window = make_shell(previous)
        try:
            window.use_services(services)
            window.name_home_market()  # as the app does once the database is open
            window.show()
            yield window
        finally:
            ops.wait_idle()
            window.close()
            window.deleteLater()
            services.close()
            i18n.set_locale(previous)
            theme.apply_locale_font(app, previous)


#: Secrets the tour sets on its own temporary demo database (never on a given one).
TOUR_PASSWORD = "tour-manager-password"
TOUR_PIN = "582046"
#: Rates the tour types (won for one unit), so the shots show reference prices.
TOUR_RATES = (("JPY", "9.05"), ("CNY", "192.4"), ("TWD", "43.1"), ("USD", "1385"))
_PREPARED: weakref.WeakSet[Services] = weakref.WeakSet()


def prepare_accounts(services: Services) -> None:
    """Manager password, rates, a market website, a PIN for the showcase merchant and one
    audited edit (temp DB only)."""
    from kiosk.domain.access import Secret

    code = services.access.issue_setup_code(actor=services.access.console_actor())
    manager = services.access.set_first_manager_password(
        password=Secret(TOUR_PASSWORD), setup_code=Secret(code)
    )
    _PREPARED.add(services)
    for currency, rate in TOUR_RATES:  # reference prices on the store pages, dated today
        services.rates.set_rate(actor=manager, currency=currency, rate=rate)
    give_sites(services, manager)  # the "stall page" code on the store pages with codes
    store_id = tour_merchant_store(services)
    if store_id is None:
        return
    services.access.set_store_pin(actor=manager, store_id=store_id, pin=Secret(TOUR_PIN))
    store = services.directory.get_store(store_id=store_id)
    if store.products:
        good = store.products[-1]
        services.listings.update_good(actor=manager, base=store, product_id=good.id, sold_out=True)
    _write_tour_listings(services, manager)
    services.access.sign_out(manager)


def tour_listings_file(services: Services) -> Path:
    """The listings file the Import / Export / Backup shots check (beside the tour database)."""
    return Path(services.where).parent / "tour-listings.csv"


def _write_tour_listings(services: Services, manager: Actor) -> None:
    """The first market exported, one price raised and one stall added: a dry run to show."""
    import csv
    import io

    from kiosk.domain.exchange import file_format as fmt
    from kiosk.domain.exchange.spreadsheet import Neutral, csv_bytes

    markets = services.directory.list_markets()
    if not markets:
        return
    path = tour_listings_file(services)
    services.exchange.export_listings(actor=manager, market_slug=markets[0].slug, out=path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    header = rows[0]
    price, stall = header.index(fmt.PRICE.header), header.index(fmt.STALL.header)
    rows[1][price] = str(int(rows[1][price]) + 500)
    added = list(rows[1])
    added[stall] = "Z-1"
    for column in (fmt.KAKAO, fmt.PAYMENT_QR):  # a new stall never takes another's codes
        added[header.index(column.header)] = ""
    rows.append(added)
    # The cells are read from our own export: already formula-safe, written back unchanged.
    path.write_bytes(csv_bytes([[Neutral(cell) for cell in row] for row in rows]))


def _walk_public_stores(
    manager: ManagerFlow, services: Services, locale: LocaleCode, size: tuple[int, int]
) -> Iterator[Shot]:
    """The registry's candidate review, with the invented file checked for the first market,
    then an invented roster's column mapping step."""
    markets = services.directory.list_markets()
    if not markets:
        return
    first = markets[0]
    manager.show_public_stores(first.slug)
    settle()
    screen = manager.public_stores
    screen.building.setText(first.name.get("ko"))
    screen.check_file(tour_registry(Path(services.where).parent, first.name.get("ko")))
    settle()
    yield Shot(public_stores_screen.SCREEN, "", locale, *size)
    manager.show_page("exchange")
    manager.exchange.check_file(tour_roster(Path(services.where).parent))  # column mapping
    settle()
    yield Shot(import_map_screen.SCREEN, "", locale, *size)


def tour_merchant_store(services: Services) -> int | None:
    """The store the merchant screens show: the showcase store of the first market."""
    markets = services.directory.list_markets()
    return showcase_store(services, markets[0].slug, codes=True) if markets else None


def walk_access(
    window: Shell, services: Services, locale: LocaleCode, size: tuple[int, int]
) -> Iterator[Shot]:
    """The manager and merchant screens; signed in only on the tour's own database."""
    from kiosk.domain.access import Secret

    width, height = size
    manager: ManagerFlow = manager_flow(window)
    manager.open()
    settle()
    yield Shot(sign_in.SCREEN, "", locale, width, height)
    merchant: MerchantFlow = merchant_flow(window)
    merchant.open()
    settle()
    store_id = tour_merchant_store(services)
    if store_id is not None:
        merchant.sign_in.choose_store(store_id)
    yield Shot(merchant_sign_in.SCREEN, "", locale, width, height)
    onboarding = onboarding_flow(window)
    onboarding.open()
    settle()
    if store_id is not None:
        onboarding.sign_in.choose_store(store_id)
    yield Shot(onboarding_sign_in.SCREEN, "", locale, width, height)
    if services not in _PREPARED:
        return  # a database the tour did not set up: it only reads, so no signing in
    manager.sign_in_as(services.access.sign_in_manager(password=Secret(TOUR_PASSWORD)))
    settle()
    yield Shot(stores.SCREEN, "", locale, width, height)
    if store_id is not None:
        manager.edit_store(services.directory.get_store(store_id=store_id))
        settle()
        yield Shot(store_form.SCREEN, "", locale, width, height)
    manager.show_page("markets")
    settle()
    yield Shot(markets.SCREEN, "", locale, width, height)
    first_market = manager.markets.current_slug()
    if first_market is not None:
        manager.show_synonyms(first_market)
        settle()
        yield Shot(synonyms_screen.SCREEN, "", locale, width, height)
        manager.show_holidays(first_market)
        settle()
        yield Shot(holidays_screen.SCREEN, "", locale, width, height)
    yield from walk_promotions(manager, locale, size)
    manager.show_page("audit")
    settle()
    yield Shot(audit_screen.SCREEN, "", locale, width, height)
    manager.show_page("progress")
    settle()
    yield Shot(onboarding_progress.SCREEN, "", locale, width, height)
    manager.show_page("exchange")
    settle()
    listings = tour_listings_file(services)
    if listings.is_file():
        manager.exchange.check_file(listings)  # the dry run's summary, before any import
        settle()
    yield Shot(exchange_screen.SCREEN, "", locale, width, height)
    manager.show_page("rates")
    settle()
    yield Shot(rates_screen.SCREEN, "", locale, width, height)
    yield from _walk_public_stores(manager, services, locale, size)
    manager.sign_out()
    if store_id is not None:
        merchant.sign_in_as(
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(TOUR_PIN))
        )
        settle()
        yield Shot(goods_screen.SCREEN, "", locale, width, height)
        merchant.sign_out()
        onboarding.sign_in_as(
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(TOUR_PIN))
        )
        settle()
        yield Shot(onboarding_overview.SCREEN, "", locale, width, height)
        for key, variant in ONBOARDING_STEPS:
            onboarding.open_step(key)
            settle()
            yield Shot(onboarding_step.SCREEN, variant, locale, width, height)
        onboarding.sign_out()


def walk_promotions(
    manager: ManagerFlow, locale: LocaleCode, size: tuple[int, int]
) -> Iterator[Shot]:
    """The promotions list and the editor: a saved promotion, then a new one refused."""
    manager.show_page("promotions")
    settle()
    yield Shot(promotions_screen.SCREEN, "", locale, *size)
    found = manager.promotions.model.promotions()
    if found:
        manager.edit_promotion(max(found, key=lambda p: p.store_id is not None))
        settle()
        yield Shot(promotion_form.SCREEN, "", locale, *size)
    market = manager.promotions.current_market()
    if market is not None:
        manager.new_promotion(market)
        settle()
        manager.promotion_form.save()  # nothing typed: each reason by its field
        settle()
        yield Shot(promotion_form.SCREEN, "refused", locale, *size)
        manager.promotion_form.new_promotion(market)  # leaves nothing unsaved behind


#: One step of each kind: nothing recorded, the KakaoTalk channel, the Zero Pay code, a link.
ONBOARDING_STEPS: tuple[tuple[str, str], ...] = (
    ("marketing_class", "plain"),
    ("kakao_channel", "kakao"),
    ("zero_pay", "payment"),
    ("instagram", "link"),
)


def settle() -> None:
    """Let background ops deliver, then layouts and pending resizes/repaints run."""
    ops.wait_idle()
    for _round in range(3):
        QApplication.processEvents()


def showcase_store(services: Services, market_slug: str, *, codes: bool) -> int | None:
    """The store of *market_slug* with the most goods (then most ways to pay), or None.

    With *codes* only stores with both QR codes (KakaoTalk and payment) count,
    without it only stores with neither, so the shots show both layouts of the detail.
    """
    best: tuple[int, int, int] | None = None
    for summary in services.directory.list_stores(market_slug=market_slug):
        if (summary.has_kakao, summary.has_payment_qr) != (codes, codes):
            continue
        detail = services.directory.get_store(store_id=summary.id)
        key = (len(detail.products), len(detail.payment_methods), -detail.id)
        if best is None or key > best:
            best = key
    return -best[2] if best is not None and best[0] > 0 else None


def walk(
    window: Shell,
    *,
    sizes: Sequence[tuple[int, int]] = SIZES,
    locales: Sequence[LocaleCode] = LOCALES,
) -> Iterator[Shot]:
    """Arrange *window* on each screen in turn and yield what is showing."""
    services = window.services()
    flow = tourist_flow(window)
    directory = flow.directory
    settle()
    markets = [market.slug for market in directory.markets()]
    # Alternate markets between a store with both QR codes and one with none.
    showcase = (
        {
            slug: showcase_store(services, slug, codes=index % 2 == 1)
            for index, slug in enumerate(markets)
        }
        if services
        else {}
    )
    for width, height in sizes:
        window.resize(width, height)
        for locale in locales:
            window.set_locale(locale)
            window.show_screen(START)
            settle()
            yield Shot(START, "", locale, width, height)
            window.show_screen(DIRECTORY)
            for slug in markets:
                directory.select_market(slug)
                settle()
                yield Shot(DIRECTORY, slug, locale, width, height)
            for slug in markets:
                store_id = showcase.get(slug)
                if store_id is not None:
                    flow.open_store(store_id)
                    settle()
                    if window.current_screen_name() == DETAIL:
                        yield Shot(DETAIL, slug, locale, width, height)
            if services is not None:
                open_merchant_qr(window)  # first demo store: channel ID and DEMO EMVCo payload
                settle()
                yield Shot(MERCHANT_QR, "", locale, width, height)
                yield from walk_access(window, services, locale, (width, height))
                for slide in walk_signage(window, locale, settle):
                    yield Shot(SIGNAGE, slide, locale, width, height)
                for step in walk_setup(window, services, settle):
                    yield Shot(SETUP, step, locale, width, height)
