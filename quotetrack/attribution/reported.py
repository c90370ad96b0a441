"""Reported speech: statements carried without quotation marks.

Works on the attribution stage's tokens (quoted words already masked out),
one sentence at a time, and finds three shapes:

* verb, then clause: ``Varga noted that China's shipbuilding ...``,
  ``X told reporters (that) ...``, ``..., adding that adversaries will not wait``;
* clause, then cue: ``The US needs Japan's help ..., the ambassador said Monday.``;
* ``according to X, ...`` and ``..., according to X.``

A clause that holds a direct quote is left to the direct quote; a cue with
no propositional content ("he said in an interview") is not speech worth
tracking; clauses joined by "and that" are two statements.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..lexicon import ABBREVIATIONS, SPEECH_VERBS, TIME_WORDS
from .mentions import np_starting_at

MIN_WORDS = 4
# Verbs of speech that introduce a reported clause ("said that ..."). Narrower
# than SPEECH_VERBS: "called", "described", "asked" rarely take a clause.
_CLAUSE_VERBS = frozenset(
    """say says said saying state states stated stating tell tells told telling add adds added adding
    note notes noted noting stress stresses stressed stressing emphasize emphasizes emphasized emphasizing
    emphasise emphasises emphasised emphasising warn warns warned warning explain explains explained
    argue argues argued arguing insist insists insisted insisting claim claims claimed claiming
    assert asserts asserted declare declares declared announce announces announced write writes wrote
    admit admits admitted admitting acknowledge acknowledges acknowledged acknowledging concede concedes
    conceded confirm confirms confirmed predict predicts predicted predicting suggest suggests suggested
    reiterate reiterates reiterated maintain maintains maintained contend contends contended
    point pointed recall recalled remark remarked observe observed caution cautioned cautioning
    promise promised pledge pledged vow vowed assure assured assuring expressed express""".split()
)
_AFTER_VERB_SKIP = frozenset("on in at during this last earlier later recently".split())
_ADJUNCT_STARTS = frozenset(
    "in on at during for of with to by as after before outside inside near from while via through over".split()
)
_OBJECTS_OF_TOLD = frozenset("reporters journalists lawmakers us me them him her parliament congress".split())


# Verbs that take a clause without "that" ("said the US would ..."); the others need "that".
_THAT_OPTIONAL = frozenset(
    """say says said saying tell tells told state states stated add added note noted warn warned warning
    argue argued insist insisted claim claimed stress stressed suggest suggested predict predicted
    admit admitted acknowledge acknowledged""".split()
)


def _is_clause_verb(t) -> bool:
    return t.kind == "w" and t.low in _CLAUSE_VERBS and t.text[:1].islower()


def _clean_end(toks: Sequence, i: int, j: int) -> int:
    while j > i and toks[j - 1].kind == "p" and toks[j - 1].text in ".,;:!?—–-":
        j -= 1
    return j


def end_char(toks: Sequence, j: int) -> int:
    """End offset of a clause ending at token ``j - 1``, keeping an abbreviation's dot (U.S.)."""

    last = toks[j - 1]
    if last.kind == "w" and last.low in ABBREVIATIONS and j < len(toks) and toks[j].text == "." and toks[j].start == last.end:
        return toks[j].end
    return last.end


def _words(toks: Sequence, i: int, j: int) -> int:
    return sum(1 for t in toks[i:j] if t.kind == "w")


def _has_quote(toks: Sequence, i: int, j: int) -> bool:
    return any(t.kind == "q" or (t.kind == "p" and t.text in "“”\"«»„") for t in toks[i:j])


def clause_after(toks: Sequence, v: int, hi: int) -> Optional[tuple[int, int]]:
    """The reported clause that follows the verb at ``v``, as a token range."""
    i = v + 1
    verb = toks[v].low
    if verb in ("told", "tell", "tells", "telling"):
        # told reporters / told the Financial Times / told Tuesday's hearing
        k = i
        while k < hi and k < i + 6 and toks[k].kind == "w" and toks[k].low != "that":
            if toks[k].low in _OBJECTS_OF_TOLD or toks[k].is_cap:
                k += 1
                if k < hi and toks[k].low not in ("that",) and not toks[k].is_cap:
                    break
            else:
                k += 1
        i = k
    # "said Monday that", "said on Tuesday that"
    k = i
    while k < hi and k < i + 4 and toks[k].kind == "w" and (toks[k].low in TIME_WORDS or toks[k].low in _AFTER_VERB_SKIP or toks[k].text[:1].isupper() and toks[k - 1].low in _AFTER_VERB_SKIP):
        k += 1
    if k < hi and toks[k].low == "that":
        i = k + 1
    elif k != i:
        return None  # "said in an interview": no clause
    elif i < hi and toks[i].low == "that":
        i += 1
    elif verb not in _THAT_OPTIONAL:
        return None  # "confirmed these developments": an object, not a clause
    if i >= hi or toks[i].kind != "w":
        return None
    if toks[i].low in _ADJUNCT_STARTS:
        return None  # "told reporters outside the offices": where, not what
    if toks[i].low in ("what", "how", "whether", "when", "where", "why", "who", "which", "if"):
        return None  # "has not said what it cost": a question, not a statement
    if v > 0 and (toks[v - 1].low in ("not", "never", "n't") or toks[v - 1].low.endswith("n't")):
        return None  # "has not said": nothing was said
    j = hi
    # "... and that ..." starts a second reported clause; a later speech verb with its own subject ends this one.
    for m in range(i + 1, hi):
        t = toks[m]
        if t.kind == "q":
            j = m
            break
        if t.low == "that" and toks[m - 1].low == "and":
            j = m - 1
            break
        if t.low == "and" and m + 1 < hi and _is_clause_verb(toks[m + 1]) and m + 2 < hi and toks[m + 2].low == "that":
            j = m
            break
    j = _clean_end(toks, i, j)
    if j - i <= 0 or _words(toks, i, j) < MIN_WORDS:
        return None
    return i, j


