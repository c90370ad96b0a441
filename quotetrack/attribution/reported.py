"""Reported speech: statements carried without quotation marks.

Works on the attribution stage's tokens (direct quotes masked out), one
sentence at a time, and finds these shapes, for every speech and report verb
of ``quotetrack/data/speech_verbs.txt``:

* verb, then clause: ``Varga noted that China's shipbuilding ...``,
  ``X told reporters (that) ...``, ``X said in a statement that ...``,
  ``X wrote in a post on Facebook that ...``, ``..., adding that ...``;
  nested speech (``A said B told him that ...``) is one statement of A's;
* clause, then cue: ``The US needs Japan's help ..., the ambassador said
  Monday.``, ``..., said study co-author Ann Roe.``, ``..., Roe told the
  Herald.``, and the cue in the middle (``The plan, aides said, is dead.``);
* ``according to X, ...``, ``..., according to X.`` and ``..., according to
  X, ...``.

The content is the reported clause: a leading "that" is left out, and the
clause ends where the sentence does or earlier, at a semicolon, at "and
that" (a second statement of the same speaker), at another speaker's cue, at
"according to", or at a contrast the reporter adds (``, but``, ``, while``).
A clause may hold partial quotes (``the “frontline of defence”``): they stay
quotes of their own and their spans are kept with the statement. A clause
that is a full direct quote is left to the direct quote; a cue with no
propositional content (``he said in an interview``) is not a statement.

Every scan is bounded: a clause is read at most WINDOW tokens from its cue,
so the work stays linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ..lexicon import ABBREVIATIONS, SPEECH_VERBS, TIME_WORDS, inflections
from ..models import FULL
from .cues import speech_verb_at
from .function_words import AUXILIARIES, CLOSE_MARKS, OPEN_MARKS
from .mentions import Mention, mention, np_ending_at, np_starting_at, opening_participle
from .tokens import soft_wrap

MIN_WORDS = 3
MIN_NP_WORDS = 2  # a noun phrase that is what was said may be shorter: "denied the charges"
# How many tokens a clause, a cue's adjuncts or the content before a cue may span.
WINDOW = 80
ADJUNCT_WINDOW = 20

# Verbs that take a clause without "that" ("said the US would ..."); the others
# need "that" ("announced that ...", but not "announced the plan").
_THAT_OPTIONAL = frozenset(
    """say says said saying tell tells told telling state states stated stating add adds added adding
    note notes noted noting warn warns warned warning argue argues argued arguing insist insists insisted
    insisting claim claims claimed claiming stress stresses stressed stressing suggest suggests suggested
    suggesting predict predicts predicted predicting admit admits admitted admitting acknowledge
    acknowledges acknowledged acknowledging assert asserts asserted asserting concede concedes conceded
    conceding contend contends contended contending allege alleges alleged alleging complain complains
    complained complaining boast boasts boasted boasting testify testifies testified testifying
    estimate estimates estimated estimating""".split()
)
# Verbs whose object (the person told) comes before the clause: "told reporters (that)".
_TELLING = frozenset(
    """tell tells told telling assure assures assured assuring reassure reassures reassured reassuring
    remind reminds reminded reminding inform informs informed informing warn warns warned warning
    advise advises advised advising promise promises promised promising convince convinces convinced
    notify notifies notified notifying""".split()
)
# Forms that are more often nouns or adjectives than cues when a clause follows.
_NOT_CUES = frozenset("post posts report reports comment comments answer answers call calls charge charges "
                      "counter point points offer offers quote quotes echo echoes boom booms cheer cheers "
                      "thunder crow bark barks continue continues continued continuing sing "
                      "attack attacks interrupt echo state states called calling relate relates related".split())


def _forms(bases: str) -> frozenset[str]:
    return frozenset(f for b in bases.split() for f in inflections(b))


# Speech acts whose content is not a clause but the verb's complement (PolNeAR's attributions):
# a to-infinitive promised ("vowed to stay in the race"), a to-infinitive asked of someone ("urged
# the council to act", "called on voters not to"), what is called for ("called for an inquiry"), and
# a noun phrase that is what was announced, denied, praised or blamed ("denied the report",
# "criticized the mayor for the delay"). Verbs of thought, wish or refusal (believe, want, decline)
# are not speech verbs at all.
_PROMISING = _forms("vow promise pledge") | {"swear", "swears", "swore", "sworn", "swearing"}
_ASKING = _forms("urge ask implore beg plead advise press")
_CALLING = frozenset("call calls called calling".split())
_OBJECT_IS_CONTENT = _forms(
    "announce deny confirm propose praise hail laud tout applaud criticize criticise blame accuse denounce "
    "condemn decry slam blast report reveal cite mention express dismiss reiterate mock thank congratulate "
    "explain describe recall acknowledge stress emphasize bemoan lament lambaste deride chide rebuke scold ridicule "
    "commend recount predict proclaim") | {"slammed", "slamming"}
# Verbs of praise and blame, whose object may be one name: "praised Ostrander", "criticized Penhallow".
_JUDGING = _forms("praise hail laud applaud criticize criticise blame denounce condemn slam blast mock thank congratulate "
                  "lambaste deride chide rebuke scold ridicule commend") | {"slammed", "slamming"}
# Verbs that take a clause without "that" only where it reads as one ("announced it was closing",
# "revealed the plan had failed"); otherwise what follows is their object ("announced the plan").
_CLAUSE_IF_SUBJECT = _forms("announce report reveal confirm deny declare explain recall agree reiterate emphasize "
                            "maintain charge vow promise pledge add") | {"wrote", "swore", "tweeted"}
# "add" is as often "added another title to his resume" or "added 160 officers" as "added he would
# run": without "that" it reports only words that read as a clause.
_ADDING = _forms("add")
# Verbs whose content may be a question: "asked whether ...", "explained why ...", "wondered if ...".
_QUESTIONING = _forms("ask explain wonder describe reveal inquire")
_QUESTION_STARTS = frozenset("whether if why how what who where".split())
# Words that make a verb passive ("was criticized for"): the object then is not what was said.
_PASSIVE = frozenset("is was are were be been being get got gets getting".split())
_OBJECT_PRONOUNS = frozenset("me him her us them you it".split())
_ADJUNCT_STARTS = frozenset(
    "in on at during for of with to by as after before outside inside near from while via through over "
    "into onto about against under among within without because since despite like unlike".split()
)
# A clause starting with one of these has no subject of its own ("which he said has grown").
_VERB_STARTS = frozenset("is was are were has had have will would could can may might should did does do been be "
                         "must shall".split())
# Words that open a subordinate clause: "While both parties say X, they differ": the clause ends at the comma.
_SUBORDINATORS = frozenset("while although though as if because when whereas since even".split())
_QUESTION_WORDS = frozenset("what how whether when where why who whom which if".split())
# A reported clause never starts with these: "promised to", "warned of", "said so".
_NOT_CLAUSE_STARTS = _ADJUNCT_STARTS | _QUESTION_WORDS | frozenset("so yes no not nothing".split())
# Words after a comma that start something the reporter adds, not the speaker.
_CONTRAST = frozenset("but while although though whereas even yet".split())


def end_char(toks: Sequence, j: int) -> int:
    """End offset of a clause ending at token ``j - 1``, keeping an abbreviation's dot (U.S.)."""

    last = toks[j - 1]
    if last.kind == "w" and last.low in ABBREVIATIONS and j < len(toks) and toks[j].text == "." and toks[j].start == last.end:
        return toks[j].end
    return last.end


@dataclass(frozen=True)
class Found:
    """One reported statement, as token positions."""

    i: int  # first token of the content
    j: int  # one past its last token
    cue: int  # first token of the cue
    cue_end: int  # one past its last token ("according to" is two)
    mention: Mention  # who speaks, as the article names them
    quotes: tuple[int, ...] = ()  # quote tokens inside the content (partial quotes, terms)
    content: str = "clause"  # what the content is: one of CONTENT_KINDS


# What a reported statement's content is: a clause ("said [the plan is dead]"), a question asked or
# explained ("asked [whether the plan is dead]"), a to-infinitive promised or asked for ("vowed [to
# stay]", "urged the council [to act]"), or the noun phrase a speech act is about ("called for [an
# inquiry]", "criticized [the mayor for the delay]").
CLAUSE, QUESTION, INFINITIVE, NOUN_PHRASE = "clause", "question", "infinitive", "noun_phrase"
CONTENT_KINDS = (CLAUSE, QUESTION, INFINITIVE, NOUN_PHRASE)


# The direct quote at a token: (its kind, whether its words end a sentence), or None.
QuoteKind = Callable[[int], Optional[tuple[str, bool]]]


def _kind(quote_kind: QuoteKind, k: int) -> Optional[str]:
    found = quote_kind(k)
    return found[0] if found else None


def _words(toks: Sequence, i: int, j: int) -> int:
    """Words in a token range, a quote inside it counted as one."""
    return sum(1 for t in toks[i:j] if t.kind in ("w", "q"))


def _is_mark(t) -> bool:
    return t.kind == "p" and (t.text in OPEN_MARKS or t.text in CLOSE_MARKS) and t.text not in "'’"


def _trim(toks: Sequence, i: int, j: int) -> tuple[int, int]:
    """The range without punctuation at either end (quotation marks around a quote inside it stay)."""
    while i < j and toks[i].kind == "p" and not (_is_mark(toks[i]) and i + 1 < j and toks[i + 1].kind == "q") \
            and not (toks[i].text in _CURRENCY and i + 1 < j and toks[i + 1].text[:1].isdigit()):
        i += 1  # but "$275 billion" keeps its sign
    while j > i and toks[j - 1].kind in ("p", "nl") and not (
        _is_mark(toks[j - 1]) and j - 2 >= i and toks[j - 2].kind in ("q", "p")
        and any(toks[m].kind == "q" for m in range(max(i, j - 4), j))
    ):
        j -= 1
    return i, j


def _inside(toks: Sequence, i: int, j: int, quote_kind: QuoteKind) -> Optional[tuple[int, ...]]:
    """The quote tokens inside a clause, or None when it holds a full quote or a stray mark."""
    found = []
    for m in range(i, j):
        t = toks[m]
        if t.kind == "q":
            if _kind(quote_kind, m) in (None, FULL):
                return None
            found.append(m)
        elif _is_mark(t) and not any(toks[x].kind == "q" for x in range(max(i, m - 2), min(j, m + 3))):
            return None  # a mark whose quote was not found: the words may be quoted
    return tuple(found)


def clause_end(toks: Sequence, i: int, hi: int, quote_kind: QuoteKind) -> int:
    """Where the reported clause starting at ``i`` ends (exclusive), at most WINDOW tokens on."""
    hi = min(hi, i + WINDOW)
    for m in range(i + 1, hi):
        t = toks[m]
        if t.kind == "q":
            info = quote_kind(m)
            if info is None or info[0] == FULL:
                # A full quote after the clause is a statement of its own.
                while m > i and _is_mark(toks[m - 1]):
                    m -= 1
                return m
            if info[1]:
                # Quoted words that end a sentence: ‘the South has “treated me so well.” He …’.
                e = m + 1
                while e < hi and _is_mark(toks[e]):
                    e += 1
                if e < hi and toks[e].kind == "w" and toks[e].is_cap:
                    return e
        if t.kind == "nl" and not soft_wrap(toks, m):
            return m
        if t.kind == "p":
            if t.text == ";" or t.text == ":" and not (m + 1 < hi and toks[m + 1].kind == "w" and not toks[m + 1].is_cap):
                return m  # but "a new strategy: to stand up for ..." goes on with the speaker's words
            if t.text in "-—–" and m + 1 < hi and (toks[m + 1].low in _CONTRAST or toks[m + 1].low in ("and", "or") or (
                    toks[m + 1].low.endswith("ing") and not toks[m + 1].is_cap)):
                return m  # " - though he gave varying stories", " - and the Senate is ...", " - noting that ..."
            if t.text == "," and m + 1 < hi and _ends_at_comma(toks, m, hi):
                return m
            continue
        if t.low == "that" and toks[m - 1].low in ("and", "but") and m - 1 > i:
            return m - 1  # "... and that ...": a second statement
        if t.low == "and" and m + 1 < hi and speech_verb_at(toks, m + 1) and toks[m + 1].low not in _NOT_CUES:
            return m  # "... and added that ...", "... and said it was great": the speaker's next act
        if t.low == "and" and m + 2 < hi and toks[m + 1].kind == "w" and toks[m + 1].low not in AUXILIARIES \
                and not toks[m + 1].low.endswith(("n't", "n’t")) and _subject_and_cue(toks, m + 1, hi):
            return m  # "... and others have said ...": another speaker's statement
        if t.low == "but" and m + 1 < hi and (_cue(toks, m + 1) or toks[m + 1].low.endswith("ed") and not toks[m + 1].is_cap):
            return m  # "... but declined to ...", "but implied that ...": the speaker's next act, told by the reporter
        if t.low == "compared" and m + 1 < hi and toks[m + 1].low in ("with", "to"):
            return m  # "... they have their minds made up compared to 38 percent who ..."
    return hi


