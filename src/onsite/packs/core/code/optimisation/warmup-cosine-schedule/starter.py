import math


def warmup_cosine_lr(
    step: int, total_steps: int, warmup_steps: int, max_lr: float, min_lr: float = 0.0
) -> float:
    """Learning rate for the 0-based update `step`: linear warmup, then cosine to min_lr."""
    raise NotImplementedError("n = step + 1; warmup while n <= W, cosine until T, then min_lr")
