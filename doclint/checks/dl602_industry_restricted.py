"""DL602 industry-restricted: an E-7-2 code whose eligible employers (catalog `industries`) do not
include the employer's industry as the documents (or doclint-case.toml) state it. Quiet when no
document states the industry: there is nothing to compare."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext, DocRecord
from doclint.catalog.model import CodeEntry
from doclint.checks import case_facts
from doclint.checks.base import make_finding, rule
from doclint.model import Finding, Span


def _fits(entry: CodeEntry, *texts: str) -> bool:
    blob = " ".join(texts).casefold()
    return any(term.casefold() in blob for industry in entry.industries for term in [*industry.terms, industry.ko, industry.en])


@rule(
    "DL602", "industry-restricted", "error", scope="case", needs=("catalog",),
    params=("code", "industries", "industry", "name"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    catalog = case_facts.catalog(ctx)
    entry = catalog.get(ctx.chosen_code) if catalog and ctx.chosen_code else None
    if entry is None or not entry.industries:
        return
    employers = " ".join(r.facts.employer.text for r in ctx.readable if r.facts and r.facts.employer)
    stated: list[tuple[DocRecord | None, Span]] = []
    if ctx.manifest.get("employer_industry"):
        stated.append((None, Span(f'doclint-case.toml: employer_industry = "{ctx.manifest["employer_industry"]}"')))
    else:
        stated = [(r, r.facts.industry) for r in ctx.readable if r.facts and r.facts.industry]
    if not stated or any(_fits(entry, span.text, employers) for _, span in stated):
        return
    record, span = stated[0]
    industry = str(ctx.manifest.get("employer_industry") or span.text)
    lang = ctx.lang
    names = ", ".join(i.ko if lang == "ko" else i.en for i in entry.industries)
    yield make_finding("DL602", record.display if record else ctx.path, lang=ctx.lang, ocr=bool(record and record.doc and record.doc.ocr),
                       evidence=span.text, location=span.location,
                             data={"code": entry.code, "industry": industry, "eligible": [i.en for i in entry.industries]},
                             code=entry.code, name=entry.name_ko, industries=names, industry=industry)
