"""Configuration files: doclint.toml or [tool.doclint] in pyproject.toml, found by walking up
from the first path. Unknown keys and rule names are errors, not silently ignored."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from doclint.config import FAIL_ON, Options, parse_rule_list, resolve_rules
from doclint.errors import UsageError
from doclint.model import Severity

KNOWN_KEYS = {
    "select", "ignore", "extend-select", "fail-on", "lang", "jobs", "catalog", "model",
    "severity", "per-path-ignores", "thresholds", "format", "code", "subcategory",
    "timeout-per-page", "timeout-per-document", "max-pages", "alignment",
}


@dataclass
class Settings:
    path: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def apply(self, opts: Options) -> None:
        d = self.data
        where = str(self.path) if self.path else "configuration"
        unknown = set(d) - KNOWN_KEYS
        if unknown:
            raise UsageError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; known keys: {', '.join(sorted(KNOWN_KEYS))}")
        opts.config_path = str(self.path) if self.path else None
        if "select" in d:
            opts.select = resolve_rules(parse_rule_list(d["select"]), f"{where}: select")
        if "extend-select" in d:
            opts.select = (opts.select or set()) | resolve_rules(parse_rule_list(d["extend-select"]), f"{where}: extend-select")
        if "ignore" in d:
            opts.ignore = resolve_rules(parse_rule_list(d["ignore"]), f"{where}: ignore")
        if "fail-on" in d:
            if d["fail-on"] not in FAIL_ON:
                raise UsageError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
            opts.fail_on = d["fail-on"]
        if "lang" in d:
            if d["lang"] not in ("en", "ko"):
                raise UsageError(f"{where}: lang must be en or ko")
            opts.lang = d["lang"]
        for key in ("jobs", "catalog", "model", "code", "subcategory"):
            if key in d:
                setattr(opts, key, d[key])
        if "catalog" in d and self.path is not None:  # relative to the configuration file
            opts.catalog = str(self.path.parent / str(d["catalog"]))
        if "format" in d:
            from doclint.report import FORMATS

            if d["format"] not in FORMATS:
                raise UsageError(f"{where}: format must be one of {', '.join(FORMATS)}")
            opts.format = d["format"]
        limits = {"timeout-per-page": "seconds_per_page", "timeout-per-document": "seconds_per_document", "max-pages": "max_pages"}
        for key, attr in limits.items():
            if key in d:
                if not isinstance(d[key], (int, float)) or d[key] <= 0:
                    raise UsageError(f"{where}: {key} must be a positive number")
                opts.limits = replace(opts.limits, **{attr: d[key]})
        if "thresholds" in d:
            opts.thresholds = dict(d["thresholds"])
        if "alignment" in d:
            opts.alignment = _alignment(d["alignment"], where)
        if "per-path-ignores" in d:
            table = d["per-path-ignores"]
            if not isinstance(table, dict) or not all(isinstance(v, (str, list)) for v in table.values()):
                raise UsageError(f'{where}: per-path-ignores must be a table of "glob" = ["RULE", …]')
            opts.per_path_ignores = {
                pattern: resolve_rules(parse_rule_list(rules), f"{where}: per-path-ignores") for pattern, rules in d["per-path-ignores"].items()
            }
        for token, sev in (d.get("severity") or {}).items():
            codes = resolve_rules([token], f"{where}: severity")
            try:
                level = Severity(sev)
            except ValueError as exc:
                raise UsageError(f"{where}: severity of {token} must be error, warning or info") from exc
            for code in codes:
                opts.severity[code] = level


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from exc


def find_config(start: Path) -> Path | None:
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "doclint.toml").is_file():
            return candidate / "doclint.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "doclint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_settings(paths: list[str], config_file: str | None) -> Settings:
    path = Path(config_file) if config_file else (find_config(Path(paths[0])) if paths and Path(paths[0]).exists() else None)
    if path is None:
        return Settings()
    if not path.is_file():
        raise UsageError(f"{path}: configuration file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("doclint", {})
    elif "tool" in data and "doclint" in data["tool"] and len(data) == 1:
        data = data["tool"]["doclint"]
    return Settings(path, data)


def _alignment(table: Any, where: str) -> dict[str, float]:
    """[alignment]: coverage-min = 0.6, drift-gap = 0.25 … (rules/alignment.yaml names, with dashes)."""
    from doclint.align.scorer import AlignmentThresholds

    allowed = {name.replace("_", "-") for name in AlignmentThresholds.__dataclass_fields__}
    if not isinstance(table, dict):
        raise UsageError(f"{where}: alignment must be a table, e.g. [alignment] coverage-min = 0.6")
    unknown = set(table) - allowed
    if unknown:
        raise UsageError(f"{where}: unknown alignment key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(allowed))}")
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise UsageError(f"{where}: alignment {key} must be a number ≥ 0")
    return dict(table)

