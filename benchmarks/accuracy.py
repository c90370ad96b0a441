"""Direct-quote extraction and attribution accuracy on PolNeAR, beside a textacy baseline.

    make accuracy POLNEAR=/path/to/PolNeAR                       # dev split, both systems
    python benchmarks/accuracy.py --polnear PATH [--split dev|train] [--limit N]
                                  [--errors errors.jsonl] [--no-textacy] [--audited FILE|DIR ...]

The harness itself needs only the standard library. quotetrack is run as its
command-line tool (``quotetrack scan --format json`` over a folder of the
split's articles, once); textacy runs in the bench-only environment
``.venv-bench`` through ``benchmarks/textacy_quotes.py``, which prints JSON.

Corpus
    PolNeAR (github.com/networkdynamics/PolNeAR): 1,008 US political news
    articles from 7 publishers, with attribution relations annotated as brat
    standoff (``data/<split>/attributions/<article>_<annotator>.ann``: Source,
    Cue and Content text-bound spans, possibly discontinuous, joined by
    ``Attribution`` events), the raw text (``data/<split>/text``) and CoreNLP
    XML (``data/<split>/corenlp``: tokens, POS, NER, dependencies, dcoref).
    Only ``train`` and ``dev`` are used; ``test`` is refused. Where an
    article was annotated by several annotators, the annotator whose id sorts
    first is used.

Gold direct quotes
    1. Quotation marks are paired line by line over the raw text. The corpus
       mixes conventions: curly quotes (“…”), straight quotes ("…"), and, in
       New York Times articles, two apostrophes (''…'') for both opening and
       closing. Curly single quotes (‘…’) count as a quotation where they are
       not nested in a double quotation (headlines use them); a ’ closes one
       only when no letter follows it, so apostrophes are skipped. Straight
       single quotes (') are never treated as quotation marks. Ambiguous marks
       (" and '') open or close by context and by what is open. A quotation
       still open at the end of a line runs to the end of that line (the
       convention for quotes running over several paragraphs). Only
       outermost quotations are kept: a quotation inside a quotation belongs
       to the outer one.
    2. A quotation is a gold direct quote when at least half of its inner
       text (between the marks, marks excluded) lies inside the Content span
       of an annotated attribution; it belongs to the attribution covering
       most of it. Its gold span is the inner text, stripped of surrounding
       white space. Quotations outside any Content (titles of works, scare
       quotes nobody is credited with) are not gold.
    3. The gold speaker comes from the attribution's Source span, through the
       article's CoreNLP annotation:
       - named: the span itself names someone -- its syntactic head (the
         token whose governor lies outside the span) is a proper noun, or has
         a proper-noun apposition, or (when no coreference chain gives a name)
         the span holds a person's or organisation's name as a compound or
         possessive modifier ("the Clinton campaign"). The name is that run of
         proper nouns less titles (Mr., Sen., President...).
       - coref: otherwise (a pronoun or a description: "he", "the senator"),
         the CoreNLP coreference chain holding the span's head is followed to
         its representative mention, or failing that to its first mention
         headed by a proper noun; that name is the gold speaker.
       - unresolved: a Source with no name to be found; none: an attribution
         without a Source ("Attribution-no-source").
       For the few articles whose CoreNLP file is absent (it is missing from
       the repository's stored copy), the span is cut before an apposition,
       relative clause or prepositional phrase and its last run of
       capitalised words is the name; a span without one takes the nearest
       earlier named Source in the article (counted as coref).

Predictions
    quotetrack: every quote with ``direct: true`` in the scan's JSON, terms
    and titles of works (``kind: "term"``, ``"title"``: nobody's speech)
    included; how many gold quotes were matched by one is reported apart, and
    so are the figures without them ("no terms"). textacy:
    ``textacy.extract.triples.direct_quotations`` over spaCy's small English
    model; each triple's content span, with its quotation marks stripped, and
    its speaker tokens. textacy refuses a whole document whose quotation marks
    do not pair up; such an article is then run paragraph by paragraph
    (``benchmarks/textacy_quotes.py``), and how often is reported.

Matching
    A prediction and a gold quote match when their character spans overlap by
    at least half of the longer of the two. Candidate pairs are taken greedily
    by overlap size (then gold position), each quote at most once. Precision =
    matched / predictions, recall = matched / gold, F1 their harmonic mean.

Speaker accuracy (on matched quotes)
    Words are compared case-insensitively, a possessive 's removed. For a gold
    speaker with a name, the prediction is right when its speaker's words
    (``speaker``, or ``speaker_mention`` when no speaker was given; textacy's
    speaker tokens) contain the name's last word -- the surname for a person,
    less Jr./Sr./II/III. So "Clinton" is right for "Hillary Clinton", and so
    is "Bill Clinton" (a known leniency). For an unresolved Source, right when
    the predicted speaker or speaker mention shares a content word with the
    Source span ("she" and "she", "a spokesman" and "spokesman"). For no Source, right when no speaker is predicted.
    Speaker accuracy is reported for named and coref gold quotes separately.
    End-to-end accuracy: gold quotes that were matched and rightly attributed,
    over all gold quotes.

Hand-audited gold (``--audited FILE``, repeatable, or a directory of JSONL files)
    CoreNLP's coreference chains are often wrong, so the coref gold above is checked by hand:
    benchmarks/audit/ holds, for gold quotes of kind coref (all of dev, a fixed sample of train) and of
    kind named (all of dev), the speaker a careful reader names, "unclear", or "nobody" (words presented
    as nobody's: right only without a speaker) (see its README; made with benchmarks/audit_coref.py).
    Each gold kind is scored apart.
    For the listed gold quotes (same article and offsets) the harness prints how many were found,
    how many are unclear (left out), how often the harness gold agrees with the audit, and each
    system's speaker accuracy on the matched ones against the harness gold and against the audit.
    The audited speaker is scored by the same surname rule as a named gold speaker (its last word, or
    that of an alias the audit lists for an organisation); so is the harness gold against the audit.

Reported speech (quotetrack only; printed after the direct-quote table)
    Gold: every attribution whose Content holds no quotation mark. Its cue is a speech or report
    verb when the Cue span holds, as a verb (CoreNLP's tag), a form of a verb in
    quotetrack/data/speech_verbs.txt, or is "according to"; its content is a clause when one of
    its heads (basic dependencies) has a subject. Predictions: every ``direct: false`` quote. A
    gold attribution is found when a prediction whose span overlaps it has token Jaccard >= 0.5
    with it (sets of case-folded word tokens; greedy by Jaccard, one to one). Predictions are
    matched against every gold attribution, quoted ones too, so reported speech around a partial
    quote counts for precision; recall and speaker accuracy (as for quotes) are over the gold
    without quotation marks.

Throughput, measured in the same run over the same texts on this machine, in
articles per second net of start-up for both systems:
    quotetrack: the wall-clock time of the whole ``quotetrack scan`` process
    (reading files, finding, attribution, statement grouping) less its
    start-up, taken as the best of three scans of a one-line article.
    textacy: the time spent in ``nlp(text)`` plus ``direct_quotations``
    (importing, loading the model and starting Python excluded).
    The whole-process times of both are printed below the table.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPLITS = ("dev", "train")
NOT_SPEECH = ("term", "title")  # quote kinds that are nobody's speech
PUBLISHERS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")

# --------------------------------------------------------------------------- corpus


@dataclass
class Span:
    """A brat text-bound annotation: a label and one or more [start, end) fragments."""

    label: str
    fragments: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)

    def overlap(self, start: int, end: int) -> int:
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.fragments)


@dataclass
class Attribution:
    source: Optional[Span]
    cue: Optional[Span]
    contents: list[Span]


@dataclass
class Article:
    id: str
    publisher: str
    text: str
    attributions: list[Attribution]
    xml_path: Optional[Path]


def parse_ann(path: Path) -> list[Attribution]:
    """Attribution events of a brat .ann file (annotator notes, Discard/Discuss spans ignored).

    A text-bound line's quoted text may run over several lines (it copies the
    article's newlines), so only lines that start with an id are read and the
    offsets alone are used.
    """
    spans: dict[str, Span] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        m = re.match(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t", line)
        if m:
            frags = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            spans[m.group(1)] = Span(m.group(2), frags)  # type: ignore[arg-type]
            continue
        m = re.match(r"(E\d+)\t(.*)$", line)
        if m:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in m.group(2).split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    if ref:
                        roles[re.sub(r"\d+$", "", role)].append(ref)
            events.append(roles)
    out = []
    for roles in events:
        contents = [spans[r] for r in roles.get("Content", []) if r in spans]
        if not contents:
            continue
        source = next((spans[r] for r in roles.get("Source", []) if r in spans), None)
        cue = next((spans[r] for r in roles.get("Cue", []) if r in spans), None)
        out.append(Attribution(source, cue, contents))
    return out


def load_split(root: Path, split: str) -> list[Article]:
    if split not in SPLITS:
        raise SystemExit(f"accuracy: split {split!r} is not allowed (only {', '.join(SPLITS)}; test is never used)")
    data = root / "data"
    meta_path = data / "metadata.tsv"
    if not meta_path.is_file():
        raise SystemExit(f"accuracy: {meta_path} not found; POLNEAR must be a checkout of the PolNeAR repository")
    publisher: dict[str, str] = {}
    with meta_path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row.get("compartment") == split:
                publisher[row["filename"]] = row["publisher"]
    ann_by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in (data / split / "attributions").glob("*.ann"):
        ann_by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    articles = []
    for name in sorted(publisher):
        txt = data / split / "text" / f"{name}.txt"
        anns = sorted(ann_by_article.get(name, []))
        if not txt.is_file() or not anns:
            continue
        with txt.open(encoding="utf-8", newline="") as fh:  # keep the text exactly, offsets depend on it
            text = fh.read()
        xml = data / split / "corenlp" / f"{name}.txt.xml"
        articles.append(Article(name, publisher[name], text, parse_ann(anns[0]), xml if xml.is_file() else None))
    return articles


def take(articles: list[Article], limit: Optional[int]) -> list[Article]:
    """The first `limit` articles, taken round-robin over publishers so a quick run sees all seven."""
    if not limit or limit >= len(articles):
        return articles
    by_pub: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_pub[a.publisher].append(a)
    out: list[Article] = []
    while len(out) < limit:
        for pub in sorted(by_pub):
            if by_pub[pub] and len(out) < limit:
                out.append(by_pub[pub].pop(0))
    return sorted(out, key=lambda a: a.id)


# --------------------------------------------------------------------------- quotation marks

MARK = re.compile(r"''|[\"“”‘’„«»]")
OPENERS_BEFORE = set(" \t\n([{—–-/:;,") | set("“‘\"'„«")


@dataclass
class Quotation:
    start: int  # inner text, marks excluded
    end: int
    closed: bool


def quotations(text: str) -> list[Quotation]:
    """Outermost quotations of `text`, paired line by line (see the module docstring)."""
    found: list[Quotation] = []
    pos = 0
    for line in text.split("\n"):
        found.extend(_line_quotations(text, pos, pos + len(line)))
        pos += len(line) + 1
    return found


def _line_quotations(text: str, lo: int, hi: int) -> list[Quotation]:
    stack: list[tuple[str, int, int]] = []  # (mark, mark start, inner start)
    out: list[Quotation] = []

    def close(k: int, inner_end: int) -> None:
        mark, _, inner_start = stack[k]
        del stack[k:]
        if k == 0:
            out.append(Quotation(inner_start, inner_end, True))

    for m in MARK.finditer(text, lo, hi):
        mark, i, j = m.group(), m.start(), m.end()
        before = text[i - 1] if i > lo else "\n"
        after = text[j] if j < hi else "\n"
        opening_like = (before in OPENERS_BEFORE or before.isspace()) and not after.isspace()
        closing_like = not before.isspace() and not after.isalnum()
        doubles = [k for k, (mk, _, _) in enumerate(stack) if mk in "“„«\"''"]
        if mark in "“„«":
            stack.append((mark, i, j))
        elif mark in "”»":
            if doubles:
                close(doubles[-1], i)
        elif mark == "‘":
            if opening_like:
                stack.append((mark, i, j))
        elif mark == "’":
            if stack and stack[-1][0] == "‘" and closing_like:
                close(len(stack) - 1, i)
        else:  # " or '' : either way
            same = [k for k in doubles if stack[k][0] == mark or (mark == '"' and stack[k][0] in "“„«")]
            if same and (closing_like or not opening_like):
                close(same[-1], i)
            elif opening_like:
                stack.append((mark, i, j))
            elif same:
                close(same[-1], i)
    if stack and stack[0][0] != "‘":  # a quotation running on into the next paragraph
        out.append(Quotation(stack[0][2], hi, False))
    return out


# --------------------------------------------------------------------------- CoreNLP


@dataclass
class Token:
    sent: int
    idx: int  # 1-based within the sentence, as in the XML
    word: str
    start: int
    end: int
    pos: str
    ner: str


@dataclass
class CoreNLP:
    tokens: list[Token]
    by_sent: dict[tuple[int, int], Token]
    governor: dict[tuple[int, int], int]  # (sent, idx) -> governor idx (0 = root)
    deprel: dict[tuple[int, int], str]
    children: dict[tuple[int, int], list[tuple[str, int]]]
    chains: list[list[dict]]  # mentions: {sent, start, end (exclusive), head, representative}
    chain_of_head: dict[tuple[int, int], int] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "CoreNLP":
        root = ET.parse(path).getroot()
        doc = root.find("document")
        tokens: list[Token] = []
        by_sent: dict[tuple[int, int], Token] = {}
        governor: dict[tuple[int, int], int] = {}
        deprel: dict[tuple[int, int], str] = {}
        children: dict[tuple[int, int], list[tuple[str, int]]] = defaultdict(list)
        for s in doc.find("sentences"):
            sid = int(s.get("id"))
            for t in s.find("tokens"):
                tok = Token(
                    sid,
                    int(t.get("id")),
                    t.findtext("word"),
                    int(t.findtext("CharacterOffsetBegin")),
                    int(t.findtext("CharacterOffsetEnd")),
                    t.findtext("POS"),
                    t.findtext("NER") or "O",
                )
                tokens.append(tok)
                by_sent[(sid, tok.idx)] = tok
            for deps in s.findall("dependencies"):
                if deps.get("type") != "basic-dependencies":
                    continue
                for d in deps:
                    gov, dep = int(d.find("governor").get("idx")), int(d.find("dependent").get("idx"))
                    governor[(sid, dep)] = gov
                    deprel[(sid, dep)] = d.get("type")
                    children[(sid, gov)].append((d.get("type"), dep))
        chains: list[list[dict]] = []
        coref = doc.find("coreference")
        if coref is not None:
            for chain in coref.findall("coreference"):
                mentions = [
                    {
                        "sent": int(m.findtext("sentence")),
                        "start": int(m.findtext("start")),
                        "end": int(m.findtext("end")),
                        "head": int(m.findtext("head")),
                        "representative": m.get("representative") == "true",
                    }
                    for m in chain.findall("mention")
                ]
                chains.append(mentions)
        out = cls(tokens, by_sent, governor, deprel, children, chains)
        for n, chain in enumerate(chains):
            for m in chain:
                out.chain_of_head.setdefault((m["sent"], m["head"]), n)
        return out

    def tokens_in(self, span: Span) -> list[Token]:
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        out = []
        for s, e in span.fragments:
            i = max(0, bisect.bisect_right(self._starts, s) - 1)
            while i < len(self.tokens) and self.tokens[i].start < e:
                if self.tokens[i].end > s and self.tokens[i] not in out:
                    out.append(self.tokens[i])
                i += 1
        return out


TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "sec",
    "gen",
    "general",
    "lt",
    "col",
    "adm",
    "judge",
    "justice",
    "speaker",
    "mayor",
    "rev",
    "reverend",
    "prof",
    "professor",
    "former",
    "candidate",
    "nominee",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "attorney",
    "ambassador",
    "interim",
    "commissioner",
    "director",
    "chief",
    "minister",
    "prime",
    "sheriff",
    "officer",
    "pastor",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PROPER = {"NNP", "NNPS"}
PRONOUN_WORDS = {"he", "she", "they", "i", "we", "it", "you", "his", "her", "their", "its", "him", "them", "us", "me"}


def words(s: str) -> list[str]:
    """Case-folded words of `s`, possessive 's and surrounding punctuation removed."""
    out = []
    # CoreNLP writes a name's typographic apostrophe as a straight one ("O’Donnell", "O'Donnell").
    for w in re.findall(r"[\w'’.-]+", s.casefold().replace("’", "'")):
        w = re.sub(r"(['’]s|['’])$", "", w).strip(".-'’")
        if w:
            out.append(w)
    return out


