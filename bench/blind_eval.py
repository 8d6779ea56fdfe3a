"""Judging the blind duty sets (bench/data/blind_sets/): each set through the real alignment and
judge, as `doclint suggest` runs it; shared by bench/accuracy.py (scores) and
bench/judge_train.py (fits the judge's weights on the development part)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from doclint.align.case_alignment import CaseAlignment, align, duty_weights
from doclint.align.judge import candidates_of, features, function_profile, model
from doclint.align.scorer import AlignmentThresholds, Scorer
from doclint.catalog.model import Catalog
from doclint.model import Duty

SHARE = re.compile(r"\s*[(\[]?\s*(?:비중\s*)?[-–]?\s*(\d{1,3})\s*%\s*[)\]]?\s*$")


def duties_of(item: dict[str, Any]) -> list[Duty]:
    out = []
    for text in item["duties"]:
        text = str(text)
        m = SHARE.search(text)
        share = float(m.group(1)) / 100 if m and 0 < int(m.group(1)) <= 100 else None
        out.append(Duty(SHARE.sub("", text).strip() if m else text, share))
    return out


@dataclass
class Judged:
    item: dict[str, Any]
    gold: set[int]  # acceptable entry positions (the code and its aliases; X: every ineligible entry)
    result: CaseAlignment
    x: np.ndarray  # judge features of the candidates
    candidates: list[int]

    @property
    def ranked(self) -> list[int]:
        return self.result.judgement.positions if self.result.judgement else []

    def eligible_ranked(self) -> list[int]:
        return [i for i in self.ranked if self.result.eligible[i]]

    @property
    def is_x(self) -> bool:
        return self.item["code"].upper() == "X"

    def top1(self) -> bool:
        if self.is_x:
            return bool(self.ranked) and self.ranked[0] in self.gold
        return bool(self.eligible_ranked()) and self.eligible_ranked()[0] in self.gold

    def top3(self) -> bool:
        if self.is_x:
            return any(i in self.gold for i in self.ranked[:3])
        return any(i in self.gold for i in self.eligible_ranked()[:3])

    @property
    def probability(self) -> float:
        return self.result.judgement.probability if self.result.judgement else 0.0

    def top_is_gold(self) -> bool:
        """For calibration: the judge's own top candidate (any entry) is a right answer."""
        return bool(self.ranked) and self.ranked[0] in self.gold


def gold_positions(item: dict[str, Any], scorer: Scorer, catalog: Catalog) -> set[int]:
    code = str(item["code"]).strip().upper()
    if code == "X":
        return {i for i, e in enumerate(scorer.index.entries) if not e.eligible}
    entry = catalog.get(code)
    pos = scorer.index.position(entry.code) if entry else None
    return {pos} if pos is not None else set()


def judge_sets(items: list[dict[str, Any]], scorer: Scorer, catalog: Catalog, chosen: str | None = None) -> list[Judged]:
    thresholds = AlignmentThresholds.for_encoder(scorer.encoder.name)
    k = int(model()["k"])
    out = []
    for item in items:
        duties = duties_of(item)
        code = chosen if chosen is not None else None
        result = align([("set", duties)], scorer, thresholds, catalog, code)
        kept = [f.duty.text for f in result.fits]
        vectors = np.asarray(scorer.encoder.queries(kept)) if kept else np.zeros((0, 512))
        scores = np.stack([f.scores for f in result.fits]) if result.fits else np.zeros((0, scorer.n))
        weights = np.array([f.weight for f in result.fits])
        if not len(scores):
            continue
        profile = function_profile(scorer, vectors, weights)
        cands = candidates_of(scores, weights, result.coverage, k)
        x = features(scores, weights, result.coverage, profile, scorer.index.entries, cands)
        out.append(Judged(item, gold_positions(item, scorer, catalog), result, x, cands))
    return out


def reliability(judged: list[Judged], bins: int = 10) -> tuple[float, list[tuple[str, int, float, float]]]:
    """(expected calibration error, rows of (bin, n, mean probability, accuracy)) for the judge's
    top candidate."""
    rows = []
    ece = 0.0
    n = len(judged)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [j for j in judged if lo <= j.probability < hi or (b == bins - 1 and j.probability == 1.0)]
        if not members:
            continue
        conf = float(np.mean([j.probability for j in members]))
        acc = float(np.mean([j.top_is_gold() for j in members]))
        ece += len(members) / n * abs(conf - acc)
        rows.append((f"{lo:.1f}–{hi:.1f}", len(members), conf, acc))
    return ece, rows


