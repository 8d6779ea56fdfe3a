"""Property-based fuzzing (tests/fuzz_targets.py) on a short budget: every reader on random and
mutated files gives a Document or a ReadError; the salary, code and duty extractors give
well-formed, repeatable values. bench/fuzz.py runs the same targets for minutes. Inputs a fuzz
run once crashed on are kept in tests/fuzz_regressions/ and replayed here."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fuzz_targets import REGRESSIONS, ROOT, Target, targets
from hypothesis import settings

settings.load_profile(os.environ.get("DOCLINT_FUZZ_PROFILE", "ci"))


def as_test(target: Target):
    """The target as a hypothesis test, its example budget scaled from the loaded profile."""
    return target.test(max(1, round(settings.default.max_examples * target.scale)))


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.name)
def test_fuzz(target: Target) -> None:
    as_test(target)()


# one process for all of them, under an address-space limit: a regression to unbounded memory
# (the 1-dpi image took 24 GB) fails the test instead of the machine
_REPLAY = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from fuzz_targets import read_bytes
for name in sys.argv[3:]:
    doc = read_bytes(Path(name).read_bytes(), Path(name).suffix)
    print(Path(name).name, "document" if doc else "ReadError", flush=True)
"""


def test_regression_inputs() -> None:
    files = sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and p.suffix != ".md")
    assert files
    proc = subprocess.run(
        [sys.executable, "-c", _REPLAY, str(ROOT / "tests"), str(ROOT / "samples"), *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [line.split()[0] for line in proc.stdout.splitlines()] == [p.name for p in files]


def test_korean_copula_sentence_analyses() -> None:
    """The first crash fuzzing found: Kiwi's zero-length copula (개발자다) made spaCy raise."""
    from doclint.nlp.pipeline import analyse

    for text in ("지원자는 숙련된 개발자다.", "이다", "웹 개발자이다. 그리고 개발자다"):
        doc = analyse(text, "ko")
        assert doc.text == text and all(token.text for token in doc)


def test_image_dpi_metadata_cannot_blow_up_the_page(tmp_path) -> None:
    """Found writing the image fuzz target: a 600×400 image claiming 1 dpi was enlarged 200× for OCR (24 GB,
    86 s). Unbelievable dpi is read as the assumed scan dpi; real low-dpi scans are still enlarged,
    within the pixel budget."""
    from PIL import Image

    from doclint.readers.image import _pages
    from doclint.readers.limits import Limits

    with Image.open(REGRESSIONS / "image-1-dpi.png") as image:
        [(_, gray, dpi)] = list(_pages(image, Limits()))
    assert gray.size == (600, 400) and dpi == 200
    Image.new("L", (300, 150), 255).save(tmp_path / "fax.png", dpi=(100, 100))
    Image.new("L", (6000, 4000), 255).save(tmp_path / "photo.png", dpi=(72, 72))
    with Image.open(tmp_path / "fax.png") as image:
        [(_, gray, dpi)] = list(_pages(image, Limits()))
    assert gray.size == (600, 300) and round(dpi) == 200
    with Image.open(tmp_path / "photo.png") as image:
        [(_, gray, dpi)] = list(_pages(image, Limits()))
    assert 24_000_000 <= gray.width * gray.height <= 25_000_000 and dpi < 200
