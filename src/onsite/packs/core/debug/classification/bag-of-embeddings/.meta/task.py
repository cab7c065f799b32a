"""Data for debug/classification/bag-of-embeddings: topic and style of short texts.

Texts are bags of word ids from a vocabulary of 80 (0 is padding). Ids 1-24 are
evaluative words ("great", "awful", ...), 25-28 sport keywords, 29-32 finance keywords,
33-80 neutral filler. Every text has 5 to 40 words and exactly one topic keyword at a
random place; each text draws its own rate of evaluative words (uniform in 0 to 0.6).
The label is 2 * topic + style: topic 0 is sport and 1 finance; style is 1 (opinion)
when more than 30% of the text's words are evaluative and 0 (report) otherwise. Rows
are left-aligned and padded with 0 to width 40; `lengths` gives the number of words.
Word order carries no information. The label is a function of the words, so a perfect
model scores 1.0; the repaired script scores about 0.98.
"""

import torch

VOCAB, PAD, WIDTH = 81, 0, 40


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(33_000 + seed)

    def sample(n: int):
        lengths = torch.randint(5, WIDTH + 1, (n,), generator=g)
        rate = torch.rand(n, 1, generator=g) * 0.6
        evaluative = torch.randint(1, 25, (n, WIDTH), generator=g)
        filler = torch.randint(33, VOCAB, (n, WIDTH), generator=g)
        words = torch.where(torch.rand(n, WIDTH, generator=g) < rate, evaluative, filler)
        topic = torch.randint(0, 2, (n,), generator=g)
        keyword = 25 + 4 * topic + torch.randint(0, 4, (n,), generator=g)
        place = (torch.rand(n, generator=g) * lengths).long()
        words[torch.arange(n), place] = keyword
        real = torch.arange(WIDTH)[None, :] < lengths[:, None]
        tokens = torch.where(real, words, PAD)
        share = ((tokens >= 1) & (tokens <= 24)).sum(1) / lengths
        return tokens, lengths, 2 * topic + (share > 0.3).long()

    tokens, lengths, labels = sample(3000)
    test_tokens, test_lengths, test_labels = sample(1000)
    return {"train": {"tokens": tokens, "lengths": lengths, "labels": labels},
            "test_inputs": {"tokens": test_tokens, "lengths": test_lengths},
            "test_targets": test_labels}
