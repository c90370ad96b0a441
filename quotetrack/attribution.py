"""Attributing quotes to speakers.

For each quote, the sentence around it is read with the quoted words masked
out, so that verbs inside quotes never count. A speech cue is looked for in
this order: right after the closing mark (``,” Emanuel said`` or ``,” said
Emanuel``), right before the opening mark (``Emanuel stressed, adding:``,
``according to Okafor,``), then anywhere else in the sentence. The speaker
mention (a name, a title and name, a role such as "the ambassador", a
pronoun, or an organisation) is then resolved against the people the article
names, with their titles and appositions ("Rahm Emanuel, the US ambassador to
Japan,"). A quote with no cue of its own continues the previous speaker.

Finally ``canonicalize_speakers`` merges names across articles ("Emanuel",
"Ambassador Emanuel", "Rahm Emanuel"), with jellyfish for spelling variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, Sequence

import jellyfish

from .lexicon import (
    ABBREVIATIONS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    GROUP_NOUNS,
    NOT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TIME_WORDS,
    TITLES,
)
from .models import FULL, PARTIAL, TERM, Article, Quote
from .quotes import LineIndex

MASK = "\ue000"
_TOKEN = re.compile(
    r"(?P<q>\ue000+)|(?P<nl>\n)|(?P<w>[^\W_]+(?:[’'.\-&+][^\W_]+)*)|(?P<p>[^\s\ue000])",
    re.UNICODE,
)
_INITIALS_DOT = re.compile(r"(?:[A-Z]\.){2,}")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]$")  # "G.K" of "G.K. Butterfield"
_OPEN_MARKS = set("“„«\"'‘")
_CLOSE_MARKS = set("”»\"'’“")
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "one", "another"}
_BEFORE_SUBJECT = {"and", "but", "so", "what", "who", "that", "which", "as", "when", "where", "because", "if", "while", "then", "though", "although"}
_LEADING_FUNCTION_WORDS = {
    "in", "on", "at", "after", "before", "when", "while", "since", "during", "by", "for", "from", "with", "as",
    "if", "but", "and", "so", "then", "this", "that", "yet", "still", "also", "now", "later", "earlier",
}
_NOMINATIVE = {"he", "she", "they", "we", "i"}
_S_CONTRACTIONS = {"he", "she", "it", "that", "who", "what", "there", "here", "where", "let"}
_NOT_HEADS = {"once", "also", "then", "now", "still", "never", "which", "who", "that", "there", "here", "just", "even", "again", "too"}
# Auxiliaries between a subject and its verb: "Trump is promising", "Clinton had mocked".
_AUXILIARIES = {"is", "was", "are", "were", "has", "had", "have", "will", "would", "has", "been", "be", "also", "again",
                "now", "then", "not", "never", "did", "does", "do", "could", "can", "may", "might", "should", "just", "later"}
_NAME_CONNECTORS = {"de", "da", "di", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "dos", "ibn"}
_TITLE_CONNECTORS = {"of", "to", "for"}
_PREPOSITIONS = {"for", "of", "at", "with", "from", "in", "on"}
_LEAD_PUNCT = set(",.!?—–-:;…")


class Tok:
    """A token of the masked article text. Plain slotted class: there are many."""

    __slots__ = ("text", "start", "end", "kind", "low", "para", "sent", "is_cap")

    def __init__(self, text: str, start: int, end: int, kind: str, low: str):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # "w" word, "p" punctuation, "q" masked quote, "nl" line break
        self.low = low
        self.para = 0
        self.sent = 0
        self.is_cap = kind == "w" and text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.kind})"


@dataclass
class Person:
    name: str  # full name as written, titles stripped
    surname: str
    roles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # character offsets
    gender: str = ""  # "m", "f" or "" when nothing says

    def fits(self, pronoun: str) -> bool:
        want = PRONOUNS.get(pronoun, "")
        return not self.gender or want not in ("m", "f") or self.gender == want


def _gender(first: str, words: Iterable[str]) -> str:
    low = {w.lower().rstrip(".") for w in words}
    if low & MALE_WORDS:
        return "m"
    if low & FEMALE_WORDS:
        return "f"
    first = first.lower()
    if first in MALE_FIRST_NAMES:
        return "m"
    if first in FEMALE_FIRST_NAMES:
        return "f"
    return ""


@dataclass(frozen=True)
class Mention:
    """A speaker as the article names them, before resolution."""

    text: str
    start: int
    end: int
    kind: str  # name, role, pronoun, org
    head: str  # name tokens, role noun, pronoun or organisation phrase


@dataclass(frozen=True)
class Cue:
    verb: str
    mention: Mention


# --------------------------------------------------------------------------- tokens


def _masked(text: str, quotes: Sequence[Quote]) -> str:
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


def tokenize(masked: str, start: int, end: int) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN.finditer(masked, start, end):
        kind = m.lastgroup or "p"
        t = m.group()
        if t == "." and toks:
            prev = toks[-1]
            if prev.kind == "w" and prev.end == m.start() and (
                prev.low in ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()) or _INITIALS.match(prev.text)
            ):
                # "U.S.", "Mr.", "J.": the dot belongs to the word and ends no sentence.
                prev.text += "."
                prev.end = m.end()
                continue
        toks.append(Tok(t, m.start(), m.end(), kind, t.lower()))
    return toks


def _segment(toks: list[Tok]) -> dict[int, tuple[int, int]]:
    """Number paragraphs and sentences in place; return each sentence's token range."""
    para = sent = 0
    n = len(toks)
    prev_nl = False
    bounds: dict[int, tuple[int, int]] = {}
    for i, t in enumerate(toks):
        if t.kind == "nl":
            if not prev_nl and i + 1 < n and not _soft_wrap(toks, i):
                para += 1
                sent += 1
            t.para, t.sent = para, sent
            prev_nl = True
            continue
        prev_nl = False
        t.para, t.sent = para, sent
        b = bounds.get(sent)
        bounds[sent] = (i, i + 1) if b is None else (b[0], i + 1)
        if t.kind == "p" and t.text in ".!?" and _ends_sentence(toks, i):
            sent += 1
    return bounds


