"""The command line: parses arguments, calls the library, renders. Nothing else."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, List, Optional, TypeAlias

import typer

from . import cache as cachemod
from . import check as checks
from . import config as cfg
from . import parallel, patched_json
from .api import scan as scan_paths
from .check_report import RENDERERS, render_rules, render_rules_json
from .diff import diff_sides, sides_by_outlet
from .html_report import DEFAULT_LIMIT, render_report
from .ingest import DEFAULT_MAX_BYTES, InputError
from .jsonl_out import JsonlWriter
from .kinds import CHECK_FORMATS, DIFF_FORMATS, SCAN_FORMATS, Format, StrEnum
from .progress import ScanProgress
from .provenance import explain_outlet_lines, input_report
from .render import (
    diff_to_dict,
    empty_filter_message,
    matrix_width,
    only_statements,
    printable_path,
    render_csv,
    render_diff,
    render_json,
    render_markdown,
    render_matrix,
    render_matrix_csv,
    render_matrix_markdown,
    render_table,
    table_width,
    term_uses,
)
from .sqlite_out import SUFFIXES, write_sqlite
from .statements import select
from .version import __version__

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    help="Find direct quotes in news articles, attribute them to speakers, and compare how outlets carried each statement.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)




def _choices(name: str, formats: tuple[Format, ...]) -> Any:
    """One command's --format choices, as typer wants them (an Enum), made from kinds.Format."""
    return StrEnum(name, [(f.name, f.value) for f in formats])


if TYPE_CHECKING:  # members of these are members of Format
    ScanFormat: TypeAlias = Format
    DiffFormat: TypeAlias = Format
    CheckFormat: TypeAlias = Format
else:
    ScanFormat = _choices("ScanFormat", SCAN_FORMATS)
    DiffFormat = _choices("DiffFormat", DIFF_FORMATS)
    CheckFormat = _choices("CheckFormat", CHECK_FORMATS)


# Piped diff output is not wrapped: each line as long as it needs.
UNWRAPPED = 100_000


