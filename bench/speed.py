"""Speed of doclint on this machine, side by side with the floor (issue 10).

    .venv/bin/python bench/speed.py [--cases 300] [--out bench/out/speed.md] [--against REV]

Measures, in one run:
  1. cold start: `doclint check` on one 2-page .docx (English, Korean: a statement of employment
     reasons and a contract, so spaCy, Kiwi and the encoder all load), process start to exit,
     wall time and peak memory (median of 5 runs; the catalog-embedding cache already built);
  2. throughput: a generated folder of N cases / ~3.3 N documents (.docx, text .pdf, .txt; Korean,
     English, bilingual) with --jobs 1 and --jobs 2, documents per second and peak memory of
     the whole process tree (summed Pss: pages the workers share with the parent count once);
  3. the floor for the same documents: raw text extraction with the libraries alone (python-docx,
     pdfium, plain reads) plus one encoder pass over the same duty sentences — the work no design
     can avoid, timed in one process after its imports — and doclint's time as a ratio to it;
  4. the encoder alone, sentences per second;
  5. with --against REV: this checkout and commit REV (a temporary git worktree) on the same
     corpus, --jobs 1, run at the same time so that both see the same machine; the ratio of times.
Writes a Markdown table (the README's Performance section shows it)."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
DOCLINT = [sys.executable, "-m", "doclint"]


def _tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants, from /proc: the sum of their proportional set
    sizes (Pss), so pages that forked workers share with the parent (models loaded before the
    fork) count once, not once per process as a sum of RSS would. RSS where Pss is unreadable."""
    total = 0
    pids = [pid]
    seen = set()
    while pids:
        p = pids.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            total += _pss_kb(p)
            with open(f"/proc/{p}/task/{p}/children") as fh:
                pids.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def measure(cmd: list[str], env: dict[str, str] | None = None, tree: bool = True) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit code). tree: sample the whole process tree's Pss every 0.1 s
    (reading smaps takes the process's memory-map lock, so sampling slows what it measures;
    a one-process run needs none: its peak RSS comes from wait4)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, **(env or {})})
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    if tree:
        sampler.join()
    peak = max(peak, usage.ru_maxrss)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-500:]}")
    return wall, peak / 1024, proc.returncode


# ---------------------------------------------------------------------------------------------
# The generated corpus: the sample cases' documents, varied in names, numbers and format.

def build_corpus(folder: Path, n_cases: int, seed: int = 7) -> list[Path]:
    from build import CASES

    from render import render

    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    templates = [(name, files) for name, files in CASES.items() if name != "08-broken-upload"]
    formats = [".docx", ".pdf", ".txt"]
    written: list[Path] = []
    for i in range(n_cases):
        name, files = templates[i % len(templates)]
        case = folder / f"case-{i:04d}-{name[3:]}"
        docs = [(fn, src) for fn, src in files.items() if not fn.endswith(".toml")]
        # 3 or 4 documents a case: ~3.3 documents per case on average
        while len(docs) < 3 + (i % 3 == 0):
            docs.append(docs[len(docs) % len(docs)])
        for j, (filename, source) in enumerate(docs[: 3 + (i % 3 == 0)]):
            stem = Path(filename).stem
            # the formats only: .hwp/.hwpx and scans (OCR) have their own benchmarks
            original = Path(filename).suffix
            fmt = original if original in formats and rng.random() >= 0.8 else formats[(i + j) % 3]
            salary = rng.randrange(36, 90) * 1_000_000
            text = source.replace("48,000,000", f"{salary:,}").replace("42,000,000", f"{salary:,}")
            written.append(render(text, case / f"{j}-{stem}{fmt}"))
    return written


def two_page_doc(folder: Path, lang: str) -> Path:
    from build import CASES

    from render import render

    # the statement first: read as a 고용사유서, it takes the full path (reasons and qualification
    # cues through spaCy, Kiwi for the Korean lines, duties through the encoder)
    if lang == "ko":
        body = CASES["01-kim-web-developer"]["고용사유서.pdf"] + "\n@pagebreak\n" + CASES["01-kim-web-developer"]["근로계약서.docx"]
    else:
        body = CASES["03-priya-overseas-sales"]["statement_of_employment_reasons.docx"] + "\n@pagebreak\n" + CASES["03-priya-overseas-sales"]["contract.pdf"]
    return render(body, folder / f"two-page-{lang}.docx")


# ---------------------------------------------------------------------------------------------
# Against an earlier commit. This machine's speed drifts by ±15% from minute to minute (shared
# cores), more than the differences worth knowing; two runs at the same time, one core each, see
# the same machine, so their ratio is steady where their times are not.

