"""Fuzz targets shared by tests/test_fuzz.py (a short "ci" run) and bench/fuzz.py (the "long"
profile for minutes). Each target is a hypothesis strategy plus a check that raises
AssertionError (or anything else) when doclint misbehaves:

- readers: any bytes, or a real sample with bytes flipped, truncated, inserted or deleted (inside
  a zip member too, so the XML parsers see damage rather than only the zip layer), read through
  doclint.readers.read → a well-formed Document or ReadError, nothing else; what reads is
  understood without an exception;
- extractors: salary, codes and duties on generated text → well-formed values, the same on a
  second call, unchanged by NFD input or extra surrounding whitespace.

No mocks: the real readers on real files written to a temporary folder."""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "fuzz_regressions"

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# ci: a few seconds a target in the test suite, no example database in the tree;
# long: bench/fuzz.py, run in rounds until its time is up, failures remembered under bench/out.
settings.register_profile(
    "ci", max_examples=20, deadline=None, database=None, derandomize=True, suppress_health_check=_SLOW_OK, print_blob=True,
)
settings.register_profile(
    "long", max_examples=400, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True,
    database=DirectoryBasedExampleDatabase(str(ROOT / "bench" / "out" / "hypothesis")),
)


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    scale: float = 1.0  # examples relative to the profile's max_examples: cheap targets run more
    examples: tuple[Any, ...] = ()  # inputs a fuzz run once failed on, always tried first

    def test(self, max_examples: int, check: Callable[[Any], None] | None = None) -> Callable[[], None]:
        """The target as a hypothesis test (with `check` instead of its own, e.g. to count)."""
        test = given(self.strategy)(check or self.check)
        for case in self.examples:
            test = example(case)(test)
        return settings(max_examples=max_examples)(test)


# ---------------------------------------------------------------- readers


def _limits() -> Any:
    from doclint.readers.limits import Limits

    # no OCR cache: fuzzing must not write into the user's cache; a tight clock so a slow input
    # shows up as a ReadError('timeout') rather than a stuck run
    return Limits(ocr_cache=False, seconds_per_document=20.0, max_pages=20)


def check_document(doc: Any) -> None:
    from doclint.model import Block, Document

    assert isinstance(doc, Document), type(doc)
    assert doc.blocks and any(b.text.strip() for b in doc.blocks)
    for block in doc.blocks:
        assert isinstance(block, Block) and isinstance(block.text, str)
        assert block.line is None or block.line >= 0
        assert block.page is None or block.page >= 1


def read_bytes(data: bytes, suffix: str, understand: bool = True) -> Any:
    """Write `data` as a file named *suffix, read it: a Document (checked, and understood) or
    None for a ReadError with a message. Anything else propagates — that is the bug."""
    from doclint.model import ReadError
    from doclint.readers import read

    with tempfile.TemporaryDirectory(prefix="doclint-fuzz-") as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read(path, path.name, _limits())
        except ReadError as exc:
            assert str(exc).strip(), "a ReadError must say what is wrong"
            return None
    check_document(doc)
    if understand:
        from doclint.nlp import understand as understand_doc

        understand_doc(doc)
    return doc


@cache
def samples(suffix: str) -> tuple[tuple[str, bytes], ...]:
    return tuple(
        (str(p.relative_to(ROOT)), p.read_bytes())
        for p in sorted((ROOT / "samples").glob(f"*/*{suffix}"))
    )


_MAGIC = [b"", b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"\xef\xbb\xbf", b"\xff\xfe"]
_SUFFIXES = [".docx", ".pdf", ".txt", ".md", ".hwp", ".hwpx", ".png", ".jpg"]


@st.composite
def _mutations(draw: st.DrawFn, size: int) -> list[tuple[str, int, bytes]]:
    """Edits as (op, position, bytes): flip, insert, delete, overwrite, truncate."""
    ops = []
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "overwrite", "truncate"]))
        pos = draw(st.integers(0, max(size - 1, 0)))
        payload = draw(st.binary(min_size=1, max_size=16)) if op in ("insert", "overwrite") else b""
        if op == "flip":
            payload = bytes([1 << draw(st.integers(0, 7))])
        elif op == "delete":
            payload = bytes([draw(st.integers(1, 255))])  # how many bytes to delete
        ops.append((op, pos, payload))
    return ops