__all__ = ["Judged", "duties_of", "duty_weights", "judge_sets", "reliability"]


def old_ranking(j: Judged) -> list[int]:
    """The ranking before the judge (coverage, then coverage + mean score): the baseline."""
    r = j.result
    eligible = [i for i in range(len(r.entries)) if r.eligible[i]]
    order = sorted(eligible, key=lambda i: -(float(r.coverage[i]) + float(r.mean_score[i])))
    best = r.best
    return [best, *(i for i in order if i != best)] if best is not None else order


def groups_of(j: Judged) -> list[str]:
    kind = {"hard.yaml": "hard pairs", "x.yaml": "X (not E-7)"}.get(j.item.get("source", ""), "plain sets")
    return ["all", f"lang {j.item.get('lang')}", kind]


def rule_silence(judged: list[Judged]) -> dict[str, int]:
    """Clean cases of one clear function (plain sets, filed under their own code): how often
    code-drift and hybrid-role fire anyway."""
    from doclint.case import CaseContext
    from doclint.catalog import load_catalog
    from doclint.checks import all_rules
    from doclint.config import Options
    from doclint.context import RunContext

    run_ctx = RunContext(Options(), load_catalog())  # the rules read the judged alignment, not a scorer

    rules = all_rules()
    out = {"cases": 0, "DL401": 0, "DL403": 0}
    for j in judged:
        if j.item.get("source") == "hard.yaml" or j.is_x or j.result.chosen is None:
            continue
        ctx = CaseContext(str(j.item["id"]), [], run_ctx, lang="en")
        ctx.alignment = j.result
        out["cases"] += 1
        for code in ("DL401", "DL403"):
            out[code] += sum(1 for _ in rules[code].check(ctx))
    return out


def markdown(parts: dict[str, list[Judged]], chosen_parts: dict[str, list[Judged]] | None = None) -> str:
    """Top-1/top-3 before and after the judge, by group; reliability; rule silence."""
    names = list(parts)
    lines = ["| blind sets: top-1 / top-3 | " + " | ".join(f"{p}: coverage ranking | {p}: judge" for p in names) + " |",
             "|---|" + "---|---|" * len(names)]
    keys: list[str] = []
    for judged in parts.values():
        for j in judged:
            for g in groups_of(j):
                if g not in keys:
                    keys.append(g)
    for key in keys:
        cells = []
        for p in names:
            members = [j for j in parts[p] if key in groups_of(j)]
            if not members:
                cells += ["–", "–"]
                continue
            def hit(j: Judged, order: list[int], k: int) -> bool:
                if j.is_x:
                    return j.top1() if k == 1 else j.top3()
                return any(i in j.gold for i in order[:k])
            o1 = np.mean([hit(j, old_ranking(j), 1) for j in members])
            o3 = np.mean([hit(j, old_ranking(j), 3) for j in members])
            n1 = np.mean([j.top1() for j in members])
            n3 = np.mean([j.top3() for j in members])
            cells += [f"{o1:.2f} / {o3:.2f}", f"{n1:.2f} / {n3:.2f} ({len(members)})"]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    for p in names:
        ece, rows = reliability(parts[p])
        confident = [j for j in parts[p] if j.result.judgement and j.result.judgement.confident]
        acc_conf = np.mean([j.top_is_gold() for j in confident]) if confident else float("nan")
        lines += ["", f"Reliability of the top suggestion's probability, {p} ({len(parts[p])} sets): "
                  f"expected calibration error **{ece:.3f}**; doclint answers on {len(confident)} "
                  f"({len(confident) / max(len(parts[p]), 1):.0%}), right on {acc_conf:.2f} of those, and says it "
                  f"cannot tell on the rest.", "",
                  "| probability | sets | mean probability | right |", "|---|---:|---:|---:|"]
        lines += [f"| {b} | {n} | {c:.2f} | {a:.2f} |" for b, n, c, a in rows]
    if chosen_parts:
        lines += ["", "| clean cases of one function (filed under their own code) | " + " | ".join(chosen_parts) + " |",
                  "|---|" + "---|" * len(chosen_parts)]
        silence = {p: rule_silence(js) for p, js in chosen_parts.items()}
        for key in ("cases", "DL401", "DL403"):
            label = {"cases": "cases", "DL401": "code-drift fired", "DL403": "hybrid-role fired"}[key]
            lines.append(f"| {label} | " + " | ".join(str(silence[p][key]) for p in chosen_parts) + " |")
    return "\n".join(lines)
