"""The hostile corpus (tests/hostile/build.py) in one `doclint check`: exit 0 or 1, no traceback,
bounded time and memory, one clear DL001 line per bad file, and the readable document still
checked. Plus: no network socket is opened, and no input file changes."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
from build import build

MEMORY_LIMIT = 3 * 1024**3  # address space, not RSS: numpy and friends reserve a lot virtually

BAD_FILES = {
    "zero.docx": "empty", "zero.pdf": "empty", "text-named.docx": "not a Word", "truncated.pdf": "damaged",
    "truncated.docx": "not a valid Word", "encrypted.pdf": "password", "bomb.docx": "zip bomb",
    "billion-laughs.docx": "DTD", "xxe.docx": "DTD", "nested-tables.docx": "nested",
    "one-line.txt": "characters", "blank-2000-pages.pdf": "2,000 pages",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("hostile"), many=5000)


def _digests(root: Path) -> dict[str, str]:
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            if p.is_symlink() or not os.access(p, os.R_OK):
                continue
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_whole_corpus_in_one_run(corpus: Path) -> None:
    before = _digests(corpus)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "doclint", "check", str(corpus), "--format", "json", "--jobs", "1"],
        capture_output=True, text=True, timeout=600, preexec_fn=_limit_memory, cwd=ROOT,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    assert elapsed < 300
    data = json.loads(proc.stdout)
    findings = [f for c in data["cases"] for f in c["findings"]]
    dl001 = {Path(f["path"]).name: f["message"] for f in findings if f["rule"] == "DL001"}
    for name, words in BAD_FILES.items():
        assert name in dl001, name
        assert words in dl001[name], (name, dl001[name])
    # one finding per bad file, and the readable documents were still checked
    assert sum(1 for f in findings if f["rule"] == "DL001" and Path(f["path"]).name == "zero.pdf") == 1
    readable = [d for c in data["cases"] for d in c["documents"] if Path(d["path"]).name == "readable-고용사유서.docx"]
    assert readable and readable[0]["duties"]
    paths = {d["path"] for c in data["cases"] for d in c["documents"]}
    assert any(p.endswith("new\nline.docx") for p in paths)
    assert sum(1 for p in paths if "/crowd/" in p) == 5000
    assert _digests(corpus) == before  # nothing changed, nothing written


def test_text_output_keeps_odd_names_on_one_line(corpus: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "doclint", "check", str(corpus / "odd-names"), "--select", "DL1,DL2"],
                          capture_output=True, cwd=ROOT, timeout=120)
    out = proc.stdout.decode("utf-8")
    assert "new\\nline.docx:" in out
    assert "caf\\udce9.docx" in out or "caf\\xe9.docx" in out
    assert b"Traceback" not in proc.stderr


NO_NETWORK = """
import socket, sys
NET = ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
       "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request", "http.client.connect")
def hook(event, args):
    if event in NET:
        fam = getattr(args[0], "family", None) if args else None
        if fam == socket.AF_UNIX:
            return
        if event == "socket.bind" and args[1] in (("::1", 0), ("127.0.0.1", 0)):
            return  # urllib3's import-time IPv6 probe: a loopback bind, closed at once
        print("NETWORK:", event, repr(args), file=sys.stderr)
        raise SystemExit(3)
sys.addaudithook(hook)
import runpy
sys.argv = ["doclint", *sys.argv[1:]]
runpy.run_module("doclint", run_name="__main__")
"""


def test_no_network_socket_during_a_full_run(tmp_path: Path) -> None:
    """Every Python-level connect, bind, send and DNS lookup is audited during a full run on the
    samples (readers, NLP, encoder, reports): none may happen. (Importing spaCy imports urllib3,
    which binds a socket to ::1 port 0 and closes it to probe for IPv6 support; that loopback
    probe sends nothing and is the one exception.)"""
    for fmt in ("json", "html"):
        proc = subprocess.run(
            [sys.executable, "-c", NO_NETWORK, "check", "samples", "--format", fmt, "--no-cache"],
            capture_output=True, text=True, cwd=ROOT, timeout=600,
        )
        assert "NETWORK:" not in proc.stderr + proc.stdout, proc.stderr[-1000:]
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
