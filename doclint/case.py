"""CaseContext: everything the case-level rules see about one applicant's case."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doclint.model import DocType, Document, DocumentFacts, ReadError

if TYPE_CHECKING:
    from doclint.context import RunContext


@dataclass
class DocRecord:
    display: str
    doc: Document | None = None
    facts: DocumentFacts | None = None
    error: ReadError | None = None


@dataclass
class CaseContext:
    path: str
    records: list[DocRecord]
    run: RunContext  # the options, catalog and scorer of the run
    manifest: dict[str, Any] = field(default_factory=dict)
    chosen_code: str | None = None
    chosen_source: str | None = None  # cli|manifest|document
    subcategory: str | None = None
    is_folder: bool = True
    lang: str = "en"
    alignment: Any = None  # doclint.align.CaseAlignment when computed
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def readable(self) -> list[DocRecord]:
        return [r for r in self.records if r.facts is not None]

    def of_type(self, *types: DocType) -> list[DocRecord]:
        return [r for r in self.readable if r.facts and r.facts.doc_type in types]
