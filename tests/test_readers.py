"""The docx, pdf and text readers on real files written by python-docx and fpdf2."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.model import ReadError
from doclint.readers import read

KO_DOC = """@header (주)한빛소프트 인사팀
# 고용사유서
| 직위 | 웹 개발자 |
| 직종코드 | 2224 |
## 담당업무
- React 기반 쇼핑몰 프론트엔드 개발
1. Spring Boot REST API 개발
대표이사 김민수 (인)
@footer 서울특별시 강남구 테헤란로 1
"""


def test_docx_reads_blocks_in_order_with_tables_lists_headers(make_doc) -> None:
    doc = read(make_doc(KO_DOC, "a.docx"), "a.docx")
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "(주)한빛소프트 인사팀", "고용사유서", "직위", "웹 개발자", "직종코드", "2224", "담당업무",
        "React 기반 쇼핑몰 프론트엔드 개발", "Spring Boot REST API 개발", "대표이사 김민수 (인)",
        "서울특별시 강남구 테헤란로 1",
    ]
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["(주)한빛소프트 인사팀"] == "header"
    assert kinds["서울특별시 강남구 테헤란로 1"] == "footer"
    assert kinds["고용사유서"] == "heading"
    assert kinds["React 기반 쇼핑몰 프론트엔드 개발"] == "list_item"
    assert kinds["Spring Boot REST API 개발"] == "list_item"
    cell = next(b for b in doc.blocks if b.text == "웹 개발자")
    assert cell.kind == "table_cell" and cell.table == (0, 0, 1)
    assert [b.line for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


def test_pdf_korean_text_and_table_cells(make_doc) -> None:
    doc = read(make_doc(KO_DOC, "a.pdf"), "a.pdf")
    texts = [b.text for b in doc.blocks]
    assert "고용사유서" in texts
    assert "• React 기반 쇼핑몰 프론트엔드 개발" in texts
    cells = {b.text: b.table for b in doc.blocks if b.kind == "table_cell"}
    assert cells["직위"] == (0, 0, 0) and cells["웹 개발자"] == (0, 0, 1)
    assert all(b.page == 1 for b in doc.blocks)
    assert doc.pages == 1


def test_pdf_without_tables_uses_lines_with_pages(make_doc) -> None:
    doc = read(make_doc("# Employment Contract\nPosition: Engineer\n@pagebreak\nSalary: KRW 50,000,000 per year", "b.pdf"), "b.pdf")
    pages = {b.text: b.page for b in doc.blocks}
    assert pages["Position: Engineer"] == 1
    assert pages["Salary: KRW 50,000,000 per year"] == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp949", "euc-kr"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("고용사유서\n직위: 웹 개발자\n\n담당업무: 웹 서비스 개발\n".encode(encoding))
    doc = read(path, "a.txt")
    assert [b.text for b in doc.blocks] == ["고용사유서", "직위: 웹 개발자", "담당업무: 웹 서비스 개발"]
    assert [b.line for b in doc.blocks] == [1, 2, 4]


def test_zero_byte_file_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="empty") as info:
        read(path, "empty.pdf")
    assert info.value.kind == "empty"


def test_truncated_docx_is_read_error(make_doc, tmp_path: Path) -> None:
    good = make_doc(KO_DOC, "good.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(ReadError) as info:
        read(bad, "bad.docx")
    assert info.value.kind == "corrupt"


def test_text_named_docx_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "contract.docx"
    path.write_text("this is not a word file", encoding="utf-8")
    with pytest.raises(ReadError, match="not a Word"):
        read(path, "contract.docx")


def test_pdf_named_docx_is_read_as_pdf(make_doc, tmp_path: Path) -> None:
    pdf = make_doc("# 고용사유서\n직위: 통역사", "x.pdf")
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(pdf.read_bytes())
    doc = read(renamed, "renamed.docx")
    assert doc.format == "pdf" and doc.meta["renamed_from"] == "pdf"
    assert "직위: 통역사" in [b.text for b in doc.blocks]


def test_encrypted_pdf_is_read_error(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Employment Contract")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match="password") as info:
        read(path, "locked.pdf")
    assert info.value.kind == "encrypted"


def test_truncated_pdf_is_read_error(make_doc, tmp_path: Path) -> None:
    good = make_doc(KO_DOC, "good.pdf")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(good.read_bytes()[:300])
    with pytest.raises(ReadError):
        read(bad, "bad.pdf")


def test_docx_header_repeated_in_every_section_is_read_once(tmp_path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION


    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Acme Korea Ltd. — Confidential"
    d.add_paragraph("Position: Web Developer")
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Acme Korea Ltd. — Confidential"
    d.add_paragraph("Duties: build the web front end")
    path = tmp_path / "two-sections.docx"
    d.save(path)
    headers = [b.text for b in read(path, path.name).blocks if b.kind == "header"]
    assert headers == ["Acme Korea Ltd. — Confidential"]
