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


@cache
def _ocr_titles() -> dict[str, list[str]]:
    return {k: list(v) for k, v in patterns.load("doctypes").get("ocr_titles", {}).items()}


def _ocr_titles_in(blocks: list[Block]) -> set[str]:
    """Types whose title a head line holds with at most one character misread."""
    found: set[str] = set()
    lines = [re.sub(r"\s+", "", line) for b in blocks for line in b.text.split("\n")]
    for type_name, titles in _ocr_titles().items():
        for title in titles:
            n = len(title)
            errors = 1 if n >= 5 else 0  # one misread character in five; a short title must be whole
            if any(sum(a != c for a, c in zip(line[i:i + n], title, strict=True)) <= errors
                   for line in lines for i in range(max(len(line) - n + 1, 0))):
                found.add(type_name)
    return found


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
    if any(b.ocr for b in body[:head_n]):
        for type_name in _ocr_titles_in(body[:head_n]):
            if scores.get(type_name, 0.0) < 10:
                scores[type_name] = scores.get(type_name, 0.0) + 10
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < min_score:
        return DocType.OTHER, 0.0, scores
    ranked = sorted(scores.values(), reverse=True)
    confidence = 1.0 - (ranked[1] / ranked[0]) if ranked[0] else 0.0
    return DocType(best), confidence, scores
