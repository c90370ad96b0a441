"""Grouping again from a previous run's state gives exactly a full grouping's statements."""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quotetrack import blocking, regroup, statements
from quotetrack.models import Article, Quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import grouping_bench  # noqa: E402


def _base(n: int, seed: int) -> tuple[list[Quote], list[Article]]:
    """Generated quotes (invented words and names), some speakers named by their surname alone
    so that the run's census of surnames matters."""
    quotes, articles = grouping_bench.generate(n, seed)
    rng = random.Random(seed)
    out = []
    for q in quotes:
        if q.speaker and " " in q.speaker and rng.random() < 0.08:
            q = replace(q, speaker=q.speaker.split()[-1])
        out.append(q)
    return out, articles


def _edit(quotes: list[Quote], articles: list[Article], rng: random.Random, changes: int) -> list[Quote]:
    """``changes`` edits: quotes removed, reworded, given another speaker (another person, a
    surname alone, a new person sharing a surname), cut with an elision mark, and added (copies
    of others' words, new words)."""
    quotes = list(quotes)
    speakers = sorted({q.speaker for q in quotes if q.speaker})
    fresh = 10**9
    for n in range(changes):
        op = rng.randrange(10)
        i = rng.randrange(len(quotes))
        q = quotes[i]
        if op == 0:
            del quotes[i]
        elif op == 1:
            words = q.words.rstrip(".").split()
            words[rng.randrange(len(words))] = rng.choice(["harbour", "ferries", "budget", "tolls", "pier"])
            quotes[i] = replace(q, text=" ".join(words) + ".")
        elif op == 2:
            quotes[i] = replace(q, speaker=rng.choice(speakers))
        elif op == 3:
            name = rng.choice(speakers)
            quotes[i] = replace(q, speaker=name.split()[-1] if rng.random() < 0.5 else f"Zoltan {name.split()[-1]}")
        elif op in (8, 9) and len(q.words.split()) > 4:
            # An elision mark written in (the same words, cut) or put for a word (an excerpt).
            words = q.words.rstrip(".").split()
            k = rng.randrange(1, len(words) - 1)
            if op == 8:
                words.insert(k, "...")
            else:
                words[k] = "..."
            quotes[i] = replace(q, text=" ".join(words) + ".")
        elif op == 7:
            # Words written into an article before a quote: it and those after it move.
            quotes = [replace(o, start=o.start + 9, end=o.end + 9) if o.article_id == q.article_id and o.start >= q.start
                      else o for o in quotes]
        elif op == 6:
            # Reported speech in other words: the same content words in another order (few shared
            # word trigrams, the same stems under the same speaker).
            words = q.words.rstrip(".").split()
            rng.shuffle(words)
            art = rng.choice(articles)
            fresh += 1000
            quotes.insert(i, Quote(f"{art.id}:r{n}", art.id, " ".join(words) + ".", fresh, fresh + 1, 1, 1, q.kind,
                                   direct=False, speaker=q.speaker))
        else:
            src = quotes[rng.randrange(len(quotes))]
            words = src.words if op == 4 else f"Nobody expected the {rng.choice(['tide', 'vote', 'bridge'])} to turn so fast."
            art = rng.choice(articles)
            fresh += 1000
            quotes.insert(i, Quote(f"{art.id}:x{n}", art.id, words, fresh, fresh + len(words), 1, 1, src.kind,
                                   direct=rng.random() < 0.8, speaker=rng.choice([None, *speakers[:50]])))
    return quotes


def _full(quotes, articles):
    return statements.group(quotes, articles)


def _again(quotes, articles, state):
    found, out, new_state = regroup.group(quotes, articles, json.loads(json.dumps(state)))
    return (found, out), new_state


class _Tight(blocking.BlockingIndex):
    """A blocking index with tiny bounds: common keys, the rarest-keys cut and the candidate
    limit all come into play, so a change reaches far through the index."""

    def __init__(self, max_posting: int = 3):
        super().__init__(max_posting)

    def candidates(self, item, keys, need=2, query_keys=3, limit=1):
        return super().candidates(item, keys, need=need, query_keys=min(query_keys, 3), limit=1)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("changes", [1, 10, 60])
