"""scan --jobs, --cache, --output (SQLite) and --format jsonl: the same result as a plain scan."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import cache as cachemod
from quotetrack import parallel
from quotetrack.api import scan
from quotetrack.cli import app
from quotetrack.ingest import build_article
from quotetrack.pipeline import quotes_of
from quotetrack.render import render_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402

runner = CliRunner()


def _json(result) -> str:
    out = io.StringIO()
    render_json(result, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated corpus: several outlets covering the same stories, so statements span files."""
    root = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(root, n=40, seed=11)
    return root


def _cli(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotetrack", *args], capture_output=True, timeout=300)


# --------------------------------------------------------------------------- --jobs


@pytest.mark.parametrize("which", ["samples", "generated"])
def test_streaming_scan_equals_scan_for_any_number_of_jobs(which, generated):
    paths = [str(SAMPLES)] if which == "samples" else [str(generated)]
    expected = _json(scan(paths))
    for jobs in (1, 2, 3):
        assert _json(parallel.scan(paths, jobs=jobs)) == expected, jobs


def test_cli_jobs_output_is_byte_identical(generated):
    one = _cli(["scan", str(generated), "-f", "json", "--jobs", "1"])
    two = _cli(["scan", str(generated), "-f", "json", "--jobs", "2"])
    default = _cli(["scan", str(generated), "-f", "json"])
    assert one.returncode == 0, one.stderr
    assert one.stdout and one.stdout == two.stdout == default.stdout


def test_streaming_drops_article_text_and_keeps_the_rest():
    result = parallel.scan([str(SAMPLES)], jobs=2)
    plain = scan([str(SAMPLES)])
    assert all(a.text == "" for a in result.articles)
    assert [a.path for a in result.articles] == [a.path for a in plain.articles]
    assert result.quotes == plain.quotes and result.statements == plain.statements


def test_bad_files_are_skipped_in_order_with_jobs(tmp_path):
    (tmp_path / "a.txt").write_text('“The new pier opens in spring and the ferries return with it,” said Oren Vask.\n')
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.md").write_text('“We will keep the library open late on Fridays,” Mira Tolland said.\n')
    plain = scan([str(tmp_path)])
    for jobs in (1, 2):
        got = parallel.scan([str(tmp_path)], jobs=jobs)
        assert got.skipped == plain.skipped and len(got.skipped) == 2
        assert _json(got) == _json(plain)


def test_on_article_sees_every_article_in_order(generated):
    seen = []
    result = parallel.scan([str(generated)], jobs=2, on_article=lambda a, qs: seen.append((a.id, len(qs))))
    assert [s[0] for s in seen] == [a.id for a in result.articles]
    assert sum(n for _, n in seen) == len(result.quotes)


# --------------------------------------------------------------------------- --cache


def test_cache_rescan_gives_the_same_result_and_reads_only_what_changed(tmp_path, generated):
    db = tmp_path / "cache.sqlite3"
    expected = _json(scan([str(generated)]))
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=2, cache=c)) == expected
        assert c.hits == 0 and c.misses > 0
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=2, cache=c)) == expected
        assert c.misses == 0 and c.hits == len(list(generated.rglob("*.txt")))
    # Change one file: only it is analysed again, and the result is a fresh scan's.
    f = sorted(generated.rglob("*.txt"))[3]
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(generated, copy)
    changed = copy / f.relative_to(generated)
    paragraphs = changed.read_text().split("\n\n")
    paragraphs.insert(3, "“The tide tables will be posted at every slipway from Monday,” said Anneke Ruusk.")
    changed.write_text("\n\n".join(paragraphs))
    with cachemod.Cache(db) as c:
        got = parallel.scan([str(copy)], jobs=1, cache=c)
    with cachemod.Cache(db) as c:
        again = parallel.scan([str(copy)], jobs=1, cache=c)
        assert c.misses == 0
    assert _json(got) == _json(again) == _json(scan([str(copy)]))
    assert any(q.speaker == "Anneke Ruusk" for q in got.quotes)


