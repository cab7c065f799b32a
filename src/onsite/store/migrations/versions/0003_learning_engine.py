"""quiz responses, review cards, ability estimates, item parameters, daily sessions

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _learner_item(table: str) -> None:
    op.create_index(f"ix_{table}_learner", table, ["learner"])
    op.create_index(f"ix_{table}_item_id", table, ["item_id"])


def upgrade() -> None:
    op.create_table(
        "quiz_responses",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("session_id", sa.String(32), nullable=True),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    _learner_item("quiz_responses")
    op.create_index("ix_quiz_responses_session_id", "quiz_responses", ["session_id"])
    op.create_table(
        "review_cards",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_rating", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("learner", "item_id"),
    )
    _learner_item("review_cards")
    op.create_index("ix_review_cards_due", "review_cards", ["due"])
    op.create_table(
        "ability_estimates",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("theta", sa.Float(), nullable=False),
        sa.Column("se", sa.Float(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ability_estimates_learner", "ability_estimates", ["learner"])
    op.create_index("ix_ability_estimates_topic", "ability_estimates", ["topic"])
    op.create_table(
        "item_params",
        sa.Column("item_id", sa.String(200), primary_key=True),
        sa.Column("a", sa.Float(), nullable=False),
        sa.Column("b", sa.Float(), nullable=False),
        sa.Column("c", sa.Float(), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "daily_sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("learner", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("picks", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("learner", "day"),
    )
    op.create_index("ix_daily_sessions_learner", "daily_sessions", ["learner"])


def downgrade() -> None:
    for table in ("daily_sessions", "item_params", "ability_estimates", "review_cards",
                  "quiz_responses"):
        op.drop_table(table)
