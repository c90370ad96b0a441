"""The people an article names: full names, surnames, titles and roles, gender,
and where each is mentioned."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

from ..lexicon import NOT_NAMES, PRONOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLES
from ..textnorm import fold_name
from .function_words import (
    ALL_PREPOSITIONS,
    AUXILIARIES,
    BEFORE_SUBJECT,
    COMMON_ENGLISH,
    COORDINATORS,
    DETERMINERS,
    LEADING_FUNCTION_WORDS,
    NAME_CONNECTORS,
    NEVER_NAME_WORDS,
    NOT_HEADS,
    PRONOUN_FORMS,
    TITLE_CONNECTORS,
)
from .gender import gender_of, is_first_name
from .tokens import INITIALS_DOT, Tok

_DIGIT = re.compile(r"\d")


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


def looks_plural(word: str) -> bool:
    """A lower-case noun that reads as plural ("residents", "officials"; not "press", "campus", "analysis")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def is_name_token(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name (not a title, a
    function word, an acronym or a number)."""
    return t.is_cap and _name_word(t.text)


@lru_cache(maxsize=65536)
def _name_word(text: str) -> bool:
    """``is_name_token`` for a capitalised word; the same word repeats through an article."""
    if len(text) == 2 and text[1] == "." and text[0].isupper():
        return True  # an initial, even one that is a word without its dot ("Roberta A. Kaplan")
    bare = text.rstrip(".")
    if bare.endswith(("’s", "'s")):
        bare = bare[:-2]
    if bare in NOT_NAMES or bare.lower() in NEVER_NAME_WORDS:
        return False
    if text.lower().rstrip(".") in TITLES:
        return False
    if INITIALS_DOT.fullmatch(text) or (len(text) == 2 and text[1] == "." and text[0].isupper()):
        return True  # "G.K." in "G.K. Butterfield", "T." in "Peter T. King"
    if text.isupper() and len(text) > 1:  # acronyms: US, AP, NATO
        return False
    if _DIGIT.search(text):
        return False
    return True


def split_run(run: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """(title tokens, name tokens) of a capitalised run: the name is its tail, or,
    in "Rep. Elijah Cummings of Maryland", the part before a short "of" place."""
    for c in range(len(run) - 2, 0, -1):
        if run[c].low in ("of", "from") and len(run) - c - 1 <= 3:
            titles, name = split_run(run[:c])
            if (len(name) >= 2 or (name and titles)) and _ends_name(run[:c]):
                return titles, name
            break
    while len(run) > 1 and run[-1].low.rstrip(".,") in NAME_SUFFIXES:
        run = run[:-1]  # "Joseph F. Dunford Jr.": the suffix is no part of the surname
    k = len(run)
    if _title_surname(run):
        k -= 1  # "Peter T. King", "Ruth Pope": a title word after a first name is a surname
    while k > 0 and (is_name_token(run[k - 1]) or (run[k - 1].low in NAME_CONNECTORS and k < len(run))):
        if len(run) - k >= 2 and run[k - 1].low in ROLE_NOUNS:
            break  # "Economist Ann Roe" opening a sentence: a role before a full name, not a first name
        k -= 1
    name = run[k:]
    while name and name[0].low in NAME_CONNECTORS:
        name = name[1:]
    if len(name) > 3:
        name = name[-3:]
    return run[: len(run) - len(name)], name


# Generational suffixes after a surname.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Honorifics before a surname and the sex each says.
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _title_surname(run: Sequence[Tok]) -> bool:
    """The run ends in a title word that follows a first name or an initial:
    a surname ("Peter T. King", "Anna Bishop"), since titles come before names."""
    last = run[-1] if run else None
    if last is None or len(run) < 2 or not last.is_cap or last.text.isupper() or last.low.rstrip(".") not in TITLES:
        return False
    prev = run[-2]
    return is_name_token(prev) and (is_first_name(prev.text) or (len(prev.text) == 2 and prev.text[1] == "."))


def _ends_name(run: Sequence[Tok]) -> bool:
    return is_name_token(run[-1]) or _title_surname(run)


def cap_runs(toks: Sequence[Tok], caps: Optional[Sequence[int]] = None) -> Iterable[tuple[int, int]]:
    """Index ranges of capitalised runs, joined by title connectors (of, to, for).
    ``caps``: the indices of the capitalised tokens, when the caller has them."""
    if caps is None:
        caps = capitalised(toks)
    n = len(toks)
    j = 0
    for i in caps:
        if i < j:
            continue  # inside the run before
        j = i + 1
        while j < n:
            t = toks[j]
            if t.is_cap:
                j += 1
            elif (
                t.kind == "w"
                and (t.low in TITLE_CONNECTORS or t.low in NAME_CONNECTORS)
                and j + 1 < n
                and toks[j + 1].is_cap
            ):
                j += 2
            else:
                break
        yield i, j


def capitalised(toks: Sequence[Tok]) -> list[int]:
    """The indices of the capitalised words: a few in ten of an article's tokens."""
    return [k for k, t in enumerate(toks) if t.is_cap]


def role_words(words: Iterable[str]) -> set[str]:
    roles: set[str] = set()
    for w in words:
        roles.update(_roles_in(w))
    return roles


# Abbreviated titles and the role each stands for: "Sen. Ann Roe" is "the senator" later on.
_TITLE_ROLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "prof": "professor"}


