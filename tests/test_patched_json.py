"""``scan -f json --cache`` writes the JSON document kept by the last such scan, patched where inputs
changed (``patched_json``), or makes the scan in full: either way the bytes of a plain scan. Every
kind of change is tried, with one and two processes; the patched document is taken only where no
statement can change, and damaged, stale or concurrently rewritten rows fall back to a full scan."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Callable

import pytest
from support import aged_copy, generated_corpus
from typer.testing import CliRunner

from quotetrack import cache as cachemod
from quotetrack import parallel, patched_json
from quotetrack.api import scan
from quotetrack.cli import app
from quotetrack.models import ScanResult
from quotetrack.regroup import input_signature
from quotetrack.render import render_json

runner = CliRunner()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generated_corpus(tmp_path_factory.mktemp("corpus"), n=40, seed=31)


def _plain(path: Path, *extra: str) -> str:
    r = runner.invoke(app, ["scan", str(path), "-f", "json", "--jobs", "1", *extra])
    assert r.exit_code == 0, r.output
    return r.stdout


class _Runs:
    """Counts the scans with the cache made in full (``parallel.scan``) while patching is tried."""

    def __init__(self, monkeypatch):
        self.full = 0
        real = parallel.scan

        def counted(*args, **kwargs):
            self.full += kwargs.get("cache") is not None
            return real(*args, **kwargs)

        monkeypatch.setattr(parallel, "scan", counted)

    def cached(self, path: Path, db: Path, jobs: int = 1, *extra: str):
        r = runner.invoke(app, ["scan", str(path), "-f", "json", "--jobs", str(jobs), "--cache", str(db), *extra])
        assert r.exit_code == 0, r.output
        return r


def _result(files: list[Path]) -> ScanResult:
    return scan([str(f) for f in files])


def _cue_word(files: list[Path], picks: list[int]) -> None:
    for n in picks:
        files[n].write_text(files[n].read_text().replace(" said", " told reporters", 1))


def _word_in_quote(files: list[Path], picks: list[int]) -> None:
    for n in picks:
        text = files[n].read_text()
        at = text.find(" the ", text.find("“"))
        files[n].write_text(text[:at] + " this " + text[at + 5:])


def _speaker_name(files: list[Path], picks: list[int]) -> None:
    """A speaker named anew: the mention of the first attributed quote's speaker, everywhere in the file."""
    for n, new in zip(picks, ["Orlagh Pendrakeny", "Taavi Moorcrest", "Benedikte Sallowmere"]):
        mention = next(q.speaker_mention for q in _result([files[n]]).quotes if q.speaker_mention and " " in q.speaker_mention)
        files[n].write_text(files[n].read_text().replace(mention, new))


def _date(files: list[Path], picks: list[int]) -> None:
    """An article dated years earlier: it becomes the first carrier of its statements."""
    for n in picks:
        lines = files[n].read_text().split("\n")
        lines[2] = "January 2, 2019"
        files[n].write_text("\n".join(lines))


def _merge(files: list[Path], picks: list[int]) -> None:
    """A quote of one article copied, with its speaker, into an article of another outlet: it joins that statement."""
    result = _result(files)
    by_id = {a.id: a for a in result.articles}
    for n in picks:
        q = next(q for q in result.quotes if q.speaker and q.direct and len(q.words.split()) > 8
                 and by_id[q.article_id].outlet != by_id[result.articles[n].id].outlet)
        files[n].write_text(files[n].read_text() + f"\n\n“{q.words},” said {q.speaker}.\n")


def _split(files: list[Path], picks: list[int]) -> None:
    """A word changed inside a quote that is one of several members of a statement."""
    result = _result(files)
    paths = {a.id: a.path for a in result.articles}
    quotes = {q.id: q for q in result.quotes}
    shared = [s for s in result.statements if len(s.members) > 1]
    for st in shared[:len(picks)]:
        q = quotes[st.members[-1].quote_id]
        f = Path(paths[q.article_id])
        text = f.read_text()
        words = q.text.split()
        mid = len(words) // 2
        words[mid] = "Quillbrook" if words[mid] != "Quillbrook" else "Farrowdene"
        f.write_text(text.replace(q.text, " ".join(words), 1))


def _removal(files: list[Path], picks: list[int]) -> None:
    for n in picks:
        files[n].unlink()


def _rename(files: list[Path], picks: list[int]) -> None:
    for n in picks:
        files[n].rename(files[n].with_name("renamed-" + files[n].name))


