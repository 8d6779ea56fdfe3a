"""The occupation-code catalog as typed, validated data (rules/catalog/SCHEMA.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator

T = TypeVar("T")

SUBCATEGORIES = ("E-7-1", "E-7-2", "E-7-3", "E-7-4", "E-7-S")
CODE_RE = re.compile(r"^S?\d{3,5}$")


class Industry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    en: str
    ko: str
    terms: list[str] = Field(default_factory=list)


class CodeEntry(BaseModel):
    """One occupation: an E-7 code, or (in `ineligible`) an occupation that is not on the list."""

    model_config = ConfigDict(extra="forbid")
    code: str
    aliases: list[str] = Field(default_factory=list)
    subcategory: str | None = None
    group_ko: str | None = None
    name_ko: str
    name_en: str
    definition_ko: list[str] = Field(default_factory=list)
    definition_en: list[str] = Field(default_factory=list)
    terms_ko: list[str] = Field(default_factory=list)
    terms_en: list[str] = Field(default_factory=list)
    qualifications_en: str | None = None
    qualifications_ko: str | None = None
    industries: list[Industry] = Field(default_factory=list)
    min_annual_krw: int | None = None
    sources: str | None = None
    why_en: str | None = None  # ineligible occupations: why they do not qualify
    why_ko: str | None = None
    eligible: bool = True

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: object) -> str:
        return str(value).strip().upper()

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, (str, int)):
            value = [value]
        return [str(v).strip().upper() for v in value if str(v).strip()]

    @field_validator("subcategory")
    @classmethod
    def _subcategory(cls, value: str | None) -> str | None:
        if value is not None and value not in SUBCATEGORIES:
            raise ValueError(f"must be one of {', '.join(SUBCATEGORIES)}")
        return value

    @property
    def parent_group(self) -> str:
        """KSCO sub-major group (first two digits): 2224 → 22, S2855 → 28."""
        return self.code.lstrip("S")[:2]

    @property
    def title(self) -> str:
        return f"{self.name_ko} ({self.name_en})"

    def definition(self, lang: str) -> list[str]:
        return self.definition_ko if lang == "ko" else self.definition_en

    def terms(self) -> list[str]:
        return self.terms_ko + self.terms_en


class GuideNumber(BaseModel):
    """A number that guides print but the official list does not hold (a guide's own code table)."""

    model_config = ConfigDict(extra="forbid")
    number: str
    guide_title: str
    official: list[str] = Field(default_factory=list)  # the official code(s) for that work
    source: str = ""
    note: str | None = None

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, value: object) -> str:
        return str(value).strip().upper()

    @field_validator("official", mode="before")
    @classmethod
    def _official(cls, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, (str, int)):
            value = [value]
        return [str(v).strip().upper() for v in value]


class SalaryFigure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_annual_krw: int | None = None
    label: str = ""
    basis: str = ""
    basis_ko: str = ""
    source: str | None = None  # where this figure comes from, when not the table's `source`


class SalaryTable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int
    source: str
    note: str = ""
    subcategories: dict[str, SalaryFigure] = Field(default_factory=dict)


class CatalogMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    version: str = ""
    as_of: date
    sources: list[str] = Field(default_factory=list)
    note: str = ""
    official: bool = False


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")
    catalog: CatalogMeta
    thresholds: SalaryTable | None = None
    subcategories: dict[str, dict[str, str]] = Field(default_factory=dict)
    codes: list[CodeEntry] = Field(default_factory=list)
    ineligible: list[CodeEntry] = Field(default_factory=list)
    guide_numbers: list[GuideNumber] = Field(default_factory=list)
    e7s: dict[str, object] = Field(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        self._by_code: dict[str, CodeEntry] = {}
        for entry in self.codes:
            self._by_code[entry.code] = entry
        for entry in self.codes:
            for alias in entry.aliases:
                self._by_code.setdefault(alias, entry)
        for entry in self.ineligible:
            entry.eligible = False
        self._derived: dict[str, object] = {}

    def derived(self, key: str, build: Callable[[Catalog], T]) -> T:
        """Data computed from this catalog once and kept with it (e.g. the rules' name index),
        so no module keeps a cache keyed by catalog identity."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return cast(T, self._derived[key])

    def get(self, code: str) -> CodeEntry | None:
        """The entry for an official code or one of its aliases."""
        return self._by_code.get(code.strip().upper())

    def info(self) -> dict[str, object]:
        """Provenance for reports (the JSON report's `catalog` field)."""
        meta = self.catalog
        return {"name": meta.name, "version": meta.version or None, "as_of": meta.as_of.isoformat(),
                "official": meta.official, "codes": len(self.codes)}

    def numbers(self) -> list[str]:
        """Every official number and alias."""
        return list(self._by_code)

    def guide(self, number: str) -> GuideNumber | None:
        number = number.strip().upper()
        return next((g for g in self.guide_numbers if g.number == number), None)
