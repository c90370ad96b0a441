"""``quotetrack check``: find misquotes, misattributions and unverifiable quotes.

The rules (ids are stable; names are accepted wherever ids are):

======  ==========================  ========  =============================================
id      name                        default   what it finds
======  ==========================  ========  =============================================
QT000   unreadable-file             error     an article or source that could not be read
QT001   misquote                    error     a quote that matches a source statement with
                                              words changed
QT002   misattribution              error     a quote whose words a source gives to someone
                                              other than the article's speaker
QT003   unverified-quote            warning   a full quote that matches nothing in the sources
QT004   unattributed-quote          warning   a full quote with no speaker
QT005   unbalanced-quotation-marks  warning   an opening mark with no closing mark in its
                                              paragraph
QT006   inconsistent-wording        warning   a statement two articles quote with different
                                              words
QT007   uncertain-attribution       warning   a quote whose words a source gives to a speaker
                                              who may or may not be the article's
======  ==========================  ========  =============================================

Matching a quote to the sources goes through an index of word trigrams
(the normalised words of :func:`quotetrack.textnorm.comparison_tokens`), so
each quote is compared with a handful of candidate statements, never with
all of them. A quote is *exact* when its words appear contiguously in a
source statement, or, when the quote marks elisions (``…``, ``...``) or
editorial insertions (``[the council]``), when each piece between them
appears in order. Otherwise it is *altered* when ``compare`` finds the two
alike (verbatim, excerpt or altered) over the stretch of the statement
around the longest run of shared words.

``check_corpus`` is pure: articles, their quotes and the source statements
in, findings out. ``run`` reads the files a configuration names and calls it.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence

from .align import ALTERED_MIN_COVERAGE, Segment, compare_tokens, diff_markup, word_diff
from .identity import (
    DIFFERENT,
    SAME,
    UNCERTAIN,
    Census,
    anonymous,
    canonicalize_speakers,
    identity,
    personal_name,
)
from .models import (
    ALTERED,
    EXCERPT,
    FULL,
    NOT_SPEECH,
    VERBATIM,
    Article,
    Finding,
    Quote,
)
from .quotes import LineIndex
from .sources import SourceFile, SourceStatement, statements_of
from .textnorm import comparison_tokens

if TYPE_CHECKING:
    from .cache import Cache
    from .config import Config

ERROR, WARNING, NOTE, OFF = "error", "warning", "note", "off"
LEVELS = (ERROR, WARNING, NOTE, OFF)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str  # default severity
    summary: str  # one line
    help: str  # what it means and what to do


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "QT000", "unreadable-file", ERROR, "An article or source file could not be read.",
            "The file is binary, unreadable, or could not be analysed, so its quotes were not checked. "
            "Fix the file or remove it from the configured globs.",
        ),
        Rule(
            "QT001", "misquote", ERROR, "A direct quote matches a source statement, but with different words.",
            "The quoted words are close to what the source says but not the same. Quote the source word for "
            "word, mark omissions with an ellipsis (…) and insertions with [square brackets], or paraphrase "
            "without quotation marks.",
        ),
        Rule(
            "QT002", "misattribution", ERROR, "A direct quote's words are a source statement by someone else.",
            "The sources give these exact words to a different speaker than the article does. Correct the "
            "attribution, or add a speaker alias to the configuration if both names are the same person.",
        ),
        Rule(
            "QT003", "unverified-quote", WARNING, "A full direct quote matches nothing in the sources.",
            "No transcript, press release or other source has these words. Add the source material, or "
            "silence the finding with <!-- quotetrack: ignore QT003 --> where the quote is known to be right.",
        ),
        Rule(
            "QT004", "unattributed-quote", WARNING, "A full direct quote has no speaker.",
            "No speech cue (said, told, according to …) names who said these words. Attribute the quote.",
        ),
        Rule(
            "QT005", "unbalanced-quotation-marks", WARNING, "A quotation mark opens a quote that is never closed.",
            "The paragraph ends before the closing mark; the finding points at the opening mark. Close the "
            "quote, or reopen it at the start of the next paragraph if it continues there.",
        ),
        Rule(
            "QT006", "inconsistent-wording", WARNING, "Two articles quote the same statement with different words.",
            "Another article in the repository quotes the same speaker's statement differently. At most one "
            "wording can be right: check both against the source.",
        ),
        Rule(
            "QT007", "uncertain-attribution", WARNING,
            "A direct quote's words are a source statement by a speaker who may be someone else.",
            "The source gives these exact words to a speaker who may or may not be the article's: a label that "
            "names a role (THE MAYOR), a surname that several people in the sources and articles share, or first "
            "names that differ but share an initial. Add an aliases entry if they are one person, or correct the "
            "attribution.",
        ),
    )
}
_BY_NAME = {r.name: r.id for r in RULES.values()}

# Words of the quote and of the source shown in messages.
MAX_SHOWN_WORDS = 24
MIN_MATCH_TOKENS = 3  # quotes with fewer words are not matched against the sources
MAX_POSTING = 200  # a trigram in more statements than this is too common to find candidates
CANDIDATES = 12  # statements compared per quote, those sharing the most trigrams


def rule_id(key: str) -> Optional[str]:
    """The rule id for an id or a name (case-insensitive), or None."""
    k = key.strip()
    if k.upper() in RULES:
        return k.upper()
    return _BY_NAME.get(k.lower().replace("_", "-"))


# --------------------------------------------------------------------------- speakers


def _alias(name: Optional[str], aliases: Mapping[str, str]) -> Optional[str]:
    if not name:
        return None
    return aliases.get(name.casefold()) or aliases.get(personal_name(name).casefold())


def canonical_speakers(
    quotes: Sequence[Quote], statements: Sequence[SourceStatement], aliases: Mapping[str, str]
) -> tuple[list[Quote], list[SourceStatement]]:
    """Speakers of article quotes and source statements, merged as ``scan`` merges them.

    Aliases (keys case-folded) apply first, to the speaker or to the words
    that name them; then title and role words are dropped from source labels
    (``MAYOR FERRANT`` → ``Ferrant``, ``HARBOUR MASTER LENA ODUYA`` → ``Lena
    Oduya``: see ``identity.personal_name``) and names are canonicalised
    across everything, so a surname alone, or a spelling variant, becomes
    the full name.
    """
    qs: list[Quote] = []
    for q in quotes:
        target = _alias(q.speaker, aliases) or _alias(q.speaker_mention, aliases)
        qs.append(replace(q, speaker=target) if target else q)
    pseudo: list[Quote] = []
    for s in statements:
        speaker = _alias(s.speaker, aliases)
        if speaker is None and s.speaker and not anonymous(s.speaker):
            speaker = personal_name(s.speaker)
        pseudo.append(
            Quote(id=s.id, article_id="sources", text=s.text, start=s.start, end=s.end, line=s.line,
                  column=s.column, kind=FULL, speaker=speaker)
        )
    merged = canonicalize_speakers([*qs, *pseudo])
    out_q = merged[: len(qs)]
    out_s = [replace(s, speaker=p.speaker) for s, p in zip(statements, merged[len(qs) :])]
    return out_q, out_s


# --------------------------------------------------------------------------- matching

EXACT = "exact"

_GAP = re.compile(r"…|(?:\.[ \t]?){3}|\[[^\]\n]*\]")


def _trigrams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def _find(long: Sequence[str], short: Sequence[str], start: int = 0) -> int:
    """Index of the first occurrence of ``short`` in ``long`` at or after ``start``, or -1."""
    n, m = len(long), len(short)
    if m == 0:
        return -1
    first = short[0]
    for i in range(start, n - m + 1):
        if long[i] == first and tuple(long[i : i + m]) == tuple(short):
            return i
    return -1


class SourceIndex:
    """Source statements indexed by their word trigrams."""

    def __init__(self, statements: Sequence[SourceStatement]):
        self.statements = list(statements)
        self.postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.vocab = [frozenset(s.tokens) for s in self.statements]
        for i, s in enumerate(self.statements):
            for g in _trigrams(s.tokens):
                self.postings[g].append(i)

    def __len__(self) -> int:
        return len(self.statements)

    def candidates(self, tokens: Sequence[str], limit: int = CANDIDATES) -> list[int]:
        """Statements sharing the most trigrams with ``tokens``, best first."""
        lists = [p for g in _trigrams(tokens) if (p := self.postings.get(g))]
        usable = [p for p in lists if len(p) <= MAX_POSTING]
        if not usable:
            usable = sorted(lists, key=len)[:2]
        counts: Counter[int] = Counter()
        for p in usable:
            counts.update(p)
        return [i for i, _ in counts.most_common(limit)]


@dataclass(frozen=True)
class SourceMatch:
    statement: SourceStatement
    kind: str  # EXACT or ALTERED
    score: float  # share of the quote's words found in order in the statement
    lo: int  # the matched stretch of the statement, in tokens
    hi: int


def quote_pieces(words: str) -> list[tuple[str, ...]]:
    """The quote's words split at elisions and editorial insertions."""
    return [t for t in (comparison_tokens(p) for p in _GAP.split(words)) if t]


