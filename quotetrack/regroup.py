"""Grouping again after a few quotes changed: the previous run's statements reused where no change reaches.

``group(quotes, articles, previous)`` gives exactly what
``statements.group(quotes, articles)`` gives (the same statements, members,
match kinds, ids and order), and a *state* to pass as ``previous`` next
time. With no usable ``previous`` it is ``statements.group``. With one, only
the part of the corpus a change can reach is grouped again:

* each groupable quote has a key: a digest of everything grouping reads of
  it but its speaker (its words, form, kind, offsets, and its article's path
  and outlet), so an unchanged quote in an unchanged article has the same key
  in both runs. A wording (the quotes' comparison tokens) is *dirty* when the
  keys and speakers of its quotes differ between the runs, or when one of its
  speakers' surnames is held by another number of people in the run (the
  census ``identity`` reads for a surname given alone);
* a wording or unit that shares a blocking key (a word trigram, a content
  stem under a surname; common keys included) with a dirty one is *touched*:
  its candidates may differ. A previous statement holding a dirty or
  touched quote is *affected*;
* every other previous statement is joined again as it was; the units of
  affected ones are grouped again against the whole blocking index, exactly
  as ``statements.group`` joins them (anchors, best anchor, the loose), and
  the one join an unaffected unit can start towards them (a loose unit
  finding one that is newly loose) is looked for from each newly loose one
  through the index.

The units themselves (quotes of one wording, form and person) are taken from
the previous run for a wording whose quotes' speakers are, in order, the ones
it had, none of a surname whose number of people changed: ``Grouper`` makes a
wording's units from just that sequence and the speaker verdicts, which read
the census only for the two names' surnames (``_given_units``).

Why the rest cannot differ: an unaffected unit's keys are held by the same
wordings and units as before, in the same relative order, so its candidates,
their ranks and its best anchor are the previous run's, and each of its
joins lay inside its previous statement. That needs the unchanged quotes in
the same relative order as before (else the run is a full one) and the same
code and shipped data (the state is kept in the cache under its
fingerprint). Tests compare ``group`` with ``statements.group`` on generated
corpora with quotes changed, added, removed and reordered.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Iterable, Optional, Sequence

from .align import content_stems
from .blocking import BlockingIndex
from .identity import Census, anonymous, parse
from .models import Article, Quote, Skipped, Statement
from .statements import MIN_JOIN_WORDS, Grouper, groupable
from .textindex import trigrams

# The state's layout (2: a wording is its tokens and its elision breaks; 3: each quote's unit and
# speaker; 4: a wording's tokens one string, a unit's path a number in ``paths``; 5: the
# statements as flat lists, ``_statements_json``).
STATE = 5


class _Counts(Census):
    """A census read back from a previous run's state: how many people hold each surname."""

    def __init__(self, counts: dict[str, int]):  # no Census.__init__: nothing to count
        self.counts = counts

    def people(self, surname: str) -> int:
        return self.counts.get(surname.casefold(), 0)


def _surname(name: str) -> str:
    return parse(name).surname.casefold()


