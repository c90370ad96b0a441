"""Speed of the paraphrase judge on MRPC-length sentence pairs (about 20 words each).

    .venv/bin/python benchmarks/paraphrase_bench.py [--pairs 20000] [--seed 1] [--mrpc PATH]
                                                    [--prepared-only] [--rounds 3]

Generated pairs of news-like sentences of 15 to 30 words: half of them one
sentence rewritten (words dropped, replaced, moved), half two unrelated
sentences. Measures ``compare_wordings`` on wordings prepared once
(``align.wording``: tokens, stems, n-grams; as grouping does, once per
distinct wording), and ``compare`` from the raw strings with cold caches
(tokenising and preparing every sentence once in the run). With ``--mrpc``
(the training file, default .cache/msr_paraphrase_train.txt when present) it
also times the same on MRPC's training pairs. Best of three runs; prints
figures (by wall clock, and by the process's CPU time, the steadier figure
on a busy machine), asserts nothing. ``--prepared-only --rounds N`` times
only the judging of prepared wordings, N rounds: for timing the whole process
from outside, where the judge's share should dominate.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack import align  # noqa: E402
from quotetrack.textnorm import comparison_tokens  # noqa: E402

WORDS = ("the council said it would build a new sea wall along the harbour front before winter storms arrive and "
         "that ministers had agreed to fund most of the cost while residents worry about rising bills for homes "
         "near coast officials warned flooding could cut roads schools and power lines across three districts "
         "this year unless work starts soon engineers expect repairs to take months").split()
NAMES = ["Oduya", "Brenner", "Calloway", "Keohane", "Furlow", "Marsh", "Tallis", "Quint", "Ibarra", "Lindqvist"]


def sentence(rng: random.Random) -> list[str]:
    words = [rng.choice(WORDS) for _ in range(rng.randint(15, 30))]
    words[rng.randrange(len(words))] = rng.choice(NAMES)
    if rng.random() < 0.5:
        words[rng.randrange(len(words))] = str(rng.randint(2, 2000))
    return words


def rewrite(rng: random.Random, words: list[str]) -> list[str]:
    out = [w for w in words if rng.random() > 0.15]
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(len(out))] = rng.choice(WORDS)
    i, j = sorted(rng.sample(range(len(out)), 2))
    return out[j:] + out[i:j] + out[:i]


def pairs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        a = sentence(rng)
        b = rewrite(rng, a) if k % 2 == 0 else sentence(rng)
        out.append((" ".join(a).capitalize() + ".", " ".join(b).capitalize() + "."))
    return out


def clear() -> None:
    comparison_tokens.cache_clear()
    align.wording.cache_clear()
    align.content_stems.cache_clear()


def timed(label: str, ps: list[tuple[str, str]], prepared_only: bool = False, rounds: int = 3) -> None:
    align.judge()
    cold, cold_cpu = [], []
    for _ in range(0 if prepared_only else 3):
        clear()
        t0, c0 = time.perf_counter(), time.process_time()
        for a, b in ps:
            align.compare(a, b)
        cold.append(time.perf_counter() - t0)
        cold_cpu.append(time.process_time() - c0)
    ws = [(align.wording(comparison_tokens(a)), align.wording(comparison_tokens(b))) for a, b in ps]
    warm, warm_cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for wa, wb in ws:
            align.compare_wordings(wa, wb)
        warm.append(time.perf_counter() - t0)
        warm_cpu.append(time.process_time() - c0)
    words = sum(len(a.split()) + len(b.split()) for a, b in ps) / (2 * len(ps))
    n = len(ps)
    print(f"{label}: {n:,} pairs, {words:.1f} words a sentence:\n"
          f"  prepared wordings: {n / min(warm):,.0f} pairs/s wall, {n / min(warm_cpu):,.0f} pairs/s of CPU time")
    if cold:
        print(f"  from the strings (cold caches): {n / min(cold):,.0f} pairs/s wall, {n / min(cold_cpu):,.0f} of CPU time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mrpc", type=Path, default=ROOT / ".cache" / "msr_paraphrase_train.txt")
    ap.add_argument("--prepared-only", action="store_true", help="time only compare_wordings on prepared wordings")
    ap.add_argument("--rounds", type=int, default=3, help="rounds over the prepared pairs (the best is printed)")
    args = ap.parse_args()
    if args.pairs > 0:  # --pairs 0: MRPC only
        timed("generated", pairs(args.pairs, args.seed), args.prepared_only, args.rounds)
    if args.mrpc.is_file() and "test" not in args.mrpc.name.lower():
        rows = [line.rstrip("\n").split("\t") for line in args.mrpc.open(encoding="utf-8-sig")][1:]
        timed("MRPC train", [(r[3], r[4]) for r in rows], args.prepared_only, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
