"""Fuzz doclint for a while: the targets of tests/fuzz_targets.py under hypothesis's "long" profile,
in rounds, until each target's share of the time is spent. Prints, per target, the examples tried,
examples per second, how many reached a Document, and the failures (with hypothesis's
reproduction blob). Failing examples are remembered in bench/out/hypothesis and tried first next
time; turn each into a file in tests/fuzz_regressions/ once fixed.

    .venv/bin/python bench/fuzz.py --minutes 10
    .venv/bin/python bench/fuzz.py --minutes 2 --target pdf-mutated --target salary
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "samples"))

import fuzz_targets  # noqa: E402
from fuzz_targets import Target, targets  # noqa: E402
from hypothesis import settings  # noqa: E402


@dataclass
class Tally:
    examples: int = 0
    documents: int = 0  # reader targets: inputs that read as a Document (the rest: ReadError)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def _counting(target: Target, tally: Tally):
    def check(case: object) -> None:
        tally.examples += 1
        target.check(case)

    return check


def fuzz(target: Target, seconds: float, tally: Tally) -> None:
    """Rounds of fresh random examples until `seconds` are spent or one fails. A round cannot be
    stopped halfway, so each is sized from the rate so far to what time is left (at most the
    long profile's budget for the target)."""
    cap = max(1, round(settings.get_profile("long").max_examples * target.scale))
    end = time.monotonic() + seconds
    size = 5
    while time.monotonic() < end and not tally.failures:
        start = time.monotonic()
        try:
            target.test(size, _counting(target, tally))()
        except Exception as exc:  # a failure, after hypothesis has shrunk it
            tally.failures.append("".join(traceback.format_exception_only(exc)).strip()[-2000:])
        tally.seconds += time.monotonic() - start
        rate = tally.examples / max(tally.seconds, 1e-3)
        size = max(1, min(cap, int(rate * (end - time.monotonic()))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0, help="total time, shared by the targets")
    parser.add_argument("--target", action="append", help="only these targets (repeatable)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pdfminer and fontTools narrate every broken file
    settings.load_profile("long")
    chosen = [t for t in targets() if not args.target or t.name in args.target]
    if not chosen:
        sys.exit(f"no such target; choose from: {', '.join(t.name for t in targets())}")
    share = args.minutes * 60 / len(chosen)
    tallies: dict[str, Tally] = {}
    documents = 0

    real_read = fuzz_targets.read_bytes

    def read_counting(data: bytes, suffix: str, understand: bool = True) -> object:
        nonlocal documents
        doc = real_read(data, suffix, understand)
        documents += doc is not None
        return doc

    fuzz_targets.read_bytes = read_counting  # the checks look it up at call time
    for target in chosen:
        tally = tallies[target.name] = Tally()
        documents = 0
        print(f"{target.name}: fuzzing for {share:.0f} s …", file=sys.stderr, flush=True)
        fuzz(target, share, tally)
        tally.documents = documents
    print(f"\n{'target':<16} {'examples':>9} {'ex/s':>7} {'read':>6} {'seconds':>8}  failures")
    for name, t in tallies.items():
        rate = t.examples / t.seconds if t.seconds else 0.0
        print(f"{name:<16} {t.examples:>9} {rate:>7.1f} {t.documents:>6} {t.seconds:>8.1f}  {len(t.failures)}")
    for name, t in tallies.items():
        for failure in t.failures:
            print(f"\n--- {name} ---\n{failure}")
    sys.exit(1 if any(t.failures for t in tallies.values()) else 0)


if __name__ == "__main__":
    main()
