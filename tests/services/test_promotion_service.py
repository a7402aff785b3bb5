"""Promotions through the door: manager only, checked, audited, published, listed by schedule."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PIL import Image

from kiosk.data.db import Database
from kiosk.domain.access import Actor, PermissionDenied
from kiosk.domain.audit import AuditAction
from kiosk.domain.promotions import PromotionDraft, PromotionKind, TimeWindow
from kiosk.domain.store_edit.draft import EditRefused
from kiosk.domain.text import LocalizedText
from kiosk.i18n import render_message
from kiosk.services.app import Promotions, Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.errors import NotFoundError
from kiosk.services.promotion_checks import StalePromotion


def _png(size: tuple[int, int] = (4, 4)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, format="PNG")
    return out.getvalue()


def _draft(**changes: object) -> PromotionDraft:
    base: dict[str, object] = {
        "market_slug": "dongmun",
        "title": LocalizedText({"ko": "귤 할인", "en": "Tangerine sale"}),
        "text": LocalizedText({"ko": "오늘만 10% 할인"}),
        "starts_on": date(2026, 12, 1),
        "ends_on": date(2026, 12, 31),
    }
    base.update(changes)
    return PromotionDraft(**base)  # type: ignore[arg-type]


@pytest.fixture
def services(db: Database) -> Services:
    made = Services(db)
    made.listings.load_demo()
    return made


def test_add_list_remove_audited_and_published(services: Services) -> None:
    console = services.access.console_actor()
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    store = services.promotions.stall_store_id("dongmun", services.directory.list_stores(
        market_slug="dongmun")[0].stall_number)  # fmt: skip
    window = TimeWindow(time(18), time(21))
    saved = services.promotions.add_promotion(
        actor=console,
        draft=_draft(
            store_id=store,
            kind=PromotionKind.ANNOUNCEMENT,
            weekdays=frozenset({4, 5}),
            window=window,
            image=_png(),
        ),
    )
    assert seen == [Change(ChangeKind.PROMOTIONS, "dongmun")]
    assert saved.store_id == store and saved.window == window and saved.image == _png()
    ids = [p.id for p in services.promotions.list_promotions("dongmun")]
    assert saved.id in ids
    friday_evening = datetime(2026, 12, 11, 19, 0)
    assert saved.id in [
        p.id for p in services.promotions.list_promotions("dongmun", friday_evening)
    ]
    thursday = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)  # 19:00 in Seoul, a Thursday
    assert saved.id not in [p.id for p in services.promotions.list_promotions("dongmun", thursday)]
    gone = services.promotions.remove_promotion(actor=console, promotion_id=saved.id)
    assert gone.id == saved.id
    assert saved.id not in [p.id for p in services.promotions.list_promotions("dongmun")]
    log = services.audit.audit_log(
        actor=console, actions=(AuditAction.PROMOTION_ADDED, AuditAction.PROMOTION_REMOVED)
    )
    assert [e.action for e in log] == [AuditAction.PROMOTION_REMOVED, AuditAction.PROMOTION_ADDED]
    assert log[1].subject == "귤 할인"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": date(2026, 11, 1)}, "ends_on"),
        ({"text": LocalizedText({})}, "text"),
        ({"image": b"\x89PNG\r\n\x1a\n" + b"broken"}, "image"),  # right magic, not a picture
        ({"image": _png((5000, 10))}, "image"),  # far bigger than any screen
    ],
)
def test_bad_drafts_are_refused_and_nothing_is_written(
    services: Services, changes: dict[str, object], field: str
) -> None:
    before = services.promotions.list_promotions("dongmun")
    with pytest.raises(EditRefused) as refused:
        services.promotions.add_promotion(
            actor=services.access.console_actor(), draft=_draft(**changes)
        )
    assert [p.field for p in refused.value.problems] == [field]
    assert services.promotions.list_promotions("dongmun") == before


def test_unknown_market_store_or_promotion(services: Services) -> None:
    console = services.access.console_actor()
    with pytest.raises(NotFoundError):
        services.promotions.list_promotions("nowhere")
    with pytest.raises(NotFoundError):
        services.promotions.stall_store_id("dongmun", "no-such-stall")
    other = services.directory.list_stores(market_slug="bansong")[0].id
    with pytest.raises(NotFoundError):  # a store of another market
        services.promotions.add_promotion(actor=console, draft=_draft(store_id=other))
    with pytest.raises(NotFoundError):
        services.promotions.remove_promotion(actor=console, promotion_id=999_999)


def test_only_a_manager_may_write(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        services.promotions.add_promotion(actor=Actor.tourist("pc"), draft=_draft())


def test_update_replaces_audits_each_field_and_publishes(services: Services) -> None:
    console = services.access.console_actor()
    saved = services.promotions.add_promotion(actor=console, draft=_draft())
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    title = LocalizedText({"ko": "귤 할인", "en": "Tangerine sale", "ja": "みかんセール"})
    changed = services.promotions.update_promotion(
        actor=console,
        promotion_id=saved.id,
        draft=_draft(title=title, ends_on=date(2027, 1, 15), window=TimeWindow(time(9), time(12))),
        expected=saved,
    )
    assert changed.id == saved.id and changed.title == title
    assert changed.window == TimeWindow(time(9), time(12))
    assert seen == [Change(ChangeKind.PROMOTIONS, "dongmun")]
    [listed] = [p for p in services.promotions.list_promotions("dongmun") if p.id == saved.id]
    assert listed == changed
    [entry] = services.audit.audit_log(actor=console, actions=(AuditAction.PROMOTION_CHANGED,))
    assert {c.field: (c.old, c.new) for c in entry.changes} == {
        "title.ja": ("", "みかんセール"),
        "dates": ("2026-12-01..2026-12-31", "2026-12-01..2027-01-15"),
        "time": ("", "09:00-12:00"),
    }


def test_update_refuses_bad_stale_or_gone_and_writes_nothing(services: Services) -> None:
    console = services.access.console_actor()
    saved = services.promotions.add_promotion(actor=console, draft=_draft())
    with pytest.raises(EditRefused) as refused:
        services.promotions.update_promotion(
            actor=console,
            promotion_id=saved.id,
            draft=_draft(ends_on=date(2026, 11, 30), title=LocalizedText({})),
            expected=saved,
        )
    assert [p.field for p in refused.value.problems] == ["ends_on", "title"]
    newer = services.promotions.update_promotion(
        actor=console, promotion_id=saved.id, draft=_draft(text=LocalizedText({"ko": "새 글"})),
        expected=saved,
    )  # fmt: skip
    with pytest.raises(StalePromotion):  # another PC saved after this editor loaded it
        services.promotions.update_promotion(
            actor=console, promotion_id=saved.id, draft=_draft(), expected=saved
        )
    assert [p for p in services.promotions.list_promotions("dongmun") if p.id == saved.id] == [
        newer
    ]
    services.promotions.remove_promotion(actor=console, promotion_id=saved.id)
    with pytest.raises(NotFoundError):
        services.promotions.update_promotion(
            actor=console, promotion_id=saved.id, draft=_draft(), expected=newer
        )
    with pytest.raises(PermissionDenied):
        services.promotions.update_promotion(
            actor=Actor.tourist("pc"), promotion_id=saved.id, draft=_draft(), expected=newer
        )


def test_read_image_takes_a_picture_file(tmp_path: Path) -> None:
    picture = tmp_path / "sale.png"
    picture.write_bytes(_png((40, 30)))
    assert Promotions.read_image(picture) == _png((40, 30))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "gone.png", "gone.png does not exist"),
        (lambda d: d, "not a regular file"),
        (lambda d: _write(d / "big.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024)), "bytes"),
        (lambda d: _write(d / "note.png", b"just some text"), "not a PNG or JPEG"),
        (lambda d: _write(d / "wide.png", _png((5000, 10))), "5000x10 pixels"),
    ],
    ids=["missing", "folder", "huge-file", "not-a-picture", "huge-picture"],
)
def test_read_image_refuses_with_the_field_and_reason(
    tmp_path: Path, make: Callable[[Path], Path], words: str
) -> None:
    with pytest.raises(EditRefused) as refused:
        Promotions.read_image(make(tmp_path))
    [problem] = refused.value.problems
    shown = render_message(problem.message, "en")
    assert problem.field == "image" and shown.startswith("Picture: ") and words in shown, shown


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