def _soft_wrap(toks: list[Tok], i: int) -> bool:
    """A line break inside a sentence (hard-wrapped text)."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is None or nxt is None or nxt.kind != "w" or prev.kind not in ("w",):
        return False
    return nxt.text[:1].islower()


def _ends_sentence(toks: list[Tok], i: int) -> bool:
    j = i + 1
    while j < len(toks) and toks[j].kind == "p" and toks[j].text in _CLOSE_MARKS | {")"}:
        j += 1
    if j >= len(toks) or toks[j].kind in ("nl", "q"):
        return True
    nxt = toks[j]
    if nxt.kind == "p" and nxt.text in _OPEN_MARKS:
        return True
    if not nxt.text[:1].isupper():
        return False
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "w":
        if prev.low in ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()):
            return False
    return True


# --------------------------------------------------------------------------- people


def _is_name_token(t: Tok) -> bool:
    if not t.is_cap:
        return False
    bare = t.text.rstrip(".")
    if bare.endswith(("’s", "'s")):
        bare = bare[:-2]
    if bare in NOT_NAMES:
        return False
    if t.low.rstrip(".") in TITLES:
        return False
    if _INITIALS_DOT.fullmatch(t.text) or (len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()):
        return True  # "G.K." in "G.K. Butterfield", "T." in "Peter T. King"
    if t.text.isupper() and len(t.text) > 1:  # acronyms: US, AP, NATO
        return False
    if any(ch.isdigit() for ch in t.text):
        return False
    return True


def _split_run(run: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """(title tokens, name tokens) of a capitalised run: the name is its tail, or,
    in "Rep. Elijah Cummings of Maryland", the part before a short "of" place."""
    for c in range(len(run) - 2, 0, -1):
        if run[c].low in ("of", "from") and len(run) - c - 1 <= 3:
            titles, name = _split_run(run[:c])
            if len(name) >= 2 and _is_name_token(run[c - 1]):
                return titles, name
            break
    k = len(run)
    while k > 0 and (_is_name_token(run[k - 1]) or (run[k - 1].low in _NAME_CONNECTORS and k < len(run))):
        k -= 1
    name = run[k:]
    while name and name[0].low in _NAME_CONNECTORS:
        name = name[1:]
    if len(name) > 3:
        name = name[-3:]
    return run[: len(run) - len(name)], name


def _cap_runs(toks: Sequence[Tok]) -> Iterable[tuple[int, int]]:
    """Index ranges of capitalised runs, joined by title connectors (of, to, for)."""
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].is_cap:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if t.is_cap:
                j += 1
            elif (
                t.kind == "w"
                and (t.low in _TITLE_CONNECTORS or t.low in _NAME_CONNECTORS)
                and j + 1 < n
                and toks[j + 1].is_cap
            ):
                j += 2
            else:
                break
        yield i, j
        i = j


def _role_words(words: Iterable[str]) -> set[str]:
    roles = set()
    for w in words:
        for part in w.lower().rstrip(".").split("-"):
            if part in ROLE_NOUNS:
                roles.add(part)
    return roles


class People:
    """The people an article names, with their titles and roles."""

    def __init__(self, toks: Sequence[Tok]):
        self.persons: dict[str, Person] = {}
        self.surname_index: dict[str, list[Person]] = {}
        # Words the article writes in lower case: "Rival" opening a sentence is not a first name.
        self.common = {t.low for t in toks if t.kind == "w" and not t.is_cap}
        for i, j in _cap_runs(toks):
            run = list(toks[i:j])
            titles, name = _split_run(run)
            if name and name[0] is run[0] and (i == 0 or toks[i - 1].kind != "w"):
                while name and name[0].low in self.common:
                    name = name[1:]
            if not name:
                continue
            before = [t.low for t in toks[max(0, i - 3) : i] if t.kind == "w"]
            roles = _role_words([t.text for t in titles]) | _role_words(before[-2:])
            roles |= self._apposition_roles(toks, j)
            if len(name) >= 2:
                person = self._add(" ".join(t.text for t in name), roles, name[0].start)
                if not person.gender:
                    person.gender = _gender(name[0].text, [t.text for t in titles] + before[-2:] + sorted(roles))
            else:
                p = self._by_surname(name[0].text, name[0].start)
                if p is not None:
                    p.roles |= roles
        # A surname on its own ("Okafor said") is a mention of the one person of that
        # name named most recently before it (or first after it).
        for k, t in enumerate(toks):
            if t.kind == "w" and t.text in self.surname_index and not (k > 0 and toks[k - 1].is_cap):
                p = _nearest(self.surname_index[t.text], t.start)
                if t.start not in p.mentions:
                    p.mentions.append(t.start)
        for p in self.persons.values():
            p.mentions.sort()
        # Mentions in subject position ("Obama said", "..., Trump called"): what a later
        # "he" most likely refers to, rather than a name in passing ("than Lincoln").
        index = {t.start: k for k, t in enumerate(toks)}
        self.subjects: set[int] = set()
        for p in self.persons.values():
            for m in p.mentions:
                k = index.get(m)
                if k is not None and _in_subject_position(toks, k):
                    self.subjects.add(m)

    @staticmethod
    def _apposition_roles(toks: Sequence[Tok], j: int) -> set[str]:
        """Roles in ``NAME, the US ambassador to Japan,`` right after a name."""
        if j >= len(toks) or toks[j].text != ",":
            return set()
        words = []
        for t in toks[j + 1 : j + 14]:
            if t.kind != "w" or t.low in ("who", "which", "said", "says"):
                break
            words.append(t.text)
        if not words or words[0].lower() not in _DETERMINERS and not _role_words(words[:1]):
            return set()
        return _role_words(words)

    def _add(self, name: str, roles: set[str], offset: int) -> Person:
        p = self.persons.get(name)
        if p is None:
            p = Person(name, name.split()[-1])
            self.persons[name] = p
            self.surname_index.setdefault(p.surname, []).append(p)
        p.roles |= roles
        p.mentions.append(offset)
        return p

    def note_speaker(self, name: str, offset: int) -> None:
        """A speaker counts as mentioned where they speak; one the article names by a
        single word ("Melanie said") becomes a person later pronouns can refer to."""
        p = self.persons.get(name)
        if p is None:
            if not name[:1].isupper() or len(name.split()) > 3:
                return  # a description ("the ambassador") or an organisation phrase
            p = Person(name, name.split()[-1], gender=_gender(name.split()[0], ()))
            self.persons[name] = p
            self.surname_index.setdefault(p.surname, []).append(p)
        if offset not in p.mentions:
            p.mentions.append(offset)
            p.mentions.sort()

    def fits(self, name: str, pronoun: str) -> bool:
        p = self.persons.get(name)
        return p is None or p.fits(pronoun)

    def _by_surname(self, word: str, offset: int) -> Optional[Person]:
        cands = self.surname_index.get(word)
        if not cands:
            return None
        return _nearest(cands, offset)

    def by_name(self, tokens: Sequence[str], offset: int) -> Optional[str]:
        name = " ".join(tokens)
        if name in self.persons:
            return name
        if len(tokens) > 1 and tokens[0].lower() in self.common:
            return self.by_name(tokens[1:], offset)  # "Rival Hillary Clinton"
        if len(tokens) == 1:
            p = self._by_surname(tokens[0], offset)
            if p is None:
                # A first name on its own ("Rahm said").
                cands = [q for q in self.persons.values() if q.name.split()[0] == tokens[0]]
                p = _nearest(cands, offset) if cands else None
            return p.name if p else None
        return None

    def by_surname_and_roles(self, surname: str, roles: set[str], offset: int) -> Optional[str]:
        cands = [p for p in self.surname_index.get(surname, ()) if p.roles & roles]
        return _nearest(cands, offset).name if cands else None

    def by_role(self, role: str, offset: int) -> Optional[str]:
        cands = [p for p in self.persons.values() if role in p.roles]
        return _nearest(cands, offset).name if cands else None

    def last_mention_offset(self, name: str, offset: int) -> int:
        p = self.persons.get(name)
        if p is None:
            return -1
        before = [m for m in p.mentions if m < offset]
        return before[-1] if before else -1

    def last_mentioned(self, offset: int, pronoun: str = "", subjects_only: bool = False) -> Optional[str]:
        """The person named last before ``offset`` whom ``pronoun`` can refer to;
        someone known to match the pronoun's gender wins over someone unknown
        named a little later (within a few sentences)."""
        want = PRONOUNS.get(pronoun, "")
        best, best_at, known, known_at = None, -1, None, -1
        for p in self.persons.values():
            if pronoun and not p.fits(pronoun):
                continue
            for m in p.mentions:
                if m < offset and (not subjects_only or m in self.subjects):
                    if m > best_at:
                        best, best_at = p.name, m
                    if p.gender and p.gender == want and m > known_at:
                        known, known_at = p.name, m
        if known is not None and best_at - known_at < 600:
            return known
        return best


_DOCUMENTS = frozenset("statement report release letter email e-mail tweet post memo document filing ad advertisement video clip website".split())


def _is_document(speaker: str) -> bool:
    """A speaker that is a text, not a person ("a statement"): no "he" or "she" refers to it."""
    return speaker.split()[-1].lower().strip(".,") in _DOCUMENTS


_NOT_VERBS_AFTER_NAME = frozenset("of and or in on at to for with from by than as who which that whose".split())


def _in_subject_position(toks: Sequence[Tok], k: int) -> bool:
    """A name at k that opens its clause and is followed by a verb-like word."""
    j = k
    while j < len(toks) and toks[j].is_cap:
        j += 1
    i = k
    while i > 0 and (toks[i - 1].is_cap or toks[i - 1].low in ROLE_NOUNS or toks[i - 1].low in TITLES):
        i -= 1  # "..., councillor David Okafor, has ..."
    before_ok = i == 0 or toks[i - 1].kind in ("nl", "q") or toks[i - 1].text in (",", ";", ":", "”", '"', "—") or toks[i - 1].low in ("and", "but", "that", "when", "while", "as")
    if i > 0 and toks[i - 1].kind == "p" and toks[i - 1].text in ".!?":
        before_ok = True
    after_ok = j < len(toks) and toks[j].kind == "w" and not toks[j].is_cap and toks[j].low not in _NOT_VERBS_AFTER_NAME
    if j < len(toks) and toks[j].text == ",":
        after_ok = True  # an apposition follows: "Obama, the president, said"
    return before_ok and after_ok


def _nearest(cands: Sequence[Person], offset: int) -> Person:
    """The candidate mentioned most recently before ``offset``, else first after it."""

    def key(p: Person) -> tuple[int, int]:
        before = [m for m in p.mentions if m < offset]
        if before:
            return (0, offset - before[-1])
        return (1, (p.mentions[0] - offset) if p.mentions else 1 << 30)

    return min(cands, key=key)


# --------------------------------------------------------------------------- mentions


def _mention(toks: Sequence[Tok], i: int, j: int, kind: str, head: str) -> Mention:
    return Mention(" ".join(t.text for t in toks[i:j]), toks[i].start, toks[j - 1].end, kind, head)


def _pronoun(t: Tok) -> Optional[str]:
    """The pronoun a token is ("He", "she", "He’s" as in "He’s claiming"), or None."""
    low = t.low
    if low in PRONOUNS:
        return low
    if low.endswith(("’s", "'s")) and low[:-2] in ("he", "she"):
        return low[:-2]
    return None


def _subject_of_verb(toks: Sequence[Tok], v: int, lo: int) -> Optional[Mention]:
    """The subject of the verb at ``v``, looking past auxiliaries and an adverb."""
    j = v
    while j - 1 > lo and toks[j - 1].kind == "w" and (toks[j - 1].low in _AUXILIARIES or toks[j - 1].low.endswith("ly")) and j > v - 4:
        j -= 1
    subj = _np_ending_at(toks, j, lo)
    if subj is None and j != v:
        subj = _np_ending_at(toks, v, lo)
    return subj


def _after_preposition(toks: Sequence[Tok], np: Mention, lo: int) -> bool:
    """Whether the phrase directly follows "of", "from", "in" or "at"."""
    for k in range(lo, len(toks)):
        if toks[k].start == np.start:
            return k > lo and toks[k - 1].low in ("of", "from", "in", "at")
    return False


def _np_ending_at_word(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """Like _np_ending_at, but only a phrase ending in a word (no nested apposition)."""
    if j - 1 < lo or toks[j - 1].kind != "w":
        return None
    return _np_ending_at(toks, j, lo)


def _np_ending_at(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """The noun phrase that ends just before token ``j`` (a verb's subject)."""
    if j - 1 < lo:
        return None
    last = toks[j - 1]
    if last.text == ")" and j - 2 >= lo:
        # A parenthesis between name and verb: "Rep. Gwen Moore (D-Wis.) said".
        k = j - 2
        while k >= lo and k > j - 10 and toks[k].text != "(":
            k -= 1
        if k > lo and toks[k].text == "(":
            return _np_ending_at(toks, k, lo)
        return None
    if last.kind != "w":
        if last.text == "," and j - 2 >= lo:
            # An apposition: "Rahm Emanuel, the US ambassador to Japan, said". It may hold
            # commas of its own ("the head of the Acquisition, Technology and Logistics
            # Agency"): prefer the nearest comma with a person's name before it.
            fallback = None
            k = j - 2
            while k >= lo and k > j - 6 and toks[k].is_cap:
                k -= 1
            if k < j - 2 and k >= lo and toks[k].text == ",":
                inner = _np_ending_at_word(toks, j - 1, k + 1)
                if inner is not None and inner.kind == "name":
                    return inner  # "Apple's chief executive, Tim Cook, called"
            k = j - 2
            while k >= lo and k > j - 40 and toks[k].kind not in ("q", "nl"):
                if toks[k].text == ",":
                    np = _np_ending_at_word(toks, k, lo)
                    if np is not None and _after_preposition(toks, np, lo):
                        np = None  # ", of Springfield, Va.,": a place, not the speaker
                    if np is not None and np.kind in ("name", "pronoun"):
                        return np
                    fallback = fallback or np
                k -= 1
            return fallback
        return None
    pron = _pronoun(last)
    if pron and (pron in _NOMINATIVE or j - 2 < lo or toks[j - 2].kind != "w" or toks[j - 2].low in _BEFORE_SUBJECT):
        return _mention(toks, j - 1, j, "pronoun", pron)
    if last.is_cap:
        i = j - 1
        while i - 1 >= lo and (
            toks[i - 1].is_cap
            or (toks[i - 1].low in _TITLE_CONNECTORS | _NAME_CONNECTORS and i - 2 >= lo and toks[i - 2].is_cap)
        ):
            i -= 1
        while i < j - 1 and toks[i].low in _LEADING_FUNCTION_WORDS:
            i += 1  # "In August", "When Trump": not part of the name
        if toks[i].low in _LEADING_FUNCTION_WORDS or toks[i].low in TIME_WORDS:
            return None
        if i - 2 >= lo and toks[i - 1].low in _TITLE_CONNECTORS and toks[i - 2].kind == "w" and not toks[i - 2].is_cap:
            # "the U.S. ambassador to Japan said": a description ending in a place.
            desc = _description_ending(toks, i - 1, j, lo)
            if desc is not None:
                return desc
        if i - 1 >= lo and toks[i - 1].low == "the":
            i -= 1
        run = [t for t in toks[i:j] if t.low != "the" or t is not toks[i]]
        _titles, name = _split_run(run)
        if name:
            return _mention(toks, i, j, "name", " ".join(t.text for t in name))
        return _mention(toks, i, j, "org", " ".join(t.text for t in toks[i:j]))
    # A description: "the ambassador", "a spokesman for the campaign", "officials",
    # "Gary Johnson's doctor".
    i = j - 1
    while i >= lo and i > j - 12:
        t = toks[i]
        if t.kind != "w":
            break
        if t.is_cap and t.low not in _DETERMINERS:
            if t.low.endswith(("’s", "'s")):
                k = i
                while k - 1 >= lo and toks[k - 1].is_cap:
                    k -= 1
                head = _description_head(toks, i + 1, j)
                return _mention(toks, k, j, "role", head) if head else None
            break
        if t.low in _AUXILIARIES:
            return None  # "The scheme was delivered ...": a clause, not a description
        if t.low in _DETERMINERS:
            if last.low in _PREPOSITIONS or last.low in ("by", "to", "than", "as"):
                return None
            if i - 1 >= lo and toks[i - 1].low in _PREPOSITIONS:
                i -= 2
                continue
            head = _description_head(toks, i + 1, j)
            return _mention(toks, i, j, "role", head) if head else None
        if t.low in SPEECH_VERBS:
            return None
        i -= 1
    if last.low in GROUP_NOUNS and last.low.endswith("s"):
        return _mention(toks, j - 1, j, "role", last.low)
    return None


def _description_ending(toks: Sequence[Tok], k: int, j: int, lo: int) -> Optional[Mention]:
    """A description "the <role> <prep> <Place>" whose preposition is at ``k``."""
    i = k - 1
    while i >= lo and i > k - 8 and toks[i].kind == "w":
        if toks[i].low in _DETERMINERS:
            head = _description_head(toks, i + 1, k)
            return _mention(toks, i, j, "role", head) if head else None
        i -= 1
    return None


def _description_head(toks: Sequence[Tok], i: int, j: int) -> Optional[str]:
    """The noun heading a description: a known role or group noun, else the last
    word before any preposition ("the announcer", "the New York businessman")."""
    last = None
    for t in toks[i:j]:
        if t.low in _PREPOSITIONS or t.kind != "w":
            break
        for part in t.low.split("-"):
            if part in ROLE_NOUNS or part in GROUP_NOUNS:
                return part
        last = t
    if (
        last is not None
        and not last.is_cap
        and last.low not in SPEECH_VERBS
        and last.low not in _NOT_HEADS
        and not last.low.endswith("ly")
        and len(last.low) > 2
    ):
        return last.low
    return None


def _np_starting_at(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """A noun phrase starting at ``i`` (subject after a quote, or object of an inverted verb)."""
    if i >= hi:
        return None
    t = toks[i]
    if t.kind != "w":
        return None
    if _pronoun(t):
        return _mention(toks, i, i + 1, "pronoun", _pronoun(t) or t.low), i + 1
    if t.is_cap and t.low not in ("the",):
        j = i
        while j < hi and (
            toks[j].is_cap
            or (toks[j].low in _TITLE_CONNECTORS | _NAME_CONNECTORS and j + 1 < hi and toks[j + 1].is_cap)
            # "MSNBC host Chris Matthews", "state Del. Marcia Price": a role word between names
            or (
                j > i
                and (toks[j].low in ROLE_NOUNS or toks[j].low in TITLES)
                and j + 1 < hi
                and toks[j + 1].is_cap
            )
        ):
            j += 1
        _titles, name = _split_run(list(toks[i:j]))
        if name:
            return _mention(toks, i, j, "name", " ".join(n.text for n in name)), j
        if toks[i].low in TIME_WORDS:
            return None
        return _mention(toks, i, j, "org", " ".join(x.text for x in toks[i:j])), j
    if t.low in _DETERMINERS:
        # Up to the speech verb: "the ambassador said", "a spokesman for the company told".
        j = i + 1
        while j < hi and j < i + 10 and toks[j].kind == "w" and toks[j].low not in SPEECH_VERBS:
            j += 1
        if j < hi and toks[j].low in SPEECH_VERBS:
            k = j
            if toks[j - 1].low.endswith("ly") and j - 1 > i:
                k = j - 1
            head = _description_head(toks, i + 1, k)
            if head:
                return _mention(toks, i, k, "role", head), k
        elif j > i + 1 and (j >= hi or toks[j].kind == "p"):
            # "... said the U.S. ambassador.": a description that ends the clause.
            head = _description_head(toks, i + 1, j)
            if head and (head in ROLE_NOUNS or head in GROUP_NOUNS):
                return _mention(toks, i, j, "role", head), j
    if t.low in GROUP_NOUNS and t.low.endswith("s"):
        return _mention(toks, i, i + 1, "role", t.low), i + 1
    return None


# --------------------------------------------------------------------------- cues


def _is_verb(t: Tok) -> bool:
    return t.kind == "w" and t.low in SPEECH_VERBS and t.text[:1].islower()


def _used_as_noun(toks: Sequence[Tok], v: int) -> bool:
    """A speech word after a determiner or a possessive is a noun ("his tweets")."""
    if v == 0:
        return False
    prev = toks[v - 1]
    if prev.low in _DETERMINERS or (prev.low.endswith(("’s", "'s")) and prev.low[:-2] not in _S_CONTRACTIONS):
        return True
    return prev.kind == "w" and "-" in prev.low and not prev.is_cap  # "late-night tweets"


def _cue_after(toks: Sequence[Tok], k: int, hi: int, ends_sentence: bool = False) -> Optional[Cue]:
    """``,” Emanuel said`` / ``,” said Emanuel`` right after the quote token ``k``.
    ``ends_sentence``: the quoted words end with a full stop of their own."""
    i = k + 1
    skipped = 0
    while i < hi and toks[i].kind == "p" and (toks[i].text in _CLOSE_MARKS or toks[i].text in _LEAD_PUNCT) and toks[i].text not in "―—–" and skipped < 4:
        i += 1
        skipped += 1
    if i >= hi:
        return None
    if _is_verb(toks[i]) and not toks[i].low.endswith("ing"):
        found = _np_starting_at(toks, i + 1, hi)
        if found and found[0].text.lower() not in TIME_WORDS:
            return Cue(toks[i].text, found[0])
        return None
    if toks[i].kind == "p" and toks[i].text in "―—–" and i + 1 < hi:
        # "“…” ― Pamela Padilla": a name after a dash, ending its line.
        found = _np_starting_at(toks, i + 1, hi)
        if found and found[0].kind == "name":
            return Cue("—", found[0])
    found = _np_starting_at(toks, i, hi)
    if not found:
        return None
    mention, j = found
    if j < hi and toks[j].text == "(":
        m = j + 1
        while m < hi and m < j + 10 and toks[m].text != ")":
            m += 1
        if m < hi:
            j = m + 1
    # Skip an apposition: ", the US ambassador to Japan,".
    if j < hi and toks[j].text == ",":
        m = j + 1
        while m < hi and m < j + 25 and toks[m].text != "," and toks[m].kind == "w":
            m += 1
        if m < hi and toks[m].text == ",":
            j = m + 1
    if j < hi and toks[j].kind == "w" and toks[j].low.endswith("ly") and not _is_verb(toks[j]):
        j += 1  # adverb: "he said quietly" / "she quickly added"
    if j < hi and _is_verb(toks[j]):
        if ends_sentence and _clause_follows(toks, j, hi):
            # “We are ready.” Berger said the words meant ...: a new sentence, not a cue.
            return None
        return Cue(toks[j].text, mention)
    return None


def _clause_follows(toks: Sequence[Tok], v: int, hi: int) -> bool:
    """More than a few words follow the verb before its sentence ends."""
    n = 0
    for t in toks[v + 1 : hi]:
        if t.kind == "p" and t.text in ".!?":
            break
        if t.kind == "q":
            return False
        if t.kind == "w":
            n += 1
    return n > 4


def _cue_before(toks: Sequence[Tok], k: int, lo: int) -> Optional[Cue]:
    """The nearest speech verb before the quote in its sentence, with its subject."""
    open_i = k - 1
    while open_i >= lo and toks[open_i].kind == "p" and toks[open_i].text in _OPEN_MARKS:
        open_i -= 1
    # "..., read out by its director, Camille Roux: «...»": a name right before the colon.
    if (
        open_i >= lo
        and toks[open_i].text == ":"
        and open_i - 1 >= lo
        and toks[open_i - 1].is_cap
        and not any(_is_verb(toks[u]) for u in range(lo, open_i))  # not "said of Sanders:"
    ):
        np = _np_ending_at(toks, open_i, lo)
        if np is not None and np.kind == "name":
            return Cue(":", np)
    # "according to X, “...”"
    for i in range(open_i, max(lo, open_i - 16) - 1, -1):
        if toks[i].low == "to" and i - 1 >= lo and toks[i - 1].low == "according":
            found = _np_starting_at(toks, i + 1, open_i + 1)
            if found:
                return Cue("according to", found[0])
    verbs = [i for i in range(lo, open_i + 1) if _is_verb(toks[i]) and not _used_as_noun(toks, i)]
    nearest = toks[verbs[-1]].text if verbs else ""
    weak: Optional[Cue] = None
    for v in reversed(verbs):
        verb = toks[v]
        if verb.low.endswith("ing") and v > lo and toks[v - 1].text == ",":
            continue  # "..., Varga stressed, adding:": the clause's subject speaks
        subj = _subject_of_verb(toks, v, lo)
        if subj is not None:
            # "Emanuel said, adding: “...”": the cue is the participle, the speaker its clause's subject.
            cue = Cue(nearest if nearest.lower().endswith("ing") else verb.text, subj)
            if subj.kind == "role" and subj.head not in ROLE_NOUNS and subj.head not in GROUP_NOUNS:
                # "Trump’s flurry of late-night tweets": a weak description; an earlier
                # verb with a named subject ("Clinton says ...") is the better cue.
                weak = weak or cue
                continue
            return cue
        # "said Emanuel:" (inverted, before the quote)
        found = _np_starting_at(toks, v + 1, open_i + 1)
        if found and found[0].kind in ("name", "role") and not verb.low.endswith("ing"):
            nxt = found[1]
            if nxt <= open_i and toks[nxt].text in (":", ","):
                return Cue(verb.text, found[0])
        # A participle or a verb after a comma: the clause's subject speaks ("..., adding:").
        continue
    if weak is not None:
        return weak
    if verbs and toks[verbs[-1]].low.endswith("ing"):
        # "Mr. Trump hardly clarified the matter, treating ... and asserting, “...”":
        # a participle whose clause has no speech verb; its subject opens the sentence.
        found = _np_starting_at(toks, lo, open_i + 1)
        if found and found[0].kind == "name":
            return Cue(nearest, found[0])
    return None


def _cue_elsewhere(toks: Sequence[Tok], k: int, hi: int) -> Optional[Cue]:
    """A speech verb later in the sentence: "..., to improve its ships, Emanuel stated." """
    for v in range(k + 1, hi):
        if _is_verb(toks[v]):
            subj = _subject_of_verb(toks, v, k + 1)
            if subj is not None:
                return Cue(toks[v].text, subj)
    return None


# --------------------------------------------------------------------------- the stage


@dataclass
class _Speaker:
    name: str
    mention: str
    para: int
    at: int = -1  # where they last spoke


class ArticleAttributor:
    def __init__(self, article: Article, quotes: Sequence[Quote]):
        self.article = article
        direct = [q for q in quotes if q.direct]
        masked = _masked(article.text, direct)
        self.toks = tokenize(masked, article.body_start, article.body_end)
        self.sent_bounds = _segment(self.toks)
        self.by_start = {t.start: i for i, t in enumerate(self.toks) if t.kind == "q"}
        self.lines = LineIndex(article.text)
        self._reported: dict[str, tuple[Mention, int]] = {}  # quote id -> (mention, paragraph)
        self.people = People(self.toks)

    def _sentence_subject(self, q: Quote) -> Optional[Mention]:
        """The named subject opening the quote's own sentence, followed by its verb."""
        k = self.by_start.get(q.start)
        if k is None:
            return None
        lo, _ = self.sent_bounds[self.toks[k].sent]
        found = _np_starting_at(self.toks, lo, k)
        if not found or found[0].kind not in ("name", "pronoun"):
            return None
        after = found[1]
        if after < k and self.toks[after].kind == "w" and not self.toks[after].is_cap:
            return found[0]
        return None

    def _previous_sentence_subject(self, q: Quote) -> Optional[Mention]:
        """The named subject of the sentence just before a quote that opens its own
        sentence, in the same paragraph."""
        k = self.by_start.get(q.start)
        if k is None:
            return None
        tok = self.toks[k]
        lo, _ = self.sent_bounds[tok.sent]
        first = lo
        while first < k and self.toks[first].kind == "p" and self.toks[first].text in _OPEN_MARKS:
            first += 1
        if first != k or tok.sent - 1 not in self.sent_bounds:
            return None
        plo, phi = self.sent_bounds[tok.sent - 1]
        if self.toks[plo].para != tok.para:
            return None
        found = _np_starting_at(self.toks, plo, phi)
        if not found or found[0].kind != "name":
            return None
        after = found[1]
        if after < phi and self.toks[after].kind == "w" and not self.toks[after].is_cap:
            return found[0]  # a name followed by its verb: the sentence is about them
        return None

    def _opens_paragraph(self, k: int) -> bool:
        p = k - 1
        while p >= 0 and self.toks[p].kind == "p" and self.toks[p].text in _OPEN_MARKS:
            p -= 1
        return p < 0 or self.toks[p].kind == "nl"

    def cue_for(self, q: Quote) -> tuple[Optional[Cue], int]:
        k = self.by_start.get(q.start)
        if k is None:
            return None, -1
        tok = self.toks[k]
        lo, _ = self.sent_bounds[tok.sent]
        # A quote's sentence runs on after it when its words end the quoted sentence.
        _, hi = self.sent_bounds[tok.sent]
        nxt = k + 1
        while nxt < len(self.toks) and self.toks[nxt].kind == "p" and self.toks[nxt].text in _CLOSE_MARKS:
            nxt += 1
        if nxt < len(self.toks) and self.toks[nxt].sent != tok.sent and self.toks[nxt].kind == "w":
            hi = max(hi, self.sent_bounds[self.toks[nxt].sent][1]) if self.toks[nxt].text[:1].islower() else hi
        cue = _cue_after(self.toks, k, len(self.toks) if hi <= k + 1 else hi, q.text.rstrip().endswith("."))
        if cue is None:
            cue = _cue_before(self.toks, k, lo)
        if cue is None and self._opens_paragraph(k):
            # "He said:" ending the paragraph before a quote that opens the next one.
            p = k - 1
            while p >= 0 and (self.toks[p].kind == "nl" or self.toks[p].text in _OPEN_MARKS):
                p -= 1
            if p >= 0 and self.toks[p].text == ":":
                plo, _ = self.sent_bounds[self.toks[p].sent]
                cue = _cue_before(self.toks, p + 1, plo)
        if cue is None:
            cue = _cue_elsewhere(self.toks, k, hi)
        return cue, tok.para

    def resolve(self, m: Mention, at: int, last: Optional[_Speaker], para: int) -> Optional[str]:
        if m.kind == "name":
            at = min(at, m.start)  # "“…,” Okafor said": whoever was named before the mention
            toks = m.head.split()
            if len(toks) == 1:
                # "Councillor Okafor": a title narrows a surname that several people share.
                roles = _role_words(m.text.split()[:-1])
                if roles:
                    named = self.people.by_surname_and_roles(toks[0], roles, at)
                    if named:
                        return named
            return self.people.by_name(toks, at) or m.head
        if m.kind == "role":
            return self.people.by_role(m.head, at) or m.text
        if m.kind == "pronoun":
            if m.head in ("he", "she"):
                named = self.people.last_mentioned(at, m.head, subjects_only=True) or self.people.last_mentioned(at, m.head)
                named_at = self.people.last_mention_offset(named, at) if named else -1
                if (
                    last is not None
                    and para - last.para <= 3
                    and not _is_document(last.name)
                    and self.people.fits(last.name, m.head)
                    and (named is None or named == last.name or named_at < last.at)
                ):
                    return last.name  # nobody else named since they spoke
                return named or (last.name if last else None)
            if m.head in ("they", "we"):
                return last.name if last is not None and para - last.para <= 1 else None
            return None
        return m.head

    def subject_of(self, v: int, lo: int) -> Optional[Mention]:
        """The speaker mention of the speech verb at ``v``; a participle ("adding")
        or a verb with no subject of its own takes the clause's earlier subject."""
        toks = self.toks
        after_preposition = toks[v].low.endswith("ing") and v > lo and toks[v - 1].low in _PREPOSITIONS | {"by", "after", "before", "while"}
        subj = None if after_preposition else _subject_of_verb(toks, v, lo)
        if subj is not None:
            return subj
        if not (after_preposition or toks[v].low.endswith("ing") or (v > lo and toks[v - 1].low in ("and", ","))):
            return None
        for u in range(v - 1, lo - 1, -1):
            if _is_verb(toks[u]) and not toks[u].low.endswith("ing"):
                subj = _subject_of_verb(toks, u, lo)
                if subj is not None:
                    return subj
        return None

    def reported(self) -> list[Quote]:
        """Reported-speech statements, unattributed yet (speaker set by ``run``)."""
        from .reported import _end_char, find_reported

        out: list[Quote] = []
        text = self.article.text
        for i, j, v, mention in find_reported(self.toks, self.sent_bounds, self.subject_of):
            start, end = self.toks[i].start, _end_char(self.toks, j)
            if not self.article.in_body(start, end):
                continue
            line, col = self.lines.position(start)
            out.append(
                Quote(
                    id=f"{self.article.id}:r{len(out) + 1}",
                    article_id=self.article.id,
                    text=text[start:end],
                    start=start,
                    end=end,
                    line=line,
                    column=col,
                    kind=FULL,
                    direct=False,
                    speaker_mention=mention.text,
                    cue="according to" if self.toks[v].low == "according" else self.toks[v].text,
                )
            )
            self._reported[out[-1].id] = (mention, self.toks[i].para)
        return out

    def run(self, quotes: Sequence[Quote], reported: Sequence[Quote] = ()) -> list[Quote]:
        out: list[Quote] = []
        last: Optional[_Speaker] = None
        for q in sorted([*quotes, *reported], key=lambda q: (q.start, q.direct)):
            if not q.direct:
                mention, para = self._reported[q.id]
                speaker = self.resolve(mention, q.start, last, para)
                if speaker:  # reported speech nobody can be found to have said is dropped
                    out.append(replace(q, speaker=speaker))
                    last = _Speaker(speaker, mention.text, para, q.start)
                continue
            if q.kind == TERM or not self.article.in_body(q.start, q.end):
                out.append(q)
                continue
            cue, para = self.cue_for(q)
            if cue is not None:
                speaker = self.resolve(cue.mention, q.start, last, para)
                out.append(replace(q, speaker=speaker, speaker_mention=cue.mention.text, cue=cue.verb))
                if speaker:
                    last = _Speaker(speaker, cue.mention.text, para, q.start)
                continue
            if q.kind == PARTIAL:
                # "Trump openly admires Putin as a “strong leader”": words woven into a
                # sentence about someone, with no speech verb, are theirs.
                opener = self._sentence_subject(q)
                if opener is not None:
                    speaker = self.resolve(opener, q.start, last, para)
                    if speaker:
                        out.append(replace(q, speaker=speaker, speaker_mention=opener.text, cue="(context)"))
                        continue
            subject = self._previous_sentence_subject(q) if q.kind == FULL else None
            if subject is not None and (last is None or last.at < subject.start):
                # "Clinton touted her record. “We need to find ways …”": the person the
                # sentence before was about, named after anyone who last spoke.
                speaker = self.resolve(subject, q.start, last, para)
                if speaker:
                    out.append(replace(q, speaker=speaker, speaker_mention=subject.text, cue="(context)"))
                    last = _Speaker(speaker, subject.text, para, q.start)
                    continue
            if q.kind == FULL and last is not None and para >= 0 and para - last.para <= 1:
                out.append(replace(q, speaker=last.name, speaker_mention=last.mention, cue="(continues)"))
                last = _Speaker(last.name, last.mention, para, q.start)
                continue
            out.append(q)
        return out


def attribute(article: Article, quotes: Sequence[Quote], reported: bool = True) -> list[Quote]:
    """The article's quotes with speaker, speaker_mention and cue filled in,
    followed in text order by its reported speech (``direct=False``) when
    ``reported`` is true."""
    att = ArticleAttributor(article, quotes)
    return att.run(quotes, att.reported() if reported else ())


# --------------------------------------------------------------------------- across articles


def _same_person(a: str, b: str) -> bool:
    """Two full names for one person: same surname and first names alike or one an initial."""
    ta, tb = a.split(), b.split()
    if ta[-1] != tb[-1]:
        # A misspelt surname (Emanuel / Emmanuel) is one edit away; Murray and Murphy are two.
        sa, sb = ta[-1].lower(), tb[-1].lower()
        if min(len(sa), len(sb)) < 5 or jellyfish.damerau_levenshtein_distance(sa, sb) > 1:
            return False
    fa, fb = ta[0].rstrip("."), tb[0].rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return jellyfish.jaro_winkler_similarity(fa.lower(), fb.lower()) >= 0.9


def canonicalize_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """One canonical name per person across all articles.

    Full names that differ only in spelling or initials merge to the most
    frequent form; a surname on its own becomes the one full name that carries
    it, and stays as it is when several people share it.
    """
    counts: dict[str, int] = {}
    for q in quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    full = sorted((n for n in counts if len(n.split()) >= 2 and n[:1].isupper()), key=lambda n: (-counts[n], n))
    canon: dict[str, str] = {}
    reps: list[str] = []
    # Compare a name only with representatives whose surname starts alike.
    reps_by_key: dict[str, list[str]] = {}
    for name in full:
        key = name.split()[-1][:2].lower()
        for rep in reps_by_key.get(key, ()):
            if _same_person(name, rep):
                canon[name] = rep
                break
        else:
            reps.append(name)
            reps_by_key.setdefault(key, []).append(name)
            canon[name] = name
    by_surname: dict[str, set[str]] = {}
    for rep in reps:
        by_surname.setdefault(rep.split()[-1], set()).add(rep)
    for name in counts:
        if name in canon:
            continue
        owners = by_surname.get(name)
        if owners and len(owners) == 1:
            canon[name] = next(iter(owners))
    return [replace(q, speaker=canon.get(q.speaker, q.speaker)) if q.speaker else q for q in quotes]
