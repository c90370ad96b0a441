"""Grammatical gender of a person from their first name or a gendered title.

First names come from the name dictionary that the ``gender-guesser``
package ships (Jörg Michael's list of about 45,000 first names from many
countries, read offline from the installed package). A name the dictionary
gives to both sexes, or does not know, has no gender, and a person with no
gender is compatible with any pronoun.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache
from typing import Iterable

from ..lexicon import FEMALE_WORDS, MALE_WORDS

# Codes in the dictionary's first column: M / F (always), 1M / ?M / 1F / ?F
# (mostly), ? (either). "Mostly" names count: they are right far more often than not.
_CODES = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Lower-case first name -> "m", "f", or "?" for a name given to both sexes."""
    out: dict[str, str] = {}
    try:
        path = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
        fh = path.open(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - a broken install
        return out
    with fh:
        for line in fh:
            if line[:1] in "#=":
                continue
            g = _CODES.get(line[:2].strip(), "?")
            name = line[3:29].strip().lower().replace("+", "-")
            prev = out.get(name)
            out[name] = g if prev is None or prev == g else "?"
    return out


def gender_of(first: str, words: Iterable[str] = ()) -> str:
    """ "m", "f" or "" from gendered words (Mr., Mrs., spokeswoman) or the first name."""
    low = {w.lower().rstrip(".") for w in words}
    if low & MALE_WORDS:
        return "m"
    if low & FEMALE_WORDS:
        return "f"
    first = first.lower().rstrip(".")
    if len(first) < 2:
        return ""
    g = first_names().get(first, "")
    if not g and "-" in first:
        # "Hans-Peter", "Mary-Kate": a double first name not in the dictionary takes the gender
        # its parts agree on
        parts = {first_names().get(p, "") for p in first.split("-") if p}
        g = parts.pop() if len(parts) == 1 else ""
    return g if g != "?" else ""


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """Whether a capitalised word is a first name in the dictionary (of either sex)."""
    if len(word) < 2 or not word[:1].isupper():
        return False
    low = word.lower()
    if low in first_names():
        return True
    # a double first name whose parts are first names ("Edward-Isaac", "Hans-Peter")
    parts = low.split("-")
    return len(parts) == 2 and all(len(p) > 1 and p in first_names() for p in parts)
