"""Tokens of an article's body with its quoted words masked out, numbered by
paragraph and sentence."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from ..lexicon import dot_ends_no_sentence
from ..models import Quote
from .function_words import CLOSE_MARKS, OPEN_MARKS

MASK = "\ue000"
TOKEN = re.compile(
    r"(?P<q>\ue000+)|(?P<nl>\n)|(?P<w>[^\W_]+(?:[’'.\-&+][^\W_]+)*)|(?P<p>[^\s\ue000])",
    re.UNICODE,
)
INITIALS_DOT = re.compile(r"(?:[A-Z]\.){2,}")
INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]$")  # "G.K" of "G.K. Butterfield"


class Tok:
    """A token of the masked article text. Plain slotted class: there are many."""

    __slots__ = ("text", "start", "end", "kind", "low", "para", "sent", "is_cap")

    # Defaults: compiled with mypyc, Tok.__new__ (see tokenize) runs __init__ with no arguments.
    def __init__(self, text: str = "", start: int = 0, end: int = 0, kind: str = "", low: str = ""):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # "w" word, "p" punctuation, "q" masked quote, "nl" line break
        self.low = low
        self.para = 0
        self.sent = 0
        self.is_cap = kind == "w" and text[0].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.kind})"


def mask_quotes(text: str, quotes: Sequence[Quote]) -> str:
    parts: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start < pos:
            continue
        parts.append(text[pos : q.start])
        parts.append(MASK * (q.end - q.start))
        pos = q.end
    parts.append(text[pos:])
    return "".join(parts)


# The same tokens with the white space before each: findall is several times cheaper
# per token than finditer's match objects, and offsets follow from the lengths. Words
# first, the commonest; a word is tried before the one-character catch-all. The repeats are
# possessive (``*+``, ``++``): giving back a character never lets a match succeed here (what
# follows each repeat cannot start with what it repeats), so the tokens are the same, and
# the engine keeps no backtracking state for them (a tenth less time in findall).
_SPACED = re.compile(r"([^\S\n]*+)(?:([^\W_]++(?:[’'.\-&+][^\W_]++)*+)|([^\s\ue000])|(\n)|(\ue000++))", re.UNICODE)


def tokenize(masked: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``masked[start:end]`` (see TOKEN), a dot after an abbreviation
    or initial joined to its word."""
    # Tokens are built field by field rather than through Tok.__init__ (the same values,
    # without a call per token: an article has thousands). Tok.__new__ is object.__new__ in
    # Python; compiled with mypyc, where object.__new__ is refused, it is the class's own.
    toks: list[Tok] = []
    append = toks.append
    new = Tok.__new__
    prev = None
    pos = start
    for space, word, punct, newline, quote in _SPACED.findall(masked, start, end):
        s = pos + len(space) if space else pos
        if word:
            pos = s + len(word)
            prev = new(Tok)
            prev.text = word
            prev.start = s
            prev.end = pos
            prev.kind = "w"
            # Most words are in lower case already: the word itself, not a copy that lower()
            # would make (islower() is true only where lower() changes nothing), and no capital
            # first (where islower() is true, no letter is upper case).
            if word.islower():
                prev.low = word
                prev.is_cap = False
            else:
                prev.low = word.lower()
                prev.is_cap = word[0].isupper()
            prev.para = prev.sent = 0
            append(prev)
            continue
        if punct:
            text, kind = punct, "p"
            if text == "." and prev is not None and prev.kind == "w" and prev.end == s and (
                dot_ends_no_sentence(prev.text) or INITIALS.match(prev.text)
            ):
                # "U.S.", "Mr.", "J.": the dot belongs to the word and ends no sentence.
                prev.text += "."
                prev.end = pos = s + 1
                continue
        elif newline:
            text, kind = newline, "nl"
        else:
            text, kind = quote, "q"
        pos = s + len(text)
        prev = new(Tok)
        prev.text = text
        prev.start = s
        prev.end = pos
        prev.kind = kind
        prev.low = text.lower()
        prev.para = prev.sent = 0
        prev.is_cap = False
        append(prev)
    return toks


def segment(toks: list[Tok], enders: frozenset[int] = frozenset()) -> dict[int, tuple[int, int]]:
    """Number paragraphs and sentences in place; return each sentence's token range
    (from its first token to its last that is not a line break). ``enders``: start
    offsets of masked quotes whose words end a sentence ("“… a failed plan.” Roe
    left"): a capitalised word after one (and its closing marks) starts a new sentence."""
    para = sent = 0
    n = len(toks)
    prev_nl = False
    bounds: dict[int, tuple[int, int]] = {}
    first = last = -1  # the current sentence's first and last tokens
    close_at = -1  # the closing mark after a quote that ends its sentence
    for i, t in enumerate(toks):
        kind = t.kind
        if kind == "nl":
            if not prev_nl and i + 1 < n and not soft_wrap(toks, i):
                if first >= 0:
                    bounds[sent] = (first, last + 1)
                    first = -1
                para += 1
                sent += 1
            t.para = para
            t.sent = sent
            prev_nl = True
            continue
        prev_nl = False
        t.para = para
        t.sent = sent
        if first < 0:
            first = i
        last = i
        if kind == "q" and t.start in enders:
            j = i + 1
            while j < n and j < i + 4 and toks[j].kind == "p" and toks[j].text in _CLOSERS:
                j += 1
            if j < n and toks[j].is_cap:
                close_at = j - 1
        if (kind == "p" and t.text in ".!?" and ends_sentence(toks, i)) or i == close_at:
            bounds[sent] = (first, i + 1)
            first = -1
            sent += 1
    if first >= 0:
        bounds[sent] = (first, last + 1)
    return bounds


def soft_wrap(toks: Sequence[Tok], i: int) -> bool:
    """A line break inside a sentence (hard-wrapped text)."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is None or nxt is None or nxt.kind != "w" or prev.kind not in ("w",):
        return False
    return nxt.text[:1].islower()


_CLOSERS = frozenset(CLOSE_MARKS | {")"})


def ends_sentence(toks: list[Tok], i: int) -> bool:
    j = i + 1
    while j < len(toks) and toks[j].kind == "p" and toks[j].text in _CLOSERS:
        j += 1
    if j >= len(toks) or toks[j].kind in ("nl", "q"):
        return True
    nxt = toks[j]
    if nxt.kind == "p" and nxt.text in OPEN_MARKS:
        return True
    if not nxt.text[:1].isupper():
        return False
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "w":
        if dot_ends_no_sentence(prev.text):
            return False
    return True


def token_at(toks: Sequence[Tok], start: int) -> int:
    """The index of the token that starts at ``start`` (by bisection), or -1."""
    k = bisect.bisect_left(toks, start, key=tok_start)
    return k if k < len(toks) and toks[k].start == start else -1


def tok_start(t: Tok) -> int:
    """A token's start offset: the key for bisecting a token list by offset."""
    return t.start
