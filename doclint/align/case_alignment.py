"""What an officer does with a case: read every duty against the chosen code and the others.

Each duty gets a score for every catalog entry. It *matches* every code within `margin` of its
best score (close codes such as 2223/2224 share a duty) that also reaches `match_min`; a duty
whose best score is below that matches nothing (abstains). A code's coverage is the weighted share of the duties
it matches: stated time shares where given, each document counting equally."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from doclint.align.index import inherited_entries, shared_entries
from doclint.align.judge import Judgement, judge, reason
from doclint.align.scorer import AlignmentThresholds, Scorer
from doclint.catalog.model import Catalog, CodeEntry
from doclint.model import Duty, Title


@dataclass
class DutyFit:
    duty: Duty
    path: str
    weight: float
    scores: np.ndarray
    matched: np.ndarray  # bool per entry
    best: int

    @property
    def abstained(self) -> bool:
        return not bool(self.matched.any())


@dataclass
class TitleFit:
    path: str
    title: Title
    scores: np.ndarray


@dataclass(frozen=True)
class DutyVerdict:
    """One duty against the catalog: the code it fits best, whether it fits the chosen code."""

    best_code: str | None = None
    best_score: float | None = None
    matches_chosen: bool | None = None


NO_VERDICT = DutyVerdict()  # a duty no alignment judged (too few duties, or no alignment at all)


@dataclass
class CaseAlignment:
    entries: list[CodeEntry]
    fits: list[DutyFit]
    coverage: np.ndarray
    mean_score: np.ndarray
    eligible: np.ndarray
    thresholds: AlignmentThresholds
    chosen: int | None  # position of the chosen code (None: not chosen, or not in the catalog)
    abstain_reason: str | None = None
    encoder: str = ""
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    titles: list[TitleFit] = field(default_factory=list)
    catalog_key: str = ""
    judgement: Judgement | None = None  # function first, then field, with probabilities
    reason: list[dict[str, Any]] = field(default_factory=list)  # why the judged best code wins

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if inherited_entries(self.catalog_key, self.entries):
            state["entries"] = None  # the parent process holds the same list: see index.SHARED
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state["entries"] is None:
            state["entries"] = shared_entries(state["catalog_key"])
        self.__dict__.update(state)

    @property
    def abstained(self) -> bool:
        return self.abstain_reason is not None

    def verdict(self, duty: Duty) -> DutyVerdict:
        """How one duty (of the documents this alignment read) was judged; NO_VERDICT if it was not."""
        fit = next((f for f in self.fits if f.duty is duty), None)
        if fit is None:
            return NO_VERDICT
        return DutyVerdict(
            best_code=self.entries[fit.best].code if not fit.abstained else None,
            best_score=round(float(fit.scores[fit.best]), 3),
            matches_chosen=bool(fit.matched[self.chosen]) if self.chosen is not None else None,
        )

    def ranked(self, eligible: bool = True) -> list[int]:
        """Entry positions by coverage, then mean score; E-7 codes or ineligible occupations."""
        positions = [i for i in range(len(self.entries)) if bool(self.eligible[i]) == eligible]
        return sorted(positions, key=lambda i: (-round(float(self.coverage[i]), 6), -float(self.mean_score[i])))

    @property
    def best(self) -> int | None:
        ranked = self.ranked()
        return ranked[0] if ranked else None

    def coverage_of(self, position: int | None) -> float:
        return 0.0 if position is None else float(self.coverage[position])

    def supporting(self, position: int, limit: int | None = None) -> list[DutyFit]:
        """The duties that match this entry, strongest first; a duty that two documents both state
        (the contract and the 고용사유서 often do) is quoted once."""
        fits = sorted((f for f in self.fits if f.matched[position]), key=lambda f: -float(f.scores[position]))
        first: dict[str, DutyFit] = {}
        for f in fits:
            first.setdefault(f.duty.text, f)
        unique = list(first.values())
        return unique[:limit] if limit else unique

    def pulling_away(self, towards: int) -> list[DutyFit]:
        """Duties that match `towards` but not the chosen code."""
        if self.chosen is None:
            return self.supporting(towards)
        return [f for f in self.supporting(towards) if not f.matched[self.chosen]]


def duty_weights(duties: list[Duty]) -> list[float]:
    """Stated shares where given, the rest split evenly over the unstated duties; sums to 1."""
    if not duties:
        return []
    stated = [d.share for d in duties]
    known = sum(s for s in stated if s)
    missing = [i for i, s in enumerate(stated) if not s]
    if known >= 0.999 or not missing:
        total = known or 1.0
        return [(s or 0.0) / total for s in stated]
    rest = max(1.0 - known, 0.0) / len(missing) if known < 1.0 else 0.0
    weights = [s if s else rest for s in stated]
    total = sum(weights) or 1.0
    return [w / total for w in weights]


def align(
    groups: list[tuple[str, list[Duty]]],
    scorer: Scorer,
    thresholds: AlignmentThresholds,
    catalog: Catalog,
    chosen_code: str | None,
    titles: list[tuple[str, Title]] | None = None,
) -> CaseAlignment:
    """`groups`: (document path, its duties); each document weighs the same in the coverage.
    `titles` (document path, its job title) are scored in the same encoder call as the duties."""
    groups = [(path, [d for d in duties if not d.vague]) for path, duties in groups]
    groups = [(path, duties) for path, duties in groups if duties]
    flat: list[tuple[str, Duty, float]] = []
    for path, duties in groups:
        flat.extend((path, d, w / len(groups)) for d, w in zip(duties, duty_weights(duties), strict=True))
    titles = titles or []
    texts = [d.text for _, d, _ in flat] + [t.value for _, t in titles]
    vectors = scorer.encoder.queries(texts) if texts else None
    scores = scorer.score(texts, vectors)
    scores, title_scores = scores[: len(flat)], scores[len(flat):]
    entry = catalog.get(chosen_code) if chosen_code else None
    chosen = scorer.index.position(entry.code) if entry else None
    fits = []
    for (path, duty, weight), row in zip(flat, scores, strict=True):
        best = int(np.argmax(row))
        # a code matches when it is near the duty's best AND good enough on its own
        matched = (row >= row[best] - thresholds.margin) & (row >= thresholds.match_min)
        if chosen is not None and row[best] >= thresholds.match_min:
            # the benefit of the doubt an officer gives the code filed under: a wider margin
            matched[chosen] |= bool(row[chosen] >= max(row[best] - thresholds.chosen_margin, thresholds.match_min))
        fits.append(DutyFit(duty, path, weight, row, matched, best))
    n = scorer.n
    coverage = np.zeros(n, dtype=np.float32)
    mean_score = np.zeros(n, dtype=np.float32)
    for fit in fits:
        coverage += fit.weight * fit.matched
        mean_score += fit.weight * fit.scores
    # a duty that fits no code at all (best score under match_min) is too unclear to count for or
    # against any code: coverage is a share of the duties that can be judged
    judged_weight = sum(f.weight for f in fits if not f.abstained)
    if judged_weight > 0:
        coverage /= judged_weight
    result = CaseAlignment(scorer.index.entries, fits, coverage, mean_score, scorer.eligible, thresholds, chosen,
                           encoder=scorer.encoder.name, catalog_key=scorer.index.key)
    answered = [f for f in fits if not f.abstained]
    if len(answered) < thresholds.min_duties:
        result.abstain_reason = (
            f"only {len(answered)} duty line(s) specific enough to compare with the catalog "
            f"(at least {thresholds.min_duties} needed)"
        )
    result.titles = [TitleFit(path, title, row) for (path, title), row in zip(titles, title_scores, strict=True)]
    if fits and vectors is not None:
        weights = np.array([f.weight for f in fits])
        duty_vectors = np.asarray(vectors[: len(fits)])
        result.judgement = judge(scorer, duty_vectors, scores, weights, coverage, scorer.index.entries)
        if result.judgement is not None and result.judgement.best is not None:
            result.reason = reason(scorer, duty_vectors, scores, [f.duty.text for f in fits], result.judgement.best)
    result.suggestions = _suggestions(result)
    return result


def _suggestions(result: CaseAlignment) -> list[dict[str, Any]]:
    """The best codes (at least 3), and the chosen code after them if it is not among them."""
    if not result.fits:
        return []
    # ranked by coverage plus mean score: after the best, the nearest alternatives (2223 beside
    # 2224) rather than codes that happen to share one ambiguous duty
    eligible = [i for i in range(len(result.entries)) if result.eligible[i]]
    order = sorted(eligible, key=lambda i: -(float(result.coverage[i]) + float(result.mean_score[i])))
    best = result.best
    if best is not None:
        order = [best, *(i for i in order if i != best)]
    if result.judgement is not None:  # the judged order first: function, field, probability
        judged = [i for i in result.judgement.positions if result.eligible[i]]
        order = [*judged, *(i for i in order if i not in judged)]
    positions = order[: max(3, result.thresholds.suggestions)]
    if result.chosen is not None and result.chosen not in positions:
        positions.append(result.chosen)
    return [_suggestion(result, i) for i in positions]


def _suggestion(result: CaseAlignment, i: int) -> dict[str, Any]:
    entry = result.entries[i]
    chosen = result.entries[result.chosen] if result.chosen is not None else None
    return {
        "code": entry.code,
        "title": entry.title,
        "subcategory": entry.subcategory,
        "coverage": round(float(result.coverage[i]), 3),
        "score": round(float(result.mean_score[i]), 3),
        "chosen": result.chosen == i,
        "same_group_as_chosen": entry.parent_group == chosen.parent_group if chosen else None,
        "duties": [f.duty.text for f in result.supporting(i, result.thresholds.supporting)],
        "probability": round(result.judgement.probability_of(i), 3) if result.judgement else None,
        "reason": result.reason if result.judgement and result.judgement.best == i else [],
    }
