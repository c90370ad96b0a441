"""Property tests: invariants of quote finding and scanning on any input.

* nothing raises, whatever the text;
* every quote's offsets give back its text, and its line and column agree
  with its offset;
* quotes come in order and never overlap;
* grouping does not depend on the order the articles are given in;
* a text that is nothing but quotation marks is handled.

Each test runs a couple of hundred examples; ``make fuzz`` (the ``fuzz``
Hypothesis profile, registered in conftest.py) runs 20,000.
"""

from __future__ import annotations

import os
import textwrap

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotetrack.api import scan_texts
from quotetrack.quotes import find_quotes


def bounded(n: int) -> settings:
    """``n`` examples; under a profile chosen by HYPOTHESIS_PROFILE, that profile's count if larger."""
    if os.environ.get("HYPOTHESIS_PROFILE"):
        n = max(n, settings.default.max_examples)
    return settings(max_examples=n, deadline=None)


# --------------------------------------------------------------------------- strategies

QUOTE_MARKS = list("“”„‟«»\"'‘’`") + ["''", "‘‘", "’’", "``"]
BREAKS = ["\n", "\n\n", "\r\n", " \n", "\n \n", " ", "  ", "\t"]
WORDS = [
    "said", "says", "told reporters", "according to", "added", "warned", "adding:", "he", "she", "they",
    "the mayor", "Ada Quill", "Quill", "Mayor Quill", "Mr.", "U.S.", "we", "will", "rebuild", "the", "pier",
    "can’t", "it's", "so-called", "5'10\"", "the ’90s", "a", "It", "We", "Nobody",
    "'Tis", "rock 'n' roll", "O'Brien", "the Joneses'", "since '08", "6' 2\"", "the film", "called",
    ".", ",", ":", ";", "—", "?", "!", "…", "(", ")",
]
PIECES = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(BREAKS),
    st.sampled_from(WORDS),
    st.text(max_size=4),
)
# Text made mostly of quotation marks, line breaks and the words around speech.
quote_heavy = st.tuples(st.lists(PIECES, max_size=80), st.sampled_from(["", " "])).map(lambda t: t[1].join(t[0]))
# The same, hard-wrapped at some width (styles.unwrap joins such lines).
wrapped = st.tuples(quote_heavy, st.integers(min_value=40, max_value=90)).map(
    lambda t: textwrap.fill(t[0] * 3, t[1], break_long_words=False, break_on_hyphens=False, replace_whitespace=False)
)
any_text = st.one_of(st.text(), quote_heavy, wrapped)


# --------------------------------------------------------------------------- helpers


def check_positions(text: str, quotes) -> None:
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.line == text.count("\n", 0, q.start) + 1
        assert q.column == q.start - (text.rfind("\n", 0, q.start) + 1) + 1


def check_order(quotes) -> None:
    for a, b in zip(quotes, quotes[1:]):
        assert a.end <= b.start, (a, b)


# --------------------------------------------------------------------------- (a) nothing raises


@bounded(200)
@given(any_text)
def test_find_quotes_never_raises(text):
    find_quotes(text)


@bounded(200)
@given(any_text)
def test_scan_texts_never_raises(text):
    scan_texts([("a.txt", text)])


# --------------------------------------------------------------------------- (b) offsets, lines, columns


@bounded(200)
@given(any_text)
def test_quote_offsets_give_back_the_text_and_its_position(text):
    check_positions(text, find_quotes(text))


@bounded(200)
@given(any_text)
def test_scanned_quote_offsets_give_back_the_text_and_its_position(text):
    result = scan_texts([("a.txt", text)])
    assert result.articles[0].text == text
    check_positions(text, result.quotes)  # direct quotes and reported speech alike


# --------------------------------------------------------------------------- (c) order, no overlap


@bounded(200)
@given(any_text)
def test_quotes_are_in_order_and_never_overlap(text):
    check_order(find_quotes(text))


@bounded(200)
@given(any_text)
def test_scanned_direct_quotes_are_in_order_and_never_overlap(text):
    result = scan_texts([("a.txt", text)])
    check_order([q for q in result.quotes if q.direct])


# --------------------------------------------------------------------------- (d) grouping ignores input order

HEADLINE = "Pier works in Kelmouth run late again"
OPENING = "Work on the Kelmouth pier began in May and has already cost twice the first estimate."
SENTENCES = [
    "“We will rebuild the pier before the winter storms arrive,” Mayor Ada Quill said.",
    '"We will rebuild the pier before the winter storms arrive," said Ada Quill, the mayor of Kelmouth.',
    "“We will rebuild the pier before the storms arrive,” Quill said.",
    "“We will repair the pier before the winter storms arrive,” she said.",
    "“Nobody asked the fishermen what they wanted from the harbour,” Councillor Tobias Wren said.",
    "“Nobody asked the fishermen what they wanted from the harbour,” Quill said.",
    "“Nobody asked the fishermen what they wanted from the harbour.”",
    "According to Wren, “the money is already spent and the timber is already cut.”",
    "Wren said the levy was “money thrown into the sea by people who never fish.”",
    "“The money is already spent and the timber is already cut,” Quill told reporters.",
    "Quill said the council would rebuild the pier before the winter storms arrive.",
    "The harbour board meets in private on the second Tuesday of every month.",
    "Critics call the levy the “pier tax”, a name the town hall dislikes.",
]
# Articles, each a few of the sentences above, and an order to give them in.
article_sets = st.lists(
    st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=4),
    min_size=2,
    max_size=5,
).flatmap(lambda picks: st.tuples(st.just(picks), st.permutations(range(len(picks)))))


def article_text(picks: list[int]) -> str:
    return "\n\n".join([HEADLINE, OPENING, *(SENTENCES[i] for i in picks)]) + "\n"


def groupings(texts: list[tuple[str, str]]) -> set[frozenset[tuple[str, int, int]]]:
    """Each statement as the set of (path, start, end) of its members; statement ids left out."""
    result = scan_texts(texts)
    path = {a.id: a.path for a in result.articles}
    quote = {q.id: q for q in result.quotes}
    return {
        frozenset((path[quote[m.quote_id].article_id], quote[m.quote_id].start, quote[m.quote_id].end) for m in s.members)
        for s in result.statements
    }


@bounded(100)
@given(article_sets)
# Wren said it, Quill said it, a third outlet printed it unattributed: the third joined
# Wren's statement or Quill's depending on which article came first (fixed in 4d789f0).
@example(([[4], [5], [6]], [1, 0, 2]))
def test_grouping_does_not_depend_on_article_order(case):
    picks, order = case
    texts = [(f"outlet{i}/story.txt", article_text(p)) for i, p in enumerate(picks)]
    assert groupings(texts) == groupings([texts[i] for i in order])


# --------------------------------------------------------------------------- (e) a wall of quotation marks


def test_a_hundred_thousand_quotation_marks_in_a_row():
    for mark in ('"', "“", "”", "«", "'", "‘"):
        text = mark * 100_000
        check_order(find_quotes(text))
        scan_texts([("a.txt", text)])
