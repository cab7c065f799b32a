"""Copies the embedding into a separate lm_head at init: two matrices, and the head goes stale."""
import torch
import torch.nn.functional as F
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size, d_model):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.body = nn.Linear(d_model, d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        self.lm_head.weight.data.copy_(self.embed.weight.data)

    def forward(self, tokens):
        h = torch.tanh(self.body(self.embed(tokens)))
        return self.lm_head(h)


def next_token_loss(model, tokens):
    logits = model(tokens)
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), tokens[:, 1:].reshape(-1))