def _ends_at_comma(toks: Sequence, m: int, hi: int) -> bool:
    """Whether the clause ends at the comma at ``m``: what follows is not the speaker's."""
    nxt = toks[m + 1]
    if nxt.low in ("and", "but") and (
        _cue_follows(toks, m + 2, hi) or _subject_and_cue(toks, m + 2, hi)
        or (m + 2 < hi and toks[m + 2].low in ("he", "she", "they", "i", "we"))
    ):
        return True  # ", and three-quarters said ..."
    if nxt.low in _CONTRAST and _contrast_inside(toks, m + 1, hi):
        return False  # "a crucial, although brief, opportunity", "should be punished, but not women who ..."
    if nxt.low in _CONTRAST or nxt.low == "according" or nxt.low == "compared":
        return True  # ", but ...", ", according to ...", ", compared with 41 percent for ..."
    if speech_verb_at(toks, m + 1) and nxt.low.endswith("ed") and nxt.low not in _NOT_CUES:
        return True  # ", called her “third-rate” and ...", ", tweeted that ...": the speaker's next act
    if nxt.low in ("and", "but", "or") and m + 2 < hi and toks[m + 2].low == "that":
        return True
    if speech_verb_at(toks, m + 1) and nxt.low.endswith("ing"):
        return True  # ", adding that ...": a participle starts its own statement
    if _cue_follows(toks, m + 1, hi):
        return True  # ", aides said": another cue
    # "... the FBI, which is running its own inquiry.", "..., as was the case last year.": the reporter's aside
    return nxt.low in _RELATIVES and _last_comma(toks, m + 2, hi)


def _contrast_inside(toks: Sequence, k: int, hi: int) -> bool:
    """Whether the contrast word at ``k`` (after a comma) is part of the statement: "but not"
    with no verb of its own ("..., but not women who ..."), or a short phrase with no verb closed
    by a comma ("a crucial, although brief, opportunity", "Democratic, though culturally
    conservative, areas")."""
    if k + 1 < hi and toks[k + 1].low == "not" and toks[k].low == "but":
        return not (k + 2 < hi and toks[k + 2].low in _VERB_STARTS)
    for m in range(k + 1, min(hi, k + 5)):
        t = toks[m]
        if t.kind == "p":
            return t.text == "," and m > k + 1
        if t.kind != "w" or t.low in _VERB_STARTS or t.low in _SUBJECT_PRONOUNS or t.low in _NOT_IN_SUBJECT \
                or t.low.endswith(("ed", "n't", "n’t")) and not t.is_cap:
            return False
    return False


# Words after a comma that start the reporter's aside when it runs to the clause's end: "..., which
# meets on Friday.", "..., when voters in Ohio head to the polls."
_RELATIVES = frozenset("which who whose when where as".split())


def _last_comma(toks: Sequence, k: int, hi: int) -> bool:
    """No comma, dash or parenthesis from ``k`` to the clause's end (at most ``hi``): a relative
    clause there runs to the end and is not an aside inside the statement ("Roe, who ran, won")."""
    for m in range(k, hi):
        t = toks[m]
        if t.kind in ("nl", "q") or t.kind == "p" and t.text in ".;:!?":
            return True
        if t.kind == "p" and t.text in ",—–-()":
            return False
    return True


def _cue_follows(toks: Sequence, k: int, hi: int) -> bool:
    """Another speaker's cue starts at ``k`` (after a comma): "said Ann Roe", "aides said",
    "the mayor told reporters", followed by punctuation or the sentence end."""
    if _cue(toks, k):
        found = np_starting_at(toks, k + 1, hi)
        return found is not None and found[0].kind != "pronoun"
    for m in range(k + 1, min(hi, k + 6)):
        if toks[m].kind != "w" or toks[m].low in ("that", "which", "who", "and", "or", "but"):
            return False
        if _cue(toks, m):
            nxt = toks[m + 1] if m + 1 < hi else None
            return nxt is None or nxt.kind == "p" or nxt.low in TIME_WORDS or nxt.low in _TELLING_OBJECTS
    return False


def _subject_and_cue(toks: Sequence, k: int, hi: int) -> bool:
    """A short subject then a speech verb at ``k``: "and three-quarters said the same"."""
    for m in range(k + 1, min(hi, k + 8)):
        if toks[m].kind != "w" or toks[m].low in _NOT_IN_SUBJECT and toks[m].low != "than":
            return False  # but "and more than 4 in 10 said"
        t = toks[m]
        if t.low in SPEECH_VERBS and t.text[:1].islower() and t.low not in _NOT_CUES and not t.low.endswith("ing"):
            return True
    return False


_TELLING_OBJECTS = frozenset("reporters journalists me him her us them".split())


def _cue(toks: Sequence, k: int) -> bool:
    return speech_verb_at(toks, k) and not toks[k].low.endswith("ing") and toks[k].low not in _NOT_CUES


def _skip_object(toks: Sequence, i: int, hi: int) -> int:
    """Past the person told: "told reporters", "told him", "told The Daily Ledger",
    "told CNN's Ann Roe", "assured the voters". Returns where the rest begins."""
    if i >= hi or toks[i].kind != "w":
        return i
    t = toks[i]
    if _pronoun_clause(toks, i, hi):
        return i  # "warned they could sell": no one told, the clause's subject
    if t.low in _OBJECT_PRONOUNS:
        return i + 1
    for m in range(i, min(hi, i + 8)):
        if toks[m].low == "that" and m > i:
            return m  # "told FBI agents that"
        if toks[m].kind != "w" or speech_verb_at(toks, m) or toks[m].low in _ADJUNCT_STARTS:
            break
    k = i
    if t.low in ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your"):
        k += 1
    start = k
    while k < hi and k < start + 6 and toks[k].kind == "w" and toks[k].low != "that" and not speech_verb_at(toks, k):
        if not toks[k].is_cap and k > start and not toks[k - 1].low.endswith(("’s", "'s")):
            # "told reporters the plan was dead": a plural noun is the whole object.
            if toks[k - 1].is_cap or toks[k - 1].low.endswith("s"):
                break
        k += 1
        if toks[k - 1].low.endswith("s") and not toks[k - 1].is_cap and not toks[k - 1].low.endswith(("’s", "'s")):
            break
    return k


def _skip_adjuncts(toks: Sequence, i: int, hi: int) -> Optional[int]:
    """Past adjuncts between a verb and "that" ("in a statement", "on Monday", "in a post on
    Facebook", ", where she now works,"): the position after "that", or None when no "that" follows
    within ADJUNCT_WINDOW tokens (then the verb has no clause: "said in an interview")."""
    first = toks[i] if i < hi else None
    if first is None or not (first.low in _ADJUNCT_STARTS or first.low in TIME_WORDS or first.text == ","
                             or first.low in ("last", "this", "earlier", "later", "repeatedly", "again", "also")):
        return None
    for m in range(i, min(hi, i + ADJUNCT_WINDOW)):
        t = toks[m]
        if t.kind in ("q", "nl") or (t.kind == "p" and t.text in ".;:!?"):
            return None
        if t.low == "that":
            nxt = toks[m + 1] if m + 1 < hi else None
            if nxt is None or nxt.low in _VERB_STARTS or (nxt.low.endswith("ed") and not nxt.is_cap):
                return None  # "said in the report that was released": "that" begins a relative clause
            return m + 1
        if t.kind == "w" and speech_verb_at(toks, m):
            return None
    return None


def clause_after(toks: Sequence, v: int, hi: int, quote_kind: QuoteKind) -> Optional[tuple[int, int, int, str]]:
    """The reported clause that follows the cue verb at ``v``: (start, end, cue end) tokens and its
    content kind (CLAUSE, or QUESTION after "explained why")."""
    verb = toks[v].low
    if v > 0 and (toks[v - 1].low in ("not", "never", "n't") or toks[v - 1].low.endswith(("n't", "n’t"))):
        return None  # "has not said": nothing was said
    cue_end = v + 1
    i = v + 1
    if i < hi and toks[i].low == "out" and verb.startswith("point"):
        i = cue_end = i + 1  # "pointed out that"
    if verb in _TELLING:
        i = _skip_object(toks, i, hi)
    if i + 1 < hi and toks[i].low.endswith("ly") and not toks[i].is_cap and (
            toks[i + 1].low == "that" or toks[i + 1].text in "-—–" or _ly_adverb(toks[i]) and verb in _THAT_OPTIONAL
            and toks[i + 1].low in _SUBJECT_PRONOUNS):
        i += 1  # "argued emphatically that", "have said repeatedly they"
    if i < hi and toks[i].text in "-—–":
        # "argued - rebuking Mr. Trump eight times by name - that ...": an aside between dashes.
        close = next((m for m in range(i + 1, min(hi, i + ADJUNCT_WINDOW)) if toks[m].text == toks[i].text), None)
        if close is not None and close + 1 < hi and toks[close + 1].low == "that":
            i = close + 1
    if i + 1 < hi and toks[i].low in _WHEN_WORDS and verb in _THAT_OPTIONAL and _clause_like(toks, i + 1, hi):
        i += 1  # "said Tuesday his plan would ...", "told reporters Tuesday it was ...": the day goes with the cue
    that = i < hi and toks[i].low == "that"
    if that and i == v + 1 and i + 1 < hi and toks[i + 1].low in _THAT_VERBS:
        that = False  # "said that is unlikely": "that" is the subject
    elif that:
        i += 1
    else:
        after = _skip_adjuncts(toks, i, hi)
        if after is not None:
            i, that = after, True
        elif i < hi and toks[i].text == "," and verb in _TELLING and i + 1 < hi and toks[i + 1].low == "that":
            i, that = i + 2, True  # "told the Ledger, that ..."
    if i >= hi:
        return None
    first = toks[i]
    kind = CLAUSE
    if not that and verb in _QUESTIONING and first.low in _QUESTION_STARTS:
        kind = QUESTION  # "explained why the plan failed"
    elif not that and (verb not in _THAT_OPTIONAL or verb in _ADDING) and not (
            verb in _CLAUSE_IF_SUBJECT and _clause_like(toks, i, hi)) and not _pronoun_clause(toks, i, hi):
        return None  # "confirmed these developments", "added another title": an object, not a clause
    if first.kind != "w" and not (first.kind == "p" and first.text in OPEN_MARKS and that):
        return None
    if kind == CLAUSE and first.kind == "w" and (
        first.low in _VERB_STARTS or (not that and (first.low in _NOT_CLAUSE_STARTS or first.low in TIME_WORDS))
        or (that and first.low in _QUESTION_WORDS)
    ):
        return None  # "told reporters outside the offices": where, not what
    j = clause_end(toks, i, hi, quote_kind)
    i, j = _trim(toks, i, j)
    if j - i <= 0 or _words(toks, i, j) < MIN_WORDS:
        return None
    if toks[i].kind == "q" or (_is_mark(toks[i]) and i + 1 < j and toks[i + 1].kind == "q"):
        return None  # "said that “...”": the direct quote carries it
    return i, j, cue_end, kind


