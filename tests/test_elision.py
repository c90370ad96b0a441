"""An excerpt with an elision ("A B ... D E" taken from "A B C D E") is a partial quote by rule,
in ``compare`` and in grouping. Names and sentences are invented for these tests."""

from __future__ import annotations

import random

import pytest

from quotetrack import statements
from quotetrack.align import compare, elision_breaks, is_excerpt, text_wording
from quotetrack.models import EXCERPT, FULL, UNRELATED, VERBATIM, Article, Quote
from quotetrack.textnorm import comparison_tokens

MARKS = ["...", "…", "[...]", "[…]", ". . .", "(...)"]
SENTENCES = [
    "The tidal barrier at Quenby Reach will protect the riverside homes, and it will be paid for by the port levy",
    "Our nurses have covered double shifts since March, and the trust still has not published a staffing plan",
    "I will not pretend the ring road is finished, but the western section opens to buses in the autumn",
    "We asked the ministry for the flood maps twice, and both times we were told they were being revised",
    "The orchestra has lost its rehearsal hall, so the winter season moves to the old corn exchange",
    "Nobody on the council voted to close the library; the decision came from the county's finance office",
]
PEOPLE = ["Councillor Bettany Orrell", "Harbour Master Idris Vallance", "Dr. Maren Colquhoun", "Senator Ruben Askew"]


def _elide(text: str, rng: random.Random, cuts: int) -> tuple[str, list[str]]:
    """``text`` with ``cuts`` stretches of words left out, each replaced by an elision mark; and the
    fragments kept."""
    words = text.split()
    n = len(words)
    # Fragment boundaries: keep, drop, keep, drop, ..., keep; every piece at least two words.
    while True:
        points = sorted(rng.sample(range(2, n - 1), 2 * cuts))
        bounds = [0, *points, n]
        if all(b - a >= 2 for a, b in zip(bounds, bounds[1:])):
            break
    kept = [" ".join(words[bounds[k]:bounds[k + 1]]) for k in range(0, len(bounds) - 1, 2)]
    out = kept[0]
    for piece in kept[1:]:
        mark = rng.choice(MARKS)
        out += (f"{mark}{piece}" if mark == "…" and rng.random() < 0.5 else f" {mark} {piece}")
    return out, kept


@pytest.mark.parametrize("seed", range(40))
def test_an_elided_excerpt_is_partial(seed):
    rng = random.Random(seed)
    text = rng.choice(SENTENCES)
    elided, kept = _elide(text, rng, rng.choice([1, 1, 2]))
    assert len(elision_breaks(elided)) == len(kept) - 1
    for a, b in ((text, elided), (elided, text)):
        c = compare(a, b)
        assert c.kind == EXCERPT and c.score == 1.0, (a, b, c)


@pytest.mark.parametrize("seed", range(20))
def test_fragments_out_of_order_or_changed_are_no_excerpt(seed):
    rng = random.Random(100 + seed)
    text = rng.choice(SENTENCES)
    _, kept = _elide(text, rng, 1)
    mark = rng.choice(MARKS)
    swapped = f"{kept[1]} {mark} {kept[0]}"
    assert compare(text, swapped).kind != EXCERPT
    # A fragment with a word the original does not have is not the original's words.
    changed = f"{kept[0]} {mark} {kept[1]} zanzibarite"
    assert compare(text, changed).kind != EXCERPT


@pytest.mark.parametrize("mark", MARKS)
def test_the_mark_is_no_word_and_cuts_where_it_stands(mark):
    text = f"the pier reopens {mark} after the survey"
    assert comparison_tokens(text) == ("the", "pier", "reopens", "after", "the", "survey")
    assert elision_breaks(text) == (3,)
    assert text_wording(text).breaks == (3,)


@pytest.mark.parametrize("text", [
    "... the pier reopens after the survey",
    "the pier reopens after the survey …",
    "the pier reopens after the survey",
    "[...]",
    "",
])
def test_a_mark_with_no_words_on_one_side_cuts_nothing(text):
    assert elision_breaks(text) == ()


def test_words_that_read_differently_apart_keep_the_text_one_piece():
    # "forty thousand" is one number; taken apart it would be two.
    assert elision_breaks("forty ... thousand jobs") == ()


def test_without_the_mark_the_same_words_are_no_excerpt():
    long = ("a", "b", "c", "d", "e")
    assert is_excerpt(long, ("a", "b", "d", "e"), (2,))
    assert not is_excerpt(long, ("a", "b", "d", "e"))
    assert not is_excerpt(long, ("b", "a", "d", "e"), (2,))
    assert not is_excerpt(long, ("a", "b", "c", "d", "e"), (2,))  # as long as the other: no excerpt
    assert compare("a b c d e", "a b ... c d e").kind == VERBATIM  # the same words


def test_an_elided_quote_of_unrelated_words_stays_unrelated():
    assert compare(SENTENCES[0], "the orchestra has lost ... the corn exchange").kind == UNRELATED


# --------------------------------------------------------------------------- grouping


def _article(i: int) -> Article:
    return Article(f"a{i}", f"news/{i}.txt", "", f"Outlet {i}", "metadata", body_start=0, body_end=10**6)


def _quote(i: int, text: str, speaker: str) -> Quote:
    return Quote(f"a{i}:q1", f"a{i}", text, 10 * i, 10 * i + len(text), 1, 1, FULL, direct=True, speaker=speaker)


@pytest.mark.parametrize("seed", range(12))
def test_grouping_joins_an_elided_excerpt_to_its_source_as_partial(seed):
    rng = random.Random(500 + seed)
    text = rng.choice(SENTENCES)
    who = rng.choice(PEOPLE)
    elided, _ = _elide(text, rng, rng.choice([1, 2]))
    items = [elided, text, elided] if seed % 2 else [text, elided, elided]
    quotes = [_quote(i, t, who) for i, t in enumerate(items)]
    sts, _ = statements.group(quotes, [_article(i) for i in range(len(items))])
    assert len(sts) == 1, [s.text for s in sts]
    s = sts[0]
    # The full wording is canonical even where the elided one is quoted more often.
    assert s.text == text
    kinds = {m.quote_id: m.match for m in s.members}
    for i, t in enumerate(items):
        assert kinds[f"a{i}:q1"] == (VERBATIM if t == text else EXCERPT)


def test_grouping_keeps_elided_fragments_out_of_order_apart():
    text = SENTENCES[1]
    who = PEOPLE[0]
    swapped = "the trust still has not published a staffing plan ... Our nurses have covered double shifts"
    quotes = [_quote(0, text, who), _quote(1, swapped, who)]
    sts, _ = statements.group(quotes, [_article(0), _article(1)])
    kinds = [m.match for s in sts for m in s.members]
    assert EXCERPT not in kinds
