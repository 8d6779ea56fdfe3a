"""What doclint caches, and where: catalog embeddings, the encoder's unpacked weights and OCR text,
only in the cache folder, owner-only whatever the umask; `--no-cache` writes nothing at all; and
`doclint cache --clear` empties it. Real runs of the CLI in a subprocess with HOME, the XDG cache,
TMPDIR and the working directory all pointed at empty folders, to catch a write anywhere else."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCANNED_CASE = ROOT / "samples" / "14-lin-scanned-letter"  # .docx + a .png: encoder, catalog, OCR


def _run(tmp: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI with umask 0 (the loosest a user can have) and nowhere else to write but `cache`."""
    places = {name: tmp / name for name in ("home", "xdg", "tmpdir", "cwd")}
    for folder in places.values():
        folder.mkdir(exist_ok=True)
    env = {
        **os.environ, "HOME": str(places["home"]), "XDG_CACHE_HOME": str(places["xdg"]),
        "TMPDIR": str(places["tmpdir"]), "DOCLINT_CACHE_DIR": str(cache), "NO_COLOR": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "doclint", *args], capture_output=True, text=True, cwd=places["cwd"],
        env=env, timeout=600, preexec_fn=lambda: os.umask(0),
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    for name, folder in places.items():
        assert not any(folder.rglob("*")), f"doclint wrote into {name}: {list(folder.rglob('*'))}"
    return proc


def _case(tmp: Path) -> Path:
    case = tmp / "case"
    shutil.copytree(SCANNED_CASE, case)
    return case


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in root.rglob("*")}


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract for the OCR cache")
def test_everything_cached_is_owner_only_and_in_the_cache_folder(tmp_path: Path) -> None:
    cache = tmp_path / "missing" / "cache"  # doclint creates both levels
    case = _case(tmp_path)
    proc = _run(tmp_path, cache, "check", str(case))
    assert proc.returncode in (0, 1), proc.stderr
    modes = _modes(cache)
    kinds = {name.split("/")[0] for name in modes}
    assert {"catalog-embeddings", "encoders", "ocr"} <= kinds, sorted(modes)
    assert any(n.startswith("ocr/") and n.endswith(".json") for n in modes)
    for name, mode in modes.items():
        expected = 0o700 if (cache / name).is_dir() else 0o600
        assert mode == expected, f"{name}: {oct(mode)}"
    for folder in (cache, cache.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder

    # a second run reads the cache (and changes nothing in it); --clear empties it
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert _run(tmp_path, cache, "check", str(case)).returncode in (0, 1)
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before
    shown = _run(tmp_path, cache, "cache")
    assert f"{len(before)} file(s)" in shown.stdout
    cleared = _run(tmp_path, cache, "cache", "--clear")
    assert cleared.returncode == 0 and f"cleared {len(before)} file(s)" in cleared.stdout
    assert not any(cache.iterdir())


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    case = _case(tmp_path)
    proc = _run(tmp_path, cache, "check", "--no-cache", str(case))
    assert proc.returncode in (0, 1) and "DL" in proc.stdout, proc.stderr
    proc = _run(tmp_path, cache, "suggest", "--no-cache", str(case / "statement.docx"))
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr
    assert not any(cache.iterdir()), sorted(cache.rglob("*"))


def test_existing_cache_folder_is_tightened(tmp_path: Path) -> None:
    from doclint.paths import private_dir, private_file

    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    assert stat.S_IMODE(private_dir(loose).stat().st_mode) == 0o700
    old = os.umask(0)
    try:
        with private_file(loose / "x.npy") as fh:
            fh.write(b"x")
        assert stat.S_IMODE((loose / "x.npy").stat().st_mode) == 0o600
        assert stat.S_IMODE(private_dir(loose / "a" / "b").stat().st_mode) == 0o700
        assert stat.S_IMODE((loose / "a").stat().st_mode) == 0o700
    finally:
        os.umask(old)
