"""The web app's JSON API with Starlette's TestClient and the real checking process: the token,
the same report as `doclint check`, uploads kept only for their request, and every kind of bad
input answered with a clear 4xx (never a traceback)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, lint

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from doclint.serve.app import create_app
from doclint.serve.uploads import UploadLimits
from doclint.serve.worker import Worker

TOKEN = "test-token-0123456789"
SAMPLES = ROOT / "samples"
KWARGS: dict[str, object] = {"config_file": None}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    worker = Worker(KWARGS)
    app = create_app(TOKEN, worker, KWARGS, UploadLimits(max_total_bytes=20_000_000, max_files=50))
    with TestClient(app, headers={"X-Doclint-Token": TOKEN}) as c:
        yield c
    worker.close()


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the app keeps uploads during a request (tempfile honours tempfile.tempdir)."""
    import tempfile

    folder = tmp_path / "uploads"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _files(*folders: Path, root: Path = SAMPLES) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (str(p.relative_to(root)), p.read_bytes())) for f in folders for p in sorted(f.iterdir())]


def test_token_is_required(client: TestClient) -> None:
    for headers in ({"X-Doclint-Token": ""}, {"X-Doclint-Token": "wrong"}):
        assert client.get("/", headers=headers).status_code == 403
        assert client.post("/api/check", headers=headers, files=_files(SAMPLES / "05-tran-translator-no-code")).status_code == 403
    assert client.get("/").status_code == 200
    assert client.get(f"/?token={TOKEN}", headers={"X-Doclint-Token": ""}).status_code == 200


def test_check_gives_the_report_of_doclint_check(client: TestClient, private_tmp: Path) -> None:
    folders = [SAMPLES / "02-marcus-marketing-manager", SAMPLES / "13-yoon-data-analyst-hwp"]
    res = client.post("/api/check", files=_files(*folders))
    assert res.status_code == 200, res.text
    assert res.headers["x-doclint-exit"] == "1"
    data = res.json()
    assert [c["path"] for c in data["cases"]] == ["02-marcus-marketing-manager", "13-yoon-data-analyst-hwp"]
    assert data["summary"]["documents"] == 5
    expected = lint(*folders)
    assert sorted((f["rule"], f["path"].split("/", 1)[1]) for c in data["cases"] for f in c["findings"]) == sorted(
        (f.rule, f.path.split("/samples/", 1)[1].split("/", 1)[1]) for f in expected.findings
    )
    assert not any(str(private_tmp) in f["path"] for c in data["cases"] for f in c["findings"])
    assert list(private_tmp.iterdir()) == [], "the upload is deleted after its request"


def test_check_formats_code_and_language(client: TestClient) -> None:
    files = _files(SAMPLES / "05-tran-translator-no-code")
    html = client.post("/api/check?format=html", files=files, data={"lang": "ko"})
    assert html.status_code == 200 and html.text.startswith("<!doctype html>") and 'id="overview"' in html.text
    assert '<html lang="ko">' in html.text
    csv = client.post("/api/check?format=csv", files=files)
    assert csv.content.startswith(b"\xef\xbb\xbf") and b"DL201" in csv.content
    chosen = client.post("/api/check", files=files, data={"code": "s2855 "}).json()["cases"][0]
    assert chosen["chosen_code"] == "S2855" and chosen["chosen_code_source"]
    expected = lint(SAMPLES / "05-tran-translator-no-code", code="S2855")
    assert sorted(f["rule"] for f in chosen["findings"]) == sorted(f.rule for f in expected.findings)


def test_loose_files_are_one_case(client: TestClient) -> None:
    folder = SAMPLES / "13-yoon-data-analyst-hwp"
    data = client.post("/api/check", files=_files(folder, root=folder)).json()
    assert [c["path"] for c in data["cases"]] == ["uploaded files"]
    assert "DL503" in [f["rule"] for f in data["cases"][0]["findings"]]


