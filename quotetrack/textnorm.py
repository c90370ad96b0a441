"""Text normalisation shared by quote grouping, matching and display.

``comparison_tokens`` folds the differences a reader accepts as "the same
words": quotation marks, case, punctuation, hyphenation, U.S./US/United
States, British/American spellings, contractions, and numbers written as
words or digits. It never changes what is displayed: it is for comparing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from typing import Optional

QUOTE_CHARS = "\"'“”„‟«»‹›‘’‚‛"

# Words, with internal apostrophes, dots (U.S.) and hyphens kept for now.
WORD_TOKEN = re.compile(r"[^\W_]+(?:(?:[’'.\-]|(?<=\d),(?=\d))[^\W_]+)*\.?", re.UNICODE)
_SPACES = re.compile(r"\s+")

_COUNTRY = {
    "us": "unitedstates",  # only when written in capitals: see fold_token
    "usa": "unitedstates",
    "uk": "unitedkingdom",
    "un": "unitednations",
    "eu": "europeanunion",
}
_SPELLING = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "practise": "practice",
    "programme": "program",
    "programmes": "programs",
    "cheque": "check",
    "tyre": "tire",
    "aluminium": "aluminum",
    "grey": "gray",
    "jewellery": "jewelry",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "modelling": "modeling",
    "labelled": "labeled",
    "enrol": "enroll",
    "analyse": "analyze",
    "analysed": "analyzed",
    "paralyse": "paralyze",
}
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
    "it's": ("it", "is"),
    "that's": ("that", "is"),
    "there's": ("there", "is"),
    "here's": ("here", "is"),
    "what's": ("what", "is"),
    "who's": ("who", "is"),
    "he's": ("he", "is"),
    "she's": ("she", "is"),
}
_SUFFIX_CONTRACTIONS = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'d", "would"),
    ("'m", "am"),
)
_ISE = re.compile(r"is(e|ed|es|ing|ation|ations)$")
# Words in -ise that are spelt so on both sides of the Atlantic.
_ISE_NOT_BRITISH = frozenset(
    """rise arise raise praise promise premise surprise expertise exercise compromise advertise franchise
    otherwise enterprise merchandise noise poise wise concise precise demise cruise bruise disguise despise
    paradise treatise revise advise devise supervise televise comprise chastise incise excise reprise
    improvise likewise clockwise""".split()
)
_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBERS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
)
_NUMBERS.update({"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"})
_NUMBERS["percent"] = "%"
# Number words (the keys above less "percent"), for rules that read a count ("Eight years ago").
NUMBER_WORDS = frozenset(_NUMBERS) - {"percent"}


def display_words(text: str) -> str:
    """Quoted text for display: line breaks, and quotation marks that reopen
    a quote at the start of a new paragraph, folded to single spaces."""
    if "\n" not in text and "\r" not in text:
        return text
    parts = [p.strip() for p in re.split(r"[\r\n]+", text)]
    cleaned = []
    for i, part in enumerate(parts):
        if i > 0:
            part = part.lstrip("\"“„«'‘")
        if part:
            cleaned.append(part)
    return " ".join(cleaned)


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A name compared without accents or case: "François Hollande" and "FRANCOIS HOLLANDE" fold
    to the same words (compatibility decomposition, combining marks dropped; letters that do not
    decompose, such as "ø" or "æ", stay as they are)."""
    if name.isascii():
        return name.casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=131072)
def fold_token(raw: str) -> tuple[str, ...]:
    tok = raw.rstrip(".")
    letters = tok.replace(".", "")
    low = letters.lower().replace("’", "'")
    # U.S., US, USA, U.K.: only upper-case forms, so the pronoun "us" stays itself.
    if letters.isupper() and low in _COUNTRY:
        return (_COUNTRY[low],)
    if low in _CONTRACTIONS:
        return _CONTRACTIONS[low]
    for suffix, full in _SUFFIX_CONTRACTIONS:
        if low.endswith(suffix) and len(low) > len(suffix):
            stem = low[: -len(suffix)]
            if suffix == "n't" and stem in ("ca", "wo"):
                stem = "can" if stem == "ca" else "will"
            return (stem, full)
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("'"):
        low = low[:-1]
    if "-" in low:
        out: list[str] = []
        for part in low.split("-"):
            if part:
                out.extend(fold_token(part))
        return tuple(out)
    if low in _NUMBERS:
        return (_NUMBERS[low],)
    if low in _SPELLING:
        return (_SPELLING[low],)
    low = low.replace(",", "")
    # British -ise/-isation and -our spellings, folded the same way on both sides.
    if len(low) > 5:
        m = _ISE.search(low)
        if m and (low[: m.start()] + "ise") not in _ISE_NOT_BRITISH and m.start() >= 4:
            low = low[: m.start()] + "iz" + m.group(1)
        if low.endswith("our") and len(low) >= 6:
            low = low[:-3] + "or"
        elif low.endswith(("tre", "bre")) and len(low) >= 6:
            low = low[:-2] + "er"
    return (low,)


_UNITED_STATES = re.compile(r"\bUnited States\b")
_UNITED_KINGDOM = re.compile(r"\bUnited Kingdom\b")


@lru_cache(maxsize=65536)
def comparison_tokens(text: str) -> tuple[str, ...]:
    """Tokens of ``text`` with reader-invisible differences folded away."""
    text = text.replace("’", "'").replace("‘", "'")
    text = text.replace("per cent", "percent")
    if "United" in text:
        text = _UNITED_STATES.sub("US", text)
        text = _UNITED_KINGDOM.sub("UK", text)
    # Each word's folded tokens, the empty ones left out: in C (map, chain, filter), not a
    # Python step per word.
    out = list(filter(None, chain.from_iterable(map(fold_token, WORD_TOKEN.findall(text)))))
    return tuple(_join_numbers(out))


_MULTIPLIERS = {"100": 100, "1000": 1000, "1000000": 1000000, "1000000000": 1000000000}


def _join_numbers(tokens: list[str]) -> list[str]:
    """Numbers written in words, read as one number: "forty thousand" -> "40000"."""
    if _MULTIPLIERS.keys().isdisjoint(tokens):
        return tokens
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and tokens[j].isdigit():
            j += 1
        run = tokens[i:j]
        if len(run) > 1 and any(t in _MULTIPLIERS for t in run[1:]):
            total = current = 0
            for t in run:
                value = int(t)
                if t in _MULTIPLIERS:
                    current = max(current, 1) * value
                    if value >= 1000:
                        total, current = total + current, 0
                else:
                    current += value
            out.append(str(total + current))
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def normalized(text: str) -> str:
    return " ".join(comparison_tokens(text))


def word_count(text: str, most: Optional[int] = None) -> int:
    """The words of ``text``; with ``most``, counted only up to ``most`` (a rule that asks
    whether a quote has more than a dozen words need not find all of a long one's)."""
    if most is None:
        return len(WORD_TOKEN.findall(text))
    n = 0
    for _ in WORD_TOKEN.finditer(text):
        n += 1
        if n >= most:
            break
    return n


def has_words(text: str) -> bool:
    return WORD_TOKEN.search(text) is not None
