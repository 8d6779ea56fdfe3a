"""doclint: lint Korean E-7 visa documents against the occupation code they are filed under.

    import doclint
    report = doclint.check(["clients/"])      # a doclint.Report; see doclint.api
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {"check", "Report", "Case", "Document", "Duty", "Suggestion", "Finding", "Severity"}


def __getattr__(name: str) -> Any:
    """The API loads on first use, so `doclint --version` and the CLI's start stay fast."""
    if name in _API:
        from doclint import api

        return getattr(api, name)
    if name == "UsageError":
        from doclint.errors import UsageError

        return UsageError
    raise AttributeError(f"module 'doclint' has no attribute {name!r}")


__all__ = ["Case", "Document", "Duty", "Finding", "Report", "Severity", "Suggestion", "UsageError", "__version__", "check"]