def _names_digest(names: Iterable[Optional[str]]) -> str:
    h = hashlib.sha256()
    for n in sorted({n for n in names if n}):
        h.update(n.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def quote_keys(quotes: Sequence[Quote], eligible: Sequence[int], by_id: dict[str, Article],
               origins: Optional[Sequence[tuple[str, int]]] = None) -> list[str]:
    """The key of each groupable quote (see the module docstring); a repeat of the same key gets
    its occurrence number. ``origins``: each input's cache entry key and how many quotes it gave,
    in the quotes' order (``cache.Cache.origins``): a quote's key is then a digest of its entry's
    key, its article's path and outlet, and its place in its input. The entry key is a digest of
    the input's bytes and of all else that decides its quotes (``cache.key``), so the key changes
    whenever the quote may (and for every quote of an input that changed): no quote's fields
    are read or hashed."""
    if origins is not None and sum(n for _, n in origins) == len(quotes):
        return _origin_keys(quotes, eligible, by_id, origins)
    seen: dict[str, int] = {}
    out = []
    # The digest is of repr((path, outlet, start, end, words, direct, kind)), its first two items once an article.
    prefix: dict[str, str] = {}
    blake2b = hashlib.blake2b
    for i in eligible:
        q = quotes[i]
        head = prefix.get(q.article_id)
        if head is None:
            a = by_id[q.article_id]
            head = prefix[q.article_id] = f"({a.path!r}, {a.outlet!r}, "
        raw = f"{head}{q.start!r}, {q.end!r}, {q.words!r}, {q.direct!r}, {str(q.kind)!r})"
        k = blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


def _origin_keys(quotes: Sequence[Quote], eligible: Sequence[int], by_id: dict[str, Article],
                 origins: Sequence[tuple[str, int]]) -> list[str]:
    """``quote_keys`` from the inputs' entry keys: "<digest>:<n>", n the quote's place in its
    input (no key of the other kind holds a colon). An input given twice has its second
    occurrence numbered, "<digest>#<k>:<n>", as a repeated key is."""
    out: list[str] = []
    owner: dict[str, int] = {}  # a digest -> the number of inputs that gave it so far
    blake2b = hashlib.blake2b
    j, total = 0, len(eligible)
    start = 0
    for entry, n in origins:
        end = start + n
        heads: dict[str, str] = {}  # this input's article ids -> their quotes' key head
        mine: dict[str, str] = {}  # this input's digests -> their heads
        while j < total and eligible[j] < end:
            i = eligible[j]
            aid = quotes[i].article_id
            head = heads.get(aid)
            if head is None:
                a = by_id[aid]
                raw = f"{entry}\0{a.path}\0{a.outlet}"
                digest = blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=9).hexdigest()
                head = mine.get(digest)
                if head is None:
                    k = owner.get(digest, 0)
                    owner[digest] = k + 1
                    head = mine[digest] = f"{digest}:" if k == 0 else f"{digest}#{k}:"
                heads[aid] = head
            out.append(f"{head}{i - start}")
            j += 1
        start = end
    return out


