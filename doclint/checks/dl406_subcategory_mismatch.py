"""DL406 subcategory-mismatch: the subcategory written with a code is not the code's own.
E-7-S is a salary track open to any occupation, so citing it with a code is no mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.catalog.tabular import normalise_subcategory
from doclint.checks import case_facts
from doclint.checks.base import make_finding, rule
from doclint.model import Finding


@rule("DL406", "subcategory-mismatch", "error", scope="case", needs=("catalog",), params=("actual", "cited", "code"))
def check(ctx: CaseContext) -> Iterator[Finding]:
    catalog = case_facts.catalog(ctx)
    if catalog is None:
        return
    seen: set[tuple[str, str, str]] = set()
    for record in ctx.readable:
        facts = record.facts
        assert facts is not None
        for mention in facts.codes:
            entry = catalog.get(mention.code)
            # The subcategory written next to the code, else the document's one when it cites one code.
            span = None if mention.subcategory else (facts.subcategory if len({m.code for m in facts.codes}) == 1 else None)
            cited = normalise_subcategory(mention.subcategory or (span.text if span else "") or "")
            if entry is None or entry.subcategory is None or cited in (None, "E-7-S", entry.subcategory):
                continue
            if (record.display, entry.code, cited) in seen:
                continue
            seen.add((record.display, entry.code, cited))
            where = span or mention
            yield make_finding("DL406", record.display, lang=ctx.lang, ocr=bool(record.doc and record.doc.ocr),
                               evidence=where.text, location=where.location,
                               data={"code": entry.code, "cited": cited, "actual": entry.subcategory},
                               code=entry.code, actual=entry.subcategory, cited=cited)
    # --subcategory / doclint-case.toml against the chosen code
    given = "--subcategory" if ctx.run.options.subcategory else ("doclint-case.toml" if ctx.manifest.get("subcategory") else None)
    entry = catalog.get(ctx.chosen_code) if ctx.chosen_code else None
    if given and entry and entry.subcategory and ctx.subcategory not in (None, "E-7-S", entry.subcategory):
        yield make_finding("DL406", ctx.path, lang=ctx.lang, evidence=f"{given}: {ctx.subcategory}",
                           data={"code": entry.code, "cited": ctx.subcategory, "actual": entry.subcategory},
                           code=entry.code, actual=entry.subcategory, cited=ctx.subcategory)
