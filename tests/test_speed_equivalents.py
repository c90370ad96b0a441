"""Faster forms that must answer exactly as the plain definitions they replace.

* ``BlockingIndex.candidates`` against a brute-force reading of its docstring;
* ``models.evolve`` against ``dataclasses.replace``;
* ``textnorm.word_count`` with a cap against the full count;
* ``People`` role words: the roles of a title and the words before a name, read in one call.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.attribution.people import role_words
from quotetrack.blocking import BlockingIndex
from quotetrack.models import FULL, PARTIAL, Article, Quote, evolve
from quotetrack.textnorm import has_words, word_count


def _reference_candidates(items: list[list[int]], cap: int, item: int, keys: list[int], need: int,
                          query_keys: int, limit: int) -> list[int]:
    """The docstring, read plainly: keys held by more than ``cap`` items are forgotten; the
    ``query_keys`` rarest of ``keys`` (fewest holders, then position) are asked; items sharing
    at least ``need`` of them (all of them when fewer are usable), most shared first, then by item."""
    holders: dict[int, list[int]] = {}
    for i, ks in enumerate(items):
        for k in ks:
            holders.setdefault(k, []).append(i)
    # A key is forgotten once a (cap + 1)-th item adds it (the second holder is always kept:
    # a key's first holder is stored alone, the cap applies to lists).
    live = {k: h for k, h in holders.items() if len(h) <= max(cap, 2)}
    asked = sorted(((len(live[k]), pos, k) for pos, k in enumerate(keys) if k in live))[:query_keys]
    if not asked:
        return []
    need = min(need, len(asked))
    hits: dict[int, int] = {}
    for _, _, k in asked:
        for j in live[k]:
            hits[j] = hits.get(j, 0) + 1
    hits.pop(item, None)
    return [j for _, j in sorted((-n, j) for j, n in hits.items() if n >= need)][:limit]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 6),
    st.lists(st.lists(st.integers(0, 30), max_size=12, unique=True), min_size=1, max_size=25),
    st.integers(1, 3),
    st.integers(1, 8),
    st.integers(1, 10),
    st.lists(st.integers(0, 40), max_size=6),
)
def test_blocking_candidates_match_the_plain_definition(cap, items, need, query_keys, limit, extra):
    idx = BlockingIndex(max_posting=cap)
    for i, ks in enumerate(items):
        idx.add(i, ks)
    for i, ks in enumerate(items):
        keys = ks + extra
        got = idx.candidates(i, keys, need=need, query_keys=query_keys, limit=limit)
        assert got == _reference_candidates(items, cap, i, keys, need, query_keys, limit)


def _quote(**kw) -> Quote:
    base = dict(id="a:q1", article_id="a", text="we will rebuild the pier", start=10, end=34, line=1, column=11, kind=FULL)
    base.update(kw)
    return Quote(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"speaker": "Ines Palomar"},
        {"speaker": None, "cue": None, "speaker_span": None},
        {"kind": PARTIAL, "speaker": "Tomas Ferreira", "cue": "said", "speaker_span": (0, 14), "cue_span": (15, 19)},
        {"id": "b:q7", "article_id": "b"},
        {},
    ],
)
def test_evolve_equals_replace(changes):
    q = _quote(speaker="Odile Marchetti", cue="told")
    new, ref = evolve(q, **changes), dataclasses.replace(q, **changes)
    assert new == ref and hash(new) == hash(ref) and new is not q
    assert q == _quote(speaker="Odile Marchetti", cue="told")  # the original is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.speaker = "someone"  # type: ignore[misc]


def test_evolve_rejects_an_unknown_field_and_works_on_articles():
    with pytest.raises(TypeError):
        evolve(_quote(), spaeker="x")
    a = Article(id="a", path="a.txt", text="Text.", outlet="Harbour Courier", outlet_rule="filename")
    assert evolve(a, text="") == dataclasses.replace(a, text="")


@pytest.mark.parametrize("text", ["", "  ", "—", "one", "one two three", "U.S. 4,000 well-known ’s", "a " * 30, "“ ” …"])
@pytest.mark.parametrize("most", [1, 2, 5, 13])
def test_capped_word_count(text, most):
    assert word_count(text, most) == min(word_count(text), most)
    assert has_words(text) == (word_count(text) > 0)


@pytest.mark.parametrize(
    "titles, near",
    [
        (["Deputy", "Harbour-Master"], ["the"]),
        (["Vice-President"], []),
        ([], ["spokeswoman", "for"]),
        (["Sen."], ["councillor", "and"]),
        ([], []),
    ],
)
def test_role_words_of_a_concatenation_is_the_union(titles, near):
    assert role_words(titles + near) == role_words(titles) | role_words(near)
