"""Render the document markup of docs/markup.md to .docx (python-docx), .pdf (fpdf2 with a
Korean TrueType font), .hwpx/.hwp (python-hwpx), .txt, or a scan: the PDF rasterised by pdfium
into .png/.jpg/.tif images or an image-only PDF. Used by samples/build.py and by the tests, so that every test
document is a real file written by a real library."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

logging.getLogger("fontTools").setLevel(logging.ERROR)  # subsetting chatter

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
FONT_BOLD_CANDIDATES = ("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",)


@dataclass
class Item:
    kind: str  # h1|h2|bullet|number|row|header|footer|pagebreak|para
    text: str = ""
    cells: list[str] = field(default_factory=list)
    number: int = 0


def parse(source: str) -> list[Item]:
    items: list[Item] = []
    for raw in source.strip("\n").splitlines():
        line = raw.rstrip()
        s = line.strip()
        if not s:
            items.append(Item("blank"))
        elif s.startswith("## "):
            items.append(Item("h2", s[3:].strip()))
        elif s.startswith("# "):
            items.append(Item("h1", s[2:].strip()))
        elif s.startswith("- "):
            items.append(Item("bullet", s[2:].strip()))
        elif m := re.match(r"^(\d{1,2})\.\s+(.*)$", s):
            items.append(Item("number", m.group(2).strip(), number=int(m.group(1))))
        elif s.startswith("|") and s.endswith("|"):
            cells = [c.strip().replace("\\n", "\n") for c in s[1:-1].split("|")]
            items.append(Item("row", cells=cells))
        elif s.startswith("@header "):
            items.append(Item("header", s[8:].strip()))
        elif s.startswith("@footer "):
            items.append(Item("footer", s[8:].strip()))
        elif s == "@pagebreak":
            items.append(Item("pagebreak"))
        else:
            items.append(Item("para", s))
    return items


def _tables(items: list[Item]) -> list[list[Item] | Item]:
    """Group consecutive rows into tables."""
    out: list[list[Item] | Item] = []
    for item in items:
        if item.kind == "row":
            if out and isinstance(out[-1], list):
                out[-1].append(item)
            else:
                out.append([item])
        else:
            out.append(item)
    return out


def to_docx(source: str, path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Malgun Gothic"
    style.font.size = Pt(10.5)
    doc.core_properties.author = "doclint samples"
    section = doc.sections[0]
    for group in _tables(parse(source)):
        if isinstance(group, list):
            width = max(len(r.cells) for r in group)
            table = doc.add_table(rows=len(group), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(group):
                for c in range(width):
                    table.cell(r, c).text = row.cells[c] if c < len(row.cells) else ""
            continue
        item = group
        if item.kind == "h1":
            doc.add_heading(item.text, level=1)
        elif item.kind == "h2":
            doc.add_heading(item.text, level=2)
        elif item.kind == "bullet":
            doc.add_paragraph(item.text, style="List Bullet")
        elif item.kind == "number":
            doc.add_paragraph(item.text, style="List Number")
        elif item.kind == "header":
            section.header.paragraphs[0].text = item.text
        elif item.kind == "footer":
            section.footer.paragraphs[0].text = item.text
        elif item.kind == "pagebreak":
            doc.add_page_break()
        elif item.kind == "para":
            doc.add_paragraph(item.text)
    doc.save(str(path))


def _font() -> tuple[str, str | None]:
    regular = next((f for f in FONT_CANDIDATES if Path(f).exists()), None)
    if regular is None:
        raise RuntimeError("no Korean font found: apt-get install fonts-nanum")
    bold = next((f for f in FONT_BOLD_CANDIDATES if Path(f).exists()), None)
    return regular, bold


def to_pdf(source: str, path: Path) -> None:
    from fpdf import FPDF

    regular, bold = _font()
    items = parse(source)
    header = next((i.text for i in items if i.kind == "header"), None)
    footer = next((i.text for i in items if i.kind == "footer"), None)

    class Doc(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("K", size=8)
                self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT", align="R")
                self.ln(2)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("K", size=8)
            text = f"{footer}  -  {self.page_no()}" if footer else str(self.page_no())
            self.cell(0, 6, text, align="C")

    pdf = Doc(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2026, 11, 1))
    pdf.add_font("K", "", regular)
    pdf.add_font("K", "B", bold or regular)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for group in _tables(items):
        if isinstance(group, list):
            pdf.set_font("K", size=10)
            ncols = max(len(r.cells) for r in group)
            widths = (30, 100 - 30) if ncols == 2 else tuple([100 / ncols] * ncols)
            with pdf.table(col_widths=widths, first_row_as_headings=False, line_height=6) as table:
                for row in group:
                    cells = row.cells + [""] * (ncols - len(row.cells))
                    trow = table.row()
                    for cell in cells:
                        trow.cell(cell)
            pdf.ln(2)
            continue
        item = group
        if item.kind == "h1":
            pdf.set_font("K", "B", 16)
            pdf.multi_cell(width, 10, item.text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif item.kind == "h2":
            pdf.set_font("K", "B", 12)
            pdf.multi_cell(width, 8, item.text, new_x="LMARGIN", new_y="NEXT")
        elif item.kind in ("bullet", "number", "para"):
            pdf.set_font("K", size=10)
            prefix = "• " if item.kind == "bullet" else (f"{item.number}. " if item.kind == "number" else "")
            pdf.multi_cell(width, 6, prefix + item.text, new_x="LMARGIN", new_y="NEXT")
        elif item.kind == "pagebreak":
            pdf.add_page()
        elif item.kind == "blank":
            pdf.ln(2)
    pdf.output(str(path))


def to_txt(source: str, path: Path, encoding: str = "utf-8") -> None:
    lines: list[str] = []
    for item in parse(source):
        if item.kind in ("h1", "h2", "para", "header", "footer"):
            lines.append(item.text)
        elif item.kind == "bullet":
            lines.append(f"- {item.text}")
        elif item.kind == "number":
            lines.append(f"{item.number}. {item.text}")
        elif item.kind == "row":
            lines.append(" | ".join(c.replace("\n", " / ") for c in item.cells))
        elif item.kind == "blank":
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding=encoding)


def to_hwpx(source: str, path: Path) -> None:
    """Headings in the outline styles, lists as typed markers (as most HWP forms are written),
    tables as HWP tables; .hwp is the same document saved as HWP 5."""
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    first = True

    def para(text: str) -> None:
        nonlocal first
        if first:  # the blank document's one paragraph holds the section settings: fill it
            doc.paragraphs[0].text = text
            first = False
        else:
            doc.add_paragraph(text, inherit_style=False)  # not the heading style before it

    for group in _tables(parse(source)):
        if isinstance(group, list):
            width = max(len(r.cells) for r in group)
            table = doc.add_table(len(group), width)
            for r, row in enumerate(group):
                for c in range(width):
                    table.cell(r, c).text = row.cells[c] if c < len(row.cells) else ""
            first = False
            continue
        item = group
        if item.kind in ("h1", "h2") and not first:
            doc.add_heading(item.text, level=1 if item.kind == "h1" else 2)
        elif item.kind in ("h1", "h2", "para"):
            para(item.text)
        elif item.kind == "bullet":
            para(f"• {item.text}")
        elif item.kind == "number":
            para(f"{item.number}. {item.text}")
        elif item.kind == "header":
            doc.page.set_header(text=item.text)
        elif item.kind == "footer":
            doc.page.set_footer(text=item.text)
    if path.suffix.lower() == ".hwp":
        path.write_bytes(doc.to_bytes(format="hwp"))
    else:
        doc.save_to_path(str(path))


SCAN_DPI = 200  # a common office-scanner setting


def to_scan(source: str, path: Path, dpi: int = SCAN_DPI) -> None:
    """A scan of the rendered PDF: grey pages with no text layer, as a scanner would write them."""
    import tempfile

    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        text_pdf = Path(tmp) / "text.pdf"
        to_pdf(source, text_pdf)
        pdf = pdfium.PdfDocument(str(text_pdf))
        try:
            pages = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
        finally:
            pdf.close()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    elif suffix in (".tif", ".tiff"):
        pages[0].save(path, "TIFF", dpi=(dpi, dpi), save_all=True, append_images=pages[1:], compression="tiff_lzw")
    else:
        pages[0].save(path, dpi=(dpi, dpi), quality=90) if suffix in (".jpg", ".jpeg") else pages[0].save(path, dpi=(dpi, dpi))


def render(source: str, path: Path, scan: bool = False) -> Path:
    """Write `source` as the file `path` names; scan=True makes a .pdf an image-only scan
    (images are always scans)."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if scan or suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        to_scan(source, path)
    elif suffix in (".hwpx", ".hwp"):
        to_hwpx(source, path)
    elif suffix == ".docx":
        to_docx(source, path)
    elif suffix == ".pdf":
        to_pdf(source, path)
    elif suffix in (".txt", ".md"):
        to_txt(source, path)
    else:
        raise ValueError(f"cannot render {suffix}")
    return path
