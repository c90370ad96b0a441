"""Export the accuracy harness's coreference (or named) gold quotes for a blind hand audit.

    python benchmarks/audit_coref.py --polnear PATH --split dev --export cases.jsonl
    python benchmarks/audit_coref.py --polnear PATH --split train --sample 150 --seed 11 --export cases.jsonl
    python benchmarks/audit_coref.py --polnear PATH --split dev --kind named --no-source --export cases.jsonl

Lists every gold direct quote whose speaker kind is ``coref`` in ``benchmarks/accuracy.py`` (the PolNeAR
Source is a pronoun or a description, and the harness's gold name comes from CoreNLP's coreference chain),
one JSON object a line:

    article, start, end     the gold quote (character offsets of its inner text in the article)
    quote                   the quote's text
    source                  the PolNeAR Source span's text
    harness_gold            the name the harness takes as gold speaker
    context                 about 900 characters before the quote and 300 after it, paragraph breaks kept;
                            the quote is marked [[...]] and the Source span <<...>> where it lies inside
    context_start           the article offset where the context begins

``--kind named`` lists the gold quotes whose Source is a name instead. ``--no-source`` leaves the Source span
unmarked in the context (for named gold the span is the name, which would give the answer away); the
``source`` and ``harness_gold`` fields stay in the file for scoring, and are not shown to the reader.

Nothing of quotetrack's output is in the file: the audit is labelled blind. ``--sample N --seed S`` keeps a
random sample of N cases (``random.Random(S).sample`` over the cases in article and offset order), written
back in that order. Only the dev and train splits can be read (accuracy.py refuses test).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import GoldQuote, gold_quotes, gold_speakers, load_corenlp, load_split  # noqa: E402

BEFORE = 900
AFTER = 300


def attribution_sources(article, speakers) -> dict[int, list[tuple[int, int]]]:  # noqa: ANN001
    """The Source fragments of each attribution, keyed by the id of its GoldSpeaker (the object gold_quotes
    hands to every quote of that attribution)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for ai, sp in speakers.items():
        src = article.attributions[ai].source
        out[id(sp)] = list(src.fragments) if src is not None else []
    return out


def marked_context(text: str, g: GoldQuote, source: list[tuple[int, int]]) -> tuple[str, int]:
    """The text around a quote, the quote in [[...]] and the Source fragments inside the window in <<...>>."""
    lo, hi = max(0, g.start - BEFORE), min(len(text), g.end + AFTER)
    marks: list[tuple[int, str]] = [(g.start, "[["), (g.end, "]]")]
    for s, e in source:
        if lo <= s and e <= hi:
            marks += [(s, "<<"), (e, ">>")]
    out, pos = [], lo
    for at, mark in sorted(marks, key=lambda m: (m[0], m[1] not in ("]]", ">>"))):  # closing first
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:hi])
    return "".join(out), lo


def coref_cases(articles, kind: str = "coref", mark_source: bool = True) -> list[dict]:  # noqa: ANN001
    cases = []
    for a in articles:
        doc = load_corenlp(a)
        speakers = gold_speakers(a, doc)
        sources = attribution_sources(a, speakers)
        for g in gold_quotes(a, doc, speakers):
            if g.speaker.kind != kind:
                continue
            ctx, ctx_start = marked_context(a.text, g, sources.get(id(g.speaker), []) if mark_source else [])
            cases.append(
                {
                    "article": a.id,
                    "start": g.start,
                    "end": g.end,
                    "quote": a.text[g.start : g.end],
                    "source": g.speaker.source_text,
                    "harness_gold": g.speaker.name,
                    "context": ctx,
                    "context_start": ctx_start,
                }
            )
    return cases


def sample(cases: list[dict], n: Optional[int], seed: int) -> list[dict]:
    if not n or n >= len(cases):
        return cases
    keep = set(random.Random(seed).sample(range(len(cases)), n))
    return [c for i, c in enumerate(cases) if i in keep]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, help="checkout of the PolNeAR repository")
    ap.add_argument("--split", required=True, choices=("dev", "train"))
    ap.add_argument("--sample", type=int, help="keep a random sample of N cases")
    ap.add_argument("--seed", type=int, default=0, help="seed of the sample (default 0)")
    ap.add_argument("--kind", choices=("coref", "named"), default="coref", help="which gold quotes (default coref)")
    ap.add_argument("--no-source", action="store_true", help="do not mark the Source span in the context")
    ap.add_argument("--export", required=True, metavar="FILE", help="JSONL file to write")
    args = ap.parse_args(argv)
    cases = coref_cases(load_split(Path(args.polnear), args.split), args.kind, not args.no_source)
    kept = sample(cases, args.sample, args.seed)
    with open(args.export, "w", encoding="utf-8") as fh:
        for c in kept:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{args.split}: {len(cases)} {args.kind} gold quotes, {len(kept)} written to {args.export}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
