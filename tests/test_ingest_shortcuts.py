"""Ingest's cheap looks before a costly pattern answer exactly as the pattern alone.

``_is_line_furniture`` looks for the newsletter word only in lines that hold it, and
``guess_date`` reads dates only from a head that holds the core of one: each is checked
here against the plain pattern on lines and heads built from pieces of both kinds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack import ingest

# The furniture pattern as one expression, newsletter lines included: what the shortcut must equal.
_ONE_PATTERN = re.compile(r"((?!.*[“\"«„‘][^“”\"«»„]{2,}[”\"»’]).*\bnewsletter\b.*|" + ingest._LINE_FURNITURE.pattern[1:], re.I)

_PIECES = [
    "newsletter", "Newsletter", "NEWSLETTER", "newſletter", "newsletters", "enewsletter", "news letter",
    "Sign up", "subscribe", "Follow us", "posted ", "Updated ", "- Weather:", "@desk", "12:45", "3h ago",
    "Credit: ", "Photo: ", "share", "print", "the council met", "Vorster Quay", " ", "\n", ".", ":", "’s",
    "Daily", "for the", "ſ", "K", "İ", "ß", "“", "”", "said Roe",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_line_furniture_equals_the_single_pattern(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert ingest._is_line_furniture(line) == bool(_ONE_PATTERN.fullmatch(line))


@pytest.mark.parametrize(
    "line, furniture",
    [
        ("Get the Morning Tide newsletter in your inbox", True),
        ("SIGN UP FOR OUR NEWSLETTER", True),
        ("The newſletter lands on Fridays", True),  # re.I reads "ſ" as "s"
        ("Our newsletters are free", False),  # the word, not a longer one
        ("Quarry workers said the newsletter\nwas late", False),  # two lines
        ("The harbour board met on Tuesday to talk about the tides.", False),
        ("“I think the newsletter is a great venue for that,” said Pelham.", False),  # quoted words: article text
        ("“We like news,” said Roe. “The newsletter lands on Fridays.”", False),
        ("Sign up: “The Daily Tide” newsletter", True),  # a quoted title in a promotion is still furniture
    ],
)
def test_line_furniture_examples(line: str, furniture: bool) -> None:
    assert ingest._is_line_furniture(line) is furniture
    assert bool(_ONE_PATTERN.fullmatch(line)) is furniture


def _date_without_shortcut(text: str) -> str | None:
    for m in ingest._DATE_WORDS.finditer(text[:2000]):
        d = ingest.normalise_date(m.group("date"))
        if d:
            return d
    return None


_DATE_PIECES = [
    "March 4, 2019", "Sept. 12, 2021", "4 March 2019", "Posted: ", "PublishedJan 5, 2020", "Updated ",
    "Marchh 40, 2019", "12, 2020", "7 Octobre 1999", "Quay 3, 1234", "2019", ", ", " ", "\n", "by Ana Teller",
    "x" * 300, "5 Xy 2001", "31 April 2010",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=10))
def test_guess_date_equals_the_plain_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert ingest.guess_date(text, {}) == _date_without_shortcut(text)


def test_guess_date_looks_only_at_the_head() -> None:
    assert ingest.guess_date("Filed from Vorster Quay, May 2, 2018. " + "word " * 10, {}) == "2018-05-02"
    assert ingest.guess_date("word " * 500 + "May 2, 2018", {}) is None
