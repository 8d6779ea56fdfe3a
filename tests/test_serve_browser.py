"""`doclint serve` as a person meets it: the command started for real, its page in a headless
Chromium (Debian's, driven by Playwright). Drop a case folder, read its findings, paste duties and
read the suggestions; no token, no page; the second check is faster than the first (the models
stay loaded); nothing of the upload is left on disk. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_report_html import ARTIFACTS, CHROMIUM, FLAGS

from conftest import ROOT

pytestmark = pytest.mark.browser
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    uploads = tmp_path_factory.mktemp("server-tmp")
    log = uploads.parent / "serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "doclint", "serve", "--no-browser"],
            stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT, start_new_session=True,
            env={**os.environ, "TMPDIR": str(uploads), "NO_COLOR": "1"},
        )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()  # the first line is the address, token included
    assert url.startswith("http://127.0.0.1:") and "?token=" in url, log.read_text()
    try:
        yield url, uploads
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "Traceback" not in log.read_text(), log.read_text()


def _upload(url: str, folder: Path) -> float:
    import httpx

    base, token = url.split("/?token=")
    files = [("files", (f"{folder.name}/{p.name}", p.read_bytes())) for p in sorted(folder.iterdir())]
    started = time.monotonic()
    res = httpx.post(f"{base}/api/check", files=files, headers={"X-Doclint-Token": token}, timeout=300, trust_env=False)
    assert res.status_code == 200, res.text
    assert res.json()["cases"][0]["path"] == folder.name
    return time.monotonic() - started


def test_models_stay_loaded(server: tuple[str, Path]) -> None:
    """Run first, right after start: the first request waits for the models, the second does not."""
    url, uploads = server
    first = _upload(url, SAMPLES / "12-choi-app-developer-prose")
    second = _upload(url, SAMPLES / "12-choi-app-developer-prose")
    assert second < first, (first, second)
    assert second < 10
    assert [p for p in uploads.iterdir() if p.name.startswith("doclint-upload-")] == []


def test_the_page_in_a_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (scripts/setup.sh --dev installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [dev] extra")
    url, uploads = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 1000})
        # without the token: refused
        assert page.goto(url.split("?")[0]).status == 403
        assert page.goto(url).status == 200
        page.select_option("#lang", "en")
        page.screenshot(path=str(ARTIFACTS / "serve.png"))

        # a folder of two cases through the folder picker
        cases = tmp_path / "clients"
        for name in ("02-marcus-marketing-manager", "09-maria-hotel-front-desk"):
            shutil.copytree(SAMPLES / name, cases / name)
        page.set_input_files("#pick-folder", str(cases))
        page.wait_for_function("document.getElementById('status').textContent.startsWith('Checked')", timeout=120_000)
        report = page.frame_locator("#report")
        report.locator("#overview").wait_for()
        rows = report.locator("#overview tbody tr")
        assert rows.count() == 2
        assert rows.first.get_attribute("data-verdict") == "not_ready"  # worst first
        assert report.locator('.finding[data-rule="DL401"]').count() == 1
        page.screenshot(path=str(ARTIFACTS / "serve-report.png"), full_page=True)

        # drag and drop of files onto the drop zone
        page.evaluate(
            """async () => {
              const dt = new DataTransfer();
              dt.items.add(new File(['Position: Web Developer\\nOccupation code: 2224\\nDuties:\\n'
                + '- Build the online shop front end in React\\n- Develop REST APIs in Node.js\\n'], 'contract.txt'));
              document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
            }"""
        )
        page.wait_for_function(
            "document.getElementById('status').textContent.startsWith('Checked 1 file')", timeout=120_000
        )
        sync_api.expect(report.locator("article.case")).to_have_count(1, timeout=30_000)  # the new report loaded
        assert report.locator("article.case h2").inner_text() == "uploaded files"

        # paste duties, get suggestions
        page.fill("#duties", "Manage the hotel front desk team of six\nPlan room-division budgets\nHandle VIP guest complaints")
        page.click("#suggest")
        page.locator("#suggestions li").first.wait_for(timeout=60_000)
        assert page.locator("#suggestions li").count() >= 3
        assert page.locator("#suggestions .code").first.inner_text().strip()
        page.screenshot(path=str(ARTIFACTS / "serve-suggest.png"), full_page=True)
        browser.close()
    assert [p for p in uploads.iterdir() if p.name.startswith("doclint-upload-")] == []
