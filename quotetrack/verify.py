"""Matching a quote with source statements, for ``quotetrack check``.

Matching goes through an index of word trigrams (the normalised words of
:func:`quotetrack.textnorm.comparison_tokens`; see ``textindex``), so each
quote is compared with a handful of candidate statements, never with all of
them. A quote is *exact* when its words appear contiguously in a source
statement, or, when the quote marks elisions (``…``, ``...``) or editorial
insertions (``[the council]``), when each piece between them appears in
order. Otherwise it is *altered* when ``compare`` finds the two alike
(verbatim, excerpt or altered) over the stretch of the statement around the
longest run of shared words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Optional, Sequence

from .align import ALTERED_MIN_COVERAGE, compare_tokens
from .identity import Census, same_speaker
from .kinds import StrEnum
from .models import ALTERED, EXCERPT, VERBATIM
from .quotes import LineIndex
from .sources import SourceFile, SourceStatement
from .textindex import MAX_POSTING, TrigramIndex
from .textnorm import comparison_tokens

MIN_MATCH_TOKENS = 3  # quotes with fewer words are not matched against the sources
CANDIDATES = 12  # statements compared per quote, those sharing the most trigrams


class SourceMatchKind(StrEnum):
    EXACT = "exact"  # the quote's words, word for word (the pieces around elisions in order)
    ALTERED = "altered"  # the statement's words quoted with changes



_GAP = re.compile(r"…|(?:\.[ \t]?){3}|\[[^\]\n]*\]")


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
        self.vocab = [frozenset(s.tokens) for s in self.statements]
        self._index: TrigramIndex[int] = TrigramIndex()
        for i, s in enumerate(self.statements):
            self._index.add(i, s.tokens)

    def __len__(self) -> int:
        return len(self.statements)

    def candidates(self, tokens: Sequence[str], limit: int = CANDIDATES) -> list[int]:
        """Statements sharing the most trigrams with ``tokens``, best first."""
        return self._index.ranked(tokens, limit, MAX_POSTING)


@dataclass(frozen=True)
class SourceMatch:
    statement: SourceStatement
    kind: SourceMatchKind
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
        return SourceMatch(st, SourceMatchKind.EXACT, 1.0, at, at + len(tokens))
    if len(pieces) > 1:
        pos, first = 0, -1
        for p in pieces:
            k = _find(src, p, pos)
            if k < 0:
                return None
            first = k if first < 0 else first
            pos = k + len(p)
        return SourceMatch(st, SourceMatchKind.EXACT, 1.0, first, pos)
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
    return SourceMatch(st, SourceMatchKind.ALTERED, score, lo + start, lo + end)


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
            if same_speaker(speaker, m.statement.speaker, census):
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



# --------------------------------------------------------------------------- where the source says it


class Positions:
    """Line and column of offsets in source files, one line index per file."""

    def __init__(self, files: Sequence[SourceFile]):
        self.text = {f.path: f.text for f in files}
        self._index: dict[str, LineIndex] = {}

    def at(self, path: str, offset: int) -> tuple[int, int]:
        idx = self._index.get(path)
        if idx is None:
            idx = self._index[path] = LineIndex(self.text.get(path, ""))
        return idx.position(offset)


def region(m: SourceMatch, pos: Positions) -> tuple[str, int, int]:
    """The matched words of the source statement, and the line and column where they start."""
    st = m.statement
    if st.spans and m.hi > m.lo:
        s, e = st.spans[m.lo][0], st.spans[m.hi - 1][1]
        text = st.text[s - st.start : e - st.start]
        line, col = pos.at(st.path, s)
        return re.sub(r"\s+", " ", text).strip(), line, col
    return re.sub(r"\s+", " ", st.text).strip(), st.line, st.column


