"""The data that flows through doclint: documents read from files, the facts understood from
them, and the findings rules make. Plain dataclasses; nothing here knows about files or models."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class DocType(StrEnum):
    CONTRACT = "employment_contract"
    REASON_STATEMENT = "employment_reason_statement"
    LETTER = "previous_employer_letter"
    OTHER = "other"


@dataclass(frozen=True)
class Location:
    line: int | None = None  # 1-based; see Block.line
    page: int | None = None  # 1-based


@dataclass
class Block:
    """One unit of text in reading order: a paragraph, heading, list item, table cell,
    header/footer line or a line of a plain-text/PDF page."""

    text: str
    kind: str = "paragraph"  # paragraph|heading|list_item|table_cell|header|footer|line
    page: int | None = None
    line: int | None = None  # 1-based: file line (txt), line on the page (pdf), paragraph no. (docx)
    table: tuple[int, int, int] | None = None  # (table, row, column), 0-based
    list_level: int | None = None  # list items: nesting level; numbered lists keep "1." in marker
    marker: str | None = None  # list marker as written ("1.", "•", "-")
    ocr: bool = False  # text came from OCR and may carry recognition errors

    @property
    def location(self) -> Location:
        return Location(self.line, self.page)


@dataclass
class Document:
    path: str  # as given on the command line (or joined from a folder given there)
    format: str  # docx|pdf|txt|hwpx|hwp|image
    blocks: list[Block]
    pages: int | None = None
    ocr: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass
class Span:
    """A value found in a document, with the text it came from and where."""

    text: str
    location: Location = field(default_factory=Location)
    context: str | None = None  # the passage it was found in, quoted as evidence


@dataclass
class Title(Span):
    value: str = ""  # the title without rank words
    rank: str | None = None  # 과장, 대리, Senior, Lead …


@dataclass
class CodeMention(Span):
    code: str = ""  # as written, normalised (upper-case S, no spaces)
    subcategory: str | None = None  # E-7-1 … when written next to it


@dataclass
class Salary(Span):
    annual_krw: int = 0
    period: str = "year"  # year|month|hour as written


@dataclass
class Duty:
    text: str
    share: float | None = None  # 0..1 when stated
    location: Location = field(default_factory=Location)
    section: str | None = None  # the heading it came under
    vague: str | None = None  # the generic wording that makes it no specific task (DL103)


@dataclass
class DocumentFacts:
    doc_type: DocType = DocType.OTHER
    type_confidence: float = 0.0
    language: str = "en"  # ko|en|mixed
    title: Title | None = None
    duties: list[Duty] = field(default_factory=list)
    duty_section: Span | None = None  # the heading/label the duties were found under
    codes: list[CodeMention] = field(default_factory=list)
    subcategory: Span | None = None
    salary: Salary | None = None
    employer: Span | None = None
    industry: Span | None = None
    applicant: Span | None = None
    contract_period: Span | None = None
    employment_dates: Span | None = None
    has_signatory: bool | None = None
    has_contact: bool | None = None
    posting_phrases: list[Span] = field(default_factory=list)
    # cues the spaCy lexicon found (rules/patterns/lexicon.yaml): why a foreigner (DL202), how
    # the degree/experience fits (DL203), duties that manage people or budgets (DL105)
    foreign_reason: Span | None = None
    qualification_link: Span | None = None
    management_duties: list[Span] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # every language written: ["ko", "en"]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Finding:
    rule: str
    name: str
    severity: Severity
    path: str
    message: str
    evidence: str | None = None
    suggestion: str | None = None
    line: int | None = None
    page: int | None = None
    ocr: bool = False
    data: dict[str, Any] = field(default_factory=dict)  # rule-specific extras (codes, coverage)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.page or 0, self.line or 0, self.rule)


@dataclass
class ReadError(Exception):
    """A document of a supported kind that cannot be read: becomes a DL001 finding."""

    reason: str  # what is wrong, for the user
    fix: str = ""  # what to do about it
    kind: str = "corrupt"  # corrupt|encrypted|empty|unsupported|ocr-missing|too-large|timeout

    def __str__(self) -> str:
        return self.reason
