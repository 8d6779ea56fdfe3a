""".hwpx/.hwp (written by python-hwpx through samples/render.py) and scans (the rendered PDF
rasterised by pdfium, then read back by tesseract) through the real readers and the real CLI.
OCR costs ~1.5 s a page here, so only two pages are OCR'd in this file."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from conftest import run_json
from doclint.model import ReadError
from doclint.readers import read
from doclint.readers.limits import Limits
from render import render

# A 고용사유서 whose duties do not fit the code it cites, in a duty table, with a vague duty.
MISMATCH = """@header 주식회사 한빛커머스 인사팀
# 고용사유서
| 회사명 | 주식회사 한빛커머스 |
| 채용 직위 | 웹 개발자 |
| 직종코드 | E-7-1 / 2224 웹 개발자 |
| 연봉 | 4,800만원 |
## 담당업무
| 업무 내용 | 비중 |
| 해외 거래처 발굴 및 수출 영업 | 50% |
| 온라인 쇼핑몰 상품 판매 및 재고 관리 | 30% |
| 회사에서 지시한 업무 | 20% |
## 외국인 채용 사유
베트남 시장 진출을 위해 베트남어가 가능한 인력이 필요합니다.
2026년 2월 20일
주식회사 한빛커머스 대표이사 박정훈 (인)
@footer 서울특별시 강남구 테헤란로 152
"""

# The same kind of form, duties that fit the code, one vague duty; Korean and English.
SCANNED = """# 고용사유서
| 회사명 | 주식회사 한빛커머스 |
| 채용 직위 | 웹 개발자 (Web Developer) |
| 직종코드 | E-7-1 / 2224 웹 개발자 |
| 연봉 | 4,800만원 |
## 담당업무
- React와 TypeScript로 온라인 쇼핑몰 프론트엔드 화면 개발 (50%)
- Node.js 기반 주문 결제 REST API 개발 및 유지보수 (30%)
- 회사에서 지시한 업무 (20%)
2026년 2월 20일
주식회사 한빛커머스 대표이사 박정훈 (인)
"""

CONTRACT_PAGE = """# Employment Contract
Employer: Blue Harbor Trading Co., Ltd.
Employee: Marcus Lindqvist
Position: Marketing Manager
Occupation code: E-7-1 1202
Annual salary: KRW 52,000,000
"""

DUTIES_PAGE = """## Duties
- Plan and run digital marketing campaigns for the Nordic market
- Analyse campaign results and report to the CEO
"""


def _doc_summary(case: dict) -> tuple:
    doc = case["documents"][0]
    return doc["title"], doc["codes"], [(d["text"], d["share"], d["best_code"]) for d in doc["duties"]]


def test_hwp_formats_give_the_docx_facts_and_findings(tmp_path: Path) -> None:
    """The same 고용사유서 as .docx, .hwpx and .hwp (one case each, one run): same title, code,
    duty table and findings."""
    for suffix in ("docx", "hwpx", "hwp"):
        render(MISMATCH, tmp_path / suffix / f"고용사유서.{suffix}")
    _, data = run_json("check", *(str(tmp_path / s) for s in ("docx", "hwpx", "hwp")))
    want, *others = data["cases"]
    assert [c["documents"][0]["format"] for c in data["cases"]] == ["docx", "hwpx", "hwp"]
    for got in others:
        title, codes, duties = _doc_summary(got)
        assert title == "웹 개발자" and codes == ["2224"]
        assert [d[0] for d in duties] == ["해외 거래처 발굴 및 수출 영업", "온라인 쇼핑몰 상품 판매 및 재고 관리", "회사에서 지시한 업무"]
        assert _doc_summary(got) == _doc_summary(want)
        rules = sorted(f["rule"] for f in got["findings"])
        assert {"DL103", "DL401"} <= set(rules)  # the vague duty and the code mismatch
        assert rules == sorted(f["rule"] for f in want["findings"])


def test_hwpx_blocks_mirror_the_docx_reader(tmp_path: Path) -> None:
    path = render(MISMATCH, tmp_path / "a.hwpx")
    doc = read(path, "a.hwpx")
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["주식회사 한빛커머스 인사팀"] == "header"
    assert kinds["서울특별시 강남구 테헤란로 152"] == "footer"
    assert kinds["담당업무"] == "heading"
    cells = {b.text: b.table for b in doc.blocks if b.kind == "table_cell"}
    assert cells["직종코드"] == (0, 2, 0) and cells["E-7-1 / 2224 웹 개발자"] == (0, 2, 1)
    assert cells["회사에서 지시한 업무"] == (1, 3, 0) and cells["20%"] == (1, 3, 1)
    body = [b.text for b in doc.blocks if b.kind not in ("header", "footer")]
    assert body.index("담당업무") < body.index("업무 내용") < body.index("외국인 채용 사유")
    assert [b.line for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


ENCRYPTED_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    b'<odf:file-entry odf:full-path="Contents/section0.xml" odf:media-type="application/xml">'
    b'<odf:encryption-data odf:checksum-type="SHA1"/></odf:file-entry></odf:manifest>'
)


def _set_hwp_flags(path: Path, bits: int) -> Path:
    """Set property bits in the FileHeader stream of a real .hwp (bit 1 password, bit 2
    distribution), as Hancom Office does when it protects a file."""
    data = bytearray(path.read_bytes())
    at = data.find(b"HWP Document File") + 36  # 32-byte signature, 4-byte version, then flags
    (flags,) = struct.unpack_from("<I", data, at)
    struct.pack_into("<I", data, at, flags | bits)
    path.write_bytes(bytes(data))
    return path


def test_protected_and_damaged_hwp_files_are_dl001(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _set_hwp_flags(render(MISMATCH, case / "password.hwp"), 1 << 1)
    _set_hwp_flags(render(MISMATCH, case / "배포용.hwp"), 1 << 2)
    good = render(MISMATCH, tmp_path / "good.hwp").read_bytes()
    (case / "truncated.hwp").write_bytes(good[: len(good) // 3])
    hwpx = render(MISMATCH, tmp_path / "good.hwpx")
    with zipfile.ZipFile(hwpx) as src, zipfile.ZipFile(case / "encrypted.hwpx", "w") as dst:
        for info in src.infolist():
            payload = src.read(info)
            if info.filename == "META-INF/manifest.xml":  # how an encrypted HWPX declares its parts
                payload = ENCRYPTED_MANIFEST
            dst.writestr(info, payload)
    _, data = run_json("check", str(case))
    dl001 = {Path(f["path"]).name: f for f in data["cases"][0]["findings"] if f["rule"] == "DL001"}
    assert set(dl001) == {"password.hwp", "배포용.hwp", "truncated.hwp", "encrypted.hwpx"}
    assert "password-protected" in dl001["password.hwp"]["message"]
    assert "배포용" in dl001["배포용.hwp"]["message"]
    assert "ask the employer" in dl001["password.hwp"]["suggestion"]
    assert "encrypted" in dl001["encrypted.hwpx"]["message"]
    assert "damaged" in dl001["truncated.hwp"]["message"]
    assert {f["data"]["kind"] for n, f in dl001.items() if n != "truncated.hwp"} == {"encrypted"}


def test_scanned_reason_statement_reads_like_its_text_version(tmp_path: Path) -> None:
    """One page of OCR: the scan's title, code and duties, the duties' best codes equal to the
    text version's, and findings on it say the text came from OCR."""
    render(SCANNED, tmp_path / "text" / "고용사유서.docx")
    render(SCANNED, tmp_path / "scan" / "고용사유서.png")
    _, data = run_json("check", str(tmp_path / "text"), str(tmp_path / "scan"))
    want, got = data["cases"]
    doc = got["documents"][0]
    assert doc["format"] == "image" and doc["ocr"] is True
    assert doc["codes"] == ["2224"] and "웹 개발자" in doc["title"]
    want_duties = want["documents"][0]["duties"]
    assert len(doc["duties"]) == len(want_duties) == 3
    assert [d["best_code"] for d in doc["duties"]] == [d["best_code"] for d in want_duties]
    assert [d["share"] for d in doc["duties"]] == [0.5, 0.3, 0.2]
    vague = [f for f in got["findings"] if f["rule"] == "DL103"]
    assert vague and vague[0]["ocr"] is True and "OCR" in vague[0]["message"]
    assert not any(f["ocr"] for f in want["findings"])