def test_cache_rescan_after_many_kinds_of_change_groups_again_only_part(tmp_path, generated):
    """Files edited (a cue word, which moves the quotes after it; a word inside a quote), one
    removed and one added: the re-scan's output is a plain scan's, and grouping's state says
    that part of the corpus was not grouped again."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(generated, copy)
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        parallel.scan([str(copy)], cache=c)
    files = sorted(copy.rglob("*.txt"))
    files[1].write_text(files[1].read_text().replace(" said", " told reporters", 1))
    text = files[5].read_text()
    at = text.find(" the ", text.find("“"))
    files[5].write_text(text[:at] + " this " + text[at + 5 :])
    files[9].unlink()
    (copy / "extra.txt").write_text("“The night ferry will sail again from the old quay,” said Ottilie Brannock.\n")
    with cachemod.Cache(db) as c:
        got = parallel.scan([str(copy)], cache=c)
        state = cachemod.get_state(c, parallel.grouping_context([str(copy)]))
    assert _json(got) == _json(scan([str(copy)]))
    assert state is not None
    again, units = state["grouped_again"]
    assert 0 < again < units


@pytest.mark.parametrize("garbage", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 5000, b""])
def test_a_corrupt_cache_is_rebuilt_with_a_warning(tmp_path, garbage):
    db = tmp_path / "c.db"
    db.write_bytes(garbage)
    r = runner.invoke(app, ["scan", str(SAMPLES), "-f", "json", "--cache", str(db), "-v"])
    assert r.exit_code == 0, r.output
    plain = runner.invoke(app, ["scan", str(SAMPLES), "-f", "json"])
    assert r.stdout == plain.stdout
    if garbage:
        assert "could not be read" in r.stderr and "rebuilding" in r.stderr
    r2 = runner.invoke(app, ["scan", str(SAMPLES), "-f", "json", "--cache", str(db), "-v"])
    assert "rebuilding" not in r2.stderr and r2.stdout == plain.stdout
    assert "found in it" in r2.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_cache_entry_from_another_version_is_not_used(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    with cachemod.Cache(db) as c:
        parallel.scan([str(SAMPLES)], cache=c)
    monkeypatch.setattr(cachemod, "fingerprint", lambda: "another quotetrack")
    with cachemod.Cache(db) as c:
        parallel.scan([str(SAMPLES)], cache=c)
        assert c.hits == 0 and c.misses > 0


def test_two_runs_at_once_share_a_cache_safely(tmp_path, generated):
    db = tmp_path / "shared.sqlite3"
    args = [sys.executable, "-m", "quotetrack", "scan", str(generated), "-f", "json", "--cache", str(db), "--jobs", "1"]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    assert outs[0][0] == outs[1][0] and outs[0][0]
    assert not any(b"warning" in o[1] for o in outs)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        entries = con.execute("SELECT count(*) FROM entries").fetchone()[0]
    n = len(list(generated.rglob("*.txt")))
    assert entries == n + 1  # an entry an input, and grouping's state for the scan's inputs
    third = _cli(["scan", str(generated), "-f", "json", "--cache", str(db), "-v"])
    assert third.stdout == outs[0][0]
    assert f"{n} of {n} inputs found in it".encode() in third.stderr


def test_check_uses_the_user_cache_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "story.md").write_text('“The new pier opens in spring,” said Oren Vask, the harbour master.\n')
    (tmp_path / "src.txt").write_text("OREN VASK: The new pier opens in summer.\nREPORTER: Thank you.\n")
    args = ["check", str(tmp_path / "story.md"), "-f", "json", "--sources", str(tmp_path / "src.txt")]
    first = runner.invoke(app, args)
    default = tmp_path / "xdg" / "quotetrack" / "cache.sqlite3"
    assert default.exists()
    again = runner.invoke(app, args)
    off = runner.invoke(app, [*args, "--no-cache"])
    assert json.loads(first.stdout)["findings"], first.output
    assert first.stdout == again.stdout == off.stdout and first.exit_code == again.exit_code == off.exit_code
    with sqlite3.connect(default) as con:
        assert con.execute("SELECT count(*) FROM entries").fetchone()[0] == 1


@pytest.mark.parametrize(
    "speaker, words",
    [
        ("Oren Vask", "The new pier opens in spring"),
        ("Talia Brumwell", "We will reopen the ferry before the autumn storms"),
        ("Ivo Penhallow", "Nobody on this council voted for the toll"),
    ],
)
def test_check_cache_keys_on_what_decides_the_quotes_not_only_the_text(tmp_path, speaker, words):
    """Two articles with one text whose body spans differ (as web pages' can) find different
    quotes: the cache must not hand one the other's."""
    text = f"Intro line.\n\n“{words},” said {speaker}.\n"
    whole = build_article("a1", "story.md", text, input_format="markdown")
    cut = replace(whole, body_end=text.index("“"))  # the quote falls outside the body
    assert quotes_of(whole) and not quotes_of(cut)
    with cachemod.Cache(tmp_path / "c.sqlite3") as cache:
        assert cachemod.cached_quotes(cache, whole) == quotes_of(whole)
        cache.flush()
        assert cachemod.cached_quotes(cache, cut) == []
        assert cachemod.cached_quotes(cache, whole) == quotes_of(whole)
        assert cache.hits == 1


# --------------------------------------------------------------------------- --output quotes.db


def test_output_database_holds_the_json_result(tmp_path, generated):
    db = tmp_path / "quotes.db"
    r = runner.invoke(app, ["scan", str(generated), "--output", str(db)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "wrote" in r.stderr
    doc = json.loads(runner.invoke(app, ["scan", str(generated), "-f", "json"]).stdout)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [r[0] for r in con.execute("SELECT id FROM articles ORDER BY rowid")] == [a["id"] for a in doc["articles"]]
    rows = con.execute(
        "SELECT q.id, q.text, q.start_offset, q.end_offset, q.line, q.col, q.kind, q.direct, s.name, q.statement_id "
        "FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.rowid"
    ).fetchall()
    assert rows == [
        (q["id"], q["text"], q["start"], q["end"], q["line"], q["column"], q["kind"], int(q["direct"]), q["speaker"], q["statement"])
        for q in doc["quotes"]
    ]
    for st in doc["statements"]:
        members = con.execute(
            "SELECT quote_id, outlet, match, score FROM statement_members WHERE statement_id = ? ORDER BY position", (st["id"],)
        ).fetchall()
        assert members == [(m["quote"], m["outlet"], m["match"], m["score"]) for m in st["members"]]
        speaker, canonical = con.execute(
            "SELECT sp.name, s.canonical_quote FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?",
            (st["id"],),
        ).fetchone()
        assert (speaker, canonical) == (st["speaker"], st["canonical_quote"])
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"quotes_article", "quotes_speaker", "quotes_statement", "statement_members_quote"} <= indexes
    assert con.execute("SELECT count(*) FROM speakers").fetchone()[0] == doc["summary"]["speakers"]


def test_output_needs_a_database_name(tmp_path):
    r = runner.invoke(app, ["scan", str(SAMPLES), "--output", str(tmp_path / "quotes.json")])
    assert r.exit_code == 2 and "SQLite" in r.stderr


def test_output_with_format_writes_both(tmp_path):
    r = runner.invoke(app, ["scan", str(SAMPLES), "--output", str(tmp_path / "q.sqlite"), "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["summary"]["articles"] > 0
    assert (tmp_path / "q.sqlite").exists()


# --------------------------------------------------------------------------- --format jsonl


def test_jsonl_streams_quotes_then_statements(generated):
    r = runner.invoke(app, ["scan", str(generated), "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    doc = json.loads(runner.invoke(app, ["scan", str(generated), "-f", "json"]).stdout)
    types = [x["type"] for x in records]
    assert types[0] == "scan" and types[-1] == "summary"
    last_quote = max(i for i, t in enumerate(types) if t == "quote")
    assert min(i for i, t in enumerate(types) if t == "statement") > last_quote
    assert [x["id"] for x in records if x["type"] == "article"] == [a["id"] for a in doc["articles"]]
    quotes = [x for x in records if x["type"] == "quote"]
    assert [q["id"] for q in quotes] == [q["id"] for q in doc["quotes"]]
    assert all(q["statement"] is None for q in quotes)
    # Each quote's final speaker follows from the speaker records, as the JSON document has it.
    final = {n: s["name"] for s in records if s["type"] == "speaker" for n in s["names"]}
    for streamed, q in zip(quotes, doc["quotes"]):
        assert final.get(streamed["speaker"], streamed["speaker"]) == q["speaker"]
    statements = [{k: v for k, v in x.items() if k != "type"} for x in records if x["type"] == "statement"]
    assert statements == doc["statements"]
    summary = {k: v for k, v in records[-1].items() if k != "type"}
    assert summary == doc["summary"]


@pytest.mark.parametrize("batch", [1, 2, 7, 512])
def test_streamed_json_is_the_one_shot_document(generated, batch, monkeypatch):
    """The compact JSON written a few items at a time is byte for byte ``json.dumps`` of the
    whole document, whatever the batch size (lists shorter and longer than a batch, and empty)."""
    from quotetrack import render

    monkeypatch.setattr(render, "JSON_BATCH", batch)
    for result in (parallel.scan([str(generated)]), parallel.scan([str(SAMPLES)]), scan([])):
        out = io.StringIO()
        render.render_json(result, out)
        assert out.getvalue() == json.dumps(render.to_dict(result), ensure_ascii=False) + "\n"
        json.loads(out.getvalue())


def test_renumbering_an_inputs_article_is_replace_of_its_ids():
    """An input's article and quotes renumbered in the whole scan: equal to
    ``dataclasses.replace`` of the ids, every other field kept."""
    text = "“The new ferry timetable starts on Monday,” Orla Penhaligon said. “We are ready,” she added.\n"
    art = build_article("a1", "x/one.txt", text)
    qs = quotes_of(art)
    assert len(qs) == 2
    a, got = parallel._renumber(art, qs, "a7")
    assert a == replace(art, id="a7")
    want = [replace(q, id=f"a7:{q.id.rsplit(':', 1)[-1]}", article_id="a7") for q in qs]
    assert got == want and [q.id for q in got] == [f"a7:{q.id.split(':')[1]}" for q in qs]
    assert all(q.article_id == "a1" for q in qs)  # the input's own quotes are left as they were


@pytest.mark.parametrize("number_from", [1, 2, 40])
def test_a_cache_entry_reads_back_as_the_articles_and_quotes_it_was_made_from(number_from):
    """``file_from`` gives back what ``file_json`` kept (quotes built without ``Quote.__init__``
    equal those built with it, field by field), numbered from ``a<number_from>``."""
    texts = [
        "“The harbour tolls go up in May,” Tamsin Orrell said. Officials said the plan “needs work”.\n",
        "Councillor Bede Farrant told reporters: “We will not close the pier.” He added, “Not this year.”\n",
    ]
    found = []
    for k, text in enumerate(texts, 1):
        art = build_article(f"a{k}", f"x/{k}.txt", text)
        found.append((replace(art, text=""), quotes_of(art)))
    assert sum(len(qs) for _, qs in found) >= 4
    back, skipped = cachemod.file_from(cachemod.file_json(found, []), number_from)
    assert skipped == []
    for k, ((a, qs), (b, rs)) in enumerate(zip(found, back)):
        aid = f"a{number_from + k}"
        assert b == replace(a, id=aid)
        want = [replace(q, id=f"{aid}:{q.id.rsplit(':', 1)[-1]}", article_id=aid) for q in qs]
        assert rs == want
        assert [vars(r) == vars(w) for r, w in zip(rs, want)] == [True] * len(rs)


@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("inline", [0, 3, parallel.INLINE])
def test_a_scan_with_the_cache_half_full_or_entries_damaged_is_a_plain_scan(tmp_path, generated, jobs, inline,
                                                                             monkeypatch):
    """Inputs found in the cache and inputs analysed by workers (or here, when at most ``inline``
    inputs are not known by their size and time) interleave in input order (a window of one
    input per worker, so that they wait on each other); a damaged entry is analysed again and
    written anew."""
    monkeypatch.setattr(parallel, "WINDOW", 1)
    monkeypatch.setattr(parallel, "INLINE", inline)
    files = sorted(generated.rglob("*.txt"))
    expected = _json(scan([str(generated)]))
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:  # every third input in the cache
        parallel.scan([str(f) for f in files[::3]], jobs=1, cache=c)
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=jobs, cache=c)) == expected
        assert 0 < c.hits < len(files) and c.hits + c.misses == len(files)
    con = sqlite3.connect(db)
    damaged = con.execute("UPDATE entries SET value = '{\"articles\": 3}' WHERE rowid % 4 = 0").rowcount
    con.commit()
    con.close()
    assert damaged > 2
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=jobs, cache=c)) == expected
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=jobs, cache=c)) == expected
        assert c.misses == 0 and c.hits == len(files)