def exact_match(tokens: tuple[str, ...], pieces: list[tuple[str, ...]], st: SourceStatement) -> Optional[SourceMatch]:
    """The quote's words in the statement word for word (the pieces around elisions in order), or None."""
    src = st.tokens
    at = _find(src, tokens)
    if at >= 0:
        return SourceMatch(st, EXACT, 1.0, at, at + len(tokens))
    if len(pieces) > 1:
        pos, first = 0, -1
        for p in pieces:
            k = _find(src, p, pos)
            if k < 0:
                return None
            first = k if first < 0 else first
            pos = k + len(p)
        return SourceMatch(st, EXACT, 1.0, first, pos)
    return None


def altered_match(tokens: tuple[str, ...], st: SourceStatement, vocab: Optional[frozenset[str]] = None) -> Optional[SourceMatch]:
    """The statement's words quoted with changes, or None.

    Compared over the stretch of the statement around the longest run of
    shared words only, so that common words scattered over a long transcript
    turn do not make an unrelated quote look altered. ``compare`` must find
    the two verbatim, an excerpt or altered, and the statement must carry
    most of the quote's own words (``compare`` measures the shorter wording:
    a short statement inside a long quote would otherwise pass for its source).
    """
    src = st.tokens
    if len(tokens) < 4:
        return None
    vocab = vocab if vocab is not None else frozenset(src)
    if sum(1 for t in tokens if t in vocab) < ALTERED_MIN_COVERAGE * len(tokens):
        return None  # cannot reach the coverage: spare the alignment
    sm = SequenceMatcher(None, tokens, src, autojunk=False)
    a0, b0, size = sm.find_longest_match(0, len(tokens), 0, len(src))
    if size < MIN_MATCH_TOKENS:
        return None
    slack = max(3, len(tokens) // 3)
    lo = max(0, b0 - a0 - slack)
    hi = min(len(src), b0 + (len(tokens) - a0) + slack)
    window = src[lo:hi]
    blocks = [b for b in SequenceMatcher(None, tokens, window, autojunk=False).get_matching_blocks() if b.size]
    score = round(sum(b.size for b in blocks) / len(tokens), 3)
    if not blocks or score < ALTERED_MIN_COVERAGE:
        return None
    if compare_tokens(tokens, window).kind not in (VERBATIM, EXCERPT, ALTERED):
        return None
    # The matched stretch runs from the first to the last shared word; words the quote has
    # before the first or after the last of them replace as many words of the source.
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(window), last.b + last.size + (len(tokens) - last.a - last.size))
    return SourceMatch(st, ALTERED, score, lo + start, lo + end)


