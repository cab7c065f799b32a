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
    # The teacher is a fixed target: no gradient flows into it.
    teacher = teacher_logits.detach()
    # log_softmax, never log(softmax): a probability that underflows to 0 would give log 0 = -inf.
    log_p_teacher = torch.log_softmax(teacher / T, dim=-1)
    log_p_student = torch.log_softmax(student_logits / T, dim=-1)
    # KL(teacher || student) = sum_c p_t (log p_t - log p_s); exp(log_p) is 0 only where the
    # product must be 0, and log_p stays finite, so no 0 * inf appears.
    kl = (log_p_teacher.exp() * (log_p_teacher - log_p_student)).sum() / n  # batchmean
    # Soft-target gradients scale like 1/T^2; multiplying by T^2 keeps the two terms balanced.
    soft = kl * T * T
    # Hard-label cross-entropy at temperature 1, averaged over the batch.
    log_probs = torch.log_softmax(student_logits, dim=-1)
    hard = -log_probs.gather(1, labels[:, None]).squeeze(1).mean()
    return alpha * soft + (1 - alpha) * hard
