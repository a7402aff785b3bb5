"""Opening hours as data; credentials, sign-in attempts, audit log and change events

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09

``stores.opening_hours`` was free text ("06:00-21:00 (매월 첫째·셋째 일요일 휴무)");
it becomes a JSON object ``{"days": [[open, close] | null] * 7 (Monday first,
minutes since midnight), "monthly": [[week, weekday], ...], "note": str}``.
The text is read by a frozen copy of the parser below (a migration must not
change when ``kiosk.domain.hours`` does later); whatever it cannot read is kept
whole as the note, so no text is lost. The downgrade writes the text back in
the old Korean form.

New tables: ``credentials`` (scrypt hashes only), ``sign_in_attempts``
(throttling and lockout shared by every PC), ``audit_log`` and
``change_events`` (what other PCs poll to refresh). Run through
``kiosk.data.migrate`` (foreign keys off on SQLite while tables are rebuilt).
"""

import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DAYS = "월화수목금토일"
_WEEKS = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5, "마지막": -1}
_WEEK_NAMES = {number: name for name, number in _WEEKS.items()}
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-~–]\s*(\d{1,2}):(\d{2})\s*(?:\((.*)\))?\s*$")
_WEEKLY = re.compile(r"^매주\s*((?:[월화수목금토일](?:요일)?[·,\s]*)+)\s*휴무$")
_MONTHLY = re.compile(
    r"^매월\s*((?:(?:첫째|둘째|셋째|넷째|다섯째|마지막)[·,\s]*)+)\s*([월화수목금토일])요일\s*휴무$"
)

_stores_text = sa.table(
    "stores",
    sa.column("id", sa.Integer()),
    sa.column("opening_hours", sa.String()),
    sa.column("opening_hours_data", sa.JSON()),
)
_stores_data = sa.table(
    "stores",
    sa.column("id", sa.Integer()),
    sa.column("opening_hours", sa.JSON()),
    sa.column("opening_hours_text", sa.String()),
)


def _empty(note: str = "") -> dict[str, Any]:
    return {"days": [None] * 7, "monthly": [], "note": note}


def hours_from_text(text: str | None) -> dict[str, Any]:
    """The JSON shape of one old free-text value (frozen copy of the 0003-era parser)."""
    stripped = (text or "").strip()
    if not stripped:
        return _empty()
    match = _RANGE.match(stripped)
    if match is None:
        return _empty(stripped)
    h1, m1, h2, m2 = (int(match[i]) for i in range(1, 5))
    opens, closes = h1 * 60 + m1, h2 * 60 + m2
    if m1 >= 60 or m2 >= 60 or opens >= 1440 or not 0 < closes <= 1440 or opens == closes:
        return _empty(stripped)
    hours = [opens, closes]
    remark = (match[5] or "").strip()
    if not remark:
        return {"days": [hours] * 7, "monthly": [], "note": ""}
    weekly = _WEEKLY.match(remark)
    if weekly is not None:
        named = weekly[1].replace("요일", "")
        closed = {_DAYS.index(ch) for ch in re.findall(r"[월화수목금토일]", named)}
        days = [None if day in closed else hours for day in range(7)]
        return {"days": days, "monthly": [], "note": ""}
    monthly = _MONTHLY.match(remark)
    if monthly is not None:
        day = _DAYS.index(monthly[2])
        weeks = sorted(
            {_WEEKS[w] for w in re.findall(r"첫째|둘째|셋째|넷째|다섯째|마지막", monthly[1])}
        )
        return {"days": [hours] * 7, "monthly": [[w, day] for w in weeks], "note": ""}
    return {"days": [hours] * 7, "monthly": [], "note": remark}


def text_from_hours(data: dict[str, Any] | None) -> str:
    """The old free-text form of a JSON value (for the downgrade)."""
    if not data:
        return ""
    days = data.get("days") or [None] * 7
    open_days = [d for d in days if d]
    note = data.get("note") or ""
    if not open_days:
        return note[:200]
    first = open_days[0]
    text = f"{first[0] // 60:02d}:{first[0] % 60:02d}-{first[1] // 60:02d}:{first[1] % 60:02d}"
    remarks = []
    closed = [_DAYS[i] for i, d in enumerate(days) if not d]
    if closed:
        remarks.append("매주 " + "·".join(f"{name}요일" for name in closed) + " 휴무")
    by_day: dict[int, list[int]] = {}
    for week, day in data.get("monthly") or []:
        by_day.setdefault(day, []).append(week)
    for day, weeks in sorted(by_day.items()):
        names = "·".join(_WEEK_NAMES[w] for w in sorted(weeks, key=lambda w: 99 if w < 0 else w))
        remarks.append(f"매월 {names} {_DAYS[day]}요일 휴무")
    if note:
        remarks.append(note)
    if remarks:
        text += " (" + ", ".join(remarks) + ")"
    return text[:200]


def upgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("opening_hours_data", sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(_stores_text.c.id, _stores_text.c.opening_hours)).all()
    update = (
        sa.update(_stores_text)
        .where(_stores_text.c.id == sa.bindparam("store_id"))
        .values(opening_hours_data=sa.bindparam("data"))
    )
    params = [{"store_id": store_id, "data": hours_from_text(text)} for store_id, text in rows]
    if params:
        conn.execute(update, params)
    with op.batch_alter_table("stores") as batch:
        batch.drop_column("opening_hours")
        batch.alter_column(
            "opening_hours_data",
            new_column_name="opening_hours",
            existing_type=sa.JSON(),
            nullable=False,
        )

    op.create_table(
        "credentials",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=True),
        sa.Column("secret_hash", sa.Text(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["stores.id"],
            name=op.f("fk_credentials_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_credentials")),
    )
    op.create_index(op.f("ix_credentials_store_id"), "credentials", ["store_id"])
    op.create_table(
        "sign_in_attempts",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_attempts")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_role", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("pc", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("market_slug", sa.String(length=64), nullable=True),
        sa.Column("store_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_market_slug"), "audit_log", ["market_slug"])
    op.create_table(
        "change_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("market_slug", sa.String(length=64), nullable=True),
        sa.Column("store_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_events")),
    )


def downgrade() -> None:
    op.drop_table("change_events")
    op.drop_index(op.f("ix_audit_log_market_slug"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("sign_in_attempts")
    op.drop_index(op.f("ix_credentials_store_id"), table_name="credentials")
    op.drop_table("credentials")

    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("opening_hours_text", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(_stores_data.c.id, _stores_data.c.opening_hours)).all()
    update = (
        sa.update(_stores_data)
        .where(_stores_data.c.id == sa.bindparam("store_id"))
        .values(opening_hours_text=sa.bindparam("text"))
    )
    params = [{"store_id": store_id, "text": text_from_hours(data)} for store_id, data in rows]
    if params:
        conn.execute(update, params)
    with op.batch_alter_table("stores") as batch:
        batch.drop_column("opening_hours")
        batch.alter_column(
            "opening_hours_text",
            new_column_name="opening_hours",
            existing_type=sa.String(length=200),
            nullable=False,
        )
