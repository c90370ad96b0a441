"""`quotetrack check`: the example newsroom in every format, configuration, sources and matching."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from quotetrack import check as checks
from quotetrack import config as qconfig
from quotetrack import rules as qrules
from quotetrack import verify
from quotetrack.check_report import escape_data, escape_property
from quotetrack.cli import app
from quotetrack.identity import DIFFERENT, SAME, identity
from quotetrack.sources import (
    ARTICLE_LIKE,
    TRANSCRIPT,
    SourceStatement,
    looks_like_transcript,
    read_source,
    speaker_label,
    token_spans,
)
from quotetrack.textnorm import comparison_tokens

ROOT = Path(__file__).resolve().parents[1]
NEWSROOM = ROOT / "samples" / "newsroom"
# The OASIS SARIF 2.1.0 schema (errata 01, as published in the oasis-tcs/sarif-spec repository,
# sarif-2.1/schema/sarif-schema-2.1.0.json), shipped so that validation needs no network.
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

FARES = "articles/2025-03-05-fares-freeze.md"
NIGHT = "articles/2025-03-07-night-buses.md"
LIBRARY = "articles/2025-03-08-library-hours.md"
DEPOT = "articles/2025-03-04-depot-reopens.md"
BRIEFING = "sources/transcripts/2025-03-04-depot-briefing.md"
CALL = "sources/transcripts/2025-03-06-achterberg-call.md"

runner = CliRunner()


def pos(path: str, needle: str, root: Path = NEWSROOM) -> tuple[int, int]:
    """1-based line and column of the first character of ``needle`` in the file."""
    text = (root / path).read_text(encoding="utf-8")
    i = text.index(needle)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def _expected() -> list[tuple[str, str, int, int]]:
    """Each finding the example newsroom must produce, located from the article text itself
    (quotes are reported at their first word, unbalanced marks at the opening mark)."""
    return sorted(
        [
            ("QT001", FARES, *pos(FARES, "Fares will stay at one euro eighty until the end of this year")),
            ("QT002", FARES, *pos(FARES, "Every driver we lost")),
            ("QT003", NIGHT, *pos(NIGHT, "Nobody should have to walk home")),
            ("QT004", NIGHT, *pos(NIGHT, "Nobody should have to walk home")),
            ("QT003", NIGHT, *pos(NIGHT, "The last bus still leaves")),
            ("QT005", NIGHT, *pos(NIGHT, '"changes every month')),
            ("QT003", LIBRARY, *pos(LIBRARY, "A library that shuts at five")),
            ("QT006", LIBRARY, *pos(LIBRARY, "A library that shuts at five")),
        ],
        key=lambda t: (t[1], t[2], t[3], t[0]),
    )


EXPECTED = _expected()
SUPPRESSED = [("QT003", NIGHT, *pos(NIGHT, "A library that closes at five"))]


def invoke(args: list[str], cwd: Path = NEWSROOM, monkeypatch=None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, ["check", *args])
    finally:
        os.chdir(old)


# --------------------------------------------------------------------------- the newsroom, every format

TEXT_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>QT\d{3}) \[(?P<sev>error|warning|note)\] (?P<msg>.+)$")


def test_expected_positions_are_where_the_sample_says():
    # The locations above are computed from the text; pin a few by hand so that a broken
    # sample cannot make the whole table vacuous.
    assert ("QT001", FARES, 10, 2) in EXPECTED
    assert ("QT005", NIGHT, 16, 43) in EXPECTED
    assert SUPPRESSED == [("QT003", NIGHT, 21, 2)]
    night = (NEWSROOM / NIGHT).read_text(encoding="utf-8").split("\n")
    assert night[19] == "<!-- quotetrack: ignore QT003 (the reporter was at the reading; there is no recording) -->"


def test_text_format_findings_exit_code_and_grouping():
    r = invoke([])
    assert r.exit_code == 1, r.output
    lines = r.stdout.rstrip("\n").split("\n")
    found = []
    order = []
    for line in lines[:-1]:
        if not line:
            continue
        m = TEXT_LINE.match(line)
        assert m, line
        found.append((m["rule"], m["path"], int(m["line"]), int(m["col"])))
        if not order or order[-1] != m["path"]:
            order.append(m["path"])
    assert sorted(found, key=lambda t: (t[1], t[2], t[3], t[0])) == EXPECTED
    # Grouped by file: each file's findings together, files in order, a blank line between groups.
    assert order == sorted(set(order)) == [FARES, NIGHT, LIBRARY]
    assert lines.count("") == 3
    assert lines[-1] == "2 errors, 6 warnings in 4 articles, checked against 3 sources (14 statements); 1 suppressed"
    severities = {m["rule"]: m["sev"] for m in map(TEXT_LINE.match, filter(None, lines[:-1]))}
    assert severities == {"QT001": "error", "QT002": "error", "QT003": "warning", "QT004": "warning",
                          "QT005": "warning", "QT006": "warning"}


def test_text_messages_show_the_difference_and_where_the_source_says_it():
    out = invoke([]).stdout
    qt001 = next(line for line in out.split("\n") if " QT001 " in line)
    where = "{}:{}:{}".format(BRIEFING, *pos(BRIEFING, "Fares will stay at one euro eighty"))
    assert where in qt001
    assert "[-next-] {+this+}" in qt001
    assert "Priya Nandakumar" in qt001
    qt002 = next(line for line in out.split("\n") if " QT002 " in line)
    assert "{}:{}:{}".format(CALL, *pos(CALL, "Every driver we lost")) in qt002
    assert "Ruben Achterberg" in qt002 and "Odile Ferrant" in qt002
    qt006 = next(line for line in out.split("\n") if " QT006 " in line)
    assert "{}:{}:{}".format(NIGHT, *pos(NIGHT, "A library that closes")) in qt006
    assert "[-closes-] {+shuts+}" in qt006


def test_json_format():
    r = invoke(["--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["schema_version"] == 1
    got = [(f["rule"], f["path"], f["line"], f["column"]) for f in doc["findings"]]
    assert got == EXPECTED
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in doc["suppressed"]] == SUPPRESSED
    assert doc["summary"] == {"articles": 4, "sources": 3, "source_statements": 14, "errors": 2, "warnings": 6,
                              "notes": 0, "suppressed": 1}
    qt001 = doc["findings"][0]
    assert qt001["name"] == "misquote" and qt001["severity"] == "error"
    assert qt001["quote"].startswith("Fares will stay at one euro eighty until the end of this year")
    assert qt001["related"] == [{"path": BRIEFING, "line": 20, "column": 30, "message": "what Priya Nandakumar said"}]
    assert {r["id"] for r in doc["rules"]} == set(qrules.RULES)


GITHUB_LINE = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _unescape(s: str) -> str:
    return s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _github(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in stdout.rstrip("\n").split("\n")[:-1]:
        m = GITHUB_LINE.match(line)
        assert m, line
        props = dict(kv.split("=", 1) for kv in m["props"].split(","))
        out.append((m["level"], {k: _unescape(v) for k, v in props.items()}, _unescape(m["msg"])))
    return out


def test_github_format():
    r = invoke(["--format", "github"])
    assert r.exit_code == 1
    cmds = _github(r.stdout)
    got = [(p["title"].split()[0], p["file"], int(p["line"]), int(p["col"])) for _, p, _ in cmds]
    assert got == EXPECTED
    levels = {p["title"].split()[0]: level for level, p, _ in cmds}
    assert levels["QT001"] == levels["QT002"] == "error"
    assert levels["QT003"] == levels["QT006"] == "warning"
    assert cmds[0][1]["title"] == "QT001 misquote"
    assert "[-next-] {+this+}" in cmds[0][2]
    assert r.stdout.rstrip("\n").split("\n")[-1].startswith("quotetrack: 2 errors, 6 warnings")


def test_sarif_format_validates_against_the_schema():
    r = invoke(["--format", "sarif"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(doc, schema, cls=jsonschema.Draft4Validator)
    run = doc["runs"][0]
    results = run["results"]
    located = lambda res: (  # noqa: E731
        res["ruleId"],
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        res["locations"][0]["physicalLocation"]["region"]["startLine"],
        res["locations"][0]["physicalLocation"]["region"]["startColumn"],
    )
    assert sorted((located(x) for x in results if "suppressions" not in x), key=lambda t: (t[1], t[2], t[3], t[0])) == EXPECTED
    assert [located(x) for x in results if "suppressions" in x] == SUPPRESSED
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [x["id"] for x in rules] == list(qrules.RULES)
    for x in results:
        assert rules[x["ruleIndex"]]["id"] == x["ruleId"]
        assert x["level"] == ("error" if x["ruleId"] in ("QT001", "QT002") else "warning")
    # The validator is really checking: a result with an unknown level is rejected.
    broken = copy.deepcopy(doc)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft4Validator)


def test_output_file(tmp_path):
    target = tmp_path / "out.sarif"
    r = invoke(["--format", "sarif", "--output", str(target)])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


# --------------------------------------------------------------------------- exit codes and rule selection


def test_exit_codes_strict_and_ignore():
    # Without the two errors only warnings remain: 0, and 1 with --strict.
    r = invoke(["--ignore", "QT001,misattribution"])
    assert r.exit_code == 0, r.output
    assert " QT001 " not in r.stdout and " QT002 " not in r.stdout and " QT003 " in r.stdout
    assert invoke(["--ignore", "QT001", "--ignore", "QT002", "--strict"]).exit_code == 1
    # Unverified quotes can be turned off by name.
    r = invoke(["--ignore", "unverified-quote", "--format", "json"])
    assert "QT003" not in {f["rule"] for f in json.loads(r.stdout)["findings"]}
    # --select replaces the selection.
    r = invoke(["--select", "QT005", "--format", "json", "--strict"])
    assert [(f["rule"], f["line"]) for f in json.loads(r.stdout)["findings"]] == [("QT005", 16)]
    assert r.exit_code == 1


def test_clean_article_exits_0():
    r = invoke([DEPOT, "--strict"])
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "0 errors, 0 warnings in 1 article, checked against 3 sources (14 statements)"


def test_file_arguments_check_only_those_files_but_compare_with_the_rest():
    r = invoke([LIBRARY, "--format", "json"])
    doc = json.loads(r.stdout)
    assert {f["path"] for f in doc["findings"]} == {LIBRARY}
    # The other article's wording is still known: QT006 is found from the configured articles.
    assert sorted(f["rule"] for f in doc["findings"]) == ["QT003", "QT006"]
    assert r.exit_code == 0


def test_pre_commit_style_arguments_pass_over_sources_and_other_files():
    r = invoke([BRIEFING, "sources/press/2025-03-03-council-release.md", ".quotetrack.toml", "--strict"])
    assert r.exit_code == 0, r.output
    assert "in 0 articles" in r.stdout


def test_aliases_come_from_the_configuration(tmp_path):
    # The briefing labels the mayor "THE MAYOR". Without the newsroom's alias (a copy of the
    # newsroom without its configuration), a role label may or may not be the person the article
    # names: a warning that says so, not a failing error.
    shutil.copytree(NEWSROOM, tmp_path / "bare")
    (tmp_path / "bare" / ".quotetrack.toml").unlink()
    r = invoke([DEPOT, "--sources", "sources", "--format", "json"], cwd=tmp_path / "bare")
    findings = json.loads(r.stdout)["findings"]
    rules = [(f["rule"], f["severity"], f["line"]) for f in findings]
    assert ("QT007", "warning", pos(DEPOT, "We did not reopen")[0]) in rules
    assert not any(rule == "QT002" for rule, _, _ in rules)
    first = next(f for f in findings if f["line"] == pos(DEPOT, "We did not reopen")[0])
    assert "‘The Mayor’ names a role" in first["message"] and "may or may not be Odile Ferrant" in first["message"]
    assert "aliases" in first["message"]
    assert r.exit_code == 0
    r = invoke(["samples/newsroom/" + DEPOT, "--config", "samples/newsroom/.quotetrack.toml", "--format", "json"], cwd=ROOT)
    assert json.loads(r.stdout)["findings"] == []
    assert r.exit_code == 0


def test_usage_errors_exit_2(tmp_path):
    r = invoke(["no-such-article.md"])
    assert r.exit_code == 2 and "no-such-article.md: no such file or directory" in r.output
    r = invoke(["--format", "yaml"])
    assert r.exit_code == 2
    # No configuration and no arguments: nothing to check.
    r = invoke([], cwd=tmp_path)
    assert r.exit_code == 2 and "nothing to check" in r.output
    r = invoke([DEPOT, "--sources", "no-such-folder"])
    assert r.exit_code == 2 and "no-such-folder" in r.output


# --------------------------------------------------------------------------- configuration found from the checked path


def test_check_path_finds_its_configuration_from_another_working_directory(tmp_path):
    inside = invoke([])
    assert inside.exit_code == 1 and "3 sources" in inside.stdout
    # From the repository root, the folder given as a relative path: the configuration in
    # samples/newsroom is found, so the transcripts are sources, not articles.
    from_root = invoke(["samples/newsroom"], cwd=ROOT)
    assert from_root.exit_code == inside.exit_code, from_root.output
    assert from_root.stdout.replace("samples/newsroom/", "") == inside.stdout
    assert "note:" not in from_root.stderr
    # From an unrelated folder, the folder given in full: paths are shown in full.
    from_elsewhere = invoke([str(NEWSROOM)], cwd=tmp_path)
    assert from_elsewhere.exit_code == inside.exit_code, from_elsewhere.output
    assert from_elsewhere.stdout.replace(str(NEWSROOM) + "/", "") == inside.stdout
    # A file: found from its folder upwards.
    one = invoke(["samples/newsroom/" + FARES, "--format", "json"], cwd=ROOT)
    assert one.exit_code == 1, one.output
    doc = json.loads(one.stdout)
    assert [(f["rule"], f["path"]) for f in doc["findings"]] == [("QT001", "samples/newsroom/" + FARES), ("QT002", "samples/newsroom/" + FARES)]
    assert doc["summary"]["sources"] == 3


def test_check_path_configuration_wins_over_the_working_directory(tmp_path):
    # The working directory has a configuration of its own, with no sources: the checked folder's is used.
    (tmp_path / ".quotetrack.toml").write_text('articles = ["*.md"]\n', encoding="utf-8")
    r = invoke([str(NEWSROOM), "--format", "json"], cwd=tmp_path)
    assert r.exit_code == 1, r.output
    found = sorted((f["rule"], os.path.relpath(f["path"], NEWSROOM), f["line"], f["column"]) for f in json.loads(r.stdout)["findings"])
    assert found == sorted(EXPECTED)


def test_paths_under_two_configurations_are_a_usage_error(tmp_path):
    shutil.copytree(NEWSROOM, tmp_path / "a")
    shutil.copytree(NEWSROOM, tmp_path / "b")
    r = invoke(["a/" + FARES, "b/" + FARES], cwd=tmp_path)
    assert r.exit_code == 2
    assert "different configurations" in r.stderr and "a/.quotetrack.toml" in r.stderr and "b/.quotetrack.toml" in r.stderr


def test_no_configuration_and_no_sources_is_an_error_not_a_note(tmp_path):
    (tmp_path / "story.md").write_text('"The ferry will run every day from May," said Ida Morn.\n', encoding="utf-8")
    (tmp_path / "transcript.md").write_text("IDA MORN: The ferry will run every hour from May.\n\nQ: Thanks.\n", encoding="utf-8")
    r = invoke(["story.md"], cwd=tmp_path)
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    assert "error: no configuration found" in r.stderr and "no --sources given" in r.stderr
    # Sources on the command line are enough: the misquote is found.
    r = invoke(["story.md", "--sources", "transcript.md"], cwd=tmp_path)
    assert r.exit_code == 1 and "QT001" in r.stdout and "[-hour-] {+day+}" in r.stdout
    # So is choosing only rules that need no sources.
    r = invoke(["story.md", "--select", "QT004,QT005"], cwd=tmp_path)
    assert r.exit_code == 0, r.output
    # A path that does not exist is still reported as such.
    r = invoke(["nowhere.md"], cwd=tmp_path)
    assert r.exit_code == 2 and "nowhere.md: no such file or directory" in r.stderr


@pytest.mark.parametrize(
    "toml, problem",
    [
        ('articles = ["a/*.md"]\ncolour = "red"\n', "unknown key 'colour'"),
        ('articles = "a/*.md"\nsources = 3\n', "'sources' must be a list of strings"),
        ('ignore = ["QT999"]\n', "unknown rule 'QT999'"),
        ('[severity]\nQT003 = "fatal"\n', "severity of QT003 must be one of error, warning, note, off"),
        ('[aliases]\n"The Mayor" = 3\n', "alias 'The Mayor' must map to a non-empty name"),
        ('articles = ["a/*.md"\n', "invalid TOML"),
    ],
)
def test_configuration_errors_name_the_file_and_the_problem(tmp_path, toml, problem):
    (tmp_path / ".quotetrack.toml").write_text(toml, encoding="utf-8")
    r = invoke([], cwd=tmp_path)
    assert r.exit_code == 2
    assert ".quotetrack.toml" in r.output and problem in r.output


def test_pyproject_table_and_severities(tmp_path):
    shutil.copytree(NEWSROOM / "articles", tmp_path / "stories")
    shutil.copytree(NEWSROOM / "sources", tmp_path / "material")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "paper"\n\n[tool.quotetrack]\narticles = ["stories/*.md"]\nsources = ["material/**"]\n'
        'ignore = ["QT001", "QT002"]\n\n[tool.quotetrack.severity]\nunattributed-quote = "error"\nQT003 = "off"\n\n'
        '[tool.quotetrack.aliases]\n"the mayor" = "Odile Ferrant"\n',
        encoding="utf-8",
    )
    (tmp_path / "stories" / "sub").mkdir()
    r = invoke(["--format", "json"], cwd=tmp_path / "stories" / "sub")  # found from a subfolder
    doc = json.loads(r.stdout)
    assert sorted({f["rule"] for f in doc["findings"]}) == ["QT004", "QT005", "QT006"]
    assert {f["rule"]: f["severity"] for f in doc["findings"]}["QT004"] == "error"
    # Files outside the working directory are shown with their full path.
    assert all(os.path.isabs(f["path"]) and f["path"].startswith(str(tmp_path / "stories")) for f in doc["findings"])
    assert r.exit_code == 1


# --------------------------------------------------------------------------- robustness and escaping


def test_one_unreadable_file_does_not_hide_the_others(tmp_path):
    shutil.copytree(NEWSROOM, tmp_path / "newsroom")
    root = tmp_path / "newsroom"
    (root / "articles" / "2025-03-09-broken.md").write_bytes(b"\x00\x01binary\x00" * 50)
    (root / "sources" / "garbled.txt").write_bytes(b"\x00\x01\x02binary\x00" * 40)
    r = invoke(["--format", "json"], cwd=root)
    doc = json.loads(r.stdout)
    got = [(f["rule"], f["path"], f["line"], f["column"]) for f in doc["findings"]]
    assert ("QT000", "articles/2025-03-09-broken.md", 1, 1) in got
    assert ("QT000", "sources/garbled.txt", 1, 1) in got
    assert [g for g in got if g[0] != "QT000"] == EXPECTED
    assert "binary file" in doc["findings"][0]["message"] or any("binary file" in f["message"] for f in doc["findings"])
    assert r.exit_code == 1


HOSTILE = (
    "---\ntitle: Budget\n---\n\n"
    "The budget was debated for six hours in the council chamber on Monday night.\n\n"
    "\"Costs rose 50% in a year%0A::error file=x.md::injected \x1b[31mred\x1b[0m and nobody noticed,\" said Vera Lind.\n"
)


def _hostile_repo(root: Path, name: str) -> None:
    (root / "articles").mkdir()
    (root / "articles" / name).write_text(HOSTILE, encoding="utf-8")
    (root / ".quotetrack.toml").write_text('articles = ["articles/*.md"]\nsources = ["sources/**"]\n', encoding="utf-8")
    (root / "sources").mkdir()
    (root / "sources" / "note.md").write_text("VERA LIND: We spent what we had.\n\nQ: And next year?\n", encoding="utf-8")


def test_github_output_cannot_be_injected(tmp_path):
    name = "evil,line=1::error::x%0A\n::warning::y.md"
    _hostile_repo(tmp_path, name)
    r = invoke(["--format", "github"], cwd=tmp_path)
    lines = r.stdout.rstrip("\n").split("\n")
    assert len(lines) == 2  # one command (QT003) and the summary: nothing else got a line of its own
    assert lines[0].startswith("::warning file=articles/evil%2Cline=1%3A%3Aerror%3A%3Ax%250A%0A%3A%3Awarning%3A%3Ay.md,line=7,col=2,")
    assert "\x1b" not in r.stdout
    assert not lines[1].startswith("::")
    (level, props, msg), = _github(r.stdout)
    assert props["file"] == "articles/" + name
    assert "Costs rose 50% in a year%0A::error file=x.md::injected" in msg
    # The raw message, once escaped, holds no command separator that GitHub would act on.
    assert "%" not in escape_data("%").replace("%25", "")


def test_escaping_functions():
    assert escape_data("50% done\r\n::error::x") == "50%25 done%0D%0A::error::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("\x1b[31mred\x1b[0m\x07") == "red"


def test_text_output_strips_control_characters_and_escape_sequences(tmp_path):
    _hostile_repo(tmp_path, "a.md")
    r = invoke([], cwd=tmp_path)
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "[31m" not in r.stdout
    assert r.stdout.count("\n") == 3  # the finding, a blank line, the summary
    assert "QT004" not in r.stdout  # Vera Lind is named


# --------------------------------------------------------------------------- suppression


def test_inline_suppression_covers_its_line_and_the_next():
    text = "a\n<!-- quotetrack: ignore QT003, unattributed-quote -->\nquote\nlater\nx <!-- quotetrack: ignore -->\n"
    sup = checks.suppressions(text)
    assert sup[2] == sup[3] == {"QT003", "QT004"}
    assert 4 not in sup or "QT003" not in sup[4]
    assert sup[5] == sup[6] == {checks.ALL}


def test_suppression_of_another_rule_does_not_silence(tmp_path):
    text = (NEWSROOM / NIGHT).read_text(encoding="utf-8").replace("ignore QT003", "ignore QT004")
    shutil.copytree(NEWSROOM, tmp_path / "n")
    (tmp_path / "n" / NIGHT).write_text(text, encoding="utf-8")
    doc = json.loads(invoke(["--format", "json"], cwd=tmp_path / "n").stdout)
    assert ("QT003", NIGHT, 21, 2) in [(f["rule"], f["path"], f["line"], f["column"]) for f in doc["findings"]]
    assert doc["suppressed"] == []


# --------------------------------------------------------------------------- sources


TRANSCRIPT_TEXT = """---
title: Harbour board
---

