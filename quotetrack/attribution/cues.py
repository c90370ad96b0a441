"""Speech cues: the verb or phrase that introduces a quote ("said", "according
to", a colon after a name), with the mention of who speaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..lexicon import (
    AFTER_QUOTE_VERBS,
    GROUP_NOUNS,
    ROLE_NOUNS,
    SPEECH_BASE_FORMS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TIME_WORDS,
    inflections,
)
from ..textnorm import NUMBER_WORDS
from .function_words import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    CLOSE_MARKS,
    COORDINATORS,
    DETERMINERS,
    LEAD_PUNCT,
    OPEN_MARKS,
    PREPOSITIONS,
    S_CONTRACTIONS,
    TIME_AFTER,
    TIME_NOUNS,
    TIME_PHRASE_WORDS,
)
from .gender import gender_of, is_first_name
from .mentions import Mention, first_of_pair, is_organisation, np_ending_at, np_starting_at, subject_of_verb
from .people import looks_plural, split_run
from .tokens import Tok, token_at


@dataclass(frozen=True)
class Cue:
    verb: str
    mention: Mention



def is_verb(t: Tok) -> bool:
    """A lower-case speech verb form; a verb that speaks only with its particle ("fired back")
    counts here, and speech_verb_at checks the particle."""
    return t.kind == "w" and (t.low in SPEECH_VERBS or t.low in _WITH_PARTICLE) and t.text[:1].islower()


def speech_verb_at(toks: Sequence[Tok], v: int) -> bool:
    """A speech verb at ``v`` that is not a noun there ("his tweets", "a snappy retort"), followed
    by its particle where it needs one ("fired back", "points out")."""
    if not is_verb(toks[v]) or used_as_noun(toks, v):
        return False
    low = toks[v].low
    if low in SPEECH_VERBS:
        return True  # ("point" is a speech verb of its own in reported speech: "pointed to the finding")
    particle = _WITH_PARTICLE.get(low)
    return particle is not None and v + 1 < len(toks) and toks[v + 1].low == particle


# Speech verbs only with their particle: "points out" says something, "campaign points" do not;
# "shot back" answers, "shot" does not.
_WITH_PARTICLE = {
    form: particle
    for forms, particle in (
        (inflections("point"), "out"),
        (inflections("fire"), "back"),
        (inflections("shoot") | {"shot", "shooting"}, "back"),
        ({"hit", "hits", "hitting"}, "back"),
    )
    for form in forms
}


_PUT = frozenset(("put", "puts"))


def _after_as(toks: Sequence[Tok], v: int) -> bool:
    """An "as" opens the few words before ``v`` ("as Ann Roe put it", "as the mayor puts it")."""
    for m in range(v - 1, max(-1, v - 7), -1):
        if toks[m].low == "as":
            return True
        if toks[m].kind != "w":
            return False
    return False


def is_quote_cue(toks: Sequence[Tok], v: int) -> bool:
    """A speech verb at ``v`` that reads as a verb here: not a noun after a determiner, and
    followed by its particle where it needs one."""
    t = toks[v]
    if t.low in _PUT and v + 1 < len(toks) and toks[v + 1].low == "it" and v > 1 and _after_as(toks, v):
        return True  # "as Roe put it"
    if not speech_verb_at(toks, v):
        return False
    particle = _WITH_PARTICLE.get(t.low)
    return particle is None or (v + 1 < len(toks) and toks[v + 1].low == particle)


# Determiners of one thing: after them a verb's base form cannot be the sentence's verb.
# How far into a sentence the comma closing a fronted clause is looked for (tokens).
CLAUSE_WINDOW = 30
_SINGULAR_DETERMINERS = frozenset("a an this that his her its another one each every".split())


def used_as_noun(toks: Sequence[Tok], v: int) -> bool:
    """A speech word after a determiner or a possessive is a noun ("his tweets"), as
    is a base form after a singular determiner and capitalised modifiers ("a
    Twitter comment": never "a Twitter comments")."""
    if v == 0:
        return False
    prev = toks[v - 1]
    if prev.low in DETERMINERS or (prev.low.endswith(("’s", "'s")) and prev.low[:-2] not in S_CONTRACTIONS):
        return True
    if prev.is_cap and toks[v].low in SPEECH_BASE_FORMS:
        k = v - 1
        while k > 0 and k > v - 4 and toks[k - 1].is_cap:
            k -= 1
        if k > 0 and (toks[k - 1].low in _SINGULAR_DETERMINERS or (toks[k - 1].low == "the" and not looks_plural(prev.low))):
            return True  # "a Twitter comment", "the Dunmore attack" (but "the Democrats say")
    if toks[v].low in SPEECH_BASE_FORMS and _after_modified_determiner(toks, v):
        return True
    return prev.kind == "w" and "-" in prev.low and not prev.is_cap  # "late-night tweets"


def _after_modified_determiner(toks: Sequence[Tok], v: int) -> bool:
    """A base form after a singular determiner or a possessive and one or two lower-case
    modifiers ("a snappy retort", "a fundraising call", "Roe’s conference call"): a noun,
    since no finite verb follows "a <word>". A plural modifier ("his aides warn") reads as
    the verb's subject instead."""
    k = v - 1
    while k >= 0 and k > v - 3:
        t = toks[k]
        if t.kind != "w" or t.is_cap or t.low in SPEECH_VERBS or t.low in DETERMINERS or looks_plural(t.low):
            break
        k -= 1
    if k == v - 1 or k < 0:
        return False  # no modifier between
    det = toks[k]
    return det.low in _SINGULAR_DETERMINERS or (
        det.kind == "w" and det.low.endswith(("’s", "'s")) and det.low[:-2] not in S_CONTRACTIONS
    )


def cue_after(toks: Sequence[Tok], k: int, hi: int, ends_sentence: bool = False, partial: bool = False) -> Optional[Cue]:
    """``,” Varga said`` / ``,” said Varga`` right after the quote token ``k``.
    ``ends_sentence``: the quoted words end with a full stop of their own; ``partial``: they
    are words woven into a sentence. After either, a cue ending in a colon introduces the
    next quote (“…” Varga added: “…”), not this one."""
    found = _cue_after(toks, k, hi, ends_sentence)
    if found is not None and (ends_sentence or partial) and _introduces_next(toks, k, hi):
        return None
    return found


def _introduces_next(toks: Sequence[Tok], k: int, hi: int) -> bool:
    """A colon and an opening mark within the few tokens after the quote at ``k`` (its cue's)."""
    for i in range(k + 1, min(hi, k + 12)):
        if toks[i].text == ":":
            return i + 1 < len(toks) and (toks[i + 1].kind == "q" or toks[i + 1].text in OPEN_MARKS)
        if toks[i].kind in ("q", "nl") or toks[i].text in (".", "!", "?"):
            return False
    return False


def _cue_after(toks: Sequence[Tok], k: int, hi: int, ends_sentence: bool) -> Optional[Cue]:
    i = k + 1
    skipped = 0
    while i < hi and toks[i].kind == "p" and (toks[i].text in CLOSE_MARKS or toks[i].text in LEAD_PUNCT) and toks[i].text not in "―—–" and skipped < 4:
        i += 1
        skipped += 1
    if i >= hi:
        return None
    if toks[i].low == "according" and i + 2 < hi and toks[i + 1].low == "to":
        # "“…,” according to the flood agency."
        found = np_starting_at(toks, i + 2, hi)
        return Cue("according to", found[0]) if found else None
    if toks[i].low == "as" and i + 1 < hi:
        # "“…,” as Roe put it."
        found = np_starting_at(toks, i + 1, hi)
        if found and found[1] < hi and is_quote_cue(toks, found[1]):
            return Cue(f"{toks[found[1]].text} it" if toks[found[1]].low in _PUT else toks[found[1]].text, found[0])
        return None
    if is_verb(toks[i]) and not toks[i].low.endswith("ing"):
        found = np_starting_at(toks, i + 1, hi)
        if found and found[0].text.lower() not in TIME_WORDS:
            return Cue(toks[i].text, found[0])
        return None
    if toks[i].kind == "p" and toks[i].text in "―—–" and i + 1 < hi:
        # "“…” ― Pamela Padilla": a name after a dash, ending its line.
        found = np_starting_at(toks, i + 1, hi)
        if found and found[0].kind == "name":
            return Cue("—", found[0])
    found = np_starting_at(toks, i, hi)
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
        while m < hi and m < j + 25 and toks[m].text != "," and (toks[m].kind == "w" or toks[m].text == "."):
            m += 1
        if m < hi and toks[m].text == ",":
            j = m + 1
    if j < hi and toks[j].kind == "w" and toks[j].low.endswith("ly") and not is_verb(toks[j]):
        j += 1  # adverb: "he said quietly" / "she quickly added"
    return _verb_after_subject(toks, j, hi, ends_sentence, mention)


def _verb_after_subject(toks: Sequence[Tok], j: int, hi: int, ends_sentence: bool, mention: Mention) -> Optional[Cue]:
    """The cue when the speech verb at ``j`` follows the subject read after a quote."""
    if j < hi and is_verb(toks[j]):
        if ends_sentence and clause_follows(toks, j, hi):
            # “We are ready.” Berger said the words meant ...: a new sentence, not a cue.
            return None
        return Cue(toks[j].text, mention)
    if j + 1 < hi and toks[j].low in AFTER_QUOTE_VERBS and toks[j + 1].kind == "p" and toks[j + 1].text in ".,;:!?":
        return Cue(toks[j].text, mention)  # "“…?” Roe pressed.": a verb that speaks only here
    return None


# How far after a verb ``clause_follows`` reads (tokens): a sentence's worth.
CLAUSE_SCAN = 200


def clause_follows(toks: Sequence[Tok], v: int, hi: int) -> bool:
    """More than a few words follow the verb before its sentence ends."""
    n = 0
    prev = toks[v]
    for m in range(v + 1, min(hi, v + 1 + CLAUSE_SCAN)):  # a bound: hi may be the article's end
        t = toks[m]
        if t.kind == "p" and t.text in ".!?":
            break
        if t.kind == "q":
            # "Roe said on Tuesday, “…”" goes on quoting; "Roe called Bo Ek a “liar”"
            # is a new sentence with its own object.
            return n > 1 and prev.kind == "w"
        if t.kind == "w":
            n += 1
        if t.kind != "p" or t.text not in OPEN_MARKS:
            prev = t
    return n > 4


def _after_preposition(toks: Sequence[Tok], np: Mention, lo: int) -> bool:
    """A name that is the object of a preposition, maybe after a few lower-case words ("… what was
    wrong with the ad to the Dutch newspaper NRC Handelsblad:"): someone spoken to or of."""
    k = token_at(toks, np.start)
    if k < 0:
        return False
    for u in range(k - 1, max(lo, k - 6) - 1, -1):
        t = toks[u]
        if t.kind != "w":
            return False
        if t.low in _SPOKEN_TO:
            return True
    return False


# Prepositions whose object is spoken to or of, never the source ("from", "via", "by" give one).
_SPOKEN_TO = frozenset("to with at for about on against toward towards".split())


def _cue_without_verb(toks: Sequence[Tok], lo: int, open_i: int) -> Optional[Cue]:
    """A cue before the quote that is no verb: a name right before a colon, "according to X",
    the owner of a noun for something said."""
    # "..., read out by its director, Camille Roux: «...»": a name right before the colon.
    if (
        open_i >= lo
        and toks[open_i].text == ":"
        and open_i - 1 >= lo
        and toks[open_i - 1].is_cap
        and not any(is_verb(toks[u]) for u in range(lo, open_i))  # not "said of Sanders:"
    ):
        np = np_ending_at(toks, open_i, lo)
        if np is not None and np.kind == "name" and not _after_preposition(toks, np, lo):
            return Cue(":", first_of_pair(toks, _person_before_affiliation(toks, np, lo), lo, open_i))
    # "according to X, “...”"
    for i in range(open_i, max(lo, open_i - 16) - 1, -1):
        if toks[i].low == "to" and i - 1 >= lo and toks[i - 1].low == "according":
            found = np_starting_at(toks, i + 1, open_i + 1)
            if found:
                return Cue("according to", found[0])
    return owner_of_speech_noun(toks, lo, open_i) or _owner_around_quote(toks, lo, open_i)


def _owner_around_quote(toks: Sequence[Tok], lo: int, open_i: int) -> Optional[Cue]:
    """A possessive name right before a quote that a noun for something said follows ("Roe’s
    “47 percent” comment"): its owner speaks."""
    if open_i < lo or not toks[open_i].is_cap or not toks[open_i].low.endswith(("’s", "'s")):
        return None
    k = open_i + 1
    while k < len(toks) and toks[k].kind == "p" and toks[k].text in OPEN_MARKS:
        k += 1
    if k >= len(toks) or toks[k].kind != "q":
        return None
    n = k + 1
    while n < len(toks) and n < k + 3 and toks[n].kind == "p" and toks[n].text in CLOSE_MARKS:
        n += 1
    if n >= len(toks) or toks[n].low not in SPEECH_NOUNS:
        return None
    return _owner_before(toks, lo, open_i + 1, toks[n].text)


def cue_before(toks: Sequence[Tok], k: int, lo: int) -> Optional[Cue]:
    """The nearest speech verb before the quote in its sentence, with its subject."""
    open_i = k - 1
    while open_i >= lo and toks[open_i].kind == "p" and toks[open_i].text in OPEN_MARKS:
        open_i -= 1
    labelled = _cue_without_verb(toks, lo, open_i)
    if labelled is not None:
        return labelled
    verbs = [
        i for i in range(main_clause_start(toks, lo, open_i), open_i + 1) if is_quote_cue(toks, i) and not passive_without_agent(toks, i)
    ]
    nearest = toks[verbs[-1]].text if verbs else ""
    if verbs and nearest.lower().endswith("ing"):
        subject = _participle_subject(toks, verbs[-1], lo)
        if subject is not None:
            return Cue(nearest, subject)
    weak: Optional[Cue] = None
    participle = False
    for v in reversed(verbs):
        verb = toks[v]
        if verb.low.endswith("ing") and v > lo and (toks[v - 1].text == "," or toks[v - 1].low not in AUXILIARIES):
            # "..., Varga stressed, adding:", "responded on Facebook writing": a participle's
            # subject is its clause's, never the noun just before it ("is promising" aside).
            participle = True
            continue
        agent = _passive_agent(toks, v, open_i)
        if agent is not None:
            return Cue(verb.text, agent)
        subj = subject_of_verb(toks, v, lo)
        if subj is not None:
            # "Varga said, adding: “...”": the cue is the participle, the speaker its clause's subject.
            cue = Cue(nearest if nearest.lower().endswith("ing") else verb.text, subj)
            if subj.kind == "role" and subj.head not in ROLE_NOUNS and subj.head not in GROUP_NOUNS:
                # "Trump’s flurry of late-night tweets": a weak description; an earlier
                # verb with a named subject ("Clinton says ...") is the better cue.
                weak = weak or cue
                continue
            return cue
        if v - 1 > lo and toks[v - 1].low in ("and", "but"):
            # "Roe arrived at a breakfast with reporters and acknowledged that …": a second
            # predicate of the sentence's subject.
            start = _after_time_phrase(toks, main_clause_start(toks, lo, v), v - 1)
            opener = _named_opener(toks, start, v - 1, pronouns=True)
            if opener is not None:
                return Cue(nearest if nearest.lower().endswith("ing") else verb.text, opener)
        # "said Varga:" (inverted, before the quote)
        found = np_starting_at(toks, v + 1, open_i + 1)
        if found and found[0].kind in ("name", "role") and not verb.low.endswith("ing"):
            nxt = found[1]
            if nxt <= open_i and (toks[nxt].text in (":", ",") or (participle and found[0].kind == "name")):
                # "said Varga:", and "“…,” said Varga (D) at the time, adding that “…”":
                # the participle's clause is the inverted verb's, its subject the name.
                return Cue(nearest if participle else verb.text, found[0])
        # A participle or a verb after a comma: the clause's subject speaks ("..., adding:").
        continue
    if weak is not None:
        return weak
    if verbs and toks[verbs[-1]].low.endswith("ing"):
        return _participle_opener(toks, lo, open_i, nearest)
    return None


# How far before a quote the noun for what someone said may stand (tokens).
OWNER_REACH = 20
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}