def input_signature(found: Sequence[tuple[Article, Sequence[Quote]]], skipped: Sequence[Skipped]) -> str:
    """A digest of all that the corpus steps read of one input: for each article its path,
    outlet, date and wire credit and how many quotes it has, and for each quote whether it is
    groupable, its kind, form, speaker (as its article names them) and words, and where it
    starts *among the input's quotes of the same path* (grouping compares places only there:
    ties go to the first place); and what of the input was skipped. Merging speaker names (by
    how many quotes carry each), grouping, the first carriers, wire stories and the JSON
    output's summary read nothing else of an input but its place in the scan. So when an input
    changes and its signature does not, in the same place among the same other inputs, every
    statement is the one it was, and only that input's own articles and quotes are written
    anew (``patched_json``): an edit that moves quotes or changes a cue but no speaker or word."""
    places = sorted({(a.path, q.start) for a, qs in found for q in qs})
    rank = {place: n for n, place in enumerate(places)}
    # Each field as repr gives it (a string quoted and escaped: no field can run into the next).
    lines = [repr([(s.path, s.reason) for s in skipped])]
    for a, qs in found:
        lines.append(repr((a.path, a.outlet, a.date, a.credit, len(qs))))
        path = a.path
        lines.extend([f"{groupable(q, a)} {q.kind!s} {q.direct} {q.speaker!r} {rank[(path, q.start)]} {q.words!r}"
                      for q in qs])
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Regrouper(Grouper):
    """A grouping run that knows which wordings and units a change reaches."""

    def __init__(self, quotes: Sequence[Quote], articles: Sequence[Article], census: Optional[Census] = None,
                 wordings: Optional[dict[int, tuple[tuple[str, ...], tuple[int, ...]]]] = None,
                 plan: Optional[dict[str, Any]] = None, eligible: Optional[list[int]] = None):
        self._plan = plan  # the previous run (``_previous``): its units are reused where they cannot differ
        super().__init__(quotes, articles, census, wordings, eligible)
        self.dirty_trigrams: set[int] = set()  # the word trigram keys of dirty wordings, before and now
        self.dirty_stems: set[int] = set()  # their stem keys, for every speaker of theirs
        self.touched_wordings: set[int] = set()
        self.dirty_wordings: set[int] = set()  # the wordings (numbers) of ``dirty``, once the index is built
        self.touched_units: set[int] = set()
        self._held_trigrams: dict[int, list[int]] = {}  # wording -> the dirty trigram keys it has
        self._held_stems: dict[int, list[int]] = {}  # unit -> the dirty stem keys it has
        self.known: dict[tuple[int, ...], tuple[int, list[tuple[str, float]]]] = {}
        # A previous statement's parts by its members' wordings and forms, in order (its canonical
        # member's place among them), for one whose members are not all this run's quotes.
        self.known_words: dict[tuple, tuple[int, list[tuple[str, float]]]] = {}
        self.parts: list[tuple[list[int], int, list[tuple[str, float]]]] = []
        self.dirty: set[tuple[tuple[str, ...], tuple[int, ...]]] = set()  # wordings (tokens, breaks) whose quotes changed
        self.keys: list[str] = []  # each groupable quote's key
        self.names = ""  # a digest of the run's speaker names
        self._best: dict[int, Optional[int]] = {}  # each non-anchor unit's best anchor, once asked
        self.again = len(self.units)  # units grouped again (all, unless a previous run's statements are reused)

    def _units(self) -> None:
        if self._plan is not None:
            self.given_units = _given_units(self, self._plan)
        super()._units()

    def _indexed_wording(self, w: int, keys: list[int]) -> None:
        if self.dirty_trigrams and not self.dirty_trigrams.isdisjoint(keys):
            self._held_trigrams[w] = [k for k in keys if k in self.dirty_trigrams]

    def _indexed_unit(self, u: int, keys: list[int]) -> None:
        if self.dirty_stems and not self.dirty_stems.isdisjoint(keys):
            self._held_stems[u] = [k for k in keys if k in self.dirty_stems]

    def build_index(self) -> None:
        """The blocking indexes, and what a change reaches through them: the wordings and units
        that hold a dirty key that is not common in both runs (a key common in both is in
        neither index). With no dirty wording nothing is touched, and the indexes are built
        only when a unit first asks for candidates (a re-scan whose changes reach no wording
        and add no unit never does): they are made from the wordings and units alone, so
        building them later gives the same indexes."""
        if not self.dirty:
            self._index_pending = True
            return
        self._index_pending = False
        super().build_index()
        dirty_wordings = self.dirty_wordings = {w for w, t in enumerate(zip(self.tokens, self.breaks)) if t in self.dirty}
        live = _live(self.trigrams, self._held_trigrams, dirty_wordings)
        self.touched_wordings = {w for w, ks in self._held_trigrams.items() if not live.isdisjoint(ks)}
        dirty_units = {u for u, unit in enumerate(self.units) if unit.wid in dirty_wordings}
        live = _live(self.stems, self._held_stems, dirty_units)
        # Only reported speech looks for candidates by its stems (a quote is found by them, but
        # what it finds is by its words).
        self.touched_units = {u for u, ks in self._held_stems.items() if not self.units[u].direct and not live.isdisjoint(ks)}

    _index_pending = False  # build_index was called and the indexes are not built yet

    def _index(self) -> None:
        if self._index_pending:
            self._index_pending = False
            super().build_index()

    def candidates(self, u: int) -> list[int]:
        self._index()
        return super().candidates(u)

    def statement_parts(self, members: list[int]) -> tuple[int, list[tuple[str, float]]]:
        """``Grouper.statement_parts``, from the previous run where it had a statement of the same
        members, or of members of the same wordings and forms in the same order: the canonical
        member and the matches are worked out from just those (``_canonical`` reads each member's
        wording, form and place; ``compare`` two wordings), so they are the previous ones."""
        got = self.known.get(tuple(members))
        if got is None and self.known_words:
            words = self.known_words.get(tuple((self.wording_key(m), self.quotes[m].direct) for m in members))
            if words is not None:
                got = (members[words[0]], words[1])
        canon, matches = got if got is not None else super().statement_parts(members)
        self.parts.append((members, canon, matches))
        return canon, matches

    def reached(self, u: int) -> bool:
        """Whether a change reaches unit u: its wording is dirty, or it or its wording is touched."""
        w = self.units[u].wid
        return u in self.touched_units or w in self.touched_wordings or w in self.dirty_wordings

    # ------------------------------------------------------------------ joining the affected units

    def join_affected(self, affected: list[int]) -> None:
        """Every join ``statements.group`` makes that has an affected unit at one end (the
        others are the unaffected statements, already joined)."""
        units, uf = self.units, self.uf
        self.join_anchors(only=set(affected))
        for u in affected:
            if not units[u].anchor and not self._loose(u):
                uf.union(self._best[u], u)  # type: ignore[arg-type]
        is_affected = set(affected)
        for u in affected:
            if self._loose(u):
                self._join_loose(u, is_affected)

    def _loose(self, u: int) -> bool:
        """Whether unit u is loose: no anchor, and no anchor it matches best."""
        if self.units[u].anchor:
            return False
        if u not in self._best:
            self._best[u] = self.best_anchor(u)
        return self._best[u] is None

    def _join_loose(self, u: int, affected: set[int]) -> None:
        """Loose unit u joins the loose units it matches among its candidates, and the
        unaffected loose units that find it among theirs (those share a key with it)."""
        uf = self.uf
        for v in self.candidates(u):
            if self._loose(v) and not uf.same(u, v) and self.rank(u, v) is not None:
                uf.union(u, v)
        for v in self._sharers(u):
            if v in affected or not self._loose(v) or uf.same(u, v):
                continue
            if u in self.candidates(v) and self.rank(v, u) is not None:
                uf.union(u, v)

    def _sharers(self, u: int) -> set[int]:
        """Every unit whose candidates can hold u: those sharing a key of the index with it."""
        self._index()
        unit = self.units[u]
        found = set(self.units_of_wording[unit.wid])
        if len(self.tokens[unit.wid]) >= MIN_JOIN_WORDS:
            for k in self._trigram_keys(unit.wid):
                for w in self.trigrams.holders(k):
                    found.update(self.units_of_wording[w])
        for k in self._stem_keys(u):
            found.update(self.stems.holders(k))
        found.discard(u)
        return found


