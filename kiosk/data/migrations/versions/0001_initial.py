"""Initial schema: markets, stores, translations, products, onboarding, promotions

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Migrations never import kiosk models: they describe the schema as it was then.
Custom column types of kiosk.data.columns are written as their storage types
(UTCDateTime = DateTime(timezone=True), CategoryType = String(32),
PaymentMethodsType = String(200)).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def _store_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["store_id"], ["stores.id"], name=op.f(f"fk_{table}_store_id_stores"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "markets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("city", sa.JSON(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_markets")),
        sa.UniqueConstraint("slug", name=op.f("uq_markets_slug")),
    )
    op.create_table(
        "stores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("stall_number", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("opening_hours", sa.String(length=200), nullable=False),
        sa.Column("kakao_channel_id", sa.String(length=64), nullable=True),
        sa.Column("payment_qr_payload", sa.Text(), nullable=True),
        sa.Column("payment_methods", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["market_id"],
            ["markets.id"],
            name=op.f("fk_stores_market_id_markets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stores")),
        sa.UniqueConstraint(
            "market_id", "stall_number", name=op.f("uq_stores_market_id_stall_number")
        ),
    )
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
        _store_fk("store_translations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_translations")),
        sa.UniqueConstraint(
            "store_id", "locale", name=op.f("uq_store_translations_store_id_locale")
        ),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("price_won", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("sold_out", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint("price_won >= 0", name=op.f("ck_products_price_not_negative")),
        _store_fk("products"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_index(op.f("ix_products_store_id"), "products", ["store_id"], unique=False)
    op.create_table(
        "onboarding_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=48), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("account_owner", sa.String(length=200), nullable=True),
        sa.Column("completed_at", _UTC, nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        _store_fk("onboarding_progress"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_progress")),
        sa.UniqueConstraint("store_id", "step", name=op.f("uq_onboarding_progress_store_id_step")),
    )
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_promotions_ends_after_start")),
        _store_fk("promotions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotions")),
    )
    op.create_index(op.f("ix_promotions_store_id"), "promotions", ["store_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_promotions_store_id"), table_name="promotions")
    op.drop_table("promotions")
    op.drop_table("onboarding_progress")
    op.drop_index(op.f("ix_products_store_id"), table_name="products")
    op.drop_table("products")
    op.drop_table("store_translations")
    op.drop_table("stores")
    op.drop_table("markets")