def owner_of_speech_noun(toks: Sequence[Tok], lo: int, open_i: int) -> Optional[Cue]:
    """The owner of a noun for something said that a clause or a quotation follows, with no
    speech verb between it and the quote ("Trump's claim that Obama “founded ISIS”", "his
    comment Monday that “…”", "Clinton's assertion of a “claim of right”"): the speaker. Not
    when the quote completes another verb ("described X's statement that … as “…”") or is the
    predicate of someone else's clause ("Roe said Poe's claim that … is “not true”")."""
    if open_i < lo or toks[open_i].low == "as":
        return None
    for n in range(open_i, max(lo, open_i - OWNER_REACH) - 1, -1):
        t = toks[n]
        if t.kind == "q" or is_quote_cue(toks, n):
            return None  # a speech verb (or another quote) nearer the quote: its speaker's words
        if t.low not in SPEECH_NOUNS:
            continue
        nxt = n + 1
        while nxt <= open_i and toks[nxt].low in TIME_WORDS and nxt < n + 3:
            nxt += 1  # "his comment Monday that"
        if nxt > open_i or toks[nxt].low not in ("that", "of") or (toks[nxt].low == "of" and open_i - nxt > 1):
            return None  # ("called Roe's comments “racist”": an object; "criticism of the judge … was": no content)
        if toks[open_i].low in _COPULAS and any(is_quote_cue(toks, u) for u in range(max(lo, n - OWNER_REACH), n)):
            return None  # "Roe said Poe's claim that … is “not true”": the predicate of Roe's clause
        return _owner_before(toks, lo, n, t.text)
    return None


