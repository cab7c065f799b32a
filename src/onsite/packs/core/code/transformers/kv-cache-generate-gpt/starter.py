from torch import Tensor

Cache = list[tuple[Tensor, Tensor]]


def gpt_step(idx: Tensor, params: dict[str, Tensor], n_heads: int,
             cache: Cache | None = None) -> tuple[Tensor, Cache]:
    """Run the new tokens idx (B, T_new) after the cached ones; return (logits, new cache)."""
    raise NotImplementedError("embed at absolute positions, attend over past + new keys")


def generate(prompt: Tensor, params: dict[str, Tensor], n_heads: int,
             max_new_tokens: int) -> tuple[Tensor, Tensor]:
    """Greedy decoding: return (tokens (B, T0 + N), logits each new token came from (B, N, V))."""
    raise NotImplementedError("prefill the prompt, then one gpt_step per new token")