@dataclass(frozen=True)
class Matches:
    exact: list[SourceMatch]  # the statements that have the quote's words, best candidates first
    altered: list[SourceMatch]  # with no exact match: statements quoted with changes, best first


ALTERED_CANDIDATES = 6  # statements aligned word by word per quote, those sharing the most trigrams


def exact_matches(
    tokens: tuple[str, ...], words: str, index: SourceIndex, speaker: Optional[str] = None,
    census: Optional[Census] = None,
) -> tuple[list[SourceMatch], list[int]]:
    """Statements that have the quote's words, stopping at the first by a speaker who is
    ``speaker`` (``identity`` SAME); and the candidate statements looked at, best first."""
    pieces = quote_pieces(words)
    cands: list[int] = index.candidates(tokens)
    if len(pieces) > 1:
        for p in pieces:
            for i in index.candidates(p, limit=4):
                if i not in cands:
                    cands.append(i)
    exact = []
    for i in cands:
        m = exact_match(tokens, pieces, index.statements[i])
        if m is not None:
            exact.append(m)
            if identity(speaker, m.statement.speaker, census).kind == SAME:
                return [m], cands
    return exact, cands


def verify(
    tokens: tuple[str, ...], words: str, index: SourceIndex, speaker: Optional[str] = None,
    census: Optional[Census] = None,
) -> Matches:
    """The source statements a quote matches. Stops at the first exact match by ``speaker``;
    looks for altered matches only when there is no exact one."""
    exact, cands = exact_matches(tokens, words, index, speaker, census)
    if exact:
        return Matches(exact, [])
    altered = [
        m for i in cands[:ALTERED_CANDIDATES] if (m := altered_match(tokens, index.statements[i], index.vocab[i])) is not None
    ]
    altered.sort(key=lambda m: -m.score)
    return Matches([], altered)