def clean_name(tokens: list[str]) -> Optional[str]:
    """A run of name words less titles before the name and trailing possessives; None if only titles remain."""
    toks = [t for t in tokens if t not in ("'s", "’s", "'", "’", "``", "''")]
    cut = max((i + 1 for i, t in enumerate(toks) if t.casefold().rstrip(".") in TITLES), default=0)
    if cut < len(toks):
        toks = toks[cut:]
    else:
        return None
    return " ".join(toks) or None


def surname(name: str) -> Optional[str]:
    ws = [w for w in words(name) if w not in SUFFIXES]
    return ws[-1] if ws else None


def is_name(t: Token) -> bool:
    """A proper noun, or a capitalised token CoreNLP calls a person or an organisation, or an all-capitals
    word (transcripts: "PENCE:")."""
    w = t.word
    if not w[:1].isupper():
        return False
    if t.pos in PROPER or t.ner in ("PERSON", "ORGANIZATION"):
        return True
    return len(w) > 1 and w.isalpha() and w.isupper() and w.casefold() not in PRONOUN_WORDS


def name_run(doc: CoreNLP, tok: Token, lo: int = 0, hi: int = 10**9) -> list[Token]:
    """The run of name tokens around `tok` within its sentence, kept within token indices [lo, hi)."""
    run = [tok]
    i = tok.idx - 1
    while i >= lo and (t := doc.by_sent.get((tok.sent, i))) is not None and is_name(t):
        run.insert(0, t)
        i -= 1
    i = tok.idx + 1
    while i < hi and (t := doc.by_sent.get((tok.sent, i))) is not None and is_name(t):
        run.append(t)
        i += 1
    return run


