"""Shifts the wrong way: logits from positions 1.. against tokens 0..T-2."""
import torch
import torch.nn.functional as F
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab_size, d_model):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.body = nn.Linear(d_model, d_model)

    def forward(self, tokens):
        h = torch.tanh(self.body(self.embed(tokens)))
        return h @ self.embed.weight.T


def next_token_loss(model, tokens):
    logits = model(tokens)
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, 1:].reshape(-1, V), tokens[:, :-1].reshape(-1))