def _small_scan(path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 160), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 48)
    ImageDraw.Draw(image).text((40, 50), "웹 개발자 2224", fill=0, font=font)
    image.save(path, dpi=(300, 300))
    return path


def test_ocr_time_limits(tmp_path: Path) -> None:
    """A page is stopped at its OCR timeout (DL001 'timeout'); the per-document deadline grows
    by that timeout per OCR page, so a scan is not cut short by a cap meant for text files."""
    path = _small_scan(tmp_path / "small.png")
    with pytest.raises(ReadError) as err:
        read(path, "small.png", Limits(seconds_per_page=0.001, ocr_cache=False))
    assert err.value.kind == "timeout" and "OCR of a page" in err.value.reason
    doc = read(path, "small.png", Limits(seconds_per_document=0.1, ocr_cache=False))  # OCR: ~0.25 s
    assert "2224" in doc.text


def test_ocr_cache_is_used_and_no_cache_bypasses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny image (tesseract takes a fraction of a second): a tampered cache entry is what the
    next read returns, and ocr_cache=False neither reads nor writes the cache."""
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = _small_scan(tmp_path / "small.png")
    first = read(path, "small.png")
    assert "2224" in first.text and first.ocr and all(b.ocr for b in first.blocks)
    [entry] = (tmp_path / "cache" / "ocr").glob("*.json")
    entry.write_text(entry.read_text(encoding="utf-8").replace("2224", "9999"), encoding="utf-8")
    assert "9999" in read(path, "small.png").text
    entry.unlink()
    assert "2224" in read(path, "small.png", Limits(ocr_cache=False)).text
    assert not list((tmp_path / "cache" / "ocr").glob("*.json"))


def test_pdf_with_one_scanned_page_is_read_page_by_page(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    text = render(CONTRACT_PAGE, tmp_path / "page1.pdf")
    scan = render(DUTIES_PAGE, tmp_path / "page2.pdf", scan=True)
    pdf = pdfium.PdfDocument(str(text))
    pdf.import_pages(pdfium.PdfDocument(str(scan)))
    mixed = tmp_path / "case" / "contract.pdf"
    mixed.parent.mkdir()
    pdf.save(str(mixed))
    doc = read(mixed, "contract.pdf")
    assert doc.ocr and doc.meta["ocr_pages"] == [2]
    assert {b.page for b in doc.blocks if b.ocr} == {2}
    assert all(not b.ocr for b in doc.blocks if b.page == 1)
    assert [b.page for b in doc.blocks] == sorted(b.page or 0 for b in doc.blocks)
    _, data = run_json("check", str(mixed))
    facts = data["cases"][0]["documents"][0]
    assert facts["codes"] == ["1202"] and facts["title"] == "Marketing Manager"
    assert [d["page"] for d in facts["duties"]] == [2, 2]
    assert "digital marketing campaigns" in facts["duties"][0]["text"]


def test_scans_without_ocr_installed_are_dl001(tmp_path: Path) -> None:
    """tesseract off PATH: both an image-only PDF and a PNG become DL001 saying what to install."""
    case = tmp_path / "case"
    render(SCANNED, case / "scan.pdf", scan=True)
    render(SCANNED, case / "scan.png")
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    _, data = run_json("check", str(case), env={"PATH": str(empty_bin)})
    dl001 = {Path(f["path"]).name: f for f in data["cases"][0]["findings"] if f["rule"] == "DL001"}
    assert set(dl001) == {"scan.pdf", "scan.png"}
    for finding in dl001.values():
        assert "no OCR available" in finding["message"]
        assert "tesseract-ocr-kor" in finding["message"]
        assert finding["data"]["kind"] == "ocr-missing"


def test_reader_errors_not_tracebacks_for_broken_images(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(ReadError) as err:
        read(path, "broken.png")
    assert err.value.kind == "corrupt"
