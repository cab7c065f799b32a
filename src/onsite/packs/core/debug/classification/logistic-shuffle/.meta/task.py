"""Data for debug/classification/logistic-shuffle: fault detection from twenty sensors.

Each example is a machine's twenty sensor readings. A reading is the sensor's own
standard-normal signal plus a shared ambient term (standard normal, times 3) common to
all twenty sensors of that machine, so the columns are strongly correlated. Whether the
machine is faulty is drawn from the logistic of 2 * w . signal, where the seeded w
involves about half of the sensors; the ambient term carries no information, so a good
linear model must cancel it with weights of opposite sign. Classes are balanced and the
label noise caps accuracy near 0.9. 3000 training machines, 1000 held out.
"""

import torch

SENSORS = 20
AMBIENT = 3.0


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(31_000 + seed)
    w = torch.randn(SENSORS, generator=g) * (torch.rand(SENSORS, generator=g) < 0.5)

    def sample(n: int):
        signal = torch.randn(n, SENSORS, generator=g)
        ambient = torch.randn(n, 1, generator=g)
        faulty = torch.rand(n, generator=g) < torch.sigmoid(2.0 * signal @ w)
        return signal + AMBIENT * ambient, faulty.long()

    x_train, y_train = sample(3000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
