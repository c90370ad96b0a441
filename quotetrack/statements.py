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
from .models import ALTERED, EXCERPT, PARAPHRASE, TERM, VERBATIM, Article, Member, Quote, Statement
from .textnorm import comparison_tokens

SHINGLE = 3
MAX_POSTING = 200  # a trigram carried by more quotes than this finds no candidates
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


def _speakers_agree(a: Quote, b: Quote) -> bool:
    if not (a.direct and b.direct):
        # Reported speech joins only on a known, shared speaker.
        return a.speaker is not None and a.speaker == b.speaker
    return a.speaker is None or b.speaker is None or a.speaker == b.speaker


def _joins(a: Quote, b: Quote, kind: str) -> bool:
    """Whether two quotes compared as ``kind`` are one statement."""
    if a.direct and b.direct:
        return kind in _JOINING
    return kind in _JOINING or kind == PARAPHRASE


def member_match(q: Quote, kind: str) -> str:
    """A member's match kind: reported speech is always a paraphrase of the quoted words."""
    if not q.direct:
        return PARAPHRASE
    return kind if kind in (VERBATIM, EXCERPT, ALTERED) else ALTERED


def groupable(q: Quote, article: Article) -> bool:
    return q.kind != TERM and article.in_body(q.start, q.end)


def group(quotes: Sequence[Quote], articles: Sequence[Article]) -> tuple[list[Statement], list[Quote]]:
    """Statements, and the quotes with their ``statement`` id set."""
    by_id = {a.id: a for a in articles}
    outlet = {a.id: a.outlet for a in articles}
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
    # Reported speech shares few word trigrams with what it reports: index content stems too.
    stems = {i: content_stems(tokens[i]) for i in eligible}
    stem_index: dict[str, list[int]] = defaultdict(list)
    for i in eligible:
        for st in stems[i]:
            stem_index[st].append(i)
    compared: set[tuple[int, int]] = set()
    for i in eligible:
        cands: set[int] = set()
        for sh in _shingles(tokens[i]):
            posting = index[sh]
            if len(posting) <= MAX_POSTING:
                cands.update(j for j in posting if j > i)
        if quotes[i].speaker is not None:
            shared: dict[int, int] = defaultdict(int)
            for st in stems[i]:
                posting = stem_index[st]
                if len(posting) <= MAX_POSTING:
                    for j in posting:
                        if j > i and not (quotes[i].direct and quotes[j].direct):
                            shared[j] += 1
            cands.update(j for j, n in shared.items() if n >= PARAPHRASE_MIN_SHARED)
        cands.discard(i)
        for j in cands:
            if (i, j) in compared or not _speakers_agree(quotes[i], quotes[j]):
                continue
            compared.add((i, j))
            if _joins(quotes[i], quotes[j], compare_tokens(tokens[i], tokens[j]).kind):
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
