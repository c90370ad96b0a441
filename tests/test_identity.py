"""Speaker identity: SAME, DIFFERENT and UNCERTAIN over many title forms and invented names."""

from __future__ import annotations

import itertools

import pytest

from quotetrack.identity import (
    DIFFERENT,
    SAME,
    UNCERTAIN,
    Census,
    described,
    identity,
    parse,
    personal_name,
)
from quotetrack.models import FULL, Quote
from quotetrack.sources import speaker_label
from quotetrack.statements import _speakers_agree

TITLES = [
    "HARBOUR MASTER", "Harbour Master", "DEPUTY MAYOR", "Deputy Mayor", "Chief Fire Officer", "CHIEF FIRE OFFICER",
    "STATION SUPERINTENDENT", "Station Superintendent", "Professor", "PROFESSOR", "Rev.", "Dr.", "Lt. Gov.",
    "Parish Warden", "FERRY CAPTAIN", "Sen.", "Ms.",
]
PEOPLE = [("Hestia", "Quennell"), ("Tobiah", "Vantongeren"), ("Dagny", "Szabolcsi"), ("Ottoline", "Featherstonhaugh"),
          ("Wystan", "Haldorsen")]
OTHER = "Casimir Pellinore"


def _label(title: str, first: str, last: str) -> str:
    name = f"{first} {last}"
    return f"{title} {name.upper()}" if title.isupper() else f"{title} {name}"


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("first, last", PEOPLE)
def test_a_title_before_the_name_is_the_same_person(title, first, last):
    label = _label(title, first, last)
    for other in (f"{first} {last}", last, f"Ms. {last}", f"{first[0]}. {last}"):
        assert identity(label, other).kind == SAME, (label, other)
        assert identity(other, label).kind == SAME, (other, label)
    # As a transcript turn label reads it (capitals title-cased).
    assert identity(speaker_label(label), f"{first} {last}").kind == SAME
    assert personal_name(speaker_label(label)).casefold() == f"{first} {last}".casefold()


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("first, last", PEOPLE)
def test_a_different_surname_is_a_different_person_whatever_the_title(title, first, last):
    label = _label(title, first, last)
    assert identity(label, OTHER).kind == DIFFERENT
    assert identity(OTHER, label).kind == DIFFERENT
    assert identity(label, "Pellinore").kind == DIFFERENT


@pytest.mark.parametrize("first, last", PEOPLE)
def test_different_first_names_with_one_surname(first, last):
    # A clearly different first name (another initial) is another person.
    assert identity(f"{first} {last}", f"Brennagh {last}").kind == DIFFERENT
    assert identity(f"DEPUTY MAYOR {first.upper()} {last.upper()}", f"Brennagh {last}").kind == DIFFERENT
    assert identity(f"Rep. K. {last}", f"{first} {last}").kind == DIFFERENT


@pytest.mark.parametrize(
    "a, b",
    [
        ("Rep. T.V. Vantongeren", "Tobiah Vantongeren"),  # initials agree
        ("T. Vantongeren", "Tobiah Vantongeren"),
        ("Dagney Szabolcsi", "Dagny Szabolcsi"),  # a spelling variant of the first name
        ("Hestia Quenell", "Hestia Quennell"),  # a long surname one edit away
        ('Ottoline "Lina" Featherstonhaugh', "Lina Featherstonhaugh"),  # a nickname the parser reads
        ("Wystan Haldorsen Jr.", "Wystan Haldorsen"),  # a suffix
        ("Wystan Isaura Haldorsen", "Wystan Haldorsen"),  # a middle name
    ],
)
def test_same(a, b):
    assert identity(a, b).kind == SAME
    assert identity(b, a).kind == SAME


def test_short_surnames_must_be_spelt_alike():
    assert identity("Hestia Orr", "Hestia Orre").kind == DIFFERENT  # short: any edit is another name
    assert identity("Hestia Quennell", "Hestia Quennel").kind == SAME  # long: one edit
    assert identity("Hestia Quennell", "Hestia Quentell-Ross").kind == DIFFERENT


@pytest.mark.parametrize(
    "a, b, why",
    [
        ("THE HARBOUR MASTER", "Hestia Quennell", "names a role"),
        ("Deputy Mayor", "Tobiah Vantongeren", "names a role"),
        ("The Superintendent", "Dagny Szabolcsi", "names a role"),
        ("Wystan Haldorsen", "Wilbur Haldorsen", "share an initial"),
        ("Hestia", "Hestia Quennell", "first name"),
        ("H. Quennell", "Wystan Hestia Quennell", "initial"),
    ],
)
def test_uncertain_says_why(a, b, why):
    v = identity(a, b)
    assert v.kind == UNCERTAIN and why in v.reason
    assert identity(b, a).kind == UNCERTAIN