# "say" and its forms: they report an answer ("said yes", "said so") or "the same" as what was said.
_SAYING = _forms("say") | {"said"}
_ANSWERS = frozenset("yes no so".split())


def _answer_after(toks: Sequence, v: int, hi: int) -> Optional[tuple[int, int, int, str]]:
    """What "say" at ``v`` reports when it is no clause: an answer ("said yes", "said so in
    December") or "the same" ("said the same of Roe"), up to punctuation, a time word or a
    preposition (but "of" after "the same")."""
    if toks[v].low not in _SAYING or v + 1 >= hi:
        return None
    i = v + 1
    if toks[i].low in _ANSWERS:
        j = i + 1
    elif toks[i].low == "the" and i + 1 < hi and toks[i + 1].low == "same":
        j = i + 2
        if j + 1 < hi and toks[j].low == "of":
            j = next((m for m in range(j + 1, min(hi, j + 8)) if toks[m].kind != "w"), j)
    else:
        return None
    if j < hi and toks[j].kind == "w" and not (toks[j].low in _ADJUNCT_STARTS or toks[j].low in TIME_WORDS):
        return None  # "said so many times", "said no one"
    return i, j, v + 1, NOUN_PHRASE


# Time words that may stand between a cue and its clause: "said Tuesday the plan would ...".
_WHEN_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                        "recently earlier later".split())
# Verbs after which a "that" right after the cue is a pronoun: "said that is unlikely".
_THAT_VERBS = frozenset("is was would will could might may seems seemed sounds makes".split())
_SUBJECT_PRONOUNS = frozenset("i he she it we they there".split())


_NOMINATIVE = frozenset("i he she we they".split())


def _pronoun_clause(toks: Sequence, i: int, hi: int) -> bool:
    """Whether the words from ``i`` open a clause with a pronoun that can only be a subject, then a
    word that reads as a finite verb: "they could sell", "he knew", "she doesn't"."""
    if i + 1 >= hi or toks[i].low not in _NOMINATIVE:
        return False
    t = toks[i + 1]
    return t.kind == "w" and not t.is_cap and (t.low in _VERB_STARTS or t.low in _IRREGULAR_PAST or t.low.endswith(
        ("ed", "n't", "n’t")) or t.low.endswith("s") and len(t.low) > 3 and not t.low.endswith("ss"))


def _clause_like(toks: Sequence, i: int, hi: int) -> bool:
    """Whether the words from ``i`` read as a clause rather than a noun phrase: a subject pronoun
    ("it was closing"), or a finite auxiliary within a short noun phrase ("the plan had failed",
    "its profit would fall"), with no preposition, comma or relative word before it."""
    if i >= hi or toks[i].kind != "w":
        return False
    if toks[i].low in _SUBJECT_PRONOUNS:
        return True
    for m in range(i + 1, min(hi, i + 7)):
        t = toks[m]
        if t.kind != "w" or t.low in _ADJUNCT_STARTS or t.low in _NOT_IN_SUBJECT:
            return False
        if t.low in _VERB_STARTS or t.low.endswith(("n't", "n’t")):
            return True
    return False


# Verbs whose content may follow "for": "asked for a recount", "argued for a new name".
_ASKING_FOR = _forms("ask plead beg argue")
_FOR_ONLY = _ASKING_FOR - _ASKING  # "argued the plan ..." is read as a clause
_OBJECT_VERBS = _PROMISING | _ASKING | _CALLING | _OBJECT_IS_CONTENT | _ASKING_FOR
_CALLERS = frozenset("he she they we i you who also to often now".split())
_ASKED_QUESTION = _QUESTION_STARTS


def _passive(toks: Sequence, v: int) -> bool:
    """"was criticized", "has been widely praised", "got blamed"; not "is thanking"."""
    if toks[v].low.endswith("ing"):
        return False
    k = v - 1
    while k >= 0 and k > v - 3 and toks[k].kind == "w" and (toks[k].low.endswith("ly") or toks[k].low in _ADVERBS):
        k -= 1
    return k >= 0 and toks[k].low in _PASSIVE


# Objects "call" names with a predicate after them ("called him a liar", "calls herself a
# centrist"), the words a speaker can stand after ("Roe called", "and called", ", calling"), and
# words after which the object is not named as something ("called it quits", "called him back").
_NAMED_OBJECTS = frozenset("him her them it himself herself themselves itself this that".split())
_CALLED_BY = _CALLERS | frozenset("and but who has have had , by while after".split())
_NOT_PREDICATES = frozenset("back up out off in over quits home".split())
# How far after "called the" the predicate's article is looked for ("called the new levy a tax").
PREDICATE_REACH = 5


def _names_as(toks: Sequence, v: int, hi: int) -> bool:
    """Whether "call" at ``v`` names its object as something: a speaker before it (a capitalised
    word, a pronoun, "and", "who", an auxiliary, or a comma or preposition before "calling"), then an
    object pronoun or a name followed by a word that is no preposition or particle ("called him
    divisive", "calling Roe a fraud"), or "the ..." followed within PREDICATE_REACH words by "a"/"an"
    ("called the plan a disaster")."""
    k = v - 1
    while k > 0 and (toks[k].low in _ADVERBS or _ly_adverb(toks[k])):
        k -= 1
    prev = toks[k]
    if _passive(toks, v) or not (prev.low in _CALLED_BY or prev.kind == "w" and prev.is_cap and not prev.low.endswith("ing")):
        return False
    i = v + 1
    if i >= hi or toks[i].kind != "w":
        return False
    if toks[i].low in _NAMED_OBJECTS:
        after = i + 1
    elif toks[i].is_cap and toks[i].low not in TIME_WORDS:
        np = np_starting_at(toks, i, hi)
        if np is None or np[0].kind == "pronoun" or np[0].text.endswith(("’s", "'s")):
            return False  # "called Obama's plan ...": the possessive is read with the next words
        after = np[1]
    elif toks[i].low in ("the", "his", "her", "their", "its", "this", "that"):
        for m in range(i + 1, min(hi, i + 1 + PREDICATE_REACH)):
            if toks[m].kind != "w" or toks[m].low in _ADJUNCT_STARTS or toks[m].low in _NOT_IN_SUBJECT:
                return False
            if toks[m].low in ("a", "an"):
                return True
        return False
    else:
        return False
    if after >= hi:
        return False
    t = toks[after]
    return t.kind == "w" and t.low not in _ADJUNCT_STARTS and t.low not in TIME_WORDS and t.low not in _NOT_PREDICATES \
        and not _ly_adverb(t) \
        and t.low not in _NOT_IN_SUBJECT and t.low not in _VERB_STARTS and t.low not in ("to", "not")


def _to_after_object(toks: Sequence, i: int, hi: int, stops: frozenset[str]) -> Optional[int]:
    """Past the person asked ("urged the council", "called on Congress") to a word of ``stops``
    ("to", "not", "whether"), at most 8 words on; None when another word or punctuation comes first."""
    for m in range(i, min(hi, i + 8)):
        t = toks[m]
        if t.kind == "w" and t.low in stops:
            return m
        if t.kind != "w" or speech_verb_at(toks, m) or t.low in ("that", "and", "or", "but") or t.low in _VERB_STARTS:
            return None
    return None


def _object_start(toks: Sequence, v: int, i: int, hi: int) -> Optional[tuple[int, bool]]:
    """Where the complement of the speech act at ``v`` starts, reading from ``i`` (past the verb and
    a time word), and whether it is a noun phrase (ended at a comma) rather than a clause or an
    infinitive (ended as a clause is)."""
    verb, first = toks[v].low, toks[i]
    if verb in _CALLING:
        if verb in ("call", "calls") and not (v > 0 and (toks[v - 1].is_cap and not toks[v - 1].low.endswith("ing") or toks[v - 1].low in _CALLERS)):
            return None  # "growing calls for an inquiry": a noun
        if first.low == "for":
            return i + 1, True  # "called for an inquiry into the spending"
        if first.low in ("on", "upon"):
            k = _to_after_object(toks, i + 1, hi, frozenset(("to", "not")))
            return (k, False) if k is not None and k > i + 1 else None  # "called on voters to ..."
        return (i, True) if i == v + 1 and _names_as(toks, v, hi) else None  # "called the plan a disaster"
    if first.low == "for" and verb in _ASKING_FOR:
        return i + 1, True  # "asked for a recount", "argued for a new name", "pleaded for calm"
    if verb in _FOR_ONLY:
        return None
    if verb in _PROMISING:
        return (i, False) if first.low == "to" else None  # "vowed to stay in the race"
    if verb in _ASKING:
        k = _to_after_object(toks, i, hi, frozenset(("to", "not")) | _ASKED_QUESTION)
        return (k, False) if k is not None else None  # "urged the council to act", "asked whether ..."
    if verb in _QUESTIONING and first.low in _QUESTION_STARTS or _clause_like(toks, i, hi):
        return None  # "explained why ...", "announced it would ...": a question or a clause, read as one
    if first.text in _CURRENCY and i + 1 < hi and toks[i + 1].text[:1].isdigit():
        return i, True  # "proposed $275 billion in new spending"
    if first.kind != "w" or first.low in _NOT_CLAUSE_STARTS or first.low in TIME_WORDS or first.low in _VERB_STARTS \
            or first.low in ("that", "to", "it", "this", "these", "those") or speech_verb_at(toks, i):
        return None
    if first.low in _OBJECT_PRONOUNS and not (i + 1 < hi and toks[i + 1].low in ("for", "of", "as")):
        return None  # "denied it"; but "accused him of lying", "dismissed him as an actor"
    return i, True  # "denied the report", "criticized the mayor for the delay"


_CURRENCY = frozenset("$£€")


def _in_number(toks: Sequence, m: int, end: int) -> bool:
    """Whether the comma at ``m`` separates thousands ("40,000"): digits on both sides, no spaces."""
    return 0 < m and m + 1 < end and toks[m - 1].text.isdigit() and toks[m + 1].text.isdigit() \
        and toks[m - 1].end == toks[m].start and toks[m].end == toks[m + 1].start


# Where and how a speech act was done, after its noun-phrase content: "in a statement", "on Twitter",
# "at a rally", "during the debate", "through his lawyer".
_OCCASION_PREPS = frozenset("in on at during through via".split())
_OCCASIONS = frozenset(
    """statement statements interview interviews speech speeches tweet tweets post posts letter letters column op-ed
    email e-mail emails memo rally rallies debate debates conference briefing hearing hearings event town appearance
    remarks address broadcast radio television podcast twitter facebook instagram lawyer lawyers attorney attorneys
    spokesman spokeswoman spokesperson""".split())


def _occasion(toks: Sequence, k: int, end: int) -> bool:
    """Whether the words from ``k`` (after a preposition) name the occasion or channel of a speech act,
    within three words: "a statement", "his opening statement", "Twitter", "a news conference"."""
    for m in range(k, min(end, k + 4)):
        t = toks[m]
        if t.kind != "w":
            return False
        if t.low in _OCCASIONS:
            return True
    return False