@pytest.mark.parametrize("index", ["shipped", "tight"])
def test_regrouping_after_changes_equals_a_full_grouping(seed, changes, index, monkeypatch):
    if index == "tight":
        monkeypatch.setattr(statements, "BlockingIndex", _Tight)
    quotes, articles = _base(900, seed)
    found, out, state = regroup.group(quotes, articles)
    assert (found, out) == _full(quotes, articles)
    rng = random.Random(seed * 100 + changes)
    edited = quotes
    for _ in range(3):  # three runs in a row, each from the state of the one before
        edited = _edit(edited, articles, rng, changes)
        got, state = _again(edited, articles, state)
        assert got == _full(edited, articles)
        again, total = state["grouped_again"]
        if changes == 1:
            assert again < total / 2  # most of the corpus was not grouped again


def test_nothing_changed_groups_nothing_again():
    quotes, articles = _base(1200, 7)
    _, _, state = regroup.group(quotes, articles)
    got, state = _again(quotes, articles, state)
    assert got == _full(quotes, articles)
    assert state["grouped_again"][0] == 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_changes_that_reach_no_wording_build_no_index(seed, monkeypatch):
    """Quotes that only moved in their articles (words written before them): no wording is dirty,
    no unit asks for candidates, and the blocking index is never built; the same statements.
    A reworded quote makes the index be built, and the statements are still a full run's."""
    quotes, articles = _base(900, seed)
    _, _, state = regroup.group(quotes, articles)
    rng = random.Random(seed)
    moved = set(rng.sample(sorted({q.article_id for q in quotes}), 10))
    edited = [replace(q, start=q.start + 9, end=q.end + 9) if q.article_id in moved else q for q in quotes]
    assert edited != quotes
    full = _full(edited, articles)
    asked: list[int] = []
    real_judge = statements.judge
    monkeypatch.setattr(statements, "judge", lambda: asked.append(1) or real_judge())
    g = regroup.run(edited, articles, json.loads(json.dumps(state)))
    assert g._index_pending and not hasattr(g, "trigrams")
    assert g.statements() == full
    assert not asked  # the paraphrase judge is not loaded when no two wordings are compared
    # Statements whose members moved have the previous canonical member and matches: no two
    # wordings are compared again (none of the judge's features is built).
    assert g.known_words and g.built == 0
    i = rng.randrange(len(edited))
    edited[i] = replace(edited[i], text=edited[i].text.replace(" ", " tidal ", 1))
    g = regroup.run(edited, articles, json.loads(json.dumps(state)))
    assert not g._index_pending and hasattr(g, "trigrams")
    assert g.statements() == _full(edited, articles)
    assert asked  # a reworded quote is compared


def test_unchanged_quotes_in_another_order_group_in_full():
    quotes, articles = _base(800, 8)
    _, _, state = regroup.group(quotes, articles)
    moved = quotes[400:] + quotes[:400]
    got, state = _again(moved, articles, state)
    assert got == _full(moved, articles)
    assert state["grouped_again"][0] == state["grouped_again"][1]


@pytest.mark.parametrize("previous", [None, {}, {"layout": 999}, {"layout": regroup.STATE, "keys": 3}])
def test_an_unusable_state_means_a_full_grouping(previous):
    quotes, articles = _base(300, 9)
    found, out, _ = regroup.group(quotes, articles, previous)
    assert (found, out) == _full(quotes, articles)


def test_quote_keys_ignore_ids_and_speakers_but_not_words_or_place():
    art = Article("a1", "x/one.txt", "", "Outlet", "metadata", body_start=0, body_end=100)
    q = Quote("a1:q1", "a1", "The ferry runs again on Monday.", 5, 36, 1, 6, "full", speaker="Ilse Varn")
    base = regroup.quote_keys([q], [0], {"a1": art})
    assert regroup.quote_keys([replace(q, id="a1:q9", speaker="Other")], [0], {"a1": art}) == base
    for changed in (replace(q, text="The ferry runs again on Tuesday."), replace(q, start=6), replace(q, direct=False)):
        assert regroup.quote_keys([changed], [0], {"a1": art}) != base
    assert regroup.quote_keys([q], [0], {"a1": replace(art, path="x/two.txt")}) != base
    twice = regroup.quote_keys([q, q], [0, 1], {"a1": art})
    assert twice[0] == base[0] and twice[1] != twice[0]


