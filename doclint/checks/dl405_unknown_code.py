"""DL405 unknown-code: a cited number that is not on the list in use. Where a guide's number is
known (a practitioners' guide's table, rules/catalog/e7-default/guide-numbers.yaml) the finding names the
official code for the work the guide meant; otherwise it offers the closest numbers."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext, DocRecord
from doclint.catalog.model import Catalog
from doclint.checks import case_facts
from doclint.checks.base import make_finding, rule
from doclint.model import Finding, Location

NEAR = 3  # how many close numbers to offer


def _distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring digits (2242 ↔ 2224) counts as one typo."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near_numbers(code: str, catalog: Catalog) -> list[str]:
    """Official numbers one typo away (2242 → 2224); else two away with the same first two digits."""
    def prefix(other: str) -> int:
        return next((i for i, (x, y) in enumerate(zip(code, other, strict=False)) if x != y), min(len(code), len(other)))

    scored = sorted((_distance(code, e.code), -prefix(e.code), e.code) for e in catalog.codes)
    close = [c for d, _, c in scored if d <= 1]
    return (close or [c for d, p, c in scored if d == 2 and -p >= 2])[:NEAR]


def unknown_params(code: str, catalog: Catalog) -> tuple[str, dict[str, object]]:
    """The message variant and parameters for a number not on the list (shared with `doclint codes`)."""
    guide = catalog.guide(code)
    if guide is not None:
        official = [catalog.get(o) for o in guide.official]
        names = [f"{e.code} {e.name_ko}" for e in official if e is not None]
        if names:
            first = official[0].code if official[0] else guide.official[0]
            return "guide", {"guide_title": guide.guide_title, "official": " / ".join(names), "first": first,
                             "note": guide.note or "", "official_codes": guide.official}
        return "guide_none", {"guide_title": guide.guide_title, "note": guide.note or "", "official_codes": []}
    near = near_numbers(code, catalog)
    if near:
        named = [(n, entry.name_ko) for n in near if (entry := catalog.get(n)) is not None]
        return "near", {"near": ", ".join(f"{n} {name}" for n, name in named), "near_codes": near}
    return "message", {}


@rule(
    "DL405", "unknown-code", "error", scope="case", needs=("catalog",),
    params=("catalog", "code", "first", "guide_title", "near", "note", "official"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    catalog = case_facts.catalog(ctx)
    if catalog is None:
        return
    seen: set[tuple[str, str]] = set()
    for record in ctx.readable:
        assert record.facts is not None
        for mention in record.facts.codes:
            if catalog.get(mention.code) is not None or (record.display, mention.code) in seen:
                continue
            seen.add((record.display, mention.code))
            yield _finding(ctx, catalog, mention.code, record, mention.text, mention.location)
    if ctx.chosen_code and ctx.chosen_source in ("cli", "manifest") and catalog.get(ctx.chosen_code) is None:
        evidence = f"--code {ctx.chosen_code}" if ctx.chosen_source == "cli" else f'doclint-case.toml: code = "{ctx.chosen_code}"'
        yield _finding(ctx, catalog, ctx.chosen_code, None, evidence, None)


def _finding(ctx: CaseContext, catalog: Catalog, code: str, record: DocRecord | None, evidence: str,
             location: Location | None) -> Finding:
    variant, params = unknown_params(code, catalog)
    data = {"code": code, **{k: v for k, v in params.items() if k.endswith("_codes") or k == "guide_title"}}
    return make_finding("DL405", record.display if record else ctx.path, variant, ctx.lang, evidence=evidence,
                        location=location, data=data, ocr=bool(record and record.doc and record.doc.ocr),
                        code=code, catalog=catalog.catalog.name, **params)
