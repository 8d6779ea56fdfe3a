"""--format sarif: SARIF 2.1.0 that GitHub code scanning accepts. One reportingDescriptor per
doclint rule (texts from the rule's own metadata), relative URIs, 1-based regions, page in
properties, partialFingerprints that survive edits elsewhere in a document."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from doclint import __version__
from doclint.baseline import fingerprint
from doclint.checks import all_rules

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """A relative, percent-encoded URI (Korean file names included)."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return quote(p.as_posix())


def rule_descriptors(lang: str) -> list[dict[str, Any]]:
    out = []
    for r in all_rules().values():
        summary = r.text("summary", lang)
        explanation = " ".join(r.text("explanation", lang).split())
        fix = r.text("fix", lang)
        help_text = explanation + ("" if "{" in fix else f"\n\nWhat to do: {fix}")
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": explanation},
                "help": {"text": help_text, "markdown": f"**{r.code} {r.name}**\n\n{help_text}"},
                "defaultConfiguration": {"level": LEVELS[r.severity.value]},
                "properties": {"tags": ["e7-visa", r.scope], "precision": "medium"},
            }
        )
    return out


def render(run: RunResult, options: Options, color: bool = False) -> str:
    rules = rule_descriptors(options.lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in run.findings:
        region: dict[str, Any] = {"startLine": f.line or 1}
        text = f.message + (f" Fix: {f.suggestion}" if f.suggestion else "")
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity.value],
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(f.path), "uriBaseId": "%SRCROOT%"},
                            "region": region,
                        }
                    }
                ],
                "partialFingerprints": {"doclintEvidence/v1": fingerprint(f)},
                "properties": {
                    "page": f.page,
                    "evidence": f.evidence,
                    "suggestion": f.suggestion,
                    "ocr": f.ocr,
                    "lineKnown": f.line is not None,
                },
            }
        )
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "doclint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://pypi.org/project/doclint/",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {"catalog": run.catalog or None},
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
