"""The command line, run through typer's test runner."""

import csv
import io
import json

from typer.testing import CliRunner

from quotetrack.cli import app

runner = CliRunner()

STORY_A = (
    "Harbour council meets on the barrage\n\n"
    "The harbour council met on Tuesday to vote on the new sea wall plans for the town.\n\n"
    "“The barrage is a renewable promise we made to our grandchildren,” Mayor Helena Varga said.\n\n"
    "“We start building in spring,” she said.\n"
)
STORY_B = (
    "Council votes\n\n"
    "The council voted on Tuesday evening on the plans for the new sea wall in the town.\n\n"
    "\"The barrage is a reliable promise we made to our grandchildren,\" Varga said.\n\n"
    "Tomas Brenner, the chief engineer, said the turbines would pay for themselves within twelve years.\n"
)


def _write(tmp_path, files):
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path


def test_scan_json_is_complete_and_offsets_hold(tmp_path):
    root = _write(tmp_path, {"a/herald.txt": STORY_A, "b/ledger.txt": STORY_B})
    r = runner.invoke(app, ["scan", str(root), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["schema_version"] == 3
    assert [a["outlet"] for a in doc["articles"]] == ["herald", "ledger"]
    for q in doc["quotes"]:
        text = open(q["path"], encoding="utf-8", newline="").read()
        assert text[q["start"] : q["end"]] == q["text"]
    speakers = {q["text"][:12]: q["speaker"] for q in doc["quotes"]}
    assert speakers["The barrage "] == "Helena Varga"
    assert speakers["We start bui"] == "Helena Varga"
    reported = [q for q in doc["quotes"] if not q["direct"]]
    assert reported and reported[0]["speaker"] == "Tomas Brenner"
    assert all(q["content_kind"] in ("clause", "question", "infinitive", "noun_phrase") for q in reported)
    assert all(q["content_kind"] is None for q in doc["quotes"] if q["direct"])
    st = next(s for s in doc["statements"] if len(s["members"]) == 2)
    assert sorted(m["match"] for m in st["members"]) == ["altered", "verbatim"]


def test_scan_table_marks_changed_words_without_colour(tmp_path):
    root = _write(tmp_path, {"herald.txt": STORY_A, "ledger.txt": STORY_B})
    r = runner.invoke(app, ["scan", str(root)])
    assert r.exit_code == 0
    assert "\x1b[" not in r.stdout
    assert "[-renewable-]" in r.stdout and "{+reliable+}" in r.stdout
    assert "2 articles" in r.stdout


def test_matrix_and_filters(tmp_path):
    root = _write(tmp_path, {"herald.txt": STORY_A, "ledger.txt": STORY_B})
    r = runner.invoke(app, ["scan", str(root), "--matrix", "--min-outlets", "2"])
    assert r.exit_code == 0
    assert "= verbatim" in r.stdout and "1: herald" in r.stdout
    rows = [line for line in r.stdout.splitlines() if line.startswith("s")]
    assert len(rows) == 1 and "=" in rows[0] and "!" in rows[0]
    r = runner.invoke(app, ["scan", str(root), "--format", "csv", "--speaker", "brenner"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["speaker"] for row in rows] == ["Tomas Brenner"]


def test_csv_neutralises_formulas(tmp_path):
    root = _write(tmp_path, {"x.txt": STORY_A.replace("The barrage is", "=HYPERLINK(1) The barrage is")})
    r = runner.invoke(app, ["scan", str(root), "--format", "csv"])
    assert "'=HYPERLINK" in r.stdout


def test_markdown(tmp_path):
    root = _write(tmp_path, {"x.txt": STORY_A})
    r = runner.invoke(app, ["scan", str(root), "--format", "markdown"])
    assert r.exit_code == 0
    assert r.stdout.startswith("| Quote | Outlet |")
    assert "Helena Varga" in r.stdout


def test_missing_path_is_a_usage_error(tmp_path):
    r = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert r.exit_code == 2
    assert "no such file or directory" in r.output


def test_bad_files_are_skipped_and_reported(tmp_path):
    root = _write(tmp_path, {"good.txt": STORY_A, "empty.txt": "  \n", "notes.doc": "x"})
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    r = runner.invoke(app, ["scan", str(root), str(tmp_path / "notes.doc"), "--format", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    reasons = {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in doc["skipped"]}
    assert reasons == {
        "empty.txt": "empty file",
        "bin.txt": "binary file (contains NUL bytes)",
        "notes.doc": "unsupported file type '.doc'",
    }
    assert doc["summary"]["articles"] == 1
    r = runner.invoke(app, ["scan", str(root), "--strict"])
    assert r.exit_code == 1


def test_diff_files_and_outlets(tmp_path):
    root = _write(tmp_path, {"herald.txt": STORY_A, "ledger.txt": STORY_B})
    r = runner.invoke(app, ["diff", str(root / "herald.txt"), str(root / "ledger.txt")])
    assert r.exit_code == 1
    assert "[-renewable-]" in r.stdout and "{+reliable+}" in r.stdout
    r = runner.invoke(app, ["diff", "--in", str(root), "herald", "ledger", "--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["agree"] is False
    assert [s["match"] for s in doc["shared"]] == ["altered"]
    assert len(doc["only_a"]) == 1 and len(doc["only_b"]) == 1
    r = runner.invoke(app, ["diff", str(root / "herald.txt"), str(root / "herald.txt")])
    assert r.exit_code == 0


def test_diff_reports_speaker_disagreement(tmp_path):
    other = STORY_A.replace("Mayor Helena Varga said", "Tomas Brenner said")
    root = _write(tmp_path, {"herald.txt": STORY_A, "ledger.txt": other})
    r = runner.invoke(app, ["diff", "--in", str(root), "herald", "ledger", "--format", "json"])
    doc = json.loads(r.stdout)
    pairs = [(g["a"]["text"][:11], g["a"]["speaker"], g["b"]["speaker"]) for g in doc["speaker_disagreements"]]
    assert ("The barrage", "Helena Varga", "Tomas Brenner") in pairs


def test_diff_unknown_outlet_is_an_error(tmp_path):
    root = _write(tmp_path, {"herald.txt": STORY_A})
    r = runner.invoke(app, ["diff", "--in", str(root), "herald", "nowhere"])
    assert r.exit_code == 2
    assert "no single outlet matches 'nowhere'" in r.output


def test_help_is_complete():
    for args in (["--help"], ["scan", "--help"], ["diff", "--help"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0
    assert "Exit codes" in runner.invoke(app, ["diff", "--help"]).stdout


def test_file_names_that_are_not_utf8_and_link_loops(tmp_path):
    import os

    root = _write(tmp_path, {"good.txt": STORY_A})
    with open(os.path.join(os.fsencode(str(root)), b"bad\xff.txt"), "w", encoding="utf-8") as fh:
        fh.write(STORY_B)
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    r = runner.invoke(app, ["scan", str(root), "--format", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout.encode("utf-8"))
    assert sorted(a["outlet"] for a in doc["articles"]) == ["bad\ufffd", "good"]
    assert [s["reason"] for s in doc["skipped"]] == ["symbolic link loop: directory already scanned"]


def test_a_scan_on_one_core_starts_no_multiprocessing(tmp_path):
    """``multiprocessing`` is imported when a worker pool starts: a scan with ``--jobs 1`` (or a
    re-scan of a few changed files) does not load it."""
    import subprocess
    import sys

    art = tmp_path / "a.txt"
    art.write_text("“We will build the bridge by spring,” said Orla Vance, the mayor.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from quotetrack import cli\n"
        "sys.argv = ['quotetrack', 'scan', sys.argv[1], '-f', 'json', '--jobs', '1']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', 'multiprocessing' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(art)], capture_output=True, text=True, check=True)
    assert '"speaker": "Orla Vance"' in done.stdout
    assert "LOADED False" in done.stderr
