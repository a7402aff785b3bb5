"""A server that goes away: polls notice it, writes are refused whole, the link comes back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from kiosk import i18n
from kiosk.data.db import Database
from kiosk.domain.exchange import file_format as fmt
from kiosk.services.app import Services
from kiosk.services.values import (
    Change,
    ChangeKind,
    DatabaseFaultError,
    NotConnectedError,
    ServerLink,
    is_away,
)
from tests.factories.tcp_cut import CuttableForwarder, forwarder_to

NAME = {"ko": "중앙시장"}
CITY = {"ko": "부산"}


def _markets_in(url: str) -> list[str]:
    """The market slugs in *url*, read past the app (a connection of the test's own)."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        slugs = [row[0] for row in conn.execute(text("SELECT slug FROM markets"))]
        events = conn.execute(text("SELECT count(*) FROM change_events")).scalar_one()
    engine.dispose()
    return [*slugs, f"events={events}"]


def test_the_link_tells_listeners_only_when_it_changes() -> None:
    link = ServerLink()
    heard: list[bool] = []
    link.subscribe(heard.append)
    link.subscribe(lambda _up: 1 / 0)  # a bad listener hides nothing from the others
    assert link.set(True) is False and heard == []
    assert link.noticed(ValueError("not a fault")) is False and link.up
    assert link.noticed(DatabaseFaultError("lost", "db")) is True and not link.up
    assert link.noticed(DatabaseFaultError("unreachable", "db")) is True and heard == [False]
    assert not is_away(DatabaseFaultError("locked", "db"))
    with pytest.raises(NotConnectedError):
        link.require()
    assert link.set(True) is True and heard == [False, True]
    link.require()


def test_a_refusal_carries_the_fault_it_met_for_a_command_to_print() -> None:
    i18n.set_locale("en")
    lost = DatabaseFaultError("lost", "db")
    cut = NotConnectedError(lost)
    assert cut.message == NotConnectedError().message  # the app: "reconnects by itself"
    assert cut.fault == lost.message and str(cut.fault).startswith("Cannot use the database")
    assert "the connection to the database server was lost" in str(cut.fault)
    assert NotConnectedError(NotConnectedError(lost)).fault == lost.message  # a nested write
    refused = NotConnectedError()  # refused before it began: nothing met but the refusal
    assert refused.fault == refused.message
    assert NotConnectedError(ValueError("not ours")).fault == refused.message
    i18n.set_locale("ko")
    try:
        assert str(cut.fault) == str(lost) and str(cut.fault) != lost.message.template
    finally:
        i18n.set_locale("en")


def test_a_write_while_away_is_refused_and_saves_nothing(tmp_path: object) -> None:
    with Services.open("sqlite://") as services:
        manager = services.access.console_actor()
        services.live.link.set(False)
        with pytest.raises(NotConnectedError) as refused:
            services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        assert services.directory.list_markets() == []
        i18n.set_locale("ko")
        try:
            assert str(refused.value).startswith("서버에 연결되지 않았습니다")
        finally:
            i18n.set_locale("en")
        assert str(refused.value).startswith("Not connected to the server")
        services.live.link.set(True)
        services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        assert [m.slug for m in services.directory.list_markets()] == ["jungang"]


@pytest.fixture
def proxied(postgres_url: str) -> Iterator[tuple[str, CuttableForwarder]]:
    """A migrated PostgreSQL database and a forwarder to it that the test can cut."""
    Database.open(postgres_url).close()
    with forwarder_to(postgres_url) as forwarder:
        yield postgres_url, forwarder


@pytest.mark.postgres
def test_polls_notice_the_server_away_and_back(proxied: tuple[str, CuttableForwarder]) -> None:
    direct, forwarder = proxied
    with Services.open(forwarder.url(direct)) as services:
        manager = services.access.console_actor()
        watcher = services.live.change_watcher()
        heard: list[bool] = []
        changes: list[Change] = []
        services.live.link.subscribe(heard.append)
        services.changes.subscribe(changes.append)
        assert watcher.poll() == [] and heard == []

        forwarder.cut()
        with pytest.raises(DatabaseFaultError) as polled:
            watcher.poll()
        assert is_away(polled.value) and heard == [False]
        with pytest.raises(NotConnectedError):  # refused before it begins, no waiting
            services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        with pytest.raises(DatabaseFaultError):  # still away: no change, no second "away"
            watcher.poll()
        assert heard == [False]

        forwarder.restore()
        assert watcher.poll() == []
        assert heard == [False, True]
        assert changes == [Change(ChangeKind.MARKETS)]  # every screen reloads once
        services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        assert _markets_in(direct) == ["jungang", "events=1"]


@pytest.mark.postgres
def test_a_server_gone_mid_save_leaves_nothing_half_written(
    proxied: tuple[str, CuttableForwarder],
) -> None:
    direct, forwarder = proxied
    with Services.open(forwarder.url(direct)) as services:
        manager = services.access.console_actor()
        services.listings.create_market(actor=manager, slug="dongmun", name=NAME, city=CITY)
        heard: list[bool] = []
        services.live.link.subscribe(heard.append)

        def cut_after_flush(session: Session, _context: object) -> None:
            forwarder.cut()  # the rows are on the server, the commit never arrives

        event.listen(Session, "after_flush", cut_after_flush)
        try:
            with pytest.raises(NotConnectedError) as refused:
                services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        finally:
            event.remove(Session, "after_flush", cut_after_flush)
        assert isinstance(refused.value.__cause__, DatabaseFaultError)
        assert refused.value.fault == refused.value.__cause__.message  # what a command prints
        assert heard == [False]  # the screens say so at once, without waiting for a poll
        assert _markets_in(direct) == ["dongmun", "events=1"]  # neither market nor event

        forwarder.restore()
        watcher = services.live.change_watcher()  # the next poll brings the link back
        assert heard == [False, True] and services.live.link.up
        services.listings.create_market(actor=manager, slug="jungang", name=NAME, city=CITY)
        assert _markets_in(direct) == ["dongmun", "jungang", "events=2"]
        assert watcher.last_seen == 1


@pytest.mark.postgres
def test_a_server_gone_mid_import_leaves_the_market_as_it_was(
    proxied: tuple[str, CuttableForwarder], tmp_path: Path
) -> None:
    direct, forwarder = proxied
    with Services.open(direct, seed_demo=True) as seeded:
        console = seeded.access.console_actor()
        before = tmp_path / "before.csv"
        seeded.exchange.export_listings(actor=console, market_slug="bansong", out=before)
    rows = list(csv.reader(io.StringIO(before.read_text(encoding="utf-8-sig"), newline="")))
    price = rows[0].index(fmt.PRICE.header)
    for row in rows[1:]:
        row[price] = str(int(row[price]) + 100)  # every good of every stall changes
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)

    with Services.open(forwarder.url(direct)) as services:
        console = services.access.console_actor()
        plan = services.exchange.check_import(actor=console, path=edited)
        assert plan.changes_anything
        statements = 0

        def cut_midway(*_args: object) -> None:
            nonlocal statements
            statements += 1
            if statements == 6:  # some stalls written, the commit not yet
                forwarder.cut()

        event.listen(Engine, "before_cursor_execute", cut_midway)
        try:
            with pytest.raises(NotConnectedError):
                services.exchange.apply_import(actor=console, plan=plan)
        finally:
            event.remove(Engine, "before_cursor_execute", cut_midway)
        assert statements >= 6 and not services.live.link.up

    with Services.open(direct) as checked:
        after = tmp_path / "after.csv"
        checked.exchange.export_listings(
            actor=checked.access.console_actor(), market_slug="bansong", out=after
        )
    assert after.read_bytes() == before.read_bytes()  # not one price of the import landed
