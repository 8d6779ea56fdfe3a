"""Configuration through the real CLI: doclint.toml / [tool.doclint] found by walking up,
severity overrides, fail-on against the command line, per-path-ignores, --statistics, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_doclint, run_json

# DL101 (generic title) and DL103 (vague duty): two warnings, and no encoder is needed for them.
STATEMENT = """# Statement of Employment Reasons
Position: Consultant
## Duties
- Other duties as assigned
- Develop REST APIs in Java Spring for the order system
"""
RULES = "DL101,DL103"


def _found(data: dict[str, Any]) -> dict[str, set[str]]:
    """case folder name → rules found there."""
    return {Path(c["path"]).name: {f["rule"] for f in c["findings"]} for c in data["cases"]}


def _tree(root: Path, make_doc) -> None:
    make_doc(STATEMENT, "statement.docx", root / "clients" / "old" / "kim")
    make_doc(STATEMENT, "statement.pdf", root / "clients" / "new" / "lee")
    make_doc(STATEMENT, "statement.docx", root / "clients" / "new" / "park")


def test_pyproject_found_walking_up_with_severity_and_fail_on(tmp_path: Path, make_doc) -> None:
    _tree(tmp_path, make_doc)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.doclint]\nselect = ["DL101", "vague-duties"]\nfail-on = "warning"\n'
        '[tool.doclint.severity]\ngeneric-title = "error"\n', encoding="utf-8")
    target = str(tmp_path / "clients" / "new")  # the config is two folders up
    code, data = run_json("check", target)
    sev = {f["rule"]: f["severity"] for c in data["cases"] for f in c["findings"]}
    assert sev == {"DL101": "error", "DL103": "warning"} and code == 1
    # command-line options win over the file
    code, data = run_json("check", target, "--select", "DL103", "--fail-on", "error")
    assert code == 0 and {r for rules in _found(data).values() for r in rules} == {"DL103"}


def test_per_path_ignores_relative_to_the_config_file(tmp_path: Path, make_doc) -> None:
    _tree(tmp_path, make_doc)
    (tmp_path / "doclint.toml").write_text(
        f'select = "{RULES}"\n[per-path-ignores]\n'
        '"clients/old" = ["generic-title"]\n'  # a folder covers what is under it
        '"*.pdf" = ["DL103"]\n'  # a bare name matches anywhere below the config
        '"!clients/new/*" = ["DL103"]\n', encoding="utf-8")  # everything NOT under clients/new
    expected: dict[str, set[str]] = {"kim": set(), "lee": {"DL101"}, "park": {"DL101", "DL103"}}
    # absolute paths from another folder, and a relative path from the config's folder
    _, data = run_json("check", str(tmp_path / "clients"))
    assert _found(data) == expected
    _, data = run_json("check", "clients", cwd=tmp_path)
    assert _found(data) == expected
    # without the file every rule fires everywhere
    (tmp_path / "doclint.toml").write_text(f'select = "{RULES}"\n', encoding="utf-8")
    _, data = run_json("check", str(tmp_path / "clients"))
    assert all(rules == {"DL101", "DL103"} for rules in _found(data).values())


def test_statistics_counts_per_rule(tmp_path: Path, make_doc) -> None:
    _tree(tmp_path, make_doc)
    _, data = run_json("check", str(tmp_path / "clients"), "--select", RULES, "--statistics")
    assert [(s["rule"], s["count"]) for s in data["statistics"]] == [("DL101", 3), ("DL103", 3)]
    text = run_doclint("check", str(tmp_path / "clients"), "--select", RULES, "--statistics").stdout
    assert "    3  DL101  generic-title" in text.splitlines()


def test_configuration_errors_exit_2(tmp_path: Path, make_doc) -> None:
    doc = make_doc(STATEMENT, "statement.docx", tmp_path)
    bad = {
        'selec = ["DL101"]\n': "unknown key",
        'ignore = ["DL999"]\n': "unknown rule",
        '[per-path-ignores]\n"*.pdf" = 3\n': "per-path-ignores",
        '[per-path-ignores]\n"*.pdf" = ["not-a-rule"]\n': "unknown rule",
        'fail-on = "sometimes"\n': "fail-on",
    }
    for text, message in bad.items():
        (tmp_path / "doclint.toml").write_text(text, encoding="utf-8")
        proc = run_doclint("check", str(doc))
        assert proc.returncode == 2 and message in proc.stderr, (text, proc.stderr)
        assert "Traceback" not in proc.stderr