# --------------------------------------------------------------------------- messages


def _shorten(words: str, limit: int = MAX_SHOWN_WORDS) -> str:
    w = words.strip().rstrip(",;:").split()
    if len(w) <= limit:
        return " ".join(w)
    half = limit // 2
    return " ".join(w[:half]) + " … " + " ".join(w[-half:])


def compact_diff(segments: list[Segment], context: int = 4) -> str:
    """``diff_markup`` with long unchanged stretches cut to a few words each side."""
    out: list[Segment] = []
    for i, s in enumerate(segments):
        if s.op == "equal":
            w = s.new.split()
            first, last = i == 0, i == len(segments) - 1
            if first and len(w) > context:
                s = Segment("equal", "", "… " + " ".join(w[-context:]))
            elif last and len(w) > context:
                s = Segment("equal", "", " ".join(w[:context]) + " …")
            elif len(w) > 2 * context + 1:
                s = Segment("equal", "", " ".join(w[:context]) + " … " + " ".join(w[-context:]))
        out.append(s)
    return diff_markup(out)


def _where(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}"


class _Positions:
    """Line and column of offsets in source files, one line index per file."""

    def __init__(self, files: Sequence[SourceFile]):
        self.text = {f.path: f.text for f in files}
        self._index: dict[str, LineIndex] = {}

    def at(self, path: str, offset: int) -> tuple[int, int]:
        idx = self._index.get(path)
        if idx is None:
            idx = self._index[path] = LineIndex(self.text.get(path, ""))
        return idx.position(offset)


def _region(m: SourceMatch, pos: _Positions) -> tuple[str, int, int]:
    """The matched words of the source statement, and the line and column where they start."""
    st = m.statement
    if st.spans and m.hi > m.lo:
        s, e = st.spans[m.lo][0], st.spans[m.hi - 1][1]
        text = st.text[s - st.start : e - st.start]
        line, col = pos.at(st.path, s)
        return re.sub(r"\s+", " ", text).strip(), line, col
    return re.sub(r"\s+", " ", st.text).strip(), st.line, st.column


# --------------------------------------------------------------------------- the checks


def _finding(rule: str, article: Article, lines: LineIndex, start: int, end: int, message: str, **kw) -> Finding:
    line, col = lines.position(start)
    end_line, end_col = lines.position(end)
    r = RULES[rule]
    return Finding(rule, r.name, r.severity, article.path, line, col, message, end_line, end_col, **kw)


def _who(name: Optional[str]) -> str:
    return name or "an unnamed speaker"


def _attribution(
    article: Article, lines: LineIndex, q: Quote, exact: Sequence[SourceMatch], pos: _Positions, census: Optional[Census]
) -> Optional[Finding]:
    """QT002 when every statement with the quote's words is by someone positively different
    from the article's speaker; QT007 when one of them may or may not be that speaker; None
    when one is the same person."""
    verdicts = [(m, identity(q.speaker, m.statement.speaker, census)) for m in exact]
    if any(v.kind == SAME for _, v in verdicts):
        return None
    m, v = next(((m, v) for m, v in verdicts if v.kind == UNCERTAIN), verdicts[0])
    src_words, line, col = _region(m, pos)
    where = _where(m.statement.path, line, col)
    related = ((m.statement.path, line, col, f"{m.statement.speaker} says these words here"),)
    if v.kind == UNCERTAIN:
        return _finding("QT007", article, lines, q.start, q.end,
                        f"uncertain attribution: {where} has {m.statement.speaker} saying these words, which the "
                        f"article gives to {q.speaker}; {v.reason}. Add an aliases entry if they are one person: "
                        f"“{_shorten(src_words)}”", quote=q.words, related=related)
    return _finding("QT002", article, lines, q.start, q.end,
                    f"misattribution: the article gives these words to {q.speaker}, but {where} has "
                    f"{m.statement.speaker} saying them: “{_shorten(src_words)}”", quote=q.words, related=related)