def _live(index: BlockingIndex, held: dict[int, list[int]], dirty: set[int]) -> set[int]:
    """The dirty keys in ``held`` that may be in the index in this run or the previous one: all
    but those more items than the cap have now even without the dirty ones (the previous run's
    items of a key are this run's clean ones and at most the dirty ones it had)."""
    dirty_holders: Counter[int] = Counter(k for item, ks in held.items() if item in dirty for k in ks)
    keys = {k for ks in held.values() for k in ks}
    return {k for k in keys if index.count(k) - dirty_holders[k] <= index.max_posting}


def _trigram_keys(tokens: tuple[str, ...]) -> set[int]:
    return set(map(hash, trigrams(tokens))) if len(tokens) >= MIN_JOIN_WORDS else set()


def _stem_keys(tokens: tuple[str, ...], speakers: Iterable[Optional[str]]) -> set[int]:
    """The stem keys of every unit these speakers can make of a wording (a superset)."""
    if len(tokens) < MIN_JOIN_WORDS:
        return set()
    stems = sorted(content_stems(tokens))
    out: set[int] = set()
    for s in speakers:
        if s is None or anonymous(s):
            continue
        who = parse(s).surname or s.casefold()
        out.update(hash((who, st)) for st in stems)
    return out


def group(
    quotes: Sequence[Quote], articles: Sequence[Article], previous: Optional[dict[str, Any]] = None,
    origins: Optional[Sequence[tuple[str, int]]] = None,
) -> tuple[list[Statement], list[Quote], dict[str, Any]]:
    """``statements.group(quotes, articles)``, from ``previous`` (a state this function
    returned) where no change reaches; and the state of this run. ``origins``: see ``quote_keys``."""
    g = run(quotes, articles, previous, origins)
    found, out = g.statements()
    return found, out, state_of(g)


