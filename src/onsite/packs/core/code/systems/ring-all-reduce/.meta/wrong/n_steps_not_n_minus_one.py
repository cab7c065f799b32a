"""Runs N reduce-scatter steps instead of N - 1, adding one partial sum a second time."""
from torch import Tensor

Send = tuple[str, int, int, int, int, int]  # (phase, step, src, dst, chunk, n_elements)


def chunk_bounds(length: int, n: int) -> list[tuple[int, int]]:
    """[start, end) of n nearly equal chunks; the first length % n chunks get one extra element."""
    base, extra = divmod(length, n)
    bounds, start = [], 0
    for c in range(n):
        end = start + base + (1 if c < extra else 0)
        bounds.append((start, end))
        start = end
    return bounds


def ring_all_reduce(buffers: Tensor) -> tuple[Tensor, list[Send]]:
    n, length = buffers.shape
    bounds = chunk_bounds(length, n)
    work = buffers.clone()  # never touch the caller's buffers
    log: list[Send] = []

    def run_step(phase: str, step: int, chunk_of, reduce: bool) -> None:
        # All sends of a step happen at once: read every outgoing chunk before any write.
        outgoing = []
        for src in range(n):
            chunk = chunk_of(src)
            start, end = bounds[chunk]
            outgoing.append((src, (src + 1) % n, chunk, work[src, start:end].clone()))
        for src, dst, chunk, payload in outgoing:
            start, end = bounds[chunk]
            if reduce:
                work[dst, start:end] += payload   # accumulate a partial sum
            else:
                work[dst, start:end] = payload    # overwrite with the finished sum
            log.append((phase, step, src, dst, chunk, end - start))

    # Reduce-scatter: at step s worker i forwards chunk (i - s) mod n. After n - 1 steps,
    # worker i holds the complete sum of chunk (i + 1) mod n.
    for s in range(n):
        run_step("reduce-scatter", s, lambda i, s=s: (i - s) % n, reduce=True)
    # All-gather: at step s worker i forwards chunk (i + 1 - s) mod n, the finished chunk it
    # owns at s = 0 and then the one it has just received.
    for s in range(n - 1):
        run_step("all-gather", s, lambda i, s=s: (i + 1 - s) % n, reduce=False)
    return work, log
