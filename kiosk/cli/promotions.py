"""`market-kiosk promotions list|add|remove`: a market's promotions and announcements.

``--at`` shows what the kiosk's attract loop would show then (a time without a
zone is Seoul time, like every schedule). Whoever runs these commands already
holds the database, so they act as the ``console`` (so named in the audit log).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kiosk.domain.listing import StoreSummary
    from kiosk.domain.promotions import Promotion, PromotionDraft
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)
#: The command-line spelling of each locale in option names.
_OPTION_LOCALES = {"ko": "ko", "en": "en", "ja": "ja", "zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant"}


def add_promotions_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``promotions list``, ``promotions add`` and ``promotions remove``."""
    group = subparsers.add_parser(
        "promotions", help="a market's promotions and announcements (the kiosk's attract loop)"
    )
    sub = group.add_subparsers(dest="promotions_command", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="list a market's promotions")
    listing.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    listing.add_argument(
        "--at",
        metavar="DATETIME",
        help="only those the kiosk shows then, e.g. 2026-12-24T19:00 (Seoul time unless a "
        "zone is given)",
    )
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(func=_cmd_list)
    _add_add_parser(sub)
    remove = sub.add_parser("remove", help="remove a promotion (by the id that list shows)")
    remove.add_argument("id", type=int, metavar="ID", help="the promotion's id")
    remove.set_defaults(func=_cmd_remove)


def _add_add_parser(sub: argparse._SubParsersAction[_P]) -> None:
    add = sub.add_parser(
        "add",
        help="add a promotion or an announcement",
        description="Add a promotion or announcement. Title and text in at least one "
        "language; on screen a missing language falls back to English, then Korean.",
    )
    add.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    add.add_argument("--store", metavar="STALL", help="one stall's promotion (default: market)")
    add.add_argument(
        "--kind", choices=("promotion", "announcement"), default="promotion", help="what it is"
    )
    for field in ("title", "text"):
        for code, spelled in _OPTION_LOCALES.items():
            add.add_argument(
                f"--{field}-{spelled}", dest=f"{field}_{code}", metavar="TEXT", default=""
            )
    add.add_argument("--start", required=True, metavar="DATE", help="first day (YYYY-MM-DD)")
    add.add_argument("--end", required=True, metavar="DATE", help="last day, included")
    add.add_argument("--weekdays", metavar="DAYS", default="", help="e.g. sat,sun (default: all)")
    add.add_argument("--from", dest="shows_from", metavar="HH:MM", help="daily from (Seoul)")
    add.add_argument("--until", dest="shows_until", metavar="HH:MM", help="daily until (Seoul)")
    add.add_argument("--image", type=Path, metavar="FILE", help="a PNG or JPEG picture (2 MB)")
    add.set_defaults(func=_cmd_add)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _date(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"promotions add: {option} {text!r} is not a date (use YYYY-MM-DD)"
        ) from None


def _clock(option: str, text: str) -> time:
    try:
        return time.fromisoformat(text.strip()).replace(second=0, microsecond=0)
    except ValueError:
        raise CliError(f"promotions add: {option} {text!r} is not a time (use HH:MM)") from None


def parse_at(text: str) -> datetime:
    """``2026-12-24T19:00``, ``2026-12-24 19:00`` or a day (its midnight); CliError otherwise."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"promotions list: --at {text!r} is not a date and time (use 2026-12-24T19:00)"
        ) from None


def _cmd_list(args: argparse.Namespace) -> int:
    at = parse_at(args.at) if args.at else None
    services = _open()
    try:
        found = services.promotions.list_promotions(args.market, at)
        stores = {}
        if any(p.store_id is not None for p in found):
            listed = services.directory.list_stores(market_slug=args.market, include_inactive=True)
            stores = {s.id: s for s in listed}
    finally:
        services.close()
    write_promotions(found, args.format, sys.stdout, stores=stores)
    return 0


def _window(args: argparse.Namespace) -> tuple[time, time] | None:
    if args.shows_from is None and args.shows_until is None:
        return None
    if args.shows_from is None or args.shows_until is None:
        raise CliError("promotions add: --from and --until go together (e.g. --from 18:00 "
                       "--until 21:00)")  # fmt: skip
    return _clock("--from", args.shows_from), _clock("--until", args.shows_until)


def _image(path: Path | None) -> bytes | None:
    if path is None:
        return None
    from kiosk.domain.promotions import IMAGE_TOO_BIG, MAX_IMAGE_BYTES

    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise CliError(f"promotions add: --image {path}: "
                           f"{IMAGE_TOO_BIG(size=size, limit=MAX_IMAGE_BYTES)}")  # fmt: skip
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CliError(f"promotions add: --image {path}: cannot read it ({reason})") from None


def _option(field: str) -> str:
    """The option a draft's field came from (``title.en`` -> ``--title-en``)."""
    name, _, code = field.partition(".")
    options = {"ends_on": "--end", "weekdays": "--weekdays", "window": "--from/--until",
               "image": "--image", "title": "--title-ko", "text": "--text-ko"}  # fmt: skip
    if code:
        return f"--{name}-{_OPTION_LOCALES.get(code, code)}"
    return options.get(name, name)


