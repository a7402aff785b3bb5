"""An import of a CSV that reads both as UTF-8 and as CP949: refused until the manager chooses."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.data.db import Database
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import AmbiguousEncoding
from kiosk.domain.exchange.plan import PlanKind
from kiosk.services.app import Services

NAME = "치킨"  # each syllable's two CP949 bytes are also one UTF-8 character


pytestmark = pytest.mark.usefixtures("english")


def short_cp949_file(path: Path) -> Path:
    """What Korean Excel saves for one new stall of a sheet with English headers."""
    values = {"market": "bansong", "stall_number": "Z-7", "category": "other", "name_ko": NAME}
    header = [c.key for c in fmt.FLAT_COLUMNS]
    row = [values.get(key, "") for key in header]
    path.write_bytes(f"{','.join(header)}\r\n{','.join(row)}\r\n".encode("cp949"))
    return path


@pytest.fixture
def services(db: Database) -> Services:
    services = Services(db)
    services.listings.load_demo()
    return services


def test_the_import_asks_which_reading_is_right(services: Services, tmp_path: Path) -> None:
    path = short_cp949_file(tmp_path / "short.csv")
    console = services.access.console_actor()
    with pytest.raises(AmbiguousEncoding) as asked:
        services.exchange.check_import(actor=console, path=path)
    assert asked.value.line == 2
    assert NAME in asked.value.readings["cp949"]
    assert NAME not in asked.value.readings["utf-8"]
    assert services.directory.list_stores(market_slug="bansong", query="Z-7") == []

    plan = services.exchange.check_import(actor=console, path=path, encoding="cp949")
    [new] = [s for s in plan.stores if s.kind is PlanKind.NEW]
    assert new.listing.name == {"ko": NAME}
    services.exchange.apply_import(actor=console, plan=plan)
    [stored] = services.directory.list_stores(market_slug="bansong", query="Z-7")
    assert stored.name.values["ko"] == NAME


def test_the_utf8_reading_when_chosen(services: Services, tmp_path: Path) -> None:
    path = short_cp949_file(tmp_path / "short.csv")
    plan = services.exchange.check_import(
        actor=services.access.console_actor(), path=path, encoding="utf-8"
    )
    [new] = [s for s in plan.stores if s.kind is PlanKind.NEW]
    assert new.listing.name == {"ko": NAME.encode("cp949").decode("utf-8")}
