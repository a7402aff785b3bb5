"""Search folds kana and Traditional Chinese; each market keeps its synonym list

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

The search now folds hiragana to katakana and a Traditional Chinese character
with one Simplified form to that form, besides NFKC and case
(``kiosk.domain.text.normalise_for_search``). Every store's ``search_text`` is
folded again in place (the new folding applied to the old folded text gives
the same text as folding the names anew) and every market gets a new search
stamp, so no PC answers from texts folded the old way. The Han table is the
generated ``kiosk.domain.han_table`` (data, not logic; a later change of it comes
with its own migration).

``markets.synonyms`` (JSON, NULL: the default list shipped with the app) holds
the groups of words a market's search treats as the same. The downgrade drops
the column and leaves the texts folded (the old search finds them as before for
every word it could find).
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_stores = sa.table("stores", sa.column("id", sa.Integer()), sa.column("search_text", sa.Text()))
_markets = sa.table(
    "markets", sa.column("id", sa.Integer()), sa.column("search_stamp", sa.String())
)
_BATCH = 2000


def _folding() -> dict[int, int]:
    from kiosk.domain.han_table import SIMPLIFIED, TRADITIONAL

    table = {code: code + 0x60 for code in range(0x3041, 0x3097)}
    table |= {0x309D: 0x30FD, 0x309E: 0x30FE}
    table |= {ord(t): ord(s) for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
    return table


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("markets", sa.Column("synonyms", sa.JSON(), nullable=True))
    folding = _folding()
    rows = conn.execute(sa.select(_stores.c.id, _stores.c.search_text)).all()
    changed = [
        {"store_id": store_id, "folded": text.translate(folding)}
        for store_id, text in rows
        if text and not text.isascii() and text.translate(folding) != text
    ]
    statement = (
        sa.update(_stores)
        .where(_stores.c.id == sa.bindparam("store_id"))
        .values(search_text=sa.bindparam("folded"))
    )
    for start in range(0, len(changed), _BATCH):
        conn.execute(statement, changed[start : start + _BATCH])
    for (market_id,) in conn.execute(sa.select(_markets.c.id)).all():
        conn.execute(
            sa.update(_markets)
            .where(_markets.c.id == market_id)
            .values(search_stamp=uuid.uuid4().hex)
        )


def downgrade() -> None:
    with op.batch_alter_table("markets") as batch:
        batch.drop_column("synonyms")