def chain_name(doc: CoreNLP, chain: list[dict]) -> Optional[str]:
    """The best name in a coreference chain: mentions headed by a name, people first, then the fullest
    name, then the representative mention, then the earliest."""
    best: Optional[tuple] = None
    for pos, m in enumerate(chain):
        head = doc.by_sent.get((m["sent"], m["head"]))
        if head is None or not is_name(head):
            continue
        name = clean_name([t.word for t in name_run(doc, head, m["start"], m["end"])])
        if not name:
            continue
        key = (head.ner == "PERSON", len(name.split()), m["representative"], -pos)
        if best is None or key > best[0]:
            best = (key, name)
    return best[1] if best else None


@dataclass
class GoldSpeaker:
    kind: str  # named | coref | unresolved | none
    name: Optional[str]  # resolved name (named, coref)
    source_text: Optional[str]  # the annotated Source span's words


def span_heads(doc: CoreNLP, toks: list[Token]) -> list[Token]:
    inside = {(t.sent, t.idx) for t in toks}
    heads = []
    for t in toks:
        gov = doc.governor.get((t.sent, t.idx), 0)
        if gov == 0 or (t.sent, gov) not in inside:
            heads.append(t)
    return heads


def resolve_speaker(
    doc: Optional[CoreNLP], text: str, source: Optional[Span], earlier_named: Optional[str]
) -> GoldSpeaker:
    if source is None:
        return GoldSpeaker("none", None, None)
    src_text = " ".join(text[s:e] for s, e in source.fragments)
    if doc is None:
        return _resolve_without_corenlp(src_text, earlier_named)
    toks = [t for t in doc.tokens_in(source) if t.word not in ("``", "''")]
    if not toks:
        return GoldSpeaker("unresolved", None, src_text)
    inside = {(t.sent, t.idx) for t in toks}

    def run_name(t: Token) -> Optional[str]:
        return clean_name([x.word for x in name_run(doc, t) if (x.sent, x.idx) in inside])

    # CoreNLP's MISC is mostly nationalities and parties used as adjectives ("Libertarian candidate Gary
    # Johnson"): such a token heads the name only when the span names no person or organisation.
    has_person = any(t.ner in ("PERSON", "ORGANIZATION") for t in toks)

    def name_head(t: Token) -> bool:
        return is_name(t) and (t.ner != "MISC" or not has_person)

    heads = span_heads(doc, toks) or toks[-1:]
    # Prefer a head that is a person's name, then any name, else the last head.
    head = next((h for h in heads if name_head(h) and h.ner == "PERSON"), None) or next(
        (h for h in heads if name_head(h)), heads[-1]
    )
    # 1. The head is itself a name.
    if name_head(head) and (name := run_name(head)):
        return GoldSpeaker("named", name, src_text)
    # 2. A name in apposition to the head ("Trump's manager, Kellyanne Conway"), people first.
    appos = [
        doc.by_sent.get((head.sent, dep)) for rel, dep in doc.children.get((head.sent, head.idx), []) if rel == "appos"
    ]
    appos = [t for t in appos if t is not None and (t.sent, t.idx) in inside and name_head(t)]
    for t in sorted(appos, key=lambda t: t.ner != "PERSON"):
        if name := run_name(t):
            return GoldSpeaker("named", name, src_text)
    # 3. A pronoun or a description: follow the coreference chain of its head.
    n = doc.chain_of_head.get((head.sent, head.idx))
    if n is None:  # a mention whose extent covers the head
        n = next(
            (
                k
                for k, chain in enumerate(doc.chains)
                if any(m["sent"] == head.sent and m["start"] <= head.idx < m["end"] for m in chain)
            ),
            None,
        )
    if n is not None and (name := chain_name(doc, doc.chains[n])):
        return GoldSpeaker("coref", name, src_text)
    # 4. A name modifying the head inside the span ("the Clinton campaign", "Trump's aides").
    for rel, dep in doc.children.get((head.sent, head.idx), []):
        t = doc.by_sent.get((head.sent, dep))
        if (
            rel in ("compound", "nmod:poss", "poss")
            and t is not None
            and (t.sent, t.idx) in inside
            and t.ner in ("PERSON", "ORGANIZATION")
            and is_name(t)
            and (name := run_name(t))
        ):
            return GoldSpeaker("named", name, src_text)
    return GoldSpeaker("unresolved", None, src_text)


