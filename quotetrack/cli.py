"""The command line: parses arguments, calls the library, renders. Nothing else."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from . import __version__
from .api import scan as scan_paths
from .ingest import DEFAULT_MAX_BYTES, InputError
from .render import render_csv, render_json, render_markdown, render_table

app = typer.Typer(
    help="Find direct quotes in news articles, attribute them to speakers, and compare how outlets carried each statement.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _console() -> Console:
    tty = sys.stdout.isatty()
    return Console(width=None if tty else 100, highlight=False, markup=False, emoji=False, soft_wrap=False)


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
    paths: List[Path] = typer.Argument(..., help="Files or folders of articles (.txt, .md); folders are read recursively."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (for people), json, csv or markdown."),
    min_outlets: int = typer.Option(1, "--min-outlets", min=1, help="Table: only statements carried by at least N outlets."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip files larger than this many bytes."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any file was skipped."),
) -> None:
    """Find every quote, attribute it, and group each statement across outlets.

    Exit codes: 0 on success (skipped files are listed), 1 with --strict when a
    file was skipped, 2 on usage errors such as a path that does not exist.
    """
    try:
        result = scan_paths([str(p) for p in paths], max_bytes=max_bytes)
    except InputError as err:
        typer.echo(f"quotetrack: error: {err}", err=True)
        raise typer.Exit(2)
    if format is Format.table:
        render_table(result, _console(), min_outlets=min_outlets)
    else:
        for s in result.skipped:
            typer.echo(f"quotetrack: skipped {s.path}: {s.reason}", err=True)
        {Format.json: render_json, Format.csv: render_csv, Format.markdown: render_markdown}[format](result, sys.stdout)
    if strict and result.skipped:
        raise typer.Exit(1)


def main() -> None:
    app(prog_name="quotetrack")


if __name__ == "__main__":
    main()