def check_article(
    article: Article,
    quotes: Sequence[Quote],
    index: Optional[SourceIndex],
    pos: _Positions,
    census: Optional[Census] = None,
) -> tuple[list[Finding], set[str]]:
    """Findings QT001–QT005 and QT007 for one article's quotes (``index`` None: no sources to
    verify against), and the ids of the quotes whose words a source has word for word.
    ``census``: every speaker of the run, for ``identity``."""
    lines = LineIndex(article.text)
    out: list[Finding] = []
    verified: set[str] = set()
    for q in quotes:
        if not q.direct:
            continue
        words = q.words
        if not q.closed:
            mark_at = max(0, q.start - len(q.open_mark))
            mark = q.open_mark or "quotation mark"
            out.append(
                _finding("QT005", article, lines, mark_at, q.start,
                         f"unbalanced quotation marks: the quote opened by {mark} here is not closed before its paragraph ends",
                         quote=_shorten(words))
            )
            continue  # the span runs to the paragraph's end: its words are not the quote's
        if q.kind in NOT_SPEECH:
            continue
        tokens = comparison_tokens(words)
        verdict = None
        if index is not None and len(tokens) >= MIN_MATCH_TOKENS:
            verdict = verify(tokens, words, index, q.speaker, census)
        if q.kind == FULL and q.speaker is None:
            hint = ""
            if verdict and (verdict.exact or verdict.altered):
                m = (verdict.exact or verdict.altered)[0]
                _, line, col = _region(m, pos)
                if m.statement.speaker:
                    hint = f" ({_where(m.statement.path, line, col)} gives these words to {m.statement.speaker})"
            out.append(
                _finding("QT004", article, lines, q.start, q.end,
                         f"unattributed quote: no speaker is named for “{_shorten(words)}”{hint}", quote=words)
            )
        if verdict is None:
            continue
        if verdict.exact:
            verified.add(q.id)
        if verdict.exact:
            finding = _attribution(article, lines, q, verdict.exact, pos, census)
            if finding is not None:
                out.append(finding)
            continue
        if verdict.altered:
            cands = verdict.altered
            best = max(cands, key=lambda m: (m.score, identity(q.speaker, m.statement.speaker, census).kind == SAME))
            src_words, line, col = _region(best, pos)
            where = _where(best.statement.path, line, col)
            diff = compact_diff(word_diff(src_words, words.rstrip().rstrip(",;:"), excerpt=True))
            speaker = best.statement.speaker or q.speaker
            note = ""
            who = identity(q.speaker, best.statement.speaker, census)
            if who.kind == DIFFERENT:
                note = f" (the source gives these words to {best.statement.speaker}, the article to {q.speaker})"
            elif who.kind == UNCERTAIN:
                note = f" (the source gives these words to {best.statement.speaker}: {who.reason})"
            out.append(
                _finding("QT001", article, lines, q.start, q.end,
                         f"misquote: the words differ from what {_who(speaker)} said in {where}: {diff}{note}",
                         quote=words, related=((best.statement.path, line, col, f"what {_who(speaker)} said"),))
            )
            continue
        if q.kind == FULL:
            by = f" of {q.speaker}" if q.speaker else ""
            out.append(
                _finding("QT003", article, lines, q.start, q.end,
                         f"unverified quote{by}: no source has these words: “{_shorten(words)}”", quote=words)
            )
    return out, verified


