from torch import Tensor

Send = tuple[str, int, int, int, int, int]  # (phase, step, src, dst, chunk, n_elements)


def ring_all_reduce(buffers: Tensor) -> tuple[Tensor, list[Send]]:
    """Sum the N rows of buffers (N, L) with a ring all-reduce; return (result, send log).

    Chunks: divmod(L, N) sizes, the first L % N chunks one longer. Reduce-scatter step s:
    worker i sends chunk (i - s) % N to (i + 1) % N, which adds it. All-gather step s:
    worker i sends chunk (i + 1 - s) % N, which the receiver overwrites.
    """
    raise NotImplementedError("chunk bounds first, then 2(N - 1) simultaneous steps")
