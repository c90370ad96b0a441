"""Grouping time and peak memory at 10k, 100k and 1M generated quotes.

    .venv/bin/python benchmarks/grouping_bench.py [--max 1000000] [--seed 1]

Each size runs in its own process (peak memory is the process's maximum
resident set size, ``ru_maxrss``, which includes the interpreter and the
generated quotes and articles, about a third of it). The quotes have the
overlap of real coverage: statements of many speakers (one per 40 quotes)
carried by many outlets (500), popular statements far more often than
others (Zipf), most verbatim, some excerpts, some with a word changed, some
as reported speech in other words, speakers named with and without their
role ("Harbour Minister Lena Oduya" / "Lena Oduya"), and one- and two-word
quotes ("No.") that must join nothing. Words come from a generated vocabulary
with a Zipf distribution plus English function words.

Prints, per size: quotes, distinct wordings, statements, seconds of
``statements.group``, pairs compared (``compare_wordings`` calls) per quote,
and peak memory. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack import align, statements  # noqa: E402
from quotetrack.models import FULL, Article, Quote  # noqa: E402

FUNCTION = ("the a of to and in that is was will would for on with as at by from it we they our not "
            "this be have has are said were can could should must more than").split()
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
ROLES = ["Minister", "Mayor", "Senator", "Councillor", "Director", "Chief Executive", "Harbour Master"]


def vocabulary(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_index(rng: random.Random, n: int) -> int:
    """An index in [0, n), log-uniform: about Zipf's law, a few frequent and many rare."""
    return min(n - 1, int(n ** rng.random()) - 1)


def sentence(rng: random.Random, vocab: list[str], length: int) -> list[str]:
    out = []
    for _ in range(length):
        out.append(rng.choice(FUNCTION) if rng.random() < 0.4 else vocab[zipf_index(rng, len(vocab))])
    out[0] = out[0].capitalize()
    return out


def generate(n: int, seed: int) -> tuple[list[Quote], list[Article]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 30000)
    people = []
    for _ in range(max(10, n // 40)):
        first, last = (rng.choice(vocab).capitalize() for _ in range(2))
        people.append((rng.choice(ROLES), f"{first} {last}"))
    n_statements = max(10, n // 6)
    stmts = [(sentence(rng, vocab, rng.randint(10, 30)), rng.randrange(len(people))) for _ in range(n_statements)]
    outlets = [f"Outlet {i}" for i in range(500)]
    quotes: list[Quote] = []
    articles: list[Article] = []
    text_len = 0
    aid = None
    for k in range(n):
        if k % 6 == 0:
            aid = f"a{len(articles)}"
            articles.append(Article(aid, f"gen/{aid}.txt", "", rng.choice(outlets), "metadata", body_start=0,
                                    body_end=10**9))
        r = rng.random()
        speaker = None
        direct = True
        if r < 0.03:
            words = [rng.choice(["No", "Yes", "Absolutely", "Never", "Crooked", "Fake"])] + (
                [rng.choice(vocab)] if rng.random() < 0.5 else [])
        elif r < 0.10:
            words = sentence(rng, vocab, rng.randint(6, 25))  # said once, by someone, somewhere
            speaker = people[rng.randrange(len(people))][1]
        else:
            base, who = stmts[zipf_index(rng, n_statements)]
            role, name = people[who]
            speaker = f"{role} {name}" if rng.random() < 0.3 else name
            v = rng.random()
            if v < 0.55:
                words = list(base)
            elif v < 0.75:
                i = rng.randrange(0, max(1, len(base) - 6))
                words = base[i : i + rng.randint(6, len(base) - i)] if len(base) - i > 6 else list(base)
            elif v < 0.87:
                words = list(base)
                words[rng.randrange(len(words))] = rng.choice(vocab)
            else:
                words = [w for w in base if rng.random() > 0.25]
                words.insert(rng.randrange(len(words) + 1), rng.choice(vocab))
                direct = False
        if rng.random() < 0.05:
            speaker = None
        text = " ".join(words) + "."
        quotes.append(Quote(f"{aid}:q{k}", aid, text, text_len, text_len + len(text), 1, 1, FULL, direct=direct,
                            speaker=speaker))
        text_len += len(text) + 1
    return quotes, articles


def run_one(n: int, seed: int) -> dict:
    quotes, articles = generate(n, seed)
    calls = [0]
    original = statements.compare_wordings

    def counted(a, b, model=None):
        calls[0] += 1
        return original(a, b, model)

    statements.compare_wordings = counted
    align.judge()  # load the model outside the timing
    t0 = time.perf_counter()
    sts, _ = statements.group(quotes, articles)
    seconds = time.perf_counter() - t0
    wordings = len({q.text for q in quotes})
    return {"quotes": n, "wordings": wordings, "statements": len(sts),
            "multi": sum(1 for s in sts if len(s.members) > 1), "seconds": round(seconds, 2),
            "pairs_per_quote": round(calls[0] / n, 2), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max", type=int, default=1_000_000, help="largest size to run (10k, 100k, 1M up to this)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    print(f"each size: $ python benchmarks/grouping_bench.py --one N --seed {args.seed}  (its own process; "
          "statements.group on N generated quotes)")
    print(f"{'quotes':>9} {'wordings':>9} {'statements':>10} {'joined':>8} {'seconds':>8} {'quotes/s':>9} "
          f"{'pairs/quote':>11} {'peak MB':>8}")
    for n in (10_000, 100_000, 1_000_000):
        if n > args.max:
            break
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['quotes']:>9,} {r['wordings']:>9,} {r['statements']:>10,} {r['multi']:>8,} {r['seconds']:>8} "
              f"{int(r['quotes'] / r['seconds']):>9,} {r['pairs_per_quote']:>11} {r['peak_mb']:>8,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
