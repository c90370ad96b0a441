"""Grouping quotes of the same statement across outlets.

Quotes are indexed by the word trigrams of their normalised wording; only
quotes that share a trigram are compared, so grouping stays near-linear as
the corpus grows (a trigram shared by very many quotes is a set phrase and
is not used to find candidates). Two quotes join one statement when
``compare`` finds them verbatim, an excerpt, or altered, and their speakers
agree (or one of them is unknown). Each statement gets a canonical wording:
the fullest wording that most members carry word for word; each member's
match kind is measured against it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Optional, Sequence

from .align import PARAPHRASE_MIN_SHARED, compare_tokens, content_stems
from .identity import SAME, Census, identity
from .models import (
    ALTERED,
    EXCERPT,
    NOT_SPEECH,
    PARAPHRASE,
    VERBATIM,
    Article,
    Member,
    Quote,
    Statement,
)
from .textnorm import comparison_tokens

SHINGLE = 3
MAX_POSTING = 60  # a trigram in more distinct wordings than this is a set phrase: it finds no candidates
MIN_EXCERPT_WORDS = 5  # a shorter excerpt or altered wording joins no statement
_JOINING = {VERBATIM, EXCERPT, ALTERED}


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _shingles(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(tokens) < SHINGLE:
        return {tokens} if tokens else set()
    return {tokens[i : i + SHINGLE] for i in range(len(tokens) - SHINGLE + 1)}


def _speakers_agree(a: Quote, b: Quote, census: Optional[Census] = None) -> bool:
    """Whether two quotes' speakers are one person (``identity`` SAME; unknown is anyone).
    Reported speech joins only on a known speaker."""
    if not (a.direct and b.direct) and (a.speaker is None or b.speaker is None):
        return False
    return identity(a.speaker, b.speaker, census).kind == SAME


def _joins(a: Quote, b: Quote, kind: str, ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Whether two quotes compared as ``kind`` are one statement.

    An excerpt must be long enough to be a statement of its own: two or three
    words ("crooked Hillary") recur in many quotes and would chain unrelated
    statements together."""
    if kind in (EXCERPT, ALTERED) and min(len(ta), len(tb)) < MIN_EXCERPT_WORDS:
        return False
    if a.direct and b.direct:
        return kind in _JOINING
    return kind in _JOINING or kind == PARAPHRASE


def member_match(q: Quote, kind: str) -> str:
    """A member's match kind: reported speech is always a paraphrase of the quoted words."""
    if not q.direct:
        return PARAPHRASE
    return kind if kind in (VERBATIM, EXCERPT, ALTERED) else ALTERED


def groupable(q: Quote, article: Article) -> bool:
    return q.kind not in NOT_SPEECH and article.in_body(q.start, q.end)


