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
# Columns 30 onwards give a name's frequency in each of 55 countries, one hexadecimal digit
# each (1 rare .. D extremely common); the first three are Great Britain, Ireland and the U.S.A.
_FREQ_START, _N_COUNTRIES, _ENGLISH = 30, 55, 3
# ... and the share of its weight everywhere that sex must hold (Ben, Sean: male in Britain,
# Ireland and the U.S.A., unisex in one Asian country; Kim, Jean: not decided by this).
_SHARE = 0.8


def _weights(line: str) -> tuple[int, int]:
    """(frequency in the English-speaking countries, frequency everywhere) of one line."""
    eng = total = 0
    for i, ch in enumerate(line[_FREQ_START : _FREQ_START + _N_COUNTRIES]):
        if ch != " " and ch in "123456789ABCDabcd":
            v = int(ch, 16)
            total += v
            if i < _ENGLISH:
                eng += v
    return eng, total


def _decide(rows: list[tuple[str, str]]) -> str:
    """A name's gender from its dictionary lines (sex, line): the one sex all its lines agree on;
    else the one sex the English-speaking countries give it, when they know the name and that
    sex also holds most of its weight everywhere; else "?"."""
    sexes = {g for g, _ in rows}
    if len(sexes) == 1:
        return sexes.pop()
    lines = [(g, *_weights(line)) for g, line in rows]
    eng = {g for g, e, _ in lines if e}
    if len(eng) == 1:
        g = next(iter(eng))
        if g != "?":
            total = sum(t for _, _, t in lines)
            mine = sum(t for s, _, t in lines if s == g)
            if total and mine >= _SHARE * total:
                return g
    return "?"


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Lower-case first name -> "m", "f", or "?" for a name given to both sexes."""
    out: dict[str, str] = {}
    try:
        path = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
        fh = path.open(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - a broken install
        return out
    # the dictionary is sorted, so a name's lines are next to each other; a name whose lines
    # disagree is decided by their frequencies (`_decide`) once its last line is read
    rows: list[tuple[str, str]] = []
    name = ""
    with fh:
        for line in fh:
            if line[:1] in "#=":
                continue
            g = _CODES.get(line[:2].strip(), "?")
            this = line[3:29].strip().lower().replace("+", "-")
            if this == name:
                rows.append((g, line))
                continue
            if len(rows) > 1:
                _settle(out, name, rows)
            name, rows = this, [(g, line)]
            prev = out.get(name)
            out[name] = g if prev is None or prev == g else "?"
    if len(rows) > 1:
        _settle(out, name, rows)
    return out


def _settle(out: dict[str, str], name: str, rows: list[tuple[str, str]]) -> None:
    """Gives a name read on several adjacent lines the gender they decide; a name also met
    elsewhere in the file keeps no gender when the two disagree."""
    before = out.get(name)
    g = _decide(rows)
    out[name] = g if before in (None, rows[0][0], g) else "?"


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
