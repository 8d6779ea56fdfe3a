"""The Python API, for agencies' own pipelines: `doclint.check(paths, **options) -> Report`.

    import doclint
    report = doclint.check(["clients/"], lang="ko")
    for finding in report.findings:
        print(finding.rule, finding.name, finding.severity, finding.path, finding.line, finding.message)
    report.to_json()   # exactly what `doclint check --format json` prints

The same run as the command line (configuration file, discovery, rules, baseline, masking);
a bad path or option raises doclint.UsageError."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from doclint.model import Finding, Severity

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult


@dataclass(frozen=True)
class Duty:
    text: str
    share: float | None
    best_code: str | None
    matches_chosen: bool | None
    line: int | None
    page: int | None


@dataclass(frozen=True)
class Document:
    path: str
    readable: bool
    type: str | None  # employment_contract, employment_reason_statement, previous_employer_letter, other
    language: str | None
    title: str | None
    codes: list[str]
    annual_salary_krw: int | None
    duties: list[Duty]


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    coverage: float
    probability: float | None
    chosen: bool


@dataclass(frozen=True)
class Case:
    path: str
    chosen_code: str | None
    chosen_code_source: str | None
    subcategory: str | None
    suggestions: list[Suggestion]
    documents: list[Document]
    findings: list[Finding]


@dataclass
class Report:
    """The result of a run: its cases with their documents and findings."""

    cases: list[Case]
    summary: dict[str, int]
    _run: RunResult = field(repr=False)
    _options: Options = field(repr=False)

    @property
    def findings(self) -> list[Finding]:
        return [f for case in self.cases for f in case.findings]

    @property
    def exit_code(self) -> int:
        """What `doclint check` would exit with: 1 when a finding is at or above fail-on."""
        return 1 if any(self._options.fails(f.severity) for f in self.findings) else 0

    def to_dict(self) -> dict[str, Any]:
        from doclint.report.data import run_dict

        return run_dict(self._run)

    def to_json(self) -> str:
        """Identical to `doclint check --format json`."""
        return self.render("json")

    def render(self, fmt: str = "text") -> str:
        """The report in any output format of the command line (text, json, sarif, junit, github, html, csv)."""
        from doclint.errors import UsageError
        from doclint.report import FORMATS, formatter

        if fmt not in FORMATS:
            raise UsageError(f"format must be one of {', '.join(FORMATS)}")
        return formatter(fmt)(self._run, self._options, False)


def _document(d: dict[str, Any]) -> Document:
    duties = [Duty(x["text"], x["share"], x["best_code"], x["matches_chosen"], x["line"], x["page"]) for x in d["duties"]]
    return Document(d["path"], d["readable"], d["type"], d["language"], d["title"], list(d["codes"]),
                    d["annual_salary_krw"], duties)


def _suggestion(s: dict[str, Any]) -> Suggestion:
    return Suggestion(s["code"], s["title"], float(s["coverage"]), s.get("probability"), bool(s["chosen"]))


def check(
    paths: str | PathLike[str] | Iterable[str | PathLike[str]],
    *,
    code: str | None = None,
    subcategory: str | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    lang: str | None = None,
    fail_on: str | None = None,
    catalog: str | None = None,
    config: str | None = None,
    whole_case: bool = False,
    jobs: int = 1,
    mask: bool = True,
    cache: bool = True,
) -> Report:
    """Check files and/or case folders, as `doclint check` does, and return the report."""
    from doclint.discovery import discover
    from doclint.errors import UsageError
    from doclint.run import build_options, check_cases, start_run

    given = [paths] if isinstance(paths, (str, PathLike)) else list(paths)
    names = [str(p) for p in given]
    if not names:
        raise UsageError("no paths to check")
    if lang not in (None, "en", "ko"):
        raise UsageError("lang must be en or ko")
    if fail_on not in (None, "error", "warning", "info", "never"):
        raise UsageError("fail_on must be error, warning, info or never")

    def rule_list(value: Iterable[str] | str | None) -> str | None:
        return value if value is None or isinstance(value, str) else ",".join(value)

    kwargs: dict[str, Any] = {
        "code": code, "subcategory": subcategory, "select": rule_list(select), "ignore": rule_list(ignore),
        "lang": lang, "fail_on": fail_on, "catalog": catalog, "config_file": config, "jobs": jobs,
        "no_progress": True, "no_mask": not mask, "no_cache": not cache,
    }
    options = build_options(names, kwargs)
    result = check_cases(discover(names, whole_case=whole_case), start_run(options))
    from doclint.report.data import case_dict, summary

    cases = []
    for case_result in result.cases:
        d = case_dict(case_result)
        cases.append(Case(d["path"], d["chosen_code"], d["chosen_code_source"], d["subcategory"],
                          [_suggestion(s) for s in d["suggestions"]], [_document(x) for x in d["documents"]],
                          list(case_result.findings)))
    return Report(cases, summary(result), result, options)


__all__ = ["Case", "Document", "Duty", "Finding", "Report", "Severity", "Suggestion", "check"]
