"""`doclint serve`: the local web app. A page where a person drops case folders or files and reads
the same report as --format html, and a JSON API (POST /api/check, POST /api/suggest) for scripts.
It listens on 127.0.0.1 only, behind a random token, and keeps uploads only for their request."""

from __future__ import annotations

import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any

from doclint.errors import UsageError


def _socket(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one), handed to uvicorn, so the port
    printed is the port served with no race between choosing and binding it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from exc
    sock.listen(64)
    return sock


def serve(port: int, open_browser: bool, kwargs: dict[str, Any]) -> int:
    import uvicorn

    from doclint.config_file import find_config
    from doclint.serve.app import create_app
    from doclint.serve.worker import Worker

    if not kwargs.get("config_file"):  # the folder doclint serve runs in, not the uploads' folder
        found = find_config(Path.cwd())
        kwargs = {**kwargs, "config_file": str(found) if found else None}
    sock = _socket(port)
    token = secrets.token_urlsafe(24)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/?token={token}"
    print(url, flush=True)
    print("doclint serve: open the address above; Ctrl+C stops the server", file=sys.stderr, flush=True)
    worker = Worker(kwargs)
    app = create_app(token, worker, kwargs)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        worker.close()
        sock.close()
    return 0