def test_a_surname_alone_depends_on_who_else_is_in_the_run():
    alone = Census(["Hestia Quennell", "Quennell", "Tobiah Vantongeren"])
    shared = Census(["Hestia Quennell", "Brennagh Quennell", "Quennell"])
    for short in ("Quennell", "Ms. Quennell", "HARBOUR MASTER QUENNELL", "Chief Fire Officer Quennell"):
        assert identity(short, "Hestia Quennell", alone).kind == SAME
        v = identity(short, "Hestia Quennell", shared)
        assert v.kind == UNCERTAIN and "2 people called Quennell" in v.reason
    # Spellings and titles of one person count once.
    assert Census(["Hestia Quennell", "Rev. Hestia Quennell", "H. Quennell", "Hestia Quenell"]).people("quennell") == 1


@pytest.mark.parametrize("label", ["A", "Speaker 2", "Unidentified speaker", "UNKNOWN SPEAKER", None])
def test_labels_that_name_nobody_match_anyone(label):
    assert identity(label, "Hestia Quennell").kind == SAME
    assert identity("Casimir Pellinore", label).kind == SAME


def test_parts():
    p = parse("CHIEF FIRE OFFICER DAGNY SZABOLCSI")
    assert (p.role, p.given, p.surname) == (("chief", "fire", "officer"), ("dagny",), "szabolcsi")
    assert parse("The Harbour Master").is_role and parse("Deputy Mayor").is_role
    assert parse("Isaura de la Greaves").surname == "de la greaves"
    assert personal_name("Deputy Mayor Quennell") == "Quennell"
    assert personal_name("The Harbour Master") == "The Harbour Master"


def test_every_verdict_is_symmetric():
    names = ["Hestia Quennell", "HARBOUR MASTER HESTIA QUENNELL", "Quennell", "Brennagh Quennell", "H. Quennell",
             "Lt. Gov. Tobiah Vantongeren", "T. Vantongeren", "The Mayor", "Hestia", OTHER, "Speaker 2"]
    census = Census(names)
    for a, b in itertools.combinations(names, 2):
        assert identity(a, b, census).kind == identity(b, a, census).kind, (a, b)


def _q(i: int, speaker, direct: bool = True) -> Quote:
    return Quote(id=f"q{i}", article_id="a1", text="words", start=0, end=5, line=1, column=1, kind=FULL,
                 direct=direct, speaker=speaker)


def test_grouping_uses_the_same_identity():
    census = Census(["Station Superintendent Dagny Szabolcsi", "Dagny Szabolcsi", OTHER])
    assert _speakers_agree(_q(1, "Station Superintendent Dagny Szabolcsi"), _q(2, "Dagny Szabolcsi"), census)
    assert not _speakers_agree(_q(1, "Dagny Szabolcsi"), _q(2, OTHER), census)
    assert _speakers_agree(_q(1, None), _q(2, OTHER), census)
    # Reported speech joins only a known speaker.
    assert not _speakers_agree(_q(1, None, direct=False), _q(2, OTHER), census)


@pytest.mark.parametrize("a, b", [
    ("José Ibáñez", "Jose Ibanez"), ("François Halvard", "FRANCOIS HALVARD"), ("Zoë Castañeda", "Zoe Castaneda"),
    ("Mayor René Dubois", "Rene Dubois"),
])
def test_a_name_without_its_accents_is_the_same_person(a, b):
    """One person whether or not a page keeps the accents of their name: never "different"
    (a check error would fail a correct article)."""
    from quotetrack.identity import SAME, identity

    assert identity(a, b).kind == SAME, identity(a, b)


@pytest.mark.parametrize("a, b", [("José Ibáñez", "José Ibarra"), ("René Dubois", "Renée Dupont")])
def test_accents_aside_different_surnames_stay_different(a, b):
    from quotetrack.identity import DIFFERENT, identity

    assert identity(a, b).kind == DIFFERENT


_LEADS = ["the", "The", "THE", "a", "An", "our", "Their", "his", "HER", "its", "this", "That", "(the", "Mayor", "one",
          "Ms.", "Dr", ",the", "the,", '"the"', "some"]
_RESTS = ["harbour council", "Quay Board, Jr.", "aides (\u201cthe crew\u201d)", "Orvel Tamsin III", "tide keepers Sr",
          "Wexmoor", "", "new, council PhD", "  marsh   wardens  ", "O'Dalry-Fenn", "V", "jr"]


@pytest.mark.parametrize("lead", _LEADS)
def test_described_names_parse_as_descriptions(lead):
    """``described`` (which lets grouping skip nameparser) never says so of a name whose parse
    has a surname: every name it picks parses as a description."""
    for rest in _RESTS:
        for name in (f"{lead} {rest}", f"{lead} {rest}".upper(), f"{lead}"):
            if described(name):
                p = parse(name)
                assert p.is_role and p.surname == "", name
    assert described("the quay board") and described("HER AIDES") and not described("Orvel Tamsin")
