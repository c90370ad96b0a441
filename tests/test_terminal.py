"""The table and the matrix at the widths people's terminals have (issue 16)."""

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from quotetrack.api import scan
from quotetrack.cli import app
from quotetrack.provenance import first_carriers
from quotetrack.render import (
    matrix_rows,
    ordered_statements,
    render_matrix,
    render_table,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
WIDTHS = [60, 80, 100, 140]
runner = CliRunner()
CORPORA = [pytest.param(ROOT / "samples", id="samples"),
           pytest.param(SEEDS, id="seeds", marks=pytest.mark.skipif(not SEEDS.is_dir(), reason="no seeds"))]


@pytest.fixture(scope="module", params=CORPORA)
def result(request):
    return scan([str(request.param)])


def _render(fn, result, width):
    buf = io.StringIO()
    fn(result, Console(file=buf, width=width, highlight=False, markup=False, emoji=False))
    return buf.getvalue()


def _matrix_cells(out):
    """{(statement id, outlet number): symbol}, read back from the printed blocks."""
    cells, columns = {}, []
    for line in out.splitlines():
        if line.startswith("#") and "┃" in line:
            columns = [int(c) for c in (part.strip() for part in line.split("┃")[3:])]
        elif re.match(r"s\d+ ", line) and "│" in line:
            parts = [p.strip() for p in line.split("│")]
            for n, sym in zip(columns, parts[3:]):
                cells[(parts[0], n)] = sym
    return cells


@pytest.mark.parametrize("width", WIDTHS)
def test_matrix_keeps_every_outlet_mark_and_id(result, width):
    out = _render(render_matrix, result, width)
    assert max(len(line) for line in out.splitlines()) <= width
    outlets, rows = matrix_rows(result, ordered_statements(result))
    expected = {(st.id, n + 1): sym for st, syms in rows for n, sym in enumerate(syms)}
    assert _matrix_cells(out) == expected
    for n, name in enumerate(outlets):
        assert f"  {n + 1}: {name}\n" in out


def test_matrix_splits_into_blocks_each_with_its_legend(result):
    out = _render(render_matrix, result, 60)
    outlets, _ = matrix_rows(result, result.statements)
    blocks = out.split("Statements × outlets")[1:]
    assert len(blocks) > 1
    named = [int(m) for block in blocks for m in re.findall(r"^  (\d+): ", block, re.M)]
    assert named == list(range(1, len(outlets) + 1))
    for block in blocks:
        header = next(line for line in block.splitlines() if line.startswith("#"))
        numbers = [int(c.strip()) for c in header.split("┃")[3:]]
        assert numbers == [int(m) for m in re.findall(r"^  (\d+): ", block, re.M)]


def test_matrix_is_one_block_when_it_fits(result):
    out = _render(render_matrix, result, 200)
    assert out.count("Statements × outlets") == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_table_fits_and_cuts_no_name_date_or_id(result, width):
    out = _render(render_table, result, width)
    table = out[: out.index("└")]
    assert max(len(line) for line in table.splitlines()) <= width
    assert all(line.rstrip().endswith(("┓", "┃", "┩", "│", "┤", "┘")) for line in table.splitlines()[1:])
    firsts = first_carriers(result)
    for st in result.statements:
        assert re.search(rf"^│ {st.id} +│", table, re.M), st.id
        for outlet in st.outlets:
            assert f" {outlet} " in table, outlet
        if st.id in firsts and firsts[st.id].shared:
            assert f"first, {firsts[st.id].date}" in table
        for m in st.members:
            assert f" {m.match} " in table


def test_piped_output_is_as_wide_as_it_needs(tmp_path, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    wide = runner.invoke(app, ["scan", str(ROOT / "samples")]).stdout
    assert "│ The Harbour Herald   │" in wide and "Aldmere Wire Service" in wide
    assert max(len(line) for line in wide.splitlines() if line.startswith("│")) > 100
    narrow = runner.invoke(app, ["scan", str(ROOT / "samples"), "--width", "60"]).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "│   first, 2026-03-13  │" in narrow
    monkeypatch.setenv("COLUMNS", "80")
    columns = runner.invoke(app, ["scan", str(ROOT / "samples"), "--matrix"]).stdout
    assert max(len(line) for line in columns.splitlines()) <= 80
    assert columns.count("Statements × outlets") == 2
