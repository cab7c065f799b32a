"""Grading written answers against rubrics (open questions, paper follow-ups)."""
