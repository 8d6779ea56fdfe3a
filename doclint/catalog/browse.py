"""`doclint codes [QUERY]`: list, search and show the catalog, or export it as a table.

A query that is a number shows that code in full; a number not on the list says so, with the
guide's meaning (guide-numbers.yaml) or the closest numbers. Any other query searches names,
key terms and definitions in Korean and English. Exit 0 when something was found, 1 when not."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from doclint.catalog import CatalogError, load_catalog
from doclint.catalog.model import Catalog, CodeEntry
from doclint.catalog.tabular import export_table, normalise_subcategory
from doclint.catalog.thresholds import threshold_for
from doclint.paths import rules_dir

NUMBER = re.compile(r"^(?:S?\d{3,5}|E-7-4-\d)$")
# How much a hit weighs by where it is: a name beats a key term beats a definition line.
WEIGHTS = (("names", 4), ("terms", 2), ("definitions", 1))


@cache
def _labels(lang: str) -> dict[str, str]:
    with (rules_dir() / "catalog" / "display.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return dict(data.get(lang) or data["en"])


def label(lang: str, key: str, **params: Any) -> str:
    return _labels(lang)[key].format(**params)


# ------------------------------------------------------------------------------------- search


def _fields(entry: CodeEntry) -> dict[str, list[str]]:
    return {
        "names": [entry.code, *entry.aliases, entry.name_ko, entry.name_en],
        "terms": entry.terms_ko + entry.terms_en,
        "definitions": entry.definition_ko + entry.definition_en,
    }


def score(entry: CodeEntry, words: list[str]) -> int:
    """0 unless every word is found somewhere; then the weight of where each word was found."""
    fields = {k: " ".join(v).casefold() for k, v in _fields(entry).items()}
    total = 0
    for word in words:
        hit = next((w for k, w in WEIGHTS if word in fields[k]), 0)
        if not hit:
            return 0
        total += hit
    return total


def search(entries: list[CodeEntry], query: str) -> list[CodeEntry]:
    words = [w.casefold() for w in query.split() if w.strip()]
    if not words:
        return list(entries)
    scored = [(score(e, words), e) for e in entries]
    return [e for s, e in sorted(scored, key=lambda x: -x[0]) if s > 0]


def guides_for(catalog: Catalog, code: str) -> list[dict[str, Any]]:
    """Guides' numbers whose work this code is (2871 Multimedia Producer → S2855)."""
    return [g.model_dump() for g in catalog.guide_numbers if code in g.official]


def entry_json(catalog: Catalog, entry: CodeEntry, number: str | None = None) -> dict[str, Any]:
    data = entry.model_dump(exclude={"eligible", "why_en", "why_ko"})
    threshold = threshold_for(catalog, entry, entry.subcategory)
    data["threshold"] = (
        {"min_annual_krw": threshold.amount, "scope": threshold.scope, "basis": threshold.basis,
         "year": threshold.year, "source": threshold.source} if threshold else None
    )
    data["guide_numbers"] = guides_for(catalog, entry.code)
    same_number = catalog.guide(number or entry.code) or catalog.guide(entry.code)
    data["guide_note"] = same_number.model_dump() if same_number else None
    return data


# ------------------------------------------------------------------------------------ output


def _console() -> Any:
    import sys

    from rich.console import Console

    # Piped output (grep, a file) is not wrapped at 80 columns: lines stay whole.
    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _table(entries: list[CodeEntry], lang: str) -> Any:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("code", "subcategory", "name_ko", "name_en"):
        table.add_column(label(lang, key), no_wrap=key in ("code", "subcategory"))
    for e in entries:
        code = e.code + (f" ({', '.join(e.aliases)})" if e.aliases else "")
        table.add_row(code, e.subcategory or "", e.name_ko, e.name_en)
    return table


def _detail(catalog: Catalog, entry: CodeEntry, lang: str, number: str) -> str:
    lines = [f"{entry.code}  {entry.name_ko} ({entry.name_en})  {entry.subcategory or ''} "
             f"{(catalog.subcategories.get(entry.subcategory or '') or {}).get(lang, '')}".rstrip()]
    if entry.aliases:
        lines.append(f"{label(lang, 'aliases')}: {', '.join(entry.aliases)}")
    same_number = catalog.guide(number) or catalog.guide(entry.code)  # 4321: an alias guides use for other work
    if same_number:
        lines.append("! " + label(lang, "guide_here", number=same_number.number, title=same_number.guide_title)
                     + (f": {same_number.note}" if same_number.note else ""))
    lines += ["", label(lang, "definition") + ":"] + [f"  - {d}" for d in entry.definition(lang)]
    terms = entry.terms_ko + entry.terms_en if lang == "ko" else entry.terms_en + entry.terms_ko
    if terms:
        lines.append(f"{label(lang, 'terms')}: {', '.join(terms)}")
    quals = entry.qualifications_ko if lang == "ko" else entry.qualifications_en
    if quals or entry.qualifications_en:
        lines.append(f"{label(lang, 'qualifications')}: {quals or entry.qualifications_en}")
    t = threshold_for(catalog, entry, entry.subcategory)
    lines.append(f"{label(lang, 'threshold')}: " + (f"{t.amount:,} KRW ({t.scope}; {t.basis_in(lang)}; {t.year}, {t.source})" if t else label(lang, "no_threshold")))
    if entry.industries:
        lines.append(f"{label(lang, 'industries')}:")
        lines += [f"  - {i.ko if lang == 'ko' else i.en}" for i in entry.industries]
    guides = guides_for(catalog, entry.code)
    if guides:
        lines.append(f"{label(lang, 'guides')}: " + ", ".join(f"{g['number']} {g['guide_title']}" for g in guides))
    if entry.sources:
        lines.append(f"{label(lang, 'sources')}: {entry.sources}")
    return "\n".join(lines) + "\n"


