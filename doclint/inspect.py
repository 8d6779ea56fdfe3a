"""`doclint inspect FILE`: the document as doclint read it — type and why, title, duties with
their shares and source lines, the reason and qualification passages, and every block's role.
What a consultant runs to see why a finding fired (like `sqlfluff parse`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from doclint.errors import UsageError
from doclint.model import ReadError, Span


def _span(span: Span | None, **extra: Any) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "line": span.location.line, "page": span.location.page, **extra}


def inspect_file(path: str) -> dict[str, Any]:
    from doclint.nlp import prepare, understand
    from doclint.nlp.roles import read_map
    from doclint.readers import read
    from doclint.readers.limits import Limits
    from doclint.readers.text import read_text_bytes

    try:
        if path == "-":
            doc = read_text_bytes(sys.stdin.buffer.read(), "<stdin>", Limits())
        elif not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
        else:
            doc = read(Path(path), path, Limits())
    except ReadError as exc:
        return {"path": path, "readable": False, "error": str(exc), "fix": exc.fix}
    blocks = prepare(doc)
    facts = understand(doc, blocks)
    scores = facts.extra.get("type_scores", {})
    return {
        "path": path,
        "readable": True,
        "format": doc.format,
        "pages": doc.pages,
        "ocr": doc.ocr,
        "type": facts.doc_type.value,
        "type_confidence": round(facts.type_confidence, 2),
        "type_scores": {k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])},
        "language": facts.language,
        "title": _span(facts.title, value=facts.title.value, rank=facts.title.rank) if facts.title else None,
        "codes": [{"code": c.code, "subcategory": c.subcategory, "line": c.location.line, "page": c.location.page}
                  for c in facts.codes],
        "annual_salary_krw": facts.salary.annual_krw if facts.salary else None,
        "duty_section": _span(facts.duty_section),
        "duties": [
            {"text": d.text, "share": d.share, "line": d.location.line, "page": d.location.page,
             "section": d.section, "vague": d.vague}
            for d in facts.duties
        ],
        "duty_candidates": facts.extra.get("duty_candidates", []),
        "foreign_worker_reason": _span(facts.foreign_reason),
        "qualification_link": _span(facts.qualification_link),
        "posting_language": [_span(p) for p in facts.posting_phrases],
        "notes": facts.extra.get("notes", []),
        "blocks": [
            {"index": r.index, "line": r.line, "page": r.page, "kind": r.kind,
             "table": list(r.table) if r.table else None, "role": r.role, "why": r.why, "text": r.text}
            for r in read_map(blocks, facts)
        ],
    }


def _where(line: int | None, page: int | None) -> str:
    out = f"line {line}" if line is not None else ""
    if page is not None:
        out += (", " if out else "") + f"page {page}"
    return out or "?"


def render_text(data: dict[str, Any]) -> str:
    if not data["readable"]:
        return f"{data['path']}: cannot read it: {data['error']}\n"
    lines = [f"{data['path']}  ({data['format']}{', OCR' if data['ocr'] else ''}"
             f"{', ' + str(data['pages']) + ' pages' if data['pages'] else ''})"]
    scores = ", ".join(f"{k} {v:g}" for k, v in data["type_scores"].items() if v)
    lines.append(f"type:      {data['type']}" + (f"  (cue scores: {scores})" if scores else "  (no type cues)"))
    lines.append(f"language:  {data['language']}")
    t = data["title"]
    lines.append("title:     " + (f"{t['value']}" + (f"  [rank {t['rank']}]" if t["rank"] else "")
                                  + f"  ({_where(t['line'], t['page'])}: {t['text']!r})" if t else "none found"))
    lines.append("codes:     " + (", ".join(f"{c['code']} ({_where(c['line'], c['page'])})" for c in data["codes"]) or "none cited"))
    salary = data["annual_salary_krw"]
    lines.append("salary:    " + (f"{salary:,} KRW a year" if salary else "none found"))
    section = data["duty_section"]
    head = f"duties:    {len(data['duties'])}" + (f" (under {section['text']!r}, {_where(section['line'], section['page'])})" if section else "")
    lines.append(head)
    for i, d in enumerate(data["duties"], 1):
        share = f" ({d['share']:.0%})" if d["share"] is not None else ""
        vague = "  [vague: " + d["vague"] + "]" if d["vague"] else ""
        lines.append(f"  {i:>2}. {d['text']}{share}  — {_where(d['line'], d['page'])}{vague}")
    for c in data["duty_candidates"]:
        lines.append(f"   ?  {c['text']}  — {_where(c.get('line'), c.get('page'))} (looks like a duty; not read as one)")
    for key, label in (("foreign_worker_reason", "reason:    "), ("qualification_link", "qualif.:   ")):
        span = data[key]
        lines.append(label + (f"{span['text']!r} ({_where(span['line'], span['page'])})" if span else "none found"))
    posting = data["posting_language"]
    lines.append("posting:   " + (", ".join(f"{p['text']!r} ({_where(p['line'], p['page'])})" for p in posting) or "none"))
    lines.extend(f"note:      {n}" for n in data["notes"])
    lines.append("")
    lines.append("blocks (role, where, why):")
    for b in data["blocks"]:
        where = f"p{b['page']}" if b["page"] else ""
        where += f" l{b['line']}" if b["line"] is not None else ""
        if b["table"]:
            where += f" t{b['table'][0]}r{b['table'][1]}c{b['table'][2]}"
        text = b["text"] if len(b["text"]) <= 90 else b["text"][:89] + "…"
        why = f"  ← {b['why']}" if b["why"] else ""
        lines.append(f"  {b['role']:<13} {where.strip():<14} {text}{why}")
    return "\n".join(lines) + "\n"


def run_inspect(path: str, fmt: str) -> int:
    data = inspect_file(path)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(data))
    return 0 if data["readable"] else 1