def mutate(data: bytes, ops: list[tuple[str, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, pos, payload in ops:
        pos = min(pos, len(buf))
        if op == "flip" and pos < len(buf):
            buf[pos] ^= payload[0]
        elif op == "insert":
            buf[pos:pos] = payload
        elif op == "delete":
            del buf[pos : pos + payload[0]]
        elif op == "overwrite":
            buf[pos : pos + len(payload)] = payload
        elif op == "truncate":
            del buf[pos:]
    return bytes(buf)


_ATTR_VALUES = ["", "-1", "0", "99999999999", "x", "1e308", "NaN", "\u3000", "../../etc/passwd", "http://example.invalid/"]


@st.composite
def _tree_edits(draw: st.DrawFn) -> list[tuple[str, int, int, str]]:
    """Edits of an XML tree as (op, element, other element, value)."""
    ops = ["delete", "duplicate", "move", "attribute", "text", "unwrap"]
    return [
        (draw(st.sampled_from(ops)), draw(st.integers(0, 10_000)), draw(st.integers(0, 10_000)),
         draw(st.one_of(st.sampled_from(_ATTR_VALUES), _TEXT)))
        for _ in range(draw(st.integers(1, 6)))
    ]


def edit_tree(xml: bytes, edits: list[tuple[str, int, int, str]]) -> bytes:
    """Well-formed XML with a damaged structure: elements deleted, duplicated, moved into other
    elements, unwrapped; attribute values and text replaced. What a broken writer produces."""
    from lxml import etree

    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for op, i, j, value in edits:
        elements = list(root.iter())
        el, other = elements[i % len(elements)], elements[j % len(elements)]
        parent = el.getparent()
        value = "".join(ch for ch in value if ch in "\t\n" or (ord(ch) >= 32 and ord(ch) not in (0xFFFE, 0xFFFF)))
        if op == "attribute" and el.attrib:
            el.set(sorted(el.attrib)[j % len(el.attrib)], value)
        elif op == "text":
            el.text = value
        elif parent is None:
            continue
        elif op == "delete":
            parent.remove(el)
        elif op == "duplicate":
            parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
        elif op == "move" and el not in other.iterancestors() and el is not other:
            parent.remove(el)
            other.append(el)
        elif op == "unwrap":
            index = parent.index(el)
            parent.remove(el)
            for n, child in enumerate(list(el)):
                parent.insert(index + n, child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rezip(data: bytes, member: int, change: Callable[[bytes], bytes], xml_only: bool = False) -> bytes:
    """The same zip with one member (of its XML parts when `xml_only`) changed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    choices = [i for i in infos if i.filename.endswith((".xml", ".hpf"))] if xml_only else []
    target = (choices or infos)[member % len(choices or infos)].filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            content = src.read(info)
            dst.writestr(info, change(content) if info.filename == target else content)
    return out.getvalue()


@st.composite
def mutated_sample(draw: st.DrawFn, suffix: str) -> tuple[str, str, bytes]:
    """A sample with its bytes damaged; a zip-based one (.docx/.hwpx) also with one member's bytes
    damaged inside a valid container, or one XML part's tree rearranged."""
    name, data = draw(st.sampled_from(samples(suffix)))
    how = draw(st.sampled_from(["bytes", "member", "tree"])) if zipfile.is_zipfile(io.BytesIO(data)) else "bytes"
    if how == "bytes":
        return name, suffix, mutate(data, draw(_mutations(len(data))))
    member = draw(st.integers(0, 50))
    if how == "member":
        ops = draw(_mutations(4096))
        return name, suffix, rezip(data, member, lambda content: mutate(content, ops))
    edits = draw(_tree_edits())

    def change(content: bytes) -> bytes:
        try:
            return edit_tree(content, edits)
        except Exception:  # not XML after all: leave it
            return content

    return name, suffix, rezip(data, member, change, xml_only=True)


def check_mutated(case: tuple[str, str, bytes]) -> None:
    _, suffix, data = case
    read_bytes(data, suffix)


@st.composite
def any_file(draw: st.DrawFn) -> tuple[str, str, bytes]:
    head = draw(st.sampled_from(_MAGIC))
    body = draw(st.binary(max_size=2048))
    return "bytes", draw(st.sampled_from(_SUFFIXES)), head + body


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)
_ENCODINGS = ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16", "latin-1"]


@st.composite
def text_file(draw: st.DrawFn) -> tuple[str, bytes]:
    text = draw(st.one_of(_TEXT, st.lists(st.sampled_from(_KO_LINES + _EN_LINES), max_size=12).map("\n".join)))
    encoding = draw(st.sampled_from(_ENCODINGS))
    return text, text.encode(encoding, errors="ignore")


def check_text(case: tuple[str, bytes]) -> None:
    from doclint.model import ReadError
    from doclint.readers.text import read_text_bytes

    _, raw = case
    try:
        doc = read_text_bytes(raw, "fuzz.txt", _limits())
    except ReadError:
        return
    for block in doc.blocks:  # a line is kept whole and stripped, never empty
        assert block.text and block.text == block.text.strip()
    if _is_utf8(raw):  # then what was written is known: every non-blank line, in order
        lines = [ln.strip() for ln in unicodedata.normalize("NFC", raw.decode("utf-8")).splitlines()]
        assert [unicodedata.normalize("NFC", b.text) for b in doc.blocks] == [ln for ln in lines if ln]


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in raw[:4096] and not raw.startswith(b"\xef\xbb\xbf")


# ---------------------------------------------------------------- generated documents (markup)

_KO_LINES = [
    "근로계약서", "고용사유서", "담당업무", "직종코드: 2224", "E-7-1(2224 웹 개발자)", "연봉 4,200만원",
    "월급 3,500,000원", "웹 서비스 백엔드 API 개발 및 유지보수", "데이터베이스 설계 및 성능 개선",
    "해외 거래처 발굴 및 수출 상담", "사내 행사 지원 등 기타 업무", "계약기간: 2024.03.01 ~ 2026.02.28",
    "대표이사 홍길동 (인)", "일금 삼천육백만원정", "시급 12,000원", "업무 비중 60%", "우대사항",
]
_EN_LINES = [
    "EMPLOYMENT CONTRACT", "Duties", "Occupation code: 2224", "Annual salary: KRW 42,000,000",
    "Monthly salary KRW 3.5 million", "Develop and maintain the web backend (60%)",
    "Design database schemas and tune queries", "Negotiate with overseas buyers", "Other duties as assigned",
    "Salary: 3,000,000 won per month", "Signed: Kim Minsu, CEO", "Requirements", "Phone 010-1234-5678",
]
_MARKUP_PREFIX = ["", "# ", "## ", "- ", "1. ", "| 담당업무 | ", "| Duties | "]


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Document markup (samples/render.py) mixing real document lines with arbitrary text."""
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        text = draw(st.one_of(st.sampled_from(_KO_LINES + _EN_LINES), _markup_text))
        prefix = draw(st.sampled_from(_MARKUP_PREFIX))
        lines.append(prefix + text + (" |" if prefix.startswith("|") else ""))
    return "\n".join(lines)


# what python-docx, fpdf2 and python-hwpx can write: no control characters, no lone surrogates,
# no markup syntax of our own at the line start, no pipes
_markup_text = st.text(
    st.characters(exclude_categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp"], exclude_characters="|@"),
    min_size=1, max_size=60,
).map(str.strip).filter(bool)


def rendered(suffix: str) -> st.SearchStrategy[tuple[str, str, bytes]]:
    def _render(source: str) -> tuple[str, str, bytes]:
        from render import render

        with tempfile.TemporaryDirectory(prefix="doclint-fuzz-") as tmp:
            try:
                path = render(source, Path(tmp) / f"doc{suffix}")
            except Exception:  # a writer library refusing a character is not our bug
                return source, suffix, b""
            return source, suffix, path.read_bytes()

    return markup().map(_render)


def check_rendered(case: tuple[str, str, bytes]) -> None:
    source, suffix, data = case
    if not data:
        return
    doc = read_bytes(data, suffix)
    if doc is None or suffix == ".pdf":  # a PDF's glyphs may not map back to the source's characters
        return
    from doclint.nlp.text import strip_marker

    written = unicodedata.normalize("NFC", source)
    for block in doc.blocks:  # every block's words (bar a list marker the writer adds) are the source's
        for word in unicodedata.normalize("NFC", strip_marker(block.text)).split():
            assert word in written, (word, source)


@st.composite
def image_variant(draw: st.DrawFn) -> tuple[str, str, bytes]:
    """A crop of the sample scan, re-encoded with odd modes, sizes, dpi metadata (1 dpi, 0, none,
    huge), EXIF rotations and TIFF pages: decodable images that reach the image reader and OCR."""
    from PIL import Image

    name, data = samples(".png")[0]
    source = Image.open(io.BytesIO(data))
    w, h = draw(st.integers(1, 300)), draw(st.integers(1, 300))
    x, y = draw(st.integers(0, max(source.width - w, 0))), draw(st.integers(0, max(source.height - h, 0)))
    image = source.crop((x, y, x + w, y + h)).convert(draw(st.sampled_from(["L", "RGB", "RGBA", "P", "1", "I;16", "CMYK"])))
    fmt = draw(st.sampled_from(["PNG", "JPEG", "TIFF"]))
    if fmt == "JPEG" and image.mode not in ("L", "RGB", "CMYK"):
        image = image.convert("RGB")
    dpi = draw(st.sampled_from([None, 0.5, 1, 72, 300, 2400]))
    options: dict[str, Any] = {"dpi": (dpi, dpi)} if dpi else {}
    if fmt != "PNG" and draw(st.booleans()):
        exif = Image.Exif()
        exif[0x0112] = draw(st.integers(0, 9))  # orientation, including values no camera writes
        options["exif"] = exif.tobytes()
    if fmt == "TIFF":
        options["save_all"], options["append_images"] = True, [image.rotate(90, expand=True)] * draw(st.integers(0, 2))
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return name, {"PNG": ".png", "JPEG": ".jpg", "TIFF": ".tif"}[fmt], out.getvalue()


# ---------------------------------------------------------------- extractors


def _blocks(lines: list[str]) -> list[Any]:
    from doclint.model import Block

    return [Block(text, "line", line=n) for n, text in enumerate(lines, start=1) if text.strip()]


_lines = st.lists(st.one_of(st.sampled_from(_KO_LINES + _EN_LINES), _TEXT), min_size=1, max_size=10)
_SPACE = st.sampled_from(["", " ", "  ", "\t", "\u3000", "\u00a0"])


@st.composite
def money_line(draw: st.DrawFn) -> tuple[str, int | None]:
    """A pay line with the annual KRW it states (None when it states no plausible salary)."""
    from doclint.nlp.salary import _MAX_ANNUAL, _MIN_ANNUAL

    n = draw(st.integers(1, 99_999))
    forms = {
        "만원": (f"연봉 {n:,}만원", n * 10_000),
        "만원 월": (f"월 급여 {n:,}만원", n * 120_000),
        "원": (f"연봉 {n * 1000:,}원", n * 1000),
        "원 월": (f"월급 {n * 1000:,}원", n * 12_000),
        "krw": (f"Annual salary: KRW {n * 1000:,}", n * 1000),
        "won monthly": (f"Salary: {n * 1000:,} won per month", n * 12_000),
    }
    form = draw(st.sampled_from([*forms, "free"]))
    if form == "free":
        return draw(_TEXT), None
    line, annual = forms[form]
    return line, annual if _MIN_ANNUAL <= annual <= _MAX_ANNUAL else None


def _salary_value(lines: list[str]) -> Any:
    from doclint.nlp.salary import find_salary

    found = find_salary(_blocks(lines))
    return None if found is None else (found.annual_krw, found.period, found.text)


def check_salary(case: tuple[list[str], tuple[str, int | None], str, str]) -> None:
    from doclint.nlp.salary import _MAX_ANNUAL, _MIN_ANNUAL, parse_salary_text

    lines, (line, expected), before, after = case
    every = [*lines, line]
    for text in every:
        parsed = parse_salary_text(text)
        if parsed is not None:
            annual, period = parsed
            assert isinstance(annual, int) and _MIN_ANNUAL <= annual <= _MAX_ANNUAL
            assert period in ("year", "month", "hour")
    got = _salary_value(every)
    if got is not None:
        annual, period, source = got
        assert isinstance(annual, int) and annual > 0 and period in ("year", "month", "hour")
        assert source in "\n".join(every)
    assert _salary_value(every) == got, "not idempotent"
    if expected is not None:
        alone = _salary_value([line])
        assert alone is not None and alone[0] == expected, (line, alone)
        padded = _salary_value([before + line + after])
        assert padded is not None and padded[0] == expected, ("whitespace", line, padded)


salary_cases = st.tuples(_lines, money_line(), _SPACE, _SPACE)


@st.composite
def code_line(draw: st.DrawFn) -> tuple[str, str | None]:
    code = draw(st.from_regex(r"S?[1-9]\d{3}", fullmatch=True))
    form = draw(st.sampled_from(["직종코드: {}", "occupation code {}", "E-7-1({} 웹 개발자)", "KSCO {}", "free"]))
    if form == "free":
        return draw(_TEXT), None
    return form.format(code), code.upper()


def check_codes(case: tuple[list[str], tuple[str, str | None], str, str]) -> None:
    from doclint.nlp.codes import _compiled, find_codes

    lines, (line, expected), before, after = case
    code_re = _compiled()[1]
    every = [*lines, line]
    mentions, sub = find_codes(_blocks(every))
    codes = [m.code for m in mentions]
    assert len(codes) == len(set(codes)), "a code is reported once"
    for code in codes:
        assert re.fullmatch(r"S?\d{3,5}", code) and code_re.fullmatch(code), code
    if sub is not None:
        assert re.fullmatch(r"E-7-[1-4S]", sub.text), sub.text
    again, _ = find_codes(_blocks(every))
    assert [m.code for m in again] == codes, "not idempotent"
    if expected is not None:
        found, _ = find_codes(_blocks([before + line + after]))
        assert expected in [m.code for m in found], (line, found)


code_cases = st.tuples(_lines, code_line(), _SPACE, _SPACE)


_DUTY_WORDS = st.sampled_from([
    "웹", "서비스", "개발", "유지보수", "데이터", "분석", "해외", "영업", "마케팅", "번역", "통역", "설계",
    "develop", "maintain", "web", "services", "analyse", "sales", "reports", "translate", "design",
    "and", "및", "the", "for", "with",
])
_duty = st.lists(_DUTY_WORDS, min_size=1, max_size=8).map(" ".join)


@st.composite
def duty_document(draw: st.DrawFn) -> tuple[list[str], str]:
    """Lines of a document with a duty section, and the form the duties take."""
    heading = draw(st.sampled_from(["담당업무", "업무내용", "Duties", "Responsibilities", "주요 업무:"]))
    marker = draw(st.sampled_from(["- ", "• ", "1. ", "", "① "]))
    duties = draw(st.lists(st.one_of(_duty, _TEXT), min_size=1, max_size=6))
    share = draw(st.sampled_from(["", " (30%)", " 50%"]))
    lines = [draw(st.sampled_from(_KO_LINES + _EN_LINES)), heading]
    lines += [f"{marker}{d}{share}" for d in duties]
    lines += draw(st.lists(st.sampled_from(_KO_LINES + _EN_LINES), max_size=3))
    return lines, draw(st.sampled_from(["NFC", "NFD"]))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", unicodedata.normalize("NFC", text)) if len(w) > 1}


def _understood(lines: list[str]) -> Any:
    from doclint.model import Document
    from doclint.nlp import understand

    return understand(Document("fuzz.txt", "txt", _blocks(lines)))


def check_duties(case: tuple[list[str], str]) -> None:
    lines, form = case
    facts = _understood([unicodedata.normalize(form, ln) for ln in lines])
    source = _words("\n".join(lines))
    for duty in facts.duties:
        assert duty.text.strip(), "an empty duty"
        assert duty.share is None or 0 < duty.share <= 1, duty.share
        # a duty is the document's own words (clause splitting may inflect a verb's ending: allow
        # a word that shares its first two letters with one of the source's words)
        for word in _words(duty.text):
            assert word in source or any(s.startswith(word[:2]) for s in source), (word, duty.text, lines)
    nfc = _understood([unicodedata.normalize("NFC", ln) for ln in lines])
    assert [d.text for d in facts.duties] == [d.text for d in nfc.duties], "NFD input changed the duties"
    assert [(d.text, d.share) for d in _understood(lines).duties] == [(d.text, d.share) for d in nfc.duties]


# ---------------------------------------------------------------- the list


def targets() -> list[Target]:
    out = [
        # a UTF-32 byte-order mark on truncated data: read_text_bytes raised UnicodeDecodeError
        # (a traceback for `doclint suggest -`)
        Target("text-bytes", text_file(), check_text, scale=5, examples=(("\x000", b"\xff\xfe\x00\x000\x00"),)),
        Target("any-bytes", any_file(), check_mutated, scale=3),
        Target("salary", salary_cases, check_salary, scale=10),
        Target("codes", code_cases, check_codes, scale=10),
        Target("duties", duty_document(), check_duties, scale=1),
        Target("docx-rendered", rendered(".docx"), check_rendered, scale=0.5),
        Target("pdf-rendered", rendered(".pdf"), check_rendered, scale=0.3),
    ]
    if samples(".png"):
        out.append(Target("image-variants", image_variant(), check_mutated, scale=0.3))
    if (ROOT / "doclint" / "readers" / "hwpx.py").exists():
        out.append(Target("hwpx-rendered", rendered(".hwpx"), check_rendered, scale=0.5))
    for suffix, scale in ((".docx", 1.0), (".pdf", 1.0), (".txt", 2.0), (".hwpx", 1.0), (".hwp", 1.0), (".png", 0.3)):
        if samples(suffix):
            out.append(Target(f"{suffix[1:]}-mutated", mutated_sample(suffix), check_mutated, scale=scale))
    return out