def _names(g: regroup.Regrouper) -> list[tuple]:
    """Each unit named by its wording, form, speaker, its first quote's article and how many
    such units came before it."""
    seen: dict[tuple, int] = {}
    out = []
    for unit in g.units:
        q = g.quotes[unit.quotes[0]]
        sig = (g.tokens[unit.wid], unit.direct, unit.speaker, g.by_id[q.article_id].path)
        seen[sig] = seen.get(sig, 0) + 1
        out.append((*sig, seen[sig]))
    return out


def _neighbours(g: regroup.Regrouper) -> dict[tuple, frozenset[tuple]]:
    """Each unit's candidates, by name."""
    name = _names(g)
    return {name[u]: frozenset(name[v] for v in g.candidates(u)) for u in range(len(g.units))}


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("index", ["shipped", "tight"])
def test_a_unit_no_change_reaches_has_the_same_candidates(seed, index, monkeypatch):
    """The ground the reuse stands on, checked directly (the tight index is where a change of
    words reaches far; the shipped one, where reported speech's stems do): a unit whose
    wording is not dirty and that shares no key with a dirty one has the candidates it had."""
    if index == "tight":
        monkeypatch.setattr(statements, "BlockingIndex", _Tight)
    quotes, articles = _base(900, seed)
    before = regroup.run(quotes, articles)
    state = regroup.state_of(before)
    edited = _edit(quotes, articles, random.Random(seed), 40)
    after = regroup.run(edited, articles, json.loads(json.dumps(state)))
    had, has = _neighbours(before), _neighbours(after)
    names = _names(after)
    checked = 0
    for u in range(len(after.units)):
        if not after.reached(u):
            assert has[names[u]] == had[names[u]]
            checked += 1
    assert checked > len(after.units) / 5


@pytest.mark.parametrize("index", ["shipped", "tight"])
def test_every_unit_that_can_find_a_unit_is_among_its_sharers(index, monkeypatch):
    """What the join towards a newly loose unit looks through: every unit whose candidates
    hold u is one that shares a key with u."""
    if index == "tight":
        monkeypatch.setattr(statements, "BlockingIndex", _Tight)
    quotes, articles = _base(700, 12)
    g = regroup.run(quotes, articles)
    finders: dict[int, set[int]] = {u: set() for u in range(len(g.units))}
    for v in range(len(g.units)):
        for u in g.candidates(v):
            finders[u].add(v)
    assert sum(map(len, finders.values())) > len(g.units) / 10
    for u, found_by in finders.items():
        assert found_by <= g._sharers(u)


def test_units_whose_first_quotes_start_at_one_place_are_reused():
    """Reported speech and a quote inside it start at one offset: that is no change of order."""
    quotes, articles = _base(600, 13)
    twins = [replace(q, id=q.id + "r", text="Officials said the " + q.words, direct=False) for q in quotes[::25]]
    quotes = quotes + twins
    _, _, state = regroup.group(quotes, articles)
    got, state = _again(quotes, articles, state)
    assert got == _full(quotes, articles)
    assert state["grouped_again"][0] == 0


def test_an_elision_mark_taken_out_is_seen_as_a_change():
    """The same words with and without an elision mark are two wordings: "A B ... Y Z" is an
    excerpt of a long quote and joins it; "A B Y Z" is not. Taking the mark out must group again."""
    quotes, articles = _base(60, 5)
    arts = articles[:2]
    long = "Nobody on this council wanted the harbour wall to fail before the winter storms came in."
    a = Quote(f"{arts[0].id}:e1", arts[0].id, long, 10**8, 10**8 + len(long), 1, 1, "full", speaker="Wilma Tarrant")
    cut = "Nobody on this ... winter storms came in."
    b = Quote(f"{arts[1].id}:e2", arts[1].id, cut, 10**8, 10**8 + len(cut), 1, 1, "full", speaker="Wilma Tarrant")
    before = [*quotes, a, b]
    found, out, state = regroup.group(before, articles)
    joined = {q.id: q.statement for q in out}
    assert joined[a.id] == joined[b.id]
    uncut = replace(b, text="Nobody on this winter storms came in.")
    after = [*quotes, a, uncut]
    assert _again(after, articles, state)[0] == _full(after, articles)