@lru_cache(maxsize=65536)
def _roles_in(word: str) -> tuple[str, ...]:
    """The role nouns in one word ("spokeswoman", "vice-president", "Sen."): the same words repeat."""
    parts = [_TITLE_ROLES.get(part, part) for part in word.lower().rstrip(".").split("-")]
    return tuple(part for part in parts if part in ROLE_NOUNS)


# Singular nouns for an institution: "the company said" refers to the one named last.
INSTITUTION_NOUNS = frozenset(
    "company firm agency ministry department council committee commission government administration "
    "campaign group organization organisation union authority service board trust bank".split()
)


BUSINESS_NOUNS = frozenset("company firm".split())


def bare(word: str) -> str:
    """A word without a possessive ending: "Trump’s" -> "Trump"."""
    return word[:-2] if word.endswith(("’s", "'s")) and len(word) > 2 else word


def name_text(name: Sequence[Tok]) -> str:
    return " ".join([*(t.text for t in name[:-1]), bare(name[-1].text)])


def _clean_name(name: list[Tok]) -> list[Tok]:
    """A name run cut after a possessive ("BlazeTV’s Glenn Beck" -> "Glenn Beck") and
    without a leading word that is no first name before one that is ("Speaker Paul
    Ryan", "Navy SEAL Ty Woods" -> the name)."""
    for x in range(len(name) - 1, 0, -1):
        if name[x - 1].text.endswith(("’s", "'s")):
            name = name[x:]
            break
    while len(name) >= 3 and not is_first_name(name[0].text) and is_first_name(name[1].text):
        name = name[1:]
    return name


# A word before a name that makes the words before it no role of the name's ("a spokeswoman for").
# Capitalised words that open a sentence before its subject and are never part of a name
# ("But Okafor …", "And Okafor, …"); not subordinators ("When Okafor died, …" is no subject).
_OPENERS = COORDINATORS | frozenset("so yet then still also now later earlier".split())
_NOT_ROLE_LEAD = frozenset(TITLE_CONNECTORS | {"with", "from", "by", "at"})

# How many people sharing one surname a surname alone may mean: far more than any article names
# (a family, two namesakes), and a bound that keeps an input of thousands of "<First> Roe" linear.
MAX_SHARING_SURNAME = 8

# How many mentions back ``latest_before`` looks: far more than any article's
# pronoun needs, and a bound that keeps hostile input linear.
LOOK_BACK_MENTIONS = 500
# A person's gender read from the pronouns after their mentions: how far to look (words of the
# same sentence) and how many mentions must agree.
PRONOUN_GENDER_WINDOW = 12
MIN_PRONOUN_VOTES = 2
_PRONOUN_GENDER = {w: "m" for w in ("he", "him", "his", "himself")} | {w: "f" for w in ("she", "her", "hers", "herself")}


