"""`doclint suggest FILE|-`: which occupation codes do these duties fit, ranked, with the duties
that support each. The same alignment `doclint check` uses, for one document or pasted text."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from doclint.cases import UsageError
from doclint.config import Options
from doclint.model import Document, ReadError


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


def suggest(path: str, options: Options) -> dict[str, Any]:
    from doclint.align import EncoderError, align_case
    from doclint.case import CaseContext, DocRecord
    from doclint.engine import choose_code
    from doclint.nlp import understand

    doc = _document(path, options)
    facts = understand(doc)
    ctx = CaseContext(path, [DocRecord(doc.path, doc=doc, facts=facts)], is_folder=False, lang=options.lang)
    choose_code(ctx, options)
    try:
        result = align_case(ctx, options)
    except EncoderError as exc:
        raise UsageError(str(exc)) from exc
    return {
        "path": path,
        "chosen_code": ctx.chosen_code,
        "encoder": result.encoder if result else None,
        "abstained": result.abstain_reason if result else "no duties found",
        "duties": [
            {"text": d.text, "share": d.share, "best_code": d.best_code, "score": d.best_score,
             "matches_chosen": d.matches_chosen}
            for d in facts.duties
        ],
        "suggestions": ctx.suggestions,
    }


def render_text(data: dict[str, Any], lang: str) -> str:
    ko = lang == "ko"
    lines = []
    if not data["suggestions"]:
        lines.append("담당업무를 찾지 못했습니다." if ko else f"No duties found in {data['path']}: nothing to compare.")
        return "\n".join(lines) + "\n"
    if data["abstained"]:
        lines.append(("참고: " if ko else "note: ") + data["abstained"])
    for rank, s in enumerate(data["suggestions"], start=1):
        mark = "  ← " + ("선택한 코드" if ko else "chosen") if s["chosen"] else ""
        lines.append(f"{rank}. {s['code']:<6} {s['coverage']:>4.0%}  {s['title']}  [{s['subcategory']}]{mark}")
        for duty in s["duties"]:
            lines.append(f"       · {duty}")
    lines.append("")
    lines.append(
        "적용률 = 해당 코드의 정의에 맞는 담당업무의 비중 (명시된 시간 비중 반영)" if ko else
        "coverage = share of the duties (time-weighted where shares are stated) that fit the code's definition"
    )
    return "\n".join(lines) + "\n"


def run_suggest(path: str, fmt: str, kwargs: dict[str, Any]) -> int:
    from doclint.run import build_options

    options = build_options([path] if path != "-" else ["."], kwargs)
    data = suggest(path, options)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(data, options.lang))
    return 0
