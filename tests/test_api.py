"""The Python API: doclint.check(paths, **options) -> Report, the same run as `doclint check`."""

from __future__ import annotations

from pathlib import Path

import pytest

import doclint
from conftest import ROOT, run_doclint

CASES = ["samples/02-marcus-marketing-manager", "samples/08-broken-upload"]


@pytest.fixture(scope="module")
def report() -> doclint.Report:
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)  # paths as a user in the repository would give them
    try:
        return doclint.check(CASES)
    finally:
        os.chdir(cwd)


def test_report_to_json_is_the_command_lines(report: doclint.Report) -> None:
    proc = run_doclint("check", *CASES, "--format", "json")
    assert proc.returncode == report.exit_code == 1
    assert report.to_json() == proc.stdout


def test_typed_cases_documents_findings(report: doclint.Report) -> None:
    marcus, broken = report.cases
    assert marcus.path == CASES[0] and marcus.chosen_code == "2733"
    assert marcus.suggestions[0].code == "S2855" and not marcus.suggestions[0].chosen
    contract = next(d for d in marcus.documents if d.path.endswith("employment_contract.docx"))
    assert contract.type == "employment_contract" and contract.title == "Marketing Manager"
    assert any(d.best_code == "S2855" for d in contract.duties)
    drift = next(f for f in report.findings if f.rule == "DL401")
    assert (drift.name, drift.severity, drift.line) == ("code-drift", "error", 13)
    assert drift.path.endswith("employment_contract.docx") and "S2855" in drift.message
    assert {f.rule for f in broken.findings} == {"DL001"}
    assert any(not d.readable for d in broken.documents)
    assert report.summary["cases"] == 2 and len(report.findings) == report.summary["errors"] + report.summary["warnings"] + report.summary["infos"]


def test_options(tmp_path: Path) -> None:
    only = doclint.check(ROOT / CASES[0], select=["DL4"], lang="ko")
    assert {f.rule for f in only.findings} == {"DL401", "DL402"}
    assert "직종" in only.findings[0].message
    assert doclint.check(ROOT / CASES[0], select="DL4", fail_on="never").exit_code == 0
    assert "<!doctype html>" in only.render("html")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [({"paths": "no/such/folder"}, "no such file"), ({"paths": [], }, "no paths"),
     ({"paths": "samples", "lang": "fr"}, "lang"), ({"paths": "samples", "select": "DL999"}, "DL999")],
)
def test_usage_errors_raise(kwargs: dict, words: str) -> None:
    with pytest.raises(doclint.UsageError, match=words):
        doclint.check(**kwargs)
