"""`market-kiosk synonyms list|set|add|reset`: the words a market's search treats as the same.

A group is written on one line, its words separated by ``=`` (or commas):
``귤 = 감귤 = mandarin = みかん = 橘子``. ``list`` prints one group a line, ``set``
replaces the whole list with groups given as arguments or in a UTF-8 text file of
such lines (``#`` starts a comment), ``add`` appends groups, ``reset`` goes back to
the list shipped with the app. A bad list is refused naming the group and the word,
and nothing is changed. Whoever runs these holds the database: they act as ``console``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.values import SynonymList

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_synonyms_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``synonyms list``, ``set``, ``add`` and ``reset``."""
    group = subparsers.add_parser(
        "synonyms", help="the words a market's search treats as the same (귤 = みかん = 橘子)"
    )
    sub = group.add_subparsers(dest="synonyms_command", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="print the market's groups, one a line")
    listing.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=_cmd_list)
    for name, helptext in (
        ("set", "replace the whole list"),
        ("add", "add groups to the list the market uses now"),
    ):
        cmd = sub.add_parser(name, help=helptext, description=f"{helptext.capitalize()}.")
        cmd.add_argument("--market", required=True, metavar="SLUG", help="market short name")
        cmd.add_argument(
            "groups", nargs="*", metavar="GROUP", help='one group, e.g. "귤 = 감귤 = mandarin"'
        )
        cmd.add_argument(
            "--file", type=Path, metavar="PATH", help="a UTF-8 text file, one group a line"
        )
        cmd.set_defaults(func=_cmd_set if name == "set" else _cmd_add)
    reset = sub.add_parser("reset", help="go back to the list shipped with the app")
    reset.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    reset.set_defaults(func=_cmd_reset)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _file_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"synonyms: --file {path}: not UTF-8 text") from None
    except OSError as exc:
        raise CliError(f"synonyms: --file {path}: cannot read it ({exc.strerror})") from None
    return [line.split("#", 1)[0] for line in text.splitlines()]


def _groups(args: argparse.Namespace) -> list[tuple[str, ...]]:
    """The groups of the command line and the file, in that order; CliError when none."""
    from kiosk.domain.synonyms import parse_group_line

    lines: list[str] = list(args.groups)
    if args.file is not None:
        lines += [line for line in _file_lines(args.file) if line.strip()]
    if not lines:
        raise CliError(
            f"synonyms {args.synonyms_command}: give groups such as "
            '"귤 = 감귤 = mandarin" or --file PATH (to go back to the default: synonyms reset)'
        )
    return [parse_group_line(line) for line in lines]


def _print(found: SynonymList) -> None:
    from kiosk.domain.synonyms import group_line

    which = "the default list" if found.is_default else "its own list"
    print(f"{found.market_slug}: {len(found.groups)} groups ({which})")
    for group in found.groups:
        print(group_line(group))


def _cmd_list(args: argparse.Namespace) -> int:
    services = _open()
    try:
        found = services.search.synonyms(market_slug=args.market)
    finally:
        services.close()
    if args.format == "json":
        data = {
            "market": found.market_slug,
            "default": found.is_default,
            "groups": [list(group) for group in found.groups],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print(found)
    return 0


def _save(args: argparse.Namespace, groups: Sequence[Sequence[str]] | None) -> int:
    services = _open()
    try:
        console = services.access.console_actor()
        if groups is None:
            saved = services.search.reset_synonyms(actor=console, market_slug=args.market)
        else:
            saved = services.search.set_synonyms(
                actor=console, market_slug=args.market, groups=groups
            )
    finally:
        services.close()
    _print(saved)
    return 0


def _cmd_set(args: argparse.Namespace) -> int:
    return _save(args, _groups(args))


def _cmd_add(args: argparse.Namespace) -> int:
    added = _groups(args)
    services = _open()
    try:
        now = services.search.synonyms(market_slug=args.market).groups
    finally:
        services.close()
    return _save(args, [*now, *added])


def _cmd_reset(args: argparse.Namespace) -> int:
    return _save(args, None)