def check_wording(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    report_in: Iterable[str],
    verified: Iterable[str] = (),
) -> list[Finding]:
    """QT006: a statement two articles quote with different words.

    Quotes are grouped into statements as ``scan`` groups them. Within a
    statement carried by two or more articles, the reference wording is one
    a source has word for word (``verified`` quote ids) if any, else the
    statement's canonical wording; a quote in another article that is an
    altered form of it is reported, unless a source verifies that quote's
    words (two correct quotes of similar sentences are not inconsistent).
    """
    from .statements import group

    report = set(report_in)
    ok = set(verified)
    direct = [q for q in quotes if q.direct and q.closed and q.kind not in NOT_SPEECH]
    statements, grouped = group(direct, articles)
    by_id = {q.id: q for q in grouped}
    art = {a.id: a for a in articles}
    lines: dict[str, LineIndex] = {}
    out: list[Finding] = []
    for st in statements:
        members = [by_id[m.quote_id] for m in st.members]
        if len({q.article_id for q in members}) < 2 or not any(q.article_id in report for q in members):
            continue
        ref = next((q for q in members if q.id in ok), by_id[st.canonical_quote])
        ref_tokens = comparison_tokens(ref.words)
        for q in members:
            if q.id in ok or q.article_id == ref.article_id or q.article_id not in report:
                continue
            if compare_tokens(ref_tokens, comparison_tokens(q.words)).kind != ALTERED:
                continue
            a, other = art[q.article_id], art[ref.article_id]
            idx = lines.setdefault(a.id, LineIndex(a.text))
            diff = compact_diff(word_diff(ref.words.rstrip().rstrip(",;:"), q.words.rstrip().rstrip(",;:"), excerpt=True))
            where = _where(other.path, ref.line, ref.column)
            out.append(
                _finding("QT006", a, idx, q.start, q.end,
                         f"inconsistent wording: {where} quotes {_who(st.speaker)} differently: {diff}",
                         quote=q.words, related=((other.path, ref.line, ref.column, "the other article's wording"),))
            )
    return out


def unreadable(path: str, reason: str) -> Finding:
    r = RULES["QT000"]
    return Finding(r.id, r.name, r.severity, path, 1, 1, f"unreadable file: {reason}")


def check_corpus(
    targets: Sequence[Article],
    context: Sequence[Article],
    quotes: Mapping[str, Sequence[Quote]],
    sources: Sequence[SourceFile],
    aliases: Optional[Mapping[str, str]] = None,
) -> list[Finding]:
    """Every finding for the ``targets`` articles.

    ``context``: other articles of the repository, compared for QT006 but
    not reported on. ``quotes``: each article's quotes (as ``api.quotes_of``
    gives them) by article id. With no source statements, quotes are not
    verified (no QT001, QT002, QT003).
    """
    # In path order whatever was named, so that a run over some files picks the same
    # reference wordings (QT006) as a run over all of them.
    articles = sorted([*targets, *context], key=lambda a: a.path)
    flat = [q for a in articles for q in quotes.get(a.id, ())]
    statements = statements_of(sources)
    flat, statements = canonical_speakers(flat, statements, {k.casefold(): v for k, v in (aliases or {}).items()})
    census = Census([*(q.speaker for q in flat), *(s.speaker for s in statements)])
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in flat:
        by_article[q.article_id].append(q)
    index = SourceIndex(statements) if statements else None
    pos = _Positions(sources)
    out: list[Finding] = []
    verified: set[str] = set()
    for a in targets:
        found, ok = check_article(a, by_article.get(a.id, []), index, pos, census)
        out.extend(found)
        verified |= ok
    report = {a.id for a in targets}
    pool = wording_pool(flat, report, verified)
    if index is not None:
        # Quotes of the other articles that QT006 compares with: which ones the sources verify.
        for q in pool:
            if q.article_id not in report:
                tokens = comparison_tokens(q.words)
                if len(tokens) >= MIN_MATCH_TOKENS and exact_matches(tokens, q.words, index, q.speaker, census)[0]:
                    verified.add(q.id)
    out.extend(check_wording(articles, pool, report, verified))
    return out


def needs_comparison(targets: Sequence[Article], quotes: Mapping[str, Sequence[Quote]], sources: Sequence[SourceFile]) -> bool:
    """Whether QT006 needs the other articles: some quote of ``targets`` that the sources do not
    have word for word (whoever the speaker: see ``wording_pool``)."""
    statements = statements_of(sources)
    if not statements:
        return any(_comparable(q) for a in targets for q in quotes.get(a.id, ()))
    index = SourceIndex(statements)
    for a in targets:
        for q in quotes.get(a.id, ()):
            if not _comparable(q):
                continue
            tokens = comparison_tokens(q.words)
            if len(tokens) < MIN_MATCH_TOKENS or not exact_matches(tokens, q.words, index)[0]:
                return True
    return False