def _resolve_without_corenlp(src_text: str, earlier_named: Optional[str]) -> GoldSpeaker:
    """Fallback for an article without CoreNLP: the span is cut before an apposition, a relative clause or a
    prepositional phrase ("Peter Morgan, a lawyer for the Sierra Club"), and its last run of capitalised
    words is the name."""
    core = re.split(r",|\(| (?:of|for|at|from|in|with|who|which|whose) ", src_text, maxsplit=1)[0]
    runs = re.findall(r"(?:[A-Z][\w'’.-]*(?:\s+|$))+", core + " ")
    names = []
    for r in runs:
        toks = [t for t in r.split() if t.casefold() not in PRONOUN_WORDS | {"the", "a", "an"}]
        if toks and (name := clean_name(toks)):
            names.append(name)
    if names:
        return GoldSpeaker("named", names[-1], src_text)
    if earlier_named:
        return GoldSpeaker("coref", earlier_named, src_text)
    return GoldSpeaker("unresolved", None, src_text)


@dataclass
class GoldQuote:
    article: str
    publisher: str
    start: int
    end: int
    speaker: GoldSpeaker
    closed: bool


def load_corenlp(article: Article) -> Optional[CoreNLP]:
    return CoreNLP.load(article.xml_path) if article.xml_path else None


def gold_speakers(article: Article, doc: Optional[CoreNLP]) -> dict[int, GoldSpeaker]:
    """Each attribution's gold speaker (by index), resolved in text order so the no-CoreNLP fallback can
    look back."""
    speakers: dict[int, GoldSpeaker] = {}
    last_named: Optional[str] = None
    for ai, attr in sorted(enumerate(article.attributions), key=lambda p: p[1].contents[0].start):
        sp = resolve_speaker(doc, article.text, attr.source, last_named)
        speakers[ai] = sp
        if sp.kind == "named":
            last_named = sp.name
    return speakers


def gold_quotes(
    article: Article, doc: Optional[CoreNLP] = None, speakers: Optional[dict[int, GoldSpeaker]] = None
) -> list[GoldQuote]:
    text = article.text
    if speakers is None:
        doc = doc or load_corenlp(article)
        speakers = gold_speakers(article, doc)
    quotes = quotations(text)
    best: dict[int, tuple[int, int]] = {}  # quotation index -> (overlap, attribution index)
    for qi, q in enumerate(quotes):
        length = q.end - q.start
        if length <= 0 or not any(c.isalnum() for c in text[q.start : q.end]):
            continue
        for ai, attr in enumerate(article.attributions):
            ov = sum(c.overlap(q.start, q.end) for c in attr.contents)
            if 2 * ov >= length and ov > best.get(qi, (0, -1))[0]:
                best[qi] = (ov, ai)
    out = []
    for qi, (_, ai) in sorted(best.items()):
        q = quotes[qi]
        s, e = q.start, q.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(GoldQuote(article.id, article.publisher, s, e, speakers[ai], q.closed))
    return out


# --------------------------------------------------------------------------- gold reported speech

WORD = re.compile(r"\w+", re.UNICODE)


def token_set(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.casefold()))


def speech_forms() -> frozenset[str]:
    """Every form of quotetrack's speech and report verbs (quotetrack/data/speech_verbs.txt)."""
    from quotetrack.lexicon import SPEECH_VERBS

    return SPEECH_VERBS


@dataclass
class GoldReported:
    article: str
    publisher: str
    start: int  # from the first content fragment's start to the last one's end
    end: int
    tokens: frozenset[str]
    speaker: GoldSpeaker
    cue: str  # the Cue span's text, "" without one
    speech_cue: bool  # the cue is a speech or report verb, or "according to"
    clause: bool  # the content is a clause with its own subject (see is_clause)
    quoted: bool  # the content holds a quotation mark: a direct quote, or reported speech around a partial quote


def speech_cue(doc: Optional[CoreNLP], text: str, cue: Optional[Span], forms: frozenset[str]) -> bool:
    """Whether the Cue span holds a speech or report verb (as a verb where CoreNLP tags it), or is
    "according to"."""
    if cue is None:
        return False
    cue_words = WORD.findall(" ".join(text[s:e] for s, e in cue.fragments).casefold())
    if "according" in cue_words:
        return True
    if doc is None:
        return any(w in forms for w in cue_words)
    return any(t.word.casefold() in forms and t.pos.startswith("VB") for t in doc.tokens_in(cue))


SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


def is_clause(doc: CoreNLP, toks: list[Token]) -> bool:
    """Whether content is a clause with its own subject ("she would win", "what happened"), not a noun
    phrase ("another step it will take", "his belief that ...") or a verb phrase ("to resign"): one of
    its heads (basic dependencies) has a subject among its dependents."""
    for h in span_heads(doc, toks):
        if any(rel in SUBJECTS for rel, _ in doc.children.get((h.sent, h.idx), [])):
            return True
    return False


def gold_reported(
    article: Article, doc: Optional[CoreNLP], speakers: dict[int, GoldSpeaker], forms: frozenset[str]
) -> list[GoldReported]:
    """Every gold attribution as a reported-speech candidate; ``quoted`` tells the ones that hold a
    quotation mark (not reported speech for recall, see ``score_reported``)."""
    text = article.text
    out = []
    for ai, attr in enumerate(article.attributions):
        frags = sorted(f for c in attr.contents for f in c.fragments)
        content = " ".join(text[s:e] for s, e in frags)
        tokens = token_set(content)
        if not tokens:
            continue
        clause = True if doc is None else is_clause(doc, [t for c in attr.contents for t in doc.tokens_in(c)])
        out.append(
            GoldReported(
                article.id,
                article.publisher,
                frags[0][0],
                frags[-1][1],
                tokens,
                speakers[ai],
                " ".join(text[s:e] for s, e in attr.cue.fragments) if attr.cue else "",
                speech_cue(doc, text, attr.cue, forms),
                clause,
                bool(MARK.search(content)),
            )
        )
    return out


# --------------------------------------------------------------------------- systems


