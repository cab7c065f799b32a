def schedule(requests: list[tuple[int, int, int, int]], kv_budget: int,
             max_batch: int) -> dict[str, list[int]]:
    """Simulate iteration-level (continuous) batching. requests[i] is (arrival_step,
    prompt_len, max_new_tokens, output_len). Return {"start", "finish"} (one int per request)
    and {"batch_size", "kv_reserved"} (one int per step, from step 0 to the last finish)."""
    raise NotImplementedError("per step: arrivals, FCFS admission, one token each, free finished")
