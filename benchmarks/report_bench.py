"""The HTML report on a large corpus: its size, and how long headless Chromium takes to open it.

    .venv/bin/python benchmarks/report_bench.py [--articles 2000] [--seed 1] [--limit N ...] [--repeat 3]

Generates the corpus of ``benchmarks/corpus.py`` into ``benchmarks/_corpus/``
when it is missing (as ``throughput.py`` does), scans it once with
``quotetrack.api.scan``, then for each ``--limit`` (default: the report's
default, and every statement) writes the report with
``quotetrack.html_report.render_report`` and opens it in headless Chromium
from Debian's packages (tools/browser.py), ``--repeat`` times, printing:

* the file's size;
* the time to open it: from navigation start to the end of the load event
  (``PerformanceNavigationTiming.loadEventEnd``), which includes parsing the
  HTML, styling, layout and running the page's script; best and median of the
  repeats, each a fresh navigation;
* the time the page's script takes to apply a filter (choosing the first
  outlet) and a search (typing a word), measured inside the page with
  ``performance.now()``.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from browser import chromium, missing  # noqa: E402
from throughput import CORPUS_DIR, ensure_corpus  # noqa: E402

from quotetrack.api import scan  # noqa: E402
from quotetrack.html_report import DEFAULT_LIMIT, render_report  # noqa: E402

LOAD_TIME = """
var n = performance.getEntriesByType("navigation")[0];
return [n.domContentLoadedEventEnd, n.loadEventEnd, document.querySelectorAll("#matrix tbody tr").length];
"""
# Choose the first outlet, then clear it and search a word; each timed inside the page.
INTERACT = """
var t = performance.now(), outlet = document.getElementById("f-outlet"), search = document.getElementById("f-search");
outlet.value = "0"; outlet.dispatchEvent(new Event("change"));
var filter = performance.now() - t;
outlet.value = ""; outlet.dispatchEvent(new Event("change"));
t = performance.now();
search.value = arguments[0]; search.dispatchEvent(new Event("input"));
var searched = performance.now() - t;
return [filter, searched, document.querySelectorAll("#matrix tbody tr:not([hidden])").length];
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Size and opening time of the HTML report on a generated corpus.")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, action="append", help=f"statements shown (repeatable; default: {DEFAULT_LIMIT} and all)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    why = missing()
    if why:
        print(f"report_bench: cannot open the report: {why}", file=sys.stderr)
        return 2
    files, size = ensure_corpus(CORPUS_DIR, args.articles, args.seed)
    t = time.perf_counter()
    corpus_path = os.path.relpath(CORPUS_DIR)  # as a user would name it, relative to where they are
    result = scan([corpus_path])
    print(f"scanned {files} articles ({size / 1e6:.2f} MB) in {time.perf_counter() - t:.1f} s: "
          f"{len(result.statements)} statements, {len({a.outlet for a in result.articles})} outlets")
    limits = args.limit or [DEFAULT_LIMIT, len(result.statements)]
    word = next(s.text.split()[1] for s in result.statements if len(s.text.split()) > 1)
    print(f"| statements shown | file size | write | open (load event), best | median | filter | search '{word}' |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, chromium(1280, 900) as driver:
        for limit in limits:
            page = Path(tmp) / f"report-{limit}.html"
            t = time.perf_counter()
            with open(page, "w", encoding="utf-8", newline="\n") as fh:
                render_report(result, fh, [corpus_path], None, limit)
            write = time.perf_counter() - t
            loads, rows, filt, srch = [], 0, [], []
            for _ in range(args.repeat):
                driver.get("about:blank")
                driver.get(page.as_uri())
                _dcl, load, rows = driver.execute_script(LOAD_TIME)
                loads.append(load / 1000)
                f, s, _ = driver.execute_script(INTERACT, word)
                filt.append(f / 1000)
                srch.append(s / 1000)
            print(f"| {rows:,} | {page.stat().st_size / 1e6:.2f} MB | {write:.2f} s | {min(loads):.2f} s | "
                  f"{statistics.median(loads):.2f} s | {statistics.median(filt):.3f} s | {statistics.median(srch):.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