@dataclass
class Pred:
    article: str
    start: int
    end: int
    speaker: Optional[str]  # the canonical speaker (textacy: its speaker tokens)
    mention: Optional[str]  # the words naming the speaker in the article (textacy: the same tokens)
    kind: str = "full"
    raw: dict = field(default_factory=dict)


@dataclass
class SystemRun:
    name: str
    preds: list[Pred]
    seconds: float  # the time throughput is computed from
    note: str = ""
    reported: list[Pred] = field(default_factory=list)  # reported speech (quotetrack's ``direct: false``)


def find_quotetrack(explicit: Optional[str]) -> list[str]:
    if explicit:
        return explicit.split()
    exe = ROOT / ".venv" / "bin" / "quotetrack"
    if exe.exists():
        return [str(exe)]
    which = shutil.which("quotetrack")
    if which:
        return [which]
    return [sys.executable, "-m", "quotetrack"]


def quotetrack_revision() -> str:
    """The commit of this checkout, and whether quotetrack/ differs from it (the scan runs the working tree)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "quotetrack"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown revision"
    if head.returncode != 0:
        return "unknown revision"
    return head.stdout.strip() + (" with uncommitted changes in quotetrack/" if dirty.stdout.strip() else "")


def quotetrack_startup(command: list[str], runs: int = 3) -> float:
    """Seconds for `quotetrack scan --format json` over a folder with one one-line article (best of `runs`):
    the start-up cost, taken out of the throughput figure."""
    best = float("inf")
    with tempfile.TemporaryDirectory(prefix="polnear-startup-") as tmp:
        (Path(tmp) / "a.txt").write_text('"We will win," she said.\n', encoding="utf-8")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(
                [*command, "scan", "--format", "json", tmp],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=ROOT,
            )
            best = min(best, time.perf_counter() - t0)
    return best


def run_quotetrack(articles: list[Article], command: list[str]) -> SystemRun:
    """One `quotetrack scan --format json` over a folder holding each article as <id>.txt."""
    startup = quotetrack_startup(command)
    with tempfile.TemporaryDirectory(prefix="polnear-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = {}
        for a in articles:
            with (folder / f"{a.id}.txt").open("w", encoding="utf-8", newline="") as fh:
                fh.write(a.text)
            texts[a.id] = a.text
        out_path = Path(tmp) / "scan.json"
        t0 = time.perf_counter()
        with out_path.open("wb") as out:
            proc = subprocess.run(
                [*command, "scan", "--format", "json", str(folder)], stdout=out, stderr=subprocess.PIPE, cwd=ROOT
            )
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(
                f"quotetrack scan exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}"
            )
        result = json.loads(out_path.read_text(encoding="utf-8"))
    preds = []
    reported = []
    mismatched = 0
    for q in result.get("quotes", []):
        aid = Path(q["path"]).stem
        if aid not in texts:
            continue
        if texts[aid][q["start"] : q["end"]] != q["text"]:
            mismatched += 1
        pred = Pred(aid, q["start"], q["end"], q.get("speaker"), q.get("speaker_mention"), q.get("kind", "full"), q)
        (preds if q.get("direct") else reported).append(pred)
    note = f"whole process {seconds:.2f} s ({len(articles) / seconds:.1f} articles/s), start-up {startup:.2f} s"
    if mismatched:
        note += f"; {mismatched} quotes whose text != file_text[start:end]"
    return SystemRun("quotetrack", preds, max(seconds - startup, 1e-9), note, reported)


def run_textacy(articles: list[Article], python: str) -> SystemRun:
    payload = json.dumps([{"id": a.id, "text": a.text} for a in articles])
    t0 = time.perf_counter()
    proc = subprocess.run([python, str(HERE / "textacy_quotes.py")], input=payload.encode(), capture_output=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(
            f"textacy_quotes.py exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}"
        )
    result = json.loads(proc.stdout)
    preds = [
        Pred(aid, q["start"], q["end"], q.get("speaker"), q.get("speaker"), "full", q)
        for aid, qs in result["quotes"].items()
        for q in qs
    ]
    v = result.get("versions", {})
    note = (
        f"textacy {v.get('textacy')}, spaCy {v.get('spacy')}, {v.get('model')}; "
        f"model load {result['model_seconds']:.1f} s, whole process {wall:.1f} s"
    )
    if result.get("failures"):
        note += (
            f"; direct_quotations refused {result['failures']} whole articles (unpaired quotation marks), "
            f"which were then run paragraph by paragraph ({result.get('refused_paragraphs', 0)} paragraphs refused)"
        )
    return SystemRun("textacy", preds, result["seconds"], note)


# --------------------------------------------------------------------------- scoring


def match(golds: list[GoldQuote], preds: list[Pred]) -> dict[int, int]:
    """Greedy one-to-one matching within each article: gold index -> prediction index."""
    cands = []
    preds_by_article: dict[str, list[int]] = defaultdict(list)
    for pi, p in enumerate(preds):
        preds_by_article[p.article].append(pi)
    for gi, g in enumerate(golds):
        for pi in preds_by_article.get(g.article, []):
            p = preds[pi]
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0 and 2 * ov >= max(g.end - g.start, p.end - p.start):
                cands.append((-ov, g.start, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), {}
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs[gi] = pi
    return pairs


STOP = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "in",
    "on",
    "and",
    "his",
    "her",
    "their",
    "its",
    "who",
    "that",
    "this",
    "said",
    "says",
}


def names_right(names: list[str], p: Pred) -> bool:
    """The surname rule: the predicted speaker's words (``speaker``, else ``speaker_mention``) hold the last word
    of one of `names` (a person's surname less Jr./Sr./II..., an organisation's last word)."""
    pred_words = words(p.speaker or p.mention or "")
    return any((sn := surname(n)) and sn in pred_words for n in names)


def speaker_right(g: GoldSpeaker, p: Pred) -> bool:
    if g.kind == "none":
        return not p.speaker
    if g.kind in ("named", "coref"):
        return names_right([g.name or ""], p)
    content = {w for w in words(g.source_text or "") if w not in STOP}
    return bool(content & set(words(f"{p.speaker or ''} {p.mention or ''}")))


@dataclass
class Score:
    gold: int = 0
    preds: int = 0
    matched: int = 0
    by_kind: Counter = field(default_factory=Counter)  # gold kind -> matched
    right_by_kind: Counter = field(default_factory=Counter)
    right: int = 0
    by_term: int = 0

    def add(self, other: "Score") -> None:
        for k in ("gold", "preds", "matched", "right", "by_term"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.by_kind.update(other.by_kind)
        self.right_by_kind.update(other.right_by_kind)

    @property
    def p(self) -> float:
        return self.matched / self.preds if self.preds else 0.0

    @property
    def r(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def acc(self, kind: str) -> Optional[float]:
        n = self.by_kind[kind]
        return self.right_by_kind[kind] / n if n else None

    @property
    def e2e(self) -> float:
        return self.right / self.gold if self.gold else 0.0


def score(golds: list[GoldQuote], preds: list[Pred]) -> tuple[Score, dict[int, int], dict[int, bool]]:
    pairs = match(golds, preds)
    s = Score(gold=len(golds), preds=len(preds), matched=len(pairs))
    right: dict[int, bool] = {}
    for gi, pi in pairs.items():
        g = golds[gi]
        ok = speaker_right(g.speaker, preds[pi])
        right[gi] = ok
        s.by_kind[g.speaker.kind] += 1
        if ok:
            s.right_by_kind[g.speaker.kind] += 1
            s.right += 1
        if preds[pi].kind in NOT_SPEECH:
            s.by_term += 1
    return s, pairs, right


def by_publisher(golds: list[GoldQuote], preds: list[Pred], pub_of: dict[str, str]) -> dict[str, Score]:
    out = {}
    for pub in PUBLISHERS:
        g = [x for x in golds if x.publisher == pub]
        p = [x for x in preds if pub_of.get(x.article) == pub]
        if g or p:
            out[pub] = score(g, p)[0]
    return out


# --------------------------------------------------------------------------- scoring reported speech

REPORTED_JACCARD = 0.5


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def match_reported(golds: list[GoldReported], preds: list[Pred], texts: dict[str, str]) -> dict[int, int]:
    """Greedy one-to-one matching within each article, by token Jaccard (at least REPORTED_JACCARD) between
    a gold content and a prediction whose spans overlap: gold index -> prediction index."""
    cands = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for pi, p in enumerate(preds):
        by_article[p.article].append(pi)
    ptoks = {pi: token_set(texts[p.article][p.start : p.end]) for pi, p in enumerate(preds)}
    for gi, g in enumerate(golds):
        for pi in by_article.get(g.article, []):
            p = preds[pi]
            if min(g.end, p.end) <= max(g.start, p.start):
                continue
            j = jaccard(g.tokens, ptoks[pi])
            if j >= REPORTED_JACCARD:
                cands.append((-j, g.start, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), {}
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs[gi] = pi
    return pairs


@dataclass
class ReportedScore:
    preds: int = 0
    right_preds: int = 0  # predictions matched to a gold attribution
    gold: Counter = field(default_factory=Counter)  # group -> gold reported attributions
    found: Counter = field(default_factory=Counter)  # group -> of those, matched
    speaker_right: Counter = field(default_factory=Counter)  # group -> of those matched, speaker right

    @property
    def p(self) -> float:
        return self.right_preds / self.preds if self.preds else 0.0

    def r(self, group: str) -> Optional[float]:
        return self.found[group] / self.gold[group] if self.gold[group] else None

    def spk(self, group: str) -> Optional[float]:
        return self.speaker_right[group] / self.found[group] if self.found[group] else None


# Groups of gold reported speech, each printed with its recall and speaker accuracy.
REPORTED_GROUPS = (
    ("speech", "speech or report cue"),
    ("speech-clause", "  of which the content is a clause"),
    ("speech-other", "  of which the content is not (a noun or verb phrase)"),
    ("other", "any other cue (think, show, want, none)"),
    ("all", "all"),
)


def reported_groups(g: GoldReported) -> list[str]:
    if g.speech_cue:
        return ["all", "speech", "speech-clause" if g.clause else "speech-other"]
    return ["all", "other"]


def score_reported(
    golds: list[GoldReported], preds: list[Pred], texts: dict[str, str]
) -> tuple[ReportedScore, dict[int, int], dict[int, bool]]:
    """Gold reported speech is every attribution whose content holds no quotation mark. Predictions are
    matched to every gold attribution, quoted ones included, so that a prediction for reported speech
    around a partial quote counts as right for precision; recall and speaker accuracy are over the
    reported gold only."""
    pairs = match_reported(golds, preds, texts)
    s = ReportedScore(preds=len(preds), right_preds=len(pairs))
    right: dict[int, bool] = {}
    for gi, g in enumerate(golds):
        if g.quoted:
            continue
        groups = reported_groups(g)
        s.gold.update(groups)
        if gi in pairs:
            s.found.update(groups)
            ok = speaker_right(g.speaker, preds[pairs[gi]])
            right[gi] = ok
            if ok:
                s.speaker_right.update(groups)
    return s, pairs, right


def reported_table(s: ReportedScore) -> str:
    head = ("reported speech (gold without quotation marks)", "gold", "found", "R", "speaker right (n)")
    body = [
        (label, str(s.gold[k]), str(s.found[k]), pct(s.r(k)), f"{pct(s.spk(k))} ({s.found[k]})")
        for k, label in REPORTED_GROUPS
    ]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in [head, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(
        f"precision: {pct(s.p)} ({s.right_preds} of {s.preds} predictions match a gold attribution, "
        f"token Jaccard >= {REPORTED_JACCARD}, one to one)"
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- hand-audited coreference gold

UNCLEAR = "unclear"
NOBODY = "nobody"  # the quoted words are nobody's: a title, a name, the writer's own scare quotes


@dataclass
class Audited:
    """A gold quote's speaker as read by hand (benchmarks/audit/, made with benchmarks/audit_coref.py)."""

    speaker: Optional[str]  # None: the text does not settle who it is ("unclear"), or nobody said it
    aliases: list[str] = field(default_factory=list)  # other names the article gives the same speaker
    harness_gold: Optional[str] = None  # the harness's gold name when the audit was made
    nobody: bool = False  # the quoted words are presented as nobody's (a title, a term in scare quotes)

    @property
    def names(self) -> list[str]:
        return [self.speaker, *self.aliases] if self.speaker else []


