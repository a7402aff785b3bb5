"""The one CSV writer neutralises every formula start; the import reads back what it wrote."""

from __future__ import annotations

import csv
import io

import pytest

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import CellError, text_value
from kiosk.domain.exchange.csv_file import decode_csv, read_csv, write_csv
from kiosk.domain.exchange.read import read_tables
from kiosk.domain.exchange.spreadsheet import (
    csv_cell,
    csv_text,
    is_formula_like,
    neutralise,
    plain_cell,
    restore,
)
from kiosk.domain.exchange.write import flat_rows
from tests.domain.exchange.test_exchange_read import store

#: Texts a spreadsheet could run, each with the reason it is on the list.
FORMULA_LIKE = [
    '=HYPERLINK("x")',  # the classic
    "+82 51-123-4567",  # a plus (a Korean number in international form)
    "-5% 할인",  # a minus
    "@SUM(A1)",  # Lotus-style at
    " =1+1",  # a space before the equals sign
    "   +1",  # several spaces
    "\t=1+1",  # a tab
    "\r=1+1",  # a carriage return
    "\n=1+1",  # a line feed
    "\u3000=1+1",  # a full-width space
    "\uff1d1+1",  # full-width equals ＝
    "\uff0b1",  # full-width plus ＋
    "\uff0d1",  # full-width minus －
    "\uff20A1",  # full-width at ＠
    "\u22125",  # the minus sign U+2212
    "\tplain",  # a leading tab splits the cell in some readers
]
PLAIN = ["바다 수산", "1-2", "A=B", "a+b", "", "x@y.kr", "010-1234-5678"]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_starts_get_an_apostrophe_in_every_csv(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text
    field = next(csv.reader(io.StringIO(csv_text([[text]]), newline="")))[0]
    assert field == "'" + text
    assert restore(field) == text


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_written_as_it_is(text: str) -> None:
    assert not is_formula_like(text)
    assert csv_cell(text) == text


def test_neutralised_text_is_not_neutralised_twice() -> None:
    assert csv_text([[neutralise("=1")], [neutralise("'x")]]) == "'=1\r\n''x\r\n"


@pytest.mark.parametrize(("value", "cell"), [(-5, "-5"), (-1.5, "-1.5"), (0, "0"), (None, "")])
def test_numbers_stay_numbers(value: int | float | None, cell: str) -> None:
    """A number in a numeric column is a value, never a formula: written without apostrophe."""
    assert csv_cell(value) == cell


def test_plain_cell_writes_values_as_python_csv_does() -> None:
    assert [plain_cell(v) for v in (True, 3, None, "=x", 2.5)] == ["True", 3, None, "=x", 2.5]
    assert csv_text([[plain_cell(True), plain_cell("=x")]], line_end="\n") == "True,'=x\n"


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("x")', "+82 51-123-4567", "-5% 할인", " =1+1", "＝1+1", "'=quoted"]
)
def test_export_then_import_gives_back_the_same_store(name: str) -> None:
    odd = store(name={"ko": name, "en": "@home"}, description={"ko": "\uff0b 덤"})
    data = write_csv(flat_rows([odd], "test"))
    text, _encoding = decode_csv(data, "x.csv")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert "'" + name in cells and "'@home" in cells and "'\uff0b 덤" in cells
    found = read_tables([read_csv(text, "x.csv", "")])
    assert not found.problems
    listing = found.stores[0].listing
    assert listing.name == {"ko": name.strip(), "en": "@home"}  # names are stored trimmed
    assert listing.description == odd.description
    assert write_csv(flat_rows([listing], "test")) == write_csv(
        flat_rows([store(name=listing.name, description=odd.description)], "test")
    )


@pytest.mark.parametrize(
    "typed",
    ["=A1*2", " =A1*2", "\t=A1*2", "\u3000=A1*2", "\u00a0=A1", "\uff1dA1*2", " \uff1d1"],
)
def test_the_import_refuses_a_typed_formula_behind_spaces(typed: str) -> None:
    assert fmt.is_formula(typed)
    with pytest.raises(CellError) as caught:
        text_value(typed)
    assert caught.value.message.code == "exchange.formula"


@pytest.mark.parametrize("protected", ["'=A1*2", "' =A1*2", "'\uff1d1", "'+82 10"])
def test_an_apostrophe_protected_cell_is_data(protected: str) -> None:
    assert not fmt.is_formula(protected)
    assert text_value(protected) == protected[1:]
