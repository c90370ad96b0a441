"""The Dask recipe gives the statements and quotes of ``quotetrack scan`` (Dask's local schedulers)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

dask = pytest.importorskip("dask", reason="the dask extra is not installed (pip install -e '.[dask]'; make test installs it)")

from quotetrack import parallel  # noqa: E402
from quotetrack.dask_recipe import scan_bag, write  # noqa: E402
from quotetrack.render import to_dict  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402


def _expected(paths):
    doc = to_dict(parallel.scan(paths, jobs=2))
    return [{k: v for k, v in s.items() if k != "first"} for s in doc["statements"]], doc["quotes"]


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_samples_give_scans_statements(scheduler):
    paths = [str(ROOT / "samples")]
    statements, quotes = scan_bag(paths, npartitions=3, scheduler=scheduler)
    want_statements, want_quotes = _expected(paths)
    assert statements.compute(scheduler=scheduler) == want_statements
    assert quotes.compute(scheduler=scheduler) == want_quotes


def test_generated_corpus_gives_scans_statements(tmp_path):
    corpus.write_corpus(tmp_path, n=600, seed=5)
    statements, quotes = scan_bag([str(tmp_path)], npartitions=6, scheduler="sync")
    want_statements, want_quotes = _expected([str(tmp_path)])
    got = statements.compute(scheduler="sync")
    assert len(got) > 1000 and any(len(s["outlets"]) > 3 for s in got)
    assert got == want_statements
    assert quotes.compute(scheduler="sync") == want_quotes


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_write_gives_the_records_back(tmp_path, fmt):
    paths = [str(ROOT / "samples")]
    statements, quotes = scan_bag(paths, npartitions=2, scheduler="sync")
    files = write(statements, quotes, tmp_path / "out", format=fmt, scheduler="sync")
    back = {"statements": [], "quotes": []}
    for f in sorted(files):
        kind = Path(f).parent.name
        if fmt == "jsonl":
            back[kind] += [json.loads(line) for line in Path(f).read_text(encoding="utf-8").splitlines()]
        else:
            pq = pytest.importorskip("pyarrow.parquet")
            back[kind] += pq.read_table(f).to_pylist()
    want_statements, want_quotes = _expected(paths)
    assert [s["id"] for s in back["statements"]] == [s["id"] for s in want_statements]
    assert [(s["speaker"], s["text"], [m["quote"] for m in s["members"]]) for s in back["statements"]] == [
        (s["speaker"], s["text"], [m["quote"] for m in s["members"]]) for s in want_statements
    ]
    assert [(q["id"], q["statement"], q["speaker"]) for q in back["quotes"]] == [
        (q["id"], q["statement"], q["speaker"]) for q in want_quotes
    ]