class People:
    """The people an article names, with their titles and roles."""

    def __init__(self, toks: Sequence[Tok]):
        self.persons: dict[str, Person] = {}
        self._first_in_para: Optional[dict[int, str]] = None
        self._by_offset: Optional[list[tuple[int, str]]] = None
        self._by_para: Optional[dict[int, set[str]]] = None
        self._offsets: list[int] = []
        self._fitting: dict[tuple[str, bool], tuple[list[int], list[int]]] = {}
        self._by_role: Optional[dict[str, list[Person]]] = None
        self._by_first: Optional[dict[str, list[Person]]] = None
        self._folded: Optional[dict[str, str]] = None
        self.surname_index: dict[str, list[Person]] = {}
        # Words the article writes in lower case: "Rival" opening a sentence is not a first name.
        self.common = {t.low for t in toks if t.kind == "w" and not t.is_cap}
        # Runs of two capitalised words or more that start with no first name or title:
        # organisations and institutions ("Pendlebury Logistics"), (offset, words).
        self.orgs: list[tuple[int, str]] = []
        titled: list[tuple[str, set[str], int, list[str]]] = []
        caps = capitalised(toks)
        titles: list[Tok]
        name: list[Tok]
        for i, j in cap_runs(toks, caps):
            if j - i == 1:
                # A lone capitalised word, most runs: "The", "He", "Mr." name nobody; any other is
                # the name itself, as split_run and _clean_name would give it (a connector alone,
                # "Van", is none), without building the run.
                tok = toks[i]
                if not is_name_token(tok):
                    continue
                titles = []
                name = [] if tok.low in NAME_CONNECTORS or (i == 0 or toks[i - 1].kind != "w") and tok.low in self.common else [tok]
            else:
                run = list(toks[i:j])
                if not is_first_name(run[0].text) and run[0].low.rstrip(".") not in TITLES:
                    self.orgs.append((run[0].start, name_text(run)))
                titles, name = split_run(run)
                if name and name[0] is run[0] and (i == 0 or toks[i - 1].kind != "w"):
                    while name and name[0].low in self.common:
                        name = name[1:]
                name = _clean_name(name)
            if not name:
                continue
            before = [t.low for t in toks[max(0, i - 3) : i] if t.kind == "w"]
            # "spokeswoman Ann Roe" gives Roe the role; "a spokeswoman for Ann Roe" does not.
            # The role word must stand next to the name ("the secretary lauded Mr. Roe" gives Roe no role).
            near = before[-2:] if before and before[-1] not in _NOT_ROLE_LEAD and _roles_in(before[-1]) else []
            roles = role_words([t.text for t in titles] + near) if titles or near else set()
            roles |= self._apposition_roles(toks, j)
            if len(name) >= 2:
                person = self._add(name_text(name), roles, name[0].start)
                if not person.gender:
                    person.gender = gender_of(name[0].text, [t.text for t in titles] + before[-2:] + sorted(roles))
            else:
                p = self._by_surname(bare(name[0].text), name[0].start)
                if p is not None:
                    p.roles |= roles
                elif any(t.low.rstrip(".") in TITLES for t in titles):
                    titled.append((bare(name[0].text), roles, name[0].start, [t.text for t in titles]))
                elif not titles and i >= 2 and toks[i - 1].text == "," and toks[i - 2].low in ROLE_NOUNS \
                        and is_first_name(name[0].text) and j < len(toks) and toks[j].text in (",", "."):
                    # "Roe's wife, Melania, is …": a person the article calls by first name only
                    person = self._add(name[0].text, {toks[i - 2].low}, name[0].start)
                    if not person.gender:
                        person.gender = gender_of(name[0].text, [toks[i - 2].low])
        # "Mr. Okafor", "President Okafor" in an article that never gives the full name: a
        # person known by title and surname (pronouns may refer to them).
        named_words = {w for name in self.persons for w in name.split()}
        for surname, roles, offset, words in titled:
            if surname in named_words:
                continue  # the full name is given elsewhere ("Mr. Lou" of "Lou Jiwei" too)
            person = self._add(surname, roles, offset)
            if not person.gender:
                person.gender = gender_of("", words + sorted(roles))
        self.place_words: set[str] = set()
        self.tok_index: dict[int, int] = {}  # start offset of a capitalised word -> token index
        self._surname_mentions(toks, caps)
        # Mentions in subject position ("Obama said", "..., Trump called"): what a later
        # "he" most likely refers to, rather than a name in passing ("than Lincoln").
        self.subjects: set[int] = set()
        for p in self.persons.values():
            for m in p.mentions:
                at = self.tok_index.get(m)
                if at is not None and in_subject_position(toks, at):
                    self.subjects.add(m)
        self._genders_from_pronouns(toks)

    def _genders_from_pronouns(self, toks: Sequence[Tok]) -> None:
        """A person no first name or title gives a gender ("Okafor", "Angel Ruiz"): the gender
        of the pronouns that follow their mentions, the first third-person pronoun in the
        same sentence before anyone else is named, when at least two mentions agree and
        none says otherwise ("Okafor took his seat … Okafor said he …")."""
        unknown = [p for p in self.persons.values() if not p.gender]
        if not unknown:
            return
        named = {m for p in self.persons.values() for m in p.mentions}
        for p in unknown:
            votes = {"m": 0, "f": 0}
            for m in p.mentions:
                k = self.tok_index.get(m)
                if k is None:
                    continue
                sent = toks[k].sent
                for t in toks[k + 1 : k + 1 + PRONOUN_GENDER_WINDOW]:
                    if t.sent != sent or t.kind == "q" or t.start in named:
                        break
                    g = _PRONOUN_GENDER.get(t.low)
                    if g:
                        votes[g] += 1
                        break
            m_votes, f_votes = votes["m"], votes["f"]
            if m_votes >= MIN_PRONOUN_VOTES and not f_votes:
                p.gender = "m"
            elif f_votes >= MIN_PRONOUN_VOTES and not m_votes:
                p.gender = "f"

    def _surname_mentions(self, toks: Sequence[Tok], caps: Sequence[int]) -> None:
        """One pass over the capitalised words: a surname on its own ("Okafor said") is a
        mention of the one person of that name named most recently before it (or first
        after it); capitalised words after "in", "from" or "at" are places and institutions."""
        # Mentions as full names are in text order already; surnames found in this pass
        # are kept apart (also in text order) and merged at the end, so that finding the
        # nearest owner of a surname is a bisection, not a scan of every mention.
        full = {p.name: p.mentions for p in self.persons.values()}
        alone: dict[str, list[int]] = {name: [] for name in full}

        def latest(p: Person, offset: int) -> tuple[int, int]:
            ms = full[p.name]
            i = bisect.bisect_left(ms, offset)
            before = max(ms[i - 1] if i else -1, alone[p.name][-1] if alone[p.name] else -1)
            if before >= 0:
                return (0, offset - before)
            return (1, (ms[i] - offset) if i < len(ms) else 1 << 30)

        honorific: dict[str, set[str]] = {}  # name -> the genders of the honorifics before its surname
        for k in caps:  # the capitalised words (``caps``), each with the token before it
            t = toks[k]
            prev = toks[k - 1] if k else None
            self.tok_index[t.start] = k
            if prev is not None and prev.low in ("in", "from", "at"):
                self.place_words.add(t.text)
            # a surname alone, or after a title ("Mr. Okafor", "Sen. Okafor") or a sentence's
            # opening function word ("But Okafor", "And Okafor, …"), not inside a longer name
            if not (prev is not None and prev.is_cap and prev.low.rstrip(".") not in TITLES and prev.low not in _OPENERS):
                w = t.text  # ``bare(w)``, inline: this runs for every capitalised word
                owners = self.surname_index.get(w[:-2] if w.endswith(("’s", "'s")) and len(w) > 2 else w)
                if owners and len(owners) > 1 and prev is not None and prev.is_cap:
                    owners = _of_gender(owners, gender_of("", (prev.text,)))  # "Mrs. Roe"
                if owners:
                    p = owners[0] if len(owners) == 1 else min(owners, key=lambda o: latest(o, t.start))
                    ms = full[p.name]
                    i = bisect.bisect_left(ms, t.start)
                    if not (i < len(ms) and ms[i] == t.start):
                        alone[p.name].append(t.start)
                    if prev is not None and prev.low.rstrip(".") in HONORIFIC_GENDER:
                        honorific.setdefault(p.name, set()).add(HONORIFIC_GENDER[prev.low.rstrip(".")])
        for p in self.persons.values():
            if alone[p.name]:
                p.mentions = sorted(set(p.mentions + alone[p.name]))
        # "Mr. Graham" says more than a first name the dictionary gives the other sex ("Lindsey"):
        # an honorific the article puts before the surname, when all of them agree, decides.
        for name, genders in honorific.items():
            if len(genders) == 1:
                self.persons[name].gender = next(iter(genders))

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
        if not words or words[0].lower() not in DETERMINERS and not role_words(words[:1]):
            return set()
        return role_words(words)

    def _add(self, name: str, roles: set[str], offset: int) -> Person:
        p = self.persons.get(name)
        if p is None:
            p = Person(name, name.split()[-1])
            self.persons[name] = p
            sharing = self.surname_index.setdefault(p.surname, [])
            if len(sharing) < MAX_SHARING_SURNAME:
                sharing.append(p)  # a bound: each surname mention looks at every person sharing it
        p.roles |= roles
        p.mentions.append(offset)
        return p

    def fits(self, name: str, pronoun: str) -> bool:
        p = self.persons.get(name)
        return p is None or p.fits(pronoun)

    def never_one_person(self, speaker: str) -> bool:
        """An institution ("the council", "Ashbury Council") or a group described in the
        plural ("residents"): what "he" or "she" never means."""
        if speaker in self.persons:
            return False
        words = speaker.lower().split()
        if any(w in INSTITUTION_NOUNS for w in words):
            return True
        return speaker[:1].islower() and looks_plural(words[-1])

    def may_be(self, speaker: str, pronoun: str) -> bool:
        """Whether "he" or "she" can mean ``speaker``: a person the pronoun fits; a description of
        one person whose words say no other sex ("a young man" is never "she"), a name nobody knows
        more of; not an institution or a group."""
        person = self.persons.get(speaker)
        if person is not None:
            return person.fits(pronoun)
        if self.never_one_person(speaker):
            return False
        said = gender_of("", speaker.split()) if speaker[:1].islower() or speaker.split()[0] in ("A", "An", "The") else ""
        return not said or said == PRONOUNS.get(pronoun, said)

    def _by_surname(self, word: str, offset: int) -> Optional[Person]:
        cands = self.surname_index.get(word)
        if not cands:
            return None
        return nearest(cands, offset)

    def by_name(self, tokens: Sequence[str], offset: int) -> Optional[str]:
        if tokens:
            tokens = [*tokens[:-1], bare(tokens[-1])]
        name = " ".join(tokens)
        if name in self.persons:
            return name
        if len(tokens) > 1 and tokens[0].lower() in self.common:
            return self.by_name(tokens[1:], offset)  # "Rival Hillary Clinton"
        if len(tokens) > 1:
            # "Francois Hollande" for "François Hollande", "ANN ROE" for "Ann Roe": the same name
            # without accents or case (an index built on the first such question)
            if self._folded is None:
                self._folded = {}
                for full in self.persons:
                    self._folded.setdefault(fold_name(full), full)
            return self._folded.get(fold_name(name))
        if len(tokens) == 1:
            p = self._by_surname(tokens[0], offset)
            if p is None:
                # A first name on its own ("Helena said").
                if self._by_first is None:
                    self._by_first = {}
                    for q in self.persons.values():
                        self._by_first.setdefault(q.name.split()[0], []).append(q)
                cands = self._by_first.get(tokens[0])
                p = nearest(cands, offset) if cands else None
            return p.name if p else None
        return None

    def by_surname_and_gender(self, surname: str, gender: str, offset: int) -> Optional[str]:
        """ "Mrs. Roe" when a Mr. Roe is named too: the one of that gender, if one is known."""
        cands = self.surname_index.get(surname, ())
        if len(cands) < 2:
            return None
        fitting = [p for p in cands if p.gender == gender]
        return nearest(fitting, offset).name if fitting else None

    def by_surname_and_roles(self, surname: str, roles: set[str], offset: int) -> Optional[str]:
        cands = [p for p in self.surname_index.get(surname, ()) if p.roles & roles]
        return nearest(cands, offset).name if cands else None

    def by_role(self, role: str, offset: int) -> Optional[str]:
        if self._by_role is None:
            self._by_role = {}
            for p in self.persons.values():
                for r in p.roles:
                    self._by_role.setdefault(r, []).append(p)
        cands = self._by_role.get(role)
        return nearest(cands, offset).name if cands else None

    def _mention_order(self) -> list[tuple[int, str]]:
        """Every mention as (offset, name), in text order (worked out once)."""
        if self._by_offset is None:
            self._by_offset = sorted((m, name) for name, p in self.persons.items() for m in p.mentions)
            self._offsets = [m for m, _ in self._by_offset]
        return self._by_offset

    def latest_before(self, offset: int) -> Iterator[tuple[int, str]]:
        """(offset, name) of each person's last mention before ``offset``, most recent first."""
        order = self._mention_order()
        seen: set[str] = set()
        last = bisect.bisect_left(self._offsets, offset) - 1
        for i in range(last, max(-1, last - LOOK_BACK_MENTIONS), -1):
            m, name = order[i]
            if name not in seen:
                seen.add(name)
                yield m, name

    def named_in_paragraphs(self, toks: Sequence[Tok], lo: int, hi: int) -> set[str]:
        """The people mentioned in paragraphs ``lo`` to ``hi``."""
        if self._by_para is None:
            self._by_para = {}
            for name, p in self.persons.items():
                for m in p.mentions:
                    k = self.tok_index.get(m)
                    if k is not None:
                        self._by_para.setdefault(toks[k].para, set()).add(name)
        out: set[str] = set()
        for para in range(lo, hi + 1):
            out |= self._by_para.get(para, set())
        return out

    def named_between(self, lo: int, hi: int) -> set[str]:
        """The people mentioned after offset ``lo`` and before ``hi``."""
        self._mention_order()
        assert self._by_offset is not None
        a = bisect.bisect_right(self._offsets, lo)
        b = bisect.bisect_left(self._offsets, hi)
        return {name for _, name in self._by_offset[a:b]}

    def first_in_paragraph(self, toks: Sequence[Tok]) -> dict[int, str]:
        """Paragraph number -> the person mentioned first in it (worked out once)."""
        if self._first_in_para is None:
            first: dict[int, tuple[int, str]] = {}
            for name, p in self.persons.items():
                for m in p.mentions:
                    k = self.tok_index.get(m)
                    if k is None:
                        continue
                    para = toks[k].para
                    if para not in first or m < first[para][0]:
                        first[para] = (m, name)
            self._first_in_para = {para: name for para, (_, name) in first.items()}
        return self._first_in_para

    def nearest_organisation(self, noun: str, offset: int, within: int = 400) -> Optional[str]:
        """What "the <noun>" refers to: the organisation named last before ``offset``
        whose name holds the noun ("the agency": "Larkmoor Flood Agency"), or, for a
        business ("the company", "the firm"), any organisation named just before (at
        most ``within`` characters back). An organisation is a run of two capitalised
        words or more that starts with no first name, not known as a person."""
        best = None
        for at, name in self.orgs:
            if at >= offset:
                break
            p = self.persons.get(name)
            if p is not None and (p.gender or p.roles):
                continue
            if noun in name.lower().split() or (noun in BUSINESS_NOUNS and at >= offset - within):
                best = name
        return best

    def last_mention_offset(self, name: str, offset: int) -> int:
        p = self.persons.get(name)
        if p is None:
            return -1
        i = bisect.bisect_left(p.mentions, offset)
        return p.mentions[i - 1] if i else -1

    def last_mentioned(self, offset: int, pronoun: str = "", subjects_only: bool = False) -> Optional[str]:
        """The person named last before ``offset`` whom ``pronoun`` can refer to;
        someone known to match the pronoun's gender wins over someone unknown
        named a little later (within a few sentences)."""
        best_at, known_at = self._last_fitting(pronoun, subjects_only, offset)
        if best_at < 0:
            return None
        order = self._by_offset or []
        if known_at >= 0 and order[best_at][0] - order[known_at][0] < 600:
            return order[known_at][1]
        return order[best_at][1]

    def _last_fitting(self, pronoun: str, subjects_only: bool, offset: int) -> tuple[int, int]:
        """Indexes into the mention order of the last mention before ``offset`` of
        someone ``pronoun`` can refer to, and of someone known to have its gender
        (-1 for none). Worked out once per pronoun as two running arrays, so each
        question is a bisection however long the article."""
        key = (pronoun, subjects_only)
        if key not in self._fitting:
            order = self._mention_order()
            want = PRONOUNS.get(pronoun, "")
            last_fit, last_known = [], []
            fit = known = -1
            for i, (m, name) in enumerate(order):
                p = self.persons[name]
                if (not pronoun or p.fits(pronoun)) and (not subjects_only or m in self.subjects):
                    fit = i
                    if p.gender and p.gender == want:
                        known = i
                last_fit.append(fit)
                last_known.append(known)
            self._fitting[key] = (last_fit, last_known)
        last_fit, last_known = self._fitting[key]
        i = bisect.bisect_left(self._offsets, offset) - 1
        return (last_fit[i], last_known[i]) if i >= 0 else (-1, -1)