def audit_files(paths: list[str]) -> list[Path]:
    """The JSONL files named by `paths`: each a file, or a directory whose ``*.jsonl`` files are all taken."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise SystemExit(f"accuracy: --audited {p}: no .jsonl file in this directory")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise SystemExit(f"accuracy: --audited {p}: no such file or directory")
    return out


def load_audit(paths: list[str]) -> dict[tuple[str, int, int], Audited]:
    """Audited speakers keyed by (article, start, end) of the gold quote. A line without an article, offsets or
    a speaker is an error naming the file and line."""
    out: dict[tuple[str, int, int], Audited] = {}
    for path in audit_files(paths):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                key = (str(rec["article"]), int(rec["start"]), int(rec["end"]))
                speaker = str(rec["speaker"]).strip()
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"accuracy: {path}:{n}: not an audited case ({exc})") from None
            if not speaker:
                raise SystemExit(f"accuracy: {path}:{n}: empty speaker (write {UNCLEAR!r} when the text does not settle it)")
            unclear = speaker.casefold() in (UNCLEAR, NOBODY)
            out[key] = Audited(
                None if unclear else speaker,
                [] if unclear else [str(a) for a in rec.get("aliases", [])],
                rec.get("harness_gold"),
                speaker.casefold() == NOBODY,
            )
    return out


@dataclass
class AuditScore:
    """One system's speakers on the audited gold quotes, against the harness gold and against the audit."""

    listed: int = 0  # audited cases given
    found: int = 0  # of those, gold quotes of this run (same article and offsets)
    unclear: int = 0  # found, but the audit could not name the speaker: left out of everything below
    nobody: int = 0  # of the clear ones, words presented as nobody's: right only without a speaker
    harness_changed: int = 0  # found, but the harness gold name now differs from the one audited
    clear: int = 0  # found and not unclear
    harness_agrees: int = 0  # of the clear ones, harness gold right by the surname rule
    matched: int = 0  # of the clear ones, matched by a prediction
    right_harness: int = 0  # of the matched, speaker right against the harness gold
    right_audit: int = 0  # of the matched, speaker right against the audit
    harness_wrong_matched: int = 0  # matched quotes whose harness gold disagrees with the audit
    right_audit_where_harness_wrong: int = 0  # of those, speaker right against the audit


