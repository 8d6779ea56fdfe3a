"""Personal numbers are masked in every output format by default; --no-mask shows them; masking
never hides a salary, a code or a company's registration number."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_doclint
from doclint.privacy import mask

DOC = """# 고용사유서
| 성명 | 응우옌 반 안 (외국인등록번호 900101-5123456) |
| 여권번호 | M12345678 |
| 직위 | 사무원 |
| 직종코드 | 2224 |
| 연봉 | 금 42,000,000원 |
| 사업자등록번호 | 120-86-45123 |
## 담당업무
- 기타 회사가 지시하는 업무 (문의: hr@acme.example, 010-2345-6789)
- React 기반 쇼핑몰 프론트엔드 개발
"""

SECRETS = ("900101-5123456", "M12345678", "hr@acme.example", "010-2345-6789", "2345-6789")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("외국인등록번호 900101-5123456", "외국인등록번호 ******-*******"),
        ("Passport No. AB1234567", "Passport No. *********"),
        ("Tel +82 10 2345 6789", "Tel +** ** **** ****"),
        ("contact: jane.doe@acme.example", "contact: ***@acme.example"),
        ("연봉 금 42,000,000원, 월 3,500,000원", "연봉 금 42,000,000원, 월 3,500,000원"),
        ("직종코드 2224, S2855, 23512", "직종코드 2224, S2855, 23512"),
        ("사업자등록번호 120-86-45123", "사업자등록번호 120-86-45123"),
        ("근로계약기간 2026.03.02 ~ 2028.03.01", "근로계약기간 2026.03.02 ~ 2028.03.01"),
    ],
)
def test_mask(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_every_format_masks_by_default(tmp_path: Path, make_doc, fmt: str) -> None:
    doc = make_doc(DOC, "고용사유서.docx", tmp_path)
    out = run_doclint("check", str(doc), "--format", fmt).stdout
    assert "DL103" in out or "vague-duties" in out  # the finding quoting the line is there
    for secret in SECRETS:
        assert secret not in out, (fmt, secret)
    if fmt == "json":
        assert "42000000" in out.replace(",", "") and "2224" in out


def test_no_mask_shows_them(tmp_path: Path, make_doc) -> None:
    doc = make_doc(DOC, "고용사유서.docx", tmp_path)
    out = run_doclint("check", str(doc), "--format", "json", "--no-mask").stdout
    assert "010-2345-6789" in out and "hr@acme.example" in out
