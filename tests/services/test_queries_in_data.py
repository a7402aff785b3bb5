"""Services hold rules and transactions; every SQL statement lives in kiosk.data.

The import-linter contract in pyproject.toml forbids ``kiosk.services -> sqlalchemy``
except in the unit of work; this test reads the source for query constructs too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "kiosk" / "services"
UNIT_OF_WORK = "uow.py"
#: Statements and session calls that belong in kiosk.data.
QUERY_CONSTRUCT = re.compile(
    r"(?<![\w.])(select|insert|update|delete|text)\("
    r"|\.(execute|scalars|scalar)\("
    r"|\bsession\.(get|add|delete|merge)\("
    r"|^\s*(from|import) (sqlalchemy|alembic)\b",
    re.MULTILINE,
)
#: Opening, flushing or ending a transaction: only the unit of work does it.
TRANSACTION_CONTROL = re.compile(
    r"\.(session|write_session|flush|rollback|commit|connection|connect)\(|\.engine\b"
)


def _services_sources() -> list[Path]:
    return sorted(p for p in SERVICES.rglob("*.py") if p != SERVICES / UNIT_OF_WORK)


def _hits(pattern: re.Pattern[str], path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        f"{path.relative_to(SERVICES)}:{number}: {line.strip()}"
        for number, line in enumerate(lines, 1)
        if pattern.search(line)
    ]


def test_the_unit_of_work_module_exists() -> None:
    assert (SERVICES / UNIT_OF_WORK).is_file()


def _name(path: Path) -> str:
    return str(path.relative_to(SERVICES))


def test_the_search_covers_the_parts_package() -> None:
    assert SERVICES / "parts" / "directory.py" in _services_sources()


@pytest.mark.parametrize("path", _services_sources(), ids=_name)
def test_no_query_construct_in_services(path: Path) -> None:
    hits = _hits(QUERY_CONSTRUCT, path)
    assert hits == [], "move these statements into kiosk/data:\n" + "\n".join(hits)


@pytest.mark.parametrize("path", _services_sources(), ids=_name)
def test_transactions_only_through_the_unit_of_work(path: Path) -> None:
    hits = _hits(TRANSACTION_CONTROL, path)
    assert hits == [], "open and end transactions through kiosk.services.uow:\n" + "\n".join(hits)


def test_the_patterns_find_what_they_look_for() -> None:
    samples = [
        "    rows = session.execute(stmt)",
        "    stmt = select(Store.id)",
        "    session.add(row)",
        "from sqlalchemy import select",
        "    conn.scalar(stmt)",
        "    session.get(Store, 1)",
    ]
    assert all(QUERY_CONSTRUCT.search(sample) for sample in samples)
    assert not QUERY_CONSTRUCT.search("    data = json.loads(path.read_text())")
    assert not QUERY_CONSTRUCT.search("    found.update(other)")
    assert TRANSACTION_CONTROL.search("    with db.session() as session:")
    assert TRANSACTION_CONTROL.search("    with db.engine.connect() as conn:")
