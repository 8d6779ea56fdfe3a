"""Run options: command line over doclint.toml / [tool.doclint] over defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from doclint.errors import UsageError
from doclint.model import Severity
from doclint.readers.limits import Limits

FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class Options:
    select: set[str] | None = None  # None = every rule
    ignore: set[str] = field(default_factory=set)
    fail_on: str = "error"
    exit_zero: bool = False
    lang: str = "en"
    code: str | None = None
    subcategory: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    severity: dict[str, Severity] = field(default_factory=dict)
    catalog: str | None = None
    model: str | None = None
    progress: bool = True
    statistics: bool = False
    thresholds: dict[str, Any] = field(default_factory=dict)  # [thresholds]: salary minimums
    alignment: dict[str, Any] = field(default_factory=dict)  # [alignment]: rules/alignment.yaml overrides
    config_path: str | None = None
    format: str | None = None  # doclint.toml's format; --format wins
    per_path_ignores: dict[str, set[str]] = field(default_factory=dict)  # glob → rule codes
    baseline: str | None = None  # --baseline FILE
    write_baseline: str | None = None  # --write-baseline FILE
    mask: bool = True  # personal numbers masked in every report (--no-mask)
    cache: bool = True  # the disk cache of embeddings and OCR text (--no-cache)
    limits: Limits = field(default_factory=Limits)

    def enabled(self, code: str) -> bool:
        if code in self.ignore:
            return False
        return self.select is None or code in self.select

    def fails(self, severity: Severity) -> bool:
        if self.exit_zero or self.fail_on == "never":
            return False
        return severity.rank >= Severity(self.fail_on).rank


def parse_rule_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value]


def resolve_rules(tokens: list[str], where: str) -> set[str]:
    from doclint.checks import select

    try:
        return select(tokens)
    except KeyError as exc:
        raise UsageError(f"{where}: unknown rule {exc.args[0]!r} (see `doclint rules`)") from exc