def _console(width: Optional[int] = None, needed: Callable[[], int] = lambda: UNWRAPPED) -> Console:
    """A console --width columns wide; else the terminal's width (or $COLUMNS); else,
    when piped, as wide as the output needs (``needed``)."""
    from rich.console import Console  # only for output drawn by rich: JSON, CSV and Markdown never load it

    if width is None and not sys.stdout.isatty() and not os.environ.get("COLUMNS", "").isdigit():
        width = needed()
    return Console(width=width, highlight=False, markup=False, emoji=False, soft_wrap=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """quotetrack: who said what, and which outlet carried which wording."""


@app.command()
def scan(
    paths: List[Path] = typer.Argument(..., help="Files or folders of articles (.txt, .md, .html, .htm, .jsonl), or - for standard input; folders are read recursively."),
    format: Optional[ScanFormat] = typer.Option(None, "--format", "-f", help="table (for people; the default), json, jsonl (quotes as they are found, statements at the end), csv or markdown."),
    matrix: bool = typer.Option(False, "--matrix", help="A statements × outlets matrix: a symbol per cell in the table, match kinds per outlet in csv and markdown, with the changed words."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only statements whose speaker's name contains this (case-insensitive)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only statements carried by an outlet whose name contains this."),
    min_outlets: int = typer.Option(1, "--min-outlets", min=1, help="Only statements carried by at least N outlets."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip files larger than this many bytes."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any file was skipped, or when the filters leave nothing."),
    set_outlet: Optional[str] = typer.Option(None, "--set-outlet", help="The outlet of the one input file (or of standard input), over every other rule."),
    outlets_file: Optional[Path] = typer.Option(None, "--outlets", help="An outlets mapping file (TOML: [paths] globs and [domains] -> outlet name); default: outlets.toml at the top of each scanned folder."),
    explain_outlets: bool = typer.Option(False, "--explain-outlets", help="Show which rule decided each article's outlet, and its wire credit."),
    width: Optional[int] = typer.Option(None, "--width", min=40, help="Lay out text for this many columns (default: the terminal's width; when piped, as wide as needed)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Report each input's format, the decoding used, and what offsets refer to (on stderr)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes finding quotes (default: one a core); the output is the same for any number."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="A cache file (SQLite): inputs unchanged since it was written are not analysed again."),
    rehash: bool = typer.Option(False, "--rehash", help="With --cache: read and hash every input, even one whose size and modification time are those the cache saw when it last read it (by default such a file is taken to be unchanged)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the result as a SQLite database (.db, .sqlite or .sqlite3); nothing goes to standard output unless --format is given too."),
) -> None:
    """Find every quote, attribute it, and group each statement across outlets.

    The filters (--speaker, --outlet, --min-outlets) choose statements for the
    table and the matrix, and the quotes of those statements for csv and
    markdown; JSON is always the whole result.

    When the filters leave nothing, a note on stderr says so and names the
    closest outlets or speakers.

    Exit codes: 0 on success (skipped files are listed), 1 with --strict when a
    file was skipped or the filters left nothing, 2 on usage errors such as a
    path that does not exist.
    """
    if output is not None and output.suffix.lower() not in SUFFIXES:
        typer.echo(f"quotetrack: error: {output}: --output writes a SQLite database: name it .db, .sqlite or .sqlite3", err=True)
        raise typer.Exit(2)
    quiet = output is not None and format is None
    format = format or Format.TABLE
    writer = JsonlWriter(sys.stdout) if format == Format.JSONL else None
    # With the cache, compact JSON is the document the last such scan kept, patched, where it can be.
    patch = _patchable(format, output, verbose or explain_outlets)
    result, parts, patched = _scan_inputs(paths, max_bytes, jobs, cache, verbose, writer, patch, outlets=outlets_file,
                                          set_outlet=set_outlet, rehash=rehash)
    if patched is not None:
        _write_patched(patched, matrix, strict)
        return
    if output is not None:
        _write_database(result, output)
    if verbose:
        for line in input_report(result):
            typer.echo(f"quotetrack: {line}", err=True)
    if explain_outlets:
        for line in explain_outlet_lines(result):
            typer.echo(line, err=quiet or format != Format.TABLE)
    if matrix and format in (Format.JSON, Format.JSONL):
        typer.echo(f"quotetrack: note: --matrix does not apply to --format {format} (its statements hold the matrix)", err=True)
    filtered = bool(speaker or outlet or min_outlets > 1)
    # The filters' statements (and, for the table, the terms) only where the output shows them: JSON
    # and JSON Lines hold the whole result, and a database alone prints nothing.
    for_people = not quiet and format not in (Format.JSON, Format.JSONL)
    chosen = select(result.statements, speaker=speaker, outlet=outlet, min_outlets=min_outlets) if for_people else []
    terms = term_uses(result, speaker=speaker, outlet=outlet, min_outlets=min_outlets) if for_people and format == Format.TABLE else []
    if quiet:
        for s in result.skipped:
            typer.echo(f"quotetrack: skipped {printable_path(s.path)}: {s.reason}", err=True)
    elif format == Format.TABLE:
        needed = (lambda: matrix_width(result, chosen)) if matrix else (lambda: max(60, table_width(result, chosen)))
        if matrix:
            render_matrix(result, _console(width, needed), chosen)
        else:
            render_table(result, _console(width, needed), chosen, terms)
    else:
        for s in result.skipped:
            typer.echo(f"quotetrack: skipped {printable_path(s.path)}: {s.reason}", err=True)
        if format == Format.JSON:
            if parts is not None:
                patched_json.write(result, sys.stdout, parts)
            else:
                render_json(result, sys.stdout, parts)
        elif writer is not None:
            writer.finish(result)
        else:
            shown = only_statements(result, chosen) if filtered else result
            if matrix:
                (render_matrix_csv if format == Format.CSV else render_matrix_markdown)(result, sys.stdout, chosen)
            else:
                (render_csv if format == Format.CSV else render_markdown)(shown, sys.stdout)
    nothing = filtered and not quiet and format not in (Format.JSON, Format.JSONL) and not chosen and (matrix or format != Format.TABLE or not terms)
    if nothing:
        typer.echo(f"quotetrack: {empty_filter_message(result, speaker, outlet, min_outlets)}", err=True)
    if strict and (result.skipped or nothing):
        raise typer.Exit(1)


def _scan_inputs(paths: List[Path], max_bytes: int, jobs: Optional[int], cache_path: Optional[Path], verbose: bool, writer,
                 patch: bool = False, **options):
    """``parallel.scan`` for the scan command: on ``jobs`` processes, with the cache, streaming to ``writer``;
    and, with the cache, where the JSON output finds its quotes' parts (``parallel.KeptParts``). With the
    cache and ``patch``, the JSON document patched from the kept one instead where it can be
    (``patched_json.patch``: then the third item, the others None)."""

    def warn(line: str) -> None:
        typer.echo(f"quotetrack: {line}", err=True)

    cache = None
    if cache_path is not None:
        try:
            cache = cachemod.Cache(cache_path, warn=warn)
        except cachemod.CacheError as err:
            typer.echo(f"quotetrack: error: {err}", err=True)
            raise typer.Exit(2) from None
    try:
        with ScanProgress() as progress:
            if cache is not None and patch:
                patched = patched_json.patch([str(p) for p in paths], max_bytes, jobs=jobs or parallel.default_jobs(),
                                             cache=cache, progress=progress, **options)
                if patched is not None:
                    return None, None, patched
            result = parallel.scan(
                [str(p) for p in paths], max_bytes=max_bytes, jobs=jobs or parallel.default_jobs(), cache=cache,
                progress=progress, on_article=writer.article if writer is not None else None, **options,
            )
    except InputError as err:
        typer.echo(f"quotetrack: error: {err}", err=True)
        raise typer.Exit(2) from None
    finally:
        if cache is not None:
            cache.close()
    if cache is not None and verbose:
        warn(f"cache {cache.path}: {cache.hits} of {cache.hits + cache.misses} inputs found in it")
    parts = None if cache is None or cache.origins is None else parallel.KeptParts(cache.path, cache.origins, warn, cache.inputs)
    return result, parts, None


def _patchable(format: Format, output: Optional[Path], reports: bool) -> bool:
    """Whether ``scan`` may write a patched JSON document (``patched_json``): compact JSON with the
    cache, and nothing else that reads the whole result (a database, --verbose, --explain-outlets)."""
    return format == Format.JSON and output is None and not reports and not sys.stdout.isatty()


def _write_patched(patched: patched_json.Patched, matrix: bool, strict: bool) -> None:
    """What ``scan`` writes with --format json, from a patched document."""
    if matrix:
        typer.echo(f"quotetrack: note: --matrix does not apply to --format {Format.JSON} (its statements hold the matrix)", err=True)
    for s in patched.skipped:
        typer.echo(f"quotetrack: skipped {printable_path(s.path)}: {s.reason}", err=True)
    patched.write(sys.stdout)
    if strict and patched.skipped:
        raise typer.Exit(1)


def _write_database(result, output: Path) -> None:
    try:
        write_sqlite(result, output)
    except (OSError, sqlite3.Error) as err:
        typer.echo(f"quotetrack: error: {output}: cannot write: {getattr(err, 'strerror', None) or err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"quotetrack: wrote {len(result.articles)} articles, {len(result.quotes)} quotes and "
        f"{len(result.statements)} statements to {output}", err=True,
    )


def _scan_or_exit(paths: List[Path], max_bytes: int = DEFAULT_MAX_BYTES, **options):
    try:
        with ScanProgress() as progress:
            return scan_paths([str(p) for p in paths], max_bytes=max_bytes, progress=progress, **options)
    except InputError as err:
        typer.echo(f"quotetrack: error: {err}", err=True)
        raise typer.Exit(2) from None


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., help="Files or folders of articles, as for scan, or - for standard input."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the page to this file (default: standard output)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only statements whose speaker's name contains this (case-insensitive)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only statements carried by an outlet whose name contains this."),
    min_outlets: int = typer.Option(1, "--min-outlets", min=1, help="Only statements carried by at least N outlets."),
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", min=1, help="Show at most N statements (those carried by the most outlets first); the summaries count them all."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip files larger than this many bytes."),
    set_outlet: Optional[str] = typer.Option(None, "--set-outlet", help="The outlet of the one input file (or of standard input), over every other rule."),
    outlets_file: Optional[Path] = typer.Option(None, "--outlets", help="An outlets mapping file, as for scan."),
) -> None:
    """Write one self-contained HTML page to open in a browser: the statements ×
    outlets matrix in colour, each statement's wordings with the changed words
    marked and where each outlet printed them, summaries per outlet and per
    speaker, and filters. The page needs no network.

    Exit codes: 0 on success (skipped files are listed on stderr and in the
    page), 2 on usage errors or when the output cannot be written.
    """
    result = _scan_or_exit(paths, max_bytes, outlets=outlets_file, set_outlet=set_outlet)
    for s in result.skipped:
        typer.echo(f"quotetrack: skipped {printable_path(s.path)}: {s.reason}", err=True)
    chosen = select(result.statements, speaker=speaker, outlet=outlet, min_outlets=min_outlets)
    if speaker or outlet or min_outlets > 1:
        if not chosen:
            typer.echo(f"quotetrack: {empty_filter_message(result, speaker, outlet, min_outlets)}", err=True)
    inputs = [str(p) for p in paths]
    if output is None:
        render_report(result, sys.stdout, inputs, chosen, limit)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            render_report(result, fh, inputs, chosen, limit)
    except OSError as err:
        typer.echo(f"quotetrack: error: {output}: cannot write: {err.strerror or err}", err=True)
        raise typer.Exit(2) from None
    shown = min(len(chosen), limit)
    typer.echo(f"quotetrack: wrote {output} ({shown} of {len(chosen)} statements, {output.stat().st_size:,} bytes)", err=True)


