"""`quotetrack check` reads articles as `scan` does (saved web pages, JSON Lines, standard input),
and its rules come from one registry (`--list-rules`, SARIF, configuration)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import check as checks
from quotetrack import config as qconfig
from quotetrack import rules as qrules
from quotetrack.cli import app

runner = CliRunner()

# Invented people and sentences; each test runs over several so that none passes by lookup.
PEOPLE = [
    ("Talvi Oresund", "Brannock Quay", "the tide gauges on the north pier will be replaced before the autumn storms"),
    ("Iwo Castellane", "Merriford", "every school bus in the valley will run on the winter timetable from next week"),
    ("Dagny Whitlow", "Corran Sound", "the old ferry slipway stays closed until the engineers have finished their survey"),
]
ALTERED = {
    "the tide gauges on the north pier will be replaced before the autumn storms":
        "the tide gauges on the north pier will be repaired before the autumn storms",
    "every school bus in the valley will run on the winter timetable from next week":
        "every school bus in the valley will run on the summer timetable from next week",
    "the old ferry slipway stays closed until the engineers have finished their survey":
        "the old ferry slipway stays open until the engineers have finished their survey",
}


def _repo(root: Path, name: str, said: str) -> None:
    (root / "sources").mkdir()
    (root / "articles").mkdir()
    (root / ".quotetrack.toml").write_text('articles = ["articles/**"]\nsources = ["sources/**"]\n', encoding="utf-8")
    (root / "sources" / "briefing.md").write_text(
        f"---\ntype: transcript\n---\n\n{name.upper()}: Good morning. {said[0].upper()}{said[1:]}.\n\nQ: Thank you.\n",
        encoding="utf-8",
    )


def _page(name: str, place: str, words: str) -> str:
    body = (
        f"<p>The council of {place} met on Tuesday to hear how the works would go ahead this year.</p>"
        f"<p>“{words[0].upper()}{words[1:]},” {name} said at the meeting.</p>"
        f"<p>Residents asked questions for an hour afterwards, and the council promised a written answer.</p>"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Works in " + place + "</title>"
        "<meta property='og:site_name' content='The Harbour Lantern'></head>"
        f"<body><article><h1>Works in {place}</h1>{body}</article></body></html>"
    )


def _run(root: Path, *args: str, stdin: str | None = None):
    old = os.getcwd()
    os.chdir(root)
    try:
        return runner.invoke(app, ["check", *args, "--format", "json"], input=stdin)
    finally:
        os.chdir(old)


def _rules_at(result) -> list[tuple[str, str]]:
    doc = json.loads(result.stdout)
    return sorted((f["rule"], f["path"]) for f in doc["findings"])


@pytest.mark.parametrize("name, place, said", PEOPLE)
def test_check_reads_a_saved_web_page(tmp_path, name, place, said):
    _repo(tmp_path, name, said)
    (tmp_path / "articles" / "works.html").write_text(_page(name, place, ALTERED[said]), encoding="utf-8")
    (tmp_path / "articles" / "works-right.html").write_text(_page(name, place, said), encoding="utf-8")
    result = _run(tmp_path)
    assert result.exit_code == 1, result.output
    assert _rules_at(result) == [("QT001", "articles/works.html")]


@pytest.mark.parametrize("name, place, said", PEOPLE)
def test_check_reads_a_json_lines_dump(tmp_path, name, place, said):
    _repo(tmp_path, name, said)
    other = PEOPLE[(PEOPLE.index((name, place, said)) + 1) % len(PEOPLE)]
    records = [
        {"outlet": "The Harbour Lantern", "text": f"The council of {place} met on Tuesday.\n\n“{ALTERED[said].capitalize()},” {name} said."},
        {"outlet": "The Harbour Lantern", "text": f"The council of {place} met again.\n\n“{said.capitalize()},” {name} said."},
        "not a record",
        # The words of the source given to someone else: a misattribution.
        {"outlet": "Corran Post", "text": f"A second meeting was held.\n\n“{said.capitalize()},” {other[0]} said."},
    ]
    lines = [json.dumps(r) if isinstance(r, dict) else r for r in records]
    (tmp_path / "articles" / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run(tmp_path)
    assert result.exit_code == 1, result.output
    # Each record is its own article (dump.jsonl:N); the bad line is reported, the others checked.
    assert _rules_at(result) == [
        ("QT000", "articles/dump.jsonl:3"),
        ("QT001", "articles/dump.jsonl:1"),
        ("QT002", "articles/dump.jsonl:4"),
    ]


@pytest.mark.parametrize("name, place, said", PEOPLE[:2])
def test_check_reads_standard_input(tmp_path, name, place, said):
    _repo(tmp_path, name, said)
    text = f"The council of {place} met on Tuesday.\n\n“{ALTERED[said].capitalize()},” {name} said.\n"
    result = _run(tmp_path, "-", stdin=text)
    assert result.exit_code == 1, result.output
    assert _rules_at(result) == [("QT001", "<stdin>")]


def test_check_takes_web_pages_and_dumps_from_a_folder_named_on_the_command_line(tmp_path):
    name, place, said = PEOPLE[0]
    _repo(tmp_path, name, said)
    (tmp_path / "articles" / "a.html").write_text(_page(name, place, ALTERED[said]), encoding="utf-8")
    (tmp_path / "articles" / "b.jsonl").write_text(json.dumps({"text": f"“{ALTERED[said].capitalize()},” {name} said."}) + "\n", encoding="utf-8")
    monkeypatch_cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        files = qconfig.discover(cwd=str(tmp_path)).files_from_args(["articles"])
        result = runner.invoke(app, ["check", "articles", "--format", "json"])
    finally:
        os.chdir(monkeypatch_cwd)
    assert files == ["articles/a.html", "articles/b.jsonl"]
    assert _rules_at(result) == [("QT001", "articles/a.html"), ("QT001", "articles/b.jsonl:1")]


# --------------------------------------------------------------------------- the registry


def test_every_rule_is_one_registered_function_with_its_documentation():
    assert list(qrules.RULES) == sorted(qrules.RULES)
    for r in qrules.RULES.values():
        assert r.id.startswith("QT") and r.name == r.name.lower() and " " not in r.name
        assert r.severity in ("error", "warning") and r.summary.endswith(".") and len(r.help) > len(r.summary) / 2
        assert callable(r.check) and r.scope in tuple(qrules.Scope)
        assert qrules.rule_id(r.name) == r.id and qrules.rule_id(r.id.lower()) == r.id


def test_a_rule_registered_twice_is_an_error():
    with pytest.raises(ValueError, match="twice"):
        qrules.rule("QT001", "another-name", qrules.WARNING, "x.", qrules.Scope.QUOTE)(lambda c: iter(()))


def test_list_rules_prints_the_registry(tmp_path):
    text = runner.invoke(app, ["check", "--list-rules"])
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "default", "finds"]
    assert [ln.split()[0] for ln in lines[1:]] == list(qrules.RULES)
    for ln, r in zip(lines[1:], qrules.RULES.values()):
        assert ln.split()[1:3] == [r.name, r.severity] and ln.endswith(r.summary)
    doc = json.loads(runner.invoke(app, ["check", "--list-rules", "--format", "json"]).stdout)
    assert [d["id"] for d in doc] == list(qrules.RULES) and all(d["help"] for d in doc)


def test_a_rule_turned_off_does_not_report(tmp_path):
    name, place, said = PEOPLE[1]
    _repo(tmp_path, name, said)
    (tmp_path / "articles" / "a.html").write_text(_page(name, place, ALTERED[said]), encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        conf = qconfig.discover(cwd=str(tmp_path))
        on = checks.run(conf)
        off = checks.run(conf.with_rules(ignore=["misquote"]))
    finally:
        os.chdir(old)
    assert [f.rule for f in on.findings] == ["QT001"]
    assert [f.rule for f in off.findings] == []
