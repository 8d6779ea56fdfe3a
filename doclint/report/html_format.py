"""--format html: one self-contained page (no network, no CDN) a consultant can open and send.
Per case: the chosen code against the top suggestions as coverage bars, every duty coloured by
whether it fits the chosen code and labelled with the code it fits best, the findings with their
evidence and fix; above them an overview of all cases (worst first, sortable, filterable, each row
linking to its case); filters by severity and rule; English or Korean by --lang; prints cleanly."""

from __future__ import annotations

import datetime
from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Any

from doclint import __version__
from doclint.align.scorer import AlignmentThresholds
from doclint.checks.base import doc_type_name, messages
from doclint.model import DocType
from doclint.report.data import case_dict, summary
from doclint.report.overview import VERDICTS, CaseRow, anchor
from doclint.report.overview import rows as overview_rows

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

CSS = """
:root{--err:#b42318;--warn:#b54708;--info:#175cd3;--ok:#067647;--ink:#101828;--mute:#667085;
--line:#e4e7ec;--bg:#f8f9fb;--card:#fff;--accent:#3538cd}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI","Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",
"NanumGothic",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#1d2939;color:#fff;padding:20px 32px}
header.top h1{margin:0 0 4px;font-size:22px;font-weight:650;letter-spacing:-.01em}
header.top .meta{color:#d0d5dd;font-size:13px}
.summary{display:flex;gap:12px;margin-top:14px;flex-wrap:wrap}
.pill{border-radius:999px;padding:3px 12px;font-size:13px;font-weight:600;background:#344054;color:#fff}
.pill.error{background:var(--err)}.pill.warning{background:var(--warn)}.pill.info{background:var(--info)}
.pill.ok{background:var(--ok)}
.toolbar{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);
padding:10px 32px;display:flex;gap:18px;align-items:center;flex-wrap:wrap;font-size:13px}
.toolbar label{display:inline-flex;gap:5px;align-items:center;cursor:pointer}
.toolbar select{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:6px}
main{max-width:1180px;margin:0 auto;padding:24px 32px 48px}
.case{background:var(--card);border:1px solid var(--line);border-radius:12px;margin-bottom:24px;
box-shadow:0 1px 2px rgba(16,24,40,.05);overflow:hidden}
.case>header{padding:16px 20px;border-bottom:1px solid var(--line);display:flex;justify-content:space-between;
gap:16px;align-items:flex-start;flex-wrap:wrap}
.case h2{margin:0;font-size:17px;font-weight:650;word-break:break-all}
.case .chosen{color:var(--mute);font-size:13px;margin-top:2px}
.case .counts{display:flex;gap:6px}
.case section{padding:14px 20px;border-bottom:1px solid var(--line)}
.case section:last-child{border-bottom:0}
h3{margin:0 0 10px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute);font-weight:650}
.bars{display:grid;grid-template-columns:minmax(180px,300px) 1fr 48px;gap:6px 12px;align-items:center}
.bars .label{font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bars .label b{font-variant-numeric:tabular-nums}
.bar{position:relative;height:14px;background:#f2f4f7;border-radius:7px;overflow:hidden}
.bar span{position:absolute;left:0;top:0;bottom:0;background:#98a2b3;border-radius:7px}
.bar.chosen span{background:var(--accent)}.bar.best span{background:var(--ok)}
.bar i{position:absolute;top:-2px;bottom:-2px;border-left:2px dashed #344054;opacity:.55}
.bars .pct{font-variant-numeric:tabular-nums;text-align:right;font-size:13px}
.note{color:var(--mute);font-size:12px;margin-top:8px}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;color:var(--mute);font-weight:600;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid #f2f4f7;padding:6px 8px;vertical-align:top}
tr.fit td:first-child{border-left:4px solid var(--ok)}
tr.misfit td:first-child{border-left:4px solid var(--err)}
tr.unknown td:first-child{border-left:4px solid #d0d5dd}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#f2f4f7;
border-radius:4px;padding:1px 5px;white-space:nowrap}
.finding{border-left:4px solid var(--info);padding:8px 12px;margin:8px 0;background:#fcfcfd;border-radius:0 8px 8px 0}
.finding.error{border-color:var(--err)}.finding.warning{border-color:var(--warn)}
.finding .head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.finding .where{color:var(--mute);font-size:12px;word-break:break-all}
.finding blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid var(--line);color:#344054;background:#fff}
.finding .fix{font-size:13px}.finding .fix b{color:var(--ok)}
.empty{color:var(--ok);font-weight:600}
#overview{margin-bottom:24px}
#overview .tools{display:flex;gap:10px;align-items:center;margin-bottom:10px;flex-wrap:wrap}
#overview input,#overview select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px}
#overview input{min-width:240px}
#overview th[data-sort]{cursor:pointer;user-select:none;white-space:nowrap}
#overview th[data-sort]::after{content:" ↕";color:#d0d5dd}
#overview th.asc::after{content:" ↑";color:var(--ink)}#overview th.desc::after{content:" ↓";color:var(--ink)}
#overview td.num{text-align:right;font-variant-numeric:tabular-nums}
#overview a{color:var(--accent);text-decoration:none;word-break:break-all}
.verdict{font-weight:650;white-space:nowrap}
.verdict.not_ready{color:var(--err)}.verdict.check{color:var(--warn)}.verdict.ready{color:var(--ok)}
.hidden{display:none!important}
footer{color:var(--mute);font-size:12px;text-align:center;padding:0 32px 32px}
@media print{.toolbar{display:none}body{background:#fff}header.top{background:#fff;color:#000;padding:0 0 12px;
border-bottom:2px solid #000}header.top .meta{color:#333}.case{break-inside:avoid-page;box-shadow:none}
main{padding:12px 0}.finding,.bars,tr{break-inside:avoid}.hidden{display:none!important}
#overview .tools{display:none}#overview th[data-sort]::after{content:""}}
"""

