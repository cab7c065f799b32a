"""Never clears gradients, so they pile up across updates."""
import math
from collections.abc import Callable

import torch
from torch import Tensor, nn


def lr_at(step: int, steps: int, warmup_steps: int, lr: float, min_lr: float) -> float:
    """Learning rate for the 0-based update `step`; n = step + 1 updates done once it lands."""
    n = step + 1
    if n <= warmup_steps:
        return lr * n / warmup_steps
    # W < n <= T here, so the last update (n = T) lands exactly on min_lr.
    progress = (n - warmup_steps) / (steps - warmup_steps)
    return min_lr + 0.5 * (lr - min_lr) * (1.0 + math.cos(math.pi * progress))


def token_loss_sum(model: nn.Module, rows: Tensor, pad_id: int) -> tuple[Tensor, int]:
    """Summed next-token cross-entropy over non-pad targets, and how many there were."""
    inputs, targets = rows[:, :-1], rows[:, 1:]
    logits = model(inputs)  # (B, T-1, V)
    logp = torch.log_softmax(logits, dim=-1)
    nll = -logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)  # (B, T-1)
    keep = targets != pad_id
    return (nll * keep).sum(), int(keep.sum())


def evaluate(model: nn.Module, tokens: Tensor, micro_batch_size: int, pad_id: int) -> float:
    """Token-weighted mean loss over the whole eval set, dropout off, no graph built."""
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, tokens.shape[0], micro_batch_size):
            s, c = token_loss_sum(model, tokens[start:start + micro_batch_size], pad_id)
            total += float(s)
            count += c
    model.train(was_training)
    return total / count


def train(
    make_model: Callable[[], nn.Module],
    train_tokens: Tensor,
    eval_tokens: Tensor,
    *,
    steps: int,
    micro_batch_size: int,
    accum_steps: int,
    lr: float,
    min_lr: float = 0.0,
    warmup_steps: int = 0,
    weight_decay: float = 0.0,
    betas: tuple[float, float] = (0.9, 0.95),
    eps: float = 1e-8,
    max_grad_norm: float = 1.0,
    eval_every: int = 0,
    pad_id: int = 0,
    seed: int = 0,
) -> dict:
    torch.manual_seed(seed)  # fixes the initial weights and every dropout mask after them
    model = make_model()
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)

    n_rows = train_tokens.shape[0]
    history = {"train_loss": [], "lr": [], "grad_norm": [], "eval_loss": []}
    for step in range(steps):
        # The micro-batches of this update, in order; row indices wrap around the data.
        micro = []
        for j in range(accum_steps):
            k = step * accum_steps + j
            idx = torch.tensor([(k * micro_batch_size + i) % n_rows for i in range(micro_batch_size)])
            micro.append(train_tokens[idx])
        # Dividing by the step's total target count makes the accumulated gradient the
        # gradient of one big batch, however the padding falls across micro-batches.
        n_tokens = sum(int((rows[:, 1:] != pad_id).sum()) for rows in micro)

        step_loss = 0.0
        for rows in micro:
            s, _ = token_loss_sum(model, rows, pad_id)
            (s / n_tokens).backward()
            step_loss += float(s.detach()) / n_tokens

        # Global norm over every parameter's gradient, then one common scale factor.
        grads = [p.grad for p in params if p.grad is not None]
        norm = torch.sqrt(sum((g.detach() ** 2).sum() for g in grads))
        scale = min(1.0, max_grad_norm / (float(norm) + 1e-6))
        for g in grads:
            g.mul_(scale)

        rate = lr_at(step, steps, warmup_steps, lr, min_lr)
        for group in opt.param_groups:
            group["lr"] = rate
        opt.step()

        history["train_loss"].append(step_loss)
        history["lr"].append(rate)
        history["grad_norm"].append(float(norm))
        if eval_every > 0 and (step + 1) % eval_every == 0:
            history["eval_loss"].append(evaluate(model, eval_tokens, micro_batch_size, pad_id))

    history["final_eval_loss"] = evaluate(model, eval_tokens, micro_batch_size, pad_id)
    history["model"] = model
    return history
