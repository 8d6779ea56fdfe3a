"""Rules describe themselves: scope, needs and message parameters are declared with each rule and
everything else (the engine's special cases, the README's rule table, the message checks) is
derived from that one source."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, lint
from doclint.checks import all_rules, rules_markdown
from doclint.checks.base import SCOPES, MessageError, messages, placeholders, render

LANGS = ("en", "ko")
DOC_KEYS = ("summary", "explanation")


def _templates(code: str, lang: str) -> dict[str, str]:
    return {k: v for k, v in messages(lang).get(code, {}).items() if k not in DOC_KEYS}


def test_readme_rule_table_is_generated() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- rules:[^\n]*-->\n(.*?)<!-- /rules -->", readme, re.S)
    assert table, "the README marks its rule table"
    assert table.group(1) == rules_markdown(), "README rule table differs: paste `doclint rules --format markdown`"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_in_every_language(lang: str) -> None:
    for code, r in all_rules().items():
        assert r.scope in SCOPES
        texts = _templates(code, lang)
        assert "message" in texts and texts["message"].strip(), (code, lang)
        assert "fix" in texts or code in ("DL001",) or any(k.endswith("_fix") for k in texts), (code, lang)
        for key, template in texts.items():
            used = placeholders(template)
            assert used <= r.params, f"{code}.{key} ({lang}) uses undeclared {used - r.params}"
            text = render(template, dict.fromkeys(r.params, 0.5))  # numbers format with any spec
            assert "{" not in text and "}" not in text, (code, key, lang, text)
        for key in ("summary", "explanation"):
            assert messages(lang).get(code, {}).get(key), f"{code} has no {key} in {lang}"


def test_languages_use_the_same_parameters() -> None:
    """A parameter said in one language and dropped in the other loses information (DL405's note)."""
    for code in all_rules():
        en, ko = _templates(code, "en"), _templates(code, "ko")
        assert en.keys() == ko.keys(), code
        for key in en:
            assert placeholders(en[key]) == placeholders(ko[key]), (code, key)


def test_declared_parameters_are_used() -> None:
    for code, r in all_rules().items():
        used = set().union(*(placeholders(t) for lang in LANGS for t in _templates(code, lang).values()))
        assert r.params == used, (code, r.params - used)


def test_a_missing_parameter_is_an_error_not_a_placeholder() -> None:
    with pytest.raises(MessageError, match="coverage"):
        render("Only {coverage:.0%} of the duties", {})


def test_engine_reads_scope_and_needs_from_the_rules() -> None:
    from doclint.engine import alignment_rules

    rules = all_rules()
    assert rules["DL001"].scope == "reader" and rules["DL603"].scope == "run"
    assert set(alignment_rules()) == {c for c, r in rules.items() if "alignment" in r.needs}
    assert {"DL401", "DL402", "DL403"} <= set(alignment_rules())
    assert "catalog" in rules["DL601"].needs


def test_thresholds_in_messages_follow_the_configuration() -> None:
    sample = ROOT / "samples" / "10-sam-hybrid-startup"
    default = [f for f in lint(sample).findings if f.rule == "DL403"]
    assert default and "50%" in default[0].message and "70%+" in (default[0].suggestion or "")
    changed = [f for f in lint(sample, alignment={"primary-min": 0.45, "coverage-min": 0.8}).findings if f.rule == "DL403"]
    assert changed and "45%" in changed[0].message and "80%+" in (changed[0].suggestion or "")
