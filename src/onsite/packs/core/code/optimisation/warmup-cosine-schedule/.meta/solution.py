import math


def warmup_cosine_lr(
    step: int, total_steps: int, warmup_steps: int, max_lr: float, min_lr: float = 0.0
) -> float:
    # Count updates, not indices: after this update n updates will have been
    # taken. Step 0 then gets a small but non-zero rate.
    n = step + 1
    if n <= warmup_steps:
        # Linear ramp that reaches max_lr exactly at the last warmup step.
        return float(max_lr * n / warmup_steps)
    if n > total_steps:
        # Past the end of the run the cosine would rise again: hold the floor.
        return float(min_lr)
    # Half a cosine over the T - W decay updates: progress runs from 1/(T-W) to 1,
    # so the last step lands exactly on min_lr.
    progress = (n - warmup_steps) / (total_steps - warmup_steps)
    return float(min_lr + 0.5 * (max_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
