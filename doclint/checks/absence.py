"""Absence rules speak with evidence: when the document holds passages close to what is missing
(doclint.nlp.evidence), the finding says "unclear" at info and quotes them instead of an error."""

from __future__ import annotations

from doclint.checks.base import DocContext
from doclint.model import Finding, Location, Severity


def unclear(ctx: DocContext, code: str, candidates: list[dict[str, object]], **params: object) -> Finding:
    """The info-level form of an absence finding, quoting what came close."""
    first = candidates[0]
    quoted = " | ".join(str(c["text"]) for c in candidates[:3])
    finding = ctx.finding(
        code, "unclear", evidence=quoted,
        location=Location(first.get("line"), first.get("page")),  # type: ignore[arg-type]
        candidate=str(first["text"])[:80], data={"candidates": candidates}, **params,
    )
    finding.severity = Severity.INFO
    return finding