def _units(g: statements.Grouper) -> list[tuple]:
    return [(g.tokens[u.wid], g.breaks[u.wid], u.direct, u.speaker, tuple(u.quotes)) for u in g.units]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_units_reused_from_the_state_are_a_full_runs_units(seed):
    """A wording's units are taken from the previous run where its quotes' speakers are as they
    were: the units (and their order) are those a full grouping makes, and most are reused."""
    quotes, articles = _base(900, seed)
    state = regroup.state_of(regroup.run(quotes, articles))
    rng = random.Random(seed)
    edited = quotes
    for _ in range(3):
        edited = _edit(edited, articles, rng, 20)
        again = regroup.run(edited, articles, json.loads(json.dumps(state)))
        assert _units(again) == _units(statements.Grouper(edited, articles))
        assert again.given_units and len(again.given_units) > len(again.eligible) / 4  # (one-quote wordings are not labelled)
        again.statements()
        state = regroup.state_of(again)


_FIRST = ["Ilse", "Bram", "Odile", "Kasimir", "Wren", "Tobiah"]
_LAST = ["Varnholt", "Quenby", "Ostrava", "Pellham", "Dunmore", "Iveson"]


@pytest.mark.parametrize("first", _FIRST)
@pytest.mark.parametrize("last", _LAST)
def test_a_surname_held_by_one_more_person_makes_a_wordings_units_again(first, last):
    """The same quote carried under "<First> <Last>" and under "<Last>" alone is one unit while
    one person has that surname; when a quote elsewhere brings a second person of that surname,
    the wording's speakers are as they were, but its units must part (not be reused)."""
    said = f"The {last.lower()} plan for the harbour ferries will not survive the winter."
    arts = [Article(f"a{k}", f"t/{k}.txt", "", f"Outlet {k}", "metadata", body_start=0, body_end=10**9) for k in range(4)]
    names = [f"{first} {last}", last, f"{first} {last}"]
    quotes = [Quote(f"a{k}:q1", f"a{k}", said, 10, 10 + len(said), 1, 1, "full", speaker=n) for k, n in enumerate(names)]
    _, _, state = regroup.group(quotes, arts)
    other = Quote("a3:q1", "a3", "Nobody asked the pier staff what they thought.", 10, 60, 1, 1, "full",
                  speaker=f"Zeno {last}")
    after = [*quotes, other]
    g = regroup.run(after, arts, json.loads(json.dumps(state)))
    full = statements.Grouper(after, arts)
    assert _units(g) == _units(full)
    assert len({u.speaker for u in full.units if u.wid == full.wid[0]}) == 2  # the test means something
    assert _again(after, arts, state)[0] == _full(after, arts)


@pytest.mark.parametrize("path", ["x/one.txt", "it's \"here\"\\a.md", "lone \udcff byte.txt", "Zoë/日本.html"])
def test_quote_keys_are_the_digest_of_the_fields_repr(path):
    """``quote_keys`` writes the repr of (path, outlet, start, end, words, direct, kind) an article
    at a time; the keys are the digest of that repr, whatever the path holds."""
    import hashlib

    quotes, articles = _base(200, 5)
    articles = [replace(a, path=f"{path}{n}", outlet=f"O'{n % 3}\"") for n, a in enumerate(articles)]
    by_id = {a.id: a for a in articles}
    eligible = list(range(0, len(quotes), 2))
    expected, seen = [], {}
    for i in eligible:
        q, a = quotes[i], by_id[quotes[i].article_id]
        raw = repr((a.path, a.outlet, q.start, q.end, q.words, q.direct, str(q.kind)))
        k = hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        seen[k] = seen.get(k, 0) + 1
        expected.append(k if seen[k] == 1 else f"{k}#{seen[k] - 1}")
    assert regroup.quote_keys(quotes, eligible, by_id) == expected


@pytest.mark.parametrize("tokens", [("harbour", "tolls", "rise"), ("one",), (), ("a b", "c"), ("", "x"), ("x", ""),
                                    ("x", " ", "y"), ("zoë", "naïve", "40000")])
def test_a_wordings_tokens_read_back_from_the_state_as_they_were(tokens):
    kept = json.loads(json.dumps(regroup._tokens_json(tokens)))
    assert regroup._tokens_from(kept) == tokens
    assert isinstance(kept, str) == (bool(tokens) and all(t and " " not in t for t in tokens))