JS = """
(function(){
  const sev = document.querySelectorAll('[data-filter-sev]');
  const rule = document.getElementById('rule-filter');
  const only = document.getElementById('only-findings');
  function apply(){
    const on = new Set([...sev].filter(c => c.checked).map(c => c.value));
    const r = rule.value;
    document.querySelectorAll('.finding').forEach(f => {
      const show = on.has(f.dataset.severity) && (!r || f.dataset.rule === r);
      f.classList.toggle('hidden', !show);
    });
    document.querySelectorAll('article.case').forEach(c => {
      const visible = c.querySelectorAll('.finding:not(.hidden)').length;
      c.classList.toggle('hidden', only.checked && visible === 0);
    });
  }
  [...sev, rule, only].forEach(el => el.addEventListener('change', apply));
  apply();
  // the overview: filter by text and verdict, sort by any column (worst first to begin with)
  const table = document.querySelector('#overview table');
  if (!table) return;
  const body = table.tBodies[0];
  const text = document.getElementById('case-filter');
  const verdict = document.getElementById('verdict-filter');
  function filterRows(){
    const q = text.value.trim().toLowerCase(), v = verdict.value;
    [...body.rows].forEach(r => {
      r.classList.toggle('hidden', (q && !r.textContent.toLowerCase().includes(q)) || (v && r.dataset.verdict !== v));
    });
  }
  text.addEventListener('input', filterRows);
  verdict.addEventListener('change', filterRows);
  table.querySelectorAll('th[data-sort]').forEach((th, col) => {
    th.addEventListener('click', () => {
      const dir = th.classList.contains('asc') ? -1 : 1;
      table.querySelectorAll('th').forEach(h => h.classList.remove('asc', 'desc'));
      th.classList.add(dir === 1 ? 'asc' : 'desc');
      const key = r => r.cells[col].dataset.key ?? r.cells[col].textContent;
      const numeric = th.dataset.sort === 'num';
      [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        return dir * (numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y));
      }).forEach(r => body.appendChild(r));
    });
  });
})();
"""


