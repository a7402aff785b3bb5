"""The goods columns of a listings sheet read column by column, each distinct cell once.

A market's goods repeat their names, units, prices and yes/no words in row after
row, so each column's distinct cells go through the very converters of the row
reader (:mod:`kiosk.domain.exchange.rows`) once, and the rows take the results by
look-up; when every goods cell is text, each distinct row of goods cells is read
once and its rows share the good. Any refused cell (or a cell of another type than
the common ones) gives up: the row reader then reads the sheet row by row and names
every problem with its row and column, in row order. Nothing is checked less than row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import CellError, is_blank, price_value, text_value, yes_no_value
from kiosk.domain.exchange.header import Layout
from kiosk.domain.listing import GoodListing
from kiosk.domain.locales import LocaleCode
from kiosk.domain.store_edit.draft import MAX_NAME, MAX_UNIT

#: A cell its column's converter refused.
_REFUSED: Final = object()
#: The cell types read here (anything else, e.g. a workbook's dates: the row reader).
_TEXT_TYPES: Final[frozenset[type]] = frozenset({str, type(None)})
_PRICE_TYPES: Final[frozenset[type]] = frozenset({str, int, type(None)})


#: Where each goods column is in a row of distinct goods cells (``_distinct_rows``).
_IN_KEY: Final = {column.key: at for at, column in enumerate(fmt.GOOD_COLUMNS)}


def read_goods_columns(layout: Layout) -> list[GoodListing | None] | None:
    """The good of every data row of *layout*'s sheet (None: the row has no good), in
    row order (``rows[1:]``), or None when a cell is refused or unusual (read the rows)."""
    rows = layout.table.rows[1:]
    if not layout.goods or not rows or min(map(len, rows)) < layout.width:
        return None  # short rows are padded by the row reader
    goods = _distinct_rows(layout, rows)
    return goods if goods is not _REFUSED else _goods(layout, rows, layout.columns)


def _distinct_rows(layout: Layout, rows: Sequence[Sequence[object]]) -> Any:
    """The goods of *rows* with each distinct row of goods cells read once (a market's
    goods repeat, price and unit too), when equal keys are equal cells: text, and whole
    numbers (a workbook's prices) in a column with no float or yes/no cell anywhere
    (1, 1.0 and True are equal keys). ``_REFUSED`` otherwise (read column by column);
    None when a cell is refused."""
    keyed = list(map(itemgetter(*(layout.columns[key] for key in _IN_KEY)), rows))
    distinct = list(dict.fromkeys(keyed))
    if not set(map(type, chain.from_iterable(distinct))) <= _TEXT_TYPES:
        for at in range(len(_IN_KEY)):
            if set(map(type, map(itemgetter(at), distinct))) <= _TEXT_TYPES:
                continue  # a key cell equal to text is text (nothing else hides in it)
            if not set(map(type, map(itemgetter(at), keyed))) <= _PRICE_TYPES:
                return _REFUSED
    goods = _goods(layout, distinct, _IN_KEY)
    if goods is None:
        return None
    made = dict(zip(distinct, goods, strict=True))
    return list(map(made.__getitem__, keyed))


def _goods(
    layout: Layout, rows: Sequence[Sequence[object]], at: Mapping[str, int]
) -> list[GoodListing | None] | None:
    """The good of each of *rows*, whose goods columns are at ``at[column key]``."""
    names = _names(layout, rows, at)
    prices = _column(rows, at[fmt.PRICE.key], _PRICE_TYPES, price_value)
    units = _column(rows, at[fmt.UNIT.key], _TEXT_TYPES, _unit(layout))
    sold = _column(rows, at[fmt.SOLD_OUT.key], _TEXT_TYPES, _sold_out)
    if names is None or prices is None or units is None or sold is None:
        return None
    if None not in names and not any(_REFUSED in column for column in (prices, units, sold)):
        return list(map(GoodListing, repeat(None), names, prices, units, sold))  # every row
    goods: list[GoodListing | None] = []
    good_indices = [at[column.key] for column in fmt.GOOD_COLUMNS]
    for cells, name, price, unit, sold_out in zip(rows, names, prices, units, sold, strict=True):
        if name is None:  # no Korean name: a row without a good, or a problem to name
            if all(is_blank(cells[i]) for i in good_indices):
                goods.append(None)
                continue
            return None
        if price is _REFUSED or unit is _REFUSED or sold_out is _REFUSED:
            return None
        goods.append(GoodListing(None, name, price, unit, sold_out))
    return goods


def _names(
    layout: Layout, rows: Sequence[Sequence[object]], at: Mapping[str, int]
) -> list[Any] | None:
    """Each row's good names (one dict per distinct set of cells); None for a row without a
    Korean name. None when a name cell is refused."""
    slots = layout.slots(fmt.GOOD_NAMES)
    memo = layout.read_texts.setdefault((MAX_NAME, False), {})
    indices = [at[column.key] for _locale, column, _at in slots]
    keys: Iterable[Any] = (
        map(itemgetter(*indices), rows) if len(indices) > 1 else ((r[indices[0]],) for r in rows)
    )
    keyed = list(keys)
    distinct = set(keyed)
    texts: dict[object, str] = {}
    for value in {value for key in distinct for value in key}:
        if value is None or value == "":
            texts[value] = ""
        elif type(value) is not str:
            return None
        elif (found := memo.get(value)) is not None:
            texts[value] = found
        else:
            try:
                texts[value] = memo[value] = text_value(value, limit=MAX_NAME).strip()
            except CellError:
                return None
    locales: list[LocaleCode] = [locale for locale, _column, _at in slots]
    made: dict[Hashable, dict[LocaleCode, str] | None] = {}
    for key in distinct:
        name = {locale: texts[v] for locale, v in zip(locales, key, strict=True) if texts[v]}
        made[key] = name if "ko" in name else None
    return list(map(made.__getitem__, keyed))


def _column(
    rows: Sequence[Sequence[object]],
    at: int,
    types: frozenset[type],
    convert: Callable[[Any], object],
) -> list[Any] | None:
    """*convert* of each cell of column *at* (refused cells: ``_REFUSED``), each distinct
    cell converted once; None when a cell's type is not one of *types*."""
    cells = list(map(itemgetter(at), rows))
    done: dict[object, object] = {}
    for value in set(cells):
        if type(value) not in types:
            return None
        try:
            done[value] = convert(value)
        except CellError:
            done[value] = _REFUSED
    return list(map(done.__getitem__, cells))


def _unit(layout: Layout) -> Callable[[Any], str]:
    memo = layout.read_texts.setdefault((MAX_UNIT, False), {})

    def unit(value: object) -> str:
        if value is None or value == "":
            return ""
        assert isinstance(value, str)
        found = memo.get(value)
        if found is None:
            found = memo[value] = text_value(value, limit=MAX_UNIT).strip()
        return found

    return unit


def _sold_out(value: object) -> bool:
    return yes_no_value(value, default=False)
