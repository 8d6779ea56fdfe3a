"""Errors a user can cause and doclint reports without a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """A command-line, configuration or input problem: exit status 2 (HTTP 400 in the web app)."""
