"""Forgets the fp32 master copy of the weights: 8 bytes of optimizer state per parameter, not 12."""
from fractions import Fraction

PARAM_BYTES = 2      # fp16/bf16 weights used in forward and backward
GRAD_BYTES = 2       # fp16/bf16 gradients
OPTIMIZER_BYTES = 8  # fp32 master weights + Adam momentum + Adam variance, 4 bytes each


def _per_param(n_gpus: int, stage: int) -> tuple[Fraction, Fraction, Fraction]:
    """Bytes per parameter per GPU for (params, grads, optimizer): a part is divided by N
    once its stage partitions it (optimizer from stage 1, grads from 2, params from 3)."""
    if stage not in (0, 1, 2, 3):
        raise ValueError("stage is 0, 1, 2 or 3")

    def share(part_bytes: int, from_stage: int) -> Fraction:
        return Fraction(part_bytes, n_gpus) if stage >= from_stage else Fraction(part_bytes)

    return share(PARAM_BYTES, 3), share(GRAD_BYTES, 2), share(OPTIMIZER_BYTES, 1)


def zero_memory(num_params: int, n_gpus: int, stage: int) -> dict[str, float]:
    params, grads, optimizer = (num_params * b for b in _per_param(n_gpus, stage))
    return {"params": float(params), "grads": float(grads), "optimizer": float(optimizer),
            "total": float(params + grads + optimizer)}


def max_params(gpu_bytes: int, n_gpus: int, stage: int) -> int:
    per_param = sum(_per_param(n_gpus, stage))
    # Exact rational floor: a float division can land a hair above an integer and round up.
    return int(Fraction(gpu_bytes) / per_param)
