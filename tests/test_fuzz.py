"""Property-based fuzzing (tests/fuzz_targets.py) on a short budget: every reader on random and
mutated files gives a Document or a ReadError; the salary, code and duty extractors give
well-formed, repeatable values. bench/fuzz.py runs the same targets for minutes. Inputs a fuzz
run once crashed on are kept in tests/fuzz_regressions/ and replayed here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fuzz_targets import REGRESSIONS, Target, read_bytes, targets
from hypothesis import given, settings

settings.load_profile(os.environ.get("DOCLINT_FUZZ_PROFILE", "ci"))


def as_test(target: Target):
    """The target as a hypothesis test, its example budget scaled from the loaded profile."""
    budget = max(1, round(settings.default.max_examples * target.scale))
    return settings(max_examples=budget)(given(target.strategy)(target.check))


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.name)
def test_fuzz(target: Target) -> None:
    as_test(target)()


@pytest.mark.parametrize("path", sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and p.suffix != ".md"), ids=lambda p: p.name)
def test_regression_input(path: Path) -> None:
    read_bytes(path.read_bytes(), path.suffix)


def test_korean_copula_sentence_analyses() -> None:
    """The first crash fuzzing found: Kiwi's zero-length copula (개발자다) made spaCy raise."""
    from doclint.nlp.pipeline import analyse

    for text in ("지원자는 숙련된 개발자다.", "이다", "웹 개발자이다. 그리고 개발자다"):
        doc = analyse(text, "ko")
        assert doc.text == text and all(token.text for token in doc)
