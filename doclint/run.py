"""`doclint check`: options → cases → engine → report → exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from doclint.config import Options, parse_rule_list, resolve_rules
from doclint.context import RunContext
from doclint.discovery import Case, discover
from doclint.engine import CaseResult, RunResult, run
from doclint.errors import UsageError
from doclint.report import formatter


def build_options(paths: list[str], kwargs: dict[str, Any]) -> Options:
    from doclint.config_file import load_settings

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
    if kwargs.get("baseline"):
        opts.baseline = str(kwargs["baseline"])
    if kwargs.get("write_baseline"):
        opts.write_baseline = str(kwargs["write_baseline"])
    opts.mask = not kwargs.get("no_mask")
    opts.cache = not kwargs.get("no_cache")
    opts.limits = replace(opts.limits, ocr_jobs=opts.jobs, ocr_cache=not kwargs.get("no_cache"))
    if kwargs.get("no_cache"):
        from doclint.nlp import meaning

        meaning.set_cache_folder(None)  # reading by meaning loads the encoder too: no disk cache
    return opts


def start_run(opts: Options) -> RunContext:
    """The run's context; a bad catalog, [thresholds] or --model is a usage error (exit 2)."""
    run_ctx = RunContext.build(opts)
    if opts.model:
        from doclint.align import EncoderError

        try:
            _ = run_ctx.scorer  # a --model that cannot be loaded: say so once, not per case
        except EncoderError as exc:
            raise UsageError(str(exc)) from exc
    return run_ctx


def _want_progress(opts: Options, fmt: str, output: str | None, n_cases: int) -> bool:
    """A bar only for people: a terminal on stderr, not CI, not a machine format on stdout."""
    if not opts.progress or n_cases < 2 or os.environ.get("CI"):
        return False
    if fmt != "text" and output is None:
        return False
    return sys.stderr.isatty()


def run_check(paths: list[str], fmt: str | None, output: str | None, kwargs: dict[str, Any]) -> int:
    opts = build_options(paths, kwargs)
    fmt = fmt or opts.format or "text"
    run_ctx = start_run(opts)
    cases = discover(paths, whole_case=bool(kwargs.get("whole_case")))
    if _want_progress(opts, fmt, output, len(cases)):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(TextColumn("checking cases"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task("cases", total=len(cases))
            result = check_cases(cases, run_ctx, on_case=lambda _: bar.advance(task))
    else:
        result = check_cases(cases, run_ctx)
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


def check_cases(cases: list[Case], run_ctx: RunContext, on_case: Callable[[CaseResult], None] | None = None) -> RunResult:
    """The findings of a run as a user sees them: fingerprinted, the baseline applied, personal
    numbers masked. `doclint check` and `doclint serve` both report this."""
    from doclint import baseline, privacy

    opts = run_ctx.options
    result = run(cases, run_ctx, on_case=on_case)
    for f in result.findings:
        f.data["fingerprint"] = baseline.fingerprint(f)
    _apply_baseline(result, opts)
    if opts.mask:
        privacy.mask_run(result)
    _write_baseline(result, opts)
    return result


def _apply_baseline(result: RunResult, opts: Options) -> None:
    from doclint import baseline

    if opts.baseline:
        accepted = baseline.load(opts.baseline)
        all_findings = result.findings
        kept, stale = accepted.apply(all_findings)
        kept_ids = {id(f) for f in kept}
        for case in result.cases:
            case.findings = [f for f in case.findings if id(f) in kept_ids]
        result.baseline = {"file": accepted.file, "accepted": len(all_findings) - len(kept), "unmatched": stale}
        if stale:
            result.notes.append(f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {accepted.file} no longer match any finding:")
            result.notes.extend(f"  {e['path']}: {e['rule']} \"{e.get('evidence', '')}\"" for e in stale)


def _write_baseline(result: RunResult, opts: Options) -> None:
    from doclint import baseline

    if opts.write_baseline:
        n = baseline.write(result.findings, opts.write_baseline)
        print(f"doclint: wrote {n} finding(s) to {opts.write_baseline}; fill in each `reason`", file=sys.stderr)


__all__ = ["UsageError", "check_cases", "run_check", "start_run"]