def _comparable(q: Quote) -> bool:
    return q.direct and q.closed and q.kind not in NOT_SPEECH


def wording_pool(quotes: Sequence[Quote], report: set[str], verified: set[str]) -> list[Quote]:
    """The quotes QT006 needs: the unverified quotes of the reported articles, and every quote
    that shares a word trigram (or its whole wording, when shorter) with one of them. Quotes
    the sources verify cannot be inconsistent, so a repository whose quotes check out, or a
    pre-commit run over a few files, groups only a handful of quotes."""
    eligible = [q for q in quotes if _comparable(q)]
    tokens = {q.id: comparison_tokens(q.words) for q in eligible}
    seeds = [q for q in eligible if q.article_id in report and q.id not in verified]
    if not seeds:
        return []
    postings: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for q in eligible:
        for g in _trigrams(tokens[q.id]):
            postings[g].append(q.id)
    keep: set[str] = set()
    for q in seeds:
        keep.add(q.id)
        for g in _trigrams(tokens[q.id]):
            posting = postings[g]
            if len(posting) <= MAX_POSTING:
                keep.update(posting)
    return [q for q in eligible if q.id in keep]


# --------------------------------------------------------------------------- settings and suppression

_SUPPRESS = re.compile(r"<!--\s*quotetrack:\s*ignore\b(?P<rules>[^>]*?)-->", re.I)
ALL = "*"


def suppressions(text: str) -> dict[int, set[str]]:
    """Line → rule ids silenced there by ``<!-- quotetrack: ignore RULE[, RULE] -->``
    (``ALL`` when no rule is named). A comment covers its own line and the next."""
    out: dict[int, set[str]] = defaultdict(set)
    if "quotetrack" not in text:
        return out
    lines = LineIndex(text)
    for m in _SUPPRESS.finditer(text):
        keys = [k for k in re.split(r"[\s,]+", m.group("rules").strip()) if k]
        ids = {rule_id(k) or k.upper() for k in keys} or {ALL}
        first, _ = lines.position(m.start())
        last, _ = lines.position(m.end())
        for line in range(first, last + 2):
            out[line] |= ids
    return out


@dataclass(frozen=True)
class Settings:
    """Which rules run and how severe each is."""

    enabled: frozenset[str] = frozenset(RULES)
    severity: Mapping[str, str] = field(default_factory=dict)  # rule id → error, warning, note

    def level(self, rule: str) -> str:
        return self.severity.get(rule, RULES[rule].severity)


def apply_settings(
    findings: Iterable[Finding], settings: Settings, texts: Mapping[str, str]
) -> tuple[list[Finding], list[Finding]]:
    """(reported, suppressed): findings of enabled rules at their configured severity,
    those silenced by inline comments apart, each sorted by file and position.
    An inconsistent-wording finding on a quote that already has a misquote finding is dropped."""
    kept: list[Finding] = []
    silenced: list[Finding] = []
    cache: dict[str, dict[int, set[str]]] = {}
    for f in findings:
        if f.rule not in settings.enabled or settings.level(f.rule) == OFF:
            continue
        f = replace(f, severity=settings.level(f.rule))
        sup = cache.get(f.path)
        if sup is None:
            sup = cache[f.path] = suppressions(texts.get(f.path, ""))
        ids = sup.get(f.line, set())
        if ALL in ids or f.rule in ids:
            silenced.append(replace(f, suppressed=True))
        else:
            kept.append(f)
    misquoted = {(f.path, f.line, f.column) for f in kept if f.rule == "QT001"}
    kept = [f for f in kept if not (f.rule == "QT006" and (f.path, f.line, f.column) in misquoted)]
    key = lambda f: (f.path, f.line, f.column, f.rule)  # noqa: E731
    return sorted(kept, key=key), sorted(silenced, key=key)


# --------------------------------------------------------------------------- running over files


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]  # reported, sorted by file and position
    suppressed: tuple[Finding, ...]  # silenced by inline comments
    articles: tuple[str, ...]  # the articles checked, as shown
    sources: tuple[str, ...]  # the source files read
    source_statements: int
    notes: tuple[str, ...] = ()  # things a person should know (a glob that matched nothing)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def exit_code(result: CheckResult, strict: bool = False) -> int:
    """1 when an error-level finding was reported (with ``strict``, a warning too), else 0."""
    failing = {ERROR, WARNING} if strict else {ERROR}
    return 1 if any(f.severity in failing for f in result.findings) else 0