def _unknown(catalog: Catalog, number: str, lang: str) -> tuple[str, dict[str, Any]]:
    """The DL405 message for a number not on the list, and its data."""
    from doclint.checks import all_rules
    from doclint.checks.base import render
    from doclint.checks.dl405_unknown_code import unknown_params

    variant, params = unknown_params(number, catalog)
    r = all_rules()["DL405"]
    text = render(r.text(variant, lang), {"code": number, "catalog": catalog.catalog.name, **params})
    fix = render(r.text(f"{variant}_fix" if variant != "message" else "fix", lang), {"code": number, **params})
    return f"{text}\n{fix}\n", params


def run_codes(query: str | None, subcategory: str | None, fmt: str, lang: str, catalog_path: str | None,
              export: str | None) -> int:
    from doclint.errors import UsageError

    if catalog_path is None:  # the `catalog` key of doclint.toml / [tool.doclint] found from here
        from doclint.config import Options
        from doclint.config_file import load_settings

        opts = Options()
        load_settings(["."], None).apply(opts)
        catalog_path = opts.catalog
    try:
        catalog = load_catalog(catalog_path)
    except CatalogError as exc:
        raise UsageError(str(exc)) from exc
    query = (query or "").strip()
    sub = normalise_subcategory(subcategory) if subcategory else None
    if subcategory and sub is None:
        raise UsageError(f"--subcategory {subcategory!r}: expected one of E-7-1, E-7-2, E-7-3, E-7-4, E-7-S")
    if query and "7" in query and normalise_subcategory(query):  # `doclint codes E-7-2`
        sub, query = normalise_subcategory(query), ""
    entries = [e for e in catalog.codes if sub is None or e.subcategory == sub]
    meta = {**catalog.info(), "sources": catalog.catalog.sources, "note": catalog.catalog.note}
    out: dict[str, Any] = {"catalog": meta, "query": query or None, "subcategory": sub}
    number = query.upper().replace(" ", "") if NUMBER.match(query.upper().replace(" ", "")) else None
    exact = catalog.get(number) if number else None
    if exact is not None:
        found = [exact]
    elif number:
        found = []
        message, params = _unknown(catalog, number, lang)
        out.update(not_found=True, message=message.strip(), guide=(g.model_dump() if (g := catalog.guide(number)) else None),
                   near=params.get("near_codes", []),
                   suggested=[entry_json(catalog, e) for c in params.get("official_codes", []) if (e := catalog.get(c))])
    else:
        found = search(entries, query)
    others = search(catalog.ineligible, query) if query and not number else []
    if export:
        try:
            n = export_table(_subset(catalog, found), Path(export))
        except (CatalogError, OSError) as exc:
            raise UsageError(str(exc)) from exc
        from rich.console import Console

        Console(stderr=True, highlight=False).print(label(lang, "exported", n=n, path=export))
    if fmt == "json":
        out["codes"] = [entry_json(catalog, e, number) for e in found]
        out["ineligible"] = [{"code": e.code, "name_ko": e.name_ko, "name_en": e.name_en, "why_en": e.why_en, "why_ko": e.why_ko} for e in others]
        if sub == "E-7-S":
            out["e7s"] = catalog.e7s
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return 0 if found or sub == "E-7-S" else 1
    console = _console()
    if number and exact is None:
        console.print(out["message"])
        for e in out["suggested"]:
            console.print(f"  {e['code']}  {e['name_ko']} ({e['name_en']})")
        return 1
    if sub == "E-7-S":
        _print_e7s(console, catalog, lang)
    if exact is not None:
        console.print(_detail(catalog, exact, lang, number or exact.code), end="")
        return 0
    if found:
        console.print(_table(found, lang))
        console.print(label(lang, "count", n=len(found), catalog=catalog.catalog.name, as_of=catalog.catalog.as_of), style="dim")
    elif sub != "E-7-S":
        console.print(label(lang, "no_match", query=query, catalog=catalog.catalog.name))
    if others:
        console.print(label(lang, "not_on_list"))
        for e in others:
            console.print(f"  {e.code}  {e.name_ko} ({e.name_en})")
    return 0 if found or sub == "E-7-S" else 1


def _subset(catalog: Catalog, entries: list[CodeEntry]) -> Catalog:
    return catalog if len(entries) == len(catalog.codes) else catalog.model_copy(update={"codes": entries})


def _print_e7s(console: Any, catalog: Catalog, lang: str) -> None:
    console.print(label(lang, "e7s"))
    tracks = catalog.e7s.get("tracks") or []
    for track in tracks if isinstance(tracks, list) else []:
        amount = track.get("min_annual_krw")
        console.print(f"  {track.get('id')}: {track.get(lang) or track.get('en')}" + (f" ({amount:,} KRW)" if amount else ""))
    negative = catalog.e7s.get(f"negative_list_{lang}") or catalog.e7s.get("negative_list_en")
    if negative:
        console.print(f"  {label(lang, 'negative')}: {negative}")
