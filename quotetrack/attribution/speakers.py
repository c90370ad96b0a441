"""What can be a speaker: a person, an organisation, or a description of one.

Rules that read noun phrases sometimes land on something else: a party and
state tag (``Sen. Ann Roe, R-Texas, said``), a place abbreviation
(``D.C.``), a dateline in capitals, a document (``a statement``), a phrase
cut mid-clause (``the deal and``). Those are no speaker: no speaker is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .function_words import AUXILIARIES, DETERMINERS, LEADING_FUNCTION_WORDS, PREPOSITIONS, S_CONTRACTIONS, TIME_AFTER
from .people import DOCUMENTS

# "R-Texas", "D-Calif.", "I-Vt.": a US party and state tag.
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.){1,4}$")
_DANGLING = DETERMINERS | PREPOSITIONS | frozenset("and or but nor to by as than that which who".split())
# One word that is a pronoun, an auxiliary or another function word ("It", "Should" opening
# a question, "Then") names nobody; nor does a phrase ending in a unit of time ("this year").
_FUNCTION_WORD = AUXILIARIES | LEADING_FUNCTION_WORDS | S_CONTRACTIONS | frozenset("he she it they we i you".split())
_TIME_UNITS = frozenset("year years month months week weeks day days morning evening night afternoon".split())


@lru_cache(maxsize=4096)
def plausible_speaker(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    last = words[-1].lower().strip(".,;:")
    if _PARTY_TAG.match(name) or _INITIALS_ONLY.match(name):
        return False
    if last in _DANGLING or words[0].lower() in ("and", "or", "but"):
        return False
    if last in DOCUMENTS:
        return False
    if last in _TIME_UNITS:
        return False
    if last in TIME_AFTER and any(w.lower() in _TIME_UNITS for w in words[:-1]):
        return False  # "The day before", "Two weeks later"
    if len(words) == 1:
        w = words[0]
        if w.isupper() and sum(ch.isalpha() for ch in w) >= 6:
            return False  # a dateline ("BUFFALO") or a shouted word, not an acronym
        if last in _FUNCTION_WORD:
            return False
    return True