def _t(lang: str) -> dict[str, str]:
    texts = dict(messages("en").get("_common", {}).get("report", {}))
    texts.update(messages(lang).get("_common", {}).get("report", {}))
    return texts


def _code_name(code: str | None, catalog: Any) -> str:
    if not code or catalog is None:
        return ""
    entry = catalog.get(code)
    return entry.title if entry else ""


def _bars(case: dict[str, Any], t: dict[str, str], catalog: Any, required: float) -> str:
    suggestions = list(case["suggestions"])[:5]
    chosen = case["chosen_code"]
    if not suggestions:
        return ""
    if chosen and all(s["code"] != chosen for s in suggestions):
        extra = next((s for s in case["suggestions"] if s["code"] == chosen), None)
        if extra:
            suggestions.append(extra)
    rows = []
    best = suggestions[0]["code"]
    for s in suggestions:
        cls = "chosen" if s["code"] == chosen else ("best" if s["code"] == best else "")
        cov = max(0.0, min(1.0, float(s.get("coverage") or 0)))
        tag = f' <span class="pill" style="font-size:11px;padding:0 6px">{escape(t["chosen"])}</span>' if s["code"] == chosen else ""
        rows.append(
            f'<div class="label" title="{escape(s.get("title", ""))}"><b>{escape(s["code"])}</b> '
            f'{escape(s.get("title", ""))}{tag}</div>'
            f'<div class="bar {cls}"><span style="width:{cov * 100:.1f}%"></span><i style="left:{required * 100:.0f}%"></i></div>'
            f'<div class="pct">{cov:.0%}{_probability(s)}</div>'
        )
    reason = next((s["reason"][0] for s in suggestions if s.get("reason")), None)
    why = (f'<div class="note"><b>{escape(t.get("because", "because"))}:</b> “{escape(reason["duty"])}” ≈ '
           f'“{escape(reason["definition"])}”</div>') if reason else ""
    return (
        f'<section><h3>{escape(t["coverage"])}</h3><div class="bars">{"".join(rows)}</div>{why}'
        f'<div class="note">{escape(t["coverage_note"].format(required=required))}</div></section>'
    )


def _probability(s: dict[str, Any]) -> str:
    """The judge's calibrated probability that this is the right code, beside its coverage."""
    p = s.get("probability")
    if p is None:
        return ""
    shown = ">0.99" if p > 0.995 else f"{p:.2f}"
    return f'<br><small title="probability that this is the right code">p {shown}</small>'



def _documents(case: dict[str, Any], t: dict[str, str], lang: str) -> str:
    rows = []
    for d in case["documents"]:
        if not d.get("readable", True):
            kind = f'<span class="sev error">{escape(t["unreadable"])}</span>'
        else:
            kind = escape(doc_type_name(DocType(d["type"]), lang)) if d["type"] else ""
            if d.get("ocr"):
                kind += f' <span class="note">({escape(t["ocr"])})</span>'
        salary = f"{d['annual_salary_krw']:,}" if d.get("annual_salary_krw") else t["unknown"]
        codes = " ".join(f'<span class="code">{escape(c)}</span>' for c in d.get("codes") or []) or t["unknown"]
        rows.append(
            f"<tr><td>{escape(d['path'].rsplit('/', 1)[-1])}</td><td>{kind}</td><td>{escape(d.get('language') or '')}</td>"
            f"<td>{escape(d.get('title') or t['unknown'])}</td><td>{codes}</td><td>{salary}</td></tr>"
        )
    head = "".join(f"<th>{escape(h)}</th>" for h in ("", t["type"], t["language"], t["job_title"], t["codes"], t["salary"]))
    return f'<section><h3>{escape(t["documents_heading"])}</h3><table><tr>{head}</tr>{"".join(rows)}</table></section>'