_COPULAS = frozenset("is was are were be been".split())


def _owner_before(toks: Sequence[Tok], lo: int, n: int, noun: str) -> Optional[Cue]:
    """The possessive before the noun at ``n`` ("Roe's", "his", "her past"), as a speaker mention;
    "his" or "her" in a sentence that a name of that sex opens is that name's ("Roe also repeated
    his claim that …")."""
    o = n - 1
    while o > lo and o > n - 3 and toks[o].kind == "w" and not toks[o].is_cap and toks[o].low not in _POSSESSIVE_PRONOUNS and not toks[o].low.endswith(("’s", "'s")):
        o -= 1  # "his past comments", "Comey's final conclusion"
    if o < lo:
        return None
    owner = toks[o]
    if owner.low in _POSSESSIVE_PRONOUNS:
        pron = _POSSESSIVE_PRONOUNS[owner.low]
        opener = _named_opener(toks, lo, o)
        if opener is not None and pron != "they" and gender_of(opener.head.split()[0]) == ("m" if pron == "he" else "f"):
            return Cue(noun, opener)
        return Cue(noun, Mention(owner.text, owner.start, owner.end, "pronoun", pron))
    if not (owner.is_cap and owner.low.endswith(("’s", "'s")) and owner.low[:-2] not in S_CONTRACTIONS):
        return None
    first = o
    while first > lo and first > o - 4 and toks[first - 1].is_cap and toks[first - 1].kind == "w":
        first -= 1  # "Gov. Marta Quillen's"
    _titles, name = split_run(list(toks[first : o + 1]))  # "FBI Director James Comey's": James Comey
    if not name:
        return None
    words = [w.text for w in name]
    words[-1] = words[-1][:-2]
    text = " ".join(w.text for w in toks[first : o + 1])[:-2]
    return Cue(noun, Mention(text, toks[first].start, owner.end - 2, "name", " ".join(words)))