def _list_goes_on(toks: Sequence, c: int, end: int) -> bool:
    """Whether the comma at ``c`` separates the items of a list that closes the content: short items
    with no verb, the last after "and" or "or", and nothing after it ("criticism from Roe, Ostrander and
    the trust", "four votes for the levy, 31 against and two abstentions"); at most 24 tokens."""
    words = 0
    last = items = False
    for m in range(c + 1, min(end, c + 25)):
        t = toks[m]
        if t.text == ",":
            if words == 0 or last:
                return False
            words, items = 0, True
            continue
        if t.kind == "p" and t.text in ".!?" and all(toks[x].kind in ("p", "nl") for x in range(m, end)):
            return last and words > 0
        if t.kind != "w" or t.low in _VERB_STARTS or t.low in _NOT_IN_SUBJECT and t.low not in ("and", "or") \
                or speech_verb_at(toks, m) or _verbish_in(toks, m, m + 1):
            return False
        if t.low in ("and", "or"):
            if last or words == 0 and not items:
                return False  # ", and the board voted ...": a clause of its own
            last, words = True, 0
            continue
        words += 1
        if words > 6:
            return False
    return last and words > 0 and min(end, c + 25) == end


def _complement_end(toks: Sequence, start: int, end: int) -> int:
    """Where a noun phrase or infinitive that is a speech act's content ends, at most at ``end``: at
    a comma or dash ("vowed to stay, and the party ..."; but ", including ..." goes on with what
    the speaker listed: "cited several factors, including the new fees", and so does a list that
    closes the content: "criticized Roe, Ostrander and the trust"), at the speaker's next act
    ("vowed to keep it legal and celebrated the ruling", "denied the charges and has ..."), before a
    closing time word ("announced support on Thursday")."""
    gerund = False  # a gerund after a preposition: "blamed the debt for keeping rates low and making ..."
    for m in range(start + 1, end):
        t = toks[m]
        if t.text == "," and _list_goes_on(toks, m, end):
            break  # a list to the content's end: "criticized Roe, Ostrander and the trust"
        if t.kind == "p" and t.text in ",—–-" and not (t.text == "-" and toks[m - 1].end == t.start) \
                and not _in_number(toks, m, end) and not (m + 1 < end and toks[m + 1].low == "including"):
            end = m
            break
        if t.low in ("and", "but") and m + 1 < end and not toks[m + 1].is_cap and (
                toks[m + 1].low in _VERB_STARTS or toks[m + 1].low.endswith("ed") or speech_verb_at(toks, m + 1)
                or toks[m + 1].low.endswith("ing") and not gerund):
            end = m  # but a second gerund goes with the first: "for accepting donations and speaking ..."
            break
        if t.kind == "w" and t.low.endswith("ing") and toks[m - 1].low in _ADJUNCT_STARTS:
            gerund = True
        if t.low in _OCCASION_PREPS and m > start + 1 and _occasion(toks, m + 1, end):
            end = m  # "touted his wins in his opening statement", "blamed the council on Twitter"
            break
    e = end
    while e > start and toks[e - 1].kind == "p":
        e -= 1
    if e - 2 > start and toks[e - 1].low in TIME_WORDS and toks[e - 2].low in ("on", "last", "this"):
        return e - 2  # "on Thursday"
    if e - 1 > start and toks[e - 1].low in TIME_WORDS and toks[e - 1].is_cap:
        return e - 1  # "Thursday"
    return end


def object_after(toks: Sequence, v: int, hi: int, quote_kind: QuoteKind) -> Optional[tuple[int, int, int, str]]:
    """The complement of a speech act that is what was said (see _OBJECT_VERBS): (start, end, cue
    end, content kind), or None. The preposition of "called for" / "called on" belongs to the cue."""
    if _passive(toks, v):
        return None
    i = v + 1
    while i + 1 < hi and i < v + 4:
        if toks[i].low in TIME_WORDS and toks[i].low not in _ADJUNCT_STARTS:
            i += 1  # "vowed Tuesday to ..."
        elif toks[i].low in ("on", "last", "this") and toks[i + 1].low in TIME_WORDS:
            i += 2  # "vowed on Tuesday to ..."
        else:
            break
    if i >= hi:
        return None
    found = _object_start(toks, v, i, hi)
    if found is None:
        return None
    start, noun_phrase = found
    kind = NOUN_PHRASE if noun_phrase else QUESTION if toks[start].low in _QUESTION_STARTS else INFINITIVE
    cue_end = i + 1 if toks[v].low in _CALLING and start > i or toks[i].low == "for" and start == i + 1 else v + 1  # "called for", "asked for"
    end = clause_end(toks, start, hi, quote_kind)
    if kind != QUESTION:
        end = _complement_end(toks, start, end)
    start, end = _trim(toks, start, end)
    if end - start <= 0 or _words(toks, start, end) < (MIN_NP_WORDS if kind == NOUN_PHRASE else MIN_WORDS) and not (
            kind == NOUN_PHRASE and toks[v].low in _JUDGING and toks[start].is_cap and toks[start].kind == "w"):
        return None
    if toks[start].kind == "q" or (_is_mark(toks[start]) and start + 1 < end and toks[start + 1].kind == "q"):
        return None
    if toks[v].low in _CALLING and start == v + 1 and any(toks[m].kind == "q" for m in range(start, end)):
        return None  # "called the plan “a disaster”": the quoted name is the statement, a quote of its own
    return start, end, cue_end, kind


def _sentence_start(toks: Sequence, lo: int, hi: int) -> int:
    """Past a dateline ("TOKYO (AP) —") and opening punctuation."""
    for k in range(lo, min(hi, lo + 8)):
        t = toks[k]
        if t.kind == "p" and t.text in "—–-" and k > lo:
            return k + 1
        if t.kind == "w" and not t.text.isupper():
            break
    return lo


# Words after "said Ann Roe," that describe the speaker rather than go on with the statement.
_APPOSITION_STARTS = frozenset("a an the who whose which one another also now then".split())
_AFTER_CUE = frozenset("last this earlier later recently also again repeatedly previously".split())


def _closes(toks: Sequence, k: int, hi: int, telling: bool = False, inverted: bool = True) -> Optional[bool]:
    """After a cue ending at ``k``: True when only adjuncts follow up to the sentence end
    (or a participle cue: ", adding that"); False when a comma goes on with the sentence (a cue in
    the middle: "The plan, aides said, is dead"); None otherwise."""
    m = k
    if m < hi and toks[m].kind == "w" and not (
        toks[m].low in _ADJUNCT_STARTS or toks[m].low in TIME_WORDS or toks[m].low in _AFTER_CUE
        or (telling and (toks[m].is_cap or toks[m].low in _TELLING_OBJECTS or toks[m].low in ("the", "a", "an")))
    ):
        return None  # "Bob said he arrived ...": the verb's own clause follows
    while m < hi and m < k + 10 and toks[m].kind == "w" and not speech_verb_at(toks, m):
        if toks[m].low == "that" and m > k:
            return None  # "..., the company said on Friday that it had ...": the verb's own clause follows
        m += 1
    if m >= hi:
        return True
    t = toks[m]
    if t.kind == "p" and t.text in ".!?;:—–-":
        return True
    if t.kind in ("nl", "q"):
        return True
    if t.kind == "p" and t.text == "," and m + 1 < hi:
        if toks[m + 1].low in _ADJUNCT_STARTS:
            return True  # ", he said, on condition of anonymity"
        if speech_verb_at(toks, m + 1) and toks[m + 1].low.endswith("ing"):
            return True
        if inverted and toks[m + 1].low in _APPOSITION_STARTS or toks[m + 1].low.endswith("ing") and not toks[m + 1].is_cap:
            # ", said Ann Roe, a harbour engineer", ", he said, wiping his brow"; but after "he said"
            # no apposition: "In a merger, he said, the firm would ..." goes on with the statement.
            return True
        if inverted and _apposition(toks, m + 1, hi):
            return True  # ", said Ann Roe, director of the harbour trust."
        if toks[m + 1].kind == "w" and toks[m + 1].low != "and":
            return False  # also "The pumps are old, said Roe, but the wall will hold": the speaker's contrast
    return None


def _apposition(toks: Sequence, k: int, hi: int) -> bool:
    """Whether the words from ``k`` (after "said Ann Roe,") describe the speaker up to the sentence
    end ("director of the harbour trust", "executive editor at the Ledger") rather than go on with
    the statement ("is dead", "never worked"): a lower-case word that is no verb, and no finite
    verb before the end (at most ADJUNCT_WINDOW tokens on)."""
    first = toks[k]
    if first.kind != "w" or first.is_cap or first.low in _VERB_STARTS or first.low in _NOT_IN_SUBJECT \
            or first.low in ("not", "never", "and", "but") or first.low.endswith(("ed", "ing")):
        return False
    for m in range(k + 1, min(hi, k + ADJUNCT_WINDOW)):
        t = toks[m]
        if t.kind in ("nl", "q") or t.kind == "p" and t.text in ".;:!?":
            return True
        if t.kind == "w" and not t.is_cap and (t.low in _VERB_STARTS or t.low in ("that", "which", "who")):
            return False
    return hi <= k + ADJUNCT_WINDOW


def _before_cue(toks: Sequence, lo: int, c: int, hi_cue: int, hi: int, quote_kind: QuoteKind,
                mention: Mention, cue_at: int, according: bool = False) -> Optional[Found]:
    """Clause, then cue: the content from the sentence start to the comma at ``c`` (and on to the
    sentence end when the cue sits in the middle)."""
    closes = _closes(toks, hi_cue, hi, toks[cue_at].low in _TELLING, mention.start > toks[cue_at].start)
    if closes is None or closes and not according and toks[cue_at].low not in _AFTER_CLAUSE:
        return None  # "..., Roe accused the council of ...": not a cue for the words before it
    i = _sentence_start(toks, max(lo, c - WINDOW), c)
    j = c
    if closes is False:
        m = hi_cue
        while m < hi and toks[m].text != ",":
            m += 1
        j = clause_end(toks, m + 1, hi, quote_kind) if m + 1 < hi else c
    i, j = _trim(toks, i, j)
    if j - i <= 0 or _words(toks, i, j) < MIN_WORDS or any(
        speech_verb_at(toks, x) and (toks[x].low in _THAT_OPTIONAL or x + 1 < j and toks[x + 1].low == "that")
        for x in range(i, min(j, i + 3))
    ):
        return None  # "Roe said the plan works, Varga added": Roe's statement, reported by Varga
    while i < j and toks[i].low in ("and", "but", "so") or (i < j and toks[i].kind == "p" and toks[i].text == ","):
        i += 1  # "But HarperCollins declined the offer, according to ..."
    if i >= j or _words(toks, i, j) < MIN_WORDS or (toks[i].low in _QUESTION_WORDS or _fronted_phrase(toks, i, j)) and not (
            closes is False and toks[i].low in _SUBORDINATORS):
        return None  # but "If the levy fails, Roe warned, the ferry will stop": one statement round the cue
    inside = _inside(toks, i, j, quote_kind)
    if inside is None:
        return None
    return Found(i, j, cue_at, cue_at + (2 if according else 1), mention, inside)


# Common irregular past forms (a short clause needs a verb: "it lasted two minutes", "they won").
_IRREGULAR_PAST = frozenset(
    """said told made got took went came saw knew thought found gave left felt kept won lost ran paid sent led held
    brought bought began became met put set cut hit let meant spent stood understood wrote spoke broke chose
    fell grew drew drove rose sold sat built heard hid""".split()
)
SHORT_CLAUSE = 5  # words: a clause this short is checked for a verb


