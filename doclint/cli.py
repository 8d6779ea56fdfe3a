"""The command line: check, suggest, inspect, serve, codes, rules, explain, cache."""

from __future__ import annotations

import os
import re
import sys

import click

from doclint import __version__
from doclint.errors import UsageError
from doclint.report import FORMATS
from doclint.threads import limit_blas_threads

limit_blas_threads()

FORMAT_CHOICES = click.Choice(list(FORMATS))


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"doclint: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="doclint")
def cli() -> None:
    """Lint Korean E-7 visa documents: do the written duties fit the occupation code?"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMAT_CHOICES, default=None, help="Output format (default text).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--code", help="The chosen occupation code (overrides documents and manifests).")
@click.option("--subcategory", help="The chosen subcategory, E-7-1 … E-7-4.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--select", help="Only these rules (codes, names or prefixes, comma-separated).")
@click.option("--ignore", help="Skip these rules.")
@click.option("--extend-select", help="Rules to add to the selection.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help="Exit 1 at or above this severity (default error).")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless doclint itself fails.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Cases checked in parallel (default: the cores).")
@click.option("--lang", type=click.Choice(["en", "ko"]), help="Message language.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--statistics", is_flag=True, help="Print counts per rule.")
@click.option("--catalog", type=click.Path(exists=True), help="A code catalog file (CSV/TSV/XLSX/YAML).")
@click.option("--model", help="A sentence-transformers model name or path instead of the built-in encoder.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Accept the findings recorded in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in FILE.")
@click.option("--no-mask", is_flag=True, help="Show personal numbers (ARC, passport, phone, e-mail) unmasked.")
@click.option("--no-cache", is_flag=True, help="Use no cache (catalog embeddings, OCR text).")
@click.option("--whole-case", is_flag=True, help="A file given alone stands for the whole case folder that holds it (for pre-commit).")
def check(paths: tuple[str, ...], fmt: str | None, output: str | None, **kwargs: object) -> None:
    """Lint files and/or folders of case documents."""
    from doclint.run import run_check

    code = run_check(list(paths), fmt, output, kwargs)
    sys.exit(code)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@click.option("--code", help="The chosen code, to see where it ranks.")
@click.option("--lang", type=click.Choice(["en", "ko"]), help="Message language.")
@click.option("--catalog", type=click.Path(exists=True), help="A code catalog file (CSV/TSV/XLSX/YAML).")
@click.option("--model", help="A sentence-transformers model name or path instead of the built-in encoder.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--no-cache", is_flag=True, help="Use no cache.")
def suggest(path: str, fmt: str, **kwargs: object) -> None:
    """Rank occupation codes for the duties in a file, or in text on stdin (-)."""
    from doclint.suggest import run_suggest

    sys.exit(run_suggest(path, fmt, kwargs))


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
def inspect(path: str, fmt: str) -> None:
    """Show a document as doclint read it: type, title, duties, passages, each block's role."""
    from doclint.inspect import run_inspect

    sys.exit(run_inspect(path, fmt))


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default="a free port", help="Port on 127.0.0.1.")
@click.option("--no-browser", is_flag=True, help="Do not open the browser; just print the address.")
@click.option("--lang", type=click.Choice(["en", "ko"]), help="Default message language of reports.")
@click.option("--catalog", type=click.Path(exists=True), help="A code catalog file (CSV/TSV/XLSX/YAML).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--no-cache", is_flag=True, help="Use no cache (catalog embeddings, OCR text).")
def serve(port: int, no_browser: bool, **kwargs: object) -> None:
    """A local web app: drop case folders or files into a page, read the report, paste duties.

    It listens on 127.0.0.1 only and prints its address (with a random token) on the first
    line; uploads are kept in a private temporary folder for their request only."""
    from doclint.serve import serve as run_server

    sys.exit(run_server(port, not no_browser, dict(kwargs)))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", help="Language of the summaries.")
def rules(fmt: str, lang: str) -> None:
    """List every rule: code, name, default severity, scope, summary."""
    import json

    from doclint.checks import all_rules, rules_markdown

    items = all_rules().values()
    if fmt == "markdown":
        click.echo(rules_markdown(lang), nl=False)
        return
    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity.value, "scope": r.scope,
                 "needs": sorted(r.needs), "params": sorted(r.params), "summary": r.text("summary", lang)} for r in items]
        click.echo(json.dumps({"rules": data}, ensure_ascii=False, indent=2))
        return
    for r in items:
        click.echo(f"{r.code}  {r.name:<30} {r.severity.value:<8} {r.text('summary', lang)}")


@cli.command()
@click.argument("query", required=False)
@click.option("--subcategory", help="Only codes of this subcategory (E-7-1 … E-7-4, E-7-S).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", help="Language of definitions and labels.")
@click.option("--catalog", type=click.Path(exists=True), help="A code catalog file (CSV/TSV/XLSX/YAML).")
@click.option("--export", type=click.Path(dir_okay=False), help="Write the listed codes to FILE (.csv, .tsv or .xlsx), the format --catalog reads.")
def codes(query: str | None, subcategory: str | None, fmt: str, lang: str, catalog: str | None, export: str | None) -> None:
    """List or search the occupation-code catalog; a code number shows that code in full.

    QUERY is a code number (2224, S2855, or a guide's number such as 2871) or words to find in
    names, key terms and definitions, Korean or English. Exit 1 when nothing matches."""
    from doclint.catalog.browse import run_codes

    sys.exit(run_codes(query, subcategory, fmt, lang, catalog, export))


@cli.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en")
def explain(rule: str, lang: str) -> None:
    """A rule's full explanation, by code or name."""
    from doclint.checks import resolve

    r = resolve(rule)
    if r is None:
        raise UsageError(f"unknown rule {rule!r} (see `doclint rules`)")
    click.echo(f"{r.code} {r.name} [{r.severity.value}]\n")
    click.echo(r.text("summary", lang) + "\n")
    click.echo(r.text("explanation", lang).strip() + "\n")
    fix = r.text("fix", lang)
    if fix:  # placeholders filled per finding are shown as <name>
        fix = re.sub(r"\{(\w+)(?::[^}]*)?\}", r"<\1>", fix)
        click.echo(("수정 방법: " if lang == "ko" else "What to do: ") + fix)


@cli.command()
@click.option("--clear", is_flag=True, help="Delete everything doclint has cached.")
def cache(clear: bool) -> None:
    """Show (or --clear) doclint's cache: catalog embeddings and OCR text, owner-only."""
    import shutil

    from doclint.paths import cache_dir

    folder = cache_dir()
    files = [p for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    if clear:
        for child in folder.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        click.echo(f"cleared {len(files)} file(s), {size / 1e6:.1f} MB, from {folder}")
    else:
        click.echo(f"{folder}: {len(files)} file(s), {size / 1e6:.1f} MB (doclint cache --clear empties it)")


def main() -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # File names that are not valid UTF-8 must print, not crash the report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        cli.main(prog_name="doclint", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
