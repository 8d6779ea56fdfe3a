"""Reading accuracy on the blind corpus (bench/corpus/, see bench/corpus.py): development and
held-out parts side by side, each also by writing round (corpus.ROUNDS: the reader was tuned on
round 1's development part; round 2 was written afterwards), per language and per format.

    .venv/bin/python bench/extraction.py                 # both parts, aggregate tables
    .venv/bin/python bench/extraction.py --part dev -v   # development part, every miss listed

Each labelled file is read by doclint's readers and doclint.nlp.understand(), as `check` does.
Fields are scored against the labels their writers gave:
- type: equal; title: the title found equals the label or its other-language form (normalised,
  rank words aside; difflib ratio ≥ 0.85 or one contains the other), over files whose label has
  a title; duty lines: labelled and extracted items paired one-to-one by similarity ≥ 0.85
  (recall = paired / labelled, precision = paired / extracted);
- reason / qualification / posting presence: doclint's fact against the label, for the
  documents whose rules read it (statements; posting for contracts and statements);
- absence findings on clean documents: DL102/DL301/DL202/DL203 at warning or error, and DL104,
  from `doclint.check` run on the whole case.
The held-out part is verified against its frozen hash and never listed file by file."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus
from extraction import norm  # the same normalisation as the team's own set

DUTY_MATCH = 0.85
TARGETS = {"type": 0.99, "title": 0.95, "duty recall": 0.97, "duty precision": 0.95,
           "reason": 0.95, "qualification": 0.95, "posting": 0.95}
ABSENCE_RULES = ("DL102", "DL301", "DL202", "DL203")
DUTY_TYPES = {"employment_contract", "employment_reason_statement", "previous_employer_letter"}


def labelled_duties(labels: dict[str, Any]) -> list[list[str]]:
    """Each labelled duty with its other-language form, when the writer gave one."""
    out = [[str(d)] for d in labels.get("duties") or []]
    for i, alt in enumerate(labels.get("duties_alternatives") or []):
        if i < len(out) and alt:
            out[i].append(str(alt))
    return out


def duty_tally(docs: list[tuple[corpus.LabelledFile, Any]]) -> tuple[int, int, int]:
    """(paired, labelled, found) duty lines over documents of the types that state duties."""
    paired = want = got = 0
    for item, facts in docs:
        if item.labels.get("type") not in DUTY_TYPES:
            continue
        labelled = labelled_duties(item.labels)
        found = [d.text for d in facts.duties]
        paired += match_duties(labelled, found)
        want += len(labelled)
        got += len(found)
    return paired, want, got


def _similar(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def match_duties(want: list[list[str]], got: list[str]) -> int:
    """Pairs one-to-one, best first; each labelled duty may be matched in any of its languages."""
    scored = []
    for i, forms in enumerate(want):
        for j, g in enumerate(got):
            r = max(_similar(w, g) for w in forms)
            if r >= DUTY_MATCH:
                scored.append((r, i, j))
    used_i: set[int] = set()
    used_j: set[int] = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
    return len(used_i)


def title_ok(got: Any, labels: dict[str, Any]) -> bool:
    forms = [labels.get("title"), *(labels.get("title_alternatives") or [])]
    forms = [f for f in forms if f]
    if got is None:
        return False
    values = {got.value, got.text}
    bare = re.compile(r"\s*[(（][^()（）]*[)）]")  # "Consultant (Operations)" ≈ "Consultant"
    forms += [bare.sub("", f) for f in forms]
    values |= {bare.sub("", v) for v in values}
    for form in forms:
        for value in values:
            a, b = norm(form), norm(value)
            if not a or not b:
                continue
            if _similar(form, value) >= DUTY_MATCH or (a in b and len(a) >= 0.5 * len(b)) or (b in a and len(b) >= 0.6 * len(a)):
                return True
    return False


class Tally:
    def __init__(self) -> None:
        self.n: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, key: str, ok: bool | int, total: int = 1) -> None:
        self.n[key][0] += int(ok)
        self.n[key][1] += total


def score_file(item: corpus.LabelledFile, tallies: list[Tally], misses: list[str] | None) -> None:
    from doclint.model import ReadError
    from doclint.nlp import understand
    from doclint.readers import read

    labels = item.labels
    try:
        doc = read(item.path, str(item.path))
        facts = understand(doc)
    except ReadError as exc:
        for t in tallies:
            t.add("unreadable", 1)
        if misses is not None:
            misses.append(f"{item.case}/{item.path.name}: unreadable ({exc})")
        return
    want_type = labels.get("type")
    got_duties = [d.text for d in facts.duties]
    want_duties = labelled_duties(labels)
    paired = match_duties(want_duties, got_duties) if want_type in DUTY_TYPES else 0
    results: dict[str, tuple[int, int]] = {"type": (int(facts.doc_type.value == want_type), 1)}
    if labels.get("title"):
        results["title"] = (int(title_ok(facts.title, labels)), 1)
    if want_type in DUTY_TYPES:
        results["duty recall"] = (paired, len(want_duties))
        results["duty precision"] = (paired, len(got_duties))
    if want_type == "employment_reason_statement":
        results["reason"] = (int((facts.foreign_reason is not None) == bool(labels.get("foreign_worker_reason"))), 1)
        results["qualification"] = (int((facts.qualification_link is not None) == bool(labels.get("qualification_link"))), 1)
    if want_type in ("employment_contract", "employment_reason_statement"):
        results["posting"] = (int(bool(facts.posting_phrases) == bool(labels.get("posting_language"))), 1)
    for t in tallies:
        for key, (ok, total) in results.items():
            t.add(key, ok, total)
    if misses is not None:
        wrong = [k for k, (ok, total) in results.items() if ok < total]
        if wrong:
            got = {
                "type": facts.doc_type.value,
                "title": facts.title.value if facts.title else None,
                "reason": facts.foreign_reason is not None,
                "qualification": facts.qualification_link is not None,
                "posting": [p.text for p in facts.posting_phrases],
            }
            want = {"type": want_type, "title": labels.get("title"), "reason": labels.get("foreign_worker_reason"),
                    "qualification": labels.get("qualification_link"), "posting": labels.get("posting_language")}
            misses.append(f"## {item.case}/{item.path.name} [{labels.get('layout')}, {labels.get('language')}, {labels.get('format')}]")
            for k in wrong:
                if k.startswith("duty"):
                    continue
                misses.append(f"  {k}: got {got.get(k)!r}, want {want.get(k)!r}")
            if any(k.startswith("duty") for k in wrong):
                misses.append(f"  duties: {paired} paired; want {len(want_duties)}, got {len(got_duties)}")
                for w in want_duties:
                    if not any(max(_similar(f, g) for f in w) >= DUTY_MATCH for g in got_duties):
                        misses.append(f"    missed: {w[0]}")
                for g in got_duties:
                    if not any(max(_similar(f, g) for f in w) >= DUTY_MATCH for w in want_duties):
                        misses.append(f"    extra:  {g}")


def absence_findings(part: str, misses: list[str] | None) -> dict[str, dict[str, list[int]]]:
    """On clean documents, per writing round: absence findings (warning/error) and DL104, per
    rule: [docs, findings]."""
    from doclint.context import RunContext
    from doclint.discovery import discover
    from doclint.engine import run
    from doclint.run import build_options

    keys = ("clean documents", "absence (warning/error)", "absence (info: unclear)", "job-posting-language")
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {k: [0, 0] for k in keys})
    for case_dir, _ in corpus.cases(part):
        clean = {f.path.name: f for f in corpus.files(part) if f.path.parent == case_dir and f.labels.get("clean")}
        if not clean:
            continue
        opts = build_options([str(case_dir)], {"select": ",".join((*ABSENCE_RULES, "DL104")), "no_progress": True, "jobs": 1})
        report = run(discover([str(case_dir)]), RunContext.build(opts))
        rows = (counts[f"{part} {corpus.round_of(case_dir.name)}"], counts[part])
        for row in rows:
            row["clean documents"][0] += len(clean)
        for case in report.cases:
            for f in case.findings:
                name = Path(f.path).name
                if name not in clean:
                    continue
                key = ("job-posting-language" if f.rule == "DL104" else
                       "absence (info: unclear)" if f.severity == "info" else "absence (warning/error)")
                for row in rows:
                    row[key][0] += 1
                if misses is not None:
                    misses.append(f"  clean {case_dir.name}/{name}: {f.rule} [{f.severity}] {f.message[:120]}")
    return counts


def table(title: str, columns: dict[str, Tally]) -> str:
    keys = ["type", "title", "duty recall", "duty precision", "reason", "qualification", "posting", "unreadable"]
    head = "| " + title + " | " + " | ".join(columns) + " | target |"
    lines = [head, "|---" * (len(columns) + 2) + "|"]
    for key in keys:
        if not any(key in t.n for t in columns.values()):
            continue
        cells = []
        for t in columns.values():
            ok, total = t.n.get(key, [0, 0])
            cells.append(f"{ok / total:.3f} ({ok}/{total})" if total else "–")
        target = TARGETS.get(key)
        lines.append(f"| {key} | " + " | ".join(cells) + f" | {'≥ ' + format(target, '.2f') if target else ''} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss (development part only)")
    parser.add_argument("--no-findings", action="store_true", help="skip the findings on clean documents")
    args = parser.parse_args(argv)
    parts = ["dev", "heldout"] if args.part == "both" else [args.part]
    if "heldout" in parts:
        corpus.verify()
    columns: dict[str, Tally] = defaultdict(Tally)  # "<part> <round>" and "<part>", in print order
    n_docs: dict[str, int] = defaultdict(int)
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_fmt: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    findings: dict[str, dict[str, list[int]]] = {}
    seconds: dict[str, float] = {}
    for part in parts:
        items = corpus.files(part)
        for name in corpus.ROUNDS:
            if any(corpus.round_of(i.case) == name for i in items):
                columns[f"{part} {name}"]
        start = time.perf_counter()
        for item in items:
            show = misses if (args.verbose and part == "dev") else None
            column = f"{part} {corpus.round_of(item.case)}"
            n_docs[column] += 1
            n_docs[part] += 1
            tallies = [columns[column], columns[part]]
            if part == "heldout" or args.part != "both":
                tallies += [by_lang[str(item.labels.get("language"))], by_fmt[str(item.labels.get("format"))]]
            score_file(item, tallies, show)
        seconds[part] = time.perf_counter() - start
        if not args.no_findings:
            findings.update(absence_findings(part, misses if (args.verbose and part == "dev") else None))
    print(table("field", {f"{c} ({n_docs[c]} docs)": t for c, t in columns.items()}))
    scope = "held-out" if "heldout" in parts and args.part == "both" else parts[0]
    print()
    print(table(f"{scope}: by language", dict(sorted(by_lang.items()))))
    print()
    print(table(f"{scope}: by format", dict(sorted(by_fmt.items()))))
    if findings:
        order = [c for c in columns if c in findings]
        print()
        print("| on clean documents | " + " | ".join(order) + " |")
        print("|---" * (len(order) + 1) + "|")
        for key in findings[order[0]]:
            print(f"| {key} | " + " | ".join(str(findings[c][key][0]) for c in order) + " |")
    print()
    print("reading time: " + ", ".join(f"{p} {seconds[p] / max(n_docs[p], 1) * 1000:.0f} ms/doc" for p in parts))
    if misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