# How many words a time phrase opening a sentence may have ("Eight years ago,", "Last year").
TIME_PHRASE_LIMIT = 5


def _after_time_phrase(toks: Sequence[Tok], lo: int, hi: int) -> int:
    """Where the subject starts after a time phrase opening the sentence at ``lo`` ("Eight
    years ago, he …", "Last year he …", "Two weeks later, Roe …"), with its comma; ``lo`` when
    there is none (a phrase needs a unit of time or "ago", "later", "earlier")."""
    u, timed = lo, False
    while u < hi and u - lo < TIME_PHRASE_LIMIT and toks[u].kind == "w":
        low = toks[u].low
        if low in TIME_NOUNS or low in TIME_AFTER:
            timed = True
        elif not (low in TIME_PHRASE_WORDS or low in NUMBER_WORDS or low.isdigit()):
            break
        u += 1
    if not timed or u == lo:
        return lo
    return u + 1 if u < hi and toks[u].text == "," else u


PASSIVE_AUXILIARIES = frozenset("was were is are been being".split())
# Past participles of speech verbs that do not end in "-ed".
_IRREGULAR_PARTICIPLES = frozenset("told said written spoken sworn taught shown heard".split())
# Verbs whose passive reports someone's words about the subject ("Roe is quoted as saying",
# "Roe is reported to have called it …", "Roe was said to be …").
_RAISING = frozenset("quoted reported said".split())


