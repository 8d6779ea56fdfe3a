"""Formatters: turn a RunResult into text for people or machines. They know nothing of how
findings were made."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

Formatter = Callable[["RunResult", "Options", bool], str]

FORMATS = ("text", "json", "sarif", "junit", "github", "html", "csv")


def formatter(name: str) -> Formatter:
    import importlib

    module = importlib.import_module(f"doclint.report.{name}_format")
    return module.render  # type: ignore[no-any-return]
