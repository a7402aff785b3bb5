"""Onboarding steps record real data: version, helper, profile link, who saved

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-12

``onboarding_progress`` gains ``version`` (optimistic concurrency: two PCs
editing the same step never silently overwrite each other), ``helper`` (the
mentor who helped, optional), ``link`` (the profile link a Smart Place,
Instagram, Danggeun or Smart Store step records) and ``updated_by`` (who
saved it, as the audit log names them). Rows written before keep their
status, note, owner and dates; they start at version 1. The downgrade drops
the four columns (their data goes; the status, note and dates stay).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_progress = sa.table(
    "onboarding_progress",
    sa.column("version", sa.Integer()),
    sa.column("helper", sa.String()),
    sa.column("updated_by", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("onboarding_progress") as batch:
        batch.add_column(sa.Column("helper", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("link", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("updated_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=True))
    op.get_bind().execute(sa.update(_progress).values(version=1, helper="", updated_by=""))
    with op.batch_alter_table("onboarding_progress") as batch:
        batch.alter_column("helper", existing_type=sa.String(length=100), nullable=False)
        batch.alter_column("updated_by", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("version", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("onboarding_progress") as batch:
        batch.drop_column("version")
        batch.drop_column("updated_by")
        batch.drop_column("link")
        batch.drop_column("helper")