def passive_without_agent(toks: Sequence[Tok], v: int) -> bool:
    """A speech verb in the passive with no "by" after it ("the staff were told, “…”", "the
    agency was warned about …", "Roe was asked, “…”"): its subject is who was spoken to or
    about, never the speaker. "Roe is quoted as saying" and "is reported to have called"
    keep their subject, and "was asked by Poe" is the agent's (``_passive_agent``)."""
    low = toks[v].low
    if not (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES):
        return False
    u = v - 1
    if u > 0 and toks[u].kind == "w" and (toks[u].low.endswith("ly") or toks[u].low in ("also", "not", "never", "often")):
        u -= 1  # "was repeatedly warned", "were also told"
    if u < 0 or toks[u].low not in PASSIVE_AUXILIARIES:
        return False
    nxt = toks[v + 1].low if v + 1 < len(toks) else ""
    if nxt == "by" or nxt == "as" or (nxt == "to" and low in _RAISING):
        return False
    return True


def _passive_agent(toks: Sequence[Tok], v: int, open_i: int) -> Optional[Mention]:
    """"Roe was asked by host Ann Poe, who …, “…”": in the passive the speaker is the agent
    after "by" (a name or a description), not the verb's subject."""
    if v - 1 < 0 or toks[v - 1].low not in PASSIVE_AUXILIARIES or v + 2 > open_i or toks[v + 1].low != "by":
        return None
    found = np_starting_at(toks, v + 2, open_i + 1)
    return found[0] if found and found[0].kind in ("name", "role") else None


