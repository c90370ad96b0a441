"""Comparing two sides (two outlets, or two articles) statement by statement.

A side is a set of articles. For each statement either side carried, the
comparison says whether both carried it (and how their wordings differ,
word by word), or only one did. Quotes whose words match across the sides
but are given to different speakers are reported as speaker disagreements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .align import Segment, compare_tokens, word_diff
from .identity import Census, same_speaker
from .kinds import MATCH_RANK, MatchKind
from .models import (
    ALTERED,
    EXCERPT,
    NOT_SPEECH,
    PARAPHRASE,
    VERBATIM,
    Quote,
    ScanResult,
    Statement,
)
from .textindex import TrigramIndex
from .textnorm import comparison_tokens


@dataclass(frozen=True)
class SharedStatement:
    statement: Statement
    quote_a: Quote
    quote_b: Quote
    match: MatchKind  # how B's wording relates to A's: verbatim, partial, altered; paraphrase where either side is reported speech
    segments: tuple[Segment, ...]  # B against A, word by word


@dataclass(frozen=True)
class SpeakerDisagreement:
    quote_a: Quote
    quote_b: Quote
    match: MatchKind


@dataclass(frozen=True)
class SideDiff:
    name_a: str
    name_b: str
    shared: tuple[SharedStatement, ...]
    only_a: tuple[tuple[Statement, Quote], ...]
    only_b: tuple[tuple[Statement, Quote], ...]
    disagreements: tuple[SpeakerDisagreement, ...]

    @property
    def agree(self) -> bool:
        return (
            not self.only_a
            and not self.only_b
            and not self.disagreements
            and all(s.match == VERBATIM for s in self.shared)
        )


def _best_pair(qa: Sequence[Quote], qb: Sequence[Quote]) -> tuple[Quote, Quote, MatchKind]:
    """The closest pair of wordings between the two sides' members of one statement."""
    rank = MATCH_RANK
    best: Optional[tuple[int, float, Quote, Quote, MatchKind]] = None
    for a in qa:
        for b in qb:
            c = compare_tokens(comparison_tokens(a.words), comparison_tokens(b.words))
            kind = c.kind if c.kind in rank else (PARAPHRASE if not (a.direct and b.direct) else ALTERED)
            if not (a.direct and b.direct):
                kind = PARAPHRASE  # the same words are verbatim only where both sides quote them
            key = (rank[kind], -c.score)
            if best is None or key < best[:2]:
                best = (key[0], key[1], a, b, MatchKind(kind))
    assert best is not None
    return best[2], best[3], best[4]


def diff_sides(result: ScanResult, side_a: set[str], side_b: set[str], name_a: str, name_b: str) -> SideDiff:
    """Compare the articles with ids in ``side_a`` against those in ``side_b``."""
    quotes = {q.id: q for q in result.quotes}
    shared: list[SharedStatement] = []
    only_a: list[tuple[Statement, Quote]] = []
    only_b: list[tuple[Statement, Quote]] = []
    for st in result.statements:
        qa = [quotes[m.quote_id] for m in st.members if quotes[m.quote_id].article_id in side_a]
        qb = [quotes[m.quote_id] for m in st.members if quotes[m.quote_id].article_id in side_b]
        if qa and qb:
            a, b, kind = _best_pair(qa, qb)
            segs = tuple(word_diff(a.words, b.words)) if kind in (EXCERPT, ALTERED) else ()
            shared.append(SharedStatement(st, a, b, kind, segs))
        elif qa:
            only_a.append((st, qa[0]))
        elif qb:
            only_b.append((st, qb[0]))
    return SideDiff(name_a, name_b, tuple(shared), tuple(only_a), tuple(only_b), tuple(_disagreements(result, side_a, side_b)))


def _disagreements(result: ScanResult, side_a: set[str], side_b: set[str]) -> list[SpeakerDisagreement]:
    """The same quoted words given by the two sides to speakers who are not one person
    (``identity`` DIFFERENT or UNCERTAIN)."""
    qa = [q for q in result.quotes if q.article_id in side_a and q.direct and q.kind not in NOT_SPEECH and q.speaker]
    qb = [q for q in result.quotes if q.article_id in side_b and q.direct and q.kind not in NOT_SPEECH and q.speaker]
    index: TrigramIndex[Quote] = TrigramIndex()
    for q in qb:
        index.add(q, comparison_tokens(q.words))
    census = Census(q.speaker for q in result.quotes)
    out: list[SpeakerDisagreement] = []
    seen: set[tuple[str, str]] = set()
    for a in qa:
        ta = comparison_tokens(a.words)
        for b in index.sharing(ta):
            if (a.id, b.id) in seen or same_speaker(a.speaker, b.speaker, census):
                continue
            seen.add((a.id, b.id))
            kind = compare_tokens(ta, comparison_tokens(b.words)).kind
            if kind in (VERBATIM, EXCERPT, ALTERED):
                out.append(SpeakerDisagreement(a, b, MatchKind(kind)))
    return out


def sides_by_outlet(result: ScanResult, outlet: str) -> set[str]:
    """Ids of the articles of one outlet (case-insensitive; a unique prefix will do)."""
    want = outlet.casefold()
    exact = {a.id for a in result.articles if a.outlet.casefold() == want}
    if exact:
        return exact
    names = {
        a.outlet
        for a in result.articles
        if want in a.outlet.casefold() or want == _initials(a.outlet) or (a.credit and want in a.credit.casefold())
    }
    if len(names) == 1:
        return {a.id for a in result.articles if a.outlet in names}
    return set()


def _initials(name: str) -> str:
    """ "The Associated Press" -> "ap"."""
    words = [w for w in name.split() if w.casefold() != "the"]
    return "".join(w[0] for w in words).casefold()