def _duties(case: dict[str, Any], t: dict[str, str], catalog: Any) -> str:
    rows = []
    for d in case["documents"]:
        if d.get("type") not in ("employment_contract", "employment_reason_statement"):
            continue
        for duty in d.get("duties") or []:
            match = duty.get("matches_chosen")
            cls = "fit" if match is True else ("misfit" if match is False else "unknown")
            fits = t["yes"] if match is True else (t["no"] if match is False else t["unknown"])
            best = duty.get("best_code")
            best_html = (f'<span class="code">{escape(best)}</span> {escape(_code_name(best, catalog))}' if best else t["unknown"])
            share = f"{duty['share']:.0%}" if duty.get("share") is not None else ""
            rows.append(
                f'<tr class="{cls}"><td>{escape(duty["text"])}<div class="note">{escape(d["path"].rsplit("/", 1)[-1])}</div></td>'
                f"<td>{share}</td><td>{best_html}</td><td>{fits}</td></tr>"
            )
    if not rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in (t["duty"], t["share"], t["best_code"], t["fits_chosen"]))
    return f'<section><h3>{escape(t["duties_heading"])}</h3><table><tr>{head}</tr>{"".join(rows)}</table></section>'


def _findings(case: dict[str, Any], t: dict[str, str]) -> str:
    items = []
    for f in case["findings"]:
        where = escape(f["path"])
        if f.get("page"):
            where += f" · {escape(t['page'])} {f['page']}"
        if f.get("line"):
            where += f" · {escape(t['line'])} {f['line']}"
        evidence = f'<blockquote><b>{escape(t["found"])}:</b> “{escape(f["evidence"])}”</blockquote>' if f.get("evidence") else ""
        fix = f'<div class="fix"><b>{escape(t["fix"])}:</b> {escape(f["suggestion"])}</div>' if f.get("suggestion") else ""
        items.append(
            f'<div class="finding {f["severity"]}" data-severity="{f["severity"]}" data-rule="{f["rule"]}">'
            f'<div class="head"><span class="sev {f["severity"]}">{escape(t[f["severity"] + "s"] if f["severity"] == "info" else f["severity"])}</span>'
            f'<span class="code">{escape(f["rule"])}</span><b>{escape(f["name"])}</b><span class="where">{where}</span></div>'
            f'<div>{escape(f["message"])}</div>{evidence}{fix}</div>'
        )
    body = "".join(items) or f'<div class="empty">✓ {escape(t["no_findings"])}</div>'
    return f'<section><h3>{escape(t["findings_heading"])}</h3>{body}</section>'


def _cell_code(code: str | None, coverage: float | None, t: dict[str, str]) -> str:
    if not code:
        return f'<td data-key="">{escape(t["unknown"])}</td>'
    cov = f" ({coverage:.0%})" if coverage is not None else ""
    return f'<td data-key="{escape(code)}"><span class="code">{escape(code)}</span>{cov}</td>'


def _overview(rows: list[CaseRow], t: dict[str, str]) -> str:
    """One row per case, worst first, each linking to its case below."""
    body = []
    for r in rows:
        verdict = t[f"verdict_{r.verdict}"]
        body.append(
            f'<tr data-verdict="{r.verdict}"><td><a href="#{r.anchor}">{escape(r.path)}</a></td>'
            f'<td>{escape(r.applicant or t["unknown"])}</td>'
            f'{_cell_code(r.chosen_code, r.chosen_coverage, t)}{_cell_code(r.best_code, r.best_coverage, t)}'
            f'<td data-key="{VERDICTS.index(r.verdict)}"><span class="verdict {r.verdict}">{escape(verdict)}</span></td>'
            f'<td class="num">{r.errors}</td><td class="num">{r.warnings}</td></tr>'
        )
    heads = (("case", "text"), ("applicant", "text"), ("chosen_coverage", "text"), ("best_code_coverage", "text"),
             ("verdict", "num"), ("errors", "num"), ("warnings", "num"))
    head = "".join(f'<th data-sort="{kind}">{escape(t[key])}</th>' for key, kind in heads)
    verdicts = "".join(f'<option value="{v}">{escape(t[f"verdict_{v}"])}</option>' for v in VERDICTS)
    return (
        f'<section id="overview" class="case"><header><div><h2>{escape(t["overview"])}</h2>'
        f'<div class="chosen">{escape(t["sort_hint"])}</div></div></header><section>'
        f'<div class="tools"><input id="case-filter" type="search" placeholder="{escape(t["filter_cases"])}">'
        f'<select id="verdict-filter"><option value="">{escape(t["all_verdicts"])}</option>{verdicts}</select></div>'
        f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></section></section>'
    )


