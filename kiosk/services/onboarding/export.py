"""A market's onboarding progress as a table for the city or the programme (CSV or XLSX).

One row per store (stall order): market, stall, name, category, steps done,
steps that apply, share done, then each step's status (with the day it was
done); a last row counts the stores done per step. Texts are in *locale*.
"""

from __future__ import annotations

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.domain.exchange.spreadsheet import Cell
from kiosk.domain.locales import LocaleCode
from kiosk.domain.onboarding.progress import MarketProgress
from kiosk.domain.onboarding.status import STATUS_LABELS, StepStatus
from kiosk.i18n import N_, translate

HEADER = (
    N_("Market"),
    N_("Stall"),
    N_("Store"),
    N_("Category"),
    N_("Steps done"),
    N_("Steps that apply"),
    N_("Share done (%)"),
)
ALL_STORES = N_("All stores: done / apply")


def progress_rows(progress: MarketProgress, locale: LocaleCode) -> list[list[Cell]]:
    """The header and one row per store, plus the totals row; cells are plain values."""
    steps = progress.checklist.steps
    market = progress.market.name.get(locale)
    header: list[Cell] = [translate(title, locale) for title in HEADER]
    rows: list[list[Cell]] = [header + [s.title.get(locale) for s in steps]]
    for store in progress.stores:
        counted = store.tally()
        cells: list[Cell] = [
            market,
            store.stall_number,
            store.name.get(locale),
            translate(CATEGORY_LABELS[store.category], locale),
            counted.done,
            counted.applicable,
            round(counted.share * 100),
        ]
        for step in steps:
            status = store.states.get(step.key, StepStatus.TODO)
            text = translate(STATUS_LABELS[status], locale)
            day = store.done_on.get(step.key)
            cells.append(f"{text} {day.isoformat()}" if status is StepStatus.DONE and day else text)
        rows.append(cells)
    overall = progress.overall()
    totals: list[Cell] = [
        market,
        "",
        translate(ALL_STORES, locale),
        "",
        overall.done,
        overall.applicable,
        round(overall.share * 100),
    ]
    totals += [f"{count.done}/{count.applicable}" for count in progress.step_counts()]
    rows.append(totals)
    return rows
