"""covering indexes for reading a long history (the web dashboard, the daily challenge)

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attempts_history", "attempts",
                    ["learner", "item_id", "created_at", "passed", "duration_s"])
    op.create_index("ix_quiz_responses_history", "quiz_responses",
                    ["learner", "item_id", "created_at", "correct"])


def downgrade() -> None:
    op.drop_index("ix_quiz_responses_history", "quiz_responses")
    op.drop_index("ix_attempts_history", "attempts")
