"""Who is quoted in a headline.

A headline names its speaker in one of two ways, both conventions of news
copy everywhere: the name and a colon before what they said (Mayor Roe: Bridge
Plan ‘Dead in the Water’), or the name as the subject of a present-tense
speech verb, before or after the quoted words (Roe Calls Bridge Plan ‘Dead’;
Bridge Plan Is ‘Dead,’ Roe Tells Council). Headline words are all capitalised,
so the name is read up to the colon or the verb, and it must be a person or
organisation the article's body names (“Report:” or “Poll:” names nobody):
a headline alone never makes up a speaker.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..lexicon import SPEECH_VERBS, TITLES
from ..models import Article
from .people import People

# A plain-text article's first line is read as its headline when it is a paragraph of its own
# of at most this many words (a first paragraph that runs on is the lede).
HEADLINE_WORDS = 30
# At most this many words in a headline's name (titles aside).
MAX_NAME_WORDS = 4
# Words a headline may set between its subject and the speech verb ("Roe Is Now Calling …").
_BETWEEN = frozenset("is was has have had now just again also still finally".split())
# Headline words are checked this far before or after the quote (characters): a bound per quote.
WINDOW = 200

_WORD = re.compile(r"[^\W_][\w.'’-]*")


def _name_words(words: Sequence[str]) -> list[str]:
    """The words of a capitalised run, less leading titles ("Sen.", "Former"); [] when one
    of them is not capitalised or the run is too long to be a name."""
    out = list(words)
    while out and out[0].lower().rstrip(".") in TITLES:
        out = out[1:]
    if not out or len(out) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in out):
        return []
    return out


def _verb_at(words: Sequence[str]) -> int:
    """Index of the first word that is a speech verb (not the first word), else -1."""
    for i, w in enumerate(words):
        if i and w.lower() in SPEECH_VERBS:
            return i
    return -1


def _subject_before_verb(words: Sequence[str]) -> list[str]:
    v = _verb_at(words)
    if v < 0:
        return []
    j = v
    while j > 0 and words[j - 1].lower() in _BETWEEN:
        j -= 1
    return _name_words(words[:j])


def headline_line(article: Article) -> Optional[tuple[int, int]]:
    """[start, end) of the body's first line when it reads as a headline: a short paragraph
    of its own. (A title ingest sets apart before the body holds no quotes to attribute.)"""
    text, lo, end = article.text, article.body_start, article.body_end
    while lo < end and text[lo].isspace():
        lo += 1
    hi = text.find("\n", lo, end)
    if hi < 0 or not text[hi:end].strip():
        return None  # a one-line article: no headline to tell apart
    nxt = text.find("\n", hi + 1, end)
    if text[hi + 1 : nxt if nxt >= 0 else end].strip():
        return None  # the next line is not blank: the first line opens a paragraph
    if len(text[lo:hi].split()) > HEADLINE_WORDS:
        return None
    return lo, hi


def headline_speaker(text: str, lo: int, hi: int, open_at: int, close_at: int, people: People) -> Optional[str]:
    """The speaker of the headline quote whose marks open at ``open_at`` and whose words end
    at ``close_at`` (offsets into ``text``; the headline is ``text[lo:hi]``), as the body's
    name for them, or None."""
    before = text[max(lo, open_at - WINDOW) : open_at]
    after = text[close_at + 1 : min(hi, close_at + 1 + WINDOW)]
    names: list[list[str]] = []
    head, colon, _ = before.partition(":")
    if colon:
        names.append(_name_words(_WORD.findall(head)))  # "Roe: Plan ‘Dead’"
    else:
        names.append(_subject_before_verb(_WORD.findall(before)))  # "Roe Calls Plan ‘Dead’"
    names.append(_subject_before_verb(_WORD.findall(after.partition(":")[0])))  # "Plan Is ‘Dead,’ Roe Tells Council"
    for words in names:
        if words:
            found = people.by_name(words, hi)
            if found:
                return found
    return None
