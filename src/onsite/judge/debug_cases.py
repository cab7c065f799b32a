"""The hidden case every debug item runs (sent to the sandbox as its cases source).

It trains the submitted script on the training split the verifier sent, predicts
the held-out inputs, and reports the predictions and the loss curve. The held-out
targets never reach this process: the verifier scores the predictions itself.
"""

import numpy as np
import torch

from onsite.judge.cases import case, payload


def split(prefix: str) -> dict:
    data = payload()
    return {key[len(prefix):]: torch.from_numpy(np.array(value))
            for key, value in data.items() if key.startswith(prefix)}


@case("trains on the training split and predicts the held-out inputs")
def learn(sub):
    seed = int(payload()["seed"])
    torch.manual_seed(seed)
    model, history = sub.train(split("train."), seed)
    with torch.no_grad():
        predictions = sub.predict(model, split("test."))
    return {"predictions": torch.as_tensor(predictions).detach().to(torch.float64),
            "history": torch.as_tensor([float(h) for h in history], dtype=torch.float64)}
