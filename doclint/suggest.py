"""`doclint suggest FILE|-`: which occupation codes do these duties fit, ranked, with the duties
that support each. The same alignment `doclint check` uses, for one document or pasted text."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from doclint.config import Options
from doclint.context import RunContext
from doclint.errors import UsageError
from doclint.model import Document, Duty, Location, ReadError


def _document(path: str, options: Options) -> Document:
    from doclint.readers import read
    from doclint.readers.text import read_text_bytes

    try:
        if path == "-":
            return read_text_bytes(sys.stdin.buffer.read(), "<stdin>", options.limits)
        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
        return read(Path(path), path, options.limits)
    except ReadError as exc:
        raise UsageError(f"{path}: cannot read it: {exc}") from exc


def plain_lines(doc: Document) -> list[Duty]:
    """Pasted text with no duty heading: every line is a duty (markers and shares read as in a
    list), except headings and lines too short to be a task."""
    from doclint.nlp.duties import parse_share
    from doclint.nlp.sections import heading_kind
    from doclint.nlp.text import strip_marker

    out: list[Duty] = []
    for block in doc.blocks:
        for line in block.text.split("\n"):
            found = heading_kind(line)
            if found:
                if found[0] != "duties" or not found[1].strip():
                    continue  # "담당업무:" alone, or another section's heading
                line = found[1]  # "Duties: build the storefront"
            text, share = parse_share(strip_marker(line))
            if len(text) >= 4:
                out.append(Duty(text, share, Location(block.line, block.page)))
    return out


def suggest(path: str, run: RunContext) -> dict[str, Any]:
    return suggest_document(_document(path, run.options), path, run)


def suggest_text(text: str, run: RunContext, name: str = "<text>") -> dict[str, Any]:
    """Pasted duties (the web app's box): read like text on stdin."""
    from doclint.readers.text import read_text_bytes

    try:
        doc = read_text_bytes(text.encode("utf-8"), name, run.options.limits)
    except ReadError as exc:
        raise UsageError(f"cannot read the text: {exc}") from exc
    return suggest_document(doc, "-", run)


def suggest_document(doc: Document, path: str, run: RunContext) -> dict[str, Any]:
    from doclint.align import EncoderError, align_case
    from doclint.case import CaseContext, DocRecord
    from doclint.engine import choose_code
    from doclint.nlp import understand

    facts = understand(doc)
    if path == "-" and not facts.duties:
        facts.duties = plain_lines(doc)
    ctx = CaseContext(path, [DocRecord(doc.path, doc=doc, facts=facts)], run, is_folder=False, lang=run.lang)
    choose_code(ctx, run.options)
    try:
        result = align_case(ctx, run)
    except EncoderError as exc:
        raise UsageError(str(exc)) from exc
    return {
        "path": path,
        "chosen_code": ctx.chosen_code,
        "encoder": result.encoder if result else None,
        "abstained": result.abstain_reason if result else "no duties found",
        "duties": [_duty(d, result) for d in facts.duties],
        "suggestions": ctx.suggestions,
        "cannot_tell": bool(result and result.judgement and not result.judgement.confident),
        "function": {k: round(v, 3) for k, v in result.judgement.function.items()} if result and result.judgement else None,
    }


def _duty(d: Duty, result: Any) -> dict[str, Any]:
    # imported here like the rest of the align stack: `suggest` loads numpy only when it aligns
    from doclint.align.case_alignment import NO_VERDICT

    verdict = result.verdict(d) if result is not None else NO_VERDICT
    return {"text": d.text, "share": d.share, "best_code": verdict.best_code, "score": verdict.best_score,
            "matches_chosen": verdict.matches_chosen}


def render_text(data: dict[str, Any], lang: str) -> str:
    ko = lang == "ko"
    lines = []
    if not data["suggestions"]:
        lines.append("담당업무를 찾지 못했습니다." if ko else f"No duties found in {data['path']}: nothing to compare.")
        return "\n".join(lines) + "\n"
    if data["abstained"] and not any(s["coverage"] for s in data["suggestions"]):
        lines.append("비교할 만큼 구체적인 담당업무가 없습니다." if ko else
                     f"No duties specific enough to compare in {data['path']}: {data['abstained']}.")
        return "\n".join(lines) + "\n"
    if data["abstained"]:
        lines.append(("참고: " if ko else "note: ") + data["abstained"])
    if data.get("cannot_tell"):
        lines.append("어느 코드인지 판단할 수 없습니다: 가장 유력한 코드도 확률이 낮습니다." if ko else
                     "doclint cannot tell which code these duties fit: even the most likely code is more likely wrong than right.")
    for rank, s in enumerate(data["suggestions"], start=1):
        mark = "  ← " + ("선택한 코드" if ko else "chosen") if s["chosen"] else ""
        p = s.get("probability")
        prob = ("p>0.99  " if p > 0.995 else f"p={p:.2f}  ") if p is not None else ""
        lines.append(f"{rank}. {s['code']:<6} {prob}{s['coverage']:>4.0%}  {s['title']}  [{s['subcategory']}]{mark}")
        for r in (s.get("reason") or [])[:1]:  # the duty that decided it, and the definition line it met
            lines.append(("       근거: " if ko else "       because: ") + f"\"{r['duty']}\" ≈ \"{r['definition']}\"")
        for duty in s["duties"]:
            lines.append(f"       · {duty}")
    lines.append("")
    lines.append(
        "p = 이 코드가 맞을 확률 (보정됨), 적용률 = 해당 코드의 정의에 맞는 담당업무의 비중 (명시된 시간 비중 반영)" if ko else
        "p = probability that this is the right code (calibrated); "
        "coverage = share of the duties (time-weighted where shares are stated) that fit the code's definition"
    )
    return "\n".join(lines) + "\n"


def run_suggest(path: str, fmt: str, kwargs: dict[str, Any]) -> int:
    from doclint.run import build_options, start_run

    options = build_options([path] if path != "-" else ["."], kwargs)
    data = suggest(path, start_run(options))
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(data, options.lang))
    return 0
