"""Grouping quotes of the same statement across outlets.

Quotes with the same comparison tokens share one *wording*; tokens, stems
and the judge's per-wording features are computed once per wording. Quotes of
one wording, one speaker (by :func:`quotetrack.identity.identity`, not by the
name as written) and one form (direct or reported) make a *unit*, the thing
that is joined. Candidate pairs come from a blocking index
(:mod:`quotetrack.blocking`): wordings by their word trigrams, and reported
speech by content stems under its speaker's surname, so the pairs compared
per wording stay bounded as the corpus grows.

Two units join one statement when their speakers are one person (an unknown
speaker of a direct quote is anyone; reported speech needs a known one) and:

* both are direct quotes: ``compare`` finds them verbatim, an excerpt or
  altered (an excerpt or altered wording of at least five words);
* one is reported speech: the same, or a paraphrase; a reported claim joins a
  direct quote only as a *confident* paraphrase (the judge's ``confident``
  probability).

One- and two-word quotes ("No.", "crooked Hillary") never join a statement on
their own words. Each statement gets a canonical wording: the fullest wording
that most members carry word for word; each member's match kind is measured
against it.
"""

from __future__ import annotations

import gc
from collections import OrderedDict, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterator, Optional, Sequence

from .align import (
    Comparison,
    Judge,
    Wording,
    content_stems,
    elision_breaks,
    exact_comparison,
    is_excerpt,
    judge,
    judged_comparison,
)
from .blocking import BlockingIndex
from .identity import SAME, Census, Name, anonymous, described, identity, leading_words, may_be_same, parse
from .kinds import MATCH_RANK, MatchKind
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
    evolve,
)
from .textnorm import comparison_tokens
from .unionfind import UnionFind

MIN_JOIN_WORDS = 3  # a one- or two-word quote joins no statement on its own words
MIN_EXCERPT_WORDS = 5  # a shorter excerpt or altered wording joins no statement
MIN_SHARED_STEMS = 3  # reported speech is compared with quotes of its speaker sharing this many content stems
MIN_TOLD_STEMS = 4  # a reported claim of this many content stems, all of them the quote's, joins it
LIVE_WORDINGS = 16384  # wordings whose features are kept at once (see Grouper.wording)
_JOINING = {VERBATIM, EXCERPT, ALTERED}
_RANK = MATCH_RANK


def _speakers_agree(a: Quote, b: Quote, census: Optional[Census] = None) -> bool:
    """Whether two quotes' speakers are one person (``identity`` SAME; unknown is anyone).
    Reported speech joins only on a known speaker."""
    return _agree(a.speaker, b.speaker, a.direct and b.direct, census)


def _agree(a: Optional[str], b: Optional[str], both_direct: bool, census: Optional[Census]) -> bool:
    if not both_direct and (a is None or b is None):
        return False
    return identity(a, b, census).kind == SAME


def member_match(q: Quote, kind: str) -> MatchKind:
    """A member's match kind: reported speech is always a paraphrase of the quoted words."""
    if not q.direct:
        return PARAPHRASE
    return MatchKind(kind) if kind in (VERBATIM, EXCERPT, ALTERED) else ALTERED


def groupable(q: Quote, article: Article) -> bool:
    return q.kind not in NOT_SPEECH and article.in_body(q.start, q.end)


@dataclass
class _Unit:
    """Quotes of one wording, one speaker and one form (direct or reported)."""

    wid: int
    direct: bool
    speaker: Optional[str]
    quotes: list[int] = field(default_factory=list)

    @property
    def anchor(self) -> bool:
        return self.direct and self.speaker is not None


