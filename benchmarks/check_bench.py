"""Benchmark for ``quotetrack check``: a generated newsroom of 2,000 articles and 200 transcripts.

    .venv/bin/python benchmarks/check_bench.py [--articles N] [--transcripts N] [--keep DIR]

Writes a deterministic, templated repository (fictional council meetings in
made-up towns) into a temporary folder, with a ``.quotetrack.toml``, then
times ``quotetrack check`` over it: the library call (reading, quote
finding, attribution, matching against the sources, grouping for
inconsistent wording) and the rendering of each output format. Most quotes
are verbatim; some are altered, given to the wrong speaker, made up or left
unattributed, so every rule has work to do. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotetrack import config as qconfig  # noqa: E402
from quotetrack.check import exit_code, run  # noqa: E402
from quotetrack.check_report import RENDERERS  # noqa: E402

FIRST = """Ada Bram Cleo Dorian Elske Farid Greta Hugo Ines Jonas Katya Lorenz Mira Nils Oona Pavel Quirine Rosa Sven Tilde
Ulla Viktor Wanda Xavier Yara Zeno Anouk Bastian Carys Dmitri""".split()
LAST = """Abernethy Brackwater Castellan Dunmore Eskildsen Fairweather Gorsuch Halvorsen Ingledew Jarnefelt Kowalczyk
Lindqvist Marchetti Nakashima Oyelaran Pettersen Quarrington Rasmussen Szabo Thorvaldsen Underhill Valcourt Whitlock
Yilmaz Zabriskie Achebe Bellweather Cornish Delacroix Ekwueme""".split()
TOWNS = """Harrowgate Millbeck Saltmarsh Thornbury Kelderwick Ashcombe Brindlemoor Cawley Dunhollow Eastwick Fernby
Gallowmere Hobbshaw Ivybridge Jessop Kirkwall Lyndhurst Marrowby Norbury Oakenshaw""".split()
STREETS = """Mill Lane|Station Road|Church Walk|Quarry Hill|Harbour Row|Orchard Way|Tanner Street|Weir Road|Forge Lane
|Chapel Street|Bridge End|Market Square|Salt Lane|Ropewalk|Castle Mound|Fennel Close|Rookery Lane|Glebe Road""".replace("\n", "").split("|")
NOUNS = """library swimming pool bus shelter footbridge clinic playground car park sports hall fire station depot
recycling centre community garden market hall skate park ferry slipway cycle path allotments bandstand""".split()
PLAIN_NOUNS = """roof budget timetable contract survey schedule plan grant lease petition inquiry""".split()
VERBS = """repair reopen extend rebuild fund inspect replace widen insulate repaint resurface relocate""".split()
ADJ = """old new flooded damaged popular empty crowded unsafe historic temporary""".split()
MONTHS = """January February March April May June July August September October November December""".split()
NUMBERS = """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty""".split()

TEMPLATES = [
    "We will {verb} the {adj} {noun} on {street} before the end of {month}.",
    "The council has set aside {num} hundred thousand for the {noun} in {town}, and not a penny of it will be wasted.",
    "Nobody in {town} should wait {num} months for the {noun} on {street} to {verb2}.",
    "I have asked the officers to {verb} the {plain} for the {noun} by {month}, and I expect them to deliver.",
    "If the {plain} for the {adj} {noun} slips again, residents of {street} deserve to hear it from me first.",
    "The {noun} on {street} has been {adj} for {num} years, and {month} is the month we finally {verb} it.",
    "People in {town} told us they wanted the {noun} back, so we will {verb} it within {num} weeks.",
    "My committee will publish the {plain} for the {noun} in {month}, with every cost shown line by line.",
]
UNHEARD = [
    "Half of {street} turned up to the meeting about the {noun}, and nobody from the council listened to us.",
    "My children have not used the {noun} in {town} for {num} years because it is always {adj}.",
    "We have written {num} letters about the {noun} on {street} and got the same answer every time.",
]


def _fill(rng: random.Random, template: str, town: str) -> str:
    return template.format(
        verb=rng.choice(VERBS), verb2=rng.choice(VERBS), adj=rng.choice(ADJ), noun=rng.choice(NOUNS),
        street=rng.choice(STREETS), month=rng.choice(MONTHS), num=rng.choice(NUMBERS), town=town,
        plain=rng.choice(PLAIN_NOUNS),
    )


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _alter(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    i = rng.randrange(2, len(words) - 2)
    swap = {"will": "might", "the": "our", "and": "but", "every": "each", "not": "never"}
    words[i] = swap.get(words[i].lower(), "certainly " + words[i])
    return " ".join(words)


def generate(root: Path, n_articles: int = 2000, n_transcripts: int = 200, seed: int = 20250304) -> None:
    rng = random.Random(seed)
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / ".quotetrack.toml").write_text('articles = ["articles/**/*.md"]\nsources = ["sources/**"]\n', encoding="utf-8")
    meetings = []
    for t in range(n_transcripts):
        town = TOWNS[t % len(TOWNS)]
        speakers = []
        while len(speakers) < 3:
            p = _person(rng)
            if p not in speakers:
                speakers.append(p)
        turns = []
        lines = [f"---\ntitle: {town} council meeting {t + 1}\ntype: transcript\n---\n", f"# {town} council, meeting {t + 1}\n"]
        for k in range(12):
            minute = 2 * k
            if k % 4 == 3:
                lines.append(f"[00:{minute:02d}:10] REPORTER: What about the {rng.choice(NOUNS)} on {rng.choice(STREETS)}?\n")
                continue
            who = speakers[k % 3]
            sentences = [_fill(rng, rng.choice(TEMPLATES), town) for _ in range(rng.randint(2, 3))]
            turns.append((who, sentences))
            lines.append(f"[00:{minute:02d}:40] {who.upper()}: " + " ".join(sentences) + "\n")
        (root / "sources" / f"meeting-{t + 1:03d}.md").write_text("\n".join(lines), encoding="utf-8")
        meetings.append((town, speakers, turns))
    for a in range(n_articles):
        town, speakers, turns = meetings[a % n_transcripts]
        paras = [
            f"---\ntitle: {town} council weighs repairs ({a + 1})\ndate: 2025-03-{a % 28 + 1:02d}\n"
            f"outlet: {['Valley Post', 'County Ledger', 'Evening Lamp', 'Riverside Chronicle'][a % 4]}\n---\n",
            f"Councillors in {town} met on Tuesday evening to discuss a long list of repairs across the town centre.",
        ]
        for j in range(4):
            who, sentences = turns[(a + 3 * j) % len(turns)]
            words = rng.choice(sentences)
            roll = rng.random()
            if roll < 0.08:
                words = _alter(rng, words)
            elif roll < 0.12:
                who = next(s for s in speakers if s != who)
            elif roll < 0.20:
                words, who = _fill(rng, rng.choice(UNHEARD), town), _person(rng)
            if roll > 0.97:
                paras.append(f"Residents had heard it before. “{words}”")
            else:
                paras.append(f"“{words[:-1]},” said {who}, speaking at the meeting.")
            paras.append(f"The item on the {rng.choice(NOUNS)} took {rng.choice(NUMBERS)} minutes of the agenda.")
        (root / "articles" / f"story-{a + 1:04d}.md").write_text("\n\n".join(paras) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--transcripts", type=int, default=200)
    ap.add_argument("--keep", help="generate into this folder and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotetrack-check-bench-") as tmp:
        root = Path(args.keep or tmp)
        t0 = time.perf_counter()
        generate(root, args.articles, args.transcripts)
        gen = time.perf_counter() - t0
        cwd = os.getcwd()
        os.chdir(root)
        try:
            conf = qconfig.discover()
            t0 = time.perf_counter()
            result = run(conf)
            took = time.perf_counter() - t0
            renders = {}
            for name, render in RENDERERS.items():
                t1 = time.perf_counter()
                render(result, io.StringIO())
                renders[name] = time.perf_counter() - t1
        finally:
            os.chdir(cwd)
    by_rule = Counter(f.rule for f in result.findings)
    print(f"generated {args.articles} articles and {args.transcripts} transcripts in {gen:.2f} s")
    print(
        f"quotetrack check: {took:.2f} s for {len(result.articles)} articles against {len(result.sources)} sources "
        f"({result.source_statements} statements); {len(result.findings)} findings "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_rule.items()))}); exit code {exit_code(result)}"
    )
    print("rendering: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in renders.items()))


if __name__ == "__main__":
    main()
