"""The markets table of the demo data (slug, five-language names and cities) read strictly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import CellError, text_value
from kiosk.domain.exchange.problems import Table
from kiosk.domain.locales import LOCALES, LocaleCode


@dataclass(frozen=True, slots=True)
class MarketNames:
    name: Mapping[LocaleCode, str]
    city: Mapping[LocaleCode, str]


def read_markets(table: Table) -> dict[str, MarketNames]:
    """Slug -> names and cities; ValueError naming the row for anything unexpected."""
    header = (
        [fmt.column_for(cell, fmt.MARKET_COLUMNS) for cell in table.rows[0]] if table.rows else []
    )
    if header != list(fmt.MARKET_COLUMNS):
        raise ValueError(f"{table.name}: row 1 must be the markets header")
    found: dict[str, MarketNames] = {}
    for number, row in enumerate(table.rows[1:], start=2):
        try:
            cells = [text_value(cell).strip() for cell in row]
        except CellError as exc:
            raise ValueError(f"{table.name}, row {number}: {exc.message}") from None
        if len(cells) != len(fmt.MARKET_COLUMNS) or not all(cells):
            raise ValueError(f"{table.name}, row {number}: every cell must be filled in")
        slug, names, cities = cells[0], cells[1:6], cells[6:11]
        found[slug] = MarketNames(
            name=dict(zip(LOCALES, names, strict=True)),
            city=dict(zip(LOCALES, cities, strict=True)),
        )
    return found