class Grouper:
    """The state of one grouping run: wordings, units, the blocking indexes and the joins."""

    def __init__(self, quotes: Sequence[Quote], articles: Sequence[Article], census: Optional[Census] = None,
                 wordings: Optional[dict[int, tuple[tuple[str, ...], tuple[int, ...]]]] = None,
                 eligible: Optional[list[int]] = None):
        """``census``: the run's (else counted from the quotes); ``wordings``: quotes' wordings
        (comparison tokens and elision breaks) already known, by quote number (else worked out);
        ``eligible``: the numbers of the groupable quotes, when already known (``regroup``)."""
        self.quotes = quotes
        self.by_id = {a.id: a for a in articles}
        self.census = census if census is not None else Census(q.speaker for q in quotes)
        self._same: dict[tuple[Optional[str], Optional[str]], bool] = {}
        self._names: dict[str, Optional[Name]] = {}
        self._leads: dict[str, tuple[bool, tuple[tuple[str, ...], bool]]] = {}
        self._who: dict[str, str] = {}  # a speaker -> the surname (else the folded name) its stem keys carry
        if eligible is None:
            eligible = [i for i, q in enumerate(quotes) if groupable(q, self.by_id[q.article_id])]
        self.eligible = eligible
        self._wordings(wordings or {})
        self._units()
        self.uf = UnionFind(len(self.units))
        self._compared: dict[tuple[int, int], Comparison] = {}
        self._exact: dict[tuple[int, int], Optional[Comparison]] = {}  # ``exact_comparison`` of pairs asked only that

    @property
    def judge(self) -> Judge:
        """The paraphrase judge, loaded when a comparison first needs it (a re-scan whose changes
        reach no wording compares none)."""
        return judge()

    def same(self, a: Optional[str], b: Optional[str]) -> bool:
        """``identity(a, b, census)`` is SAME, asked once per pair of names: a run has far fewer
        distinct names than candidate pairs, and most pairs of names are two people that
        ``may_be_same`` tells apart at once. The verdict's kind does not depend on the order."""
        key = (a, b) if (a or "") <= (b or "") else (b, a)
        got = self._same.get(key)
        if got is None:
            if a is None or b is None or a == b or anonymous(a) or anonymous(b):
                got = True  # anyone, or the same name (``identity``), with no name parsed
            elif self._roles_apart(a, b):
                got = False
            else:
                pa, pb = self._name(a), self._name(b)
                if pa is not None and pb is not None and a != b and not may_be_same(pa, pb):
                    got = False
                else:
                    got = identity(a, b, self.census).kind == SAME
            self._same[key] = got
        return got

    def _roles_apart(self, a: str, b: str) -> bool:
        """Whether ``may_be_same`` is sure to part two names without parsing them: one is a
        description (``described``: a role, which is the same only as the same words) and
        their words differ where ``leading_words`` knows them. Descriptions were most of the
        names nameparser was asked to parse in grouping, and it is slow."""
        (da, (wa, whole_a)), (db, (wb, whole_b)) = self._lead(a), self._lead(b)
        if not (da or db):
            return False
        n = min(len(wa), len(wb))
        return wa[:n] != wb[:n] or (whole_a and len(wb) > n) or (whole_b and len(wa) > n)

    def _lead(self, speaker: str) -> tuple[bool, tuple[tuple[str, ...], bool]]:
        """(``described(speaker)``, ``leading_words(speaker)``), worked out once a name."""
        got = self._leads.get(speaker)
        if got is None:
            got = self._leads[speaker] = (described(speaker), leading_words(speaker))
        return got

    def _name(self, speaker: Optional[str]) -> Optional[Name]:
        """The parsed name, or None for anyone (no name, or an anonymous label)."""
        if speaker is None:
            return None
        if speaker not in self._names:
            self._names[speaker] = None if anonymous(speaker) else parse(speaker)
        return self._names[speaker]

    # ------------------------------------------------------------------ wordings and units

    def _wordings(self, known: dict[int, tuple[tuple[str, ...], tuple[int, ...]]]) -> None:
        # A wording is its tokens and where elision marks cut them ("A B ... D E" is an excerpt of
        # "A B C D E"; "A B D E" is not).
        wid_of: dict[tuple[tuple[str, ...], tuple[int, ...]], int] = {}
        self.tokens: list[tuple[str, ...]] = []
        self.breaks: list[tuple[int, ...]] = []
        self.wid: dict[int, int] = {}
        for i in self.eligible:
            key = known.get(i)
            if key is None:
                words = self.quotes[i].words
                t = comparison_tokens(words)
                key = (t, elision_breaks(words, t))
            w = wid_of.get(key)
            if w is None:
                w = wid_of[key] = len(self.tokens)
                self.tokens.append(key[0])
                self.breaks.append(key[1])
            self.wid[i] = w
        self.wordings: OrderedDict[int, Wording] = OrderedDict()
        self.built = 0

    def wording_key(self, i: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Quote ``i``'s wording as it is told apart from others: its tokens and elision breaks."""
        w = self.wid[i]
        return self.tokens[w], self.breaks[w]

    def wording(self, w: int) -> Wording:
        """The judge's view of wording ``w``. The most recently used ``LIVE_WORDINGS`` are kept
        (a wording's features take some 20 KB: with every one kept, they were most of grouping's
        memory); an older one is built again, the same, when it is asked for. Fewer kept costs
        rebuilds: at 100,000 generated quotes, 2,048 kept took 1.44 times the CPU time of all."""
        got = self.wordings.get(w)
        if got is None:
            got = self.wordings[w] = Wording(self.tokens[w], self.breaks[w])
            self.built += 1
            if len(self.wordings) > LIVE_WORDINGS:
                self.wordings.popitem(last=False)
        else:
            self.wordings.move_to_end(w)
        return got

    # Quote number -> a label of its unit, for quotes whose unit is already known (``regroup``:
    # a former run's unit, where a wording's quotes and speakers are as they were). Quotes of one
    # wording and form are all labelled or none.
    given_units: Optional[dict[int, int]] = None

    def _units(self) -> None:
        """Quotes of one wording and form join one unit when their speakers are one person
        (named the same, or SAME by identity); one- and two-word quotes stay alone."""
        self.units: list[_Unit] = []
        self.unit_of: dict[int, int] = {}
        by_key: dict[tuple[int, bool], list[int]] = defaultdict(list)
        given = self.given_units or {}
        labelled: dict[int, int] = {}
        for i in self.eligible:
            q = self.quotes[i]
            w = self.wid[i]
            speaker = None if anonymous(q.speaker) else q.speaker
            u = None
            label = given.get(i)
            if label is not None:
                u = labelled.get(label)
            elif len(self.tokens[w]) >= MIN_JOIN_WORDS:
                for cand in by_key[(w, q.direct)]:
                    other = self.units[cand].speaker
                    if other == speaker or (other is not None and speaker is not None and self.same(other, speaker)):
                        u = cand
                        break
            if u is None:
                u = len(self.units)
                self.units.append(_Unit(w, q.direct, speaker))
                by_key[(w, q.direct)].append(u)
                if label is not None:
                    labelled[label] = u
            self.units[u].quotes.append(i)
            self.unit_of[i] = u
        self.units_of_wording: dict[int, list[int]] = defaultdict(list)
        for u, unit in enumerate(self.units):
            self.units_of_wording[unit.wid].append(u)

    # ------------------------------------------------------------------ candidates

    def build_index(self) -> None:
        self.trigrams = BlockingIndex()
        self._near: dict[int, list[int]] = {}
        for w, t in enumerate(self.tokens):
            if len(t) >= MIN_JOIN_WORDS:
                keys = self._trigram_keys(w)
                self.trigrams.add(w, keys)
                self._indexed_wording(w, keys)
        # Reported speech shares few word trigrams with what it reports, and joins only quotes
        # of its own (known) speaker: index content stems under the speaker's surname too.
        self.stems = BlockingIndex()
        for u in range(len(self.units)):
            keys = self._stem_keys(u)
            if keys:
                self.stems.add(u, keys)
                self._indexed_unit(u, keys)

    def _indexed_wording(self, w: int, keys: list[int]) -> None:
        """Called with each wording's trigram keys as they are indexed (for ``regroup``)."""

    def _indexed_unit(self, u: int, keys: list[int]) -> None:
        """Called with each unit's stem keys as they are indexed (for ``regroup``)."""

    # An item's keys are worked out again when it asks for candidates rather than kept: they
    # would take more room than the index itself.

    def _trigram_keys(self, w: int) -> list[int]:
        # Hashes of the trigrams: an int takes less room than the string, and a collision
        # costs at most one needless comparison. For three words or more these are the hashes of
        # ``textindex.trigrams`` in its order, taken once each: hashed as they come and kept on the
        # first, as a trigram standing twice hashes the same both times.
        t = self.tokens[w]
        return list(dict.fromkeys(map(hash, zip(t, t[1:], t[2:]))))

    def _stem_keys(self, u: int) -> list[int]:
        unit = self.units[u]
        if unit.speaker is None or len(self.tokens[unit.wid]) < MIN_JOIN_WORDS:
            return []
        who = self._who.get(unit.speaker)
        if who is None:
            surname = "" if described(unit.speaker) else parse(unit.speaker).surname
            who = self._who[unit.speaker] = surname or unit.speaker.casefold()
        return [hash((who, st)) for st in sorted(content_stems(self.tokens[unit.wid]))]

    def candidates(self, u: int) -> list[int]:
        unit = self.units[u]
        w = unit.wid
        if len(self.tokens[w]) < MIN_JOIN_WORDS:
            return []
        near = self._near.get(w)
        if near is None:
            # The units of w's wording and of its candidate wordings: the same for every unit of w.
            found = list(self.units_of_wording[w])
            for other in self.trigrams.candidates(w, self._trigram_keys(w)):
                found.extend(self.units_of_wording[other])
            near = self._near[w] = sorted(set(found))
        stem_keys = [] if unit.direct else self._stem_keys(u)
        if stem_keys:
            found = sorted({*near, *self.stems.candidates(u, stem_keys, need=MIN_SHARED_STEMS)})
            found.remove(u)
            return found
        return [v for v in near if v != u]

    # ------------------------------------------------------------------ joining

    def compare(self, a: int, b: int) -> Comparison:
        """``compare_wordings`` of wordings a and b, once a pair."""
        key = (a, b)
        got = self._compared.get(key)
        if got is None:
            wa, wb = self.wording(a), self.wording(b)
            got = self._exact[key] if key in self._exact else exact_comparison(wa, wb)
            if got is None:
                got = judged_comparison(wa, wb, self.judge)
            self._compared[key] = got
        return got

    def exact(self, a: int, b: int) -> Optional[Comparison]:
        """``compare(a, b)`` where an exact rule decides it (verbatim, excerpt, altered), else None,
        without asking the judge: two direct quotes join only on such a rule, and the judge was
        most of what comparing them cost."""
        key = (a, b)
        got = self._compared.get(key)
        if got is not None:
            return got if got.kind in _JOINING else None
        if key in self._exact:
            got = self._exact[key]
        else:
            got = self._exact[key] = exact_comparison(self.wording(a), self.wording(b))
        return got if got is not None and got.kind in _JOINING else None

    def rank(self, u: int, v: int) -> Optional[tuple[int, float]]:
        """(rank, -score) of the match between units u and v when they are one statement, else None."""
        a, b = self.units[u], self.units[v]
        if not (a.direct and b.direct) and (a.speaker is None or b.speaker is None):
            return None
        if not self.same(a.speaker, b.speaker):
            return None
        ta, tb = self.tokens[a.wid], self.tokens[b.wid]
        n = min(len(ta), len(tb))
        if n < MIN_JOIN_WORDS:
            return None
        x, y = (a.wid, b.wid) if a.wid <= b.wid else (b.wid, a.wid)
        if a.direct and b.direct:
            # Two direct quotes join only on an exact rule (not as a paraphrase): the judge is not asked.
            e = self.exact(x, y)
            if e is None or (e.kind in (EXCERPT, ALTERED) and n < MIN_EXCERPT_WORDS):
                return None
            return (_RANK[e.kind], -e.score)
        c = self.compare(x, y)
        if c.kind in (EXCERPT, ALTERED) and n < MIN_EXCERPT_WORDS:
            return None
        if c.kind in _JOINING:
            return (_RANK[c.kind], -c.score)
        if c.kind != PARAPHRASE:
            return None
        if (a.direct or b.direct) and c.score < self.judge.confident and not self._told_in_its_words(a, b):
            return None  # a reported claim joins a direct quote only as a confident paraphrase
        return (_RANK[c.kind], -c.score)

    def _told_in_its_words(self, a: "_Unit", b: "_Unit") -> bool:
        """A reported claim made only of the direct quote's own words (the same speaker's
        "Roe said the town “deserves its buses back”" beside the quote that says it):
        at least four content stems, every one of them in the quote."""
        told, quote = (a, b) if b.direct else (b, a)
        said = content_stems(self.tokens[told.wid])
        return len(said) >= MIN_TOLD_STEMS and said <= content_stems(self.tokens[quote.wid])

    def join_anchors(self, only: Optional[set[int]] = None) -> None:
        """Direct quotes of a known speaker, by their words. Wording by wording (the joins are the
        connected parts of the pairs that match, whatever the order they are found in).
        ``only``: join just these units to theirs (``regroup``)."""
        units, same, uf = self.units, self.same, self.uf
        for ours in self.units_of_wording.values():
            ours = [u for u in ours if units[u].anchor and (only is None or u in only)]
            if not ours:
                continue
            # The anchors near this wording by speaker: speakers are tested once a name, and most
            # candidates are someone else's words. Candidates are not symmetric (each wording asks
            # with its own rarest keys): pairs join either way round.
            near: dict[Optional[str], list[int]] = defaultdict(list)
            for v in self.candidates(ours[0]) + [ours[0]]:
                if units[v].anchor:
                    near[units[v].speaker].append(v)
            for u in ours:
                speaker = units[u].speaker
                for other, vs in near.items():
                    if same(speaker, other):
                        for v in vs:
                            if v != u and not uf.same(u, v) and self.rank(u, v) is not None:
                                uf.union(u, v)

    def best_anchor(self, u: int) -> Optional[int]:
        """The anchor unit u matches best; ties go by where the anchor is (path, offset), never by
        input order. An unattributed quote whose words match equally well quotes by different
        people stays apart: nobody can say whose words it carries."""
        return self._best_of(u, self.candidates(u))

    def _best_of(self, u: int, candidates: list[int]) -> Optional[int]:
        """``best_anchor(u)`` among ``candidates``, u's."""
        best_key: Optional[tuple] = None
        best: list[int] = []
        for v in candidates:
            if not self.units[v].anchor:
                continue
            m = self.rank(u, v)
            if m is None:
                continue
            if best_key is None or m < best_key:
                best_key, best = m, [v]
            elif m == best_key:
                best.append(v)
        if not best:
            return None
        first = self.units[best[0]].speaker
        if any(not self.same(first, self.units[v].speaker) for v in best[1:]):
            return None
        return min(best, key=self._where)

    def _where(self, u: int) -> tuple[str, int]:
        q = self.quotes[self.units[u].quotes[0]]
        return (self.by_id[q.article_id].path, q.start)

    def attach_loose(self) -> None:
        """Every other unit attaches to its best anchor, or groups with the others that found none."""
        loose: list[tuple[int, list[int]]] = []  # a loose unit with candidates, and them (asked once)
        loose_set: set[int] = set()
        for u, unit in enumerate(self.units):
            if unit.anchor:
                continue
            found = self.candidates(u)
            v = self._best_of(u, found)
            if v is None:
                loose_set.add(u)
                if found:
                    loose.append((u, found))
            else:
                self.uf.union(v, u)
        for u, found in loose:
            for v in found:
                if v in loose_set and not self.uf.same(u, v) and self.rank(u, v) is not None:
                    self.uf.union(u, v)

    # ------------------------------------------------------------------ statements

    def statements(self) -> tuple[list[Statement], list[Quote]]:
        groups: dict[int, list[int]] = defaultdict(list)
        find, unit_of = self.uf.find, self.unit_of
        for i in self.eligible:
            groups[find(unit_of[i])].append(i)
        quotes = self.quotes
        outlet = {aid: a.outlet for aid, a in self.by_id.items()}
        kinds: dict[tuple[bool, str], MatchKind] = {}  # ``member_match`` of a form and a kind, once
        statements: list[Statement] = []
        assigned: list[Optional[str]] = [None] * len(quotes)
        for members in sorted(groups.values(), key=itemgetter(0)):
            canon, matches = self.statement_parts(members)
            sid = f"s{len(statements) + 1}"
            first = quotes[canon]
            speaker = first.speaker or next((quotes[m].speaker for m in members if quotes[m].speaker), None)
            mem = []
            for m, (kind, score) in zip(members, matches):
                q = quotes[m]
                match = kinds.get((q.direct, kind))
                if match is None:
                    match = kinds[(q.direct, kind)] = member_match(q, kind)
                mem.append(Member(q.id, outlet[q.article_id], match, score))
                assigned[m] = sid
            statements.append(Statement(sid, speaker, first.words, first.id, tuple(mem)))
        out = [q if sid is None else evolve(q, statement=sid) for q, sid in zip(quotes, assigned)]
        return statements, out

    def statement_parts(self, members: list[int]) -> tuple[int, list[tuple[str, float]]]:
        """A statement's canonical quote (one of ``members``, quote numbers in order) and each
        member's match against it: (kind, score) as ``compare`` gives them."""
        if len(members) == 1:
            return members[0], [(VERBATIM, 1.0)]  # most statements: one quote, its own canonical
        canon = _canonical(members, {m: self.wording_key(m) for m in members}, self.quotes)
        matches = []
        for m in members:
            c = self.compare(self.wid[canon], self.wid[m]) if self.wid[canon] != self.wid[m] else None
            matches.append((c.kind, c.score) if c else (VERBATIM, 1.0))
        return canon, matches


def group(quotes: Sequence[Quote], articles: Sequence[Article]) -> tuple[list[Statement], list[Quote]]:
    """Statements, and the quotes with their ``statement`` id set.

    Grouping runs in two steps so that loose matches cannot chain unrelated
    statements together. First, direct quotes with a known speaker are joined
    when their words match (verbatim, excerpt, altered) and the speaker is the
    same: these groups are the anchors. Then every other quote (reported
    speech, and quotes nobody is named for) attaches to the one anchor it
    matches best, or, failing that, groups with other such quotes.
    """
    with collector_paused():
        g = Grouper(quotes, articles)
        g.build_index()
        g.join_anchors()
        g.attach_loose()
        return g.statements()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block, and restored as it was. Grouping
    makes many small objects that stay (units, indexes, the new quotes) and no reference cycles:
    what it drops, counting frees. The collector, run by how many objects are made, found nothing
    to free here, yet each of its full passes walks every object alive, the corpus's articles and
    quotes included (three passes in PolNeAR train's grouping, about a sixth of its CPU time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _canonical(members: list[int], tokens: dict[int, tuple[tuple[str, ...], tuple[int, ...]]],
               quotes: Sequence[Quote]) -> int:
    """The quoted wording the most others carry word for word (an elided excerpt counts); then the fullest.
    ``tokens``: each member's comparison tokens and elision breaks.
    Reported speech is canonical only where nobody quoted the words directly."""
    direct = [m for m in members if quotes[m].direct]
    members = direct or members
    if len(members) == 1:
        return members[0]
    # Compare distinct wordings only: a statement carried by a thousand outlets
    # usually has a handful of wordings.
    first: dict[tuple[tuple[str, ...], tuple[int, ...]], int] = {}
    count: dict[tuple[tuple[str, ...], tuple[int, ...]], int] = defaultdict(int)
    for m in members:
        first.setdefault(tokens[m], m)
        count[tokens[m]] += 1

    def support(w: tuple[tuple[str, ...], tuple[int, ...]]) -> tuple[int, int, int]:
        agree = count[w] - 1
        for o in count:
            # != rather than `is not`: compiled with mypyc, a tuple key passed in is a copy.
            if o != w and (o[0] == w[0] or is_excerpt(w[0], *o)):
                agree += count[o]
        return (agree, len(w[0]), -members.index(first[w]))

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
