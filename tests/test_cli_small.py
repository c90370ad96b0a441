"""Smaller points of issue 16: plurals, -h, --matrix with other formats, the summary's wrapping."""

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from quotetrack.api import scan, scan_texts
from quotetrack.cli import app
from quotetrack.render import render_matrix, render_table, summary_line

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

ONE = (
    "Pier reopens\n\n"
    "The pier at Saltmouth reopened on Saturday after a winter of repairs to its deck.\n\n"
    "“Bring the children, bring the dog, bring an umbrella,” said Rosalind Quarry, the pier's manager.\n"
)


def test_summary_uses_singular_for_one():
    line = summary_line(scan_texts([("pier.txt", ONE)]))
    assert line.startswith("1 article, 1 quote, 0 terms, 1 speaker, 1 statement (0 carried")


@pytest.mark.parametrize("args", [["-h"], ["scan", "-h"], ["diff", "-h"], ["check", "-h"]])
def test_dash_h_is_help(args):
    r = runner.invoke(app, args)
    assert r.exit_code == 0 and r.stdout.startswith("Usage: ")
    assert r.stdout == runner.invoke(app, [*args[:-1], "--help"]).stdout


def test_matrix_with_json_says_it_is_ignored(tmp_path):
    (tmp_path / "pier.txt").write_text(ONE, encoding="utf-8")
    r = runner.invoke(app, ["scan", str(tmp_path), "--matrix", "--format", "json"])
    assert r.exit_code == 0
    assert "--matrix does not apply to --format json" in r.stderr
    assert r.stdout == runner.invoke(app, ["scan", str(tmp_path), "--format", "json"]).stdout


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_matrix_with_csv_or_markdown_is_the_matrix(tmp_path, fmt):
    (tmp_path / "pier.txt").write_text(ONE, encoding="utf-8")
    r = runner.invoke(app, ["scan", str(tmp_path), "--matrix", "--format", fmt])
    assert r.exit_code == 0 and "does not apply" not in r.stderr
    assert r.stdout != runner.invoke(app, ["scan", str(tmp_path), "--format", fmt]).stdout
    assert "statement" in r.stdout.splitlines()[0].lower() or "| # |" in r.stdout


@pytest.mark.parametrize("fn", [render_table, render_matrix])
@pytest.mark.parametrize("width", [60, 80])
def test_summary_wraps_between_words(fn, width):
    result = scan([SAMPLES])
    buf = io.StringIO()
    fn(result, Console(file=buf, width=width))
    lines = buf.getvalue().splitlines()
    summary = summary_line(result)
    start = next(i for i, line in enumerate(lines) if summary.startswith(line.strip()) and line.strip())
    tail = [line.strip() for line in lines[start:]]
    assert len(tail) > 1 and all(len(line) <= width for line in lines[start:])
    assert " ".join(tail) == summary
