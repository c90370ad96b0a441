"""Terms are listed once each, with their outlets and a count, and the filters apply (issue 16, point 4)."""

from typer.testing import CliRunner

from quotetrack.api import scan_texts
from quotetrack.cli import app
from quotetrack.render import term_uses

runner = CliRunner()

KITE = (
    "Tide plan\n\n"
    "The council has branded its tidal scheme the “silver corridor” in every leaflet this spring.\n\n"
    "Planners pinned a map of the “silver corridor” to the wall of the library on Monday.\n"
)
WREN = (
    "Scheme criticised\n\n"
    "Residents at the meeting on Tuesday laughed at the phrase “Silver Corridor” when it was read out.\n\n"
    "“We will not be moved by slogans,” said Ines Harrow, who chairs the residents group.\n"
)


def test_each_term_once_with_outlets_and_count():
    uses = term_uses(scan_texts([("kite.txt", KITE), ("wren.txt", WREN)]))
    assert [(t.words, t.outlets, t.count) for t in uses] == [("silver corridor", ("kite", "wren"), 3)]


def test_a_long_run_of_repeats_is_one_line():
    text = "Talks\n\nThe ministers met again for the “2+2” talks on Friday in the capital.\n\n" + "".join(
        f"Round {n} of the “2+2” format ended without a statement from either side.\n\n" for n in range(40)
    )
    uses = term_uses(scan_texts([("a.txt", text)]))
    assert [(t.words, t.count) for t in uses] == [("2+2", 41)]


def _terms(tmp_path, *args):
    (tmp_path / "kite.txt").write_text(KITE, encoding="utf-8")
    (tmp_path / "wren.txt").write_text(WREN, encoding="utf-8")
    out = runner.invoke(app, ["scan", str(tmp_path), "--width", "100", *args]).stdout
    return [line.strip() for line in out.splitlines() if line.startswith("  “")]


def test_the_table_lists_terms_once(tmp_path):
    assert _terms(tmp_path) == ["“silver corridor” ×3: kite, wren"]


def test_filters_apply_to_terms(tmp_path):
    assert _terms(tmp_path, "--outlet", "wren") == ["“silver corridor” ×3: kite, wren"]
    assert _terms(tmp_path, "--min-outlets", "2") == ["“silver corridor” ×3: kite, wren"]
    assert _terms(tmp_path, "--min-outlets", "3") == []
    assert _terms(tmp_path, "--speaker", "harrow") == []
