"""Weights the hard-label term by alpha and the soft term by 1 - alpha."""
import torch
from torch import Tensor


def distillation_loss(
    student_logits: Tensor,
    teacher_logits: Tensor,
    labels: Tensor,
    temperature: float = 2.0,
    alpha: float = 0.5,
) -> Tensor:
    n = student_logits.size(0)
    T = temperature
    teacher = teacher_logits.detach()
    log_p_teacher = torch.log_softmax(teacher / T, dim=-1)
    log_p_student = torch.log_softmax(student_logits / T, dim=-1)
    kl = (log_p_teacher.exp() * (log_p_teacher - log_p_student)).sum() / n
    soft = kl * T * T
    log_probs = torch.log_softmax(student_logits, dim=-1)
    hard = -log_probs.gather(1, labels[:, None]).squeeze(1).mean()
    return (1 - alpha) * soft + alpha * hard
