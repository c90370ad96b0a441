"""Speaker mentions: the noun phrase before or after a speech verb, read as a
name, a role ("the ambassador"), a pronoun or an organisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from ..lexicon import (
    GROUP_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_BASE_FORMS,
    SPEECH_VERBS,
    TIME_WORDS,
    TITLES,
)
from .function_words import (
    ADVERBIAL_OPENERS,
    ALL_PREPOSITIONS,
    AUXILIARIES,
    BEFORE_SUBJECT,
    DETERMINERS,
    LEADING_FUNCTION_WORDS,
    NAME_CONNECTORS,
    NEVER_NAME_WORDS,
    NOMINATIVE,
    NOT_HEADS,
    PARTICIPLE_FOLLOWERS,
    PREPOSITIONS,
    PRONOUN_FORMS,
    TIME_AFTER,
    TIME_NOUNS,
    TIME_PHRASE_WORDS,
    TITLE_CONNECTORS,
)
from .gender import is_first_name
from .people import split_run
from .speakers import looks_adverb, plausible_speaker
from .tokens import Tok


@dataclass(frozen=True)
class Mention:
    """A speaker as the article names them, before resolution."""

    text: str
    start: int
    end: int
    kind: str  # name, role, pronoun, org
    head: str  # name tokens, role noun, pronoun or organisation phrase



def is_organisation(m: Mention) -> bool:
    """An organisation named in two words or more ("The Harbour Trust", "the Riverside Tenants
    Association"), not one capitalised word after "the" ("the British capital")."""
    return m.kind == "org" and len(m.head.split()) >= 2


def mention(toks: Sequence[Tok], i: int, j: int, kind: str, head: str) -> Mention:
    return Mention(" ".join(t.text for t in toks[i:j]), toks[i].start, toks[j - 1].end, kind, head)


def pronoun(t: Tok) -> Optional[str]:
    """The pronoun a token is ("He", "she", "He’s" as in "He’s claiming"), or None."""
    low = t.low
    if low in PRONOUNS:
        return low
    if low.endswith(("’s", "'s")) and low[:-2] in ("he", "she"):
        return low[:-2]
    return None


def subject_of_verb(toks: Sequence[Tok], v: int, lo: int) -> Optional[Mention]:
    """The subject of the verb at ``v``, looking past auxiliaries and an adverb; of an
    infinitive, the subject of the words that govern it ("Roe was quick to say",
    "Roe went on to tell")."""
    if v - 1 > lo and toks[v - 1].low == "to":
        return _subject_of_infinitive(toks, v - 1, lo)
    j = v
    while j - 1 > lo and toks[j - 1].kind == "w" and (toks[j - 1].low in AUXILIARIES or toks[j - 1].low.endswith("ly")) and j > v - 4:
        j -= 1
    if j == v and j - 1 > lo and toks[v].low.endswith("ing") and toks[v - 1].low in _ASPECT_VERBS:
        j -= 1  # "Roe kept asking her why …", "Roe began saying": the verb of aspect has the subject
    j = _before_time_phrase(toks, j, lo)
    j = _before_dashed_aside(toks, j, lo)
    subj = np_ending_at(toks, j, lo)
    if subj is None and j != v:
        subj = np_ending_at(toks, v, lo)
    if subj is not None and subj.kind != "pronoun":
        return _person_before_open_apposition(toks, subj, lo, v) or first_of_pair(toks, subj, lo, v)
    return subj


_DASHES = frozenset("—–")
# Verbs of aspect before a participle ("kept asking", "began saying", "continues insisting").
_ASPECT_VERBS = frozenset("keep keeps kept begin begins began start starts started continue continues continued".split())


def _before_dashed_aside(toks: Sequence[Tok], j: int, lo: int) -> int:
    """Where the subject ends when an aside between dashes stands before the verb at ``j`` ("Roe
    — named by the paper as the likely pick — told …"; "--" too): the first dash; else ``j``.
    Looks back at most ``APPOSITION_WORDS * 2`` tokens."""
    if j - 1 <= lo or (toks[j - 1].text not in _DASHES and not (toks[j - 1].text == "-" and toks[j - 2].text == "-")):
        return j
    double = toks[j - 1].text == "-"
    k = j - (3 if double else 2)
    while k > lo and k > j - 2 * APPOSITION_WORDS:
        t = toks[k]
        if t.kind in ("q", "nl"):
            return j
        if t.text in _DASHES or (double and t.text == "-" and toks[k - 1].text == "-"):
            first = k - 1 if double else k
            return first if first > lo and toks[first - 1].kind == "w" else j
        k -= 1
    return j


def first_of_pair(toks: Sequence[Tok], subj: Mention, lo: int, before: int) -> Mention:
    """The first of two people named as one subject ("Ann Roe and Tom Poe wrote", "Ann Roe and
    24-year-old Tom Poe explained", "Ann Roe and Tom Poe: “…”"): quotetrack gives a quote one
    speaker, the one named first; ``subj`` itself otherwise."""
    if subj.kind != "name":
        return _owner_and_theirs(toks, subj, lo, before) or subj
    i = _token_at(toks, subj.start, max(lo, 0), before)
    k = i - 1
    while k > lo and i - k <= 3 and toks[k].kind == "w" and not toks[k].is_cap and toks[k].low != "and":
        k -= 1  # a modifier of the second name ("24-year-old", "fellow")
    if k - 1 <= lo or toks[k].low != "and" or not toks[k - 1].is_cap:
        return subj
    first = _np_capitalised(toks, k, lo, outer=False)
    if first is None or first.kind != "name" or len(first.head.split()) < 2 or not is_first_name(first.head.split()[0]):
        return subj
    return first


_POSSESSIVES = frozenset("his her its their".split())


def _owner_and_theirs(toks: Sequence[Tok], subj: Mention, lo: int, before: int) -> Optional[Mention]:
    """The first of a subject of two where the second belongs to the first ("Mrs. Roe and her
    surrogates are responding", "Roe and his lawyers said"): the named owner, as for two names."""
    i = _token_at(toks, subj.start, max(lo, 0), before)
    if i - 2 < max(lo, 0) or toks[i].low not in _POSSESSIVES or toks[i - 1].low != "and":
        return None
    k = i - 2
    if not toks[k].is_cap or pronoun(toks[k]) is not None:
        return None  # ("She and her aides": the pronoun's cue keeps its own reading)
    first = _np_capitalised(toks, k + 1, lo, outer=False)
    return first if first is not None and first.kind == "name" else None


def _before_time_phrase(toks: Sequence[Tok], j: int, lo: int) -> int:
    """Where the subject ends when a short time phrase stands before the verb at ``j`` ("Roe on
    Monday said", "the board last week told", "… less than two weeks ago said"), else ``j``."""
    i = j
    while i - 1 > lo and i > j - 6 and toks[i - 1].kind == "w" and toks[i - 1].low in TIME_PHRASE_WORDS:
        i -= 1
    if i == j or not any(toks[m].low in TIME_NOUNS for m in range(i, j)) or toks[i].low in ("the", "a", "than"):
        return j
    return i


def _token_at(toks: Sequence[Tok], start: int, lo: int, before: int) -> int:
    """Index of the token starting at character ``start``, searched back from ``before`` (at most
    ``APPOSITION_WORDS * 4`` tokens: a subject lies just before its verb), or -1."""
    for k in range(min(before, len(toks) - 1), max(lo, before - 4 * APPOSITION_WORDS) - 1, -1):
        if toks[k].start == start:
            return k
        if toks[k].start < start:
            break
    return -1


def _person_before_open_apposition(toks: Sequence[Tok], subj: Mention, lo: int, v: int) -> Optional[Mention]:
    """The person named before an apposition that no comma closes, when the verb's subject
    was read inside it: "Ann Roe, a former aide to Mayor Bo Poe has written", "Ann Roe,
    president of the Ashbury Traders Association stated", "Ann Roe of Dover, Delaware says".
    Looks back at most ``APPOSITION_WORDS`` words to a comma with a person's name (first word
    a first name) before it; None when the words between hold a verb or another comma."""
    if subj.kind == "name" and is_first_name(subj.head.split()[0]):
        return None  # "…, former ambassador Jo Bolt told": a person's own name is the subject
    i = _token_at(toks, subj.start, max(lo, 0), v)
    if i <= lo:
        return None
    k, lower = i - 1, False
    while k > lo and i - k <= APPOSITION_WORDS and toks[k].text != ",":
        t = toks[k]
        if t.kind != "w" or t.low in SPEECH_VERBS or t.low in AUXILIARIES:
            return None
        lower = lower or (not t.is_cap and t.low not in TITLE_CONNECTORS | {"the", "and"})
        k -= 1
    if k <= lo or toks[k].text != ",":
        return None
    place = _after_place_preposition(toks, k, lo) if toks[k - 1].is_cap else 0
    if not (lower or place or subj.kind == "role"):
        return None
    if place:
        k = place
    np = np_ending_at_word(toks, k, lo)
    if np is None or np.kind != "name" or len(np.head.split()) < 2 or not is_first_name(np.head.split()[0]):
        return None  # a full name opens an apposition; "Roe, a top aide said, “…”" is the aide's
    return np if plausible_speaker(np.head) else None


def _after_place_preposition(toks: Sequence[Tok], comma: int, lo: int) -> int:
    """For "Ann Roe of Dover, Delaware says": the index of "of" before the capitalised words
    ending at the comma, else 0."""
    k = comma - 1
    while k > lo and toks[k].is_cap:
        k -= 1
    return k if k > lo and toks[k].low in ("of", "from", "in") else 0


def _subject_of_infinitive(toks: Sequence[Tok], to: int, lo: int) -> Optional[Mention]:
    """Within four words before "to": the noun phrase before an auxiliary ("Roe was quick
    to say", "the mayor has decided to tell"), or a name or pronoun ending there ("Roe went
    on to say", "asked Roe to say": Roe says it); else None."""
    for p in range(to - 1, max(lo, to - 5) - 1, -1):
        t = toks[p]
        if t.kind != "w" or t.low in DETERMINERS or t.low in PREPOSITIONS - {"on"} or t.low in BEFORE_SUBJECT:
            return None
        if t.low in AUXILIARIES and p > lo:
            return np_ending_at(toks, p, lo)
        if t.is_cap and (p == lo or toks[p - 1].kind != "w") and opening_participle(toks, p, to + 1):
            return None  # "Continuing to explain his view, Roe …": a participle, not who explains
        if t.is_cap or pronoun(t):
            np = np_ending_at(toks, p + 1, lo)
            k = p
            while k > lo and toks[k - 1].is_cap:
                k -= 1
            # "taking to Twitter to call": a place or platform after a preposition says nothing
            return None if np is None or (k > lo and toks[k - 1].low in PREPOSITIONS | {"to", "into", "onto"}) else np
    return None


def after_preposition(toks: Sequence[Tok], np: Mention, lo: int) -> bool:
    """Whether the phrase directly follows "of", "from", "in" or "at"."""
    for k in range(lo, len(toks)):
        if toks[k].start == np.start:
            return k > lo and toks[k - 1].low in ("of", "from", "in", "at")
    return False


def np_ending_at_word(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """Like np_ending_at, but only a phrase ending in a word (no nested apposition)."""
    if j - 1 < lo or toks[j - 1].kind != "w":
        return None
    return np_ending_at(toks, j, lo)


def np_ending_at(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """The noun phrase that ends just before token ``j`` (a verb's subject)."""
    if j - 1 < lo:
        return None
    last = toks[j - 1]
    if last.text == ")" and j - 2 >= lo:
        return _np_before_parenthesis(toks, j, lo)
    if last.kind != "w":
        if last.text == "," and j - 2 >= lo:
            return _np_before_comma(toks, j, lo)
        return None
    pron = pronoun(last)
    if pron and (pron in NOMINATIVE or j - 2 < lo or toks[j - 2].kind != "w" or toks[j - 2].low in BEFORE_SUBJECT):
        return mention(toks, j - 1, j, "pronoun", pron)
    if last.is_cap:
        return _np_capitalised(toks, j, lo)
    return _np_description(toks, j, lo)


def _np_before_parenthesis(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """A parenthesis between name and verb: "Rep. Gwen Moore (D-Wis.) said"."""
    k = j - 2
    while k >= lo and k > j - 10 and toks[k].text != "(":
        k -= 1
    if k > lo and toks[k].text == "(":
        return np_ending_at(toks, k, lo)
    return None


def _np_before_comma(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """An apposition: "Helena Varga, the US ambassador to Japan, said". It may hold
    commas of its own ("the head of the Acquisition, Technology and Logistics
    Agency"): prefer the nearest comma with a person's name before it."""
    fallback = None
    if toks[j - 2].text == ")":
        return _np_before_parenthesis(toks, j - 1, lo)  # "Gov. Ann Roe (R-Ohio), said"
    relative = _before_relative_clause(toks, j, lo)
    if relative is not None:
        return relative
    k = j - 2
    # "…'s biographers, Ann and Tom Roe, wrote": two first names may share a surname
    while k >= lo and k > j - 6 and (toks[k].is_cap or (toks[k].low == "and" and k - 1 >= lo and toks[k - 1].is_cap and k < j - 3)):
        k -= 1
    if k < j - 2 and k >= lo and toks[k].text == ",":
        inner = np_ending_at_word(toks, j - 1, k + 1)
        before = np_ending_at_word(toks, k, max(lo, k - 8))
        if before is not None and after_preposition(toks, before, max(lo, k - 8)) and not is_first_name(inner.text.split()[0] if inner else ""):
            inner = None  # "a salesman from Sumter, South Carolina, says": a place
        if inner is not None and inner.kind == "name" and plausible_speaker(inner.head):
            if is_first_name(inner.head.split()[0]):
                return inner  # "Apple's chief executive, Tim Cook, called"
            # "Ann Roe, the editor of the city's paper, the Ashbury Herald, said": a person
            # named first, before the description the institution's name is in apposition to.
            person = _person_opening_chain(toks, j, lo)
            return person if person is not None else inner
    for np in _before_commas(toks, j, lo):
        if np.kind in ("name", "pronoun") and plausible_speaker(np.head):
            return np
        fallback = fallback or np
    return fallback


def _before_relative_clause(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """"Ann Roe, who flew to Dover, Delaware, on Monday, said": the phrase before ", who"
    (40 tokens back at most, not past a quote or a line break) is the verb's subject, not a
    name inside the relative clause; None when no such clause opens the chain or no name or
    pronoun ends before it."""
    k = j - 2
    while k > lo and k > j - 40 and toks[k].kind not in ("q", "nl"):
        if toks[k].low in ("who", "whose") and toks[k - 1].text == ",":
            np = np_ending_at_word(toks, k - 1, lo)
            if np is None or np.kind not in ("name", "pronoun") or not plausible_speaker(np.head):
                return None
            # "an actor in Dallas, who runs a theatre": the clause is the described person's
            return None if after_preposition(toks, np, lo) else np
        k -= 1
    return None


def _before_commas(toks: Sequence[Tok], j: int, lo: int) -> Iterator[Mention]:
    """The noun phrases ending before each comma of the apposition chain before ``j``,
    nearest first (40 tokens back at most, not past a quote or a line break); a place
    after a preposition (", of Springfield, Va.,") is left out."""
    k = j - 2
    while k >= lo and k > j - 40 and toks[k].kind not in ("q", "nl"):
        if toks[k].text == ",":
            np = np_ending_at_word(toks, k, lo)
            if np is not None and not after_preposition(toks, np, lo):
                yield np
        k -= 1


def _person_opening_chain(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """The person whose name (first word a first name) ends before a comma, nearest
    first, within the apposition chain before ``j``; None when there is none."""
    return next((np for np in _before_commas(toks, j, lo) if np.kind == "name" and is_first_name(np.head.split()[0])), None)


def _np_capitalised(toks: Sequence[Tok], j: int, lo: int, outer: bool = True) -> Optional[Mention]:
    """A name or an organisation ending in the capitalised word before ``j``; for
    "Ann Roe of the Ashbury Trust said" the person, not the institution."""
    i = j - 1
    while i - 1 >= lo and (
        toks[i - 1].is_cap
        or (toks[i - 1].low in TITLE_CONNECTORS | NAME_CONNECTORS and i - 2 >= lo and toks[i - 2].is_cap)
    ):
        i -= 1
    while i < j - 1 and toks[i].low in LEADING_FUNCTION_WORDS:
        i += 1  # "In August", "When Trump": not part of the name
    if toks[i].low in LEADING_FUNCTION_WORDS or toks[i].low in TIME_WORDS or all(t.low in NEVER_NAME_WORDS for t in toks[i:j]):
        return None  # ("Any decision to charge": no organisation called "Any")
    if i - 2 >= lo and toks[i - 1].low in TITLE_CONNECTORS | _BESIDE and toks[i - 2].kind == "w" and not toks[i - 2].is_cap:
        # "the U.S. ambassador to Japan said", "a lawyer alongside Ann Roe told": a description
        # ending in a name after its preposition.
        desc = description_ending(toks, i - 1, j, lo)
        if desc is not None:
            return desc
        if toks[i - 1].low in _BESIDE:
            return None  # "residents near Ann Roe said": the name is the preposition's object
    if i - 1 >= lo and toks[i - 1].low == "the":
        i -= 1
    run = [t for t in toks[i:j] if t.low != "the" or t is not toks[i]]
    _titles, name = split_run(run)
    if outer and j - i <= 3 and i - 1 >= lo and toks[i - 1].text == ",":
        # "Ann Roe of Columbia, South Carolina says": a place and its state after the person.
        k = i - 2
        while k >= lo and k > i - 6 and toks[k].is_cap:
            k -= 1
        if k < i - 2 and k - 1 >= lo and toks[k].low in ("of", "from") and toks[k - 1].is_cap:
            person = _np_capitalised(toks, k, lo, outer=False)
            if person is not None and person.kind == "name" and len(person.head.split()) >= 2:
                return person
    if outer and i - 2 >= lo and toks[i - 1].low in _AFFILIATION and toks[i - 2].is_cap:
        person = _np_capitalised(toks, i - 1, lo, outer=False)
        if person is not None and person.kind == "name" and (len(person.head.split()) >= 2 or person.text != person.head):
            return person
    if name:
        return mention(toks, i, j, "name", " ".join(t.text for t in name))
    return mention(toks, i, j, "org", " ".join(t.text for t in toks[i:j]))


# Prepositions that open a phrase inside a description ("residents near the river"); not the
# ones that also open a clause ("since the company said …").
_PHRASE_PREPOSITIONS = ALL_PREPOSITIONS - ADVERBIAL_OPENERS - {"like", "as", "than", "past", "down", "up", "out", "off", "over"}


# Of those, the ones after which a name is someone the subject stands near or against ("a lawyer
# alongside Ann Roe"), not a place or institution the subject is from ("of", "from", "in", "at").
_BESIDE = _PHRASE_PREPOSITIONS - PREPOSITIONS - TITLE_CONNECTORS - {"into", "onto", "by", "during", "through", "except"}


def _np_description(toks: Sequence[Tok], j: int, lo: int) -> Optional[Mention]:
    """A description: "the ambassador", "a spokesman for the campaign", "officials",
    "Gary Johnson's doctor"."""
    last = toks[j - 1]
    i = j - 1
    while i >= lo and i > j - 12:
        t = toks[i]
        if t.kind != "w":
            break
        if t.is_cap and t.low not in DETERMINERS:
            if t.low.endswith(("’s", "'s")):
                k = i
                while k - 1 >= lo and toks[k - 1].is_cap:
                    k -= 1
                if k - 1 > lo and toks[k - 1].low in _PHRASE_PREPOSITIONS and toks[k - 2].kind == "w":
                    i = k - 2  # "protesters outside Roe's office": the phrase is not the subject
                    continue
                head = description_head(toks, i + 1, j)
                return mention(toks, k, j, "role", head) if head else None
            k = i
            while k - 1 >= lo and k > j - 12 and toks[k - 1].is_cap and toks[k - 1].low not in DETERMINERS:
                k -= 1
            if k - 1 >= lo and toks[k - 1].low in DETERMINERS and toks[k - 1].kind == "w":
                i = k - 1  # "The Treasury secretary", "the White House press secretary": a capitalised modifier
                continue
            break
        if t.low in AUXILIARIES:
            return None  # "The scheme was delivered ...": a clause, not a description
        if t.low in DETERMINERS:
            if last.low in PREPOSITIONS or last.low in ("by", "to", "than", "as"):
                return None
            if i - 1 >= lo and toks[i - 1].low in _PHRASE_PREPOSITIONS:
                i -= 2  # "a spokesman for the mayor", "a source close to the campaign": not the subject
                continue
            head = description_head(toks, i + 1, j)
            return mention(toks, i, j, "role", head) if head else None
        if t.low in SPEECH_VERBS:
            return None
        i -= 1
    if last.low in GROUP_NOUNS and last.low.endswith("s"):
        return mention(toks, j - 1, j, "role", last.low)
    return None


def description_ending(toks: Sequence[Tok], k: int, j: int, lo: int) -> Optional[Mention]:
    """A description "the <role> <prep> <Place>" whose preposition is at ``k``."""
    i = k - 1
    while i >= lo and i > k - 8 and toks[i].kind == "w":
        if toks[i].low in DETERMINERS:
            head = description_head(toks, i + 1, k)
            return mention(toks, i, j, "role", head) if head else None
        i -= 1
    return None


def description_head(toks: Sequence[Tok], i: int, j: int) -> Optional[str]:
    """The noun heading a description: a known role or group noun, else the last
    word before any preposition ("the announcer", "the New York businessman")."""
    last = None
    for t in toks[i:j]:
        if t.low in PREPOSITIONS or t.kind != "w":
            break
        for part in t.low.split("-"):
            if part in ROLE_NOUNS or part in GROUP_NOUNS:
                return part
        last = t
    if (
        last is not None
        and not last.is_cap
        and last.low not in SPEECH_VERBS
        and last.low not in NOT_HEADS
        and not last.low.endswith("ly")
        and len(last.low) > 2
    ):
        return last.low
    return None


_AFFILIATION = frozenset(("of", "at", "for", "from", "with"))
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def np_starting_at(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """A noun phrase starting at ``i`` (subject after a quote, or object of an inverted verb)."""
    if i >= hi:
        return None
    t = toks[i]
    if t.kind != "w":
        return None
    if pronoun(t):
        return mention(toks, i, i + 1, "pronoun", pronoun(t) or t.low), i + 1
    if t.is_cap and t.low not in ("the",):
        return _capitalised_from(toks, i, hi)
    later = _name_after_descriptor(toks, i, hi)
    if later is not None:
        # "said spokesman Ann Roe", "says planetary geologist Ann Roe", "said the Rev. Ann Roe".
        return mention(toks, i, later[1], "name", later[2]), later[1]
    if t.low == "the" and i + 1 < hi and toks[i + 1].is_cap:
        org = _organisation_before_verb(toks, i, hi)
        if org is not None:
            return org
    if t.low in DETERMINERS and i + 1 < hi:
        appo = _apposition_name(toks, i, hi)
        if appo is not None:
            return appo
    if t.low in DETERMINERS:
        found = _description_from(toks, i, hi)
        if found is not None:
            return found
    if t.low == "the" and i + 1 < hi and toks[i + 1].is_cap:
        # "according to the Ashbury River Authority": an institution's name.
        j = _institution_end(toks, i + 1, hi)
        return mention(toks, i, j, "org", " ".join(x.text for x in toks[i + 1 : j])), j
    return _group_from(toks, i, hi)


def _institution_end(toks: Sequence[Tok], j: int, hi: int) -> int:
    """The end of the capitalised words from ``j`` (before ``hi``), joined by "of", "for", "to"
    ("Ashbury River Authority", "Chamber of Commerce")."""
    while j < hi and (toks[j].is_cap or (toks[j].low in TITLE_CONNECTORS and j + 1 < hi and toks[j + 1].is_cap)):
        j += 1
    return j


def _organisation_before_verb(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """ "The Harbour Gazette characterized …", "The Riverside Trust has said": "the", capitalised
    words and a verb (a past form, an auxiliary or a speech verb), not a description ("the U.S.
    ambassador")."""
    j = _institution_end(toks, i + 1, min(hi, i + 8))
    if j >= hi or j - i < 3 or toks[j].kind != "w" or toks[j].is_cap:
        return None  # one capitalised word ("the British capital's") is no organisation's name
    nxt = toks[j].low
    if not (nxt.endswith("ed") or nxt in AUXILIARIES or nxt in SPEECH_VERBS):
        return None
    return mention(toks, i, j, "org", " ".join(x.text for x in toks[i + 1 : j])), j


# Words between a person's name and a verb, in an apposition no comma closes.
APPOSITION_WORDS = 12


def _after_participle(t: Tok) -> bool:
    """The word after a capitalised "-ing" word that opens a phrase makes it a participle
    ("Speaking to", "Facing mounting criticism"), not a name ("Manning said", "Manning has")."""
    if t.low in PARTICIPLE_FOLLOWERS:
        return True
    return t.kind == "w" and not t.is_cap and t.low not in SPEECH_VERBS and t.low not in AUXILIARIES


def opening_participle(toks: Sequence[Tok], i: int, hi: int) -> bool:
    """A capitalised participle opening a phrase ("Reached by the Herald, …", "Asked about the
    delay, …", "Continuing to explain, …"): the subject comes after the phrase."""
    if i + 1 >= hi or is_first_name(toks[i].text):
        return False
    if toks[i].low.endswith("ing"):
        return _after_participle(toks[i + 1])  # "Continuing to explain his view, Roe …"
    return toks[i].low.endswith("ed") and (toks[i + 1].low in PARTICIPLE_FOLLOWERS or toks[i + 1].low == "by")


def _after_fronted_phrase(toks: Sequence[Tok], i: int, hi: int) -> Optional[int]:
    """Where the clause starts after a fronted phrase opening at ``i`` ("In 2016, …", "At an event
    in Ames, Iowa, on Sunday, …": a place and its state, or a time, may follow a comma inside it).
    The index of the capitalised word after its last comma, or None. Reads at most 24 tokens."""
    c, end = i + 1, min(hi, i + 24)
    while c < end:
        t = toks[c]
        if t.text == ",":
            if c + 1 >= hi or not toks[c + 1].is_cap or toks[c + 1].low in LEADING_FUNCTION_WORDS:
                # "…, on Sunday, Roe said": the phrase goes on after the comma
                if c + 1 < hi and toks[c + 1].low in LEADING_FUNCTION_WORDS and toks[c + 1].kind == "w":
                    c += 2
                    continue
                return None
            n = c + 1
            while n < end and toks[n].is_cap:
                n += 1
            town = c - 2 >= i and toks[c - 2].low in ("in", "at", "from", "near") and toks[c - 1].is_cap
            if n < hi and toks[n].text == "," and n - c - 1 <= 2 and n + 1 < hi and (
                toks[n + 1].low in LEADING_FUNCTION_WORDS or (town and toks[n + 1].is_cap)
            ):
                c = n  # "in Ames, Iowa, on Sunday,", "in Salem, New Hampshire, Roe …": a state after its town
                continue
            return c + 1
        if t.kind != "w":
            return None
        c += 1
    return None


def _capitalised_from(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """A name or an organisation starting with the capitalised word at ``i``; after a
    fronted phrase ("In 2016, Ann Roe endorsed …", "After the vote, Roe said") the
    phrase after its comma."""
    if toks[i].low in LEADING_FUNCTION_WORDS or opening_participle(toks, i, hi):
        after = _after_fronted_phrase(toks, i, hi)
        if after is not None:
            return _capitalised_from(toks, after, hi)
    j = i
    while j < hi and (
        toks[j].is_cap
        or (toks[j].low in TITLE_CONNECTORS | NAME_CONNECTORS and j + 1 < hi and toks[j + 1].is_cap)
        # "MSNBC host Chris Matthews", "state Del. Marcia Price": a role word between names;
        # "Air Force 1st Lt. Ann Roe": an ordinal before a rank
        or (
            j > i
            and (toks[j].low in ROLE_NOUNS or toks[j].low in TITLES or _ORDINAL.fullmatch(toks[j].low) is not None)
            and j + 1 < hi
            and toks[j + 1].is_cap
        )
    ):
        j += 1
    if toks[i].low.endswith("ing") and i + 1 < hi and (
        (j == i + 1 and _after_participle(toks[j])) or toks[i + 1].low in TIME_NOUNS
    ):
        return None  # "Conceding that …", "Facing mounting criticism, …", "Speaking Sunday": a participle
    if j == i + 1 and looks_adverb(toks[i].text):
        return None  # "Hastily criticising …", "Clearly, …": an adverb, not a name ("Donnelly said" is one)
    if j < hi and toks[j].low in TIME_AFTER - {"before", "after"} and j + 1 < hi and toks[j + 1].text == ",":
        # "Hours later, Roe said", "Moments earlier, …": a time phrase, then the subject.
        nxt = j + 2
        return _capitalised_from(toks, nxt, hi) if nxt < hi and toks[nxt].is_cap else None
    later = _name_after_descriptor(toks, j, hi, role=True)
    if later is not None:
        # "said Monmouth University political scientist Ann Roe": the name, not the school.
        return mention(toks, i, later[1], "name", later[2]), later[1]
    _titles, name = split_run(list(toks[i:j]))
    if name:
        return mention(toks, i, j, "name", " ".join(n.text for n in name)), j
    if toks[i].low in TIME_WORDS:
        return None
    return mention(toks, i, j, "org", " ".join(x.text for x in toks[i:j])), j


def _description_from(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """A description opened by the determiner at ``i``, up to the speech verb ("the ambassador
    said", "a spokesman for the company told") or to the end of the clause."""
    j = i + 1
    while j < hi and j < i + 10 and toks[j].kind == "w" and toks[j].low not in SPEECH_VERBS:
        j += 1
    if j < hi and toks[j].low in SPEECH_VERBS:
        k = j
        if toks[j - 1].low.endswith("ly") and j - 1 > i:
            k = j - 1
        head = description_head(toks, i + 1, k)
        if head:
            return mention(toks, i, k, "role", head), k
    elif j > i + 1 and (j >= hi or toks[j].kind == "p"):
        # "... said the U.S. ambassador.": a description that ends the clause.
        head = description_head(toks, i + 1, j)
        if head and (head in ROLE_NOUNS or head in GROUP_NOUNS):
            return mention(toks, i, j, "role", head), j
    return None


def _group_from(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """"police said", "state police said", "health officials said": a group."""
    for m in range(i, min(hi, i + 3)):
        w = toks[m]
        if w.kind != "w" or w.is_cap or (m > i and w.low in SPEECH_VERBS):
            break
        if _plural_group(w.low) and (m + 1 >= hi or toks[m + 1].kind != "w" or toks[m + 1].low in SPEECH_VERBS):
            return mention(toks, i, m + 1, "role", w.low), m + 1
    return None


# Collective nouns that take a plural verb, like the plural group nouns ("police say").
_COLLECTIVE = frozenset("police staff people".split())


def _plural_group(word: str) -> bool:
    return word in GROUP_NOUNS and (word.endswith("s") or word in _COLLECTIVE)


def _apposition_name(toks: Sequence[Tok], i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """"a spokeswoman for the firm, Ann Roe": a description, a comma and a name that
    ends the clause; the name is the speaker."""
    j = i + 1
    while j < hi and j < i + 10 and toks[j].kind == "w":
        j += 1
    if j + 1 >= hi or toks[j].text != "," or not description_head(toks, i + 1, j):
        return None
    k = j + 1
    e = k
    while e < hi and e < k + 4 and toks[e].is_cap:
        e += 1
    if e == k or (e < hi and toks[e].kind == "w"):
        return None
    _titles, name = split_run(list(toks[k:e]))
    if len(name) < 2:
        return None
    return mention(toks, i, e, "name", " ".join(n.text for n in name)), e



_DESCRIPTOR_STOPS = ALL_PREPOSITIONS | frozenset("and or but who which that whose whether when where as than said says while".split())


def _name_after_descriptor(
    toks: Sequence[Tok], k: int, hi: int, nested: bool = False, role: bool = False
) -> Optional[tuple[int, int, str]]:
    """A person's name after a short description that starts at ``k``: up to four
    lower-case words or titles ("political scientist", "the Rev.", "campaign
    manager,"), then a capitalised run holding a name of two words or more
    (one word after a title). With ``role`` a description that reads as a verb
    ("Roe endorsed Bo Ek") is none unless it holds a role word. Returns
    (start, end, name) token positions."""
    m = _descriptor_end(toks, k, hi)
    if m is None:
        return None
    if role and not (m < hi and toks[m].text == ",") and not _holds_role(toks, k, m) and any(t.low.endswith("ed") for t in toks[k:m]):
        return None  # "Roe endorsed Bo Ek": a verb, not a description ("Roe supporter Bo Ek")
    if role and any(
        t.low in PRONOUN_FORMS or t.low in AUXILIARIES or t.low in DETERMINERS or t.low in NOMINATIVE
        or t.low.endswith(("n't", "n’t", *_ADVERB_SUFFIXES))
        for t in toks[k:m]
    ):
        # "Roe threw her support behind Sen. Ek", "Roe is questioning whether President Ek …":
        # a clause about someone, not a description
        return None
    if m < hi and toks[m].text == "," and m + 1 < hi and toks[m + 1].is_cap:
        m += 1  # "communications director, Ann Roe"
    e = m
    while e < hi and e < m + 5 and (toks[e].is_cap or (toks[e].low in NAME_CONNECTORS and e + 1 < hi and toks[e + 1].is_cap)):
        e += 1
    if e == m:
        return None
    if e - m <= 3 and _descriptor_word(toks, e, hi) and not toks[e].low.endswith("ed") and not nested and not (
        e - m >= 2 and is_first_name(toks[m].text)
    ):
        # A capitalised modifier inside the description, not the name: "former Vermont
        # governor Ann Roe", "a leading Supreme Court lawyer, Ann Roe". The name, if
        # any, follows the rest of the description.
        later = _name_after_descriptor(toks, e, hi, nested=True, role=True)
        if later is not None:
            return later
    titles, name = split_run(list(toks[m:e]))
    titled = toks[m - 1].low.rstrip(".") in TITLES or toks[m - 1].low in ROLE_NOUNS
    if len(name) >= 2 or (name and (titled or titles)):
        return m, e, " ".join(n.text for n in name)
    return None


# Endings of adverbs that never end a noun of a description ("Team Roe reportedly wants Bo Ek";
# not "-ly" alone: "Roe ally Bo Ek", "the Roe family lawyer").
_ADVERB_SUFFIXES = ("edly", "ingly", "ously", "ently", "ively", "ately", "antly")


# Titles of courtesy: after a verb they open its object ("Roe endorsed Mrs. Ek"), not a role.
_HONORIFICS = frozenset("mr mrs ms miss dr".split())


def _holds_role(toks: Sequence[Tok], k: int, m: int) -> bool:
    """Whether tokens ``k`` to ``m`` hold a role, group or title word (a title of courtesy aside)."""
    for t in toks[k:m]:
        for part in t.low.rstrip(".").split("-"):
            if (part in ROLE_NOUNS or part in GROUP_NOUNS or part in TITLES) and part not in _HONORIFICS:
                return True
    return False


def _descriptor_word(toks: Sequence[Tok], m: int, hi: int) -> bool:
    t = toks[m] if m < hi else None
    return (
        t is not None
        and t.kind == "w"
        and not t.is_cap
        and not t.text[0].isdigit()  # "In 2016, Ann Roe": a date, not a description
        and t.low not in _DESCRIPTOR_STOPS
        # a speech word reads as a modifier before a role ("state director", "press secretary"),
        # in its base form only ("told host Ann Roe" is a verb and its object)
        and (t.low not in SPEECH_VERBS or (t.low in SPEECH_BASE_FORMS and m + 1 < hi and toks[m + 1].low in ROLE_NOUNS))
    )


def _descriptor_end(toks: Sequence[Tok], k: int, hi: int) -> Optional[int]:
    """The end of up to five lower-case words or titles starting at ``k`` (None if none)."""
    m = k
    words = 0
    while m < hi and words < 5:
        t = toks[m]
        if _descriptor_word(toks, m, hi) or (t.kind == "w" and t.is_cap and t.low.rstrip(".") in TITLES):
            words += 1
            m += 1
        else:
            break
    return m if words else None
