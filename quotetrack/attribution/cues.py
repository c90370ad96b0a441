"""Speech cues: the verb or phrase that introduces a quote ("said", "according
to", a colon after a name), with the mention of who speaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..lexicon import GROUP_NOUNS, ROLE_NOUNS, SPEECH_BASE_FORMS, SPEECH_VERBS, TIME_WORDS
from .function_words import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    CLOSE_MARKS,
    DETERMINERS,
    LEAD_PUNCT,
    OPEN_MARKS,
    PREPOSITIONS,
    S_CONTRACTIONS,
)
from .gender import is_first_name
from .mentions import Mention, np_ending_at, np_starting_at, subject_of_verb
from .people import looks_plural
from .tokens import Tok


@dataclass(frozen=True)
class Cue:
    verb: str
    mention: Mention



def is_verb(t: Tok) -> bool:
    return t.kind == "w" and t.low in SPEECH_VERBS and t.text[:1].islower()


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
        if k > 0 and toks[k - 1].low in _SINGULAR_DETERMINERS:
            return True
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
        while m < hi and m < j + 25 and toks[m].text != "," and toks[m].kind == "w":
            m += 1
        if m < hi and toks[m].text == ",":
            j = m + 1
    if j < hi and toks[j].kind == "w" and toks[j].low.endswith("ly") and not is_verb(toks[j]):
        j += 1  # adverb: "he said quietly" / "she quickly added"
    if j < hi and is_verb(toks[j]):
        if ends_sentence and clause_follows(toks, j, hi):
            # “We are ready.” Berger said the words meant ...: a new sentence, not a cue.
            return None
        return Cue(toks[j].text, mention)
    return None


def clause_follows(toks: Sequence[Tok], v: int, hi: int) -> bool:
    """More than a few words follow the verb before its sentence ends."""
    n = 0
    prev = toks[v]
    for t in toks[v + 1 : hi]:
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


def cue_before(toks: Sequence[Tok], k: int, lo: int) -> Optional[Cue]:
    """The nearest speech verb before the quote in its sentence, with its subject."""
    open_i = k - 1
    while open_i >= lo and toks[open_i].kind == "p" and toks[open_i].text in OPEN_MARKS:
        open_i -= 1
    # "..., read out by its director, Camille Roux: «...»": a name right before the colon.
    if (
        open_i >= lo
        and toks[open_i].text == ":"
        and open_i - 1 >= lo
        and toks[open_i - 1].is_cap
        and not any(is_verb(toks[u]) for u in range(lo, open_i))  # not "said of Sanders:"
    ):
        np = np_ending_at(toks, open_i, lo)
        if np is not None and np.kind == "name":
            return Cue(":", _person_before_affiliation(toks, np, lo))
    # "according to X, “...”"
    for i in range(open_i, max(lo, open_i - 16) - 1, -1):
        if toks[i].low == "to" and i - 1 >= lo and toks[i - 1].low == "according":
            found = np_starting_at(toks, i + 1, open_i + 1)
            if found:
                return Cue("according to", found[0])
    verbs = [i for i in range(main_clause_start(toks, lo, open_i), open_i + 1) if is_verb(toks[i]) and not used_as_noun(toks, i)]
    nearest = toks[verbs[-1]].text if verbs else ""
    if (
        verbs
        and nearest.lower().endswith("ing")
        and verbs[-1] - 1 > lo
        and toks[verbs[-1] - 1].text == ","
        and not is_verb(toks[verbs[-1] - 2])  # ", Roe said, adding": the participle is that verb's
    ):
        # "Roe visited the station to discuss his recent remarks about Poe, saying “…”": a
        # participle after a comma belongs to the main clause, whose subject opens the
        # sentence (not "his recent", read as the subject of "remarks").
        opener = _named_opener(toks, lo, verbs[-1])
        if opener is not None:
            return Cue(nearest, opener)
    weak: Optional[Cue] = None
    participle = False
    for v in reversed(verbs):
        verb = toks[v]
        if verb.low.endswith("ing") and v > lo and (toks[v - 1].text == "," or toks[v - 1].low not in AUXILIARIES):
            # "..., Varga stressed, adding:", "responded on Facebook writing": a participle's
            # subject is its clause's, never the noun just before it ("is promising" aside).
            participle = True
            continue
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
        # "Mr. Trump hardly clarified the matter, treating ... and asserting, “...”":
        # a participle whose clause has no speech verb; its subject opens the sentence.
        found = np_starting_at(toks, lo, open_i + 1)
        if found and found[0].kind == "name":
            return Cue(nearest, found[0])
    return None




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


def _named_opener(toks: Sequence[Tok], lo: int, hi: int) -> Optional[Mention]:
    """A person's name opening the sentence at ``lo`` as its subject: followed by a
    lower-case word, an apposition or a parenthesis, and not a possessive."""
    found = np_starting_at(toks, lo, hi)
    if not found or found[0].kind != "name" or found[0].text.endswith(("’s", "'s", "’", "'")):
        return None
    nxt = found[1]
    if nxt >= hi:
        return None
    t = toks[nxt]
    if t.text in (",", "(") or (
        # "Back in 1999, …", "Early in his campaign, …": a fronted phrase, not a name
        t.kind == "w" and not t.is_cap and t.low not in ("and", "or", "nor", "but") and t.low not in PREPOSITIONS
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
        if is_verb(toks[v]):
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
