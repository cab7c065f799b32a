"""Ignores output_len and keeps every request until max_new_tokens, holding its reservation
after it has actually finished.
"""
from collections import deque


def schedule(requests: list[tuple[int, int, int, int]], kv_budget: int,
             max_batch: int) -> dict[str, list[int]]:
    n = len(requests)
    start, finish = [-1] * n, [-1] * n
    batch_size, kv_reserved = [], []
    # FCFS: by arrival step, ties by position in the input (sorted() is stable).
    order = deque(sorted(range(n), key=lambda i: requests[i][0]))
    waiting: deque[int] = deque()
    running: list[int] = []
    produced = [0] * n
    reserved = 0
    done = 0
    step = 0
    while done < n:
        # 1. Arrivals up to this step join the back of the queue.
        while order and requests[order[0]][0] <= step:
            waiting.append(order.popleft())
        # 2. Admit from the head while both limits allow; stop at the first that does not fit.
        while waiting and len(running) < max_batch:
            i = waiting[0]
            _, prompt_len, max_new, _ = requests[i]
            need = prompt_len + max_new            # worst case: prompt plus every new token
            if reserved + need > kv_budget:
                break                              # head-of-line blocking, no skipping
            waiting.popleft()
            running.append(i)
            reserved += need
            start[i] = step
        # 3. One token for every running request (a new one's prefill yields its first).
        batch_size.append(len(running))
        kv_reserved.append(reserved)
        for i in running:
            produced[i] += 1
        # 4. Requests that produced their last token leave now; the next step can reuse it.
        still = []
        for i in running:
            _, prompt_len, max_new, _ = requests[i]
            if produced[i] == max_new:
                finish[i] = step
                reserved -= prompt_len + max_new
                done += 1
            else:
                still.append(i)
        running = still
        step += 1
    return {"start": start, "finish": finish, "batch_size": batch_size,
            "kv_reserved": kv_reserved}
