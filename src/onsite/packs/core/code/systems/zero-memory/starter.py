from fractions import Fraction


def zero_memory(num_params: int, n_gpus: int, stage: int) -> dict[str, float]:
    """Bytes per GPU for "params", "grads", "optimizer" (K = 12) and "total" under ZeRO stage 0-3."""
    raise NotImplementedError("2 + 2 + 12 bytes per parameter; divide the partitioned parts by N")


def max_params(gpu_bytes: int, n_gpus: int, stage: int) -> int:
    """The largest integer parameter count whose total bytes per GPU fit in gpu_bytes."""
    raise NotImplementedError("bytes per parameter at this stage, then an exact floor division")
