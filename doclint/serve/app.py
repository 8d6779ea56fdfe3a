"""The web app's routes: the page, POST /api/check and POST /api/suggest. Every request must carry
the server's token (?token=… or the X-Doclint-Token header), so neither other local users nor
other web pages open in the browser can use it."""

from __future__ import annotations

import hmac
import json
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from doclint.errors import UsageError
from doclint.serve import uploads
from doclint.serve.worker import WorkerCrashed, check_folder, suggest_text

REPORT_FORMATS = {"json": "application/json", "html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8"}
MAX_TEXT = 200_000  # characters of pasted duties


class TokenGate:
    """403 for any request without the token, before anything else looks at it."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._allowed(Request(scope)):
            await JSONResponse({"error": "forbidden: open the address doclint serve printed (it carries the token)"},
                               status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, request: Request) -> bool:
        given = request.headers.get("x-doclint-token") or request.query_params.get("token") or ""
        return hmac.compare_digest(given.encode(), self.token.encode())


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _language(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if value not in ("en", "ko"):
        raise UsageError("lang must be en or ko")
    return str(value)


def create_app(token: str, worker: Any, kwargs: dict[str, Any], limits: uploads.UploadLimits | None = None) -> Starlette:
    """The app; `worker.call(fn, *args)` runs a check in the checking process."""
    limits = limits or uploads.UploadLimits()
    page = resources.files("doclint.serve").joinpath("page.html").read_text(encoding="utf-8")

    async def index(request: Request) -> Response:
        return HTMLResponse(page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})

    async def check(request: Request) -> Response:
        fmt = request.query_params.get("format", "json")
        if fmt not in REPORT_FORMATS:
            return _error(f"format must be one of {', '.join(REPORT_FORMATS)}")
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return _error("send the files as multipart/form-data with a Content-Length", 411)
        if int(length) > limits.max_total_bytes + 1_000_000:  # multipart framing on top of the files
            return _error(f"upload larger than {limits.max_total_bytes // 1_000_000} MB", 413)
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            return _error("send the files as multipart/form-data (field 'files')", 415)
        try:
            async with request.form(max_files=limits.max_files, max_fields=20) as form:
                files = [(f.filename or "", f.file) for f in form.getlist("files") if isinstance(f, UploadFile)]
                options = dict(kwargs)
                options["lang"] = _language(form.get("lang")) or kwargs.get("lang")
                code = str(form.get("code") or "").strip()
                if code:
                    options["code"] = code.upper()
                with uploads.private_folder() as folder:
                    await run_in_threadpool(uploads.save, files, folder, limits)
                    text, status = await run_in_threadpool(worker.call, check_folder, str(folder), fmt, options)
        except HTTPException as exc:  # a malformed multipart body, or more parts than allowed
            if "too many files" in str(exc.detail).lower():
                return _error(f"too many files (at most {limits.max_files} per request)", 413)
            return _error(f"not a valid upload: {exc.detail}", exc.status_code)
        except uploads.UploadError as exc:
            return _error(str(exc), exc.status)
        except UsageError as exc:
            return _error(str(exc))
        except WorkerCrashed as exc:
            return _error(str(exc), 500)
        except Exception as exc:  # a bug of ours: say so in one line, the server goes on
            return _error(f"doclint failed on this upload: {type(exc).__name__}: {exc}", 500)
        return Response(text, media_type=REPORT_FORMATS[fmt], headers={"X-Doclint-Exit": str(status)})

    async def suggest(request: Request) -> Response:
        kind = request.headers.get("content-type", "")
        try:
            if kind.startswith("application/json"):
                body = json.loads(await request.body() or b"{}")
                text, lang = (body.get("text"), body.get("lang")) if isinstance(body, dict) else (None, None)
            else:
                async with request.form(max_files=0, max_fields=5, max_part_size=MAX_TEXT * 4) as form:
                    text, lang = form.get("text"), form.get("lang")
            if not isinstance(text, str) or not text.strip():
                return _error("no text: send the duties in the field 'text'")
            if len(text) > MAX_TEXT:
                return _error(f"text longer than {MAX_TEXT:,} characters", 413)
            options = dict(kwargs)
            options["lang"] = _language(lang) or kwargs.get("lang")
            data = await run_in_threadpool(worker.call, suggest_text, text, options)
        except (ValueError, HTTPException) as exc:
            return _error(f"not valid input: {getattr(exc, 'detail', exc)}")
        except UsageError as exc:
            return _error(str(exc))
        except WorkerCrashed as exc:
            return _error(str(exc), 500)
        except Exception as exc:
            return _error(f"doclint failed on this text: {type(exc).__name__}: {exc}", 500)
        return JSONResponse(data)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/suggest", suggest, methods=["POST"]),
    ]
    middleware = [
        Middleware(TokenGate, token=token),
        # a web page that rebinds its own name to 127.0.0.1 still sends its own Host
        Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "testserver"]),
    ]
    return Starlette(routes=routes, middleware=middleware)
