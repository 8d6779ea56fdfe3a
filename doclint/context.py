"""RunContext: what every part of one run shares — the options in force, the code catalog and the
scorer (the encoder with the embedded catalog) — built once per run and handed down to the engine,
the rules and the reports, instead of each looking them up in a cache of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from doclint.config import Options
from doclint.errors import UsageError

if TYPE_CHECKING:
    from doclint.align.scorer import AlignmentThresholds, Scorer
    from doclint.catalog import Catalog


@dataclass
class RunContext:
    options: Options
    catalog: Catalog
    _scorer: Scorer | None = field(default=None, repr=False)

    @classmethod
    def build(cls, options: Options, reuse: RunContext | None = None) -> RunContext:
        """Load the catalog and check [thresholds] against it; a bad one is a usage error (exit 2).
        `reuse`: a context of the same catalog and model (a server's) whose loaded parts are kept."""
        if reuse is not None and _same_models(reuse.options, options):
            return cls(options, reuse.catalog, reuse._scorer)
        from doclint.catalog import CatalogError, load_catalog
        from doclint.catalog.thresholds import check_overrides

        try:
            catalog = load_catalog(options.catalog)
        except CatalogError as exc:
            raise UsageError(str(exc)) from exc
        problem = check_overrides(options.thresholds, catalog)
        if problem:
            raise UsageError(f"{options.config_path or 'configuration'}: [thresholds] {problem}")
        return cls(options, catalog)

    def __getstate__(self) -> dict[str, object]:
        """A result coming back from a pool worker carries the options only: the catalog and the
        models stay where they were loaded (engine._run re-attaches the parent's context)."""
        return {"options": self.options, "catalog": None, "_scorer": None}

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def scorer(self) -> Scorer:
        """The encoder and the embedded catalog, loaded on first use (EncoderError if it cannot be)."""
        if self._scorer is None:
            from doclint.align import cache_folder
            from doclint.align.scorer import build_scorer

            self._scorer = build_scorer(self.catalog, self.options.model, cache_folder(self.options))
        return self._scorer

    def alignment_thresholds(self, encoder: str) -> AlignmentThresholds:
        from doclint.align.scorer import AlignmentThresholds

        return AlignmentThresholds.for_encoder(encoder, self.options.alignment)


def _same_models(a: Options, b: Options) -> bool:
    return (a.catalog, a.model, a.cache, a.thresholds) == (b.catalog, b.model, b.cache, b.thresholds)