def _has_verb(toks: Sequence, i: int, j: int) -> bool:
    """Whether a short clause (at most SHORT_CLAUSE words) reads as one: it opens with a subject
    pronoun ("they would", "it did"), says "the same", or holds a word that reads as a finite verb
    (an auxiliary, a negation, an -ed or -s form, a common irregular past); a longer one is taken
    as it is."""
    first = toks[i].low.replace("’", "'").split("'")[0]
    if _words(toks, i, j) > SHORT_CLAUSE or first in _SUBJECT_PRONOUNS or first == "you":
        return True  # "they would", "they’re fighting", "he'd welcome"
    if any(toks[m].low == "same" for m in range(i, j)):
        return True  # "three-quarters said the same of Sanders": the earlier statement, said again
    for m in range(i, j):
        t = toks[m]
        if t.kind == "q":
            return True  # quoted words: "waterboarding is “peanuts”"
        if t.kind != "w" or t.is_cap:
            continue
        low = t.low
        if low in _VERB_STARTS or low in _IRREGULAR_PAST or low.endswith(("n't", "n’t")) or low in ("not", "never"):
            return True
        if len(low) > 3 and (low.endswith("ed") or low.endswith("s") and not low.endswith(("ss", "’s", "'s", "us", "is"))):
            return True
    return False


_INDEFINITE_ING = frozenset("nothing something everything anything".split())


def _fronted_phrase(toks: Sequence, i: int, j: int) -> bool:
    """Whether the words before a cue are only a phrase fronted in the cue's own sentence ("In an
    interview with the Ledger, Roe said ...", "Surveying the damage, Roe warned ..."): they open with
    a preposition, a subordinator or a participle and hold no comma after which a clause could go on."""
    first = toks[i].low
    opens = first in _ADJUNCT_STARTS or first in _SUBORDINATORS or (
        first.endswith("ing") and len(first) > 5 and first not in _INDEFINITE_ING)
    return opens and not any(toks[m].text in ",;:—–" for m in range(i + 1, j))


def _speaker_phrase(toks: Sequence, i: int, j: int) -> bool:
    """Whether the words read as the speaker after an inverted cue ("said Ann Roe, an engineer")
    are a noun phrase, not a clause ("said the campaign is taking nothing for granted")."""
    return j - i <= 10 and not any(toks[m].low in _VERB_STARTS or toks[m].low in ("that", "who", "which") for m in range(i, j))


def find_reported(
    toks: Sequence, sent_bounds: dict, subject_of: Callable[[int, int], Optional[Mention]], quote_kind: QuoteKind
) -> list[Found]:
    """Each reported statement of the article, in text order.

    ``subject_of(v, lo)`` returns the speaker mention of the verb at ``v``
    (handling participles and appositions), or None; ``quote_kind(k)`` the
    kind of the direct quote whose masked token is at ``k``.
    """
    out: list[Found] = []
    for lo, hi in sorted(sent_bounds.values()):
        taken_until = lo
        v = lo
        while v < hi:
            t = toks[v]
            if t.kind != "w" or v < taken_until:
                v += 1
                continue
            found: Optional[Found] = None
            if t.low == "according" and v + 1 < hi and toks[v + 1].low == "to":
                found = _according(toks, v, lo, hi, quote_kind)
            elif t.low in SPEECH_VERBS and t.text in _HEADLINE_CUES:
                found = _headline(toks, v, lo, hi, quote_kind)
            elif t.low in SPEECH_VERBS and speech_verb_at(toks, v) and (t.low not in _NOT_CUES or (
                    t.low in _CALLING and v + 1 < hi and (toks[v + 1].low in ("for", "on", "upon") or _names_as(toks, v, hi)))
                    or t.low.startswith("point") and v + 1 < hi and toks[v + 1].low == "out"):
                found = _verb_cue(toks, v, lo, hi, taken_until, subject_of, quote_kind)
            if found is not None and found.content == CLAUSE and not _has_verb(toks, found.i, found.j):
                found = None  # "he also stated a day earlier", "told Fox News host Matt Boyle"
            if found is not None and _quote_follows(toks, found.j, hi) and _words(toks, found.i, found.j) <= INTRODUCES_QUOTE:
                found = None  # "he said the sign was his idea: “…”": the quote carries the statement
            if found is not None and found.i >= taken_until:
                out.append(found)
                taken_until = max(found.j, found.cue_end)
                # "... and that ...": a second statement under the same cue.
                k = found.j
                while k < hi and toks[k].kind == "p" and k < found.j + 2:
                    k += 1
                if found.j > found.cue and k + 1 < hi and toks[k].low in ("and", "but") and toks[k + 1].low == "that":
                    rng = clause_after_that(toks, k + 1, hi, quote_kind)
                    if rng is not None:
                        out.append(Found(rng[0], rng[1], found.cue, found.cue_end, found.mention, rng[2], CLAUSE))
                        taken_until = rng[1]
                v = taken_until
                continue
            v += 1
    return out


# A speech verb as a title-cased headline writes it: "Harbour Chief Says Wall Will Hold".
_HEADLINE_CUES = frozenset(("Says", "Say"))
# How many words a headline's speaker may have.
HEADLINE_SPEAKER_WORDS = 5


def _headline(toks: Sequence, v: int, lo: int, hi: int, quote_kind: QuoteKind) -> Optional[Found]:
    """A headline in title case ("Harbour Chief Says Wall Will Hold Until May"): its capitalised
    words before the verb at ``v`` (one to HEADLINE_SPEAKER_WORDS, no digits) speak; what follows to
    the line's end, a comma or a semicolon is the statement (MIN_WORDS words at least). The line is a
    headline when nearly all its words (at most WINDOW tokens) are capitalised."""
    s = v
    while s - 1 >= lo and s > v - HEADLINE_SPEAKER_WORDS - 2 and (
            toks[s - 1].kind == "w" and (toks[s - 1].is_cap or toks[s - 1].low == "s")
            and not any(ch.isdigit() for ch in toks[s - 1].text)
            or toks[s - 1].text in ("’", "'") and s - 2 >= lo and toks[s - 2].kind == "w"):
        s -= 1  # "Harbour Chief", "Roe’s Son"
    if s == v or s - 1 >= lo and toks[s - 1].kind == "w":
        return None
    j = v + 1
    while j < hi and j < v + WINDOW and (toks[j].kind in ("w", "q") or toks[j].kind == "p" and toks[j].text not in ",;.!?:"):
        j += 1
    i, j = _trim(toks, v + 1, j)
    words = [toks[m] for m in range(s, j) if toks[m].kind == "w" and toks[m].text[:1].isalpha()]
    lower = sum(1 for t in words if not t.is_cap and t.low not in _TITLE_LOWER)
    if _words(toks, i, j) < MIN_WORDS or lower > len(words) // 8:
        return None
    inside = _inside(toks, i, j, quote_kind)
    if inside is None:
        return None
    return Found(i, j, v, v + 1, _as_written(toks, s, v, toks[v - 1].low), inside)


# Words a title-cased headline may leave in lower case.
_TITLE_LOWER = frozenset("a an the and or but of to in on at for by with as from".split())


# A content this short (words) followed by a colon and a direct quote introduces the quote.
INTRODUCES_QUOTE = 8


def _quote_follows(toks: Sequence, j: int, hi: int) -> bool:
    """Whether a colon and a direct quote follow the content ending at ``j`` ("said he came up with
    the sign idea: “Democrats $1 …”"): the words before the colon introduce the quote."""
    k = j
    while k < hi and k < j + 2 and toks[k].kind == "p" and toks[k].text != ":":
        k += 1  # a closing mark of the content's own partial quote
    if k >= hi or toks[k].text != ":":
        return False
    k += 1
    while k < hi and k < j + 5 and (toks[k].kind == "nl" or _is_mark(toks[k])):
        k += 1
    return k < hi and toks[k].kind == "q"


def clause_after_that(toks: Sequence, k: int, hi: int, quote_kind: QuoteKind):
    """The clause after the "that" at ``k``, with its quotes inside."""
    i = k + 1
    j = clause_end(toks, i, hi, quote_kind)
    i, j = _trim(toks, i, j)
    if j - i <= 0 or _words(toks, i, j) < MIN_WORDS:
        return None
    inside = _inside(toks, i, j, quote_kind)
    return None if inside is None else (i, j, inside)


def _verb_cue(toks, v, lo, hi, taken_until, subject_of, quote_kind) -> Optional[Found]:
    t = toks[v]
    lo = max(lo, v - WINDOW)  # a subject is looked for within WINDOW tokens: linear in a sentence's length
    hi = min(hi, v + 2 * WINDOW)
    if v > lo and (toks[v - 1].low in ("not", "never") or toks[v - 1].low.endswith(("n't", "n’t"))):
        return None  # "has not said", "is not related to"
    # "is predicting", "are saying": a progressive is a finite verb, not a participle cue.
    participle = t.low.endswith("ing") and not (v - 1 > lo and toks[v - 1].low in _BE)
    k = _before_adverbs(toks, v, lo)
    # ', saying', ', repeatedly insisting', '— saying', 'said “…,” suggesting': a participle after its clause
    participle_after = participle and (toks[k - 1].text in (",", "—", "–") or _after_partial_quote(toks, k, lo, quote_kind))
    if any(toks[u].kind == "q" for u in range(max(lo, v - 3), v)) and not (participle_after or _coordinated(toks, k, lo)):
        return None  # the cue of a direct quote: “…,” Okafor told reporters outside …
    if k - 1 >= lo and toks[k - 1].low == "as" and v + 2 < hi and toks[v + 1].low == "by":
        return _as_reported_by(toks, v, lo, hi, quote_kind)
    found = _passive_with_agent(toks, v, lo, hi) if not participle and toks[v - 1].kind == "w" else None
    if found is not None:
        return found
    mention = _relative_subject(toks, k, lo) if not participle else _with_subject(toks, v, lo)
    if mention is None and not _inverted(toks, v, lo, hi):
        mention = subject_of(k, lo) if k == v or not participle else None
        mention = _checked_subject(toks, _past_relative(toks, k, lo, mention), k, lo, taken_until)
    if mention is None and not participle and not _inverted(toks, v, lo, hi):
        mention = _plain_subject(toks, k, lo) or _subject_before_aside(toks, k, lo)
    if mention is None:
        mention = _clause_subject(toks, v, k, lo, participle, participle_after)
    if mention is not None:
        mention = _without_coordinator(toks, mention, v, lo)
    if mention is None:
        return None if participle else _inverted_cue(toks, v, lo, hi, taken_until, quote_kind)
    ms = _token_at(toks, mention.start, v, lo)
    if ms is not None:
        ms = _phrase_start(toks, ms, lo)
    # "As the Ledger reported on Monday, the pumps ...": the clause after the comma.
    found = _after_as_clause(toks, v, lo, hi, quote_kind, mention) if _after_as(toks, ms, lo) and not participle else None
    if found is not None:
        return found
    rng = object_after(toks, v, hi, quote_kind) if t.low in _OBJECT_VERBS else None
    if rng is None and ms is not None and ms - 1 > lo and toks[ms - 1].text == "," and ms - 1 >= taken_until \
            and not participle:
        # Clause, then cue: "The US needs Japan's help ..., the ambassador said Monday."
        found = _before_cue(toks, lo, ms - 1, v + 1, hi, quote_kind, mention, v)
        if found is not None:
            return found
    if rng is None:
        rng = clause_after(toks, v, hi, quote_kind) or _answer_after(toks, v, hi)
    if rng is None:
        return None
    i, j, cue_end, kind = rng
    start = _sentence_start(toks, lo, hi)
    if toks[start].low in _SUBORDINATORS and not any(toks[x].text == "," for x in range(start, v)):
        # "While both parties say the US must lead, they differ": the clause ends at the comma.
        comma = next((x for x in range(i, j) if toks[x].text == ","), None)
        if comma is not None:
            i, j = _trim(toks, i, comma)
            if _words(toks, i, j) < MIN_WORDS:
                return None
    inside = _inside(toks, i, j, quote_kind)
    if inside is None:
        return None
    return Found(i, j, v, cue_end, mention, inside, kind)


