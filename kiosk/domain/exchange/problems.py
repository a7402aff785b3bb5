"""Where a listings file is wrong: tables as read, cell references, problems, what a file holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.listing import StoreListing
from kiosk.domain.messages import N_, Message, Nn_, define, define_plural

#: Problems reported at most (the rest are counted).
MAX_PROBLEMS: Final = 50

WHERE = define("exchange.where", N_("{sheet}, row {row}: {column} {problem}"))
WHERE_ROW = define("exchange.where_row", N_("{sheet}, row {row}: {problem}"))
WHERE_SHEET = define("exchange.where_sheet", N_("{sheet}: {problem}"))
MORE_PROBLEMS = define_plural(
    "exchange.more_problems", Nn_("… and {count} more problem", "… and {count} more problems")
)


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet as rows of cell values; ``rows[0]`` is the header (Excel's row 1)."""

    name: str
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value came from: sheet, row as Excel shows it, column header's Korean name."""

    sheet: str
    row: int
    column: str = ""


@dataclass(frozen=True, slots=True)
class FileProblem:
    """One problem of a listings file; ``str()`` names where and what."""

    where: CellRef | None
    problem: Message

    def message(self) -> Message:
        where = self.where
        if where is None:
            return self.problem
        if where.row == 0:
            return WHERE_SHEET(sheet=where.sheet, problem=self.problem)
        if not where.column:
            return WHERE_ROW(sheet=where.sheet, row=where.row, problem=self.problem)
        return WHERE(sheet=where.sheet, row=where.row, column=where.column, problem=self.problem)

    def __str__(self) -> str:
        return str(self.message())


@dataclass(frozen=True, slots=True)
class ReadStore:
    """A store as read, with where it and its codes came from (for later problems)."""

    listing: StoreListing
    at: CellRef
    #: (sheet, row) of each good, in order.
    good_rows: tuple[tuple[str, int], ...] = ()

    @property
    def kakao_at(self) -> CellRef:
        """The store row's KakaoTalk channel cell (made when a problem names it)."""
        return CellRef(self.at.sheet, self.at.row, fmt.KAKAO.korean)

    @property
    def payment_at(self) -> CellRef:
        """The store row's payment payload cell."""
        return CellRef(self.at.sheet, self.at.row, fmt.PAYMENT_QR.korean)

    def good_at(self, index: int) -> CellRef | None:
        """Where the good at 0-based *index* came from (None: no such good)."""
        if 0 <= index < len(self.good_rows):
            return CellRef(*self.good_rows[index])
        return None


@dataclass
class ListingsFile:
    """What a file holds: the market it names (if any), the stores, and every problem."""

    market: str | None = None
    stores: list[ReadStore] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    rows: int = 0
    market_at: CellRef | None = None
    #: ``utf-8``, ``utf-8-sig`` or ``cp949`` for a CSV, ``xlsx`` for a workbook.
    encoding: str = ""

    @property
    def goods(self) -> int:
        return sum(len(s.listing.products) for s in self.stores)


def add_problem(out: ListingsFile, where: CellRef | None, problem: Message) -> None:
    out.problems.append(FileProblem(where, problem))


def problem_lines(listing: ListingsFile, limit: int = MAX_PROBLEMS) -> list[Message]:
    """The first *limit* problems as messages, then how many more there are."""
    shown = [p.message() for p in listing.problems[:limit]]
    rest = len(listing.problems) - limit
    if rest > 0:
        shown.append(MORE_PROBLEMS(count=rest))
    return shown
