"""Scale figures of ``quotetrack scan``: cores, the cache, peak memory. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/scale.py [--articles 1000] [--cache-articles 20000] [--changed 10]
                                         [--sizes 1000,16000] [--large]

Each figure is one run of the real command in a fresh process, printed with
that command (corpora from ``benchmarks/corpus.py``, written once under
``benchmarks/_scale/``):

1. articles/s of ``quotetrack scan CORPUS -f json --jobs 1`` and ``--jobs N``
   (N: every core), on ``--articles`` articles;
2. the cache: ``scan --cache`` on ``--cache-articles`` articles (a copy of the
   corpus with its files' modification times, so that a re-scan takes an
   unchanged file by its size and time: ``cache.Cache.seen``), cold; then,
   after ``--changed`` files are edited (a cue word: " said" becomes " told
   reporters", which moves every quote after it), the re-scan (every other input is found in the cache, and grouping reuses the
   statements no change reaches: ``quotetrack.regroup``), as a share of the
   first scan's wall and CPU time; then ``--changed`` other files have a word
   inside their first quote changed, and the re-scan again; then ``--changed``
   others a cue word changed outside any quote (the JSON output is then the
   kept one, patched: ``quotetrack.patched_json``), and the re-scan again; then
   a re-scan with nothing changed;
3. peak memory (the largest resident set, ``ru_maxrss``, of the scan process
   and of its workers) of ``scan --jobs 1`` at each of ``--sizes`` articles
   (``--large`` adds 64,000).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

WORK = ROOT / "benchmarks" / "_scale"
QT = [sys.executable, "-m", "quotetrack"]


def corpus_of(n: int) -> Path:
    d = WORK / f"corpus-{n}"
    if not (d / ".done").exists():
        shutil.rmtree(d, ignore_errors=True)
        corpus.write_corpus(d, n=n, seed=corpus.DEFAULT_SEED)
        (d / ".done").write_text("")
    return d


LAST_CPU = [0.0]  # CPU seconds of the last command run


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB of the process or any worker) of one command; prints its
    CPU seconds (its own and its workers'), the steadier figure on a busy machine."""
    shown = " ".join(["quotetrack", *args[len(QT):]])
    print(f"  $ {shown} > /dev/null", flush=True)
    wrapper = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "w = time.perf_counter() - t;"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(w, u.ru_maxrss, r.returncode, u.ru_utime + u.ru_stime)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"exit code {out[2]}: {shown}")
    LAST_CPU[0] = float(out[3])
    print(f"     (cpu {float(out[3]):.1f} s, wall {float(out[0]):.1f} s)")
    return float(out[0]), int(out[1]) / 1024


def _said_outside_quotes(text: str) -> int:
    """Where the first " said" stands that is inside none of the quotes quotetrack finds in
    ``text`` (their spans, quotation marks included); -1 if none."""
    from quotetrack.api import scan_texts

    spans = [(q.start - 1, q.end + 1) for q in scan_texts([("edited.txt", text)]).quotes]
    at = text.find(" said")
    while at >= 0 and any(s <= at < e for s, e in spans):
        at = text.find(" said", at + 1)
    return at


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--cache-articles", type=int, default=20000)
    ap.add_argument("--changed", type=int, default=10)
    ap.add_argument("--sizes", default="1000,16000")
    ap.add_argument("--large", action="store_true", help="also peak memory at 64,000 articles")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: cores, cache, memory")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"python {sys.version.split()[0]}, {cores} cores; each figure one run (timings on a shared machine vary by about 30%)")

    if "cores" not in skip:
        d = corpus_of(a.articles)
        print(f"\n1. articles/s, {a.articles} articles")
        for jobs in (1, cores):
            wall, _ = run([*QT, "scan", str(d), "-f", "json", "--jobs", str(jobs)])
            print(f"     --jobs {jobs}: {wall:.1f} s, {a.articles / wall:.0f} articles/s")

    if "cache" not in skip:
        src = corpus_of(a.cache_articles)
        d = WORK / f"cache-copy-{a.cache_articles}"
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(src, d)
        db = WORK / "cache.sqlite3"
        for p in WORK.glob("cache.sqlite3*"):
            p.unlink()
        print(f"\n2. the cache, {a.cache_articles} articles, {a.changed} of them changed before the re-scan")
        cmd = [*QT, "scan", str(d), "-f", "json", "--cache", str(db)]
        first, _ = run(cmd)
        first_cpu = LAST_CPU[0]
        print(f"     first scan (cache empty): {first:.1f} s")
        files = sorted(p for p in d.rglob("*.txt"))
        step = max(1, len(files) // a.changed)
        for f in files[::step][: a.changed]:
            f.write_text(f.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
        again, _ = run(cmd)
        print(f"     re-scan ({a.changed} changed): {again:.1f} s = {100 * again / first:.0f}% of the first scan "
              f"(CPU: {100 * LAST_CPU[0] / first_cpu:.0f}%)")
        for f in files[step // 2 :: step][: a.changed]:
            text = f.read_text(encoding="utf-8")
            at = text.find("“")
            word = text.find(" the ", at)
            if at >= 0 and word >= 0:
                f.write_text(text[:word] + " this " + text[word + 5 :], encoding="utf-8")
        again, _ = run(cmd)
        print(f"     re-scan ({a.changed} others with a word changed in a quote): {again:.1f} s = "
              f"{100 * again / first:.0f}% of the first scan (CPU: {100 * LAST_CPU[0] / first_cpu:.0f}%)")
        for f in files[step // 4 :: step][: a.changed]:
            text = f.read_text(encoding="utf-8")
            at = _said_outside_quotes(text)
            if at >= 0:
                f.write_text(text[:at] + " told reporters" + text[at + 5 :], encoding="utf-8")
        again, _ = run(cmd)
        print(f"     re-scan ({a.changed} others with a cue word changed outside quotes): {again:.1f} s = "
              f"{100 * again / first:.0f}% of the first scan (CPU: {100 * LAST_CPU[0] / first_cpu:.0f}%)")
        again, _ = run(cmd)
        print(f"     re-scan (nothing changed): {again:.1f} s = "
              f"{100 * again / first:.0f}% of the first scan (CPU: {100 * LAST_CPU[0] / first_cpu:.0f}%)")
        print(f"     cache file: {db.stat().st_size / 1e6:.1f} MB")

    if "memory" not in skip:
        sizes = [int(s) for s in a.sizes.split(",") if s] + ([64000] if a.large else [])
        print("\n3. peak memory, scan --jobs 1")
        for n in sizes:
            d = corpus_of(n)
            wall, peak = run([*QT, "scan", str(d), "-f", "json", "--jobs", "1"])
            print(f"     {n} articles: peak {peak:.0f} MB, {wall:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