def group(quotes: Sequence[Quote], articles: Sequence[Article]) -> tuple[list[Statement], list[Quote]]:
    """Statements, and the quotes with their ``statement`` id set.

    Grouping runs in two steps so that loose matches cannot chain unrelated
    statements together. First, direct quotes with a known speaker are joined
    when their words match (verbatim, excerpt, altered) and the speaker is the
    same: these groups are the anchors. Then every other quote (reported
    speech, and quotes nobody is named for) attaches to the one anchor it
    matches best, or, failing that, groups with other such quotes.
    """
    by_id = {a.id: a for a in articles}
    outlet = {a.id: a.outlet for a in articles}
    census = Census(q.speaker for q in quotes)
    eligible_all = [i for i, q in enumerate(quotes) if groupable(q, by_id[q.article_id])]
    tokens = {i: comparison_tokens(quotes[i].words) for i in eligible_all}
    uf = _UnionFind(len(quotes))
    # Identical wordings by the same speaker are one statement without comparing them:
    # only one representative of each takes part in the search below.
    first_of: dict[tuple, int] = {}
    eligible = []
    for i in eligible_all:
        key = (tokens[i], quotes[i].speaker, quotes[i].direct)
        if key in first_of:
            uf.union(first_of[key], i)
        else:
            first_of[key] = i
            eligible.append(i)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in eligible:
        for sh in _shingles(tokens[i]):
            index[sh].append(i)
    # Reported speech shares few word trigrams with what it reports, and joins only
    # quotes of the same known speaker: index content stems per speaker too.
    stems = {i: content_stems(tokens[i]) for i in eligible if quotes[i].speaker is not None}
    stem_index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, sts in stems.items():
        for st in sts:
            stem_index[(quotes[i].speaker, st)].append(i)

    def candidates(i: int) -> set[int]:
        # Quotes sharing two trigrams (one, for a quote that has only one).
        shingles = _shingles(tokens[i])
        need = min(2, len(shingles))
        hits: dict[int, int] = defaultdict(int)
        for sh in shingles:
            posting = index[sh]
            if len(posting) <= MAX_POSTING:
                for j in posting:
                    hits[j] += 1
        cands = {j for j, n in hits.items() if n >= need}
        if not quotes[i].direct and i in stems:
            shared: dict[int, int] = defaultdict(int)
            for st in stems[i]:
                posting = stem_index[(quotes[i].speaker, st)]
                if len(posting) <= MAX_POSTING:
                    for j in posting:
                        shared[j] += 1
            cands.update(j for j, n in shared.items() if n >= PARAPHRASE_MIN_SHARED)
        cands.discard(i)
        return cands

    def joins(i: int, j: int) -> Optional[tuple[int, float]]:
        """(rank, -score) of the match between i and j when they are one statement, else None."""
        if not _speakers_agree(quotes[i], quotes[j], census):
            return None
        c = compare_tokens(tokens[i], tokens[j])
        if not _joins(quotes[i], quotes[j], c.kind, tokens[i], tokens[j]):
            return None
        return (_RANK[c.kind], -c.score)

    anchored = {i for i in eligible if quotes[i].direct and quotes[i].speaker is not None}
    # 1. Anchors: direct quotes of a known speaker, by their words.
    for i in sorted(anchored):
        for j in candidates(i):
            if j > i and j in anchored and joins(i, j) is not None:
                uf.union(i, j)
    # 2. Everything else attaches to its best anchor...
    loose: list[int] = []
    for i in eligible:
        if i in anchored:
            continue
        # The best match wins; ties go by where the anchor is (path, offset), never by
        # input order. An unattributed quote whose words match equally well quotes by
        # different people stays apart: nobody can say whose words it carries.
        best_key: Optional[tuple] = None
        best: list[int] = []
        for j in candidates(i):
            if j in anchored:
                m = joins(i, j)
                if m is None:
                    continue
                if best_key is None or m < best_key:
                    best_key, best = m, [j]
                elif m == best_key:
                    best.append(j)
        speakers = {quotes[j].speaker for j in best}
        if best and len(speakers) == 1:
            j = min(best, key=lambda j: (by_id[quotes[j].article_id].path, quotes[j].start))
            uf.union(j, i)
        else:
            loose.append(i)
    # 3. ... or groups with the other quotes that found none.
    loose_set = set(loose)
    for i in loose:
        for j in candidates(i):
            if j > i and j in loose_set and joins(i, j) is not None:
                uf.union(i, j)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in eligible_all:
        groups[uf.find(i)].append(i)

    statements: list[Statement] = []
    assigned: dict[int, str] = {}
    for root in sorted(groups, key=lambda r: groups[r][0]):
        members = groups[root]
        canon = _canonical(members, tokens, quotes)
        sid = f"s{len(statements) + 1}"
        speaker = next((quotes[m].speaker for m in [canon, *members] if quotes[m].speaker), None)
        mem = []
        for m in members:
            c = compare_tokens(tokens[canon], tokens[m])
            mem.append(Member(quotes[m].id, outlet[quotes[m].article_id], member_match(quotes[m], c.kind), c.score))
            assigned[m] = sid
        statements.append(Statement(sid, speaker, quotes[canon].words, quotes[canon].id, tuple(mem)))
    out = [replace(q, statement=assigned[i]) if i in assigned else q for i, q in enumerate(quotes)]
    return statements, out


_RANK = {VERBATIM: 0, EXCERPT: 1, ALTERED: 2, PARAPHRASE: 3}


def _canonical(members: list[int], tokens: dict[int, tuple[str, ...]], quotes: Sequence[Quote]) -> int:
    """The quoted wording the most others carry word for word; then the fullest.
    Reported speech is canonical only where nobody quoted the words directly."""
    direct = [m for m in members if quotes[m].direct]
    members = direct or members
    if len(members) == 1:
        return members[0]
    # Compare distinct wordings only: a statement carried by a thousand outlets
    # usually has a handful of wordings.
    first: dict[tuple[str, ...], int] = {}
    count: dict[tuple[str, ...], int] = defaultdict(int)
    for m in members:
        first.setdefault(tokens[m], m)
        count[tokens[m]] += 1

    def support(w: tuple[str, ...]) -> tuple[int, int, int]:
        agree = count[w] - 1
        for o in count:
            if o is not w and len(o) < len(w) and compare_tokens(w, o).kind == EXCERPT:
                agree += count[o]
        return (agree, len(w), -members.index(first[w]))

    return first[max(count, key=support)]


def select(
    statements: Sequence[Statement],
    speaker: Optional[str] = None,
    outlet: Optional[str] = None,
    min_outlets: int = 1,
) -> list[Statement]:
    """Statements by a speaker (case-insensitive, any part of the name), carried
    by an outlet (likewise), and carried by at least ``min_outlets`` outlets."""
    out = []
    for s in statements:
        if len(s.outlets) < min_outlets:
            continue
        if speaker and (not s.speaker or speaker.casefold() not in s.speaker.casefold()):
            continue
        if outlet and not any(outlet.casefold() in o.casefold() for o in s.outlets):
            continue
        out.append(s)
    return out