DOCUMENTS = frozenset("statement report release letter email e-mail tweet post memo document filing ad advertisement video clip website".split())


def is_document(speaker: str) -> bool:
    """A speaker that is a text, not a person ("a statement"): no "he" or "she" refers to it."""
    return speaker.split()[-1].lower().strip(".,") in DOCUMENTS


NOT_VERBS_AFTER_NAME = ALL_PREPOSITIONS | frozenset("and or than as who which that whose".split())


def in_subject_position(toks: Sequence[Tok], k: int) -> bool:
    """A name at k that opens its clause and is followed by a verb-like word."""
    j = k
    while j < len(toks) and toks[j].is_cap:
        j += 1
    if toks[j - 1].low.endswith(("’s", "'s")):
        return False  # "Roe’s former chief of staff offered …": the owner is no subject
    i = _description_start(toks, k)
    before_ok = i == 0 or toks[i - 1].kind in ("nl", "q") or toks[i - 1].text in (",", ";", ":", "”", '"', "—") or toks[i - 1].low in ("and", "but", "when", "while", "as")
    if i > 0 and toks[i - 1].kind == "p" and toks[i - 1].text in ".!?":
        before_ok = True
    after_ok = (
        j < len(toks)
        and toks[j].kind == "w"
        and not toks[j].is_cap
        and toks[j].low not in NOT_VERBS_AFTER_NAME
        and toks[j].low not in ROLE_NOUNS  # "McConnell spokesman Don Stewart said": a modifier
    )
    if j < len(toks) and toks[j].text in (",", "—", "–"):
        after_ok = True  # an apposition or an aside follows: "Obama, the president, said", "Roe — an aide — said"
    return before_ok and after_ok