def _coordinated(toks: Sequence, k: int, lo: int) -> bool:
    """Whether the verb at ``k`` (past its adverbs) follows "and" or "but" (and an auxiliary): a
    second verb of its clause's subject ("called the plan “a disgrace” and said ..."), not the cue
    of a quote before it."""
    if k - 1 > lo and toks[k - 1].low in AUXILIARIES:
        k -= 1
    return k - 1 > lo and toks[k - 1].low in ("and", "but")


def _after_partial_quote(toks: Sequence, v: int, lo: int, quote_kind: QuoteKind) -> bool:
    """Whether ``v`` follows a partial quote and its closing mark ("stressed that “the way is to
    work together,” suggesting ...": the comma is inside the quote)."""
    return v - 2 >= lo and _is_mark(toks[v - 1]) and toks[v - 2].kind == "q" and _kind(quote_kind, v - 2) not in (None, FULL)


def _clause_subject(toks: Sequence, v: int, k: int, lo: int, participle: bool, after_clause: bool) -> Optional[Mention]:
    """The speaker of a participle cue (at ``v``, past its adverbs at ``k``) after its clause
    (``after_clause``: a comma, a dash, a partial quote) or by/after/before/while/since/upon, or of a
    verb after "and"/"but", that has no subject of its own: "Rubio hit back, saying ...", "He
    endorsed Clinton but told the Herald that ..." (the sentence's subject); after an inverted cue
    ("..., said Ann Roe, noting that ..."), the speaker named after that cue."""
    if not (after_clause or participle and toks[k - 1].low in _BY_MEANS
            or toks[k - 1].low in ("and", "but")
            or toks[k - 1].low in AUXILIARIES and k - 2 > lo and toks[k - 2].low in ("and", "but")):
        return None
    mention = _inverted_speaker(toks, lo, k) if participle and toks[k - 1].text == "," else None
    if mention is None:
        mention = _opener(toks, lo, k, org=not participle)
    if mention is None:
        mention = _sentence_subject(toks, lo, v)
    return mention


def _inverted_cue(toks: Sequence, v: int, lo: int, hi: int, taken_until: int, quote_kind: QuoteKind) -> Optional[Found]:
    """Inverted, after a comma: "..., said study co-author Ann Roe." (the speaker after the verb)."""
    if v - 1 <= lo or toks[v - 1].text != ",":
        return None
    np = np_starting_at(toks, v + 1, hi)
    if np is None or np[0].kind == "pronoun" or not _speaker_phrase(toks, v + 1, np[1]):
        return None
    return _before_cue(toks, lo, v - 1, np[1], hi, quote_kind, np[0], v) if v - 1 >= taken_until else None


# How far back from a participle cue the inverted cue whose speaker it shares is looked for (tokens).
INVERTED_REACH = 30


def _inverted_speaker(toks: Sequence, lo: int, k: int) -> Optional[Mention]:
    """The speaker of a participle cue (at ``k``, after a comma) that follows an inverted cue:
    "..., said Ann Roe, a harbour engineer, noting that ...", "..., wrote Roe, citing ...": the
    name or description after the nearest speech verb before it (at most INVERTED_REACH tokens
    back) that itself follows a comma or a quote, with no other verb between."""
    for u in range(k - 2, max(lo, k - INVERTED_REACH), -1):
        t = toks[u]
        if t.kind == "p" and t.text in ".;:!?" or t.kind == "nl":
            return None
        if t.kind != "w" or not speech_verb_at(toks, u) or t.low.endswith("ing"):
            continue
        prev = toks[u - 1]
        if not (prev.text == "," or prev.kind == "q" or prev.kind == "p" and prev.text in CLOSE_MARKS):
            return None
        np = np_starting_at(toks, u + 1, k)
        if np is None or np[0].kind == "pronoun" or np[1] >= k or toks[np[1]].kind == "w" and toks[np[1]].low not in _ADJUNCT_STARTS:
            return None
        return np[0]
    return None


# How many words may stand between a passive speech verb and "by" ("was first reported last week by").
AGENT_GAP = 3
# How many words the subject of a passive speech verb may have.
PASSIVE_SUBJECT_WORDS = 8


def _passive_with_agent(toks: Sequence, v: int, lo: int, hi: int) -> Optional[Found]:
    """"The meeting was first reported by the Ledger", "His remarks were quickly derided by the
    union": the passive's subject is what was spoken of (a noun phrase content), the agent after
    "by" speaks. The subject is the words from the sentence start (past fronted phrases) to the
    auxiliary, two to PASSIVE_SUBJECT_WORDS, no pronoun, relative or verb among them."""
    if not _passive(toks, v):
        return None
    b = v + 1
    while b < hi and b <= v + AGENT_GAP and toks[b].kind == "w" and toks[b].low != "by" and (
            toks[b].low in TIME_WORDS or toks[b].low in _ADVERBS or _ly_adverb(toks[b]) or toks[b].low in ("week", "month", "year")):
        b += 1
    if b + 1 >= hi or toks[b].low != "by":
        return None
    np = np_starting_at(toks, b + 1, hi)
    if np is None or np[0].kind == "pronoun":
        return None
    a = v - 1
    while a > lo and toks[a].low not in _PASSIVE:
        a -= 1
    while a - 1 > lo and toks[a - 1].low in AUXILIARIES:
        a -= 1  # "has been", "might be"
    i = _sentence_subject_start(toks, lo, a)
    if not MIN_NP_WORDS <= a - i <= PASSIVE_SUBJECT_WORDS:
        return None
    for m in range(i, a):
        t = toks[m]
        if t.kind != "w" and t.text not in _IN_SUBJECT_MARKS or t.low in _NOT_IN_SUBJECT or t.low in AUXILIARIES \
                or t.low in _VERB_STARTS or speech_verb_at(toks, m):
            return None
    return Found(i, a, v, v + 1, np[0], (), NOUN_PHRASE)


def _after_as(toks: Sequence, ms: Optional[int], lo: int) -> bool:
    """Whether the speaker starting at ``ms`` follows "as": "As the Ledger reported, ..."."""
    return ms is not None and ms - 1 >= lo and toks[ms - 1].low == "as"


def _as_reported_by(toks: Sequence, v: int, lo: int, hi: int, quote_kind: QuoteKind) -> Optional[Found]:
    """"As (first) reported by the Ledger, the pumps ...": the source after "by" (at ``v + 1``), the
    clause after its comma."""
    np = np_starting_at(toks, v + 2, hi)
    if np is None or np[0].kind == "pronoun" or np[1] >= hi or toks[np[1]].text != ",":
        return None
    return _after_as_clause(toks, np[1] - 1, lo, hi, quote_kind, np[0], cue=v)


def _after_as_clause(toks: Sequence, v: int, lo: int, hi: int, quote_kind: QuoteKind, mention: Mention,
                     cue: Optional[int] = None) -> Optional[Found]:
    """The statement of a cue in a clause opened by "as" ("As the Ledger reported on Monday, the pumps
    ...", "as Roe points out in a column, ..."): the clause after the comma that closes the cue's own
    words (at most ADJUNCT_WINDOW tokens on from ``v``, words only before it, no "that"). ``cue`` is the
    verb when ``v`` is the last word of a source after it ("As reported by the Ledger, ...")."""
    comma = None
    for m in range(v + 1, min(hi, v + ADJUNCT_WINDOW)):
        t = toks[m]
        if t.text == ",":
            comma = m
            break
        if t.kind != "w" or t.low == "that" or speech_verb_at(toks, m):
            return None
    if comma is None or comma > v + 1 and not (
            toks[v + 1].low in _ADJUNCT_STARTS or toks[v + 1].low in TIME_WORDS or toks[v + 1].low in _AFTER_CUE
            or toks[v + 1].low == "out" or _ly_adverb(toks[v + 1])):
        return None  # "As Roe lamented the delays, the council ...": the verb's object, a clause of time
    i = comma + 1
    j = clause_end(toks, i, hi, quote_kind)
    i, j = _trim(toks, i, j)
    if j - i <= 0 or _words(toks, i, j) < MIN_WORDS or toks[i].kind != "w" or toks[i].low in _COORDINATORS:
        return None  # "As Roe said, and the council ...": the reporter's own clause
    inside = _inside(toks, i, j, quote_kind)
    if inside is None:
        return None
    return Found(i, j, v, v + 1, mention, inside) if cue is None else Found(i, j, cue, cue + 1, mention, inside)


# Verbs that report a clause placed before them at the sentence end ("The plan is dead, aides
# said."): those that take a clause without "that", and a few more; other speech verbs there are more often a new part of the sentence ("..., Roe accused the
# council of ...") or nouns ("..., bipartisan whispers."). In the middle ("The plan, Roe argued, is
# dead") every speech verb is a cue.
_AFTER_CLAUSE = _THAT_OPTIONAL | _forms("report announce declare explain reveal confirm reply respond recall write emphasize "
                                        "maintain observe") | {"wrote", "written"}

# Words ending in -ly that are nouns, not adverbs.
_LY_NOUNS = frozenset("family assembly supply monopoly anomaly butterfly homily jelly belly bully".split())


def _ly_adverb(t) -> bool:
    """A lower-case word of six letters or more ending in -ly: an adverb ("publicly", "repeatedly")."""
    return t.kind == "w" and not t.is_cap and len(t.low) >= 6 and t.low.endswith("ly") and t.low not in _LY_NOUNS


_BE = frozenset("is are was were am been be".split())
# Prepositions before a participle cue whose subject is the sentence's: "Roe answered by saying ...".
_BY_MEANS = frozenset("by after before while since upon".split())
_ADVERBS = frozenset("often already long since first even still also again once recently later earlier previously "
                     "frequently repeatedly never ever now then herself himself themselves itself".split())
# Words that cannot be in a plain subject: a clause, a relative or a conjunction.
_NOT_IN_SUBJECT = frozenset("that which who whom whose and or but because if when while as where than so "
                            "it there this these those what".split())


def _inverted(toks: Sequence, v: int, lo: int, hi: int) -> bool:
    """"..., said Ann Roe, an engineer." / "..., said Ann Roe.": a comma, the verb, then a name
    that ends at punctuation; the speaker is after the verb, not the words before the comma."""
    if v - 1 <= lo or toks[v - 1].text != "," or toks[v].low.endswith("ing"):
        return False
    np = np_starting_at(toks, v + 1, hi)
    return np is not None and np[0].kind != "pronoun" and (np[1] >= hi or toks[np[1]].kind == "p")


def _before_adverbs(toks: Sequence, v: int, lo: int) -> int:
    """Back from the verb at ``v`` over the adverbs before it: "Republicans have often argued",
    "many backers privately say"."""
    k = v
    while k - 1 > lo and (toks[k - 1].low in _ADVERBS or _ly_adverb(toks[k - 1])):
        k -= 1
    return k


def _checked_subject(toks: Sequence, mention: Optional[Mention], k: int, lo: int, taken_until: int) -> Optional[Mention]:
    """The subject the mention rules read for the verb at ``k``, unless it is none: inside the
    statement found before it ("... they will not attend the convention and others have said ...":
    the subject is after the conjunction, also when the rules read none), or ending in a
    conjunction ("the new sea wall and")."""
    if mention is None:
        # "... and others have said ...", where the statement before ended at the "and".
        return _after_conjunction(toks, taken_until - 1, k) if taken_until > lo and toks[taken_until].low == "and" else None
    if taken_until > lo and mention.start < toks[taken_until - 1].end and " and " in mention.text:
        return _after_conjunction(toks, taken_until - 1, k)
    if mention.text.rsplit(" ", 1)[-1].lower() in ("and", "but", "or"):
        return None  # the sentence's subject is taken instead
    return mention


def _after_conjunction(toks: Sequence, lo: int, k: int) -> Optional[Mention]:
    """The words between the last "and" or "but" after ``lo`` and the verb at ``k`` (less its
    auxiliaries), as a description."""
    j = k
    while j - 1 > lo and toks[j - 1].low in AUXILIARIES:
        j -= 1
    a = next((m for m in range(j - 1, lo - 1, -1) if toks[m].low in ("and", "but")), None)
    if a is None or a + 1 >= j or any(toks[m].kind != "w" for m in range(a + 1, j)):
        return None
    return _as_written(toks, a + 1, j, toks[j - 1].low)