def find_reported(toks: Sequence, sent_bounds: dict, subject_of) -> list[tuple[int, int, int, object]]:
    """(clause start token, clause end token, verb token, mention) for each reported statement.

    ``subject_of(v, lo)`` returns the speaker mention of the verb at ``v``
    (handling participles and appositions), or None.
    """
    out: list[tuple[int, int, int, object]] = []
    for lo, hi in sorted(sent_bounds.values()):
        taken_until = lo
        for v in range(lo, hi):
            t = toks[v]
            if t.kind == "w" and t.low == "according" and v + 1 < hi and toks[v + 1].low == "to":
                found = _according(toks, v, lo, hi, subject_of)
                if found:
                    out.append(found)
                    taken_until = max(taken_until, found[1])
                continue
            if not _is_clause_verb(t) or v < taken_until:
                continue
            if not (t.low.endswith("ing") and toks[v - 1].text == ",") and any(
                toks[u].kind == "q" for u in range(max(lo, v - 4), v)
            ):
                continue  # the cue of a direct quote: “…,” Okafor told reporters outside …
            mention = subject_of(v, lo)
            if mention is None:
                continue
            # Clause, then cue: "The US needs Japan's help ..., the ambassador said Monday."
            ms = _mention_start(toks, v, lo, mention)
            if ms is not None and ms - 1 > lo and toks[ms - 1].text == "," and _cue_closes_sentence(toks, v, hi):
                i, j = _after_dateline(toks, lo, ms - 1), _clean_end(toks, lo, ms - 1)
                if not _has_quote(toks, i, j) and _words(toks, i, j) >= MIN_WORDS and not _starts_with_cue(toks, i, j):
                    out.append((i, j, v, mention))
                    taken_until = hi
                continue
            rng = clause_after(toks, v, hi)
            while rng is not None:
                i, j = rng
                if _has_quote(toks, i, j):
                    break
                out.append((i, j, v, mention))
                taken_until = j
                # "... and that ...": a second statement under the same verb.
                k = j
                while k < hi and toks[k].kind == "p":
                    k += 1
                if k + 1 < hi and toks[k].low == "and" and toks[k + 1].low == "that":
                    rng = clause_after(toks, k, hi)
                else:
                    rng = None
    return out


def _after_dateline(toks: Sequence, lo: int, hi: int) -> int:
    """Skip a dateline such as "TOKYO (AP) —" at the start of a sentence."""
    for k in range(lo, min(hi, lo + 8)):
        t = toks[k]
        if t.kind == "p" and t.text in "—–":
            return k + 1
        if t.kind == "w" and not t.text.isupper():
            return lo
    return lo


def _mention_start(toks: Sequence, v: int, lo: int, mention) -> Optional[int]:
    start = getattr(mention, "start", None)
    for k in range(v - 1, max(lo, v - 30) - 1, -1):
        if toks[k].start == start:
            return k
    return None


def _cue_closes_sentence(toks: Sequence, v: int, hi: int) -> bool:
    """Only time words, "in a statement" and the like follow the verb."""
    k = v + 1
    while k < hi and toks[k].kind == "w" and k < v + 6:
        if toks[k].low in SPEECH_VERBS and toks[k].low not in ("statement",):
            return False
        k += 1
    return k >= hi or (toks[k].kind == "p" and toks[k].text in ".!?")


def _starts_with_cue(toks: Sequence, i: int, j: int) -> bool:
    return any(_is_clause_verb(t) for t in toks[i : min(j, i + 3)])


def _according(toks, v, lo, hi, subject_of):
    found = np_starting_at(toks, v + 2, hi)
    if not found:
        return None
    mention, after = found
    if after < hi and toks[after].text == "," and v == lo:
        i = after + 1
        j = _clean_end(toks, i, hi)
        if not _has_quote(toks, i, j) and _words(toks, i, j) >= MIN_WORDS:
            return (i, j, v, mention)
        return None
    if v - 1 > lo and toks[v - 1].text == ",":
        i, j = lo, _clean_end(toks, lo, v - 1)
        if not _has_quote(toks, i, j) and _words(toks, i, j) >= MIN_WORDS:
            return (i, j, v, mention)
    return None


__all__ = ["find_reported", "clause_after"]