@pytest.mark.parametrize("damage", ["short", "long", "object", "number"])
def test_an_entry_whose_quote_rows_are_damaged_is_a_miss(tmp_path, generated, damage):
    """A cached quote is an array of its fields in order: one too few or too many, or a row that
    is not an array, makes the entry a miss (analysed again and written anew), never a wrong quote."""
    expected = _json(scan([str(generated)]))
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        parallel.scan([str(generated)], jobs=1, cache=c)
    con = sqlite3.connect(db)
    hurt = 0
    for key, value in con.execute("SELECT key, value FROM entries").fetchall():
        entry = json.loads(value)
        if not isinstance(entry, dict) or "articles" not in entry or hurt >= 5:
            continue
        rows = [row for art in entry["articles"] for row in art["quotes"]]
        if not rows:
            continue
        row = rows[0]
        if damage == "short":
            row.pop()
        elif damage == "long":
            row.append(None)
        else:
            art = next(a for a in entry["articles"] if a["quotes"])
            art["quotes"][0] = {"n": row[0]} if damage == "object" else 7
        con.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(entry), key))
        hurt += 1
    con.commit()
    con.close()
    assert hurt == 5
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=1, cache=c)) == expected
        assert c.misses == 5
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(generated)], jobs=1, cache=c)) == expected
        assert c.misses == 0


