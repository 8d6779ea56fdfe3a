"""The rule set. Importing this package registers every rule (one module each, yamllint-style)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from doclint.checks.base import REGISTRY, Rule


@cache
def all_rules() -> dict[str, Rule]:
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("dl"):
            importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(REGISTRY.items()))


def resolve(token: str) -> Rule | None:
    """A rule by code (DL401), name (code-drift) or code prefix (DL4 → first match)."""
    rules = all_rules()
    token = token.strip()
    if token.upper() in rules:
        return rules[token.upper()]
    for r in rules.values():
        if r.name == token.lower():
            return r
    return None


def select(tokens: list[str]) -> set[str]:
    """Codes named by --select/--ignore tokens: codes, names, prefixes (DL4), or ALL."""
    rules = all_rules()
    out: set[str] = set()
    for token in tokens:
        token = token.strip()
        if not token:
            continue
        if token.upper() == "ALL":
            out |= set(rules)
            continue
        r = resolve(token)
        if r:
            out.add(r.code)
            continue
        prefixed = {c for c in rules if c.startswith(token.upper())}
        if not prefixed:
            raise KeyError(token)
        out |= prefixed
    return out


def rules_markdown(lang: str = "en") -> str:
    """The rule table of the README (`doclint rules --format markdown`); a test keeps them equal."""
    lines = ["| code | name | severity | scope | what it means |", "|---|---|---|---|---|"]
    for r in all_rules().values():
        summary = r.text("summary", lang).replace("|", "\\|")
        lines.append(f"| {r.code} | {r.name} | {r.severity.value} | {r.scope} | {summary} |")
    return "\n".join(lines) + "\n"
