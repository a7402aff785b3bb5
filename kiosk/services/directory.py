"""Read the store directory: markets, searchable store lists and full store details."""

from __future__ import annotations

from kiosk.data import markets, store_lists, stores
from kiosk.data.convert import market_info, store_detail
from kiosk.data.db import Database
from kiosk.data.synonym_lists import query_terms as search_terms
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, MarketMatches, StoreDetail, StoreSummary
from kiosk.domain.payments import PaymentMethod
from kiosk.services.uow import reading, transaction


def list_markets(*, db: Database) -> list[MarketInfo]:
    """Every market with its number of active stores, in the order they were added."""
    with transaction(db) as session:
        return markets.markets_with_counts(session)


def get_market(*, db: Database, slug: str) -> MarketInfo:
    """One market with its active store count; NotFoundError names the known slugs."""
    with transaction(db) as session:
        market = markets.market_by_slug(session, slug)
        count = markets.store_count(session, market.id, active_only=True)
        return market_info(market, store_count=count)


def list_stores(
    *,
    db: Database,
    market_slug: str,
    query: str = "",
    category: Category | None = None,
    include_inactive: bool = False,
    offset: int = 0,
    limit: int | None = None,
    payment: PaymentMethod | None = None,
) -> list[StoreSummary]:
    """Stores of a market in natural stall order (A-2 before A-10), *limit* from *offset*.

    *query* matches, case- and width-insensitively, any substring of the store's
    name or description in any of the five languages, its products' names or
    its stall number; every word of *query* must match. One- and two-syllable
    Hangul words (귤, 채소) match like any other substring. Without a query a
    page is one indexed query on ``stall_sort_key``; with one, the matching ids
    come from the in-memory search (:mod:`kiosk.data.search_index`) and the
    page's rows from one ``IN`` query (docs/architecture.md, "Known traps").
    *payment* keeps only the stores that take that way to pay.
    """
    if offset < 0 or (limit is not None and limit < 0):
        raise ValueError(f"offset and limit must be 0 or more, got {offset} and {limit}")
    with reading(db) as conn:
        market_id = markets.market_id(conn, market_slug)
        words = search_terms(conn, market_id, query)
        if not words:
            return store_lists.summary_page(
                conn,
                market_id,
                market_slug=market_slug,
                category=category,
                include_inactive=include_inactive,
                offset=offset,
                limit=limit,
                payment=payment,
            )
        found = db.search_index.matching_ids(
            conn, market_id, words, category=category, include_inactive=include_inactive
        )
        if payment is not None:
            found = store_lists.accepting_ids(conn, found, payment)
        page = found[offset:] if limit is None else found[offset : offset + limit]
        return store_lists.summaries_of(conn, page, market_slug=market_slug)


def count_stores(
    *,
    db: Database,
    market_slug: str,
    query: str = "",
    category: Category | None = None,
    include_inactive: bool = False,
    payment: PaymentMethod | None = None,
) -> int:
    """How many stores :func:`list_stores` would list without a limit.

    With a query this is the length of the in-memory search's answer (shared
    with the page of the same query); without one, one indexed COUNT.
    """
    with reading(db) as conn:
        market_id = markets.market_id(conn, market_slug)
        words = search_terms(conn, market_id, query)
        if words:
            found = db.search_index.matching_ids(
                conn, market_id, words, category=category, include_inactive=include_inactive
            )
            if payment is not None:
                found = store_lists.accepting_ids(conn, found, payment)
            return len(found)
        return store_lists.count_stores(
            conn, market_id, category=category, include_inactive=include_inactive, payment=payment
        )


def market_matches(
    *,
    db: Database,
    query: str,
    home_slug: str | None = None,
    category: Category | None = None,
) -> list[MarketMatches]:
    """How many active stores each market's search finds for *query* (with each market's
    own synonyms): *home_slug* first, then the others in the order they were added.

    A blank query counts every active store. Each market's texts are loaded once and
    kept like any search's, so asking again after a keystroke costs a scan per market.
    """
    found: list[MarketMatches] = []
    with reading(db) as conn:
        for info in store_lists.market_names(conn):
            terms = search_terms(conn, info.id, query)
            if terms:
                ids = db.search_index.matching_ids(conn, info.id, terms, category=category)
                count = len(ids)
            else:
                count = store_lists.count_stores(
                    conn, info.id, category=category, include_inactive=False
                )
            found.append(MarketMatches(info.slug, info.name, count, info.slug == home_slug))
    found.sort(key=lambda match: not match.is_home)  # stable: the rest keep their order
    return found


def prepare_search(*, db: Database, market_slug: str) -> None:
    """Load the market's search texts ahead of the first search (0.3-0.4 s at 30,000 stores)."""
    with reading(db) as conn:
        db.search_index.prepare(conn, markets.market_id(conn, market_slug))


def market_categories(*, db: Database, market_slug: str) -> list[Category]:
    """The categories a market's active stores have, in the enum's order (one aggregate query)."""
    with reading(db) as conn:
        present = store_lists.active_categories(conn, markets.market_id(conn, market_slug))
    return [category for category in Category if category in present]


def get_store(*, db: Database, store_id: int) -> StoreDetail:
    """Everything about one store, products in their display order."""
    with transaction(db) as session:
        store = stores.load_store(session, store_id)
        return store_detail(store, market=store.market)


def stall_page_url(*, db: Database, store: StoreDetail) -> str:
    """The store's page on its market's website (``https://.../d/a-3/``), as ``publish``
    writes it; "" while the market has no site address or the store is not active."""
    from kiosk.domain.site import stall_page_urls

    if not store.active:
        return ""
    with reading(db) as conn:
        market = markets.market_row(conn, store.market_slug)
        if market is None or not market[1]:
            return ""
        stalls = store_lists.active_stalls(conn, market[0])
    return stall_page_urls(market[1], stalls).get(store.id, "")


def list_store_details(
    *, db: Database, market_slug: str, active_only: bool = True
) -> list[StoreDetail]:
    """Full details of a market's stores in stall order, in three queries whatever the count."""
    with transaction(db) as session:
        market = markets.market_by_slug(session, market_slug)
        return stores.market_store_details(session, market, active_only=active_only)