def against(rev: str, corpus: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Times of this checkout and of commit `rev` (a git worktree in a temporary folder, removed
    afterwards: an old commit's files are not left in the project)."""
    with tempfile.TemporaryDirectory(prefix="doclint-against-") as folder:
        tree = Path(folder) / rev
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return _paired(tree, corpus, rounds)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _paired(tree: Path, corpus: Path, rounds: int) -> tuple[list[float], list[float]]:
    cmd = [*DOCLINT, "check", str(corpus), "--jobs", "1", "--format", "json", "--output", os.devnull, "--no-progress"]
    walls: dict[str, list[float]] = {"this": [], "then": []}

    def run(name: str, folder: Path) -> None:
        started = time.perf_counter()
        subprocess.run(cmd, cwd=folder, env={**os.environ, "PYTHONPATH": str(folder)},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls[name].append(time.perf_counter() - started)

    for _ in range(rounds):
        pair = [threading.Thread(target=run, args=("this", ROOT)), threading.Thread(target=run, args=("then", tree))]
        for t in pair:
            t.start()
        for t in pair:
            t.join()
    return walls["this"], walls["then"]


# ---------------------------------------------------------------------------------------------
# The floor: what no design can avoid.

def raw_extract(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    return path.read_text(encoding="utf-8")


def duty_sentences(paths: list[Path]) -> list[str]:
    from doclint.nlp import understand
    from doclint.readers import read

    out = []
    for p in paths:
        try:
            out.extend(d.text for d in understand(read(p, str(p))).duties)
        except Exception:
            continue
    return out


def encoder():
    try:
        from doclint.align.encoders import default_encoder  # type: ignore[attr-defined]
    except ImportError:
        return None
    return default_encoder()


def floor_seconds(paths: list[Path], sentences: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    for p in paths:
        raw_extract(p)
    extract = time.perf_counter() - started
    enc = encoder()
    encode = 0.0
    if enc is not None and sentences:
        raw = getattr(enc, "_encode_queries", enc.queries)  # not the memo: understand() above filled it
        raw(sentences[:8])  # load outside the timing
        started = time.perf_counter()
        raw(sentences)
        encode = time.perf_counter() - started
    return extract, encode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "speed.md")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "speed-corpus")
    ap.add_argument("--against", metavar="REV", help="also time an earlier commit on the same corpus, both at once")
    ap.add_argument("--rounds", type=int, default=2, help="paired rounds with --against")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []

    def add(*row: str) -> None:
        rows.append(row)  # type: ignore[arg-type]
        print(" | ".join(row), file=sys.stderr, flush=True)

    # warm the caches (catalog embeddings) once, like any second run on a machine
    one = {lang: two_page_doc(args.work, lang) for lang in ("en", "ko")}
    measure([*DOCLINT, "check", str(one["en"]), "--no-progress"])
    for lang in ("en", "ko"):
        runs = [measure([*DOCLINT, "check", str(one[lang]), "--no-progress"], tree=False) for _ in range(5)]
        wall = statistics.median(r[0] for r in runs)
        mem = max(r[1] for r in runs)
        add(f"cold start, one 2-page .docx ({'Korean' if lang == 'ko' else 'English'})", f"{wall:.2f} s", f"{mem:.0f} MB peak")

    corpus = args.work / "cases"
    paths = build_corpus(corpus, args.cases)
    n_docs = len(paths)
    results = {}
    for jobs in (1, 2):
        wall, mem, _ = measure([*DOCLINT, "check", str(corpus), "--jobs", str(jobs), "--format", "json", "--output", os.devnull, "--no-progress"])
        results[jobs] = wall
        add(f"throughput, {args.cases} cases / {n_docs} documents, --jobs {jobs}", f"{n_docs / wall:.1f} documents/s ({wall:.1f} s)", f"{mem:.0f} MB peak")

    if args.against:
        this, then = against(args.against, corpus, args.rounds)
        ratio = statistics.median(a / b for a, b in zip(this, then, strict=True))
        add(f"against {args.against}: the same {n_docs} documents, --jobs 1, both running at once ({args.rounds} rounds)",
            f"{ratio:.2f}× its time", "this: " + ", ".join(f"{t:.1f}" for t in this) + " s; then: " + ", ".join(f"{t:.1f}" for t in then) + " s")

    sentences = duty_sentences(paths)
    extract, encode = floor_seconds(paths, sentences)
    floor = extract + encode
    add(f"floor: raw text extraction of the {n_docs} documents + one encoder pass over their {len(sentences)} duty lines", f"{floor:.1f} s ({extract:.1f} s + {encode:.1f} s)", f"doclint = {results[1] / floor:.1f}× the floor with --jobs 1, {results[2] / floor:.1f}× with --jobs 2")
    enc = encoder()
    if enc is not None and sentences:
        batch = (sentences * (1 + 2000 // max(1, len(sentences))))[:2000]
        raw = getattr(enc, "_encode_queries", enc.queries)
        raw(batch[:8])
        started = time.perf_counter()
        raw(batch)
        rate = len(batch) / (time.perf_counter() - started)
        add(f"encoder alone ({getattr(enc, 'name', type(enc).__name__)})", f"{rate:.0f} sentences/s", "2,000 duty lines, one batch")

    table = ["| measurement | result | note |", "|---|---|---|", *(f"| {a} | {b} | {c} |" for a, b, c in rows)]
    text = "\n".join(table) + f"\n\nMeasured by `bench/speed.py --cases {args.cases}` on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}.\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
