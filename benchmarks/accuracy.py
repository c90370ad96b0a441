"""Accuracy of direct-quote extraction and attribution on PolNeAR, beside textacy.

    make accuracy POLNEAR=/path/to/PolNeAR            # dev split, both systems
    python benchmarks/accuracy.py --polnear PATH --split dev --errors errors.jsonl

PolNeAR (github.com/networkdynamics/PolNeAR) annotates attribution relations
in 1,008 US political news articles as brat standoff: Source, Cue and Content
spans joined by an Attribution event. Only the ``train`` and ``dev`` splits
are used here; this script refuses ``test``.

Gold direct quotes
    Inside every annotated Content span, each stretch between a matching pair
    of quotation marks (“…”, "…" or ''…'') is a gold direct quote. Its gold
    speaker is the relation's Source span. Where the Source is a pronoun or a
    description ("he", "the senator", "a spokesman"), it is resolved to the
    nearest earlier Source in the same article that is a proper name. (The
    corpus's CoreNLP coreference files are not in the stored snapshot this
    benchmark was developed with, so this is a stand-in for the chains; such
    quotes are counted as "coref" quotes.) Where an article has several
    annotators' files, the first in sorted order is used.

Matching
    A predicted quote matches a gold quote when their character spans overlap
    by at least half of the longer of the two; pairs are taken greedily by
    overlap size, one to one. Precision, recall and F1 count matched quotes.
    For quotetrack, predictions are direct quotes of kind full or partial
    (terms are scare quotes by design; how many gold quotes a term covered is
    reported apart).

Speaker accuracy
    On matched quotes: a predicted speaker is right when it shares a
    capitalised word (a surname, say) with the resolved gold speaker, or is
    the same text ignoring case. End-to-end accuracy: gold quotes both found
    and rightly attributed, over all gold quotes.

Throughput is measured in the same run: articles per second of each system
over the same texts, on one core, excluding start-up (spaCy model loading is
timed separately and left out of textacy's figure).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from quotetrack.api import scan_texts  # noqa: E402

QUOTE_PAIR = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"|''((?:(?!'').)+?)''", re.S)
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "it", "his", "them", "you"}
DESCRIPTION_START = {"the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "that", "some", "two", "several"}


@dataclass
class Gold:
    start: int
    end: int
    source: Optional[str]  # resolved speaker text
    coref: bool  # the annotated Source needed resolution


@dataclass
class Pred:
    start: int
    end: int
    speaker: Optional[str]
    kind: str = "full"


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    named_n: int = 0
    named_ok: int = 0
    coref_n: int = 0
    coref_ok: int = 0
    e2e_ok: int = 0
    terms_covering_gold: int = 0

    def add(self, other: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


# --------------------------------------------------------------------------- corpus


def _parse_ann(path: Path) -> tuple[dict, list[dict]]:
    ents: dict[str, tuple[str, int, int, str]] = {}
    rels: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, spans = parts[1].partition(" ")
            pieces = [p.split() for p in spans.split(";") if p.strip()]
            try:
                start, end = int(pieces[0][0]), int(pieces[-1][1])
            except (IndexError, ValueError):
                continue
            ents[parts[0]] = (label, start, end, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E"):
            rels.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    return ents, rels


def _is_named(text: str) -> bool:
    words = text.strip().split()
    if not words:
        return False
    return words[0].lower() not in PRONOUNS | DESCRIPTION_START and any(w[:1].isupper() for w in words)


def load_split(polnear: Path, split: str, limit: Optional[int]) -> list[tuple[str, str, list[Gold]]]:
    if split not in ("dev", "train"):
        raise SystemExit("accuracy: only the train and dev splits may be used; test stays unseen")
    base = polnear / "data" / split
    if not (base / "text").is_dir():
        raise SystemExit(f"accuracy: {base / 'text'} not found: give --polnear the PolNeAR checkout (with data/{split}/)")
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(p.name.rsplit("_", 1)[0], p)
    out = []
    for tp in sorted((base / "text").glob("*.txt")):
        name = tp.stem
        if name not in anns:
            continue
        text = tp.read_text(encoding="utf-8")
        ents, rels = _parse_ann(anns[name])
        named_sources = sorted((e[1], e[3]) for e in ents.values() if e[0] == "Source" and _is_named(e[3]))
        gold: list[Gold] = []
        for r in rels:
            content = ents.get(r.get("Content", ""))
            source = ents.get(r.get("Source", ""))
            if not content:
                continue
            src_text, coref = None, False
            if source:
                src_text = source[3].strip()
                if not _is_named(src_text):
                    coref = True
                    earlier = [t for off, t in named_sources if off < source[1]]
                    src_text = earlier[-1] if earlier else src_text
            for m in QUOTE_PAIR.finditer(text, content[1], content[2]):
                g = next(k for k in (1, 2, 3) if m.group(k) is not None)
                if m.group(g).strip():
                    gold.append(Gold(m.start(g), m.end(g), src_text, coref))
        out.append((name, text, gold))
        if limit and len(out) >= limit:
            break
    return out


# --------------------------------------------------------------------------- systems


def run_quotetrack(docs: list[tuple[str, str, list[Gold]]]) -> tuple[dict[str, list[Pred]], float]:
    t0 = time.perf_counter()
    result = scan_texts([(name, text) for name, text, _ in docs])
    elapsed = time.perf_counter() - t0
    names = {a.id: a.path for a in result.articles}
    preds: dict[str, list[Pred]] = defaultdict(list)
    for q in result.quotes:
        if q.direct:
            preds[names[q.article_id]].append(Pred(q.start, q.end, q.speaker, q.kind))
    return preds, elapsed


def run_textacy(docs: list[tuple[str, str, list[Gold]]], python: str) -> tuple[dict[str, list[Pred]], float]:
    payload = json.dumps([{"id": n, "text": t} for n, t, _ in docs])
    proc = subprocess.run(
        [python, str(HERE / "textacy_quotes.py")], input=payload, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"accuracy: the textacy run failed:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    preds = {k: [Pred(p["start"], p["end"], p["speaker"]) for p in v] for k, v in data["quotes"].items()}
    return preds, data["seconds"]


# --------------------------------------------------------------------------- scoring


def _speaker_ok(pred: Optional[str], gold: Optional[str]) -> bool:
    if not pred or not gold:
        return False
    if pred.strip().lower() == gold.strip().lower():
        return True
    gold_words = {w.strip(".,’'s").lower() for w in re.findall(r"[\w’'.-]+", gold)}
    return any(w[:1].isupper() and w.strip(".,’'s").lower() in gold_words for w in re.findall(r"[\w’'.-]+", pred))


def score(docs, preds: dict[str, list[Pred]], errors: Optional[list], system: str) -> dict[str, Tally]:
    by_pub: dict[str, Tally] = defaultdict(Tally)
    for name, text, gold in docs:
        t = Tally()
        ps = [p for p in preds.get(name, []) if p.kind != "term"]
        terms = [p for p in preds.get(name, []) if p.kind == "term"]
        t.gold, t.pred = len(gold), len(ps)
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(ps):
                ov = min(g.end, p.end) - max(g.start, p.start)
                if ov > 0 and ov >= 0.5 * max(g.end - g.start, p.end - p.start):
                    pairs.append((ov, gi, pi))
        used_g, used_p = set(), set()
        for ov, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi], ps[pi]
            ok = _speaker_ok(p.speaker, g.source)
            if g.source:
                if g.coref:
                    t.coref_n += 1
                    t.coref_ok += ok
                else:
                    t.named_n += 1
                    t.named_ok += ok
            t.e2e_ok += ok
            if not ok and errors is not None:
                errors.append({"system": system, "type": "wrong-speaker", "article": name, "gold_speaker": g.source,
                               "coref": g.coref, "predicted": p.speaker, "quote": text[g.start:g.end][:200],
                               "context": text[max(0, g.start - 150):g.end + 80]})
        t.matched = len(used_g)
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            if any(min(g.end, p.end) - max(g.start, p.start) > 0 for p in terms):
                t.terms_covering_gold += 1
            if errors is not None:
                errors.append({"system": system, "type": "missed", "article": name, "quote": text[g.start:g.end][:200],
                               "context": text[max(0, g.start - 150):g.end + 80]})
        if errors is not None:
            for pi, p in enumerate(ps):
                if pi not in used_p:
                    errors.append({"system": system, "type": "spurious", "article": name, "quote": text[p.start:p.end][:200],
                                   "predicted": p.speaker, "context": text[max(0, p.start - 100):p.end + 60]})
        by_pub[name.split("_", 1)[0]].add(t)
    return by_pub


def _row(label: str, t: Tally, rate: Optional[float]) -> str:
    p = t.matched / t.pred if t.pred else 0.0
    r = t.matched / t.gold if t.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    named = f"{t.named_ok / t.named_n:.3f}" if t.named_n else "  -  "
    coref = f"{t.coref_ok / t.coref_n:.3f}" if t.coref_n else "  -  "
    e2e = t.e2e_ok / t.gold if t.gold else 0.0
    speed = f"{rate:9.1f}" if rate is not None else " " * 9
    return f"{label:<26} {t.gold:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {named} ({t.named_n:4d})  {coref} ({t.coref_n:4d})  {e2e:6.3f} {speed}"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, type=Path, help="PolNeAR checkout (the folder holding data/)")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--errors", type=Path, default=None, help="write every error as JSON Lines here")
    ap.add_argument("--textacy-python", default=None, help="python of the bench-only environment with textacy")
    ap.add_argument("--no-textacy", action="store_true", help="measure quotetrack alone")
    args = ap.parse_args(argv)

    docs = load_split(args.polnear, args.split, args.limit)
    errors: Optional[list] = [] if args.errors else None
    systems = [("quotetrack", run_quotetrack(docs))]
    if not args.no_textacy:
        python = args.textacy_python or str(ROOT / ".venv-accuracy" / "bin" / "python")
        if not os.path.exists(python):
            raise SystemExit(f"accuracy: no textacy environment at {python} (make accuracy creates it), or pass --no-textacy")
        systems.append(("textacy", run_textacy(docs, python)))

    print(f"PolNeAR {args.split}: {len(docs)} articles, {sum(len(g) for _, _, g in docs)} gold direct quotes")
    print(f"{'system / publisher':<26} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}  {'spk named':>15}  {'spk coref':>15}  {'e2e':>6} {'art/s':>9}")
    for system, (preds, seconds) in systems:
        by_pub = score(docs, preds, errors, system)
        total = Tally()
        for t in by_pub.values():
            total.add(t)
        print(_row(system, total, len(docs) / seconds if seconds else None))
        for pub in sorted(by_pub):
            print(_row(f"  {pub}", by_pub[pub], None))
        if system == "quotetrack":
            print(f"  (gold quotes covered by a quotetrack term instead: {total.terms_covering_gold})")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors or []:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(f"errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