def _without_coordinator(toks: Sequence, m: Mention, v: int, lo: int) -> Mention:
    """The mention less a capitalised conjunction that opens the sentence before it ("But Google's
    founders" is "Google's founders")."""
    k = _token_at(toks, m.start, v, lo)
    if k is None or k + 1 >= v or toks[k].low not in _COORDINATORS or not toks[k].is_cap or toks[k + 1].end > m.end:
        return m
    return Mention(m.text[toks[k + 1].start - m.start:], toks[k + 1].start, m.end, m.kind, m.head)


def _relative_subject(toks: Sequence, k: int, lo: int) -> Optional[Mention]:
    """The speaker of "Ann Roe, who said ...", "the mayor, who has argued ...": the phrase the
    relative pronoun before the verb (at ``k``, past its adverbs) stands for."""
    w = k - 1
    while w > lo and w > k - 4 and toks[w].low in AUXILIARIES:
        w -= 1
    if w <= lo or toks[w].low not in ("who", "which"):
        return None
    if toks[w].low == "who" and toks[w - 1].text == ",":
        named = _name_before_aside(toks, w - 1, lo)
        if named is not None:
            return named
    found = _phrase_before(toks, w - 1 if toks[w - 1].text == "," else w, lo, prepositional=toks[w].low == "who")
    if found is not None and found.kind in ("name", "org") and _after_place_word(toks, found, w, lo):
        return None  # "a staff member for the campaign in Dover who said": the place said nothing
    return found


# How far back from ", who" the comma before an aside is looked for (tokens).
ASIDE_REACH = 20


def _name_before_aside(toks: Sequence, c: int, lo: int) -> Optional[Mention]:
    """The person's name before an aside that ends at the comma at ``c``, before "who" ("Ann Roe,
    the leader of the opposition in Dunmore, who said", "Ann Roe, 24, from Dunmore, who said"): the
    aside opens after an earlier comma (at most ASIDE_REACH tokens back) with a word that describes
    (an article, a number, a possessive, a preposition); the name is what the mention rules read
    before that comma."""
    for m in range(c - 1, max(lo, c - ASIDE_REACH), -1):
        t = toks[m]
        if t.kind != "w" and t.text not in _IN_SUBJECT_MARKS and t.text not in "()-":
            if t.text != "," or m + 1 >= c:
                return None
            first = toks[m + 1]
            if not (first.low in ("the", "a", "an") or _describes(first)) or toks[m - 1].text[:1].isdigit():
                continue  # "Ann Roe, 24, from Dunmore,": an earlier comma of the same aside
            found = np_ending_at(toks, m, lo)
            return found if found is not None and found.kind == "name" else None
    return None


def _after_place_word(toks: Sequence, found: Mention, w: int, lo: int) -> bool:
    """Whether the capitalised phrase ``found`` (ending before ``w``) follows "in", "from", "at",
    "near" or "of": a place or an institution, not who a relative pronoun after it stands for."""
    i = _token_at(toks, found.start, w, lo)
    return i is not None and i - 1 >= lo and toks[i - 1].low in ("in", "from", "at", "near", "of")


def _phrase_before(toks: Sequence, w: int, lo: int, prepositional: bool = False) -> Optional[Mention]:
    """The noun phrase ending before ``w``: as the mention rules read it, else its words back to
    punctuation or the sentence start (at most 8, no clause among them; the last is its head); with
    ``prepositional``, also back to a preposition ("a question from [a young child], who said")."""
    found = np_ending_at(toks, w, lo)
    if found is not None and prepositional and found.kind == "role":
        fi = _token_at(toks, found.start, w, lo)
        if fi is not None and _verbish_in(toks, fi + 1, w):
            found = None  # "The toll won support from harbour workers": the words after the preposition
    if found is not None:
        return found if found.kind != "pronoun" else None
    i = w
    while i - 1 >= lo and i > w - 8 and toks[i - 1].kind == "w" and (toks[i - 1].low not in _NOT_IN_SUBJECT or (
            toks[i - 1].low in ("and", "or") and i < w and i - 2 >= lo and toks[i - 2].kind == "w")) \
            and toks[i - 1].low not in AUXILIARIES and toks[i - 1].low not in _ADJUNCT_STARTS \
            and not toks[i - 1].low.endswith("ing") and not speech_verb_at(toks, i - 1):
        i -= 1
    if i > lo and toks[i - 1].low in ("but", "and", "so") and (
            i - 1 == lo or toks[i - 2].kind == "p"):
        while i < w and (toks[i].low in _ADVERBS or toks[i].low == "even"):
            i += 1  # "But some who ...", "So even economists who ...": the subject after the conjunction
        if i == w:
            return None
    elif i == w or (i > lo and toks[i - 1].kind == "w" and not (prepositional and toks[i - 1].low in _ADJUNCT_STARTS)):
        return None
    if i > lo and toks[i - 1].text == "," and any(toks[m].low in ("and", "or") for m in range(i, w)):
        return None  # "a liar, bully and birther who ...": the end of a list, not one subject
    return mention(toks, i, w, "role", toks[w - 1].low)


def _past_relative(toks: Sequence, k: int, lo: int, found: Optional[Mention]) -> Optional[Mention]:
    """The head of a subject with a relative clause: in "Workers who watched the vote said", not
    "the vote" but "Workers". Where a relative pronoun comes within 8 words before the phrase found
    (or the verb at ``k`` when none was), with words between (its own verb), the phrase before the
    pronoun speaks."""
    ms = k if found is None else _token_at(toks, found.start, k, lo)
    if ms is None:
        return found
    for w in range(ms - 1, max(lo, ms - 9), -1):
        t = toks[w]
        if t.kind != "w":
            return found
        if t.low in ("who", "that", "whose") and w < ms - 1 and w > lo and toks[w - 1].kind == "w":
            return _phrase_before(toks, w, lo) or found
    return found


def _opener(toks: Sequence, lo: int, v: int, org: bool = False) -> Optional[Mention]:
    """The name, role or pronoun (or, with ``org``, an organisation named in two words or more:
    "The State Department") that opens the sentence and is followed by a verb."""
    start = _sentence_start(toks, lo, v)
    found = np_starting_at(toks, start, v)
    if found is None or found[0].kind == "org" and (not org or " " not in found[0].text):
        return None
    after = found[1]
    if after < v and toks[after].kind == "w" and not toks[after].is_cap:
        return found[0]
    return None


# Words after which a subject starts: ", and some families said", "while 22 percent said", "remember
# that social scientists say". "and", "but", "so" and "yet" only at the sentence start or after a comma.
_OPENERS = frozenset("while whereas although though because since as if when that".split())
_COORDINATORS = frozenset("and but so yet".split())
# Punctuation inside a plain subject: "Sanders’ aides", "47% say", "a CNN/ORC poll".
_IN_SUBJECT_MARKS = frozenset("’'%/&")


def _with_subject(toks: Sequence, v: int, lo: int) -> Optional[Mention]:
    """The subject of a participle cue in "with 22 percent saying ...", "with three in 10 voters
    saying ...": the words between "with" (at most 8 words back) and the participle at ``v``."""
    for w in range(v - 1, max(lo, v - 9), -1):
        t = toks[w]
        if t.kind == "p" and t.text in _IN_SUBJECT_MARKS:
            continue
        if t.kind != "w" or t.low in _NOT_IN_SUBJECT or speech_verb_at(toks, w) or t.low in AUXILIARIES:
            return None
        if t.low == "with":
            if w + 1 >= v or toks[v - 1].kind != "w":
                return None
            named = np_starting_at(toks, w + 1, v)
            if named is not None and named[0].kind == "name" and named[1] == v:
                return named[0]  # "with Sen. Ann Roe saying …": a name, read as one
            return _as_written(toks, w + 1, v, toks[v - 1].low)
    return None


_LEADING_ADVERBS = frozenset("then later now still also and but so yet".split())
# Words that open a phrase fronted before a sentence's subject ("Later in the day, ...", "Last
# month, ...", "Instead, ..."), and how many such phrases are passed over.
_FRONTED = TIME_WORDS | frozenset("instead meanwhile however still earlier later last next that this shortly "
                                  "soon again moreover indeed first".split())
FRONTED_PHRASES = 3


def _sentence_subject_start(toks: Sequence, lo: int, v: int) -> int:
    """Where a sentence's subject starts: past a dateline, leading adverbs and up to FRONTED_PHRASES
    fronted phrases ("In May, ...", "Continuing to explain, ...", "Later in the day, ...", "At the
    same time, however, ...")."""
    s = _sentence_start(toks, lo, v)
    for _ in range(FRONTED_PHRASES):
        while s < v and toks[s].low in _LEADING_ADVERBS:
            s += 1  # "Then she ...", "But the council ..."
        if not (toks[s].low in _ADJUNCT_STARTS or toks[s].low in _FRONTED or _ly_adverb(toks[s])
                or opening_participle(toks, s, v)):
            break
        c = next((m + 1 for m in range(s + 1, min(v, s + 12)) if toks[m].text == ","), None)
        if c is None:
            break
        s = c
    while s < v and toks[s].low in _LEADING_ADVERBS:
        s += 1
    return s


def _sentence_subject(toks: Sequence, lo: int, v: int) -> Optional[Mention]:
    """The subject of the sentence a participle cue ends ("A district judge sided with them, saying
    ...", "In May, the departments declined to comment, saying ..."): the words from the sentence
    start (past a fronted phrase up to its comma) to its first finite verb, at most 10 words."""
    s = _sentence_subject_start(toks, lo, v)
    m = s
    while m < min(v, s + 11):
        t = toks[m]
        if t.text == "," and m > s:
            if _aside_end(toks, m, v) is None:
                return None
            # "Ann Roe, the trust's chair since 2019, has rejected the label, saying ...": the
            # subject is the words before the aside.
            found = np_starting_at(toks, s, m)
            if found is not None and found[1] == m:
                return found[0]
            return _as_written(toks, s, m, toks[m - 1].low) if toks[s].low not in _NOT_IN_SUBJECT else None
        if t.kind != "w" and not (t.kind == "p" and t.text in "()" or t.text in _IN_SUBJECT_MARKS):
            return None
        if m > s and t.kind == "w" and not t.is_cap and (
                t.low in _VERB_STARTS or t.low in _IRREGULAR_PAST or t.low.endswith("ed") and len(t.low) > 3
                or t.low in ("also", "then", "later", "now")):
            if t.low in _VERB_STARTS and t.low not in ("has", "had", "have", "did", "does", "do", "is", "was",
                                                       "are", "were", "will", "would"):
                return None
            found = np_starting_at(toks, s, m)
            if found is not None and found[1] == m:
                return found[0]
            if toks[s].low in _NOT_IN_SUBJECT or toks[m - 1].kind != "w":
                return None
            return _as_written(toks, s, m, toks[m - 1].low)
        if t.kind == "w" and (t.low in _NOT_IN_SUBJECT or speech_verb_at(toks, m)):
            return None
        m += 1
    return None