def run(quotes: Sequence[Quote], articles: Sequence[Article], previous: Optional[dict[str, Any]] = None,
        origins: Optional[Sequence[tuple[str, int]]] = None) -> Regrouper:
    """The grouping run of ``group`` with every join made, before its statements are built."""
    by_id = {a.id: a for a in articles}
    eligible = [i for i, q in enumerate(quotes) if groupable(q, by_id[q.article_id])]
    keys = quote_keys(quotes, eligible, by_id, origins)
    names = _names_digest(q.speaker for q in quotes)
    plan = _previous(quotes, keys, names, previous)
    known = None
    if plan:
        # An unchanged quote's wording is its previous one (its key holds its words).
        old, at = plan["wordings"], {k: w for k, w in zip(plan["keys"], plan["wording"])}
        known = {i: old[at[k]] for i, k in zip(eligible, keys) if k in at}
    g = Regrouper(quotes, articles, plan["census"] if plan else None, known, plan, eligible)
    g.keys, g.names = keys, names
    if plan is None:
        g.build_index()
        g.join_anchors()
        g.attach_loose()
        return g
    now = _units_now(g)
    aligned = _aligned(plan["units"], now)
    pairs = _match(plan["units"], now, aligned)
    if pairs is None:  # the units in another order: group in full
        g.build_index()
        g.join_anchors()
        g.attach_loose()
        return g
    _dirty(g, plan, now, aligned)
    g.build_index()
    _join(g, plan, pairs)
    return g