def test_a_scan_leaves_the_cycle_collectors_thresholds_as_they_were(monkeypatch):
    import gc

    before = gc.get_threshold()
    seen = []
    monkeypatch.setattr(parallel, "assemble", lambda *a: seen.append(gc.get_threshold()) or scan([]))
    parallel.scan([str(SAMPLES)], jobs=1)
    assert seen and seen[0][0] >= parallel.GC_THRESHOLD[0]
    assert gc.get_threshold() == before


# --------------------------------------------------------------------------- size and modification time


def _copy_aged(src: Path, dst: Path, age_s: float = 600) -> list[Path]:
    """A copy of a corpus whose files were last modified ``age_s`` seconds ago."""
    shutil.copytree(src, dst)
    old = time.time_ns() - int(age_s * 1e9)
    files = sorted(dst.rglob("*.txt"))
    for f in files:
        os.utime(f, ns=(old, old))
    return files


def _reads(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = parallel.read_bytes
    monkeypatch.setattr(parallel, "read_bytes", lambda path, *a: seen.append(path) or real(path, *a))
    return seen


def test_a_file_whose_size_and_time_are_as_the_cache_saw_them_is_not_read_again(tmp_path, generated, monkeypatch):
    """A re-scan reads only the inputs whose size or modification time changed (or that were
    modified too shortly before the cache read them), and gives a plain scan's JSON after edits,
    additions and removals, with ``--jobs`` 1 and 2."""
    d = tmp_path / "c"
    files = _copy_aged(generated, d)
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(d)], jobs=1, cache=c)) == _json(scan([str(d)]))
    reads = _reads(monkeypatch)
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(d)], jobs=1, cache=c)) == _json(scan([str(d)]))
        assert c.hits == len(files)
    assert [r for r in reads if r.startswith(str(d))] == []
    # Edits (longer, shorter), a file touched without a change, one removed, one added (its time: now).
    files[0].write_text(files[0].read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    files[1].write_text(files[1].read_text(encoding="utf-8")[:-40], encoding="utf-8")
    os.utime(files[2])
    files[3].unlink()
    added = d / "added.txt"
    added.write_text("“The quay reopens in April,” Wenna Trelawny said.\n", encoding="utf-8")
    for jobs in (1, 2):
        reads.clear()
        db2 = tmp_path / f"cache{jobs}.sqlite3"
        shutil.copy(db, db2)
        with cachemod.Cache(db2) as c:
            assert _json(parallel.scan([str(d)], jobs=jobs, cache=c)) == _json(scan([str(d)]))
        assert sorted(reads) == sorted(map(str, [files[0], files[1], files[2], added]))
        # The files modified just now are read again next time too (their time is not trusted yet).
        reads.clear()
        with cachemod.Cache(db2) as c:
            parallel.scan([str(d)], jobs=jobs, cache=c)
        assert sorted(reads) == sorted(map(str, [files[0], files[1], files[2], added]))


def test_rehash_reads_a_file_rewritten_with_its_size_and_time_set_back(tmp_path, generated):
    """The trade-off: a file rewritten with the same size and its modification time set back is
    taken to be unchanged; ``rehash`` reads every input, and then sees the change."""
    d = tmp_path / "c"
    files = _copy_aged(generated, d)
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        before = _json(parallel.scan([str(d)], jobs=1, cache=c))
    f = next(f for f in files if " said" in f.read_text(encoding="utf-8"))
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace(" said", " sai!", 1), encoding="utf-8")  # the same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size and f.read_text(encoding="utf-8") != text
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(d)], jobs=1, cache=c)) == before
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(d)], jobs=1, cache=c, rehash=True)) == _json(scan([str(d)])) != before
        assert c.misses == 1