def _aside_end(toks: Sequence, c: int, v: int) -> Optional[int]:
    """After the comma at ``c`` that follows a sentence's subject, an aside describing it ("who won
    in May", "a former mayor", "including Roe and Varga", "the trust's chair") closed by a comma
    (at most 25 tokens on, before ``v``) and followed by a lower-case finite verb: the position
    of that verb, else None."""
    first = toks[c + 1] if c + 1 < v else None
    if first is None or not (first.low in _ASIDE_STARTS or _describes(first)) or first.low in _ADJUNCT_STARTS \
            and first.low not in ("including", "like", "in", "at", "during", "after"):
        return None
    for m in range(c + 2, min(v - 1, c + 26)):
        t = toks[m]
        if t.kind == "p" and t.text in ".;:" or t.kind in ("nl", "q"):
            return None
        if t.text == ",":
            k = m + 1
            while k < v and toks[k].kind == "w" and (toks[k].low in _ADVERBS or _ly_adverb(toks[k])):
                k += 1
            nxt = toks[k]
            if nxt.kind == "w" and not nxt.is_cap and (nxt.low in _VERB_STARTS or nxt.low in _IRREGULAR_PAST or (
                    nxt.low.endswith(("ed", "s")) and len(nxt.low) > 3 and nxt.low not in _NOT_IN_SUBJECT)):
                return k
            if not (nxt.kind == "w" and not nxt.is_cap and (nxt.low not in _NOT_IN_SUBJECT or nxt.low in ("and", "or"))
                    and nxt.low not in AUXILIARIES):
                return None
            # "the fund's lawyer, treasurer and strategist,": a list inside the aside goes on
    return None


def _plain_subject(toks: Sequence, v: int, lo: int) -> Optional[Mention]:
    """A subject the mention rules do not read ("Six in 10 primary voters said", "The Platte River
    employee told", ", while 22 percent said", "Just 28 percent of voters said"): the words from the
    sentence start, a comma or a word that opens a clause, up to the verb at ``v``, with no clause in
    them (at most 12 words); its last word is its head."""
    k = v
    while k - 1 >= lo and toks[k - 1].kind == "w" and toks[k - 1].low in AUXILIARIES:
        k -= 1
    first = _sentence_start(toks, lo, k)
    i = k
    while i - 1 >= lo and i > k - 12:
        w = toks[i - 1]
        if w.kind == "p" and w.text in _IN_SUBJECT_MARKS and i - 2 >= lo and toks[i - 2].kind == "w" and (
                i < k or w.text == "%"):
            i -= 1
            continue
        if w.kind != "w":
            break
        if w.low in _OPENERS and i < k and i - 1 > first or w.low in _COORDINATORS and i < k and (
                i - 1 == first or toks[i - 2].text == ","):
            break  # the subject starts after the word that opens its clause
        if i - 1 == first and w.low in AUXILIARIES and w.low in ("just", "also", "now", "then") and i < k:
            i -= 1  # "Just 28 percent of voters said"
            break
        if w.low in ("and", "or") and i < k:
            i -= 1  # "Edwards and others said": checked below for a verb before it
            continue
        if w.low in _DEMONSTRATIVES and i < k and (i - 1 == first or toks[i - 2].kind == "p"):
            i -= 1  # "those surveyed say", "That person said"
            break
        if w.low == "than" and i - 2 >= lo and toks[i - 2].low in ("more", "fewer", "less") and i < k:
            i -= 1  # "more than 4 in 10 said"
            continue
        if w.low in _NOT_IN_SUBJECT or w.low in AUXILIARIES or speech_verb_at(toks, i - 1):
            return None
        i -= 1
    if any(toks[m].low in ("and", "or") for m in range(i, k)) and (
            toks[i].low in ("and", "or") or toks[k - 1].low in ("and", "or") or _verbish_in(toks, i, k)):
        return None  # "The vote failed and officials said": two clauses, not one subject
    if i == k or i - 1 >= lo and toks[i - 1].kind == "p" and toks[i - 1].text not in _SUBJECT_BOUNDARY \
            or (i - 1 >= lo and toks[i - 1].text == "," and i - 1 == lo):
        return None
    if i > first and toks[i - 1].kind == "w" and toks[i - 1].low not in _OPENERS | _COORDINATORS \
            and toks[i - 1].low not in ("just", "also", "now", "then"):
        return None  # more than 12 words, or a word the subject cannot follow
    last = toks[k - 1]
    if last.low in TIME_WORDS or last.low.endswith("ly") or last.low in _ADJUNCT_STARTS or last.low in ("the", "a", "an"):
        return None
    return _as_written(toks, i, k, last.low)


_DEMONSTRATIVES = frozenset("those these that this".split())
# Marks a plain subject may follow: a comma, a dash, a parenthesis, a semicolon or colon, a quotation mark.
_SUBJECT_BOUNDARY = frozenset(",—–-(;:") | OPEN_MARKS | CLOSE_MARKS


def _verbish_in(toks: Sequence, i: int, j: int) -> bool:
    """Whether a word from ``i`` to ``j`` reads as a finite verb (an auxiliary, a lower-case -ed
    form or a common irregular past): "The vote failed and officials"."""
    return any(t.kind == "w" and not t.is_cap and (t.low in _VERB_STARTS or t.low in _IRREGULAR_PAST or (
        t.low.endswith("ed") and len(t.low) > 3)) for t in toks[i:j])


def _as_written(toks: Sequence, i: int, j: int, head: str) -> Mention:
    """A description whose head is ``head``, its words as written: no space before a mark that
    follows a word ("Sanders’ aides", "47%", "a CNN/ORC poll")."""
    text = "".join((" " if m > i and toks[m].start > toks[m - 1].end else "") + toks[m].text for m in range(i, j))
    return Mention(text, toks[i].start, toks[j - 1].end, "role", head)


# Words that open an aside between a subject and its verb: "Roe, citing the figures, said",
# "Roe -- who has been involved in the dispute -- said", "economists, like their rivals, say".
_ASIDE_STARTS = frozenset("who which whose like unlike including a an the for".split())


def _subject_before_aside(toks: Sequence, k: int, lo: int) -> Optional[Mention]:
    """The subject of the verb at ``k`` when an aside between commas, dashes or parentheses
    separates them ("Ann Roe, the port's engineer since 2019, said", "Pilots -- and, above all,
    the ferry crews -- have long argued", "The survey has, however, revealed"): the name or plain
    subject before the aside's opening mark (at most 30 tokens back)."""
    close = k - 1
    while close > lo and close > k - 4 and toks[close].kind == "w" and (
            toks[close].low in AUXILIARIES or toks[close].low in _ADVERBS or _ly_adverb(toks[close])):
        close -= 1  # "-- have long argued": the auxiliary goes with the verb
    if close <= lo or toks[close].kind != "p" or toks[close].text not in (",", "—", "–", "-", "--", ")"):
        return None
    opening = "(" if toks[close].text == ")" else toks[close].text
    for m in range(close - 2, max(lo, close - 30), -1):
        t = toks[m]
        if t.kind == "p" and t.text == opening:
            first = toks[m + 1]
            if not (first.low in _ASIDE_STARTS or first.low.endswith("ing") and not first.is_cap
                    or _describes(first) or opening != ","):
                return None
            if m - 1 > lo and toks[m - 1].text == t.text:
                m -= 1  # "--" read as two dashes
            while m - 1 > lo and toks[m - 1].kind == "w" and toks[m - 1].low in AUXILIARIES and m > close - 30:
                m -= 1  # "The survey has, however, revealed"
            found = np_ending_at(toks, m, lo)
            if found is not None:
                return found if found.kind != "pronoun" else None
            return _plain_subject(toks, m, lo)
        if t.kind == "p" and t.text in ".;:" or t.kind == "nl":
            return None
    return None


# Words that open an aside between commas besides _ASIDE_STARTS: "Ann Roe, 70, said", "Roe, one of
# the founders, said", "An email from Roe, meanwhile, reveals", "Pilots, on the other hand, argued".
_ASIDE_ADVERBS = frozenset("one however meanwhile too instead though therefore moreover".split())


def _describes(t) -> bool:
    """Whether a word after a comma opens an aside that describes or qualifies the subject: a
    number ("70"), a possessive ("the port's engineer", "Harbour Trust's chair"), an adverb or a
    preposition."""
    return t.text[:1].isdigit() or t.low.endswith(("'s", "’s")) or t.low in _ASIDE_ADVERBS \
        or t.low in _ADJUNCT_STARTS or _ly_adverb(t)


def _phrase_start(toks: Sequence, ms: int, lo: int) -> int:
    """Back from a mention over the words describing it to a comma: ", veteran Republicans said",
    ", Donald Trump's longtime confidant Roger Stone stated"."""
    k = ms
    while k - 1 > lo and k > ms - 8 and toks[k - 1].kind == "w" and toks[k - 1].low not in _NOT_IN_SUBJECT \
            and not speech_verb_at(toks, k - 1) and toks[k - 1].low not in AUXILIARIES:
        k -= 1
    return k if k - 1 >= lo and toks[k - 1].text == "," else ms


def _token_at(toks: Sequence, start: int, v: int, lo: int) -> Optional[int]:
    for k in range(v - 1, max(lo, v - 40) - 1, -1):
        if toks[k].start == start:
            return k
    return None


def _source_phrase(toks: Sequence, i: int, hi: int) -> Optional[tuple[Mention, int]]:
    """The source after "according to": a name, a role, or any short phrase up to the next
    punctuation ("the council's records", "a survey by the Harbour Institute")."""
    found = np_starting_at(toks, i, hi)
    if found is not None:
        return found
    j = _np_end(toks, i, hi)
    if j == i or toks[j - 1].kind != "w":
        return None
    return _as_written(toks, i, j, toks[j - 1].low), j


def mention_of(toks: Sequence, i: int, j: int) -> Mention:
    """A source phrase read as a description whose head is its last word."""
    return mention(toks, i, j, "role", toks[j - 1].low)


def _according(toks, v, lo, hi, quote_kind) -> Optional[Found]:
    found = _source_phrase(toks, v + 2, hi)
    if not found:
        return None
    mention, after = found
    end = _np_end(toks, after, hi)
    if end > after and toks[end - 1].kind == "w":
        # "the Kestrel harbour authority", "a Herald/Ledger poll": the whole phrase up to the punctuation.
        mention, after = _as_written(toks, v + 2, end, toks[end - 1].low), end
    start = _sentence_start(toks, lo, hi)
    if start < v and toks[start].low in ("but", "and", "yet", "so") and start + 1 == v:
        start = v  # "But according to X, ..."
    if v == start and after < hi and toks[after].text == ",":
        # "According to X, ..."
        i = after + 1
        j = clause_end(toks, i, hi, quote_kind)
        i, j = _trim(toks, i, j)
        inside = _inside(toks, i, j, quote_kind)
        if inside is not None and _words(toks, i, j) >= MIN_WORDS:
            return Found(i, j, v, v + 2, mention, inside)
        return None
    if v - 1 > lo and toks[v - 1].text == ",":
        # "..., according to X." or "..., according to X, ..."
        return _before_cue(toks, lo, v - 1, after, hi, quote_kind, mention, v, True)
    if v - 1 > lo and toks[v - 1].kind == "w" and (after >= hi or toks[after].text in ".!?"):
        # "... 46 percent to 39 percent according to a Herald poll.": no comma, the source ends the sentence
        return _before_cue(toks, lo, v, after, hi, quote_kind, mention, v, True)
    return None


def _np_end(toks: Sequence, k: int, hi: int) -> int:
    """The end of an "according to" source: the next punctuation, a line break or the sentence end,
    at most 25 tokens on ("HuffPost Pollster's polling average", "the office of the mayor"), or
    ``k`` when a word comes after those 25."""
    m = k
    while m < hi and m < k + 25 and (toks[m].kind == "w" or (
            toks[m].kind == "p" and toks[m].text in _IN_SOURCE_MARKS and m > k and toks[m - 1].kind == "w"
            and m + 1 < hi and toks[m + 1].kind == "w")):
        m += 1
    return m if m >= hi or toks[m].kind != "w" else k


# Marks inside an "according to" source: "a CNN/ORC poll", "the Herald’s count", "AT&T".
_IN_SOURCE_MARKS = frozenset("/’'&")


__all__ = ["CONTENT_KINDS", "Found", "find_reported", "clause_after", "end_char"]
