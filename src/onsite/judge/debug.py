"""Judging a debug item: does the repaired script learn? Trusted; never runs user code.

The item's .meta/task.py (our code) makes the data for a seed: a training split, the
held-out inputs and the held-out targets. The first two travel to the sandbox as a
data-only frame; the targets stay here. The sandbox trains the submitted script and
predicts; this module scores the predictions against the targets and decides.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onsite import config
from onsite.judge import static
from onsite.judge.cases import PAYLOAD
from onsite.judge.metrics import METRICS, passes
from onsite.judge.observables import CaseResult, decode_stream, encode_frame
from onsite.judge.protocol import OUTPUT_CAP, PROTOCOL_VERSION, RunRequest
from onsite.judge.verdict import TestResult, Verdict
from onsite.packs.loader import Item

HARNESS = Path(__file__).with_name("debug_cases.py")


@dataclass(frozen=True)
class TaskData:
    payload: bytes  # one frame: "seed", "train.<name>", "test.<name>" arrays
    targets: np.ndarray


def _key(item: Item, seed: int) -> str:
    digest = hashlib.sha256(PROTOCOL_VERSION.encode() + str(seed).encode())
    for file in (item.path / "item.yaml", item.task_path):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:24]


def task_data(item: Item, seed: int) -> TaskData:
    """The item's data for ``seed``, made once per task version and cached out of the sandbox's view."""
    folder = config.cache_dir() / "debug"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"{item.id.replace('/', '__')}-{_key(item, seed)}"
    payload_file, targets_file = stem.with_suffix(".frame"), stem.with_suffix(".npy")
    if payload_file.exists() and targets_file.exists():
        return TaskData(payload_file.read_bytes(), np.load(targets_file, allow_pickle=False))
    train, test_inputs, targets = _make_data(item, seed)
    values = {"seed": seed, **{f"train.{k}": v for k, v in train.items()},
              **{f"test.{k}": v for k, v in test_inputs.items()}}
    payload = encode_frame(CaseResult(PAYLOAD, "ok", values=values))
    for file, write in ((payload_file, lambda f: f.write_bytes(payload)),
                        (targets_file, lambda f: np.save(f, targets, allow_pickle=False))):
        tmp = file.with_name(f"{file.stem}.tmp{os.getpid()}{file.suffix}")
        write(tmp)
        tmp.replace(file)
    return TaskData(payload, targets)


def _make_data(item: Item, seed: int) -> tuple[dict, dict, np.ndarray]:
    import torch

    spec = importlib.util.spec_from_file_location(f"onsite_task_{os.getpid()}", item.task_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = module.make_data(seed)

    def plain(value):
        return value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else np.asarray(value)

    return ({k: plain(v) for k, v in data["train"].items()},
            {k: plain(v) for k, v in data["test_inputs"].items()},
            plain(data["test_targets"]))


def request_for(item: Item, source: str, data: TaskData) -> RunRequest:
    limits = item.meta.limits
    return RunRequest(submission=source, cases=HARNESS.read_text(), forbidden=tuple(item.meta.forbidden),
                      wall_s=limits.wall_s, cpu_s=limits.cpu_s, memory_mb=limits.memory_mb,
                      cases_name="/sandbox/harness.py",
                      payload=base64.b64encode(data.payload).decode())


def pick_seed(item: Item) -> int:
    """A learner's run uses one of the item's seeds at random: no fixed test set to learn."""
    return random.SystemRandom().choice(item.meta.debug.seeds)


def judge_debug(item: Item, source: str, runner, seed: int | None = None) -> Verdict:
    start = time.perf_counter()
    refusals = static.forbidden_uses(source, item.meta.forbidden)
    if refusals:
        return Verdict(item.id, "rejected", message="; ".join(refusals),
                       ms=(time.perf_counter() - start) * 1000)
    seed = pick_seed(item) if seed is None else seed
    data = task_data(item, seed)
    raw = runner.run(request_for(item, source, data))
    verdict = decide(item, data, raw, seed)
    verdict.ms = (time.perf_counter() - start) * 1000
    return verdict


def decide(item: Item, data: TaskData, raw, seed: int) -> Verdict:
    spec = item.meta.debug
    results, problem = decode_stream(raw.results)
    output = raw.output[:OUTPUT_CAP].decode(errors="replace")
    name = f"learns: {spec.metric} on held-out data (seed {seed})"
    got = results[0] if results else None
    if got is None or got.status != "ok":
        why = got.message if got else ("did not finish before the time limit" if raw.timed_out
                                       else f"no result: {problem or 'the script stopped early'}")
        status = "timeout" if raw.timed_out else ("memory" if got and got.status == "memory"
                                                  else "error")
        return Verdict(item.id, status, [TestResult(name, "error", why, 0.0)], output=output,
                       isolation=raw.isolation, message=why)
    curve = [float(x) for x in np.asarray(got.values.get("history", [])).ravel()]
    metric, _higher = METRICS[spec.metric]
    try:
        value = metric(np.asarray(got.values["predictions"]), data.targets)
    except (ValueError, KeyError) as exc:
        return Verdict(item.id, "fail", [TestResult(name, "fail", str(exc), got.ms)], output=output,
                       isolation=raw.isolation, message=str(exc), curve=curve)
    ok = passes(spec.metric, value, spec.threshold)
    relation = ">=" if METRICS[spec.metric][1] else "<="
    message = f"{spec.metric} {value:.4g}; the repaired script reaches {relation} {spec.threshold:g}"
    return Verdict(item.id, "pass" if ok else "fail",
                   [TestResult(name, "pass" if ok else "fail", message, got.ms)], output=output,
                   isolation=raw.isolation, message=message, curve=curve)