def _previous(quotes: Sequence[Quote], keys: list[str], names: str,
              previous: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The previous run as this one uses it, with this run's census and the surnames whose
    number of people changed. None when ``previous`` cannot be used (none, another layout)."""
    if not previous or previous.get("layout") != STATE:
        return None
    try:
        tokens = [_tokens_from(t) for t in previous["tokens"]]
        breaks = [tuple(map(int, b)) for b in previous["breaks"]]
        wordings = list(zip(tokens, breaks))
        paths = [str(p) for p in previous["paths"]]
        plan: dict[str, Any] = {
            "keys": list(previous["keys"]),
            "tokens": tokens,
            "wordings": wordings,
            "wording": list(map(int, previous["wording"])),
            "unit": list(map(int, previous["unit"])),
            "speaker": list(map(int, previous["speaker"])),
            "speakers": [None if n is None else str(n) for n in previous["speakers"]],
            "units": [(wordings[w], direct is True, speaker, paths[path], int(start))
                      for w, direct, speaker, path, start in previous["units"]],
            "statements": _statements_from(previous["statements"], len(previous["keys"])),
        }
        old_people = dict(previous["people"])
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None
    if plan["statements"] is None:
        return None
    n = len(plan["keys"])
    if len(plan["wording"]) != n or len(breaks) != len(tokens) or not _within(plan["wording"], len(tokens)):
        return None
    if len(plan["unit"]) != n or len(plan["speaker"]) != n or not _within(plan["unit"], len(plan["units"])) \
            or not _within(plan["speaker"], len(plan["speakers"])):
        return None
    if previous.get("names") == names:
        plan["census"] = _Counts(old_people)
        plan["moved"] = set()
    else:
        census = plan["census"] = Census(q.speaker for q in quotes)
        speakers = {q.speaker for q in quotes if q.speaker and not _anonymous(q.speaker)}
        moved = {s for s in map(_surname, speakers) if census.people(s) != old_people.get(s, 0)}
        plan["moved"] = moved | {s for s, n in old_people.items() if census.people(s) != n}
    return plan


def _statements_json(parts: list[tuple[list[int], int, list[tuple[str, float]]]], slot: dict[int, int],
                     unit_of: dict[int, int]) -> dict[str, Any]:
    """The run's statements as the state keeps them: flat lists, one item a statement or a
    member (JSON reads a few long lists of numbers much faster than many short nested ones):
    each statement's members (groupable quote numbers) and units, its canonical member's place
    among its members, and each member's match kind (a number in ``kind_names``) and score."""
    members_flat: list[int] = []
    sizes: list[int] = []
    canon_at: list[int] = []
    kinds: list[int] = []
    scores: list[float] = []
    units_flat: list[int] = []
    unit_sizes: list[int] = []
    kind_no: dict[str, int] = {}
    for members, canon, matches in parts:
        units = sorted({unit_of[m] for m in members})
        members_flat.extend([slot[m] for m in members])
        sizes.append(len(members))
        canon_at.append(members.index(canon))
        for kind, score in matches:
            got = kind_no.get(kind)
            if got is None:
                got = kind_no[kind] = len(kind_no)
            kinds.append(got)
            scores.append(score)
        units_flat.extend(units)
        unit_sizes.append(len(units))
    return {"members": members_flat, "sizes": sizes, "canon": canon_at, "kinds": kinds,
            "kind_names": [str(k) for k in kind_no], "scores": scores, "units": units_flat, "unit_sizes": unit_sizes}


def _statements_from(kept: dict[str, Any], quotes: int) -> Optional[list[tuple[list[int], int, list[tuple[str, float]], list[int]]]]:
    """``_statements_json`` read back: each statement's members, canonical member's place, matches
    (kind, score) and units; None when the lists do not fit together or a member is not one of
    the ``quotes`` groupable quotes."""
    members, sizes, canon = kept["members"], kept["sizes"], kept["canon"]
    kinds, scores = kept["kinds"], list(map(float, kept["scores"]))
    names = [str(k) for k in kept["kind_names"]]
    units, unit_sizes = kept["units"], kept["unit_sizes"]
    if not (len(sizes) == len(canon) == len(unit_sizes) and sum(sizes) == len(members) == len(kinds) == len(scores)
            and sum(unit_sizes) == len(units) and _within(kinds, len(names))):
        return None
    if not all(set(map(type, numbers)) <= {int} for numbers in (members, sizes, canon, kinds, units, unit_sizes)) \
            or (sizes and min(sizes) < 1) or not _within(members, quotes):
        return None
    matches = list(zip([names[k] for k in kinds], scores))
    out = []
    a = b = 0
    for n, c, k in zip(sizes, canon, unit_sizes):
        if not 0 <= c < n:
            return None
        out.append((members[a:a + n], c, matches[a:a + n], units[b:b + k]))
        a += n
        b += k
    return out


def _within(numbers: list[int], n: int) -> bool:
    """Whether every number is in range(n)."""
    return not numbers or (min(numbers) >= 0 and max(numbers) < n)


# ``identity.anonymous`` once a name (a run has far fewer names than quotes).
_anonymous = lru_cache(maxsize=65536)(anonymous)


def _speaker(q: Quote) -> Optional[str]:
    """A quote's speaker as units read it (an anonymous label is nobody in particular)."""
    s = q.speaker
    return None if s is None or _anonymous(s) else s


def _given_units(g: Regrouper, plan: dict[str, Any]) -> dict[int, int]:
    """Quote -> its previous unit, for the quotes of each wording and form (of two quotes or more)
    whose speakers are, in order, the ones it had before, none of them of a surname whose number
    of people changed. ``statements.Grouper._units`` makes a wording's units from just that
    sequence and the speaker verdicts (which read the census only for the two names' surnames),
    so it would make them as before: the n-th quote joins the unit the n-th did."""
    in_place = _given_in_place(g, plan)
    if in_place is not None:
        return in_place
    units, names, moved = plan["units"], plan["speakers"], plan["moved"]
    groups: dict[tuple, int] = {}
    gid = [groups.setdefault(unit[:2], len(groups)) for unit in units]
    before: list[tuple[list[Optional[str]], list[int]]] = [([], []) for _ in groups]
    for u, n in zip(plan["unit"], plan["speaker"]):
        seq = before[gid[u]]
        seq[0].append(names[n])
        seq[1].append(u)
    now: dict[tuple[int, bool], list[int]] = defaultdict(list)
    quotes = g.quotes
    for i in g.eligible:
        now[(g.wid[i], quotes[i].direct)].append(i)
    given: dict[int, int] = {}
    for (w, direct), idx in now.items():
        if len(idx) < 2:
            continue
        at = groups.get(((g.tokens[w], g.breaks[w]), direct))
        if at is None:
            continue
        speakers, labels = before[at]
        if len(speakers) != len(idx) or speakers != [_speaker(quotes[i]) for i in idx]:
            continue
        if moved and any(s is not None and _surname(s) in moved for s in speakers):
            continue
        given.update(zip(idx, labels))
    return given


def _given_in_place(g: Regrouper, plan: dict[str, Any]) -> Optional[dict[int, int]]:
    """``_given_units`` when every groupable quote has, in its place, the previous one's wording
    (numbered as before), form and speaker, and no surname's number of people changed: every
    wording's sequence of speakers is then the one it had, and each quote takes its previous
    unit (a quote alone in its wording and form too: it makes a unit of its own either way).
    None when that is not so."""
    labels = plan["unit"]
    if plan["moved"] or len(labels) != len(g.eligible) or len(plan["wordings"]) != len(g.tokens):
        return None
    eligible, quotes, wid = g.eligible, g.quotes, g.wid
    if plan["wording"] != [wid[i] for i in eligible] or plan["wordings"] != list(zip(g.tokens, g.breaks)):
        return None
    units, names = plan["units"], plan["speakers"]
    if [units[u][1] for u in labels] != [quotes[i].direct for i in eligible]:
        return None
    if [names[n] for n in plan["speaker"]] != [_speaker(quotes[i]) for i in eligible]:
        return None
    return dict(zip(eligible, labels))


def _units_now(g: Regrouper) -> list[tuple[tuple[tuple[str, ...], tuple[int, ...]], bool, Optional[str], str, int]]:
    """Each unit as the state keeps it: wording, form, speaker, and where its first quote is."""
    out = []
    for unit in g.units:
        q = g.quotes[unit.quotes[0]]
        out.append(((g.tokens[unit.wid], g.breaks[unit.wid]), unit.direct, unit.speaker, g.by_id[q.article_id].path, q.start))
    return out


def _aligned(before: list, now: list) -> bool:
    """Whether this run has the previous run's units, each with the same wording, form, speaker
    and article path, in the same order (where their first quotes are aside): a re-scan whose
    changes moved quotes but changed no words, speaker or unit."""
    return len(before) == len(now) and all(
        b[0] == n[0] and b[1] == n[1] and b[2] == n[2] and b[3] == n[3] for b, n in zip(before, now)
    )


def _match(before: list, now: list, aligned: bool = False) -> Optional[dict[int, int]]:
    """Previous units to this run's: the same wording, form, speaker and article path (the
    n-th such to the n-th). None unless the units matched are in the same order as before,
    and those of one article in the same order of their first quotes (grouping breaks ties
    by where a unit's first quote is). ``aligned`` (see ``_aligned``): each unit is then the
    previous one in its place."""
    pairs: dict[int, int]
    if aligned:
        pairs = {u: u for u in range(len(now))}
    else:
        slots: dict[tuple, list[int]] = defaultdict(list)
        for v, unit in enumerate(now):
            slots[unit[:4]].append(v)
        taken: dict[tuple, int] = defaultdict(int)
        pairs = {}
        for u, unit in enumerate(before):
            sig = unit[:4]
            n = taken[sig]
            taken[sig] = n + 1
            if n < len(slots.get(sig, ())):
                pairs[u] = slots[sig][n]
    last = -1
    by_path: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for u, v in pairs.items():  # in the previous order
        if v < last:
            return None
        last = v
        by_path[before[u][3]].append((before[u][4], now[v][4]))
    for places in by_path.values():
        places.sort()
        # (Two units' first quotes can start at one place: reported speech and a quote inside it.)
        if any(b[1] < a[1] or (b[1] == a[1]) != (b[0] == a[0]) for a, b in zip(places, places[1:])):
            return None
    return pairs


def _dirty(g: Regrouper, plan: dict[str, Any], now: list, aligned: bool = False) -> None:
    """The dirty wordings and their keys. A wording is dirty when its units differ (each
    unit's form, speaker and article path, in order; see ``_match``) or one of its quotes'
    speakers has a surname whose number of people changed. A unit's other quotes, and where
    in its article a quote is, decide no join: a wording whose units only gained, lost or
    moved such quotes is clean (its statements are built again). ``aligned`` (``_aligned``):
    no wording's units differ."""
    moved = plan["moved"]
    if aligned and not moved:
        return
    before_units = plan["units"]
    before: dict[tuple, list[tuple]] = defaultdict(list)
    for unit in before_units:
        before[unit[0]].append(unit[1:4])
    here: dict[tuple, list[tuple]] = defaultdict(list)
    for unit in now:
        here[unit[0]].append(unit[1:4])
    if moved:
        for i in g.eligible:
            s = g.quotes[i].speaker
            if s and not _anonymous(s) and _surname(s) in moved:
                g.dirty.add(g.wording_key(i))
        for t, _, speaker, _, _ in before_units:
            if speaker and _surname(speaker) in moved:
                g.dirty.add(t)
    for t in before.keys() | here.keys():
        if before.get(t) != here.get(t):
            g.dirty.add(t)
    for t in g.dirty:
        g.dirty_trigrams |= _trigram_keys(t[0])
        g.dirty_stems |= _stem_keys(t[0], [u[1] for u in before.get(t, []) + here.get(t, [])])


def _join(g: Regrouper, plan: dict[str, Any], pairs: dict[int, int]) -> None:
    """Join the unaffected previous statements as they were, and group the affected units again."""
    old_keys, wordings, wording, unit, old_units = plan["keys"], plan["wordings"], plan["wording"], plan["unit"], plan["units"]
    position = {k: n for n, k in enumerate(g.keys)}
    reused: set[int] = set()
    reach = bool(g.dirty)  # with no dirty wording, no change reaches any unit (``reached``)
    for members, canon, matches, units_before in plan["statements"]:
        units = [pairs.get(u) for u in units_before]
        if None in units or (reach and any(g.reached(u) for u in units)):  # type: ignore[arg-type]
            continue
        for u in units[1:]:
            g.uf.union(units[0], u)  # type: ignore[arg-type]
        reused.update(units)  # type: ignore[arg-type]
        parts = matches
        if all(old_keys[m] in position for m in members):
            at = tuple(g.eligible[position[old_keys[m]]] for m in members)
            g.known[at] = (at[canon], parts)
        else:  # some member changed: the same parts if its members' wordings and forms are as they were
            words = tuple((wordings[wording[m]], old_units[unit[m]][1]) for m in members)
            g.known_words[words] = (canon, parts)
    affected = [u for u in range(len(g.units)) if u not in reused]
    g.join_affected(affected)
    g.again = len(affected)


def _tokens_json(tokens: tuple[str, ...]) -> Any:
    """A wording's tokens as the state keeps them: one string, the tokens with a space between
    them (a JSON list when a token is empty or holds a space, or there is none)."""
    joined = " ".join(tokens)
    if tokens and joined.count(" ") == len(tokens) - 1 and "" not in tokens:
        return joined
    return tokens


def _tokens_from(kept: Any) -> tuple[str, ...]:
    if isinstance(kept, str):
        return tuple(kept.split(" "))
    if not isinstance(kept, list):
        raise TypeError("a wording's tokens are a string or a list")
    return tuple(map(str, kept))


def state_of(g: Regrouper) -> dict[str, Any]:
    """This run as the next one reads it (its statements once ``g.statements()`` has built them)."""
    slot = {i: n for n, i in enumerate(g.eligible)}
    if isinstance(g.census, _Counts):
        # The run's speaker names are the previous run's (``_previous``): so are their surnames'
        # numbers of people, which that census holds (no name parsed again).
        people = {k: v for k, v in g.census.counts.items() if v}
    else:
        people = {}
        for s in {q.speaker for q in g.quotes if q.speaker and not _anonymous(q.speaker)}:
            surname = _surname(s)
            n = g.census.people(surname)
            if n:
                people[surname] = n
    statements = _statements_json(g.parts, slot, g.unit_of)
    speakers: dict[Optional[str], int] = {}  # a speaker as units read it (``_speaker``) -> its number
    number: dict[Optional[str], int] = {}  # a quote's speaker -> that number
    speaker: list[int] = []
    for i in g.eligible:
        said = g.quotes[i].speaker
        got = number.get(said)
        if got is None:
            got = number[said] = speakers.setdefault(None if said is None or _anonymous(said) else said, len(speakers))
        speaker.append(got)
    paths: dict[str, int] = {}
    units_kept = []
    for unit in g.units:
        q = g.quotes[unit.quotes[0]]
        path = paths.setdefault(g.by_id[q.article_id].path, len(paths))
        units_kept.append((unit.wid, unit.direct, unit.speaker, path, q.start))
    return {
        "layout": STATE,
        "names": g.names,
        "unit": [g.unit_of[i] for i in g.eligible],
        "speaker": speaker,
        "speakers": list(speakers),
        "people": people,
        "keys": g.keys,
        "tokens": [_tokens_json(t) for t in g.tokens],
        "breaks": g.breaks,
        "wording": [g.wid[i] for i in g.eligible],
        "paths": list(paths),
        "units": units_kept,
        "statements": statements,
        "grouped_again": [g.again, len(g.units)],  # units grouped in this run, units in all
    }