def score_audit(
    golds: list[GoldQuote],
    preds: list[Pred],
    pairs: dict[int, int],
    audit: dict[tuple[str, int, int], Audited],
    kind: Optional[str] = None,
) -> AuditScore:
    """Score the matched audited gold quotes both ways (only those whose harness gold is of ``kind``, when
    given). The harness gold is right when its name's last word is the audited speaker's (or an alias's) last
    word, the same surname rule as for a prediction; where the audit says the words are nobody's, a speaker
    is wrong and no speaker is right."""
    s = AuditScore()
    for gi, g in enumerate(golds):
        a = audit.get((g.article, g.start, g.end))
        if a is None or (kind and g.speaker.kind != kind):
            continue
        s.found += 1
        if a.harness_gold is not None and a.harness_gold != g.speaker.name:
            s.harness_changed += 1
        if a.speaker is None and not a.nobody:
            s.unclear += 1
            continue
        s.clear += 1
        s.nobody += a.nobody
        if a.nobody:
            harness_ok = not g.speaker.name
        else:
            harness_ok = bool(g.speaker.name) and surname(g.speaker.name or "") in {surname(n) for n in a.names}
        s.harness_agrees += harness_ok
        if gi not in pairs:
            continue
        p = preds[pairs[gi]]
        s.matched += 1
        s.right_harness += speaker_right(g.speaker, p)
        ok = not p.speaker if a.nobody else names_right(a.names, p)
        s.right_audit += ok
        if not harness_ok:
            s.harness_wrong_matched += 1
            s.right_audit_where_harness_wrong += ok
    # with a kind, the audited cases of other kinds are not this score's: only the found ones are listed
    s.listed = len(audit) if kind is None else s.found
    return s


def audit_report(system: str, s: AuditScore, files: str, what: str = "coreference") -> str:
    def frac(k: int, n: int) -> str:
        return f"{k} of {n} ({pct(k / n if n else None)} %)"

    lines = [
        f"{what} gold audited by hand ({files}): {s.listed} cases listed, {s.found} found among this run's "
        f"gold quotes, {s.unclear} unclear (left out), {s.clear} scored"
        + (f" ({s.nobody} of them nobody's words: right only without a speaker)" if s.nobody else ""),
        f"  harness gold agrees with the audit (surname rule): {frac(s.harness_agrees, s.clear)}",
        f"  {system}, on the {s.matched} of these it matched: speaker right against the harness gold "
        f"{frac(s.right_harness, s.matched)}; against the audit {frac(s.right_audit, s.matched)}",
        f"  {system}, where the harness gold is wrong: right against the audit on "
        f"{frac(s.right_audit_where_harness_wrong, s.harness_wrong_matched)} matched quotes",
    ]
    if s.found < s.listed:
        lines.append(f"  note: {s.listed - s.found} audited cases are not gold quotes of this run (other split or --limit?)")
    if s.harness_changed:
        lines.append(f"  note: the harness gold name differs from the audited one on {s.harness_changed} cases")
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


def pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def pct_n(s: "Score", kind: str) -> str:
    """Speaker accuracy with the number of matched quotes it is over."""
    return f"{pct(s.acc(kind))} ({s.by_kind[kind]})"


