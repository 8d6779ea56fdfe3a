"""The HTML report in a real headless Chromium: key elements, a filter interaction, a screenshot
saved under tests/artifacts/ for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_doclint

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts"
# Flags that keep Chromium off the network (this machine has none) and quiet as root.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    proc = run_doclint("check", "samples", "--format", "html", "--output", str(out))
    assert proc.returncode == 1, proc.stderr
    return out


def test_html_is_self_contained(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    for marker in ("http://", "https://", "<link", "src="):
        assert marker not in html.split("<footer>")[0].replace("http://json", ""), marker


def test_html_korean_labels(tmp_path: Path) -> None:
    out = tmp_path / "ko.html"
    run_doclint("check", "samples/04-alex-consultant", "--format", "html", "--lang", "ko", "--output", str(out))
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ko">' in html and "발견 사항" in html and "모호한 업무" in html


@pytest.mark.browser
def test_html_in_chromium(report: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (scripts/setup.sh --dev installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [dev] extra")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(report.as_uri())
        assert page.title() == "doclint report"
        cases = page.locator("article.case")
        assert cases.count() >= 12
        errors = page.locator('.finding[data-severity="error"]')
        warnings = page.locator('.finding[data-severity="warning"]')
        assert errors.count() > 0 and warnings.count() > 0
        marcus = page.locator('article.case[data-path$="02-marcus-marketing-manager"]')
        assert marcus.locator("tr.fit, tr.misfit, tr.unknown").count() >= 4  # every duty listed
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)

        # the overview: one row per case, worst first, sortable, filterable, each row a link
        overview = page.locator("#overview")
        rows = overview.locator("tbody tr")
        assert rows.count() == cases.count()
        verdicts = [rows.nth(i).get_attribute("data-verdict") for i in range(rows.count())]
        assert verdicts == sorted(verdicts, key=["not_ready", "check", "ready"].index) and verdicts[-1] == "ready"
        overview.screenshot(path=str(ARTIFACTS / "overview.png"))
        overview.locator("th", has_text="Case").click()  # sort by case path
        paths = [rows.nth(i).locator("a").inner_text() for i in range(rows.count())]
        assert paths == sorted(paths)
        page.fill("#case-filter", "marcus")
        assert overview.locator("tbody tr:visible").count() == 1
        page.fill("#case-filter", "")
        page.select_option("#verdict-filter", "ready")
        assert overview.locator("tbody tr:visible").count() == verdicts.count("ready")
        page.select_option("#verdict-filter", "")
        href = overview.locator("a", has_text="02-marcus-marketing-manager").get_attribute("href")
        assert page.locator(f"article{href}").get_attribute("data-path").endswith("02-marcus-marketing-manager")

        # filter: hide warnings, keep errors
        page.uncheck('input[data-filter-sev][value="warning"]')
        assert page.locator('.finding[data-severity="warning"]:visible').count() == 0
        assert page.locator('.finding[data-severity="error"]:visible').count() == errors.count()
        # filter by one rule, and only cases with findings
        page.select_option("#rule-filter", "DL001")
        page.check("#only-findings")
        visible_cases = page.locator("article.case:visible")
        assert visible_cases.count() == 1
        assert visible_cases.first.get_attribute("data-path").endswith("08-broken-upload")
        page.screenshot(path=str(ARTIFACTS / "report-filtered.png"))
        browser.close()
