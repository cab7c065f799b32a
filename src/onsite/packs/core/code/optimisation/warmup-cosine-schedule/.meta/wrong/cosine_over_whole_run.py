"""Measures the cosine progress over the whole run (n / T) instead of over the decay phase."""
import math


def warmup_cosine_lr(step, total_steps, warmup_steps, max_lr, min_lr=0.0):
    n = step + 1
    if n <= warmup_steps:
        return max_lr * n / warmup_steps
    if n > total_steps:
        return min_lr
    progress = n / total_steps
    return min_lr + 0.5 * (max_lr - min_lr) * (1 + math.cos(math.pi * progress))