@app.command()
def diff(
    a: str = typer.Argument(..., help="A file, or with --in an outlet name."),
    b: str = typer.Argument(..., help="A file, or with --in an outlet name."),
    within: List[Path] = typer.Option([], "--in", help="Folder(s) to scan; A and B are then outlet names (case-insensitive; a unique part will do)."),
    format: DiffFormat = typer.Option(DiffFormat.TEXT, "--format", "-f", help="text (for people) or json."),
    width: Optional[int] = typer.Option(None, "--width", min=40, help="Lay out text for this many columns (default: the terminal's width; when piped, as wide as needed)."),
) -> None:
    """Compare two articles, or two outlets, statement by statement.

    Shows the statements both carried (with a word-level diff where the
    wording differs), those only one carried, and quotes whose words match
    but whose speakers differ.

    Exit codes: 0 when the two agree, 1 when they differ, 2 on error.
    """
    if within:
        result = _scan_or_exit(within)
        side_a, side_b = sides_by_outlet(result, a), sides_by_outlet(result, b)
        known = ", ".join(sorted({art.outlet for art in result.articles})) or "none"
        for name, side in ((a, side_a), (b, side_b)):
            if not side:
                typer.echo(f"quotetrack: error: no single outlet matches '{name}' (outlets: {known})", err=True)
                raise typer.Exit(2)
        name_a, name_b = (next(art.outlet for art in result.articles if art.id in s) for s in (side_a, side_b))
    else:
        for p in (a, b):
            if not Path(p).is_file():
                typer.echo(f"quotetrack: error: {p}: not a file (to compare outlets, give the folder with --in)", err=True)
                raise typer.Exit(2)
        result = _scan_or_exit([Path(a), Path(b)])
        if len(result.articles) != 2:
            for s in result.skipped:
                typer.echo(f"quotetrack: error: {s.path}: {s.reason}", err=True)
            raise typer.Exit(2)
        first, second = result.articles
        side_a, side_b = {first.id}, {second.id}
        name_a, name_b = (f"{art.outlet} ({Path(art.path).name})" for art in result.articles)
    d = diff_sides(result, side_a, side_b, name_a, name_b)
    if format == Format.JSON:
        json.dump(diff_to_dict(d, result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        render_diff(d, _console(width))
    raise typer.Exit(0 if d.agree else 1)


@app.command()
def check(
    paths: Optional[List[Path]] = typer.Argument(None, help="Articles to check (files, or folders of .md/.txt files); default: the configured articles."),
    sources: List[Path] = typer.Option([], "--sources", "-s", help="A source file or folder (transcripts, press releases, wire copy); repeatable, added to the configured sources."),
    config: Optional[Path] = typer.Option(None, "--config", help="The configuration file (default: .quotetrack.toml or pyproject.toml [tool.quotetrack] in the checked paths' folder or a parent, else here or in a parent folder)."),
    format: CheckFormat = typer.Option(CheckFormat.TEXT, "--format", "-f", help="text (for people), json, github (GitHub Actions annotations) or sarif (SARIF 2.1.0)."),
    select_rules: List[str] = typer.Option([], "--select", help="Only these rules (ids or names, comma-separated or repeated); replaces the configured selection."),
    ignore_rules: List[str] = typer.Option([], "--ignore", help="Rules not to run (ids or names); added to the configured ignores."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output."),
    cache_path: Optional[Path] = typer.Option(None, "--cache", help="The cache file (SQLite) that keeps each article's quotes between runs (default: quotetrack/cache.sqlite3 in the user's cache folder)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Find every article's quotes afresh, and keep nothing."),
    list_rules: bool = typer.Option(False, "--list-rules", help="Print the rules (id, name, default level, what each finds) and exit; with --format json, as JSON."),
) -> None:
    """Check articles against their sources: misquotes, misattributions, unverified quotes.

    Articles whose text has not changed since an earlier run take their
    quotes from the cache (see --cache); the findings are the same.

    Exit codes: 0 when no error-level finding was reported, 1 when one was
    (with --strict, a warning too), 2 on usage or configuration errors.
    """
    if list_rules:
        (render_rules_json if format == Format.JSON else render_rules)(sys.stdout)
        raise typer.Exit(0)
    try:
        conf = cfg.discover(str(config) if config else None, paths=[str(p) for p in paths or []])
        conf = conf.with_rules(select_rules, ignore_rules)
        if not paths and not conf.articles:
            raise cfg.UsageError(
                "nothing to check: name article files or folders, or set 'articles' in .quotetrack.toml "
                "or in [tool.quotetrack] of pyproject.toml"
            )
        cfg.require_sources(conf, [str(s) for s in sources])
        cache = _check_cache(cache_path, no_cache)
        try:
            result = checks.run(conf, [str(p) for p in paths or []], [str(s) for s in sources], cache=cache)
        finally:
            if cache is not None:
                cache.close()
    except cfg.UsageError as err:
        typer.echo(f"quotetrack: error: {err}", err=True)
        raise typer.Exit(2) from None
    for note in result.notes:
        typer.echo(f"quotetrack: note: {note}", err=True)
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                RENDERERS[Format(format)](result, fh)
        except OSError as err:
            typer.echo(f"quotetrack: error: {output}: cannot write: {err.strerror or err}", err=True)
            raise typer.Exit(2) from None
    else:
        RENDERERS[Format(format)](result, sys.stdout)
    raise typer.Exit(checks.exit_code(result, strict))


def _check_cache(path: Optional[Path], off: bool):
    """The cache ``check`` uses: ``path``, else the per-user one; None with --no-cache, or when
    the per-user cache cannot be used (a note says why; checking goes on without it)."""
    if off:
        return None

    def warn(line: str) -> None:
        typer.echo(f"quotetrack: {line}", err=True)

    try:
        return cachemod.Cache(path or cachemod.default_path(), warn=warn)
    except cachemod.CacheError as err:
        if path is not None:
            typer.echo(f"quotetrack: error: {err}", err=True)
            raise typer.Exit(2) from None
        warn(f"note: no cache: {err}")
        return None


def main() -> None:
    # A command is one short process that allocates millions of small objects living until its
    # end (tokens, quotes, grouping's indexes) and leaves next to no cyclic garbage (some 500
    # objects in a scan of the 840 PolNeAR train articles): reference counting frees the rest.
    # The cycle collector is off for the process. Run by how many objects are made, it found
    # nothing to free, yet each pass walked every object made since the one before: about 0.12 s
    # of such a scan's CPU, 0.09 s of it in the one pass after grouping (which pauses it).
    # Workers of --jobs inherit this where they fork (Linux); the output is the same either way.
    gc.disable()
    try:
        app(prog_name="quotetrack")
    finally:
        # When the interpreter exits it runs the collector once more, collector off or not, over
        # every object still alive (the loaded modules' caches and tables: a name's parts, each
        # word's folding and stem, the first names): 0.12-0.16 s of CPU after a scan of the 840
        # PolNeAR train articles, to find next to nothing. Frozen objects are left out of it; the
        # output is written and flushed as before (standard streams are flushed at exit as ever).
        gc.freeze()


if __name__ == "__main__":
    main()
