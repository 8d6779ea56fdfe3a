"""The rule framework: each rule declares its code, name, default severity and scope next to its
logic (doclint/checks/dlNNN_*.py); its texts (summary, explanation, fix, messages) are data in
rules/messages/<lang>.yaml so that every language is a translation, not a code change."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml

from doclint.model import DocType, Document, DocumentFacts, Finding, Location, Severity
from doclint.paths import rules_dir

if TYPE_CHECKING:
    from doclint.case import CaseContext


SCOPES = ("reader", "document", "case", "run")
NEEDS = ("alignment", "catalog")


@dataclass(frozen=True)
class Rule:
    """A rule as it describes itself; the engine, the docs and the tests read these fields.

    scope: "reader" — made when a document cannot be read, check(path, ReadError, lang);
    "document" — check(DocContext) for each readable document of `doc_types`; "case" —
    check(CaseContext) once per case; "run" — like case, but reported once per run.
    needs: "alignment" — the duties aligned with the catalog (with all such rules off, no encoder
    loads); "catalog" — the code catalog. params: every {placeholder} its message texts may use."""

    code: str
    name: str
    severity: Severity
    scope: str
    check: Callable[..., Iterable[Finding]]
    doc_types: frozenset[DocType] | None = None  # document rules: which types they read
    needs: frozenset[str] = frozenset()
    params: frozenset[str] = frozenset()

    def text(self, key: str, lang: str = "en") -> str:
        return messages(lang).get(self.code, {}).get(key) or messages("en").get(self.code, {}).get(key, "")


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str,
    scope: str = "document",
    doc_types: Iterable[DocType] | None = None,
    needs: Iterable[str] = (),
    params: Iterable[str] = (),
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    if scope not in SCOPES or not set(needs) <= set(NEEDS):
        raise ValueError(f"rule {code}: scope must be one of {SCOPES}, needs among {NEEDS}")

    def register(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        REGISTRY[code] = Rule(code, name, Severity(severity), scope, func, frozenset(doc_types) if doc_types else None,
                              frozenset(needs), frozenset(params))
        return func

    return register


@cache
def messages(lang: str) -> dict[str, Any]:
    path = rules_dir() / "messages" / f"{lang}.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def doc_type_name(doc_type: DocType, lang: str = "en") -> str:
    """The document type as a reader says it, in the message language."""
    names = messages(lang).get("_common", {}).get("doc_types") or messages("en")["_common"]["doc_types"]
    return str(names.get(doc_type.value, doc_type.value))


class MessageError(KeyError):
    """A message template needs a parameter the rule did not give (a bug the tests catch)."""


def placeholders(template: str) -> set[str]:
    """The parameter names a message template uses: {coverage:.0%} → coverage."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template) if field}


def render(template: str, params: dict[str, Any]) -> str:
    missing = placeholders(template) - params.keys()
    if missing:
        raise MessageError(f"message parameter(s) {', '.join(sorted(missing))} not given")
    return template.format_map(params).strip()


def quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class DocContext:
    """What a document rule sees: the document, its facts and its case."""

    doc: Document
    facts: DocumentFacts
    case: CaseContext
    lang: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_type_name(self) -> str:
        return doc_type_name(self.facts.doc_type, self.lang)

    def finding(
        self,
        code: str,
        variant: str = "message",
        *,
        evidence: str | None = None,
        location: Location | None = None,
        data: dict[str, Any] | None = None,
        **params: Any,
    ) -> Finding:
        return make_finding(code, self.doc.path, variant, self.lang, evidence=evidence, location=location,
                            data=data, ocr=self.doc.ocr, **params)


def make_finding(
    code: str,
    path: str,
    /,  # so that a message template may use {code} and {path} (DL405 "Code {code} is not …")
    variant: str = "message",
    lang: str = "en",
    *,
    evidence: str | None = None,
    location: Location | None = None,
    data: dict[str, Any] | None = None,
    ocr: bool = False,
    **params: Any,
) -> Finding:
    r = REGISTRY[code]
    message = render(r.text(variant, lang) or r.text("message", lang), params)
    suggestion = render(r.text(variant + "_fix", lang) or r.text("fix", lang), params)
    if ocr:
        message += " " + render(messages(lang).get("_common", {}).get("ocr_note", ""), {})
    loc = location or Location()
    return Finding(
        rule=r.code,
        name=r.name,
        severity=r.severity,
        path=path,
        message=message,
        evidence=quote(evidence) if evidence else None,
        suggestion=suggestion or None,
        line=loc.line,
        page=loc.page,
        ocr=ocr,
        data=data or {},
    )
