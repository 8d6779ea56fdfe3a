"""Extraction accuracy. Without --set: the blind corpus (bench/corpus/, see bench/reading.py),
development and held-out parts side by side. With --set: the team's own labelled set
(tests/extraction/labelled.yaml), rendered from markup — kept as a regression floor, not as a
measure of reading documents written by others.

    .venv/bin/python bench/extraction.py [--part dev|heldout|both] [-v]
    .venv/bin/python bench/extraction.py --set tests/extraction/labelled.yaml [--formats docx,pdf,txt] [-v]

Each labelled document (markup of docs/markup.md) is rendered to a real file (samples/render.py),
read by doclint's readers and understood by doclint.nlp.understand(); every field is scored
against its label. Prints Markdown tables (accuracy, speed) for the README.

Duty items are matched fairly, not literally: both sides are normalised (NFC, case-folded,
whitespace and punctuation removed) and paired one-to-one, best first, when their similarity
(difflib ratio) is ≥ 0.85. Recall = matched / labelled, precision = matched / extracted, summed
over the set. Shares are scored on the matched pairs (equal within 0.01, or both unstated)."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
DEFAULT_SET = ROOT / "tests" / "extraction" / "labelled.yaml"
DUTY_MATCH = 0.85
TARGETS = {"type": 0.95, "title": 0.95, "codes": 0.95, "salary": 0.95, "duty_recall": 0.90, "duty_precision": 0.90}
FIELDS = ("type", "language", "title", "rank", "codes", "subcategory", "salary", "employer", "industry")


@dataclass
class Labelled:
    name: str
    fmt: str
    markup: str
    expected: dict[str, Any]


@dataclass
class Result:
    name: str
    fmt: str
    ok: dict[str, bool] = field(default_factory=dict)
    got: dict[str, Any] = field(default_factory=dict)
    want: dict[str, Any] = field(default_factory=dict)
    duty_matched: int = 0
    duty_expected: int = 0
    duty_extracted: int = 0
    share_ok: int = 0
    share_total: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- loading the set

_EXPECTED_KEYS = ("expected", "expect", "labels", "label", "facts")
_KEY_ALIASES = {
    "doc_type": "type", "document_type": "type", "lang": "language",
    "title_rank": "rank", "job_title": "title", "salary": "annual_salary_krw",
    "annual_salary": "annual_salary_krw", "code": "codes",
}


def load_set(path: Path) -> list[Labelled]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data
    if isinstance(data, dict):
        items = next((data[k] for k in ("documents", "docs", "items", "cases") if k in data), None)
        if items is None:  # {name: {...}}
            items = [{"name": k, **v} for k, v in data.items() if isinstance(v, dict)]
    out: list[Labelled] = []
    for i, item in enumerate(items):
        expected = next((item[k] for k in _EXPECTED_KEYS if k in item), item)
        expected = {_KEY_ALIASES.get(k, k): v for k, v in expected.items()}
        name = str(item.get("id") or item.get("name") or item.get("file") or f"doc{i:03d}")
        fmt = str(item.get("format") or item.get("render") or item.get("ext") or Path(name).suffix.lstrip(".") or "docx")
        markup = item.get("markup") or item.get("source") or item.get("text") or ""
        out.append(Labelled(name, fmt.lstrip("."), markup, expected))
    return out


# ---------------------------------------------------------------- scoring

def norm(text: Any) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return re.sub(r"[\W_]+", "", text)


def same_text(a: Any, b: Any) -> bool:
    return norm(a) == norm(b)


def duties_of(expected: dict[str, Any]) -> list[tuple[str, float | None]]:
    raw = expected.get("duties") or []
    shares = expected.get("shares")
    out: list[tuple[str, float | None]] = []
    for i, d in enumerate(raw):
        if isinstance(d, dict):
            out.append((str(d.get("text", "")), _share(d.get("share"))))
        else:
            share = shares[i] if isinstance(shares, list) and i < len(shares) else None
            out.append((str(d), _share(share)))
    return out


def _share(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = float(value.strip().rstrip("%")) / (100 if value.strip().endswith("%") else 1)
    value = float(value)
    return value / 100 if value > 1 else value


def match_duties(want: list[str], got: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (i_want, j_got) with ratio ≥ DUTY_MATCH, best pairs first."""
    scored = []
    for i, w in enumerate(want):
        # a bilingual label "중남미 바이어 발굴 / Find buyers" is matched by either language
        forms = [w, *(p for p in re.split(r"\s+/\s+|\s*[(（](?=[A-Za-z])|[)）]\s*$", w) if p and p.strip())]
        for j, g in enumerate(got):
            r = max(SequenceMatcher(None, norm(f), norm(g)).ratio() for f in forms)
            if r >= DUTY_MATCH:
                scored.append((r, i, j))
    pairs: list[tuple[int, int]] = []
    used_i: set[int] = set()
    used_j: set[int] = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def score(doc: Labelled, facts: Any, seconds: float) -> Result:
    exp = doc.expected
    res = Result(doc.name, doc.fmt, seconds=seconds)
    got = {
        "type": facts.doc_type.value,
        "language": facts.language,
        "title": facts.title.value if facts.title else None,
        "rank": facts.title.rank if facts.title else None,
        "codes": sorted({m.code for m in facts.codes}),
        "subcategory": facts.subcategory.text if facts.subcategory else None,
        "salary": facts.salary.annual_krw if facts.salary else None,
        "employer": facts.employer.text if facts.employer else None,
        "industry": facts.industry.text if facts.industry else None,
    }
    want = {
        "type": exp.get("type"),
        "language": exp.get("language"),
        "title": exp.get("title"),
        "rank": exp.get("rank"),
        "codes": sorted({str(c).upper() for c in (exp.get("codes") or [])}) if not isinstance(exp.get("codes"), str) else [exp["codes"].upper()],
        "subcategory": exp.get("subcategory"),
        "salary": exp.get("annual_salary_krw"),
        "employer": exp.get("employer"),
        "industry": exp.get("industry"),
    }
    for key in FIELDS:
        if key not in exp and not (key == "salary" and "annual_salary_krw" in exp):
            continue  # not labelled: not scored
        if key in ("title", "rank", "subcategory", "employer", "industry"):
            ok = same_text(got[key], want[key])
        elif key == "salary":
            ok = (got[key] or None) == (int(want[key]) if want[key] is not None else None)
        else:
            ok = got[key] == want[key]
        res.ok[key] = ok
        res.got[key], res.want[key] = got[key], want[key]
    if "duties" in exp:
        labelled = duties_of(exp)
        extracted = [(d.text, d.share) for d in facts.duties]
        pairs = match_duties([w for w, _ in labelled], [g for g, _ in extracted])
        res.duty_expected, res.duty_extracted, res.duty_matched = len(labelled), len(extracted), len(pairs)
        matched_i = {i for i, _ in pairs}
        matched_j = {j for _, j in pairs}
        res.missed = [w for i, (w, _) in enumerate(labelled) if i not in matched_i]
        res.extra = [g for j, (g, _) in enumerate(extracted) if j not in matched_j]
        for i, j in pairs:
            ws, gs = labelled[i][1], extracted[j][1]
            res.share_total += 1
            res.share_ok += (ws is None and gs is None) or (ws is not None and gs is not None and abs(ws - gs) <= 0.01)
    return res


