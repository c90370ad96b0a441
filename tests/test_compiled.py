"""The compiled build (``make compiled``, mypyc) finds exactly what the Python sources find.

Skipped, with the reason, when there is no build in build/compiled or when it was made from
other sources than the checkout's (run ``make compiled``): ``make test`` never needs a C compiler.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_compiled  # noqa: E402

OUT = build_compiled.DEFAULT_OUT


def _require_current_build() -> None:
    if not (OUT / "SOURCES").exists():
        pytest.skip(f"no compiled build in {OUT} (make compiled builds one; it needs a C compiler)")
    if not build_compiled.is_current(OUT):
        pytest.skip(f"the compiled build in {OUT} was made from other sources than these: run make compiled")


def _run(args: list[str], compiled: bool) -> subprocess.CompletedProcess[bytes]:
    """``python -P -m quotetrack ARGS`` from the checkout; -P keeps the checkout off sys.path, so
    PYTHONPATH decides which package is imported (the compiled copy, or the installed sources)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if compiled:
        env["PYTHONPATH"] = str(OUT)
    return subprocess.run([sys.executable, "-P", *args], cwd=ROOT, env=env, capture_output=True, timeout=600)


def test_the_compiled_modules_are_the_ones_imported():
    _require_current_build()
    code = "import quotetrack.attribution.tokens as t, quotetrack.attribution.people as p; print(t.__file__); print(p.__file__)"
    r = _run(["-c", code], compiled=True)
    assert r.returncode == 0, r.stderr.decode()
    files = r.stdout.decode().split()
    assert files and all(f.startswith(str(OUT)) and f.endswith(".so") for f in files), files
    r = _run(["-c", code], compiled=False)
    assert all(f.endswith(".py") for f in r.stdout.decode().split())


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_compiled_scan_of_the_samples_is_byte_identical(fmt):
    _require_current_build()
    args = ["-m", "quotetrack", "scan", "samples", "--format", fmt, "--jobs", "1"]
    pure = _run(args, compiled=False)
    compiled = _run(args, compiled=True)
    assert pure.returncode == 0, pure.stderr.decode()
    assert compiled.returncode == 0, compiled.stderr.decode()
    assert pure.stdout, "the scan printed nothing"
    assert compiled.stdout == pure.stdout


def test_a_build_is_stale_once_any_file_of_the_package_changes(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "table.tsv").write_text("k\tv\n")
    before = build_compiled.source_digest(pkg)
    assert build_compiled.source_digest(pkg) == before
    (pkg / "sub" / "table.tsv").write_text("k\tw\n")
    changed_data = build_compiled.source_digest(pkg)
    (pkg / "b.py").write_text("")
    added = build_compiled.source_digest(pkg)
    assert len({before, changed_data, added}) == 3
    # What a build leaves beside the sources counts for nothing.
    (pkg / "a.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\0")
    assert build_compiled.source_digest(pkg) == added


def test_no_build_is_not_current(tmp_path):
    assert not build_compiled.is_current(tmp_path / "nowhere")


def test_compiled_scan_reads_and_writes_the_cache_as_the_sources_do(tmp_path):
    """The cache holds quotes read back from JSON (a kind is then a plain str): the compiled
    modules must take them as the sources do, from a cache either side wrote."""
    _require_current_build()
    want = _run(["-m", "quotetrack", "scan", "samples", "--format", "json", "--jobs", "1"], compiled=False)
    assert want.returncode == 0, want.stderr.decode()
    for writer in (False, True):
        cache = tmp_path / f"cache-{writer}.sqlite3"
        args = ["-m", "quotetrack", "scan", "samples", "--format", "json", "--jobs", "1", "--cache", str(cache)]
        assert _run(args, compiled=writer).stdout == want.stdout
        again = _run(args, compiled=True)  # every input from the cache
        assert again.returncode == 0, again.stderr.decode()
        assert again.stdout == want.stdout


def test_compiled_check_of_the_example_newsroom_is_byte_identical(tmp_path):
    _require_current_build()
    args = ["-m", "quotetrack", "check", "samples/newsroom", "--format", "json"]
    pure = _run([*args, "--cache", str(tmp_path / "pure.sqlite3")], compiled=False)
    for cache in ("pure.sqlite3", "compiled.sqlite3", "compiled.sqlite3"):
        compiled = _run([*args, "--cache", str(tmp_path / cache)], compiled=True)
        assert compiled.returncode == pure.returncode, compiled.stderr.decode()
        assert compiled.stdout == pure.stdout
    assert b'"findings"' in pure.stdout
