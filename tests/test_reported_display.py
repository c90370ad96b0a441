"""Reported speech is never shown as if it were quoted (issue 16, point 3)."""

import io
import json

from rich.console import Console
from typer.testing import CliRunner

from quotetrack.api import scan_texts
from quotetrack.cli import app
from quotetrack.render import render_matrix

runner = CliRunner()

QUOTED = (
    "Ferry timetable settled\n\n"
    "The island's ferry timetable was agreed at a meeting of the harbour board on Monday.\n\n"
    "“The ferry will run every hour from June,” said Mayor Odette Brill after the meeting.\n"
)
REPORTED = (
    "Hourly ferries from June\n\n"
    "The island's ferry timetable was agreed at a meeting of the harbour board on Monday.\n\n"
    "Mayor Odette Brill said the ferry will run every hour from June.\n"
)
WORDS = "the ferry will run every hour from June"


def _files(tmp_path):
    (tmp_path / "gull.txt").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "beacon.txt").write_text(REPORTED, encoding="utf-8")
    return tmp_path


def test_diff_same_words_one_side_reported_is_not_verbatim(tmp_path):
    root = _files(tmp_path)
    r = runner.invoke(app, ["diff", str(root / "gull.txt"), str(root / "beacon.txt")])
    assert r.exit_code == 1
    assert "[paraphrase]" in r.stdout and "[verbatim]" not in r.stdout
    assert f"B: {WORDS} (reported)" in r.stdout
    assert f"“{WORDS}" not in r.stdout
    j = json.loads(runner.invoke(app, ["diff", str(root / "gull.txt"), str(root / "beacon.txt"), "-f", "json"]).stdout)
    assert j["agree"] is False
    assert [s["match"] for s in j["shared"]] == ["paraphrase"]
    assert (j["shared"][0]["a"]["direct"], j["shared"][0]["b"]["direct"]) == (True, False)


def test_diff_of_two_direct_quotes_is_still_verbatim(tmp_path):
    (tmp_path / "a.txt").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(QUOTED.replace("Ferry timetable settled", "Ferries agreed"), encoding="utf-8")
    r = runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert r.exit_code == 0 and "[verbatim]" in r.stdout


def test_markdown_has_a_direct_column_and_no_marks_around_reported_speech(tmp_path):
    r = runner.invoke(app, ["scan", str(_files(tmp_path)), "--format", "markdown"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "| Quote | Outlet | Line | Speaker | Kind | Direct | Statement | Match |"
    reported = next(line for line in lines if "beacon" in line)
    quoted = next(line for line in lines if "| gull |" in line)
    assert reported.startswith(f"| {WORDS} *(reported)* |") and "| no, reported |" in reported
    assert "“" not in reported
    assert quoted.startswith("| “The ferry will run every hour from June,” |") and "| yes |" in quoted


def test_matrix_labels_a_statement_known_only_as_reported_speech():
    result = scan_texts([("beacon.txt", REPORTED)])
    buf = io.StringIO()
    render_matrix(result, Console(file=buf, width=120))
    row = next(line for line in buf.getvalue().splitlines() if line.startswith("s1 "))
    assert "│ (reported) the ferry will run every" in row and "“" not in row