# Session one

[00:12:31] HARBOUR MASTER JONAS ELD: The dredging starts in May,

(laughter)

and it will take six weeks.

[00:13:02] **Anna Kovacs:** We have the money [inaudible] for the whole channel.
**Anna Kovacs**: Second turn.
00:14:10 Q: What about the ferry?
Date: 4 March
"""


def test_transcript_turns_speakers_and_offsets():
    assert looks_like_transcript(TRANSCRIPT_TEXT)
    f = read_source("t.md", TRANSCRIPT_TEXT, 1)
    assert f.kind == TRANSCRIPT
    got = [(s.speaker, s.line, " ".join(s.text.split())) for s in f.statements]
    assert got == [
        ("Harbour Master Jonas Eld", 7, "The dredging starts in May, and it will take six weeks."),
        ("Anna Kovacs", 13, "We have the money for the whole channel."),
        ("Anna Kovacs", 14, "Second turn."),
        ("Q", 15, "What about the ferry?"),
    ]
    first = f.statements[0]
    assert TRANSCRIPT_TEXT[first.start : first.start + 12] == "The dredging"
    assert first.column == TRANSCRIPT_TEXT.split("\n")[6].index("The dredging") + 1
    assert "laughter" not in first.text
    # Every token knows where it is in the file.
    for s in f.statements:
        for tok, (a, b) in zip(s.tokens, s.spans):
            assert comparison_tokens(TRANSCRIPT_TEXT[a:b]) == (tok,)


def test_speaker_labels():
    assert speaker_label("MAYOR FERRANT") == "Mayor Ferrant"
    assert speaker_label("DE LA CRUZ") == "De la Cruz"
    assert speaker_label("MCDONALD-SMITH") == "McDonald-Smith"
    assert speaker_label("Note to editors") is None
    assert speaker_label("Date") is None
    assert speaker_label("Kessing, 4 March 2025") is None


def test_press_release_is_read_for_its_quotes():
    text = (NEWSROOM / "sources/press/2025-03-03-council-release.md").read_text(encoding="utf-8")
    assert not looks_like_transcript(text)
    f = read_source("release.md", text, 2)
    assert f.kind == ARTICLE_LIKE
    assert [(s.speaker, s.text.split()[0]) for s in f.statements] == [
        ("Odile Ferrant", "Our"), ("Odile Ferrant", "The"), ("Ruben Achterberg", "The"),
    ]


def test_front_matter_type_decides():
    body = "MAYOR: one.\n\nMAYOR: two.\n\nMAYOR: three.\n"
    assert looks_like_transcript(body)
    assert not looks_like_transcript("---\ntype: release\n---\n" + body)
    assert looks_like_transcript("---\ntype: transcript\n---\nA long note with a single turn.\n\nMAYOR: one.\n")


def test_token_spans_fall_back_when_words_fold_together():
    toks, spans = token_spans("the United States and us")
    assert toks == comparison_tokens("the United States and us") and spans == ()
    toks, spans = token_spans("don't stop", 10)
    assert toks == ("do", "not", "stop") and spans == ((10, 15), (10, 15), (16, 20))


# --------------------------------------------------------------------------- matching


def _statement(text: str, speaker: str = "Ada Brook", sid: str = "s1:t1") -> SourceStatement:
    toks, spans = token_spans(text)
    return SourceStatement(sid, "src.md", speaker, text, 0, len(text), 1, 1, TRANSCRIPT, toks, spans)


SOURCE = ("Thank you all for coming. We will reopen the swimming pool on Mill Lane before the end of June, "
          "and the council will pay for the new roof out of its own reserve.")


def _verdict(quote: str, *statements: SourceStatement, speaker=None):
    index = verify.SourceIndex(list(statements) or [_statement(SOURCE)])
    return verify.verify(comparison_tokens(quote), quote, index, speaker)


def test_exact_excerpt_elision_and_insertion():
    assert _verdict("We will reopen the swimming pool on Mill Lane").exact
    assert _verdict("We will reopen the swimming pool … before the end of June").exact
    assert _verdict("We will reopen the swimming pool [in Kessing] before the end of June").exact
    # Case, punctuation and quotation marks are not changes.
    assert _verdict("we will REOPEN the swimming-pool on Mill Lane").exact


def test_altered_words_are_a_misquote_with_the_matched_stretch():
    v = _verdict("We will reopen the swimming pool on Mill Lane before the end of July")
    assert not v.exact and v.altered
    m = v.altered[0]
    assert m.statement.tokens[m.lo : m.hi][:3] == ("we", "will", "reopen")
    assert m.statement.tokens[m.hi - 1] == "june"


def test_a_short_statement_inside_a_long_quote_is_not_its_source():
    q = "We have written fifteen letters about the skate park on Salt Lane and got the same answer every time"
    v = _verdict(q, _statement("What about the swimming pool on Salt Lane?"))
    assert not v.exact and not v.altered


def test_unrelated_words_match_nothing():
    v = _verdict("The harbour ferry will not run on Sundays this winter")
    assert not v.exact and not v.altered


def test_misattribution_needs_a_different_speaker():
    a = _statement(SOURCE, "Ada Brook", "s1:t1")
    assert _verdict("We will reopen the swimming pool on Mill Lane", a, speaker="Ada Brook").exact
    assert identity("Ada Brook", "Brook").kind == SAME
    assert identity("Mayor Ada Brook", "Ada Brook").kind == SAME
    assert identity(None, "Ada Brook").kind == SAME
    assert identity("Ada Brook", "Tom Quill").kind == DIFFERENT


def test_the_index_compares_a_quote_with_candidates_only():
    statements = [_statement(f"Item {i}: the {w} bridge on route {i} will close for repairs in spring", sid=f"s1:t{i}")
                  for i, w in enumerate(["red", "old", "iron", "stone", "rail"] * 60)]
    statements.append(_statement(SOURCE, sid="s2:t1"))
    index = verify.SourceIndex(statements)
    cands = index.candidates(comparison_tokens("We will reopen the swimming pool on Mill Lane"))
    assert cands == [len(statements) - 1]
    assert len(index.candidates(comparison_tokens("the iron bridge on route 7 will close"))) <= verify.CANDIDATES


# --------------------------------------------------------------------------- configuration


def test_globs():
    from quotetrack.pathmatch import matches as m

    assert m("articles/*.md", "articles/a.md") and not m("articles/*.md", "articles/x/a.md")
    assert m("articles/**/*.md", "articles/a.md") and m("articles/**/*.md", "articles/x/y/a.md")
    assert m("sources", "sources/t/a.md") and not m("sources", "sourcesx/a.md")
    assert m("**/*.txt", "a/b.txt") and m("**/*.txt", "b.txt")
    assert m("a/[!x]*.md", "a/b.md") and not m("a/[!x]*.md", "a/xb.md")


def test_configuration_file_is_found_upwards_and_dot_file_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.quotetrack]\narticles = ["p/*.md"]\n', encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    assert qconfig.find(str(tmp_path / "deep" / "er")) == str(tmp_path / "pyproject.toml")
    (tmp_path / ".quotetrack.toml").write_text('articles = ["q/*.md"]\n', encoding="utf-8")
    assert qconfig.find(str(tmp_path / "deep")) == str(tmp_path / ".quotetrack.toml")
    c = qconfig.discover(cwd=str(tmp_path / "deep"))
    assert c.articles == ("q/*.md",) and c.root == str(tmp_path)
    # A pyproject.toml without the table is not a quotetrack configuration.
    (tmp_path / "deep" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert qconfig.find(str(tmp_path / "deep")) == str(tmp_path / ".quotetrack.toml")


def test_pre_commit_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: quotetrack-check\n" in text
    assert "  entry: quotetrack check\n" in text
    assert "  language: python\n" in text
    assert "  types_or: [markdown, text]\n" in text


def test_file_names_that_are_not_utf8_print_in_every_format(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / ".quotetrack.toml").write_text('articles = ["articles/*.md"]\nsources = ["sources/**"]\n', encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path / "sources"), b"caf\xe9.md"), "wb") as fh:
        fh.write(b"IDA MORN: The ferry will run every hour from the first of May.\n\nQ: Thanks.\n")
    with open(os.path.join(os.fsencode(tmp_path / "articles"), b"r\xe9sum\xe9.md"), "wb") as fh:
        fh.write('"The ferry will run every day from the first of May," said Ida Morn.\n'.encode())
    for fmt in ("text", "json", "github", "sarif"):
        r = invoke(["--format", fmt], cwd=tmp_path)
        assert r.exit_code == 1, (fmt, r.output)
        article = "r%EF%BF%BDsum%EF%BF%BD.md" if fmt == "sarif" else "r\ufffdsum\ufffd.md"  # SARIF: a URI
        assert "caf\ufffd.md" in r.stdout and article in r.stdout
        assert "[-hour-] {+day+}" in r.stdout


# --------------------------------------------------------------------------- speaker identity (QT002 and QT007)

SAID = "The breakwater repairs will finish before the autumn storms arrive in the bay"
OTHER_SAID = "Nobody on the quay was told that the night ferry would stop calling here"


def _identity_repo(root: Path, label: str, article_speaker: str, extra_turn: str = "") -> None:
    (root / "articles").mkdir()
    (root / "sources").mkdir()
    (root / ".quotetrack.toml").write_text('articles = ["articles/*.md"]\nsources = ["sources/**"]\n', encoding="utf-8")
    (root / "sources" / "harbour-meeting.md").write_text(
        f"---\ntype: transcript\ntitle: Harbour meeting\n---\n\n{label}: {SAID}.\n\n"
        f"Q: And the ferry?\n\n{extra_turn}",
        encoding="utf-8",
    )
    (root / "articles" / "breakwater.md").write_text(
        f"---\ntitle: Breakwater\ndate: 2025-04-02\n---\n\nThe harbour committee met on Tuesday evening.\n\n"
        f"\"{SAID},\" said {article_speaker}.\n",
        encoding="utf-8",
    )


def _rules(r) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in json.loads(r.stdout)["findings"]]


IDENTITY_TITLES = ["HARBOUR MASTER", "DEPUTY MAYOR", "Chief Fire Officer", "STATION SUPERINTENDENT", "Professor",
                   "Rev.", "Dr.", "Lt. Gov.", "FERRY CAPTAIN", "Parish Warden"]
IDENTITY_PEOPLE = [("Hestia", "Quennell"), ("Tobiah", "Vantongeren"), ("Ottoline", "Featherstonhaugh")]


@pytest.mark.parametrize("title", IDENTITY_TITLES)
@pytest.mark.parametrize("first, last", IDENTITY_PEOPLE)
@pytest.mark.parametrize("form", ["full", "surname"])
def test_a_title_in_the_transcript_label_is_no_misattribution(tmp_path, title, first, last, form):
    name = f"{first} {last}"
    label = f"{title} {name.upper()}" if title.isupper() else f"{title} {name}"
    _identity_repo(tmp_path, label, name if form == "full" else last)
    r = invoke(["--format", "json"], cwd=tmp_path)
    assert _rules(r) == [], r.stdout
    assert r.exit_code == 0


@pytest.mark.parametrize("title", IDENTITY_TITLES)
def test_words_given_to_a_different_person_are_a_misattribution(tmp_path, title):
    _identity_repo(tmp_path, f"{title} Hestia Quennell", "Casimir Pellinore")
    r = invoke(["--format", "json"], cwd=tmp_path)
    assert _rules(r) == [("QT002", "error")]
    assert "Casimir Pellinore" in r.stdout and "Hestia Quennell" in r.stdout
    assert r.exit_code == 1


@pytest.mark.parametrize(
    "label, article_speaker, extra_turn, why",
    [
        ("THE HARBOUR MASTER", "Hestia Quennell", "", "names a role"),
        # Two Quennells in the run: a surname alone may be either.
        ("HESTIA QUENNELL", "Quennell", f"BRENNAGH QUENNELL: {OTHER_SAID}.\n", "2 people called Quennell"),
        ("WYSTAN HALDORSEN", "Wilbur Haldorsen", "", "share an initial"),
    ],
)
def test_an_uncertain_speaker_is_a_warning_that_says_why(tmp_path, label, article_speaker, extra_turn, why):
    _identity_repo(tmp_path, label, article_speaker, extra_turn)
    r = invoke(["--format", "json"], cwd=tmp_path)
    doc = json.loads(r.stdout)
    assert _rules(r) == [("QT007", "warning")]
    (f,) = doc["findings"]
    assert f["name"] == "uncertain-attribution" and why in f["message"] and "aliases" in f["message"]
    assert r.exit_code == 0
    assert invoke(["--strict"], cwd=tmp_path).exit_code == 1
    # An aliases entry settles it.
    (tmp_path / ".quotetrack.toml").write_text(
        f'articles = ["articles/*.md"]\nsources = ["sources/**"]\n\n[aliases]\n"{label}" = "{article_speaker}"\n',
        encoding="utf-8",
    )
    r = invoke(["--format", "json", "--strict"], cwd=tmp_path)
    assert _rules(r) == [] and r.exit_code == 0


def test_the_uncertain_rule_is_listed_in_sarif_and_github(tmp_path):
    _identity_repo(tmp_path, "THE HARBOUR MASTER", "Hestia Quennell")
    doc = json.loads(invoke(["--format", "sarif"], cwd=tmp_path).stdout)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert "QT007" in [x["id"] for x in rules]
    (res,) = doc["runs"][0]["results"]
    assert res["ruleId"] == "QT007" and res["level"] == "warning" and rules[res["ruleIndex"]]["id"] == "QT007"
    (level, props, msg), = _github(invoke(["--format", "github"], cwd=tmp_path).stdout)
    assert level == "warning" and props["title"] == "QT007 uncertain-attribution"
    assert qrules.rule_id("uncertain-attribution") == "QT007"
