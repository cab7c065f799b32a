"""attempts, hint reveals and workspaces

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("hints_used", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("verdict", sa.JSON(), nullable=False),
    )
    op.create_index("ix_attempts_learner", "attempts", ["learner"])
    op.create_index("ix_attempts_item_id", "attempts", ["item_id"])
    op.create_table(
        "hint_reveals",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("hint_index", sa.Integer(), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("learner", "item_id", "hint_index"),
    )
    op.create_index("ix_hint_reveals_learner", "hint_reveals", ["learner"])
    op.create_index("ix_hint_reveals_item_id", "hint_reveals", ["item_id"])
    op.create_table(
        "workspaces",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("learner", "item_id"),
    )
    op.create_index("ix_workspaces_learner", "workspaces", ["learner"])
    op.create_index("ix_workspaces_item_id", "workspaces", ["item_id"])


def downgrade() -> None:
    op.drop_table("workspaces")
    op.drop_table("hint_reveals")
    op.drop_table("attempts")
