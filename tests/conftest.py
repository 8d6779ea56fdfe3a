"""Shared test helpers: documents are real files rendered by samples/render.py (python-docx,
fpdf2), never mocks of our readers; the CLI runs as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from render import render  # noqa: E402


@pytest.fixture
def make_doc(tmp_path: Path):
    """make_doc(markup, "name.docx") → path of a real rendered document."""

    def _make(source: str, name: str, folder: Path | None = None) -> Path:
        return render(source, (folder or tmp_path) / name)

    return _make


def run_doclint(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "doclint", *args],
        capture_output=True, text=True, cwd=cwd or ROOT, env=full_env, timeout=timeout,
    )


def run_json(*args: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    proc = run_doclint(*args, "--format", "json", **kwargs)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def understand_file(path: Path):
    from doclint.nlp import understand
    from doclint.readers import read

    return understand(read(path, path.name))


def lint(*paths: Path, **options: Any):
    """Run the real engine in-process on files or folders: returns the RunResult."""
    from doclint.config import Options
    from doclint.context import RunContext
    from doclint.discovery import discover
    from doclint.engine import run

    opts = Options(**{"jobs": 1, "progress": False, **options})
    return run(discover([str(p) for p in paths]), RunContext.build(opts))


def rules_fired(*paths: Path, **options: Any) -> list[str]:
    return [f.rule for f in lint(*paths, **options).findings]
