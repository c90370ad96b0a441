"""What can be a speaker: a person, an organisation, or a description of one.

Rules that read noun phrases sometimes land on something else: a party and
state tag (``Sen. Ann Roe, R-Texas, said``), a place abbreviation
(``D.C.``), a dateline in capitals, a document (``a statement``), a phrase
cut mid-clause (``the deal and``). Those are no speaker: no speaker is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .function_words import (
    ADVERBIAL_OPENERS,
    ALL_PREPOSITIONS,
    AUXILIARIES,
    DETERMINERS,
    LEADING_FUNCTION_WORDS,
    PREPOSITIONS,
    PRONOUN_FORMS,
    S_CONTRACTIONS,
    TIME_AFTER,
    TIME_UNITS,
)
from .gender import is_first_name
from .people import DOCUMENTS

# "R-Texas", "D-Calif.", "I-Vt.": a US party and state tag.
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.){1,4}$")
_DANGLING = DETERMINERS | PREPOSITIONS | frozenset(
    "and or but nor to by as than that which who into onto about through over under against toward towards upon among between".split()
)
# One word that is a pronoun, an auxiliary or another function word ("It", "Should" opening
# a question, "Then") names nobody; nor does a phrase ending in a unit of time ("this year").
_FUNCTION_WORD = AUXILIARIES | LEADING_FUNCTION_WORDS | S_CONTRACTIONS | frozenset(
    """he she it they we i you once outside inside perhaps maybe instead meanwhile however indeed moreover
    yesterday today tonight tomorrow one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred thousand""".split()
)
# Participles that follow the noun they describe ("the officials involved", "the voters surveyed").
_AFTER_NOUN_PARTICIPLES = frozenset("involved surveyed polled interviewed questioned concerned affected accused".split())
_RELATIVES = frozenset("who whom whose which that".split())
# Endings of adverbs in -ly ("hastily", "finally", "clearly", "briefly", "recently"); surnames in
# -ly mostly end otherwise ("Donnelly", "Reilly", "Daly", "Healy").
_ADVERB_ENDING = re.compile(r"(?:ily|ally|ely|tly|rly|fly|sly|dly|bly|gly|wly|mly|ply|nly)$")


def looks_adverb(word: str) -> bool:
    """A word shaped like an adverb in -ly that is no first name ("Hastily" opening a sentence)."""
    return _ADVERB_ENDING.search(word.lower()) is not None and not is_first_name(word)


# "I'm", "We’re", "They've": a pronoun and a verb, not a name.
_PRONOUN_CONTRACTION = re.compile(r"^(?:i|we|you|they|he|she|it)['’](?:m|re|ve|ll|d)$")


# Events, which happen but never speak (a capitalised name that ends in one may: "the Democratic
# Debate Committee" is another word).
_EVENTS = frozenset(
    """interview interviews meeting meetings debate debates rally rallies hearing hearings speech speeches
    conference conferences briefing briefings session sessions event events show shows ceremony ceremonies
    vote votes election elections primary primaries caucus caucuses""".split()
)


@lru_cache(maxsize=4096)
def plausible_speaker(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    last = words[-1].lower().strip(".,;:")
    if _PARTY_TAG.match(name) or _INITIALS_ONLY.match(name):
        return False
    if last in _DANGLING or words[0].lower() in ("and", "or", "but") or words[0].lower() in ADVERBIAL_OPENERS:
        return False  # ("While Republicans", "Unless": a clause's opening word, not a name)
    if len(words) > 1 and words[-1][:1].islower() and (last in AUXILIARIES or last == "being"):
        return False  # "The concerns being", "the plan has": a phrase cut before its verb
    if last.endswith(("’s", "'s")):
        return False  # "Trump’s", "Friday's", "It's": a possessive or a contraction, never who spoke
    if last in DOCUMENTS and (words[-1][:1].islower() or len(words) == 1):
        return False  # "a statement", "the post"; not "The Washington Post", "the Evening Post"
    if words[0].lower() in DETERMINERS and len(words) > 2 and words[1].lower() in DOCUMENTS:
        return False  # "a letter to Mr. Roe", "the statement from the board": a text, not who spoke
    if last in TIME_UNITS:
        return False
    if last in _EVENTS and words[-1][:1].islower() and not any(w.lower() in ALL_PREPOSITIONS for w in words):
        # "the Sanders interview concluded", "the debate ended": an event, not who spoke (but "a person
        # familiar with the planning for the meeting" ends in its preposition's object)
        return False
    if len(words) > 1 and words[-1][:1].islower() and last in _FUNCTION_WORD:
        return False  # "By Sunday afternoon she", "the first two": a phrase cut after a function word
    if (
        len(words) > 2
        and words[0].lower() in DETERMINERS
        and words[-1][:1].islower()
        and last.endswith("ed")
        and last not in _AFTER_NOUN_PARTICIPLES
        and not _RELATIVES.intersection(w.lower() for w in words)
    ):
        return False  # "The performance prompted", "the polls closed": a subject read through its verb
    if len(words) > 1 and words[-1][:1].islower() and last in PRONOUN_FORMS and words[-2].lower() not in ALL_PREPOSITIONS:
        return False  # "Let me", "hearing him", "the voters who elected him" (not "a source close to him")
    if last in TIME_AFTER and any(w.lower() in TIME_UNITS for w in words[:-1]):
        return False  # "The day before", "Two weeks later"
    if len(words) == 1:
        w = words[0]
        if w.isupper() and sum(ch.isalpha() for ch in w) >= 6:
            return False  # a dateline ("BUFFALO") or a shouted word, not an acronym
        if last in _FUNCTION_WORD or looks_adverb(w) or _PRONOUN_CONTRACTION.match(last):
            return False
    return True