def _read(path: str, max_bytes: int) -> tuple[Optional[str], Optional[str]]:
    from .ingest import read_file

    text, reason = read_file(path, max_bytes)
    if text is None and reason == "empty file":
        return "", None
    return text, reason


def run(config: "Config", paths: Sequence[str] = (), extra_sources: Sequence[str] = (), cache: Optional["Cache"] = None) -> CheckResult:
    """Check the articles ``paths`` name (or, with none, the configured articles)
    against the configured sources and ``extra_sources``. ``cache``: an open
    ``cache.Cache`` that keeps each article's quotes between runs.

    Raises config.UsageError for a path that does not exist or nothing to check.
    A file that cannot be read becomes a QT000 finding; the others are still checked.
    """
    from .cache import cached_quotes
    from .ingest import DEFAULT_MAX_BYTES, build_article
    from .sources import read_source

    notes: list[str] = []
    source_paths = config.source_files(notes) + config.files_from_args(extra_sources, articles=False)
    source_keys = {os.path.realpath(p) for p in source_paths}
    if paths:
        target_paths = [p for p in config.files_from_args(paths) if os.path.realpath(p) not in source_keys]
        context_paths = config.article_files(notes) if config.articles else []
    else:
        target_paths = [p for p in config.article_files(notes) if os.path.realpath(p) not in source_keys]
        context_paths = []
    if paths and not target_paths:  # e.g. pre-commit passed only sources or other text files
        return CheckResult((), (), (), (), 0, tuple(notes))
    seen = {os.path.realpath(p) for p in target_paths}
    context_paths = [p for p in context_paths if os.path.realpath(p) not in seen and os.path.realpath(p) not in source_keys]

    raw: list[Finding] = []
    texts: dict[str, str] = {}
    sources: list[SourceFile] = []
    seen_sources: set[str] = set()
    for p in source_paths:
        key = os.path.realpath(p)
        if key in seen_sources:
            continue
        seen_sources.add(key)
        text, reason = _read(p, DEFAULT_MAX_BYTES)
        if text is None:
            raw.append(unreadable(p, reason or "cannot read"))
            texts[p] = ""
            continue
        texts[p] = text
        try:
            sources.append(read_source(p, text, len(sources) + 1))
        except Exception as err:  # one bad source must not hide the other files' findings
            raw.append(unreadable(p, f"could not be read as a source ({type(err).__name__}: {err})"))

    targets: list[Article] = []
    context: list[Article] = []
    quotes: dict[str, list[Quote]] = {}
    for group_paths, bucket in ((target_paths, targets), (context_paths, context)):
        if bucket is context and context_paths and not needs_comparison(targets, quotes, sources):
            break  # every quote of the named articles checks out against the sources: QT006 has nothing to do
        for p in group_paths:
            text, reason = _read(p, DEFAULT_MAX_BYTES)
            if text is None:
                if bucket is targets:
                    raw.append(unreadable(p, reason or "cannot read"))
                    texts[p] = ""
                continue
            aid = f"a{len(targets) + len(context) + 1}"
            fmt = "markdown" if p.lower().endswith((".md", ".markdown")) else "text"
            try:
                article = build_article(aid, p, text, input_format=fmt)
                quotes[aid] = cached_quotes(cache, article) if text.strip() else []
            except Exception as err:  # likewise for one bad article
                if bucket is targets:
                    raw.append(unreadable(p, f"could not be analysed ({type(err).__name__}: {err})"))
                continue
            texts[p] = text
            bucket.append(article)

    if not sources:
        notes.append("no sources given: quotes were not verified (QT001, QT002 and QT003 need sources)")
    raw.extend(check_corpus(targets, context, quotes, sources, config.aliases_map()))
    findings, suppressed = apply_settings(raw, config.settings(), texts)
    return CheckResult(
        tuple(findings),
        tuple(suppressed),
        tuple(target_paths),
        tuple(f.path for f in sources),
        sum(len(f.statements) for f in sources),
        tuple(notes),
    )
