"""Every row of a backup read as the app reads it, then through the domain rules of an import."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, LargeBinary, String
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from kiosk.domain.messages import N_, KioskError, Message, define

BAD_ROW = define(
    "backup.bad_row", N_("{path}: table {table}, row {row}, column {column}: {reason}; not used")
)
UNREADABLE = define(
    "backup.unreadable_value", N_("the value {value} is not what the app stores there")
)
NEGATIVE_PRICE = define("backup.negative_price", N_("a price below 0 won ({value})"))
NOT_AS_CHECKED = define(
    "backup.not_as_checked", N_("the code is not stored in the form the app checks and stores")
)
STALL = define("backup.bad_stall", N_('"{value}" is not a stall number'))
PHONE = define("backup.bad_phone", N_('"{value}" is not a Korean phone number'))
NO_KOREAN = define("backup.no_korean_name", N_("the Korean name is missing"))

_DIALECT = sqlite_dialect.dialect()
#: Rows read per fetch: a city-scale directory is read in bounded memory.
_BATCH = 2000

Rule = Callable[[Any], Message | None]


def _stored_as(kind: TypeEngine[Any]) -> type:
    """The Python type SQLite hands back for a column of *kind* (its storage class)."""
    base = kind.impl_instance if isinstance(kind, TypeDecorator) else kind
    if isinstance(base, Integer | Boolean):
        return int
    if isinstance(base, LargeBinary):
        return bytes
    if isinstance(base, JSON | String | DateTime | Date):
        return str
    return object  # pragma: no cover - every column of ours is one of the above


def _read(column: Column[Any], value: object) -> object:
    """*value* as the app reads it (and could write it back); raises on what it cannot read."""
    if value is None:
        return None
    if not isinstance(value, _stored_as(column.type)):
        raise TypeError(type(value).__name__)
    if isinstance(column.type, Boolean) and value not in (0, 1):
        raise ValueError(value)
    kind = column.type.dialect_impl(_DIALECT)
    process = kind.result_processor(_DIALECT, None)
    result = process(value) if process is not None else value
    if isinstance(column.type, TypeDecorator):
        column.type.process_bind_param(result, _DIALECT)  # the rules the app writes by
    return result


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _stall(value: Any) -> Message | None:
    from kiosk.domain.store_edit.checks import is_stall_number

    return None if is_stall_number(str(value)) else STALL(value=_shown(value))


def _phone(value: Any) -> Message | None:
    from kiosk.domain.phones import normalise_phone

    return None if normalise_phone(str(value)) is not None else PHONE(value=_shown(value))


def _payment(value: Any) -> Message | None:
    from kiosk.domain.qr.payment import parse_payment_payload

    if value is None:
        return None
    try:
        checked = parse_payment_payload(str(value))
    except KioskError as exc:
        return exc.message
    return None if checked.raw == value else NOT_AS_CHECKED()


def _kakao(value: Any) -> Message | None:
    from kiosk.domain.qr.kakao import parse_channel_id

    if value is None:
        return None
    try:
        checked = parse_channel_id(str(value))
    except KioskError as exc:
        return exc.message
    return None if checked == value else NOT_AS_CHECKED()


def _price(value: Any) -> Message | None:
    return NEGATIVE_PRICE(value=value) if value < 0 else None


def _korean_name(value: Any) -> Message | None:
    return None if str(value.get("ko", "")).strip() else NO_KOREAN()


def _shape(check: Callable[[Any], bool]) -> Rule:
    def rule(value: Any) -> Message | None:
        return None if check(value) else UNREADABLE(value=_shown(value))

    return rule


def _changes(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(change, list) and len(change) == 3 and all(isinstance(t, str) for t in change)
        for change in value
    )


def _step_status(value: Any) -> bool:
    from kiosk.domain.onboarding.status import StepStatus

    return value in {status.value for status in StepStatus}


def _ids(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    )


#: The domain rules a stored value keeps (the same as an import's), per table and column.
RULES: dict[tuple[str, str], Rule] = {
    ("stores", "stall_number"): _stall,
    ("stores", "phone"): _phone,
    ("stores", "payment_qr_payload"): _payment,
    ("stores", "kakao_channel_id"): _kakao,
    ("products", "price_won"): _price,
    ("markets", "name"): _korean_name,
    ("stores", "name"): _korean_name,
    ("products", "name"): _korean_name,
    ("audit_log", "changes"): _shape(_changes),
    ("change_events", "store_ids"): _shape(_ids),
    ("onboarding_progress", "status"): _shape(_step_status),
}


def _rows(conn: sqlite3.Connection, table: str, names: list[str]) -> Iterator[tuple[Any, ...]]:
    listed = ", ".join(f'"{name}"' for name in names)
    cursor = conn.execute(f'SELECT rowid, {listed} FROM "{table}" ORDER BY rowid')
    while batch := cursor.fetchmany(_BATCH):
        yield from batch


def row_problem(conn: sqlite3.Connection, path: str) -> Message | None:
    """The first row of *conn* (at this app's schema) the app could not read or would refuse."""
    from kiosk.data.models import Base

    for table in Base.metadata.sorted_tables:
        columns = list(table.columns)
        keys = [c.name for c in table.primary_key.columns]
        for raw in _rows(conn, table.name, [c.name for c in columns]):
            values = dict(zip([c.name for c in columns], raw[1:], strict=True))
            row = ", ".join(str(values[k]) for k in keys) if keys else str(raw[0])
            for column in columns:
                problem = _value_problem(table.name, column, values[column.name])
                if problem is not None:
                    return BAD_ROW(
                        path=path, table=table.name, row=row, column=column.name, reason=problem
                    )
    return None


def _value_problem(table: str, column: Column[Any], value: object) -> Message | None:
    try:
        read = _read(column, value)
    except (ValueError, TypeError, LookupError, AttributeError, OverflowError, KioskError):
        return UNREADABLE(value=_shown(value))
    if read is None and not column.nullable:
        return UNREADABLE(value=_shown(value))
    rule = RULES.get((table, column.name))
    return rule(read) if rule is not None and read is not None else None