def _participle_opener(toks: Sequence[Tok], lo: int, open_i: int, verb: str) -> Optional[Cue]:
    """ "Mr. Trump hardly clarified the matter, treating ... and asserting, “...”": a participle
    whose clause has no speech verb; its subject opens the sentence (a name, or an organisation
    followed by its verb: "The Harbour Trust did not want to address “…,” telling …")."""
    found = np_starting_at(toks, lo, open_i + 1)
    if found and found[0].kind == "name":
        return Cue(verb, found[0])
    opener = _named_opener(toks, lo, open_i + 1) if found and found[0].kind == "org" else None
    return Cue(verb, opener) if opener is not None else None




def _participle_subject(toks: Sequence[Tok], v: int, lo: int) -> Optional[Mention]:
    """The subject of the participle at ``v`` nearest the quote when the sentence says who:
    after a comma, the main clause's subject opening the sentence ("Roe visited the station
    to discuss his recent remarks about Poe, saying “…”", not "his recent", read as the
    subject of "remarks"); after "with", the name before it ("with Roe calling it “…”")."""
    if v - 1 > lo and _comma_before(toks, v) and not is_quote_cue(toks, v - 2):
        # (", Roe said, adding": the participle is that verb's)
        opener = _named_opener(toks, lo, v)
        if opener is not None:
            return opener
    return _with_subject(toks, v, lo)


