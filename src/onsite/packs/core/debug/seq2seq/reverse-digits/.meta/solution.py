"""Train a small transformer encoder-decoder to reverse strings of digits.

The repaired script: the decoder reads the answer shifted right by one (after BOS),
targets indexed with the same shuffled batch as the inputs, and dropout off at decoding.
"""

import torch
import torch.nn.functional as F
from torch import nn

PAD, BOS, VOCAB = 10, 11, 12  # digits 0-9, then padding and start-of-output


class Reverser(nn.Module):
    def __init__(self, d_model: int = 64, n_heads: int = 4, width: int = 16):
        super().__init__()
        self.src_tok, self.tgt_tok = nn.Embedding(VOCAB, d_model), nn.Embedding(VOCAB, d_model)
        self.src_pos, self.tgt_pos = nn.Embedding(width, d_model), nn.Embedding(width, d_model)
        self.encoder = nn.TransformerEncoderLayer(d_model, n_heads, 2 * d_model, batch_first=True)
        self.decoder = nn.TransformerDecoderLayer(d_model, n_heads, 2 * d_model, batch_first=True)
        self.head = nn.Linear(d_model, VOCAB)

    def forward(self, source: torch.Tensor, decoder_in: torch.Tensor) -> torch.Tensor:
        s, t = source.shape[1], decoder_in.shape[1]
        memory = self.encoder(self.src_tok(source) + self.src_pos.weight[:s])
        causal = torch.triu(torch.full((t, t), float("-inf")), diagonal=1)
        x = self.tgt_tok(decoder_in) + self.tgt_pos.weight[:t]
        h = self.decoder(x, memory, tgt_mask=causal)
        return self.head(h)  # (N, T, VOCAB): position t scores output digit t


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["source"], data["target"] (N, W) padded with PAD, data["lengths"] (N,)."""
    torch.manual_seed(seed)
    source, target = data["source"], data["target"]
    # teacher forcing: at position t the decoder reads BOS and digits 0..t-1, never digit t
    decoder_in = torch.cat([torch.full_like(target[:, :1], BOS), target[:, :-1]], dim=1)
    model = Reverser()
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    history = []
    for _epoch in range(3):
        order = torch.randperm(len(source))
        total = 0.0
        for start in range(0, len(source), 64):
            batch = order[start:start + 64]
            logits = model(source[batch], decoder_in[batch])
            loss = F.cross_entropy(logits.flatten(0, 1), target[batch].flatten(),
                                   ignore_index=PAD)  # padding is not a target
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(source))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Greedy decoding: the reversed strings (N, W) for inputs["source"] (N, W), PAD after each."""
    model.eval()  # the transformer layers have dropout (0.1 by default): off when decoding
    source, lengths = inputs["source"], inputs["lengths"]
    decoded = torch.full((len(source), 1), BOS)
    for _ in range(source.shape[1]):
        next_digit = model(source, decoded)[:, -1].argmax(dim=-1, keepdim=True)
        decoded = torch.cat([decoded, next_digit], dim=1)
    beyond = torch.arange(source.shape[1])[None, :] >= lengths[:, None]
    return decoded[:, 1:].masked_fill(beyond, PAD)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    demo_lengths = torch.randint(3, 9, (2000,), generator=g)
    digits = torch.randint(0, 10, (2000, 8), generator=g)
    position = torch.arange(8)[None, :]
    real = position < demo_lengths[:, None]
    mirrored = digits.gather(1, (demo_lengths[:, None] - 1 - position).clamp(min=0))
    demo = {"source": torch.where(real, digits, PAD), "lengths": demo_lengths,
            "target": torch.where(real, mirrored, PAD)}
    model, losses = train(demo, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
