"""Cross-check post-training/rloo-advantages against the definition in plain Python (explicit
leave-one-out loops, Kool et al. 2019) and the identity A = k/(k-1) * (r - mean)."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/rloo-advantages"
ref = reference(ITEM)


def loop_rloo(rewards, k):
    r = rewards.tolist()
    out = []
    for start in range(0, len(r), k):
        group = r[start:start + k]
        for i, ri in enumerate(group):
            others = [rj for j, rj in enumerate(group) if j != i]
            out.append(ri - sum(others) / len(others) if others else 0.0)
    return torch.tensor(out, dtype=torch.float64)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [1, 2, 3, 5, 8])
def test_matches_loop_and_identity(seed, k):
    g = torch.Generator().manual_seed(seed)
    rewards = torch.randn(4 * k, generator=g, dtype=torch.float64)
    got = ref.rloo_advantages(rewards, k)
    torch.testing.assert_close(got, loop_rloo(rewards, k), rtol=1e-12, atol=1e-12)
    if k > 1:
        grouped = rewards.view(-1, k)
        identity = (k / (k - 1)) * (grouped - grouped.mean(1, keepdim=True))
        torch.testing.assert_close(got, identity.reshape(-1))
        # Leave-one-out advantages sum to zero within each group.
        torch.testing.assert_close(got.view(-1, k).sum(1), torch.zeros(4, dtype=torch.float64))


@pytest.mark.parametrize("name", ["includes_self", "divides_by_k", "std_normalised", "strided_groups",
                                  "nan_for_k1", "batch_baseline"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    rewards = torch.tensor([1.0, 0.0, 0.5, 2.0, 3.0, 0.0, 1.5, -1.0], dtype=torch.float64)
    disagree = False
    for k in (1, 2, 4):
        got = bad.rloo_advantages(rewards, k)
        disagree |= not torch.allclose(got, loop_rloo(rewards, k), equal_nan=False)
    assert disagree
