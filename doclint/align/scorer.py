"""Score text lines against every catalog entry: embeddings plus key-term evidence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from doclint.align.encoders import Encoder, get_encoder
from doclint.align.index import CatalogIndex, build_index, share_entries
from doclint.align.lexical import TermIndex, build_terms
from doclint.catalog.model import Catalog
from doclint.paths import rules_dir


@cache
def alignment_rules() -> dict[str, Any]:
    with (rules_dir() / "alignment.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class AlignmentThresholds:
    match_min: float
    margin: float
    chosen_margin: float
    title_gap: float
    score_gap: float
    min_duties: int
    coverage_min: float
    primary_min: float
    secondary_min: float
    drift_gap: float
    drift_min: float
    ineligible_min: float
    suggestions: int
    supporting: int

    @classmethod
    def for_encoder(cls, name: str, overrides: dict[str, Any] | None = None) -> AlignmentThresholds:
        data = alignment_rules()
        values: dict[str, Any] = dict(data["encoders"].get(name) or data["encoders"]["default"])
        values.update(data["case"])
        for key, value in (overrides or {}).items():  # doclint.toml [alignment]: coverage-min = 0.6
            field = key.replace("-", "_")
            if field in cls.__dataclass_fields__:
                values[field] = type(values[field])(value)
        return cls(**{k: values[k] for k in cls.__dataclass_fields__})


class Scorer:
    """Loaded once per process and reused for every case."""

    def __init__(self, catalog: Catalog, encoder: Encoder, cache_folder: Path | None) -> None:
        rules = alignment_rules()
        self.encoder = encoder
        self.index: CatalogIndex = build_index(catalog, encoder, bool(rules["index"]["names"]), cache_folder)
        self.terms: TermIndex = build_terms(self.index.entries)
        share_entries(self.index.key, self.index.entries)
        self.aggregate = str(rules["index"]["aggregate"])
        self.term_weight = float(rules["lexical"]["weight"])
        self.term_cap = float(rules["lexical"]["cap"])
        self.n = len(self.index.entries)
        self.eligible = np.array([e.eligible for e in self.index.entries], dtype=bool)
        # each entry's lines as one row of a padded gather index; the pad points at a -1 column
        lines = len(self.index.row_entry)
        counts = np.bincount(self.index.row_entry, minlength=self.n)
        width = max(2, int(counts.max()) if len(counts) else 2)
        self._gather = np.full((self.n, width), lines, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        for i in range(self.n):
            self._gather[i, : counts[i]] = np.arange(starts[i], starts[i] + counts[i])
        self._single = counts < 2  # entries with one line: their max, not a mean of two

    def score(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(len(texts), entries) scores; all texts in one encoder call (or their `vectors`)."""
        if not texts:
            return np.zeros((0, self.n), dtype=np.float32)
        if vectors is None:
            vectors = self.encoder.queries(texts)
        sims = vectors @ self.index.vectors.T  # (texts, lines)
        padded = np.hstack([sims, np.full((len(texts), 1), -1.0, dtype=sims.dtype)])
        grid = padded[:, self._gather]  # (texts, entries, width)
        top2 = np.partition(grid, grid.shape[2] - 2, axis=2)[:, :, -2:]
        if self.aggregate == "max":
            scores = top2.max(axis=2)
        else:  # mean of the entry's two best lines: one lucky line is weaker evidence
            scores = np.where(self._single, top2.max(axis=2), top2.mean(axis=2))
        scores = scores.astype(np.float32)
        if self.term_weight:
            for t, text in enumerate(texts):
                scores[t] += self.term_weight * np.minimum(self.terms.hits(text, self.n), self.term_cap)
        return scores


    def best_line(self, vector: np.ndarray, position: int) -> tuple[str, float]:
        """The index line of entry `position` closest to one text's vector, and its cosine."""
        rows = np.flatnonzero(self.index.row_entry == position)
        if not len(rows) or not self.index.texts:
            return "", 0.0
        sims = self.index.vectors[rows] @ vector
        k = int(np.argmax(sims))
        return self.index.texts[int(rows[k])], float(sims[k])


def build_scorer(catalog: Catalog, model: str | None, cache_folder: Path | None) -> Scorer:
    return Scorer(catalog, get_encoder(model, cache_folder), cache_folder)