# ---------------------------------------------------------------- running

def run(labelled: list[Labelled], formats: set[str] | None = None) -> tuple[list[Result], dict[str, float]]:
    from doclint.nlp import understand
    from doclint.nlp.kiwi_tokenizer import LOAD_SECONDS
    from doclint.nlp.pipeline import nlp_for
    from doclint.readers import read
    from render import render

    timing: dict[str, float] = {}
    start = time.perf_counter()
    nlp_for("en")
    timing["spacy_en_load_s"] = time.perf_counter() - start
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, doc in enumerate(labelled):
            if formats and doc.fmt not in formats:
                continue
            path = render(doc.markup, Path(tmp) / f"{i:03d}_{re.sub(r'[^A-Za-z0-9가-힣_-]+', '_', Path(doc.name).stem)}.{doc.fmt}")
            document = read(path, path.name)
            had_kiwi = "kiwi" in LOAD_SECONDS
            t0 = time.perf_counter()
            facts = understand(document)
            seconds = time.perf_counter() - t0
            if not had_kiwi and "kiwi" in LOAD_SECONDS:
                timing["first_korean_doc_s"] = seconds
                timing["kiwi_load_s"] = LOAD_SECONDS["kiwi"]
                t0 = time.perf_counter()
                understand(document)
                timing["first_korean_doc_again_s"] = time.perf_counter() - t0
                seconds = timing["first_korean_doc_again_s"]  # per-document speed is after load
            results.append(score(doc, facts, seconds))
    return results, timing