def _addition(files: list[Path], picks: list[int]) -> None:
    for n in picks:
        (files[0].parent / f"added-{n}.txt").write_text(
            f"“The harbour wall will be rebuilt before the autumn tides, stone by stone,” said Marit Olvenstad.\n\n{n}\n")


CHANGES: dict[str, Callable[[list[Path], list[int]], None]] = {
    "cue word": _cue_word, "word in a quote": _word_in_quote, "speaker's name": _speaker_name, "date": _date,
    "merge": _merge, "split": _split, "removal": _removal, "rename": _rename, "addition": _addition,
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("picks", [[3], [2, 17, 31]])
@pytest.mark.parametrize("change", list(CHANGES))
def test_a_rescan_after_any_change_writes_a_plain_scans_json(tmp_path, generated, monkeypatch, change, picks, jobs):
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    assert runs.cached(d, db, jobs).stdout == _plain(d)
    assert runs.full == 1
    CHANGES[change](files, picks)
    expected = _plain(d)
    assert runs.cached(d, db, jobs).stdout == expected
    patched = runs.full == 1
    # Only an edit that changes nothing the statements read is patched (``regroup.input_signature``).
    assert patched == (change == "cue word")
    assert runs.cached(d, db, jobs).stdout == expected  # nothing changed since: the kept document
    assert runs.full == (1 if patched else 2)


def test_the_patched_document_is_taken_only_when_the_changed_inputs_signatures_are_the_kept_ones(tmp_path, generated):
    """A cue word moves the quotes after it and changes their cue, not their signature; a word in
    a quote changes it."""
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    loader_files = [files[5]]
    before = _result(loader_files)
    found = [(a, [q for q in before.quotes if q.article_id == a.id]) for a in before.articles]
    _cue_word(files, [5])
    after = _result(loader_files)
    assert [q.start for q in after.quotes] != [q.start for q in before.quotes]
    moved = [(a, [q for q in after.quotes if q.article_id == a.id]) for a in after.articles]
    assert input_signature(moved, []) == input_signature(found, [])
    q = next(q for q in after.quotes if q.direct and len(q.text.split()) > 5)
    words = q.text.split()
    words[2] = "Quillbrook"
    files[5].write_text(files[5].read_text().replace(q.text, " ".join(words), 1))
    worded = _result(loader_files)
    changed = [(a, [q for q in worded.quotes if q.article_id == a.id]) for a in worded.articles]
    assert input_signature(changed, []) != input_signature(found, [])


def _output_rows(db: Path) -> dict[int, str]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT n, value FROM output").fetchall())


@pytest.mark.parametrize("hurt", [-1, -2, 0, 5, "missing"])
def test_a_damaged_or_missing_kept_row_falls_back_to_a_full_scan(tmp_path, generated, monkeypatch, hurt):
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    runs.cached(d, db)
    with sqlite3.connect(db) as con:
        if hurt == "missing":
            con.execute("DELETE FROM output WHERE n = 7")
        else:
            v = con.execute("SELECT value FROM output WHERE n = ?", (hurt,)).fetchone()[0]
            con.execute("UPDATE output SET value = ? WHERE n = ?", (v[:-2] + (b"x" if v[-2:-1] != b"x" else b"y") + v[-1:], hurt))
    _cue_word(files, [9])
    r = runs.cached(d, db)
    assert r.stdout == _plain(d)
    assert runs.full == 2
    assert ("damaged" in r.stderr) == (hurt != "missing")
    again = runs.cached(d, db)  # kept whole again by the full scan
    assert again.stdout == _plain(d) and runs.full == 2 and "damaged" not in again.stderr


def test_options_and_code_key_the_kept_document(tmp_path, generated, monkeypatch):
    """Another --max-bytes, or other code (the cache's fingerprint), and the kept document is not used."""
    d = tmp_path / "c"
    aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    runs.cached(d, db)
    small = str(3000)
    assert runs.cached(d, db, 1, "--max-bytes", small).stdout == _plain(d, "--max-bytes", small)
    assert runs.full == 2
    monkeypatch.setattr(cachemod, "fingerprint", lambda: "other code")
    assert runs.cached(d, db).stdout == _plain(d)
    assert runs.full == 3


def test_a_run_that_keeps_its_document_meanwhile_makes_this_one_full_and_the_kept_rows_stay_whole(
        tmp_path, generated, monkeypatch):
    """Another scan of the same inputs keeps its document between this one's reading the kept head
    and reading its rows: this one is made in full, and what is kept is one run's document."""
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    runs.cached(d, db)
    _cue_word(files, [4])
    real = patched_json.changes
    other: list[str] = []

    def meanwhile(*args, **kwargs):
        got = real(*args, **kwargs)
        if not other:
            with sqlite3.connect(db) as con:  # another run keeps its document (whole)
                con.execute("DELETE FROM output")
            other.append(runs.cached(d, db).stdout)
        return got

    monkeypatch.setattr(patched_json, "changes", meanwhile)
    r = runs.cached(d, db)
    assert r.stdout == other[0] == _plain(d)
    assert runs.full == 3  # the other run, and this one in full
    monkeypatch.setattr(patched_json, "changes", real)
    assert runs.cached(d, db).stdout == _plain(d) and runs.full == 3


def test_put_output_writes_every_row_when_another_run_wrote_since_the_head_read(tmp_path):
    def row(pieces: list[str]) -> bytes:
        return cachemod.stored(*cachemod.row(pieces))

    with cachemod.Cache(tmp_path / "c.db") as c:
        assert c.put_output("doc", None, lambda whole: {-1: row(["g1", "head"]), 0: row(["a"]), 1: row(["b"]), 2: row(["c"])})
        head = c.row_pieces(c.output_rows("doc", head=True)[-1])
        assert head == [b"g1", b"head"]
        # another run: two inputs now
        assert c.put_output("doc", "g1", lambda whole: {-1: row(["g2", "head"]), 0: row(["x"]), 1: row(["y"])})
        asked = []
        # this run read g1: every row is asked for, and rows past them go
        assert c.put_output("doc", "g1", lambda whole: asked.append(whole) or {-1: row(["g3", "h"]), 0: row(["p"])})
        assert asked == [True]
        assert {n: c.row_pieces(v) for n, v in c.output_rows("doc").items()} == {-1: [b"g3", b"h"], 0: [b"p"]}
        # the head read is still the one kept: only the rows given are written
        assert c.put_output("doc", "g3", lambda whole: asked.append(whole) or {-1: row(["g4", "h"]), 1: row(["q"])})
        assert asked == [True, False]
        assert {n: c.row_pieces(v) for n, v in c.output_rows("doc").items()} == {-1: [b"g4", b"h"], 0: [b"p"], 1: [b"q"]}
        # nothing written when the rows say so
        assert not c.put_output("doc", "g0", lambda whole: None)
        assert {n: c.row_pieces(v) for n, v in c.output_rows("doc").items()} == {-1: [b"g4", b"h"], 0: [b"p"], 1: [b"q"]}


def test_write_gives_render_jsons_bytes_and_a_terminal_the_indented_document(tmp_path, generated):
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        result = parallel.scan([str(generated)], jobs=1, cache=c)
        kept = parallel.KeptParts(db, c.origins or [], inputs=c.inputs)
    plain = io.StringIO()
    render_json(result, plain)
    out = io.StringIO()
    patched_json.write(result, out, kept)
    assert out.getvalue() == plain.getvalue()
    assert _output_rows(db)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    patched_json.write(result, tty, kept)
    assert json.loads(tty.getvalue()) == json.loads(plain.getvalue()) and "\n  " in tty.getvalue()


def test_jsonl_output_and_standard_input_are_made_in_full(tmp_path, generated, monkeypatch):
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    runs.cached(d, db)
    _cue_word(files, [6])
    plain = runner.invoke(app, ["scan", str(d), "-f", "jsonl", "--jobs", "1"]).stdout
    r = runner.invoke(app, ["scan", str(d), "-f", "jsonl", "--jobs", "1", "--cache", str(db)])
    assert r.exit_code == 0 and r.stdout == plain and runs.full == 2
    text = "“The ferry timetable will change on the first of the month,” said Ilse Varnholt.\n"
    args = ["scan", "-", str(d), "-f", "json", "--jobs", "1"]
    expected = runner.invoke(app, args, input=text).stdout
    assert runner.invoke(app, [*args, "--cache", str(db)], input=text).stdout == expected
    assert runner.invoke(app, [*args, "--cache", str(db)], input=text).stdout == expected
    assert runs.full == 4


@pytest.mark.parametrize("change", ["split", "speaker's name"])
def test_a_scan_made_in_full_after_a_patch_was_tried_looks_its_inputs_up_once(tmp_path, generated, monkeypatch, change):
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    runs = _Runs(monkeypatch)
    runs.cached(d, db)
    CHANGES[change](files, [8])
    looked: list[int] = []
    real = parallel._seen_keys
    monkeypatch.setattr(parallel, "_seen_keys", lambda *a, **k: looked.append(1) or real(*a, **k))
    assert runs.cached(d, db).stdout == _plain(d)
    assert runs.full == 2 and len(looked) == 1