def test_hostile_files_are_findings_not_failures(client: TestClient, tmp_path: Path, private_tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from build import build

    corpus = build(tmp_path / "hostile", many=20)
    names = ["bomb.docx", "xxe.docx", "encrypted.pdf", "truncated.docx"]
    found = {p.name: p for p in corpus.rglob("*") if p.name in names}
    assert set(found) == set(names)
    files = [("files", (f"case/{n}", found[n].read_bytes())) for n in names]
    res = client.post("/api/check", files=files)
    assert res.status_code == 200, res.text
    dl001 = {f["path"] for c in res.json()["cases"] for f in c["findings"] if f["rule"] == "DL001"}
    assert dl001 == {f"case/{n}" for n in names}
    assert list(private_tmp.iterdir()) == []


@pytest.mark.parametrize(
    ("request_kwargs", "status", "words"),
    [
        ({"files": [("files", ("../../etc/x.txt", b"Duties: code"))]}, 400, "not a safe file name"),
        ({"files": [("files", ("/abs/../x.txt", b"x"))]}, 400, "not a safe file name"),
        ({"files": [("other", ("a.txt", b"x"))]}, 400, "no files"),
        ({"data": {"lang": "en"}, "files": [("files", ("a.exe", b"MZ"))]}, 400, "no document doclint can check"),
        ({"files": [("files", ("a.txt", b"x")), ("files", ("./a.txt", b"y"))]}, 400, "the same file twice"),
        ({"files": [("files", ("a.txt", b"x"))], "data": {"lang": "fr"}}, 400, "lang must be"),
        ({"content": b"garbage", "headers": {"Content-Type": "multipart/form-data; boundary=zz"}}, 400, "not a valid upload"),
        ({"content": b"{}", "headers": {"Content-Type": "application/json"}}, 415, "multipart"),
        ({"files": [("files", (f"f{i}.txt", b"x")) for i in range(60)]}, 413, "too many files"),
    ],
)
def test_bad_uploads_get_a_clear_4xx(client: TestClient, private_tmp: Path, request_kwargs: dict, status: int, words: str) -> None:
    res = client.post("/api/check", **request_kwargs)
    assert res.status_code == status, res.text
    assert words in res.json()["error"]
    assert "Traceback" not in res.text
    assert list(private_tmp.iterdir()) == [], "nothing is left behind, also on error"


def test_large_upload_is_refused_before_it_is_read(client: TestClient, private_tmp: Path) -> None:
    big = io.BytesIO(b"\0" * 200_000_000)
    res = client.post("/api/check", files=[("files", ("scan.pdf", big))])
    assert res.status_code == 413 and "larger than 20 MB" in res.json()["error"]
    assert list(private_tmp.iterdir()) == []


def test_empty_upload(client: TestClient) -> None:
    res = client.post("/api/check", files=[("files", ("empty.txt", b""))])
    assert res.status_code == 200
    assert [f["rule"] for f in res.json()["cases"][0]["findings"]] == ["DL001"]


def test_unknown_format(client: TestClient) -> None:
    res = client.post("/api/check?format=xml", files=_files(SAMPLES / "05-tran-translator-no-code"))
    assert res.status_code == 400 and "format must be one of" in res.json()["error"]


def test_suggest(client: TestClient) -> None:
    text = "Develop the web front end with React and TypeScript\nBuild REST APIs for the online shop\nWrite automated tests"
    res = client.post("/api/suggest", data={"text": text})
    assert res.status_code == 200, res.text
    data = res.json()
    assert len(data["duties"]) == 3 and data["suggestions"][0]["code"] in ("2224", "2223")
    assert 0 <= data["suggestions"][0]["probability"] <= 1
    as_json = client.post("/api/suggest", json={"text": text, "lang": "ko"}).json()
    assert as_json["suggestions"][0]["code"] == data["suggestions"][0]["code"]
    for bad in ({"data": {"text": "  "}}, {"json": {"text": 3}}, {"content": b"{", "headers": {"Content-Type": "application/json"}}):
        res = client.post("/api/suggest", **bad)
        assert res.status_code == 400 and "error" in res.json()
    assert client.post("/api/suggest", data={"text": "x" * 200_001}).status_code == 413


def test_other_hosts_are_refused(client: TestClient) -> None:
    """A page that rebinds its own domain to 127.0.0.1 still sends its Host: refused."""
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400
