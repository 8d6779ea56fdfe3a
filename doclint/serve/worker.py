"""The checking process behind `doclint serve`. One long-lived worker process loads the models
once and checks every request in its main thread, where the readers' time limits (SIGALRM) work;
a document that crashes it costs that request only: the pool is started again."""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from doclint.context import RunContext
from doclint.errors import UsageError

# This process's last run: a request whose catalog and model are the same keeps its loaded
# models (the worker lives as long as the server; that is what makes the second request fast).
_LAST: RunContext | None = None


def _run_context(kwargs: dict[str, Any]) -> RunContext:
    """The request's run (the configuration file was found where the server started, never in an
    upload), sharing the models of the previous request."""
    global _LAST
    from doclint.run import build_options

    opts = replace(build_options([], kwargs), jobs=1, progress=False)  # one case at a time here
    _LAST = RunContext.build(opts, reuse=_LAST)
    return _LAST


def _relabel(cases: list[Any], folder: Path) -> None:
    """Show the uploaded names ("case-a/contract.docx"), not where the upload was kept."""
    root = str(folder)

    def rel(display: str) -> str:
        inner = display[len(root):].lstrip("/") if display.startswith(root) else display
        return inner or "uploaded files"

    for case in cases:
        case.path = rel(case.path)
        case.files = [(real, rel(display)) for real, display in case.files]


def warm(kwargs: dict[str, Any]) -> None:
    """Load the reader's pipelines and the encoder before the first request needs them."""
    from doclint.align import EncoderError
    from doclint.nlp.pipeline import preload

    preload()
    with contextlib.suppress(EncoderError, UsageError):  # the first check will report it
        _ = _run_context(kwargs).scorer


def check_folder(folder: str, fmt: str, kwargs: dict[str, Any]) -> tuple[str, int]:
    """The report of every case in `folder` in `fmt`, and the run's exit status."""
    from doclint.discovery import discover
    from doclint.report import formatter
    from doclint.run import check_cases

    run_ctx = _run_context(kwargs)
    opts = run_ctx.options
    try:
        cases = discover([folder])
    except UsageError as exc:
        raise UsageError("no document doclint can check in the upload (.docx, .pdf, .hwp, .hwpx, .txt, .md, images)") from exc
    _relabel(cases, Path(folder))
    result = check_cases(cases, run_ctx)
    status = 1 if any(opts.fails(f.severity) for f in result.findings) else 0
    return formatter(fmt)(result, opts, False), status


def suggest_text(text: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    from doclint.suggest import suggest_text as suggest

    return suggest(text, _run_context(kwargs))


class Worker:
    """A one-process pool, restarted when a request kills it."""

    def __init__(self, kwargs: dict[str, Any]) -> None:
        self.kwargs = kwargs
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn: the server runs threads (uvicorn), which fork would copy half-way
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        pool.submit(warm, self.kwargs)
        return pool

    def call(self, fn: Any, *args: Any) -> Any:
        """Run fn(*args) in the worker; UsageError passes through, a crash is reported."""
        with self._lock:
            pool = self._pool
        try:
            return pool.submit(fn, *args).result()
        except BrokenProcessPool as exc:
            with self._lock:
                if self._pool is pool:
                    self._pool = self._start()
            raise WorkerCrashed("doclint's checking process stopped on this upload; it has been restarted") from exc

    def close(self) -> None:
        """Stop the worker now, also in the middle of a check (the server is going away)."""
        processes = list(getattr(self._pool, "_processes", {}).values())  # no public way before 3.14
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


class WorkerCrashed(Exception):
    pass


__all__ = ["UsageError", "Worker", "WorkerCrashed", "check_folder", "suggest_text"]