def summarise(results: list[Result]) -> dict[str, tuple[int, int]]:
    """metric → (correct, total)."""
    out: dict[str, tuple[int, int]] = {}
    for key in FIELDS:
        scored = [r.ok[key] for r in results if key in r.ok]
        out[key] = (sum(scored), len(scored))
    out["duty_recall"] = (sum(r.duty_matched for r in results), sum(r.duty_expected for r in results))
    out["duty_precision"] = (sum(r.duty_matched for r in results), sum(r.duty_extracted for r in results))
    out["shares"] = (sum(r.share_ok for r in results), sum(r.share_total for r in results))
    return out


def markdown(results: list[Result], timing: dict[str, float]) -> str:
    summary = summarise(results)
    lines = [
        f"Extraction on {len(results)} labelled documents "
        f"({', '.join(f'{n} {f}' for f, n in sorted(_count_formats(results).items()))}):",
        "",
        "| field | correct | total | accuracy | target |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, (ok, total) in summary.items():
        acc = ok / total if total else 1.0
        target = TARGETS.get(key)
        mark = "" if target is None else (f"≥ {target:.0%} ✓" if acc >= target else f"≥ {target:.0%} ✗")
        lines.append(f"| {key.replace('_', ' ')} | {ok} | {total} | {acc:.1%} | {mark} |")
    secs = sorted(r.seconds for r in results)
    if secs:
        lines += [
            "",
            "| speed (understand(), after load) | value |",
            "|---|---:|",
            f"| median per document | {statistics.median(secs) * 1000:.1f} ms |",
            f"| 95th percentile | {secs[min(len(secs) - 1, int(len(secs) * 0.95))] * 1000:.1f} ms |",
            f"| slowest | {secs[-1] * 1000:.1f} ms |",
        ]
        for key, label in (("spacy_en_load_s", "spaCy blank English pipeline load"),
                           ("kiwi_load_s", "Kiwi start-up (first Korean document)"),
                           ("first_korean_doc_s", "first Korean document, incl. Kiwi start-up"),
                           ("first_korean_doc_again_s", "same document again")):
            if key in timing:
                lines.append(f"| {label} | {timing[key] * 1000:.0f} ms |")
    return "\n".join(lines)


def _count_formats(results: list[Result]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.fmt] = counts.get(r.fmt, 0) + 1
    return counts


def details(results: list[Result]) -> str:
    out: list[str] = []
    for r in results:
        wrong = [k for k, ok in r.ok.items() if not ok]
        if wrong or r.missed or r.extra:
            out.append(f"## {r.name} ({r.fmt})")
            out += [f"  {k}: got {r.got[k]!r}, want {r.want[k]!r}" for k in wrong]
            out += [f"  missed duty: {m}" for m in r.missed]
            out += [f"  extra duty:  {e}" for e in r.extra]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=None,
                        help="the team's own labelled set (tests/extraction/labelled.yaml); without it, the blind corpus")
    parser.add_argument("--formats", default="", help="only these formats, e.g. docx,pdf")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args, rest = parser.parse_known_args(argv)
    if args.set is None:  # the blind corpus, development and held-out parts (bench/reading.py)
        sys.path.insert(0, str(ROOT / "bench"))
        import reading

        return reading.main(rest + (["--verbose"] if args.verbose else []))
    labelled = load_set(args.set)
    results, timing = run(labelled, set(args.formats.split(",")) - {""} or None)
    print(markdown(results, timing))
    if args.verbose:
        print()
        print(details(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
