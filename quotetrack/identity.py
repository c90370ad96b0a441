"""Speaker identity: when two names, labels or mentions are one person.

This module is the one place that decides it, for ``scan`` (speakers merged
across articles, statements grouped), ``diff`` and ``check``.

:func:`identity` compares two names and answers :data:`SAME`,
:data:`DIFFERENT` or :data:`UNCERTAIN` (with the reason). Names are parsed
with ``nameparser`` (titles, name parts, suffixes, nicknames in quotes or
brackets), and compared by general rules only:

* a label that names nobody in particular (``A``, ``Speaker 2``,
  ``Unidentified speaker``) is anyone: SAME;
* a label that names a role and no person (``THE MAYOR``, ``Mayor``) may be
  anyone holding it: UNCERTAIN;
* when one name's words are the tail of the other's (``Harbour Master Lena
  Oduya`` / ``Lena Oduya``), the longer only adds a title or role: SAME;
* different surnames (more than one edit apart, or any difference in a
  surname shorter than five letters): DIFFERENT;
* with the same surname, a first name of one that agrees with a word of the
  other before the surname (equal, a spelling variant, the other's nickname,
  or an initial of the other's first name): SAME, whatever title or role
  words come before it; an initial that matches only another given name of
  the other: UNCERTAIN;
* a surname with no first name (``Oduya``, ``Ms. Oduya``, ``Deputy Mayor
  Oduya``) against a full name with that surname: SAME when the run has one
  person of that surname (see :class:`Census`), else UNCERTAIN;
* first names that disagree: UNCERTAIN when they share an initial (``Jim`` /
  ``James`` may be one name's forms), else DIFFERENT.

A word is title-like when nameparser's title set or the project's title
lexicon has it; the words before the last title-like word of a name are its
role (``Chief Fire Officer``), the words after it its given names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Optional, Sequence

import jellyfish
from nameparser import HumanName
from nameparser.config import CONSTANTS

from .kinds import StrEnum
from .lexicon import TITLES
from .models import Quote, evolve
from .textnorm import fold_name


class Sameness(StrEnum):
    """Whether two names are one person."""

    SAME = "same"
    DIFFERENT = "different"
    UNCERTAIN = "uncertain"


SAME, DIFFERENT, UNCERTAIN = Sameness.SAME, Sameness.DIFFERENT, Sameness.UNCERTAIN


@dataclass(frozen=True)
class Verdict:
    kind: Sameness
    reason: str = ""  # why, in a few words (always given for UNCERTAIN)


# --------------------------------------------------------------------------- labels that name nobody

_ANONYMOUS = {"a", "answer", "unknown", "unidentified", "unidentified speaker", "unknown speaker", "voice", "crowd", "audience"}
_NUMBERED = re.compile(r"speaker \d{1,2}")


@lru_cache(maxsize=65536)
def anonymous(speaker: Optional[str]) -> bool:
    """A label that names nobody in particular ("A", "Unidentified speaker", "Speaker 2").
    (Remembered per name: grouping asks it of every quote's speaker, and names repeat.)"""
    if speaker is None:
        return True
    low = " ".join(speaker.split()).casefold()
    return low in _ANONYMOUS or bool(_NUMBERED.fullmatch(low))


# --------------------------------------------------------------------------- parsing

# An English article or possessive before a noun makes the label a description ("The Mayor").
_DETERMINERS = {"the", "a", "an", "our", "their", "his", "her", "its", "this", "that"}
_BRACKETED = re.compile(r"[\"“”(][^\"“”()]*[\"“”)]")


def _fold(word: str) -> str:
    """A word compared without case or accents ("Ibáñez" and "IBANEZ" are one surname)."""
    return fold_name(word).strip(".,;:")


def title_like(word: str) -> bool:
    """Whether a word is a title or role word (nameparser's titles, or the title lexicon)."""
    w = _fold(word)
    return bool(w) and (w in CONSTANTS.titles or w.replace(".", "") in CONSTANTS.titles or w in TITLES)


@dataclass(frozen=True)
class Name:
    """A name split into its parts; every part case-folded, the words as written kept too."""

    text: str
    words: tuple[str, ...]  # the folded words, without suffix and nickname
    written: tuple[str, ...]  # the same words as written
    role: tuple[str, ...]  # title and role words before the given names
    given: tuple[str, ...]  # given and middle names
    surname: str  # "" for a label that names a role, not a person
    nickname: str = ""

    @property
    def is_role(self) -> bool:
        return not self.surname


_SIMPLE_WORD = re.compile(r"[A-Z][^\W\d_]*(?:[’'-][^\W\d_]+)*\.?")
_SUFFIX_WORDS = frozenset("jr jr. sr sr. ii iii iv v esq esq. phd md".split())


def _simple(plain: str) -> bool:
    """At most four capitalised words (initials allowed), none a suffix."""
    words = plain.split()
    return len(words) <= 4 and all(_SIMPLE_WORD.fullmatch(w) and w.casefold() not in _SUFFIX_WORDS for w in words)


def _plain(name: str) -> tuple[str, str]:
    """(the name's words joined by single spaces, the same with an all-capitals name capitalised)."""
    text = " ".join(name.split())
    return text, " ".join(w.capitalize() for w in text.split()) if text.isupper() else text


def _written(name: str) -> list[str]:
    """The name's words as ``parse`` reads them, before it drops suffixes."""
    return _BRACKETED.sub(" ", _plain(name)[1]).split()


@lru_cache(maxsize=65536)
def parse(name: str) -> Name:
    """The parts of a name, label or mention."""
    text, plain = _plain(name)
    if _simple(plain):
        # Capitalised words and nothing else: nameparser would find no suffix, no
        # nickname and the last word as the surname (and it is slow: skip it).
        last_word, suffix, nick = plain.split()[-1], "", ""
    else:
        hn = HumanName(plain)
        last_word, suffix, nick = hn.last, hn.suffix, hn.nickname
    written = _BRACKETED.sub(" ", plain).split()
    suffixes = {_fold(s) for s in re.split(r"[\s,]+", suffix) if s}
    while len(written) > 2 and _fold(written[-1]) in suffixes:
        written.pop()
    written = [w.strip(",") for w in written if _fold(w)]
    words = tuple(_fold(w) for w in written)
    nickname = _fold(nick)
    if not words or words[0] in _DETERMINERS:
        return Name(text, words, tuple(written), words, (), "", nickname)
    last = tuple(_fold(w) for w in last_word.split())
    n_last = len(last) if last and len(last) <= len(words) and words[-len(last):] == last else 1
    surname_words = words[-n_last:]
    if n_last == 1 and title_like(surname_words[0]):
        return Name(text, words, tuple(written), words, (), "", nickname)
    lead = words[:-n_last]
    k = max((i for i, w in enumerate(lead) if title_like(w)), default=-1)
    return Name(text, words, tuple(written), lead[: k + 1], lead[k + 1 :], " ".join(surname_words), nickname)


def described(name: str) -> bool:
    """Whether ``parse(name)`` is sure to be a description, not a person: the name's first word is
    an article or a possessive (``the harbour council``, ``Her aides``), so it has no surname
    whatever the rest holds. Told from that first word alone, without nameparser (which ``parse``
    may call for the rest, and which is slow): the first word is never dropped as a suffix."""
    words = _written(name)
    return bool(words) and _fold(words[0]) in _DETERMINERS


def leading_words(name: str) -> tuple[tuple[str, ...], bool]:
    """(a beginning of ``parse(name).words``, whether it is all of them), told without
    nameparser. ``parse`` keeps the name's words as written, each folded, leaving out those that
    fold to nothing; it drops suffixes only at the end and only while more than two words are
    left. So a name of one word is known whole, and the first two words of a longer one are
    its first two when neither folds to nothing (else its first, when that does not)."""
    words = _written(name)
    folded = [_fold(w.strip(",")) for w in words[:2]]
    if len(words) < 2:
        return tuple(w for w in folded if w), True
    if not folded[0]:
        return (), False
    return (folded[0], folded[1]) if folded[1] else (folded[0],), False


def personal_name(name: str) -> str:
    """The name without the title and role words before it, as written (``Harbour Master
    Lena Oduya`` → ``Lena Oduya``, ``MAYOR FERRANT`` → ``Ferrant``); a label that names a
    role and no person stays as it is."""
    p = parse(name)
    if p.is_role or not p.role:
        return name
    return " ".join(p.written[len(p.role) :])


# --------------------------------------------------------------------------- name parts

_SURNAME_TYPO_MIN = 5  # a surname this long may be misspelt by one edit (Okafor / Okafur)
_SPELLING = 0.9  # Jaro-Winkler similarity of two spellings of one first name


def surnames_agree(a: str, b: str) -> bool:
    """Equal, or one edit apart when both are long (Murray and Murphy are two edits apart)."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= _SURNAME_TYPO_MIN and jellyfish.damerau_levenshtein_distance(a, b) <= 1


def _initials(word: str) -> str:
    """The letters of an initial or initials ("j", "j.r", "jr." → "j"/"jr"), or ""."""
    letters = word.replace(".", "")
    if len(letters) == 1 or ("." in word and len(letters) <= 3):
        return letters
    return ""


def first_names_agree(a: str, b: str, initials: bool = True) -> bool:
    """Equal, a spelling variant (Jaro-Winkler), or (with ``initials``) one an initial of the other."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    ia, ib = _initials(a), _initials(b)
    if ia or ib:
        return initials and (ia or a)[0] == (ib or b)[0]
    return jellyfish.jaro_winkler_similarity(a, b) >= _SPELLING


def same_person(a: str, b: str) -> bool:
    """Two full names (first name first, surname last) for one person: the surnames agree
    and the first names agree (``Imani Okafor`` / ``Imani Okafur``, ``J. Pratt`` / ``Jim Pratt``)."""
    ta, tb = a.split(), b.split()
    if not surnames_agree(ta[-1], tb[-1]):
        return False
    if _fold(ta[-1]) != _fold(tb[-1]):
        # A surname spelt two ways is one person only when nothing else differs
        # (Dean Baker and Dan Backer are two people).
        return _fold(ta[0]) == _fold(tb[0])
    return first_names_agree(ta[0], tb[0])


# --------------------------------------------------------------------------- who else is in the run


class Census:
    """How many distinct people of each surname a run's full names hold."""

    def __init__(self, names: Iterable[Optional[str]]):
        reps: dict[str, list[Name]] = {}
        for raw in sorted({n for n in names if n and not anonymous(n)}):
            if described(raw):
                continue  # a role: parse(raw).is_role
            p = parse(raw)
            if p.is_role or not p.given:
                continue
            group = reps.setdefault(p.surname, [])
            if not any(_compare(p, r, None).kind == SAME for r in group):
                group.append(p)
        self._count = {s: len(g) for s, g in reps.items()}

    def people(self, surname: str) -> int:
        return self._count.get(surname.casefold(), 0)


# --------------------------------------------------------------------------- comparing two names


def identity(a: Optional[str], b: Optional[str], census: Optional[Census] = None) -> Verdict:
    """Whether two speaker names are one person. An unknown speaker (None) or an anonymous
    label is anyone. ``census``: the run's names, for a surname given alone (without it,
    the two names are taken to be the whole run)."""
    if a is None or b is None or anonymous(a) or anonymous(b):
        return Verdict(SAME, "anyone")
    if a == b or " ".join(a.split()).casefold() == " ".join(b.split()).casefold():
        return Verdict(SAME, "the same name")
    return _compare(parse(a), parse(b), census)


def same_speaker(a: Optional[str], b: Optional[str], census: Optional[Census] = None) -> bool:
    """Whether two speakers are one person (``identity`` SAME): the one test grouping, ``diff``
    and ``check`` use."""
    return identity(a, b, census).kind == SAME


def _compare(a: Name, b: Name, census: Optional[Census]) -> Verdict:
    if a.is_role or b.is_role:
        if a.words == b.words:
            return Verdict(SAME, "the same role")
        role = a if a.is_role else b
        other = b if role is a else a
        return Verdict(UNCERTAIN, f"‘{role.text}’ names a role, not a person: it may or may not be {other.text}")
    if a.words == b.words:
        return Verdict(SAME, "the same name, case and accents aside")
    short, full = sorted((a.words, b.words), key=len)
    if len(short) >= 2 and full[-len(short) :] == short:
        return Verdict(SAME, "the longer name adds a title or role")
    if not surnames_agree(a.surname, b.surname):
        return _other_surnames(a, b)
    if _given_found(a, b) or _given_found(b, a):
        return Verdict(SAME, "same surname, first names agree")
    for one, other in ((a, b), (b, a)):
        if one.given and _initials(one.given[0]) and _initial_of_any(one.given[0], other):
            return Verdict(UNCERTAIN, f"‘{one.written[len(one.role)]}’ may be the initial of a given name of {other.text}")
    if not a.given or not b.given:
        return _surname_alone(a if not a.given else b, b if not a.given else a, census)
    fa, fb = a.given[0], b.given[0]
    if fa[0] == fb[0]:
        return Verdict(UNCERTAIN, f"first names ‘{a.written[len(a.role)]}’ and ‘{b.written[len(b.role)]}’ differ "
                                  "but share an initial: one may be a short form of the other")
    return Verdict(DIFFERENT, "same surname, different first names")


def may_be_same(a: Name, b: Name) -> bool:
    """A quick test that ``_compare(a, b, census)`` cannot be SAME, whatever the census:
    False means two different people (or a role and a person); True means ask ``identity``.
    A role is the same only as the same role; a person needs the other's last word, or a
    surname that agrees. Grouping asks it first of each pair of names it meets."""
    if a.is_role or b.is_role:
        return a.words == b.words
    return a.words[-1] == b.words[-1] or surnames_agree(a.surname, b.surname)


def _given_found(a: Name, b: Name) -> bool:
    """Whether ``b``'s first name (or nickname) is ``a``'s first name, an initial of it, or
    any word of ``a`` before its surname that is not a title: the words before it are then
    roles the title lists do not know (``Harbour Master Lena Oduya``)."""
    names = [n for n in (b.given[:1] + ((b.nickname,) if b.nickname else ())) if n]
    if a.nickname and b.given and first_names_agree(a.nickname, b.given[0], initials=False):
        return True
    if a.given and any(first_names_agree(a.given[0], n) for n in names):
        return True
    lead = a.words[: len(a.role) + len(a.given)]
    return any(first_names_agree(w, n, initials=False) for w in lead if not title_like(w) and not _initials(w) for n in names
               if not _initials(n))


def _initial_of_any(initial: str, name: Name) -> bool:
    lead = name.words[: len(name.role) + len(name.given)]
    return any(w[0] == initial[0] for w in lead if not title_like(w))


def _surname_alone(alone: Name, full: Name, census: Optional[Census]) -> Verdict:
    people = census.people(full.surname) if census is not None else 1
    if people <= 1:
        return Verdict(SAME, "the only person of that surname")
    return Verdict(UNCERTAIN, f"{people} people called {full.written[-1]} appear in the run: "
                              f"‘{alone.text}’ may be any of them")


def _other_surnames(a: Name, b: Name) -> Verdict:
    """Different surnames: different people, unless one name is a single word that is the
    other's first name (``Lena`` / ``Lena Oduya``)."""
    for one, other in ((a, b), (b, a)):
        if len(one.words) == 1 and other.given and first_names_agree(one.words[0], other.given[0], initials=False):
            return Verdict(UNCERTAIN, f"‘{one.text}’ may be the first name of {other.text}")
    return Verdict(DIFFERENT, "different surnames")


# --------------------------------------------------------------------------- one name per person in a run


def canonicalize_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """One canonical name per person across all articles.

    Full names that differ only in spelling or initials merge to the most
    frequent form; a surname on its own becomes the one full name that carries
    it, and stays as it is when several people share it.
    """
    return renamed(quotes, canonical_names(speaker_counts(quotes)))


def speaker_counts(quotes: Sequence[Quote]) -> dict[str, int]:
    """Each speaker name and how many quotes carry it (all ``canonical_names`` reads)."""
    counts: dict[str, int] = {}
    for q in quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    return counts


def renamed(quotes: Sequence[Quote], canon: Mapping[str, str]) -> list[Quote]:
    """The quotes with each speaker name replaced by its canonical name (``canonical_names``)."""
    return [q if not q.speaker or (name := canon.get(q.speaker)) is None or name == q.speaker else evolve(q, speaker=name)
            for q in quotes]


def _full_name(name: str) -> bool:
    """Two words or more, capitalised first and last, none possessive: a person's full name,
    not a description ("Mrs. Clinton's campaign", "Former aides")."""
    words = name.split()
    return (
        len(words) >= 2
        and name[:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.endswith(("'s", "’s", "s'", "s’")) for w in words)
    )


def canonical_names(counts: Mapping[str, int]) -> dict[str, str]:
    """``canonicalize_speakers`` as a mapping: each speaker name (with how many quotes carry
    it) to its canonical name; a name left out stays as it is."""
    full = sorted((n for n in counts if _full_name(n)), key=lambda n: (-counts[n], n))
    canon: dict[str, str] = {}
    reps: list[str] = []
    # Compare a name only with representatives whose surname starts alike.
    reps_by_key: dict[str, list[str]] = {}
    for name in full:
        key = name.split()[-1][:2].lower()
        for rep in reps_by_key.get(key, ()):
            if same_person(name, rep):
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
    return canon
