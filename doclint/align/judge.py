"""Which code the duties fit, judged as an officer does: function first, then field, with a
probability that means what it says, and the reason in one line.

1. Function. Each duty is read against the function prototypes of rules/functions.yaml (manage a
   unit, research, engineer, practise a profession, serve customers, work a trade); the case's
   function profile is the time-weighted mean of the duties' softmax over functions.
2. Field. The alignment already scored every duty against every code. The candidates are the
   best `k` codes; each gets a few features — its weighted mean duty score and the gap to the
   best, its coverage, the share of duties it wins, and how much of the function profile is
   its own function — and a linear score.
3. Probability. A softmax over the candidates' scores (a conditional logit) whose weights were
   fitted on the development part of the blind duty sets (bench/judge_train.py → models/judge.yaml);
   its reliability on the held-out part is in bench/accuracy.py's reliability table.
Below `uncertain_below` doclint says it cannot tell, and the drift/hybrid rules stay silent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml

from doclint.paths import models_dir, rules_dir

if TYPE_CHECKING:
    from doclint.align.scorer import Scorer
    from doclint.catalog.model import CodeEntry

FEATURES = ("mean", "gap", "coverage", "wins", "function", "top_duty")


@dataclass
class Judgement:
    """The candidates best first, each with its probability; the case's function profile."""

    positions: list[int]
    probabilities: list[float]
    function: dict[str, float]
    confident: bool
    reason: dict[str, Any] = field(default_factory=dict)

    @property
    def best(self) -> int | None:
        return self.positions[0] if self.positions else None

    @property
    def probability(self) -> float:
        return self.probabilities[0] if self.probabilities else 0.0

    def probability_of(self, position: int | None) -> float:
        if position is None or position not in self.positions:
            return 0.0
        return self.probabilities[self.positions.index(position)]


@cache
def functions_data() -> dict[str, Any]:
    with (rules_dir() / "functions.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def model() -> dict[str, Any]:
    with (models_dir() / "judge.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"]), str(r["function"])) for r in functions_data()["codes"])


def function_of(code: str) -> str:
    return next((f for regex, f in _rules() if regex.fullmatch(code)), "skilled")


_PROTOS: dict[str, tuple[tuple[str, ...], np.ndarray]] = {}


def _prototypes(scorer: Scorer) -> tuple[tuple[str, ...], np.ndarray]:
    key = scorer.encoder.fingerprint
    if key not in _PROTOS:
        names: list[str] = []
        texts: list[str] = []
        for name, lines in functions_data()["functions"].items():
            names += [name] * len(lines)
            texts += list(lines)
        _PROTOS[key] = (tuple(names), np.asarray(scorer.encoder.queries(texts)))
    return _PROTOS[key]


def function_profile(scorer: Scorer, vectors: np.ndarray, weights: np.ndarray) -> dict[str, float]:
    """The time-weighted mean over duties of each duty's softmax over functions."""
    names, protos = _prototypes(scorer)
    order = list(dict.fromkeys(names))
    if not len(vectors):
        return dict.fromkeys(order, 0.0)
    sims = vectors @ protos.T
    per = np.stack([sims[:, [i for i, n in enumerate(names) if n == f]].max(axis=1) for f in order], axis=1)
    temperature = float(model().get("function_temperature", 0.05))
    z = np.exp((per - per.max(axis=1, keepdims=True)) / temperature)
    soft = z / z.sum(axis=1, keepdims=True)
    profile = (weights[:, None] * soft).sum(axis=0) / max(float(weights.sum()), 1e-9)
    return {f: float(p) for f, p in zip(order, profile, strict=True)}


def features(
    scores: np.ndarray, weights: np.ndarray, coverage: np.ndarray, profile: dict[str, float],
    entries: list[CodeEntry], candidates: list[int],
) -> np.ndarray:
    """(candidates, FEATURES) for one case. `scores`: (duties, entries) duty scores."""
    w = weights / max(float(weights.sum()), 1e-9)
    mean = w @ scores
    wins = np.zeros(scores.shape[1])
    for row, weight in zip(scores, w, strict=True):
        wins[int(np.argmax(row))] += weight
    top = scores.max(axis=0)
    best_mean = float(mean[candidates].max())
    best_top = float(top[candidates].max())
    rows = []
    for c in candidates:
        rows.append([
            float(mean[c]),
            float(mean[c]) - best_mean,
            float(coverage[c]),
            float(wins[c]),
            profile.get(function_of(entries[c].code), 0.0),
            float(top[c]) - best_top,
        ])
    return np.asarray(rows, dtype=np.float64)


def candidates_of(scores: np.ndarray, weights: np.ndarray, coverage: np.ndarray, k: int) -> list[int]:
    w = weights / max(float(weights.sum()), 1e-9)
    order = np.argsort(-(w @ scores + coverage))
    return [int(i) for i in order[:k]]


def softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max())
    return z / z.sum()


def judge(
    scorer: Scorer, vectors: np.ndarray, scores: np.ndarray, weights: np.ndarray, coverage: np.ndarray,
    entries: list[CodeEntry],
) -> Judgement | None:
    if not len(scores):
        return None
    m = model()
    profile = function_profile(scorer, vectors, weights)
    cands = candidates_of(scores, weights, coverage, int(m["k"]))
    x = features(scores, weights, coverage, profile, entries, cands)
    p = softmax(x @ np.asarray(m["weights"], dtype=np.float64))
    order = np.argsort(-p)
    return Judgement([cands[i] for i in order], [float(p[i]) for i in order], profile,
                     confident=float(p[order[0]]) >= float(m["uncertain_below"]))


def reason(scorer: Scorer, vectors: np.ndarray, scores: np.ndarray, texts: list[str], position: int,
           limit: int = 2) -> list[dict[str, Any]]:
    """The duties that decided for `position`, each with the definition line it matched best."""
    out: list[dict[str, Any]] = []
    for d in np.argsort(-scores[:, position]):
        if len(out) == limit:
            break
        if any(r["duty"] == texts[int(d)] for r in out):
            continue  # the same duty stated in two documents is one reason
        line, sim = scorer.best_line(vectors[int(d)], position)
        out.append({"duty": texts[int(d)], "definition": line, "similarity": round(sim, 3)})
    return out