# How many lower-case modifiers a role before a name may have ("Democratic presidential candidate").
ROLE_MODIFIERS = 3
_NOT_MODIFIERS = (
    DETERMINERS | ALL_PREPOSITIONS | COORDINATORS | PRONOUN_FORMS | AUXILIARIES | COMMON_ENGLISH | BEFORE_SUBJECT
    | LEADING_FUNCTION_WORDS | NOT_HEADS
)


def _description_start(toks: Sequence[Tok], k: int) -> int:
    """Where the titles and role words before the name at ``k`` begin ("..., councillor David
    Okafor, has", "Democratic presidential candidate Ann Roe promised"): lower-case words
    count only as modifiers of a role word after them, never verb forms ("-ed", "-ing", "-s":
    "Roe attacked presidential candidate Ek" leaves Ek an object)."""
    i = k
    role_after = False
    modifiers = 0
    while i > 0:
        t = toks[i - 1]
        if t.is_cap or t.low in ROLE_NOUNS or t.low in TITLES:
            role_after = role_after or t.low in ROLE_NOUNS or t.low.rstrip(".") in TITLES
        elif (
            role_after
            and modifiers < ROLE_MODIFIERS
            and t.kind == "w"
            and t.low not in _NOT_MODIFIERS
            and t.low not in SPEECH_VERBS
            and not t.low.endswith(("ed", "ing", "s", "ly"))
        ):
            modifiers += 1
        else:
            break
        i -= 1
    return i


def _of_gender(owners: list[Person], gender: str) -> list[Person]:
    """The owners of a surname that a gendered title ("Mrs.", "Mr.") fits, or all of them."""
    if not gender:
        return owners
    fitting = [p for p in owners if p.gender == gender]
    return fitting or owners


def nearest(cands: Sequence[Person], offset: int) -> Person:
    """The candidate mentioned most recently before ``offset``, else first after it
    (mentions are kept in text order)."""

    def key(p: Person) -> tuple[int, int]:
        ms = p.mentions
        i = bisect.bisect_left(ms, offset)
        if i:
            return (0, offset - ms[i - 1])
        return (1, (ms[0] - offset) if ms else 1 << 30)

    return min(cands, key=key)

