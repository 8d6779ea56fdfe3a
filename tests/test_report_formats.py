"""SARIF (validated against the vendored SARIF 2.1.0 schema), JUnit and GitHub annotations,
produced by the real CLI on the samples."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_doclint

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schema" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sarif() -> dict:
    proc = run_doclint("check", "samples", "--format", "sarif")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_schema(sarif) -> None:
    jsonschema.validate(sarif, SARIF_SCHEMA, cls=jsonschema.Draft7Validator)


def test_sarif_has_a_descriptor_per_rule_and_relative_uris(sarif) -> None:
    run = sarif["runs"][0]
    listing = run_doclint("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(listing.stdout)["rules"]]
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == codes
    assert all(d["shortDescription"]["text"] and d["fullDescription"]["text"] and d["help"]["text"] for d in descriptors)
    assert run["results"], "samples produce findings"
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert uri.startswith("samples/") and uri.isascii(), uri  # relative, Korean names percent-encoded
        assert loc["region"]["startLine"] >= 1
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["doclintEvidence/v1"]) == 16
    levels = {r["level"] for r in run["results"]}
    assert levels <= {"error", "warning", "note"} and "error" in levels


def test_sarif_korean_file_names_are_percent_encoded(sarif) -> None:
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert any("%EA%B2%BD" in u for u in uris)  # 경력증명서.pdf
    assert all(u.isascii() for u in uris)


def test_junit_one_testcase_per_document() -> None:
    proc = run_doclint("check", "samples/08-broken-upload", "--format", "junit")
    root = ET.fromstring(proc.stdout)
    cases = root.findall(".//testcase")
    assert sorted(Path(c.get("name")).name for c in cases) == ["경력증명서.pdf", "고용사유서.docx", "근로계약서.docx"]
    failed = sorted(Path(c.get("name")).name for c in cases if c.find("failure") is not None)
    assert failed == ["경력증명서.pdf", "근로계약서.docx"]
    assert root.get("failures") == "2"


def test_github_annotations(tmp_path: Path, make_doc) -> None:
    doc = make_doc("# Statement of Employment Reasons\nPosition: Consultant\n## Duties\n- Other duties as assigned", "s,1.docx", tmp_path)
    proc = run_doclint("check", str(doc), "--format", "github")
    lines = proc.stdout.splitlines()
    assert any(line.startswith("::warning file=") and ",title=DL101 generic-title::" in line for line in lines)
    assert any(line.startswith("::error ") and "DL201" in line for line in lines)
    assert all("\n" not in line for line in lines)
    assert "s%2C1.docx" in proc.stdout  # commas in properties are escaped


def test_output_file_keeps_exit_status(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    proc = run_doclint("check", "samples", "--format", "sarif", "--output", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