def test_a_file_grown_past_max_bytes_is_skipped_though_its_time_is_as_seen(tmp_path, generated):
    d = tmp_path / "c"
    files = _copy_aged(generated, d)
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        parallel.scan([str(d)], jobs=1, cache=c)
    limit = sorted(f.stat().st_size for f in files)[len(files) // 2]
    with cachemod.Cache(db) as c:
        got = parallel.scan([str(d)], max_bytes=limit, jobs=1, cache=c)
    plain = scan([str(d)], max_bytes=limit)
    assert _json(got) == _json(plain) and len(got.skipped) >= len(files) // 2 - 1


@pytest.mark.parametrize("changed", [1, 3, 4, 9])
def test_workers_start_only_when_more_inputs_than_inline_are_not_known_by_size_and_time(
        tmp_path, generated, changed, monkeypatch):
    """With ``--jobs 2`` and the cache, a re-scan where at most ``INLINE`` files changed analyses
    them in this process (no worker starts); with more, workers do. Either way the JSON is a
    plain scan's; a first scan (nothing known) starts workers."""
    monkeypatch.setattr(parallel, "INLINE", 3)
    pools: list[int] = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda jobs, n: pools.append(jobs) or real(jobs, n))
    d = tmp_path / "c"
    files = _copy_aged(generated, d)
    db = tmp_path / "cache.sqlite3"
    with cachemod.Cache(db) as c:
        parallel.scan([str(d)], jobs=2, cache=c)
    assert pools == [2]
    pools.clear()
    edited = [f for f in files if " said" in f.read_text(encoding="utf-8")][::2][:changed]
    assert len(edited) == changed
    for f in edited:
        f.write_text(f.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    with cachemod.Cache(db) as c:
        assert _json(parallel.scan([str(d)], jobs=2, cache=c)) == _json(scan([str(d)]))
        assert c.misses == changed
    assert pools == ([] if changed <= 3 else [2])