def _case(case: dict[str, Any], t: dict[str, str], lang: str, catalog: Any, anchor: str, required: float) -> str:
    counts = Counter(f["severity"] for f in case["findings"])
    pills = "".join(f'<span class="pill {s}">{counts[s]} {escape(t[s + "s"])}</span>' for s in ("error", "warning", "info") if counts[s])
    pills = pills or f'<span class="pill ok">{escape(t["all_clear"])}</span>'
    chosen = case["chosen_code"]
    chosen_text = (f'{escape(t["chosen_code"])}: <span class="code">{escape(chosen)}</span> {escape(_code_name(chosen, catalog))}'
                   + (f" · {escape(case['subcategory'])}" if case.get("subcategory") else "")) if chosen else escape(t["no_code"])
    return (
        f'<article class="case" id="{anchor}" data-path="{escape(case["path"])}"><header><div><h2>{escape(case["path"])}</h2>'
        f'<div class="chosen">{chosen_text}</div></div><div class="counts">{pills}</div></header>'
        f"{_bars(case, t, catalog, required)}{_findings(case, t)}{_duties(case, t, catalog)}{_documents(case, t, lang)}</article>"
    )


def render(run: RunResult, options: Options, color: bool = False) -> str:
    lang = options.lang
    t = _t(lang)
    catalog = run.run.catalog if run.run is not None else None  # without it, codes show without names
    cases = [case_dict(c) for c in run.cases]
    s = summary(run)
    rules = sorted({(f["rule"], f["name"]) for c in cases for f in c["findings"]})
    rule_options = "".join(f'<option value="{escape(code)}">{escape(code)} {escape(name)}</option>' for code, name in rules)
    cat = run.catalog or {}
    meta = f'{escape(t["generated"])} {datetime.date.today().isoformat()} · doclint {__version__}'
    if cat.get("name"):
        meta += f' · {escape(t["catalog"])}: {escape(str(cat.get("name")))} ({escape(str(cat.get("as_of")))})'
    pills = (
        f'<span class="pill">{s["cases"]} {escape(t["cases"])}</span><span class="pill">{s["documents"]} {escape(t["documents"])}</span>'
        f'<span class="pill error">{s["errors"]} {escape(t["errors"])}</span><span class="pill warning">{s["warnings"]} {escape(t["warnings"])}</span>'
        f'<span class="pill info">{s["infos"]} {escape(t["infos"])}</span>'
    )
    checks = "".join(
        f'<label><input type="checkbox" data-filter-sev value="{sev}" checked> {escape(t[sev + "s"])}</label>'
        for sev in ("error", "warning", "info")
    )
    required = AlignmentThresholds.for_encoder("default", options.alignment).coverage_min  # [alignment] in force
    order = overview_rows(cases)
    by_anchor = {anchor(i): c for i, c in enumerate(cases)}
    body = _overview(order, t) + "".join(_case(by_anchor[r.anchor], t, lang, catalog, r.anchor, required) for r in order)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(t["title"])}</title><style>{CSS}</style></head>
<body><header class="top"><h1>{escape(t["title"])}</h1><div class="meta">{meta}</div><div class="summary">{pills}</div></header>
<div class="toolbar"><b>{escape(t["filter"])}:</b>{checks}
<select id="rule-filter"><option value="">{escape(t["all_rules"])}</option>{rule_options}</select>
<label><input type="checkbox" id="only-findings"> {escape(t["only_with_findings"])}</label></div>
<main>{body}</main><footer>{escape(t["footer"])}</footer><script>{JS}</script></body></html>
"""
