"""spaCy without the parts doclint's blank pipelines never use, imported once per process.

- PyTorch: thinc imports it whenever it is installed (the sentence-transformers extra puts it
  there), ~1 s and ~170 MB. A None in sys.modules makes that one import fail inside thinc.
- spaCy's command line (`from .cli.info import info` in spacy/__init__): ~0.15 s of download
  and packaging code (requests, httpx). A stand-in module answers that import.
Both are removed from sys.modules right after, so torch and spacy.cli stay importable for code
that really wants them. A spaCy that needs more of its CLI at import falls back to a plain import."""

from __future__ import annotations

import sys
import types
from typing import Any


def _cli_stand_ins() -> list[str]:
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = lambda *args, **kwargs: None  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    return ["spacy.cli", "spacy.cli.info"]


def _forget(names: list[str]) -> None:
    for name in names:
        sys.modules.pop(name, None)


def import_spacy() -> Any:
    if "spacy" in sys.modules:
        import spacy

        return spacy
    blocked = [] if "torch" in sys.modules else ["torch"]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    stand_ins = _cli_stand_ins()
    try:
        try:
            import spacy
        except ImportError:
            _forget(stand_ins + [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")])
            stand_ins = []
            import spacy
    finally:
        _forget(blocked + stand_ins)
    return spacy
