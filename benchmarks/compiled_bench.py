"""Articles per second of the Python sources against the compiled build (``make compiled``).

    .venv/bin/python benchmarks/compiled_bench.py [--dir DIR ...] [--repeat 3]

For each corpus (the generated corpus of ``benchmarks/throughput.py``; PolNeAR train as well
when ``$POLNEAR`` names a checkout: its texts are written once to ``benchmarks/_polnear_train``),
two fresh processes, one importing the sources and one the compiled copy in build/compiled
(``PYTHONPATH``), each time in-process, after a warm-up scan, the whole ``api.scan`` and its
stages one after another: finding quotes (``quotes.find_quotes``), attribution
(``attribution.attribute``), speaker merging and grouping (``api.assemble``). CPU seconds, the
best of ``--repeat``; net of start-up (imports); the collector off, as the command line has it. Prints figures; asserts nothing. Prints a
line and stops when there is no current compiled build.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TEXTS = ROOT / "benchmarks" / "_polnear_train"


def child(directory: str, repeat: int) -> dict[str, Any]:
    """In a fresh process: the CPU seconds of a whole scan and of each stage, best of ``repeat``."""
    from quotetrack import align, api, attribution, ingest, textnorm
    from quotetrack import quotes as quotes_mod
    from quotetrack.attribution import tokens
    from quotetrack.models import evolve
    from quotetrack.styles import reading_view

    def cold(fn: Callable[[], Any]) -> tuple[float, Any]:
        best, result = float("inf"), None
        for _ in range(repeat):
            textnorm.comparison_tokens.cache_clear()
            align.content_stems.cache_clear()
            align._stem.cache_clear()
            result = None
            gc.collect()
            c = time.process_time()
            result = fn()
            best = min(best, time.process_time() - c)
        return best, result

    gc.disable()  # as the command line runs
    articles, _ = ingest.load([directory])
    sample = sorted(Path(directory).rglob("*.txt"))[:20]
    api.scan_texts([(str(p), p.read_text(encoding="utf-8")) for p in sample])  # warm-up: imports, patterns
    out: dict[str, Any] = {"compiled": tokens.__file__.endswith(".so"), "articles": len(articles)}
    out["scan"], _ = cold(lambda: api.scan([directory]))
    out["ingest"], _ = cold(lambda: ingest.load([directory]))

    def find_all() -> list[list[Any]]:
        found = []
        for a in articles:
            view = reading_view(a.text)
            found.append([q for q in quotes_mod.find_quotes(a.text, a.id, view=view, italics=a.italics) if a.in_body(q.start, q.end)])
        return found

    out["find quotes"], found = cold(find_all)
    views = []  # what attribution reads, as pipeline.quotes_of gives it
    for a in articles:
        view = reading_view(a.text)
        views.append(a if view is a.text else evolve(a, text=view))

    def attribute_all() -> list[Any]:
        qs: list[Any] = []
        for a, f in zip(views, found):
            qs.extend(attribution.attribute(a, f))
        return qs

    out["attribution"], attributed = cold(attribute_all)
    out["merging, grouping"], _ = cold(lambda: api.assemble(articles, attributed))
    return out


def run_child(directory: Path, compiled: bool, repeat: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if compiled:
        env["PYTHONPATH"] = str(ROOT / "build" / "compiled")
    # -P: neither the script's folder nor the checkout goes first on sys.path; PYTHONPATH decides.
    cmd = [sys.executable, "-P", str(Path(__file__).resolve()), "--child", str(directory), "--repeat", str(repeat)]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def polnear_train() -> Path | None:
    root = os.environ.get("POLNEAR")
    if not root:
        return None
    if not (POLNEAR_TEXTS / ".done").exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import accuracy

        POLNEAR_TEXTS.mkdir(parents=True, exist_ok=True)
        for a in accuracy.load_split(Path(root), "train"):
            (POLNEAR_TEXTS / f"{a.id}.txt").write_text(a.text, encoding="utf-8", newline="")
        (POLNEAR_TEXTS / ".done").write_text("")
    return POLNEAR_TEXTS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Articles/s of the sources against the compiled build.")
    ap.add_argument("--dir", type=Path, action="append", help="a corpus directory (repeatable)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.repeat)))
        return 0

    sys.path.insert(0, str(ROOT / "tools"))
    import build_compiled

    if not build_compiled.is_current():
        state = "stale (made from other sources)" if (build_compiled.DEFAULT_OUT / "SOURCES").exists() else "missing"
        print(f"compiled build: {state}; `make compiled` builds it (needs a C compiler). Skipped.")
        return 0
    dirs = args.dir
    if not dirs:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import throughput

        throughput.ensure_corpus(throughput.CORPUS_DIR, throughput.corpus.DEFAULT_ARTICLES, throughput.corpus.DEFAULT_SEED)
        dirs = [throughput.CORPUS_DIR]
        train = polnear_train()
        if train is not None:
            dirs.insert(0, train)
    print(f"compiled build (mypyc) against the sources: CPU seconds in one process, best of {args.repeat}, net of start-up")
    for d in dirs:
        pure = run_child(d, False, args.repeat)
        comp = run_child(d, True, args.repeat)
        if pure["compiled"] or not comp["compiled"]:
            raise SystemExit(f"compiled_bench: the wrong package was imported (sources compiled: {pure['compiled']}, build compiled: {comp['compiled']})")
        n = pure["articles"]
        print(f"\n{d} ({n} articles)")
        print(f"  {'':20s} {'sources':>18s} {'compiled':>18s}   speed-up")
        for stage in ("scan", "ingest", "find quotes", "attribution", "merging, grouping"):
            p, c = pure[stage], comp[stage]
            print(f"  {stage:20s} {p:6.2f} s {n / p:7.0f}/s {c:6.2f} s {n / c:7.0f}/s   {p / c:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
