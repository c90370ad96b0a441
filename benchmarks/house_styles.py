"""Quote and speaker accuracy on PolNeAR in other house styles, beside the original.

    .venv/bin/python benchmarks/house_styles.py --polnear /work/polnear [--split dev] [--limit N]
                                                [--quotetrack CMD] [--keep DIR]

Two copies of the split are written to a temporary folder and scanned with
``quotetrack scan --format json``, exactly as ``benchmarks/accuracy.py`` scans
the original (its functions are reused: corpus loading, gold quotes, running
quotetrack, matching and scoring):

* **British**: the double quotation marks of every gold-style quotation (the
  outermost quotations ``accuracy.quotations`` pairs) become single marks
  (``"`` -> ``'``, ``“ ”`` -> ``‘ ’``, the New York Times' ``''`` -> a space
  and ``‘``/``’``), and single marks nested inside them become double marks
  (``'`` -> ``"``, ``‘ ’`` -> ``“ ”``). Apostrophes are left alone: inside a
  quotation a single mark is changed only when it opens (after a space or an
  opening bracket, before a letter) and is later closed (before anything but
  a letter). Every substitution is one character for one, so offsets do not
  move.
* **wrapped**: every line longer than 72 characters is hard-wrapped at 72
  columns by turning the last space that fits into a newline (greedily, as
  ``fmt`` or an e-mail client does); offsets do not move either.

The gold quotes are derived once, from the original text and its
annotations, and scored against all three scans. Prints P, R, F1 and speaker
accuracy (named, coref) for original / British / wrapped. Only ``dev`` and
``train`` are allowed; ``test`` is never used.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402

WIDTH = 72
_DOUBLE_TO_SINGLE = {'"': "'", "“": "‘", "”": "’"}
_OPENERS_BEFORE = set(" \t\n([{—–-/:;,")


def british(text: str) -> str:
    """``text`` with double and single quotation marks swapped, offsets kept."""
    out = list(text)
    for q in accuracy.quotations(text):
        if text[max(0, q.start - 2) : q.start] == "''":
            out[q.start - 2], out[q.start - 1] = " ", "‘"
        elif q.start > 0 and text[q.start - 1] in _DOUBLE_TO_SINGLE:
            out[q.start - 1] = _DOUBLE_TO_SINGLE[text[q.start - 1]]
        if q.closed:
            if text[q.end : q.end + 2] == "''":
                out[q.end], out[q.end + 1] = "’", " "
            elif q.end < len(text) and text[q.end] in _DOUBLE_TO_SINGLE:
                out[q.end] = _DOUBLE_TO_SINGLE[text[q.end]]
        _nested_to_double(text, q.start, q.end, out)
    return "".join(out)


def _nested_to_double(text: str, lo: int, hi: int, out: list[str]) -> None:
    """Single marks nested in text[lo:hi] that open and close a quote become double marks."""
    opened: Optional[int] = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in "'‘’":
            continue
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if opened is None:
            if ch in "'‘" and (before.isspace() or before in _OPENERS_BEFORE or i == lo) and after.isalpha():
                opened = i
        elif not before.isspace() and not after.isalnum():
            out[opened] = "“" if text[opened] == "‘" else '"'
            out[i] = "”" if ch == "’" else '"'
            opened = None


def wrapped(text: str, width: int = WIDTH) -> str:
    """``text`` hard-wrapped at ``width`` columns by turning spaces into newlines."""
    out = list(text)
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        start = pos
        while end - start > width:
            k = text.rfind(" ", start, start + width + 1)
            if k <= start:
                k = text.find(" ", start + width + 1, end)
                if k == -1:
                    break
            out[k] = "\n"
            start = k + 1
        pos = end + 1
    return "".join(out)


VARIANTS = {"original": lambda t: t, "British": british, "wrapped": wrapped}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", default=os.environ.get("POLNEAR"), help="checkout of PolNeAR (or $POLNEAR)")
    ap.add_argument("--split", default="dev", choices=accuracy.SPLITS, help="corpus split (default dev; never test)")
    ap.add_argument("--limit", type=int, help="only the first N articles, round-robin over publishers")
    ap.add_argument("--quotetrack", metavar="CMD", help="command running quotetrack (default .venv/bin/quotetrack)")
    ap.add_argument("--keep", metavar="DIR", help="also write each variant's texts to DIR/<variant>/")
    args = ap.parse_args(argv)
    if not args.polnear:
        ap.error("the PolNeAR checkout is required: --polnear PATH or POLNEAR=PATH")
    articles = accuracy.take(accuracy.load_split(Path(args.polnear), args.split), args.limit)
    golds = [g for a in articles for g in accuracy.gold_quotes(a)]
    command = accuracy.find_quotetrack(args.quotetrack)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {len(golds)} gold direct quotes; "
          f"quotetrack at {accuracy.quotetrack_revision()}")
    rows = []
    for name, transform in VARIANTS.items():
        variant = []
        for a in articles:
            t = transform(a.text)
            assert len(t) == len(a.text), (name, a.id)
            variant.append(dataclasses.replace(a, text=t))
        if args.keep:
            folder = Path(args.keep) / name
            folder.mkdir(parents=True, exist_ok=True)
            for a in variant:
                with (folder / f"{a.id}.txt").open("w", encoding="utf-8", newline="") as fh:
                    fh.write(a.text)
        run = accuracy.run_quotetrack(variant, command)
        s = accuracy.score(golds, run.preds)[0]
        rows.append((name, "all", s, None))
        if "!=" in run.note:
            print(f"{name}: {run.note}")
    print()
    print(accuracy.table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
