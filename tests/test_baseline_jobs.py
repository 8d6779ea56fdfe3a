"""Baselines round trip, and --jobs gives the same output as a single process."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from test_case_rules import EN_CASES, KO_CASES, build_cases

from conftest import run_doclint

STATEMENT = """# Statement of Employment Reasons
Position: {title}
## Duties
- Other duties as assigned
- Develop REST APIs in Java Spring for the order system
"""


def test_baseline_round_trip_and_stale_entries(tmp_path: Path, make_doc) -> None:
    doc = make_doc(STATEMENT.format(title="Consultant"), "statement.docx", tmp_path / "case")
    base = tmp_path / "baseline.yaml"
    first = run_doclint("check", str(doc), "--write-baseline", str(base), "--select", "DL101,DL103")
    assert first.returncode == 0  # only warnings
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    assert {e["rule"] for e in data["findings"]} == {"DL101", "DL103"}
    assert all(e["reason"] == "" and len(e["fingerprint"]) == 16 for e in data["findings"])

    accepted = run_doclint("check", str(doc), "--baseline", str(base), "--select", "DL101,DL103")
    assert "0 warnings" in accepted.stdout and "accepted by the baseline" in accepted.stdout

    # the title is fixed: its baseline entry no longer matches anything and is reported
    make_doc(STATEMENT.format(title="Backend Developer"), "statement.docx", tmp_path / "case")
    stale = run_doclint("check", str(doc), "--baseline", str(base), "--select", "DL101,DL103")
    assert "no longer match" in stale.stdout and "DL101" in stale.stdout


def test_bad_baseline_is_usage_error(tmp_path: Path, make_doc) -> None:
    doc = make_doc(STATEMENT.format(title="Consultant"), "statement.docx", tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: text\n", encoding="utf-8")
    proc = run_doclint("check", str(doc), "--baseline", str(bad))
    assert proc.returncode == 2 and "not a valid baseline" in proc.stderr


def test_jobs_give_identical_output(tmp_path: Path, make_doc) -> None:
    """20 cases (the 11 Korean/English case-rule folders of test_case_rules, a broken upload and 8
    lone statements): one process and a pool of two give the same JSON, byte for byte."""
    root = tmp_path / "clients"
    titles = ["Consultant", "Backend Developer", "Manager", "Staff", "Data Analyst", "Web Developer", "Employee", "Translator"]
    for i, title in enumerate(titles):
        make_doc(STATEMENT.format(title=title), "statement.docx", root / f"case-{i:02d}")
    build_cases(root / "ko", KO_CASES, "ko")
    build_cases(root / "en", EN_CASES, "en")
    (root / "broken" / "근로계약서.docx").parent.mkdir(parents=True)
    (root / "broken" / "근로계약서.docx").write_bytes(b"PK\x03\x04 truncated")
    one = run_doclint("check", str(root), "--format", "json", "--jobs", "1")
    two = run_doclint("check", str(root), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert len(data["cases"]) == 20
    found = {f["rule"] for c in data["cases"] for f in c["findings"]}
    assert {"DL001", "DL101", "DL407", "DL501", "DL502", "DL503", "DL505"} <= found
