import torch
import torch.nn.functional as F
from torch import Tensor, nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size: int, d_model: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)  # E: (V, d), used twice
        self.body = nn.Linear(d_model, d_model)

    def forward(self, tokens: Tensor) -> Tensor:
        h = torch.tanh(self.body(self.embed(tokens)))  # (B, T, d)
        # The output projection is E itself, transposed: logit v is the dot product of h
        # with token v's embedding. Reading self.embed.weight here (not a stored copy)
        # means both uses always see the same, current parameter.
        return h @ self.embed.weight.T  # (B, T, V)


def next_token_loss(model: TiedLM, tokens: Tensor) -> Tensor:
    logits = model(tokens)
    V = logits.shape[-1]
    # Position t predicts token t + 1; the last position has no target.
    pred = logits[:, :-1].reshape(-1, V)
    target = tokens[:, 1:].reshape(-1)
    return F.cross_entropy(pred, target)  # mean over the B * (T - 1) pairs