def _comma_before(toks: Sequence[Tok], v: int) -> bool:
    """A comma before ``v``, or a quote's closing mark there (“address “that person,” telling”:
    the comma is inside the quoted words)."""
    prev = toks[v - 1]
    return prev.text == "," or (prev.kind == "p" and prev.text in CLOSE_MARKS and v >= 2 and toks[v - 2].kind == "q")


# How far back the first of two coordinated participles is looked for (tokens).
COORDINATED_REACH = 25


def _with_subject(toks: Sequence[Tok], v: int, lo: int) -> Optional[Mention]:
    """The subject of a participle in "with <Name> (adverb) <participle>" ("…, with Sen. Ann Roe
    calling it a “Chinese menu”", "with Roe reportedly yelling: “…”"), also of a second
    participle coordinated with it ("with Roe tweeting that … and asking, “…”"), else None."""
    if v - 1 > lo and toks[v - 1].low == "and":
        for u in range(v - 2, max(lo, v - COORDINATED_REACH), -1):
            if toks[u].text in (";", ":"):
                break
            if is_verb(toks[u]) and toks[u].low.endswith("ing") and toks[u - 1].low != "and":
                return _with_subject_at(toks, u, lo)
        return None
    return _with_subject_at(toks, v, lo)


def _with_subject_at(toks: Sequence[Tok], v: int, lo: int) -> Optional[Mention]:
    j = v
    while j - 1 > lo and toks[j - 1].kind == "w" and toks[j - 1].low.endswith("ly") and j > v - 3:
        j -= 1
    subj = np_ending_at(toks, j, lo)
    if subj is None or subj.kind not in ("name", "role"):
        return None
    i = j - 1
    while i > lo and i > j - 8 and toks[i].start > subj.start:
        i -= 1
    if toks[i].start != subj.start:
        return None
    m = i - 1  # "with the union leader Ann Roe calling": a description before the name
    while m > lo and m > i - 5 and toks[m].kind == "w" and not toks[m].is_cap and toks[m].low != "with" and not is_verb(toks[m]):
        m -= 1
    return subj if m >= lo and toks[m].low == "with" else None


def main_clause_start(toks: Sequence[Tok], lo: int, open_i: int) -> int:
    """Where the main clause starts in a sentence that opens with an adverbial clause: after
    that clause's comma, when a clause of at least two words follows before the quote; else
    ``lo``. A speech verb inside the fronted clause is not the quote's cue."""
    if lo > open_i or toks[lo].low not in ADVERBIAL_OPENERS:
        return lo
    for c in range(lo + 1, min(open_i, lo + CLAUSE_WINDOW)):
        if toks[c].text == ",":
            words = 0
            for t in toks[c + 1 : min(open_i, c + 1 + CLAUSE_WINDOW)]:
                words += t.kind == "w"
                if words >= 2:
                    return c + 1
            return lo
        if toks[c].kind in ("q", "nl"):
            break
    return lo


