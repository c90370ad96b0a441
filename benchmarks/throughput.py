"""Throughput of the quotetrack pipeline on a synthetic news corpus, on one core.

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--seed 1] [--pairs 20000] [--profile N]

Generates the corpus of ``benchmarks/corpus.py`` into ``benchmarks/_corpus/``
when it is missing (or was made with other settings; a small stamp file
records them), then measures, in this one process:

1. the full scan, ``quotetrack.api.scan([corpus])``: reading, quote finding,
   attribution, speaker merging and grouping, as the CLI runs them;
2. the same stages one after another, each timed on its own, calling what
   ``api.analyse`` calls: ``ingest.load``; ``quotes.find_quotes`` (with the
   body filter of ``api.quotes_of``); ``attribution.attribute`` per article
   plus ``attribution.canonicalize_speakers``; ``statements.group``;
3. ``quotetrack.compare`` on random pairs of the quotes found: pairs of the
   same statement (the close matches grouping confirms) and pairs drawn at
   random (mostly unrelated), in pairs per second.

quotetrack's memo caches (comparison tokens, stems) are emptied before each
timed run, so every run starts cold, as a fresh CLI process would; the
library is imported and its patterns compiled by a small warm-up scan first.
Times are wall-clock (``time.perf_counter``), best of ``--repeat`` runs, with
the CPU time (``time.process_time``) of that run beside them: on a machine
busy with other work the CPU time is the steadier figure.
Prints figures; asserts nothing.

``--profile N`` also profiles one full scan with cProfile and prints the
``N`` functions with the most time of their own (and by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Callable, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

from quotetrack import align, attribution, ingest, statements, textnorm  # noqa: E402
from quotetrack import quotes as quotes_mod
from quotetrack.api import scan, scan_texts  # noqa: E402

CORPUS_DIR = ROOT / "benchmarks" / "_corpus"
STAMP = ".corpus.json"

T = TypeVar("T")


def ensure_corpus(outdir: Path, n: int, seed: int) -> tuple[int, int]:
    """Make sure ``outdir`` holds the corpus for (n, seed); returns (files, bytes)."""
    want = {"articles": n, "seed": seed, "generator": _generator_digest()}
    stamp = outdir / STAMP
    if stamp.exists():
        try:
            if json.loads(stamp.read_text()) == want:
                return _size(outdir)
        except ValueError:
            pass
    if outdir.exists():
        shutil.rmtree(outdir)
    t = time.perf_counter()
    files, size = corpus.write_corpus(outdir, n, seed)
    stamp.write_text(json.dumps(want))
    print(f"generated {files} articles ({size / 1e6:.1f} MB) in {outdir} in {time.perf_counter() - t:.1f} s")
    return files, size


def _generator_digest() -> str:
    import hashlib

    return hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()[:16]


def _size(outdir: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _dirs, names in os.walk(outdir):
        for name in names:
            if name.endswith(".txt"):
                files += 1
                size += os.path.getsize(os.path.join(dirpath, name))
    return files, size


def clear_caches() -> None:
    """Empty quotetrack's lru caches so that each timed run starts cold."""
    textnorm.comparison_tokens.cache_clear()
    align.content_stems.cache_clear()
    align._stem.cache_clear()


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, float, T]:
    """(wall-clock seconds, CPU seconds, result) of the fastest of ``repeat`` cold runs.

    On a machine busy with other work, the CPU seconds show what the code
    costs when the wall-clock time does not."""
    best = (float("inf"), 0.0)
    result = None
    for _ in range(repeat):
        clear_caches()
        c = time.process_time()
        t = time.perf_counter()
        result = fn()
        wall = time.perf_counter() - t
        if wall < best[0]:
            best = (wall, time.process_time() - c)
    return best[0], best[1], result  # type: ignore[return-value]


def run_stages(path: Path, repeat: int) -> list[tuple[str, float, float]]:
    """Each stage of ``api.analyse`` timed on its own, in order."""
    out: list[tuple[str, float, float]] = []
    clear_caches()
    t, c, (articles, _skipped) = timed(lambda: ingest.load([str(path)]), repeat)
    out.append(("ingest (load)", t, c))

    def find_all():
        return [
            [q for q in quotes_mod.find_quotes(a.text, a.id) if a.in_body(q.start, q.end)]
            for a in articles
        ]

    t, c, found = timed(find_all, repeat)
    out.append(("find_quotes", t, c))

    def attribute_all():
        qs = []
        for a, f in zip(articles, found):
            qs.extend(attribution.attribute(a, f))
        return qs

    t, c, attributed = timed(attribute_all, repeat)
    out.append(("attribution", t, c))
    t, c, canonical = timed(lambda: attribution.canonicalize_speakers(attributed), repeat)
    out.append(("canonicalize_speakers", t, c))
    t, c, _ = timed(lambda: statements.group(canonical, articles), repeat)
    out.append(("grouping", t, c))
    return out


