"""Store name and description as JSON columns {locale: text}; drop store_translations

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Markets and products already keep their text as JSON objects; stores now do
too, so a directory row is one ``stores`` row. Every locale's name and
description is copied exactly: a translation row becomes a key in both
objects (an empty string stays an empty string), a missing row stays a
missing key. The downgrade writes one row per locale found in either object.

The copy runs through parameterised SELECT/UPDATE/INSERT statements and the
driver's own JSON encoding, identical on SQLite and PostgreSQL (their JSON
building functions differ: ``json_group_object`` / ``json_object_agg``).
``search_text`` is unchanged: it folds the same texts in the same order.
SQLite rebuilds ``stores`` for the NOT NULL change; run this through
``kiosk.data.migrate``, which turns foreign keys off so no row cascades away.
"""

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The five locales in language-bar order (as of this revision).
_LOCALES = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
_BATCH = 1000

_stores = sa.table(
    "stores",
    sa.column("id", sa.Integer()),
    sa.column("name", sa.JSON()),
    sa.column("description", sa.JSON()),
)
_translations = sa.table(
    "store_translations",
    sa.column("store_id", sa.Integer()),
    sa.column("locale", sa.String()),
    sa.column("name", sa.String()),
    sa.column("description", sa.Text()),
)


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, _BATCH)):
        yield chunk


def _locale_order(locale: str) -> int:
    return _LOCALES.index(locale) if locale in _LOCALES else len(_LOCALES)


def upgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("name", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("description", sa.JSON(), nullable=True))

    conn = op.get_bind()
    texts: dict[int, tuple[dict[str, str], dict[str, str]]] = {
        store_id: ({}, {}) for store_id in conn.scalars(sa.select(_stores.c.id))
    }
    rows = conn.execute(
        sa.select(
            _translations.c.store_id,
            _translations.c.locale,
            _translations.c.name,
            _translations.c.description,
        )
    ).all()
    for store_id, locale, name, description in sorted(rows, key=lambda r: _locale_order(r[1])):
        if store_id not in texts:  # an orphan left while foreign keys were off: no store shows it
            continue
        names, descriptions = texts[store_id]
        names[locale] = name
        descriptions[locale] = description
    update = (
        sa.update(_stores)
        .where(_stores.c.id == sa.bindparam("store_id"))
        .values(name=sa.bindparam("new_name"), description=sa.bindparam("new_description"))
    )
    params = [
        {"store_id": store_id, "new_name": names, "new_description": descriptions}
        for store_id, (names, descriptions) in texts.items()
    ]
    for chunk in _chunks(params):
        conn.execute(update, chunk)

    with op.batch_alter_table("stores") as batch:
        batch.alter_column("name", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("description", existing_type=sa.JSON(), nullable=False)
    op.drop_table("store_translations")


def downgrade() -> None:
    op.create_table(
        "store_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "locale IN ('ko', 'en', 'ja', 'zh_Hans', 'zh_Hant')",
            name=op.f("ck_store_translations_locale"),
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["stores.id"],
            name=op.f("fk_store_translations_store_id_stores"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_translations")),
        sa.UniqueConstraint(
            "store_id", "locale", name=op.f("uq_store_translations_store_id_locale")
        ),
    )
    conn = op.get_bind()
    rows: list[dict[str, Any]] = []
    stores = conn.execute(
        sa.select(_stores.c.id, _stores.c.name, _stores.c.description).order_by(_stores.c.id)
    )
    for store_id, stored_names, stored_descriptions in stores:
        names, descriptions = stored_names or {}, stored_descriptions or {}
        locales = sorted({*names, *descriptions}, key=_locale_order)
        rows.extend(
            {
                "store_id": store_id,
                "locale": locale,
                "name": names.get(locale, ""),
                "description": descriptions.get(locale, ""),
            }
            for locale in locales
        )
    for chunk in _chunks(rows):
        conn.execute(sa.insert(_translations), chunk)

    with op.batch_alter_table("stores") as batch:
        batch.drop_column("description")
        batch.drop_column("name")