def _named_opener(toks: Sequence[Tok], lo: int, hi: int, pronouns: bool = False) -> Optional[Mention]:
    """A person's name (or, with ``pronouns``, "he", "she" or "they") opening the sentence at
    ``lo`` as its subject: followed by a lower-case word, an apposition or a parenthesis, and
    not a possessive."""
    found = np_starting_at(toks, lo, hi)
    if found and pronouns and found[0].kind == "pronoun" and found[0].head in ("he", "she", "they"):
        return found[0] if found[1] < hi and toks[found[1]].kind == "w" and not toks[found[1]].is_cap else None
    if found and is_organisation(found[0]) and found[1] < hi:
        # "The Harbour Trust did not want to comment, telling …": an organisation in two words or
        # more, followed by its verb, speaks
        after = toks[found[1]]
        verb_like = after.kind == "w" and not after.is_cap and after.low not in PREPOSITIONS
        return found[0] if verb_like and after.low not in COORDINATORS else None
    if not found or found[0].kind != "name" or found[0].text.endswith(("’s", "'s", "’", "'")):
        return None
    nxt = found[1]
    if nxt >= hi:
        return None
    t = toks[nxt]
    if t.text == "," and nxt + 1 < hi and toks[nxt + 1].low in ("which", "that"):
        return None  # "The trade agreement, which Roe had called …": a thing, not a speaker
    if t.text in (",", "(") or (
        # "Back in 1999, …", "Early in his campaign, …": a fronted phrase, not a name
        t.kind == "w" and not t.is_cap and t.low not in COORDINATORS and t.low not in PREPOSITIONS
    ):
        return found[0]
    return None


def sign_off_below(toks: Sequence[Tok], k: int) -> Optional[Cue]:
    """A quote that is its whole paragraph, signed on the line below: "“…”" then
    "-Ann Roe, Ashbury." or "— Ann Roe, tweeting after the vote"."""
    i = k + 1
    while i < len(toks) and i < k + 4 and toks[i].kind == "p" and toks[i].text in CLOSE_MARKS:
        i += 1
    if i >= len(toks) or toks[i].kind != "nl":
        return None
    while i < len(toks) and i < k + 8 and toks[i].kind == "nl":
        i += 1
    if i + 1 >= len(toks) or toks[i].kind != "p" or toks[i].text not in "-–—―":
        return None
    found = np_starting_at(toks, i + 1, min(len(toks), i + 12))
    if found is None or found[0].kind != "name":
        return None
    end = found[1]
    if end < len(toks) and toks[end].kind == "w" and not toks[end].is_cap:
        return None  # "— Ann Roe said nothing more": a sentence, not a signature
    return Cue(toks[i].text, found[0])


def cue_elsewhere(toks: Sequence[Tok], k: int, hi: int) -> Optional[Cue]:
    """A speech verb later in the sentence: "..., to improve its ships, Varga stated." """
    for v in range(k + 1, hi):
        if is_quote_cue(toks, v):
            if passive_without_agent(toks, v):
                continue
            subj = subject_of_verb(toks, v, k + 1)
            if subj is not None:
                return Cue(toks[v].text, subj)
    return None



def _person_before_affiliation(toks: Sequence[Tok], np: Mention, lo: int) -> Mention:
    """In "Ann Roe, Northfield Herald: “…”" the person, not the outlet: a name whose
    first word is a first name, before a comma and a name whose first word is not."""
    k = next((x for x in range(lo, len(toks)) if toks[x].start == np.start), None)
    if k is None or k - 1 < lo or toks[k - 1].text != "," or is_first_name(np.head.split()[0]):
        return np
    person = np_ending_at(toks, k - 1, lo)
    if person is not None and person.kind == "name" and is_first_name(person.head.split()[0]):
        return person
    return np