def compare_pairs(result, n_pairs: int, seed: int, repeat: int) -> list[tuple[str, int, float, float]]:
    """(kind of pairs, how many, seconds) for ``quotetrack.compare`` on pairs of quote wordings."""
    rng = random.Random(seed)
    words = [q.words for q in result.quotes if q.kind != "term"]
    by_statement: dict[str, list[str]] = {}
    for q in result.quotes:
        if q.statement:
            by_statement.setdefault(q.statement, []).append(q.words)
    groups = [g for g in by_statement.values() if len(g) >= 2]
    random_pairs = [(rng.choice(words), rng.choice(words)) for _ in range(n_pairs)]
    same_pairs = []
    for _ in range(n_pairs if groups else 0):
        g = rng.choice(groups)
        a, b = rng.sample(range(len(g)), 2)
        same_pairs.append((g[a], g[b]))
    out = []
    for label, pairs in (("random pairs", random_pairs), ("same-statement pairs", same_pairs)):
        if not pairs:
            continue

        def run(pairs=pairs):
            for a, b in pairs:
                align.compare(a, b)

        t, c, _ = timed(run, repeat)
        out.append((label, len(pairs), t, c))
    return out


def profile_scan(path: Path, top: int) -> str:
    clear_caches()
    prof = cProfile.Profile()
    prof.enable()
    scan([str(path)])
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("tottime").print_stats(top)
    st.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Throughput of quotetrack on a synthetic news corpus.")
    ap.add_argument("--articles", type=int, default=corpus.DEFAULT_ARTICLES)
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    ap.add_argument("--pairs", type=int, default=20000, help="pairs of each kind for compare()")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs of each measurement; the best is shown")
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also profile one scan; show the top N functions")
    args = ap.parse_args(argv)

    files, size = ensure_corpus(args.corpus, args.articles, args.seed)
    mb = size / 1e6
    print(f"corpus: {files} articles, {mb:.2f} MB, {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}")
    print(f"python {sys.version.split()[0]}, one process, one core; best of {args.repeat}")

    # Warm-up: imports, compiled regular expressions.
    sample = sorted(args.corpus.rglob("*.txt"))[:20]
    scan_texts([(str(p), p.read_text(encoding="utf-8")) for p in sample])

    t, cpu, result = timed(lambda: scan([str(args.corpus)]), args.repeat)
    n_articles = len(result.articles)
    direct = sum(1 for q in result.quotes if q.direct)
    attributed = sum(1 for q in result.quotes if q.direct and q.speaker)
    multi = sum(1 for s in result.statements if len(s.outlets) >= 2)
    print()
    print("full scan  quotetrack.api.scan([corpus])")
    print(f"  wall {t:8.2f} s   {n_articles / t:8.1f} articles/s   {mb / t:6.2f} MB/s")
    print(f"  cpu  {cpu:8.2f} s   {n_articles / cpu:8.1f} articles/s   {mb / cpu:6.2f} MB/s")
    print(
        f"  {n_articles} articles, {len(result.quotes)} quotes ({direct} direct, {attributed} of them attributed, "
        f"{len(result.quotes) - direct} reported), {len(result.statements)} statements "
        f"({multi} carried by two or more outlets), {len(result.skipped)} skipped"
    )

    print()
    print("stages, each timed on its own      wall         cpu   share of cpu   articles/s (cpu)")
    stages = run_stages(args.corpus, args.repeat)
    total = sum(s for _, s, _ in stages)
    total_cpu = sum(c for _, _, c in stages)
    for name, s, c in stages:
        print(f"  {name:24s} {s:9.2f} s {c:9.2f} s   {100 * c / total_cpu:9.1f}%   {n_articles / c:12.1f}")
    print(f"  {'sum':24s} {total:9.2f} s {total_cpu:9.2f} s")

    print()
    print("quotetrack.compare")
    for label, n, s, c in compare_pairs(result, args.pairs, args.seed, args.repeat):
        print(f"  {label:24s} {n} pairs in {s:6.2f} s wall, {c:6.2f} s cpu   {n / s:9.0f} pairs/s (wall)   {n / c:9.0f} pairs/s (cpu)")

    if args.profile:
        print()
        print(profile_scan(args.corpus, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
