"""Writers commit in any order: an event whose id was taken first but committed last still shows."""

from __future__ import annotations

import pytest

from kiosk.services import live
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.uow import transaction

ONE = Change(ChangeKind.STORES, "dongmun", frozenset({1}))
TWO = Change(ChangeKind.STORES, "dongmun", frozenset({2}))


@pytest.mark.postgres
def test_an_event_committed_after_a_later_one_is_not_skipped(postgres_url: str) -> None:
    with Services.open(postgres_url) as here, Services.open(postgres_url) as other:
        watcher = here.live.change_watcher()
        db = other._db  # two writers of the other PC, as two of its threads would
        with transaction(db) as slow:
            live.note_change(slow, origin=other.origin, change=ONE)  # takes the lower id
            with transaction(db) as quick:
                live.note_change(quick, origin=other.origin, change=TWO)
            assert watcher.poll() == [TWO]  # the lower id is not committed yet
        assert watcher.poll() == [ONE]  # committed later: still seen
        assert watcher.poll() == []  # and only once
        assert watcher.last_seen == 2


def test_a_gap_that_never_fills_is_given_up_after_a_while(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Services.open(database_url) as here, Services.open(database_url) as other:
        watcher = here.live.change_watcher()
        db = other._db
        with transaction(db) as session:
            live.note_change(session, origin=other.origin, change=ONE)
            session.rollback()  # PostgreSQL keeps the id used; SQLite gives it again
        live.note_change_now(db, origin=other.origin, change=TWO)
        clock = [1000.0]
        monkeypatch.setattr(live.time, "monotonic", lambda: clock[0])
        assert watcher.poll() == [TWO]
        newest = 2 if db.dialect == "postgresql" else 1
        assert watcher.last_seen == (0 if newest == 2 else 1)  # id 1 is waited for
        clock[0] += live.GAP_WAIT_S + 1
        assert watcher.poll() == []
        assert watcher.last_seen == newest
