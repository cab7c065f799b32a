def param_count(
    vocab_size: int,
    d_model: int,
    n_layers: int,
    n_ctx: int,
    mlp_ratio: float = 4,
    bias: bool = True,
    tied_head: bool = True,
    learned_positions: bool = True,
) -> int:
    """Exact parameter count of the pre-norm GPT-style decoder described in the prompt."""
    raise NotImplementedError("embeddings + n_layers * (attention + MLP + 2 norms) + final norm + head")


def forward_flops_per_token(
    vocab_size: int, d_model: int, n_layers: int, n_ctx: int, mlp_ratio: float = 4
) -> int:
    """2 FLOPs per matmul weight (head included, tied or not) + 2 * n_layers * n_ctx * d_model."""
    raise NotImplementedError("count the matmul weights, double them, add the attention term")


def training_flops(
    vocab_size: int, d_model: int, n_layers: int, n_ctx: int, n_tokens: float, mlp_ratio: float = 4
) -> float:
    """3 forward passes' worth of FLOPs per token, times n_tokens, as a float."""
    raise NotImplementedError("forward + backward = 3 x forward")
