"""--format json."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from doclint.report.data import run_dict

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult


def render(run: RunResult, options: Options, color: bool = False) -> str:
    return json.dumps(run_dict(run), ensure_ascii=False, indent=2) + "\n"
