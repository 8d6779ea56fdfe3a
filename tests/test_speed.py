"""Speed measures that change what a process loads or sends (issue 10): spaCy without PyTorch or
its CLI, and cases that come back from forked workers without the catalog."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from doclint.align.case_alignment import CaseAlignment, align
from doclint.align.index import SHARED
from doclint.align.scorer import AlignmentThresholds
from doclint.catalog import load_catalog
from doclint.config import Options
from doclint.context import RunContext
from doclint.model import Duty

PROBE = """
import json, sys
from doclint.nlp.clauses import _lemmas
assert _lemmas("carrying", "VERB") == ("carry",)  # lemminflect imports spaCy: it must come in our way
from doclint.nlp.pipeline import analyse
ko = analyse("웹사이트 프론트엔드 개발 및 유지보수를 담당함")
en = analyse("Develop and maintain the web front end. Test it.")
loaded = {name: name in sys.modules for name in ("torch", "requests", "httpx", "spacy.cli")}
import spacy.cli  # the real one stays importable
print(json.dumps({"ko": [t.text for t in ko], "en": len(list(en.sents)), "loaded": loaded,
                  "cli": hasattr(spacy.cli, "download")}))
"""


def test_spacy_loads_without_torch_or_its_cli() -> None:  # also through lemminflect
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "개발" in data["ko"] and "를" in data["ko"]  # Kiwi split the particle off
    assert data["en"] == 2
    assert data["loaded"] == {"torch": False, "requests": False, "httpx": False, "spacy.cli": False}
    assert data["cli"]


_ALIGNMENT: CaseAlignment | None = None


def _pickled_in_worker() -> tuple[int, CaseAlignment]:
    assert _ALIGNMENT is not None
    return len(pickle.dumps(_ALIGNMENT)), _ALIGNMENT


def test_worker_sends_case_without_the_catalog() -> None:
    """A forked worker leaves the catalog entries (the parent's own list) out of each case it sends
    back; the parent gets the same list back in, and a case pickled where it was made keeps it."""
    global _ALIGNMENT
    options = Options()
    scorer = RunContext.build(options).scorer
    duties = [Duty("React로 자사 쇼핑몰 웹 프론트엔드 화면 개발"), Duty("Maintain the REST API of the online shop")]
    thresholds = AlignmentThresholds.for_encoder(scorer.encoder.name)
    _ALIGNMENT = align([("contract.docx", duties)], scorer, thresholds, load_catalog(None), "2224")
    here = len(pickle.dumps(_ALIGNMENT))
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        size, back = pool.submit(_pickled_in_worker).result()
    assert size * 5 < here  # the entries are most of a case
    # the parent's own list (one of them, if earlier tests loaded the same catalog twice)
    assert any(back.entries is held for held, _ in SHARED[_ALIGNMENT.catalog_key])
    assert [e.code for e in back.entries] == [e.code for e in scorer.index.entries]
    assert [s["code"] for s in back.suggestions] == [s["code"] for s in _ALIGNMENT.suggestions]
    local: Any = pickle.loads(pickle.dumps(_ALIGNMENT))
    assert local.entries is not scorer.index.entries and len(local.entries) == len(scorer.index.entries)
