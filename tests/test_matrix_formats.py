"""--matrix with --format csv and markdown: the statements × outlets view, with word diffs."""

import csv
import io
import json

from typer.testing import CliRunner

from quotetrack.cli import app

SAMPLES = ["samples/01_harbour_herald.md", "samples/02_aldmere_wire.txt", "samples/03_coastal_daily.txt",
           "samples/04_the_tidewatch.md", "samples/05_northern_ledger.txt", "samples/06_quayside_post.txt",
           "samples/07_northsea_wire.txt", "samples/08_the_marquee.md"]
RANK = {"verbatim": 0, "partial": 1, "altered": 2, "paraphrase": 3}


def run(*args):
    r = CliRunner().invoke(app, ["scan", *SAMPLES, *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def best_match_by_outlet():
    doc = json.loads(run("--format", "json"))
    out = {}
    for st in doc["statements"]:
        best = {}
        for m in st["members"]:
            if m["outlet"] not in best or RANK[m["match"]] < RANK[best[m["outlet"]]]:
                best[m["outlet"]] = m["match"]
        out[st["id"]] = best
    return doc, out


def test_csv_matrix_has_every_statement_and_the_match_kind_per_outlet():
    doc, best = best_match_by_outlet()
    rows = list(csv.DictReader(io.StringIO(run("--matrix", "--format", "csv"))))
    outlets = {a["outlet"] for a in doc["articles"]}
    assert {r["statement"] for r in rows} == set(best)
    for r in rows:
        for o in outlets:
            assert r[o] == best[r["statement"]].get(o, ""), (r["statement"], o)


def test_csv_matrix_gives_the_changed_words_of_altered_wordings():
    doc, best = best_match_by_outlet()
    rows = {r["statement"]: r for r in csv.DictReader(io.StringIO(run("--matrix", "--format", "csv")))}
    altered = [sid for sid, b in best.items() if "altered" in b.values()]
    assert altered, "the samples carry an altered quote"
    for sid in altered:
        assert "[-" in rows[sid]["changed_wordings"] or "{+" in rows[sid]["changed_wordings"]


def test_csv_matrix_marks_reported_speech_as_not_direct():
    doc, _ = best_match_by_outlet()
    direct = {q["id"]: q["direct"] for q in doc["quotes"]}
    rows = {r["statement"]: r for r in csv.DictReader(io.StringIO(run("--matrix", "--format", "csv")))}
    for st in doc["statements"]:
        assert rows[st["id"]]["direct"] == str(direct[st["canonical_quote"]])


def test_markdown_matrix_lists_every_outlet_and_statement_and_the_diffs():
    doc, best = best_match_by_outlet()
    md = run("--matrix", "--format", "markdown")
    header = md.splitlines()[0]
    for a in doc["articles"]:
        assert a["outlet"] in header
    for sid in best:
        assert f"| {sid} |" in md
    if any("altered" in b.values() for b in best.values()):
        assert "Changed wordings:" in md and "[-" in md
    # Reported speech is never shown in quotation marks.
    for line in md.splitlines():
        if "*(reported)*" in line:
            assert "“" not in line.split("|")[3]


def test_matrix_filters_apply():
    rows = list(csv.DictReader(io.StringIO(run("--matrix", "--format", "csv", "--min-outlets", "2"))))
    assert rows and all(sum(1 for k, v in r.items() if v in RANK and k not in ("text",)) >= 2 for r in rows)


def test_file_to_file_diff_uses_the_statement_ids_scan_gives_the_same_files():
    pair = ["samples/01_harbour_herald.md", "samples/03_coastal_daily.txt"]
    runner = CliRunner()
    scan = json.loads(runner.invoke(app, ["scan", *pair, "--format", "json"]).stdout)
    diff = json.loads(runner.invoke(app, ["diff", *pair, "--format", "json"]).stdout)
    statement_of = {q["id"]: q["statement"] for q in scan["quotes"]}
    assert diff["shared"], "the two samples share statements"
    for s in diff["shared"]:
        assert statement_of[s["a"]["quote"]] == s["statement"] == statement_of[s["b"]["quote"]]