def table(rows: list[tuple[str, str, Score, Optional[float]]]) -> str:
    head = (
        "system",
        "articles",
        "gold",
        "pred",
        "P",
        "R",
        "F1",
        "spk named (n)",
        "spk coref (n)",
        "end-to-end",
        "articles/s",
    )
    body = [
        (
            sysname,
            scope,
            str(s.gold),
            str(s.preds),
            pct(s.p),
            pct(s.r),
            pct(s.f1),
            pct_n(s, "named"),
            pct_n(s, "coref"),
            pct(s.e2e),
            "" if aps is None else f"{aps:.1f}",
        )
        for sysname, scope, s, aps in rows
    ]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = [
        "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in [head, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def context(text: str, start: int, end: int, width: int = 160) -> str:
    return text[max(0, start - width) : start] + "[[" + text[start:end] + "]]" + text[end : end + width]


def error_records(
    system: str,
    golds: list[GoldQuote],
    preds: list[Pred],
    pairs: dict[int, int],
    right: dict[int, bool],
    texts: dict[str, str],
    pub_of: dict[str, str],
) -> Iterable[dict]:
    def gold_json(g: GoldQuote) -> dict:
        return {
            "start": g.start,
            "end": g.end,
            "text": texts[g.article][g.start : g.end],
            "speaker_kind": g.speaker.kind,
            "speaker": g.speaker.name,
            "source_span": g.speaker.source_text,
            "closed": g.closed,
        }

    def pred_json(p: Pred) -> dict:
        keep = ("kind", "speaker", "speaker_mention", "cue", "closed", "speaker_tokens", "cue_tokens")
        return {
            "start": p.start,
            "end": p.end,
            "text": texts[p.article][p.start : p.end],
            "speaker": p.speaker,
            **{k: v for k, v in p.raw.items() if k in keep},
        }

    for gi, g in enumerate(golds):
        if gi not in pairs:
            yield {
                "system": system,
                "error": "missed",
                "article": g.article,
                "publisher": g.publisher,
                "gold": gold_json(g),
                "context": context(texts[g.article], g.start, g.end),
            }
        elif not right[gi]:
            p = preds[pairs[gi]]
            yield {
                "system": system,
                "error": "wrong_speaker",
                "article": g.article,
                "publisher": g.publisher,
                "gold": gold_json(g),
                "pred": pred_json(p),
                "context": context(texts[g.article], g.start, g.end),
            }
    matched_p = set(pairs.values())
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            yield {
                "system": system,
                "error": "spurious",
                "article": p.article,
                "publisher": pub_of.get(p.article),
                "pred": pred_json(p),
                "context": context(texts[p.article], p.start, p.end),
            }


def reported_error_records(
    system: str,
    golds: list[GoldReported],
    preds: list[Pred],
    pairs: dict[int, int],
    right: dict[int, bool],
    texts: dict[str, str],
    pub_of: dict[str, str],
) -> Iterable[dict]:
    """Missed, wrong-speaker and spurious reported speech, as for quotes (``system`` ends in "reported")."""

    def gold_json(g: GoldReported) -> dict:
        return {
            "start": g.start,
            "end": g.end,
            "text": texts[g.article][g.start : g.end],
            "cue": g.cue,
            "speech_cue": g.speech_cue,
            "clause": g.clause,
            "speaker_kind": g.speaker.kind,
            "speaker": g.speaker.name,
            "source_span": g.speaker.source_text,
        }

    def pred_json(p: Pred) -> dict:
        return {"start": p.start, "end": p.end, "text": texts[p.article][p.start : p.end], "speaker": p.speaker,
                **{k: v for k, v in p.raw.items() if k in ("speaker_mention", "cue")}}

    name = f"{system} reported"
    for gi, g in enumerate(golds):
        if g.quoted:
            continue
        base = {"system": name, "article": g.article, "publisher": g.publisher, "gold": gold_json(g),
                "context": context(texts[g.article], g.start, g.end)}
        if gi not in pairs:
            yield {"error": "missed", **base}
        elif not right[gi]:
            yield {"error": "wrong_speaker", **base, "pred": pred_json(preds[pairs[gi]])}
    matched = set(pairs.values())
    for pi, p in enumerate(preds):
        if pi not in matched:
            yield {"system": name, "error": "spurious", "article": p.article, "publisher": pub_of.get(p.article),
                   "pred": pred_json(p), "context": context(texts[p.article], p.start, p.end)}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--polnear", default=os.environ.get("POLNEAR"), help="checkout of the PolNeAR repository (or $POLNEAR)"
    )
    ap.add_argument("--split", default="dev", choices=SPLITS, help="corpus split (default dev; test is never used)")
    ap.add_argument("--limit", type=int, help="only the first N articles, round-robin over publishers")
    ap.add_argument("--errors", metavar="FILE", help="write missed, spurious and wrong-speaker cases as JSONL")
    ap.add_argument(
        "--quotetrack",
        metavar="CMD",
        help="command running quotetrack (default .venv/bin/quotetrack, else python -m quotetrack)",
    )
    ap.add_argument(
        "--bench-python",
        "--textacy-python",
        dest="bench_python",
        default=str(ROOT / ".venv-bench" / "bin" / "python"),
        help="python of the environment with textacy (default .venv-bench/bin/python)",
    )
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument("--no-quotetrack", action="store_true", help="skip quotetrack")
    ap.add_argument("--gold-only", action="store_true", help="print gold statistics and stop")
    ap.add_argument(
        "--audited",
        action="append",
        metavar="FILE",
        help="hand-audited speakers of coref or named gold quotes (JSONL, or a directory of them; repeatable): also score the "
        "listed gold quotes against the audit (see benchmarks/audit/README.md)",
    )
    args = ap.parse_args(argv)
    if not args.polnear:
        ap.error("the PolNeAR checkout is required: --polnear PATH or POLNEAR=PATH")

    audit = load_audit(args.audited) if args.audited else {}
    t0 = time.perf_counter()
    articles = take(load_split(Path(args.polnear), args.split), args.limit)
    if not articles:
        raise SystemExit(f"accuracy: no annotated articles found in {args.polnear}/data/{args.split}")
    golds: list[GoldQuote] = []
    rgolds: list[GoldReported] = []
    forms = speech_forms()
    for a in articles:
        doc = load_corenlp(a)
        speakers = gold_speakers(a, doc)
        golds.extend(gold_quotes(a, doc, speakers))
        rgolds.extend(gold_reported(a, doc, speakers, forms))
    texts = {a.id: a.text for a in articles}
    pub_of = {a.id: a.publisher for a in articles}
    kinds = Counter(g.speaker.kind for g in golds)
    no_xml = sum(1 for a in articles if a.xml_path is None)
    print(
        f"PolNeAR {args.split}: {len(articles)} articles, {len(golds)} gold direct quotes "
        f"({kinds['named']} named, {kinds['coref']} coref, {kinds['unresolved']} unresolved, "
        f"{kinds['none']} without a source); "
        f"{no_xml} articles without CoreNLP; gold derived in {time.perf_counter() - t0:.1f} s"
    )
    if args.gold_only:
        return 0

    runs: list[SystemRun] = []
    if not args.no_quotetrack:
        print(f"quotetrack at {quotetrack_revision()}")
        runs.append(run_quotetrack(articles, find_quotetrack(args.quotetrack)))
    if not args.no_textacy:
        if not Path(args.bench_python).exists():
            raise SystemExit(
                f"accuracy: {args.bench_python} not found; create the bench environment (make accuracy does)"
            )
        runs.append(run_textacy(articles, args.bench_python))

    rows = []
    notes = []
    err_lines: list[dict] = []
    right_by_run: dict[str, dict[int, bool]] = {}
    audit_notes: list[str] = []
    for run in runs:
        s, pairs, right = score(golds, run.preds)
        right_by_run[run.name] = right
        if audit:
            files = ", ".join(args.audited)
            for kind, what in (("coref", "coreference"), ("named", "named")):
                ks = score_audit(golds, run.preds, pairs, audit, kind)
                if ks.found:
                    audit_notes.append(audit_report(run.name, ks, files, what))
            keys = {(g.article, g.start, g.end) for g in golds if g.speaker.kind in ("coref", "named")}
            if missing := sum(1 for k in audit if k not in keys):
                audit_notes.append(f"  note: {missing} audited cases are not named or coref gold quotes of this run")
        aps = len(articles) / run.seconds if run.seconds > 0 else None
        rows.append((run.name, "all", s, aps))
        if run.name == "quotetrack":
            no_terms = [p for p in run.preds if p.kind not in NOT_SPEECH]
            rows.append(("quotetrack (no terms)", "all", score(golds, no_terms)[0], None))
            notes.append(
                f"quotetrack: {sum(p.kind in NOT_SPEECH for p in run.preds)} of its {len(run.preds)} direct predictions "
                "are terms or titles; "
                f"{s.by_term} gold quotes were matched by a term or title"
            )
        for pub, ps in by_publisher(golds, run.preds, pub_of).items():
            rows.append((run.name, pub, ps, None))
        notes.append(
            f"{run.name}: {len(articles)} articles in {run.seconds:.2f} s net of start-up"
            + (f"; {run.note}" if run.note else "")
        )
        resolvable = [g for g in golds if g.speaker.kind in ("named", "coref")]
        notes.append(
            f"{run.name}: end-to-end over the {len(resolvable)} gold quotes with a named or resolved speaker: "
            f"{pct((s.right_by_kind['named'] + s.right_by_kind['coref']) / len(resolvable) if resolvable else None)}"
        )
        other = s.by_kind["unresolved"] + s.by_kind["none"]
        if other:
            notes.append(
                f"{run.name}: speaker right on {s.right_by_kind['unresolved'] + s.right_by_kind['none']} of {other} "
                "matched quotes "
                "whose gold Source has no name (unresolved or none)"
            )
        err_lines.extend(error_records(run.name, golds, run.preds, pairs, right, texts, pub_of))

    if len(right_by_run) == 2:
        (na, ra), (nb, rb) = right_by_run.items()
        for kind in ("named", "coref"):
            both = [gi for gi in ra.keys() & rb.keys() if golds[gi].speaker.kind == kind]
            if both:
                notes.append(
                    f"on the {len(both)} {kind} gold quotes both systems found, speaker accuracy: "
                    f"{na} {pct(sum(ra[gi] for gi in both) / len(both))}, "
                    f"{nb} {pct(sum(rb[gi] for gi in both) / len(both))}"
                )

    print()
    print(table(rows))
    print()
    for n in notes:
        print(n)
    for n in audit_notes:
        print()
        print(n)
    for run in runs:
        if run.name != "quotetrack":
            continue  # textacy finds direct quotations only
        rs, rpairs, rright = score_reported(rgolds, run.reported, texts)
        print()
        print(reported_table(rs))
        err_lines.extend(reported_error_records(run.name, rgolds, run.reported, rpairs, rright, texts, pub_of))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for rec in err_lines:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts = Counter((r["system"], r["error"]) for r in err_lines)
        print(f"errors written to {args.errors}: " + ", ".join(f"{s} {e} {n}" for (s, e), n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