def _draft(args: argparse.Namespace, services: Services) -> PromotionDraft:
    from kiosk.domain.locales import LOCALES
    from kiosk.domain.promotions import PromotionDraft, PromotionKind, TimeWindow, parse_weekdays
    from kiosk.domain.text import LocalizedText

    try:
        weekdays = parse_weekdays(args.weekdays)
    except ValueError as exc:
        raise CliError(
            f"promotions add: --weekdays: {str(exc)!r} is not a weekday (use mon,tue,...,sun)"
        ) from None
    window = _window(args)
    starts_on, ends_on = _date("--start", args.start), _date("--end", args.end)
    image = _image(args.image)
    store_id = None
    if args.store is not None:
        store_id = services.promotions.stall_store_id(args.market, args.store)
    return PromotionDraft(
        market_slug=args.market,
        title=LocalizedText({c: getattr(args, f"title_{c}").strip() for c in LOCALES}),
        text=LocalizedText({c: getattr(args, f"text_{c}").strip() for c in LOCALES}),
        starts_on=starts_on,
        ends_on=ends_on,
        kind=PromotionKind(args.kind),
        store_id=store_id,
        weekdays=weekdays,
        window=None if window is None else TimeWindow(*window),
        image=image,
    )


def _cmd_add(args: argparse.Namespace) -> int:
    from kiosk.domain.store_edit.draft import EditRefused
    from kiosk.domain.text import terminal_safe

    services = _open()
    try:
        draft = _draft(args, services)
        saved = services.promotions.add_promotion(
            actor=services.access.console_actor(), draft=draft
        )
    except EditRefused as exc:
        reasons = "; ".join(f"{_option(p.field)}: {p.message}" for p in exc.problems)
        raise CliError(f"promotions add: {reasons} Nothing was saved.") from None
    finally:
        services.close()
    print(terminal_safe(f"Added {saved.kind.value} {saved.id}: {saved.title_for('ko')}"))
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe

    services = _open()
    try:
        gone = services.promotions.remove_promotion(
            actor=services.access.console_actor(), promotion_id=args.id
        )
    finally:
        services.close()
    print(terminal_safe(f"Removed {gone.kind.value} {gone.id}: {gone.title_for('ko')}"))
    return 0


def _row(promo: Promotion, store: StoreSummary | None) -> dict[str, object]:
    from kiosk.domain.promotions import weekdays_text

    window = promo.window
    return {
        "id": promo.id,
        "market": promo.market_slug,
        "store_id": promo.store_id,
        "stall": None if store is None else store.stall_number,
        "store_name": None if store is None else store.name.get("ko"),
        "kind": promo.kind.value,
        "title": dict(promo.title.values),
        "text": dict(promo.text.values),
        "start": promo.starts_on.isoformat(),
        "end": promo.ends_on.isoformat(),
        "weekdays": weekdays_text(promo.weekdays).split(",") if promo.weekdays else [],
        "from": None if window is None else window.start.strftime("%H:%M"),
        "until": None if window is None else window.end.strftime("%H:%M"),
        "image_bytes": None if promo.image is None else len(promo.image),
    }


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: Hangul and CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _store_cell(promo: Promotion, stores: Mapping[int, StoreSummary]) -> str:
    """``market`` for a market-wide one, else the stall number and the store's Korean name."""
    if promo.store_id is None:
        return "market"
    store = stores.get(promo.store_id)
    if store is None:
        return f"store {promo.store_id}"
    return f"{store.stall_number} {store.name.get('ko')}"


def write_promotions(
    found: list[Promotion],
    fmt: str,
    out: TextIO,
    *,
    stores: Mapping[int, StoreSummary] | None = None,
) -> None:
    """*found* as a JSON array or an aligned table (Korean title, else English...); *stores*
    by id name the stall of a store's own promotion."""
    stores = stores or {}
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        data = [_row(p, None if p.store_id is None else stores.get(p.store_id)) for p in found]
        out.write(json_text(data))
        return
    from kiosk.domain.promotions import weekdays_text
    from kiosk.domain.text import terminal_safe

    header = ("id", "kind", "store", "dates", "weekdays", "time", "title")
    rows: list[tuple[str, ...]] = [header] + [
        tuple(terminal_safe(cell) for cell in (
            str(p.id), p.kind.value, _store_cell(p, stores),
            f"{p.starts_on}..{p.ends_on}", weekdays_text(p.weekdays) or "every day",
            "all day" if p.window is None else f"{p.window.start:%H:%M}-{p.window.end:%H:%M}",
            p.title_for("ko"),
        ))
        for p in found
    ]  # fmt: skip
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header) - 1)]
    for r in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=False)]
        out.write("  ".join([*cells, r[-1]]) + "\n")
    if not found:
        out.write("(no promotions)\n")
