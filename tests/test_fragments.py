"""The JSON output's quote parts kept in the cache (``render.quote_parts``, ``parallel.KeptParts``):
a scan with the cache writes the same JSON as a plain scan, whether the parts are read back, made
afresh, missing, damaged or left over from inputs that changed."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from support import aged_copy, generated_corpus
from typer.testing import CliRunner

from quotetrack import cache as cachemod
from quotetrack import parallel
from quotetrack.api import scan
from quotetrack.cli import app
from quotetrack.models import Quote
from quotetrack.render import quote_dict, quote_json, quote_parts, render_json

runner = CliRunner()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generated_corpus(tmp_path_factory.mktemp("corpus"), n=30, seed=23)


def _plain(path: Path) -> str:
    r = runner.invoke(app, ["scan", str(path), "-f", "json", "--jobs", "1"])
    assert r.exit_code == 0, r.output
    return r.stdout


def _cached(path: Path, db: Path, jobs: int = 1):
    r = runner.invoke(app, ["scan", str(path), "-f", "json", "--jobs", str(jobs), "--cache", str(db)])
    assert r.exit_code == 0, r.output
    return r


def _rows(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT key, value FROM fragments").fetchall())


def _full(db: Path) -> None:
    """Forget the JSON document the last scan kept (``patched_json``): the next scan is made in
    full, and writes its quotes from their parts."""
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM output")


def _reads(monkeypatch) -> list[str]:
    asked: list[str] = []
    real = cachemod.Cache.fragments_many
    monkeypatch.setattr(cachemod.Cache, "fragments_many", lambda self, ks: asked.extend(ks) or real(self, ks))
    return asked


@pytest.mark.parametrize("jobs", [1, 2])
def test_rescans_after_edits_removals_additions_and_renames_write_a_plain_scans_json(tmp_path, generated, jobs,
                                                                                      monkeypatch):
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    assert _cached(d, db, jobs).stdout == _plain(d)
    kept = _rows(db)
    with sqlite3.connect(db) as con:
        entries = {k for (k,) in con.execute("SELECT key FROM entries")}
    assert kept and set(kept) <= entries  # an input's parts under its entry's key
    asked = _reads(monkeypatch)
    _full(db)
    assert _cached(d, db, jobs).stdout == _plain(d)
    assert set(asked) == set(kept) and _rows(db) == kept  # all read back, none written again
    # A cue word changed (the quotes after it move), a word in a quote, a file removed, one
    # added, one renamed.
    files[2].write_text(files[2].read_text().replace(" said", " told reporters", 1))
    text = files[7].read_text()
    at = text.find(" the ", text.find("“"))
    files[7].write_text(text[:at] + " this " + text[at + 5:])
    files[11].unlink()
    files[13].rename(files[13].with_name("renamed-" + files[13].name))
    (d / "extra.txt").write_text("“The lighthouse keeps its lamp lit through the winter storms,” said Ilse Varnholt.\n")
    assert _cached(d, db, jobs).stdout == _plain(d)
    assert _cached(d, db, jobs).stdout == _plain(d)
    now = _rows(db)
    with sqlite3.connect(db) as con:
        entries = {k for (k,) in con.execute("SELECT key FROM entries")}
    assert set(now) <= entries
    assert len(set(kept) - set(now)) == 2  # the parts of the two edited inputs' former entries went with them


def test_a_damaged_part_row_is_made_again_with_a_warning(tmp_path, generated):
    d = tmp_path / "c"
    aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    expected = _cached(d, db).stdout
    kept = _rows(db)
    hurt = sorted(kept)[:3]
    with sqlite3.connect(db) as con:
        for n, k in enumerate(hurt):
            v = kept[k]
            # one character changed (the same length), pieces dropped, pieces added
            v = [v[:-2] + ("x" if v[-2] != "x" else "y") + v[-1], v[: v.rindex("\0")], v + "\0extra\0more"][n]
            con.execute("UPDATE fragments SET value = ? WHERE key = ?", (v, k))
    _full(db)
    r = _cached(d, db)
    assert r.stdout == expected == _plain(d)
    assert "damaged" in r.stderr
    assert _rows(db) == kept  # made and kept again
    _full(db)
    again = _cached(d, db)
    assert again.stdout == expected and "damaged" not in again.stderr


def test_parts_are_not_kept_without_their_entry_nor_when_sqlite_cannot_hold_them(tmp_path):
    with cachemod.Cache(tmp_path / "c.db") as c:
        c.put("k1", "a.txt", "{}")
        c.flush()
        c.put_fragments([("k1", ['"text": "a", ', ', "x": ']), ("k2", ["b", "c"]), ("k1x", ["\udc80", "d"])])
        assert c.fragments("k1") == ['"text": "a", ', ', "x": ']
        assert c.fragments("k2") is None and c.fragments("k1x") is None
        c.put("k1x", "b.txt", "{}")
        c.flush()
        c.put_fragments([("k1x", ["\udc80", "d"])])  # a lone surrogate: SQLite's text cannot hold it
        assert c.fragments("k1x") is None and c.damaged == 0


def test_a_damaged_entry_is_analysed_again_with_a_warning(tmp_path, generated):
    d = tmp_path / "c"
    aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    expected = _cached(d, db).stdout
    with sqlite3.connect(db) as con:
        hurt = con.execute("UPDATE entries SET value = '{\"articles\": 3}' WHERE rowid IN "
                           "(SELECT rowid FROM entries WHERE label != ? LIMIT 2)", ("x",)).rowcount
    assert hurt == 2
    # The kept JSON document is written without reading unchanged inputs' entries: the same output.
    assert _cached(d, db).stdout == expected
    _full(db)
    r = _cached(d, db)
    assert r.stdout == expected and r.stderr.count("was damaged; analysed again") >= 1
    assert "damaged" not in _cached(d, db).stderr


def test_the_parts_of_the_quotes_given_are_read_where_kept_and_made_where_not(tmp_path, generated):
    """``KeptParts`` over a scan's origins: a count that does not add up to the quotes given
    makes every part afresh; each part equals ``quote_parts``, and the document a plain one."""
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        result = parallel.scan([str(generated)], jobs=1, cache=c)
        origins = c.origins
    assert origins is not None and sum(n for _, n in origins) == len(result.quotes)
    kept = parallel.KeptParts(db, origins)
    assert list(kept(result.quotes, quote_parts)) == [quote_parts(q) for q in result.quotes]  # made, then kept
    assert list(kept(result.quotes, lambda q: ("never", "made"))) == [quote_parts(q) for q in result.quotes]
    short = parallel.KeptParts(db, origins[1:])
    assert list(short(result.quotes, lambda q: ("made", "here"))) == [("made", "here")] * len(result.quotes)
    plain, spliced = io.StringIO(), io.StringIO()
    render_json(result, plain)
    render_json(result, spliced, kept)
    assert spliced.getvalue() == plain.getvalue() == _json_of(scan([str(generated)]))


def _json_of(result) -> str:
    out = io.StringIO()
    render_json(result, out)
    return out.getvalue()


@pytest.mark.parametrize("speaker", [None, "Ada Quell", 'Tom "T" Brix', "Zoë Ørn\u2028"])
@pytest.mark.parametrize("statement", [None, "s12"])
def test_a_quote_written_from_its_parts_is_json_dumps_of_its_dict(speaker, statement):
    q = Quote(id="a3:2", article_id="a3", text='He said "no"\n“again”\\ \x00 \u2029', start=4, end=40, line=2, column=7,
              kind="quote", direct=True, closed=False, speaker=speaker, speaker_mention=speaker, cue="said",
              speaker_span=(1, 3) if speaker else None, cue_span=(5, 9), quoted_spans=((1, 2), (3, 4)),
              content_kind=None, statement=statement)
    own, rest = quote_parts(q)
    assert "\0" not in own + rest
    assert quote_json(q, "dir/ä.txt", "The Outlet") == json.dumps(quote_dict(q, "dir/ä.txt", "The Outlet"), ensure_ascii=False)


@pytest.mark.parametrize("lookup", [1, 3, 7])
def test_entries_seen_rows_and_parts_asked_a_few_at_a_time_give_the_same_json(tmp_path, generated, lookup, monkeypatch):
    """The cache is asked ``LOOKUP`` keys a query (inputs by size and time, their entries, their
    kept parts): any window gives a plain scan's JSON, on a first scan, an unchanged re-scan and
    one after edits, with standard input among the inputs."""
    monkeypatch.setattr(cachemod, "LOOKUP", lookup)
    d = tmp_path / "c"
    files = aged_copy(generated, d)
    db = tmp_path / "cache.sqlite3"
    stdin_text = "“The ferry timetable will change on the first of the month,” said Ilse Varnholt.\n"
    args = ["scan", "-", str(d), "-f", "json", "--jobs", "1"]
    plain = runner.invoke(app, args, input=stdin_text)
    assert plain.exit_code == 0, plain.output
    for n in range(3):
        if n == 2:
            files[4].write_text(files[4].read_text().replace(" said", " told reporters", 1))
            plain = runner.invoke(app, args, input=stdin_text)
        r = runner.invoke(app, [*args, "--cache", str(db)], input=stdin_text)
        assert r.exit_code == 0, r.output
        assert r.stdout == plain.stdout, n
