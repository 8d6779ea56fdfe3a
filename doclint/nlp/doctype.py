"""Document type from content: weighted cues from rules/patterns/doctypes.yaml."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, DocType
from doclint.nlp import patterns


@cache
def _cues() -> tuple[int, int, dict[str, list[tuple[str, re.Pattern[str], float]]]]:
    data = patterns.load("doctypes")
    cues: dict[str, list[tuple[str, re.Pattern[str], float]]] = {}
    for type_name, groups in data["types"].items():
        cues[type_name] = [
            (where, re.compile(cue["re"], re.IGNORECASE), float(cue["weight"]))
            for where in ("head", "any")
            for cue in groups.get(where, [])
        ]
    return int(data["min_score"]), int(data["head_blocks"]), cues


def classify(blocks: list[Block]) -> tuple[DocType, float, dict[str, float]]:
    """(type, confidence 0..1, scores per type)."""
    min_score, head_n, cues = _cues()
    body = [b for b in blocks if b.kind not in ("header", "footer")]
    head = "\n".join(b.text for b in body[:head_n])
    full = "\n".join(b.text for b in blocks)
    scores: dict[str, float] = {}
    for type_name, items in cues.items():
        score = 0.0
        for where, regex, weight in items:
            if regex.search(head if where == "head" else full):
                score += weight
        scores[type_name] = score
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < min_score:
        return DocType.OTHER, 0.0, scores
    ranked = sorted(scores.values(), reverse=True)
    confidence = 1.0 - (ranked[1] / ranked[0]) if ranked[0] else 0.0
    return DocType(best), confidence, scores
