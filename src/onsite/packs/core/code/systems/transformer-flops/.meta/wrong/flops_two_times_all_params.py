"""Uses 2 x (all parameters) per token: embedding lookups counted, the tied head and attention not."""
def _d_ff(d_model: int, mlp_ratio: float) -> int:
    return int(mlp_ratio * d_model)


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
    d, d_ff = d_model, _d_ff(d_model, mlp_ratio)
    attention = 4 * d * d + (4 * d if bias else 0)            # W_q, W_k, W_v, W_o (+ biases)
    mlp = 2 * d * d_ff + ((d_ff + d) if bias else 0)          # up and down projections (+ biases)
    norm = 2 * d if bias else d                               # LayerNorm gain (+ shift)
    per_layer = attention + mlp + 2 * norm                    # pre-attention and pre-MLP norms
    embeddings = vocab_size * d + (n_ctx * d if learned_positions else 0)
    head = 0 if tied_head else vocab_size * d                 # a tied head reuses the embedding
    return embeddings + n_layers * per_layer + norm + head    # + the final norm


def forward_flops_per_token(
    vocab_size: int, d_model: int, n_layers: int, n_ctx: int, mlp_ratio: float = 4
) -> int:
    return 2 * param_count(vocab_size, d_model, n_layers, n_ctx, mlp_ratio)
    d, d_ff = d_model, _d_ff(d_model, mlp_ratio)
    # Each weight in a matmul costs one multiply and one add per token: 2 FLOPs.
    matmul_weights = n_layers * (4 * d * d + 2 * d * d_ff) + vocab_size * d  # head counted, tied or not
    # Attention scores against n_ctx keys in every layer (Kaplan et al.'s 2 n_layer n_ctx d term).
    attention = 2 * n_layers * n_ctx * d
    return 2 * matmul_weights + attention


def training_flops(
    vocab_size: int, d_model: int, n_layers: int, n_ctx: int, n_tokens: float, mlp_ratio: float = 4
) -> float:
    # Backward costs twice the forward (gradients w.r.t. activations and w.r.t. weights).
    return 3.0 * forward_flops_per_token(vocab_size, d_model, n_layers, n_ctx, mlp_ratio) * n_tokens
