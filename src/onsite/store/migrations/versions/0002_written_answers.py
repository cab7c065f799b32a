"""written answers (paper follow-ups, open questions)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "written_answers",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("grade", sa.JSON(), nullable=True),
    )
    op.create_index("ix_written_answers_learner", "written_answers", ["learner"])
    op.create_index("ix_written_answers_item_id", "written_answers", ["item_id"])


def downgrade() -> None:
    op.drop_table("written_answers")