def test_speaker_names_merged_from_the_previous_run_are_a_full_merges(monkeypatch):
    """``api.assemble_again`` merges speaker names as ``assemble`` does: from the previous run's
    merge when the names and their counts are as they were (the merge is not asked again), else
    merged anew (a name given to one more quote, a surname alone, a damaged entry)."""
    from quotetrack import api

    quotes, articles = _base(700, 11)
    # Invented people named in several forms (initials, a middle initial, the surname alone).
    forms = [["Marisol Quenby", "M. Quenby", "Quenby", "Marisol A. Quenby"],
             ["Oswin Tarrant-Leigh", "O. Tarrant-Leigh", "Tarrant-Leigh"],
             ["Hedda Ploughwright", "Ploughwright", "H. Ploughwright"]]
    named = [name for group in forms for name in group]
    quotes = [replace(q, speaker=named[i // 5 % len(named)]) if i % 5 == 0 else q for i, q in enumerate(quotes)]
    plain = api.assemble(articles, quotes)
    got, state = api.assemble_again(articles, quotes, (), None)
    assert got == plain and len(state["speaker_names"]["changed"]) >= 6
    asked = []
    real = api.canonical_names
    monkeypatch.setattr(api, "canonical_names", lambda counts: asked.append(1) or real(counts))
    again, state2 = api.assemble_again(articles, quotes, (), json.loads(json.dumps(state)))
    assert again == plain and not asked and state2["speaker_names"] == state["speaker_names"]
    speakers = named + sorted({q.speaker for q in quotes if q.speaker and " " in q.speaker})[:3]
    for n, name in enumerate(speakers):
        i = next(i for i, q in enumerate(quotes) if q.speaker and q.speaker != name)
        edited = list(quotes)
        edited[i] = replace(edited[i], speaker=name if n % 2 else name.split()[-1])
        asked.clear()
        got, _ = api.assemble_again(articles, edited, (), json.loads(json.dumps(state)))
        assert got == api.assemble(articles, edited) and asked
    for damage in ([["x", "y"]], {"Somebody": 3}, None):
        hurt = json.loads(json.dumps(state))
        hurt["speaker_names"]["changed"] = damage
        asked.clear()
        got, _ = api.assemble_again(articles, quotes, (), hurt)
        assert got == plain and asked


def _origins(quotes: list[Quote]) -> list[tuple[str, int]]:
    """The quotes cut into "inputs" (runs of one article's quotes), each with an entry key that
    is a digest of what its quotes are, as a cache entry's key is of its input's bytes."""
    import hashlib

    out: list[tuple[str, int]] = []
    run: list[Quote] = []
    for q in [*quotes, None]:
        if run and (q is None or q.article_id != run[0].article_id):
            out.append((hashlib.sha256(repr(run).encode("utf-8", "surrogatepass")).hexdigest(), len(run)))
            run = []
        if q is not None:
            run.append(q)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("changes", [1, 10, 60])
def test_regrouping_with_keys_from_the_inputs_entries_equals_a_full_grouping(seed, changes):
    """``origins`` given (quote keys from the entry keys of their inputs): the same statements as
    a full grouping after each run of edits, and most of the corpus not grouped again."""
    quotes, articles = _base(900, seed)
    found, out, state = regroup.group(quotes, articles, None, _origins(quotes))
    assert (found, out) == _full(quotes, articles)
    assert all(":" in k for k in state["keys"]) and len(set(state["keys"])) == len(state["keys"])
    rng = random.Random(seed * 100 + changes)
    edited = quotes
    for _ in range(3):
        edited = _edit(edited, articles, rng, changes)
        found, out, state = regroup.group(edited, articles, json.loads(json.dumps(state)), _origins(edited))
        assert (found, out) == _full(edited, articles)
        again, total = state["grouped_again"]
        if changes == 1:
            assert again < total / 2


def test_keys_from_entries_stay_for_unchanged_inputs_and_change_for_the_others():
    """An input's quotes keep their keys when other inputs before it gain or lose quotes; an input
    given twice has distinct keys each time; a count that does not add up falls back to digests of
    the quotes' fields."""
    quotes, articles = _base(300, 5)
    by_id = {a.id: a for a in articles}
    eligible = list(range(len(quotes)))
    origins = _origins(quotes)
    keys = regroup.quote_keys(quotes, eligible, by_id, origins)
    assert len(set(keys)) == len(keys)
    # The first input loses its first quote (its entry key changes): every later key stays.
    first = origins[0][1]
    fewer = quotes[1:]
    changed = [(origins[0][0] + "x", first - 1), *origins[1:]]
    again = regroup.quote_keys(fewer, list(range(len(fewer))), by_id, changed)
    assert again[first - 1:] == keys[first:]
    assert not set(again[: first - 1]) & set(keys)
    # The same input twice (the same entry, path and outlet).
    twice = quotes[:first] * 2
    got = regroup.quote_keys(twice, list(range(len(twice))), by_id, [origins[0], origins[0]])
    assert len(set(got)) == len(got) == 2 * first
    assert regroup.quote_keys(quotes, eligible, by_id, origins[1:]) == regroup.quote_keys(quotes, eligible, by_id)


@pytest.mark.parametrize("seed", [1, 2])
def test_quotes_that_only_moved_keep_every_unit_in_place(seed, monkeypatch):
    """Words written before quotes in a few articles (they move; no wording, speaker or unit
    changes): each quote takes its previous unit (``_given_in_place``), the units are the
    previous ones in their places (``_aligned``), nothing is dirty, and the statements are a
    full grouping's, with and without keys from entries."""
    quotes, articles = _base(900, seed)
    rng = random.Random(seed)
    calls: list[bool] = []
    real = regroup._aligned
    monkeypatch.setattr(regroup, "_aligned", lambda b, n: calls.append(real(b, n)) or calls[-1])
    in_place: list[bool] = []
    real_given = regroup._given_in_place
    monkeypatch.setattr(regroup, "_given_in_place",
                        lambda g, plan: in_place.append(real_given(g, plan) is not None) or real_given(g, plan))
    for origins in (None, _origins):
        _, _, state = regroup.group(quotes, articles, None, origins(quotes) if origins else None)
        moved = set(rng.sample(sorted({q.article_id for q in quotes}), 5))
        edited = [replace(q, start=q.start + 11, end=q.end + 11) if q.article_id in moved else q for q in quotes]
        calls.clear()
        in_place.clear()
        g = regroup.run(edited, articles, json.loads(json.dumps(state)), origins(edited) if origins else None)
        assert calls == [True] and in_place == [True] and not g.dirty
        found, out = g.statements()
        assert (found, out) == _full(edited, articles)


@pytest.mark.parametrize("damage", ["sizes", "kinds", "kind_names", "scores", "unit_sizes", "not a dict", "zero size",
                                    "member", "canon"])
def test_a_state_whose_statement_lists_do_not_fit_is_not_used(damage):
    """The statements' flat lists (``_statements_json``) that do not fit together: the state is
    not used (a full grouping, the same statements)."""
    quotes, articles = _base(400, 9)
    _, _, state = regroup.group(quotes, articles)
    kept = json.loads(json.dumps(state))
    st = kept["statements"]
    if damage == "not a dict":
        kept["statements"] = [[0], 0, [["verbatim", 1.0]], [0]]
    elif damage == "kind_names":
        st["kind_names"] = []
    elif damage == "kinds":
        st["kinds"][0] = "verbatim"
    elif damage == "member":
        st["members"][0] = 10**6
    elif damage == "canon":
        st["canon"][0] = st["sizes"][0]
    elif damage == "zero size":
        st["sizes"][0] = 0
        st["sizes"][1] += 1
    else:
        st[damage].append(1)
    found, out, new_state = regroup.group(quotes, articles, kept)
    assert (found, out) == _full(quotes, articles)
    assert new_state["grouped_again"][0] == new_state["grouped_again"][1]
    _, _, again = regroup.group(quotes, articles, json.loads(json.dumps(state)))
    assert again["grouped_again"][0] == 0


@pytest.mark.parametrize("bad", [0.5, "1", None, True])
def test_a_state_whose_statement_numbers_are_not_ints_is_not_used(bad):
    quotes, articles = _base(300, 4)
    _, _, state = regroup.group(quotes, articles)
    for field in ("kinds", "sizes", "canon", "unit_sizes", "members", "units"):
        kept = json.loads(json.dumps(state))
        kept["statements"][field][0] = bad
        try:
            found, out, _ = regroup.group(quotes, articles, kept)
        except (TypeError, IndexError, ValueError) as err:  # never: a state that does not fit is not used
            raise AssertionError(f"{field}={bad!r}: {err!r}") from err
        assert (found, out) == _full(quotes, articles), field
