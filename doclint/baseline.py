"""Baselines: findings a consultant has judged and accepted. Documents cannot carry inline
suppression comments, so `--write-baseline FILE` records the current findings (file, rule, a
fingerprint of the quoted text, an empty reason to fill in) and `--baseline FILE` accepts them.
The fingerprint ignores line numbers, so editing elsewhere in a document keeps entries valid."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from doclint.errors import UsageError
from doclint.model import Finding

HEADER = (
    "# doclint baseline: findings accepted after review.\n"
    "# Each entry is matched by path, rule and a fingerprint of the quoted evidence.\n"
    "# Write why the finding is acceptable in `reason` so the next reviewer knows.\n"
)


def fingerprint(finding: Finding) -> str:
    """Stable across runs and edits elsewhere in the document; taken before masking (stored in
    finding.data) so that --no-mask and the masked default agree."""
    stored = finding.data.get("fingerprint")
    if isinstance(stored, str):
        return stored
    basis = finding.evidence or finding.message
    basis = re.sub(r"\s+", " ", basis).strip().lower()
    return hashlib.sha256(f"{finding.rule}\x00{basis}".encode()).hexdigest()[:16]


def _key(path: str, rule: str, fp: str) -> tuple[str, str, str]:
    return (Path(path).as_posix(), rule, fp)


def write(findings: list[Finding], file: str) -> int:
    entries = [
        {
            "path": Path(f.path).as_posix(),
            "rule": f.rule,
            "name": f.name,
            "fingerprint": fingerprint(f),
            "evidence": f.evidence or f.message,
            "reason": "",
        }
        for f in findings
    ]
    body = yaml.safe_dump({"version": 1, "findings": entries}, allow_unicode=True, sort_keys=False, width=100)
    Path(file).write_text(HEADER + body, encoding="utf-8")
    return len(entries)


@dataclass
class Baseline:
    file: str
    entries: list[dict[str, Any]]

    def apply(self, findings: list[Finding]) -> tuple[list[Finding], list[dict[str, Any]]]:
        """(findings not in the baseline, baseline entries that matched nothing)."""
        remaining: dict[tuple[str, str, str], int] = {}
        for e in self.entries:
            k = _key(e["path"], e["rule"], e["fingerprint"])
            remaining[k] = remaining.get(k, 0) + 1
        kept: list[Finding] = []
        for f in findings:
            k = _key(f.path, f.rule, fingerprint(f))
            if remaining.get(k):
                remaining[k] -= 1
            else:
                kept.append(f)
        unmatched = [e for e in self.entries if remaining.get(_key(e["path"], e["rule"], e["fingerprint"]), 0) > 0]
        # each unmatched key is reported once per missing occurrence
        seen: dict[tuple[str, str, str], int] = {}
        stale = []
        for e in unmatched:
            k = _key(e["path"], e["rule"], e["fingerprint"])
            seen[k] = seen.get(k, 0) + 1
            if seen[k] <= remaining[k]:
                stale.append(e)
        return kept, stale


def load(file: str) -> Baseline:
    path = Path(file)
    if not path.is_file():
        raise UsageError(f"{file}: baseline file not found (create one with --write-baseline)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UsageError(f"{file}: not a valid baseline: {exc}") from exc
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"{file}: not a valid baseline: no `findings` list")
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not {"path", "rule", "fingerprint"} <= set(e):
            raise UsageError(f"{file}: entry {i + 1} needs path, rule and fingerprint")
    return Baseline(file, entries)
