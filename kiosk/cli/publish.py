"""`market-kiosk publish`: the market's tourist website, one page per stall in five languages.

The pages are static files (``kiosk.publish``): put the folder on any web server.
Whoever runs the command already holds the database, so the site address it
remembers is saved as the ``console`` (so named in the audit log).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from kiosk.domain.locales import LocaleCode
    from kiosk.publish.writer import Plan

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_publish_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    cmd = subparsers.add_parser(
        "publish",
        help="write the market's tourist website (a page per stall, five languages)",
        description="Write a static website for tourists' phones: the market page and one "
        "page per stall in every language. The folder is switched only when every page is "
        "written and checked; unchanged pages are not written again.",
    )
    cmd.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    cmd.add_argument("--out", required=True, type=Path, metavar="DIR", help="the site folder")
    cmd.add_argument(
        "--base-url",
        metavar="URL",
        help="https address the folder is served at (remembered for the market and printed "
        "on the stands; default: the address remembered)",
    )
    cmd.add_argument(
        "--lang",
        dest="publish_langs",
        metavar="LOCALES",
        default="ko,en,ja,zh_Hans,zh_Hant",
        help="languages, comma separated (default all five)",
    )
    cmd.add_argument(
        "--check", action="store_true", help="only list what would change; write nothing"
    )
    cmd.set_defaults(func=_cmd_publish)


def _locales(text: str) -> list[LocaleCode]:
    from kiosk.domain.locales import LOCALES, parse_locale

    found: list[LocaleCode] = []
    for part in text.split(","):
        if not part.strip():
            continue
        try:
            code = parse_locale(part)
        except ValueError:
            raise CliError(f"publish: --lang {part.strip()!r} is not one of "
                           f"{', '.join(LOCALES)}") from None  # fmt: skip
        if code not in found:
            found.append(code)
    if not found:
        raise CliError("publish: --lang names no language")
    return sorted(found, key=LOCALES.index)


def _print_plan(change: Plan) -> None:
    for mark, paths in (("+", change.added), ("~", change.changed), ("-", change.removed)):
        for path in paths:
            print(f"{mark} {path}")
    print(f"{len(change.added)} new, {len(change.changed)} changed, {len(change.removed)} "
          f"removed, {change.unchanged} unchanged")  # fmt: skip


def _cmd_publish(args: argparse.Namespace) -> int:
    from kiosk.domain.site import check_site_url
    from kiosk.domain.text import terminal_safe
    from kiosk.publish.build import SiteCheckError, build_site, check_site
    from kiosk.publish.site import read_site
    from kiosk.publish.writer import PublishError, plan, publish_files
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    locales = _locales(args.publish_langs)
    given = check_site_url(args.base_url) if args.base_url is not None else None
    try:
        services = Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None
    try:
        market = services.directory.get_market(slug=args.market)
        base_url = given or market.site_url
        if not base_url:
            raise CliError(f"publish: market {args.market!r} has no site address yet; "
                           "give --base-url https://...")  # fmt: skip
        site = read_site(services, market_slug=market.slug, base_url=base_url)
        files = build_site(site, locales)
        try:
            largest = check_site(files)
            if args.check:
                _print_plan(plan(args.out, files))
                return 0
            done = publish_files(args.out, files, base_url=base_url)
        except (SiteCheckError, PublishError) as exc:
            raise CliError(f"publish: {exc}") from None
        if base_url != market.site_url:
            services.listings.set_market_site(
                actor=services.access.console_actor(), slug=market.slug, url=base_url
            )
    finally:
        services.close()
    print(terminal_safe(
        f"{market.slug}: {len(site.stalls)} stalls in {len(locales)} languages -> {args.out} "
        f"({done.written} files written, {done.kept} unchanged, {len(done.plan.removed)} "
        f"removed; largest stall page {largest:,} bytes with its stylesheet)"
    ))  # fmt: skip
    print(terminal_safe(f"site address: {base_url}"))
    sys.stdout.flush()
    return 0
