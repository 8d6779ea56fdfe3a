"""Catalogs as tables: CSV/TSV/XLSX in, CSV/TSV/XLSX out.

A consultant pastes the list downloaded from HiKorea into a sheet: one row per code, columns
found by header name in Korean or English (rules/catalog/columns.yaml). The table replaces the
default's codes, and a row whose code (or alias) is in the default catalog keeps our
definitions, terms and industries for every cell the table leaves empty, so a bare list of
official numbers and names still gets matched against real task descriptions."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from doclint.catalog.model import CODE_RE, SUBCATEGORIES, Catalog, CodeEntry
from doclint.paths import rules_dir

FORMATS = (".csv", ".tsv", ".txt", ".xlsx")
LIST_FIELDS = ("definition_ko", "definition_en")  # one line per task, newline-separated
TERM_FIELDS = ("aliases", "terms_ko", "terms_en")  # comma-separated
HEADER_SCAN_ROWS = 15  # HiKorea sheets put a title and notes above the header row
_HANGUL = re.compile(r"[가-힣]")
_BULLET = re.compile(r"^\s*(?:[-•·*▪○●◦]|\d+[.)])\s*")


def _error(message: str) -> Exception:
    from doclint.catalog import CatalogError

    return CatalogError(message)


@cache
def _columns() -> dict[str, Any]:
    with (rules_dir() / "catalog" / "columns.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _norm(header: object) -> str:
    return re.sub(r"[\s_\-.()\[\]/:]+", "", str(header or "")).lower()


def header_fields() -> dict[str, str]:
    """Normalised header → catalog field."""
    out: dict[str, str] = {}
    for name, headers in _columns()["columns"].items():
        for header in headers:
            out.setdefault(_norm(header), name)
    return out


def export_headers() -> list[str]:
    return [headers[0] for headers in _columns()["columns"].values()]


def normalise_subcategory(value: str) -> str | None:
    """'E-7-1', 'E71', '7-1', 'e-7-s', '전문인력' → 'E-7-1' …; None if not recognisable."""
    text = _norm(value).upper()
    m = re.fullmatch(r"(?:E)?7([1-4S])", text)
    if m:
        return f"E-7-{m.group(1)}"
    for sub, names in _columns()["subcategory_names"].items():
        if _norm(value) in {_norm(n) for n in names}:
            return str(sub)
    return None


# ---------------------------------------------------------------------------------- reading


def _read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp949"):  # HiKorea downloads are often EUC-KR/CP949
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _error(f"{path}: cannot decode the file as UTF-8 or CP949 text")
    if suffix == ".tsv":
        delimiter = "\t"
    else:
        sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 2224.0 from a numeric cell is code 2224
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return str(value).strip()


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise _error(f"{path}: cannot read it as an Excel workbook (.xlsx): {type(exc).__name__}: {exc}") from exc
    try:
        for sheet in book.worksheets:
            rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            if _find_header(rows) is not None:
                return rows
        return [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)] if book.worksheets else []
    finally:
        book.close()


def _find_header(rows: list[list[str]]) -> tuple[int, dict[int, str]] | None:
    """(row index, {column: field}) of the first row naming a code column."""
    known = header_fields()
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        for col, header in enumerate(row):
            name = known.get(_norm(header))
            if name and name not in mapping.values():
                mapping[col] = name
        if "code" in mapping.values():
            return i, mapping
    return None


def _split_lines(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if _BULLET.sub("", line).strip()]


def _split_terms(text: str) -> list[str]:
    return [t.strip() for t in re.split(r"[,;，、\n]", text) if t.strip()]


def _industries(text: str, where: str) -> list[dict[str, Any]]:
    """One industry a line: 'ko | en | term, term' (the export format); a plain line is its own
    Korean name and term."""
    out = []
    for line in _split_lines(text):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 1:
            out.append({"ko": parts[0], "en": parts[0], "terms": [parts[0]]})
        elif len(parts) in (2, 3):
            terms = _split_terms(parts[2]) if len(parts) == 3 else []
            out.append({"ko": parts[0], "en": parts[1], "terms": terms or [parts[0], parts[1]]})
        else:
            raise _error(f"{where}: industries: expected 'Korean name | English name | terms', got {line!r}")
    return out


def _row_entry(cells: dict[str, str], where: str) -> dict[str, Any]:
    code = re.sub(r"\s+", "", cells.get("code", "")).upper()
    if not CODE_RE.match(code):
        raise _error(f"{where}: code {cells.get('code', '')!r} is not an occupation code (3-5 digits, optionally with an S prefix)")
    entry: dict[str, Any] = {"code": code}
    for name, value in cells.items():
        if name == "code" or not value:
            continue
        if name in LIST_FIELDS:
            entry[name] = _split_lines(value)
        elif name in TERM_FIELDS:
            entry[name] = [t.upper() for t in _split_terms(value)] if name == "aliases" else _split_terms(value)
        elif name == "industries":
            entry[name] = _industries(value, where)
        elif name == "subcategory":
            sub = normalise_subcategory(value)
            if sub is None:
                raise _error(f"{where}: subcategory {value!r} is not one of {', '.join(SUBCATEGORIES)}")
            entry[name] = sub
        elif name == "min_annual_krw":
            digits = re.sub(r"[,\s원₩]|krw", "", value, flags=re.I)
            if not digits.isdigit():
                raise _error(f"{where}: min_annual_krw {value!r} is not a whole number of won")
            entry[name] = int(digits)
        else:
            entry[name] = value
    if "name_ko" not in entry and _HANGUL.search(entry.get("name_en", "")):
        entry["name_ko"] = entry.pop("name_en")  # a single "name" column written in Korean
    if "name_ko" not in entry:
        raise _error(f"{where}: code {code} has no Korean name (a column such as 직종명 or name_ko)")
    return entry


def _merge_default(entry: dict[str, Any], base: Catalog | None) -> dict[str, Any]:
    """The user's cells over the default catalog's entry for the same code or alias."""
    known = base.get(entry["code"]) if base is not None else None
    if known is None:
        entry.setdefault("name_en", "")
        return entry
    merged = known.model_dump(exclude={"eligible", "why_en", "why_ko"})
    if known.code != entry["code"]:  # the user's list uses our alias: our code becomes one
        merged["aliases"] = [known.code] + [a for a in known.aliases if a != entry["code"]]
    merged.update(entry)
    return merged


def load_tabular(path: Path, base: Catalog | None = None, *, use_default: bool = True) -> Catalog:
    """A catalog from a CSV/TSV/XLSX table. Codes come from the table; provenance is the file;
    thresholds, guide numbers, ineligible occupations and E-7-S come from the default catalog."""
    from doclint.catalog import _validate, load_catalog

    if path.suffix.lower() not in FORMATS:
        raise _error(f"{path}: unsupported catalog format {path.suffix!r} (use .yaml, .csv, .tsv or .xlsx)")
    if base is None and use_default:
        base = load_catalog()
    rows = _read_rows(path)
    found = _find_header(rows)
    if found is None:
        headers = ", ".join(_columns()["columns"]["code"][:6])
        first = next((r for r in rows if any(r)), [])
        raise _error(f"{path}: no code column found in the first {HEADER_SCAN_ROWS} rows (a header such as {headers}); first row: {first[:8]}")
    header_row, mapping = found
    entries: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows[header_row + 1:], start=header_row + 2):
        cells = {mapping[c]: v for c, v in enumerate(row) if c in mapping and v}
        if not cells:
            continue  # blank line
        where = f"{path}, row {i}"
        entry = _merge_default(_row_entry(cells, where), base)
        for number in [entry["code"], *entry.get("aliases", [])]:
            if number in seen:
                raise _error(f"{where}: code {number} is already on row {seen[number]}")
            seen[number] = i
        entries.append(entry)
    if not entries:
        raise _error(f"{path}: the table has a header row but no codes")
    data: dict[str, Any] = base.model_dump(exclude={"codes", "catalog"}) if base is not None else {}
    for entry in data.get("ineligible", []):
        entry.pop("eligible", None)
    data["codes"] = entries
    data["catalog"] = {
        "name": path.stem,
        "as_of": date.fromtimestamp(path.stat().st_mtime),  # when the list was saved
        "sources": [str(path)] + ([f"definitions, thresholds and guide numbers: {base.catalog.name} {base.catalog.version}"] if base else []),
        "note": "A user catalog loaded from a table; its date is the file's modification date.",
        "official": False,
    }
    return _validate(data, str(path))


# ---------------------------------------------------------------------------------- writing


def _row_values(entry: CodeEntry) -> list[str | int | None]:
    fields = list(_columns()["columns"])
    values: list[str | int | None] = []
    for name in fields:
        value = getattr(entry, name)
        if name in LIST_FIELDS:
            values.append("\n".join(value))
        elif name in TERM_FIELDS:
            values.append(", ".join(value))
        elif name == "industries":
            values.append("\n".join(f"{i.ko} | {i.en} | {', '.join(i.terms)}" for i in value))
        else:
            values.append(value)
    return values


def export_table(catalog: Catalog, path: Path) -> int:
    """Write the catalog's codes as a table the loader reads back; returns the number of rows."""
    suffix = path.suffix.lower()
    headers = export_headers()
    rows = [_row_values(e) for e in catalog.codes]
    if suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        book = Workbook()
        sheet = book.active
        sheet.title = "codes"
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(["" if v is None else v for v in row])
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if cell.column <= 3 and cell.value is not None:
                    cell.number_format = "@"  # codes stay text: "0123", "S2855"
        book.save(path)
    elif suffix in (".csv", ".tsv"):
        with path.open("w", encoding="utf-8-sig" if suffix == ".csv" else "utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t" if suffix == ".tsv" else ",")
            writer.writerow(headers)
            writer.writerows(["" if v is None else v for v in row] for row in rows)
    else:
        raise _error(f"{path}: export writes .csv, .tsv or .xlsx (the YAML catalog is rules/catalog/e7-default/)")
    return len(rows)


__all__ = ["export_table", "load_tabular", "normalise_subcategory"]
