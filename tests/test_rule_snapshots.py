"""What a user reads, rule by rule: each folder of tests/fixtures/rules/ is a small case that makes
its rule fire (documents written in the markup of docs/markup.md, rendered to real files here);
the exact text (English and Korean) and JSON findings of that rule are compared with the snapshot
files beside it. A change in wording, evidence, line or severity shows up as a diff in review.

To accept a change: DOCLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_rule_snapshots.py
(DL603, catalog-stale, depends on today's date and is tested in test_catalog_rules.py.)"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import doclint
from conftest import ROOT
from doclint.checks import all_rules
from doclint.report import formatter
from doclint.report.data import finding_dict
from render import render

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
RULES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
UPDATE = os.environ.get("DOCLINT_UPDATE_SNAPSHOTS") == "1"


def _build(tmp: Path) -> None:
    for rule in RULES:
        out = tmp / rule
        out.mkdir(parents=True)
        for src in sorted((FIXTURES / rule).iterdir()):
            if src.name.startswith("snapshot."):
                continue
            if src.suffix == ".md":
                render(src.read_text(encoding="utf-8"), out / src.stem)
            else:
                shutil.copyfile(src, out / src.name)  # a deliberately broken upload


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, doclint.Report]:
    tmp = tmp_path_factory.mktemp("rule-fixtures")
    _build(tmp)
    cwd = os.getcwd()
    os.chdir(tmp)  # paths in the output read "DL401/contract.docx"
    try:
        return {lang: doclint.check(RULES, lang=lang) for lang in ("en", "ko")}
    finally:
        os.chdir(cwd)


def _only(report: doclint.Report, rule: str) -> tuple[str, list[dict]]:
    """The text and JSON findings a user reads for this rule's case, this rule only."""
    run = report._run
    (case,) = [c for c in run.cases if c.context.path == rule]
    mine = replace(case, findings=[f for f in case.findings if f.rule == rule])
    text = formatter("text")(replace(run, cases=[mine], notes=[]), report._options, False)
    return text, [finding_dict(f) for f in mine.findings]


def _compare(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.relative_to(ROOT)} written: review and commit it")
        return
    assert actual == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs (DOCLINT_UPDATE_SNAPSHOTS=1 to accept)"


def test_every_rule_has_a_fixture() -> None:
    assert set(all_rules()) - set(RULES) == {"DL603"}


@pytest.mark.parametrize("rule", RULES)
def test_rule_output(reports: dict[str, doclint.Report], rule: str) -> None:
    en_text, en_json = _only(reports["en"], rule)
    ko_text, _ = _only(reports["ko"], rule)
    assert en_json, f"the {rule} fixture no longer makes {rule} fire"
    assert all(f["rule"] == rule and f["name"] == all_rules()[rule].name for f in en_json)
    _compare(FIXTURES / rule / "snapshot.en.txt", en_text)
    _compare(FIXTURES / rule / "snapshot.ko.txt", ko_text)
    _compare(FIXTURES / rule / "snapshot.json", json.dumps(en_json, ensure_ascii=False, indent=2) + "\n")
