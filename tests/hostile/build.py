"""Build the hostile corpus: the broken, encrypted, renamed and malicious files consultants get.

    python tests/hostile/build.py OUT_DIR

Everything is generated (nothing binary is committed). The zip bombs are streamed through zlib
chunk by chunk, so building them never holds the inflated data in memory or on disk."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "samples"))

from render import render  # noqa: E402

GOOD = """# 고용사유서
| 직위 | 웹 개발자 |
| 직종코드 | 2224 |
## 담당업무
- React 기반 쇼핑몰 프론트엔드 개발
- Spring Boot REST API 개발 및 유지보수
"""

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>
"""

XXE = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
"""


def _replace_member(src: Path, dst: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == member else zin.read(item.filename))


def _zip_bomb(dst: Path, members: dict[str, bytes], bomb_name: str, inflated: int) -> None:
    """A valid zip whose `bomb_name` member inflates to `inflated` bytes of zeros."""
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo(bomb_name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = bytes(1 << 20)
            for _ in range(inflated >> 20):
                fh.write(chunk)


def _nested_tables(depth: int) -> bytes:
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{inner}<w:p/></w:body></w:document>"
    ).encode()


def _blank_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    pdf.output(str(path))


def _image_only_pdf(path: Path, scratch: Path) -> None:
    import pypdfium2 as pdfium
    from fpdf import FPDF

    text_pdf = render(GOOD, scratch / "scan-source.pdf")
    doc = pdfium.PdfDocument(str(text_pdf))
    image = doc[0].render(scale=100 / 72).to_pil()
    doc.close()
    png = scratch / "scan.png"
    image.save(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210)
    pdf.output(str(path))


def build(out: Path, many: int = 5000) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / ".scratch"  # hidden: doclint skips it
    scratch.mkdir(exist_ok=True)
    case = out / "case"
    case.mkdir(exist_ok=True)
    good_docx = render(GOOD, scratch / "good.docx")
    good_pdf = render(GOOD, scratch / "good.pdf")
    render(GOOD, case / "readable-고용사유서.docx")  # the one document that must still be checked

    (case / "zero.docx").write_bytes(b"")
    (case / "zero.pdf").write_bytes(b"")
    (case / "text-named.docx").write_text("I am plain text, not a Word file.\n", encoding="utf-8")
    (case / "docx-named.pdf").write_bytes(good_docx.read_bytes())
    (case / "truncated.pdf").write_bytes(good_pdf.read_bytes()[: len(good_pdf.read_bytes()) // 2])
    (case / "truncated.docx").write_bytes(good_docx.read_bytes()[:1500])

    from fpdf import FPDF

    enc = FPDF()
    enc.set_encryption(owner_password="o", user_password="u")
    enc.add_page()
    enc.set_font("helvetica", size=12)
    enc.cell(0, 10, "Employment Contract")
    enc.output(str(case / "encrypted.pdf"))
    _image_only_pdf(case / "image-only.pdf", scratch)

    docx_members = {}
    with zipfile.ZipFile(good_docx) as zf:
        docx_members = {n: zf.read(n) for n in zf.namelist() if n != "word/document.xml"}
    _zip_bomb(case / "bomb.docx", docx_members, "word/document.xml", 1 << 30)
    _zip_bomb(case / "bomb.hwpx", {"mimetype": b"application/hwp+zip", "Contents/content.hpf": b"<x/>"}, "Contents/section0.xml", 1 << 30)
    _replace_member(good_docx, case / "billion-laughs.docx", "word/document.xml", BILLION_LAUGHS)
    _replace_member(good_docx, case / "xxe.docx", "word/document.xml", XXE)
    hwpx_xml = BILLION_LAUGHS.replace(b"w:document", b"hs:sec")
    with zipfile.ZipFile(case / "billion-laughs.hwpx", "w") as zf:
        zf.writestr("mimetype", "application/hwp+zip")
        zf.writestr("Contents/content.hpf", "<opf:package xmlns:opf='http://www.idpf.org/2007/opf/'/>")
        zf.writestr("Contents/section0.xml", hwpx_xml)
    _replace_member(good_docx, case / "nested-tables.docx", "word/document.xml", _nested_tables(60))
    truncated_hwpx = io.BytesIO()
    with zipfile.ZipFile(truncated_hwpx, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/hwp+zip")
        zf.writestr("Contents/section0.xml", "<hs:sec xmlns:hs='x'>" + "<hp:p/>" * 2000 + "</hs:sec>")
    (case / "truncated.hwpx").write_bytes(truncated_hwpx.getvalue()[:400])
    (case / "one-line.txt").write_bytes(b"x" * (10 * 1024 * 1024))
    _blank_pdf(case / "blank-2000-pages.pdf", 2000)

    odd = out / "odd-names"
    odd.mkdir(exist_ok=True)
    render(GOOD, odd / "new\nline.docx")
    latin1 = os.fsencode(str(odd)) + b"/caf\xe9.docx"  # not UTF-8
    Path(os.fsdecode(latin1)).write_bytes(good_docx.read_bytes())
    loop = out / "loop"
    loop.mkdir(exist_ok=True)
    render(GOOD, loop / "고용사유서.docx")
    if not (loop / "again").exists():
        os.symlink(loop, loop / "again")
    if not (loop / "a.docx").is_symlink():
        os.symlink(loop / "b.docx", loop / "a.docx")
        os.symlink(loop / "a.docx", loop / "b.docx")
    locked = out / "locked"
    locked.mkdir(exist_ok=True)
    render(GOOD, locked / "no-permission.docx")
    os.chmod(locked / "no-permission.docx", 0)

    crowd = out / "crowd"
    crowd.mkdir(exist_ok=True)
    for i in range(many):
        (crowd / f"note-{i:05d}.txt").write_text(f"메모 {i}\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    build(target)
    print(f"hostile corpus in {target}")
