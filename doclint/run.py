"""`doclint check`: options → cases → engine → report → exit status."""

from __future__ import annotations

import sys
from typing import Any

from doclint.cases import UsageError, discover
from doclint.config import Options, parse_rule_list, resolve_rules
from doclint.engine import run
from doclint.report import formatter


def build_options(paths: list[str], kwargs: dict[str, Any]) -> Options:
    from doclint.settings import load_settings

    settings = load_settings(paths, kwargs.get("config_file"))  # type: ignore[arg-type]
    opts = Options()
    settings.apply(opts)
    if kwargs.get("select"):
        opts.select = resolve_rules(parse_rule_list(kwargs["select"]), "--select")
    if kwargs.get("extend_select"):
        opts.select = (opts.select or set()) | resolve_rules(parse_rule_list(kwargs["extend_select"]), "--extend-select")
    if kwargs.get("ignore"):
        opts.ignore |= resolve_rules(parse_rule_list(kwargs["ignore"]), "--ignore")
    for key in ("fail_on", "lang", "code", "subcategory", "jobs", "catalog", "model"):
        if kwargs.get(key) is not None:
            setattr(opts, key, kwargs[key])
    opts.exit_zero = bool(kwargs.get("exit_zero"))
    opts.statistics = bool(kwargs.get("statistics"))
    if kwargs.get("no_progress"):
        opts.progress = False
    for key in ("baseline", "write_baseline", "no_mask", "no_cache"):
        if kwargs.get(key):
            opts.extra[key] = kwargs[key]
    return opts


def run_check(paths: list[str], fmt: str | None, output: str | None, kwargs: dict[str, Any]) -> int:
    opts = build_options(paths, kwargs)
    fmt = fmt or opts.extra.get("format") or "text"
    cases = discover(paths)
    result = run(cases, opts)
    color = output is None and sys.stdout.isatty() and fmt == "text"
    text = formatter(fmt)(result, opts, color)
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if any(opts.fails(f.severity) for f in result.findings):
        return 1
    return 0


__all__ = ["UsageError", "run_check"]
