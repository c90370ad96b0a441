"""Candidate speakers of a quote, each described by features for the ranker.

The rules (``cues``, ``mentions``, ``choice``) propose speakers: the subject
of a cue after or before the quote, of a colon ending the paragraph before,
of a speech verb elsewhere in the sentence, the named subject of the quote's
sentence or of the sentence before it, the previous quote's speaker. Each
proposal is one candidate. So is every person the article names near the
quote (in its sentence, its paragraph or the three before), and every person
a pronoun cue could refer to. The features say how each candidate relates to
the quote: which rules proposed it and through what kind of mention, how far
its nearest mention is in tokens, sentences and paragraphs, whether that
mention is a clause's subject or next to a speech verb, gender agreement
with a pronoun cue, whether it spoke last.

``ranker`` scores the candidates with weights learned from annotated news.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Optional, Protocol, Sequence

from ..models import PARTIAL
from .cues import PASSIVE_AUXILIARIES, Cue, is_verb, passive_without_agent
from .gender import is_first_name
from .mentions import Mention
from .people import INSTITUTION_NOUNS, People, bare, looks_plural
from .speakers import plausible_speaker
from .tokens import Tok, token_at


class ArticleAttributor(Protocol):
    """What the candidates need of ``choice.ArticleAttributor``: the article's tokens and people."""

    toks: list[Tok]
    people: People

    def opens_paragraph(self, k: int) -> bool: ...


class _Speaker(Protocol):
    """The previous quote's speaker (``choice._Speaker``)."""

    name: str
    mention: str
    para: int
    at: int

# The rules, in the order the hand-written cascade tries them. "reported": the quote lies inside
# reported speech ("Roe said the plan would “never work”"), whose speaker is the quote's.
RULES = ("reported", "after", "before", "colon", "elsewhere", "context", "previous", "continues")
CUE_RULES = RULES[:5]
# The cues that may make a short quote first read as a term its speaker's words: one next to
# it. A speech verb elsewhere in the sentence ("the mayor said the “rust belt” towns …") is
# as often about other words (out of fold on PolNeAR train, every such promotion was wrong).
TERM_CUE_RULES = ("reported", "after", "before", "colon")
PARAGRAPHS_BACK = 3  # how far back a person named before the quote is still a candidate
MAX_NEARBY = 8  # nearest persons kept as candidates, besides those the rules propose


@dataclass
class Proposal:
    """A rule's answer: who speaks, through which mention and cue."""

    rule: str
    speaker: Optional[str]
    mention: Optional[Mention]
    mention_text: str
    cue: str


@dataclass
class Candidate:
    speaker: str
    mention_text: str = ""
    cue: str = ""
    features: dict[str, float] = field(default_factory=dict)
    rule: str = ""  # the first rule that proposed it, "" for a nearby person


@dataclass(frozen=True)
class QuoteContext:
    """Where a quote sits: its token, sentence and paragraph, and what surrounds it."""

    k: int
    sent: int
    para: int
    partial: bool
    opens_para: bool
    has_cue: bool


def _log(n: float) -> float:
    return math.log2(1.0 + max(0.0, n)) / 8.0


def _near_verb(att: "ArticleAttributor", k: int) -> bool:
    """A speech verb within two words of the token at ``k`` (in either direction)."""
    toks = att.toks
    for u in range(max(0, k - 3), min(len(toks), k + 5)):
        if is_verb(toks[u]) and toks[u].sent == toks[k].sent:
            return True
    return False


def candidates(
    att: "ArticleAttributor",
    ctx: QuoteContext,
    start: int,
    end: int,
    proposals: Sequence[Proposal],
    cascade: Optional[Proposal],
    last: Optional["_Speaker"],
    spoken: Optional[dict[str, int]] = None,
) -> list[Candidate]:
    """The candidate speakers of the quote at [start, end) with their features.
    ``spoken``: how many earlier quotes of the article each speaker was given."""
    by_name: dict[str, Candidate] = {}

    def get(speaker: str, mention_text: str, cue: str, rule: str) -> Candidate:
        c = by_name.get(speaker)
        if c is None:
            c = by_name[speaker] = Candidate(speaker, mention_text, cue, {}, rule)
        return c

    for p in proposals:
        if not p.speaker or not plausible_speaker(p.speaker):
            continue
        c = get(p.speaker, p.mention_text, p.cue, p.rule)
        f = c.features
        f["r_" + p.rule] = 1.0
        if p.mention is not None and "kind" not in f:
            f["kind"] = 1.0
            f["k_" + p.mention.kind] = 1.0
        if p.mention is not None and p.mention.kind == "pronoun" and p.rule in CUE_RULES:
            _pronoun_alternatives(att, p, start, get)
    if cascade is not None and cascade.speaker in by_name:
        by_name[cascade.speaker].features["r_cascade"] = 1.0

    for name in _nearby(att, ctx, start, end):
        get(name, name, "(context)", "")
    if last is not None and plausible_speaker(last.name):
        _last_speaker(att, ctx, start, proposals, last, get)

    _mark_owners(att, by_name)
    # A hard constraint: who a speech verb of the quote's sentence speaks to in the passive
    # ("Roe was told, “…”") is not its speaker.
    by_name = {n: c for n, c in by_name.items() if not _spoken_to_in_sentence(att, ctx, start, n)}
    first_in_para = _first_person_in_paragraph(att, ctx)
    pronoun = _cue_pronoun(proposals)
    if _writers_own(proposals, start, end):
        # A hard constraint: "“…,” I said" outside the quotes is the writer's own words, and the
        # writer is nobody the article names: no one else is its speaker.
        return []
    if pronoun in ("he", "she"):
        # A hard constraint: "he" or "she" is one person, never an institution or a group, nor a
        # description of someone of the other sex ("a young man" for "she").
        by_name = {n: c for n, c in by_name.items() if n in att.people.persons or att.people.may_be(n, pronoun)}
        # Another: nor anyone named later in the pronoun's own clause ("He says Roe “…”", "She
        # has called Roe “…”", "he said of Roe"): a pronoun never means a name it governs.
        governed = _named_after_pronoun(att, proposals)
        if governed:
            by_name = {n: c for n, c in by_name.items() if n not in governed}
    for c in by_name.values():
        _describe(att, ctx, start, end, c, first_in_para)
        if pronoun:
            _agreement(att, c, pronoun)
        n = spoken.get(c.speaker, 0) if spoken else 0
        if n:
            c.features["spoke_before"] = 1.0
            c.features["spoke_count"] = _log(n)
    return list(by_name.values())


# How many tokens a name may take before the auxiliary of its passive verb ("Sen. Ann B. Roe was").
NAME_SPAN = 6
# How far before the quote a passive verb that introduces it may stand (tokens).
PASSIVE_REACH = 25


def _spoken_to_in_sentence(att: "ArticleAttributor", ctx: QuoteContext, start: int, name: str) -> bool:
    """Whether the person's last mention before the quote, in the quote's sentence, is the
    subject of a speech verb in the passive that introduces the quote ("Roe was asked, “…”",
    "Roe was repeatedly warned: “…”")."""
    person = att.people.persons.get(name)
    if person is None:
        return False
    ms = person.mentions
    i = bisect.bisect_left(ms, start)
    if i == 0:
        return False
    toks = att.toks
    kb = att.people.tok_index.get(ms[i - 1])
    if kb is None or toks[kb].sent != ctx.sent:
        return False
    u = kb + 1
    while u < ctx.k and u < kb + NAME_SPAN and toks[u].kind == "w" and toks[u].is_cap:
        u += 1  # the rest of the name
    for v in range(u + 1, min(u + 3, ctx.k)):
        if is_verb(toks[v]) and passive_without_agent(toks, v):
            # the quote's own cue: no other speech verb between ("When Roe was asked about it, he said")
            near = ctx.k - v <= PASSIVE_REACH  # a bound: the sentence may be endless
            return near and toks[u].low in PASSIVE_AUXILIARIES and not any(is_verb(t) for t in toks[v + 1 : ctx.k])
    return False


# How far after a cue's pronoun a name is still in its clause (tokens).
GOVERNED_REACH = 12


def _named_after_pronoun(att: "ArticleAttributor", proposals: Sequence[Proposal]) -> set[str]:
    """The people named within a few words after the he/she subject of a cue, in its sentence
    and before any comma or quotation ("He says Roe", "she has declared Roe to be", "he
    told Roe"), whom that pronoun cannot mean."""
    out: set[str] = set()
    toks, people = att.toks, att.people
    for p in proposals:
        m = p.mention
        if p.rule not in CUE_RULES or m is None or m.kind != "pronoun" or m.head not in ("he", "she"):
            continue
        k = token_at(toks, m.start)
        if k < 0:
            continue
        end = k + 1
        while end < len(toks) and end <= k + GOVERNED_REACH:
            t = toks[end]
            if t.sent != toks[k].sent or t.kind in ("q", "nl") or t.text in (",", ";", ":", "(", "—"):
                break
            end += 1
        if end > k + 1:
            out |= people.named_between(m.start, toks[end - 1].end)
    return out


def _writers_own(proposals: Sequence[Proposal], start: int, end: int) -> bool:
    """Whether the quote's cues are all "I" right next to it ("“…,” I said", "I replied: “…”");
    not "Roe said, and I quote, “…”" nor "when I asked Roe …, he said, “…”"."""
    cues = [p for p in proposals if p.rule in CUE_RULES and p.mention is not None]
    return bool(cues) and all(
        p.mention is not None
        and p.mention.kind == "pronoun"
        and p.mention.head == "i"
        and (0 <= start - p.mention.end <= _NEXT_TO or 0 <= p.mention.start - end <= _NEXT_TO)
        for p in cues
    )


# How many characters may stand between a quote and the "I" of its cue ("”, I said", "I said, “").
_NEXT_TO = 12


def _cue_pronoun(proposals: Sequence[Proposal]) -> str:
    """The pronoun a cue of the quote has as its subject ("…,” she said): "" when none."""
    for p in proposals:
        if p.mention is not None and p.mention.kind == "pronoun" and p.rule in CUE_RULES:
            return p.mention.head
    return ""


def _agreement(att: "ArticleAttributor", c: Candidate, pronoun: str) -> None:
    """How a candidate agrees with the pronoun of the quote's cue: a person of the pronoun's gender,
    of unknown gender, of the other gender; a description or organisation (singular or plural)."""
    f = c.features
    singular = pronoun in ("he", "she")
    person = att.people.persons.get(c.speaker)
    if person is not None:
        if not singular:
            f["pa_person_plural_pronoun"] = 1.0
        elif not person.gender:
            f["pa_gender_unknown"] = 1.0
        elif person.fits(pronoun):
            f["pa_gender_fits"] = 1.0
        else:
            f["pa_gender_misfits"] = 1.0
        return
    words = c.speaker.lower().split()
    plural = looks_plural(words[-1])
    if singular and any(w in INSTITUTION_NOUNS for w in words):
        f["pa_institution_for_person"] = 1.0
    elif singular:
        f["pa_plural_for_singular" if plural else "pa_description_singular"] = 1.0
    else:
        f["pa_group_plural"] = 1.0


def _nearby(att: "ArticleAttributor", ctx: QuoteContext, start: int, end: int) -> list[str]:
    """People named near the quote who may be speakers, nearest first."""
    toks, people = att.toks, att.people
    lo_para = ctx.para - PARAGRAPHS_BACK
    near: list[tuple[int, str]] = []
    for name in people.named_in_paragraphs(toks, lo_para, ctx.para):
        ms = people.persons[name].mentions
        i = bisect.bisect_left(ms, start)
        dist = None
        if i > 0:
            kb = people.tok_index.get(ms[i - 1])
            if kb is not None and toks[kb].para >= lo_para:
                dist = ctx.k - kb
        j = bisect.bisect_left(ms, end)
        if j < len(ms):
            ka = people.tok_index.get(ms[j])
            if ka is not None and toks[ka].para == ctx.para:
                dist = min(dist, ka - ctx.k) if dist is not None else ka - ctx.k
        if dist is not None:
            near.append((dist, name))
    near.sort()
    return [name for _, name in near[:MAX_NEARBY] if plausible_speaker(name)]


def _last_speaker(
    att: "ArticleAttributor", ctx: QuoteContext, start: int, proposals: Sequence[Proposal], last: "_Speaker", get
) -> None:
    """The previous quote's speaker as a candidate: how far back, and whether a pronoun cue fits them."""
    people = att.people
    c = get(last.name, last.mention, "(continues)", "continues")
    c.features["last"] = 1.0
    gap = ctx.para - last.para
    c.features["last_gap0" if gap <= 0 else "last_gap1" if gap == 1 else "last_gap2"] = 1.0
    for p in proposals:
        if p.mention is not None and p.mention.kind == "pronoun" and p.rule in CUE_RULES:
            fits = people.fits(last.name, p.mention.head)
            c.features["last_fits_pronoun" if fits else "last_misfits_pronoun"] = 1.0
            # Others the pronoun could mean, named since the last speaker spoke.
            since = sum(
                1
                for name in people.named_between(last.at, start)
                if name != last.name and people.persons[name].fits(p.mention.head)
            )
            c.features["others_named_since"] = _log(since)
            break


def _mark_owners(att: "ArticleAttributor", by_name: dict[str, Candidate]) -> None:
    """A name that another candidate holds as its owner ("Ann Roe’s spokesman")."""
    people = att.people
    owners = {
        bare(w) for c in by_name.values() if c.speaker not in people.persons for w in c.speaker.split() if bare(w) != w
    }
    for c in by_name.values():
        if c.speaker.split()[-1] in owners:
            c.features["owner_of_other"] = 1.0


def _pronoun_alternatives(att: "ArticleAttributor", p: Proposal, start: int, get) -> None:
    """Everyone a he/she cue may refer to, most recently named first, gender permitting."""
    assert p.mention is not None
    pron = p.mention.head
    at = min(start, p.mention.start)
    rank = subject_rank = 0
    for m, name in att.people.latest_before(at):
        subject = m in att.people.subjects
        person = att.people.persons[name]
        if pron in ("he", "she"):
            if not person.fits(pron):
                continue
        elif pron not in ("i",):
            break
        c = get(name, p.mention_text, p.cue, "")
        f = c.features
        f["pron_alt"] = 1.0
        f[f"pron_rank{min(rank, 3)}"] = 1.0
        if subject:
            f["pron_subject"] = 1.0
            f[f"pron_subject_rank{min(subject_rank, 2)}"] = 1.0
            subject_rank += 1
        if person.gender and pron in ("he", "she"):
            f["pron_gender_known"] = 1.0
        rank += 1
        if rank >= 4:
            break


def _possessive(toks, k: int) -> bool:
    """The name starting at token ``k`` ends in a possessive ("Ann Roe’s spokesman")."""
    while k + 1 < len(toks) and toks[k + 1].is_cap:
        k += 1
    return toks[k].text.endswith(("’s", "'s", "’", "'"))


def _first_person_in_paragraph(att: "ArticleAttributor", ctx: QuoteContext) -> Optional[str]:
    return att.people.first_in_paragraph(att.toks).get(ctx.para)


def _describe(
    att: "ArticleAttributor", ctx: QuoteContext, start: int, end: int, c: Candidate, first_in_para: Optional[str]
) -> None:
    """Positional features of a candidate's mentions around the quote."""
    people = att.people
    f = c.features
    f["bias"] = 1.0
    person = people.persons.get(c.speaker)
    words = c.speaker.split()
    if any(w in people.place_words for w in words):
        f["place_word"] = 1.0
    if len(words) >= 2 and is_first_name(words[0]):
        f["first_name"] = 1.0
    if person is None:
        _describe_non_person(c, words)
    else:
        _describe_person(att, ctx, start, end, f, person)
    if c.speaker == first_in_para:
        f["first_in_para"] = 1.0
    _interactions(ctx, f)


def _describe_non_person(c: Candidate, words: list[str]) -> None:
    """A candidate the article does not name as a person: a description, an acronym."""
    f = c.features
    f["not_person"] = 1.0
    if c.speaker[:1].islower():
        f["description"] = 1.0
    elif "k_name" in f:
        f["name_not_person"] = 1.0
    if len(words) == 1 and words[0].isupper():
        f["acronym"] = 1.0


def _describe_person(att: "ArticleAttributor", ctx: QuoteContext, start: int, end: int, f: dict[str, float], person) -> None:
    """Where a person's mentions are before and after the quote, and what the article says of them."""
    ms = person.mentions
    f["n_mentions"] = _log(len(ms))
    i = bisect.bisect_left(ms, start)
    if i > 0:
        _mention_before(att, ctx, f, ms, i)
    else:
        f["none_before"] = 1.0
    _mention_after(att, ctx, f, ms, bisect.bisect_left(ms, end))
    if person.gender:
        f["gender_known"] = 1.0
    if person.roles:
        f["has_role"] = 1.0
    if len(person.name.split()) == 1:
        f["one_word_name"] = 1.0


def _mention_before(att: "ArticleAttributor", ctx: QuoteContext, f: dict[str, float], ms: list[int], i: int) -> None:
    """Features of the person's last mention before the quote (``ms[i - 1]``)."""
    toks, people = att.toks, att.people
    kb = people.tok_index.get(ms[i - 1])
    if kb is None:
        return
    tb = toks[kb]
    f["d_before"] = _log(ctx.k - kb)
    sgap = ctx.sent - tb.sent
    f["s_before"] = _log(sgap)
    if sgap == 1:
        f["prev_sentence"] = 1.0
    if tb.para == ctx.para and any(
        m in people.subjects and people.tok_index.get(m, -1) >= 0 and toks[people.tok_index[m]].para == ctx.para
        for m in ms[max(0, i - 3) : i]
    ):
        f["subject_in_para"] = 1.0
    gap = ctx.para - tb.para
    f["p_before0" if gap <= 0 else "p_before1" if gap == 1 else "p_before2"] = 1.0
    if tb.sent == ctx.sent:
        f["same_sent_before"] = 1.0
    if ms[i - 1] in people.subjects:
        f["subject_before"] = 1.0
    if _possessive(toks, kb):
        f["possessive_before"] = 1.0
    if _near_verb(att, kb):
        f["verb_before"] = 1.0
    if _in_what_is_said(toks, kb):
        f["said_of_before"] = 1.0


# How far back from a mention a speech verb of its sentence is looked for (tokens).
SAID_OF_WINDOW = 12


def _in_what_is_said(toks: Sequence[Tok], k: int) -> bool:
    """Whether the mention at ``k`` stands in what someone is said to have said, after the speech
    verb of its sentence ("Roe said Poe “…”", "he suggested that Poe had …"): talked about,
    not the one talking."""
    sent = toks[k].sent
    for u in range(k - 1, max(-1, k - SAID_OF_WINDOW), -1):
        t = toks[u]
        if t.sent != sent or t.kind == "q" or t.text in (",", ";", ":"):
            return False  # (a comma closes a fronted clause: "Although Poe claimed X, Roe …")
        if is_verb(t):
            return u > 0 and toks[u - 1].kind == "w"  # a verb with its subject before it, not "Said Roe"
    return False


def _mention_after(att: "ArticleAttributor", ctx: QuoteContext, f: dict[str, float], ms: list[int], j: int) -> None:
    """Features of the person's first mention after the quote (``ms[j]``) in its paragraph."""
    toks = att.toks
    if j >= len(ms):
        return
    ka = att.people.tok_index.get(ms[j])
    if ka is not None and toks[ka].para == ctx.para:
        f["d_after"] = _log(ka - ctx.k)
        if toks[ka].sent == ctx.sent:
            f["same_sent_after"] = 1.0
            if _near_verb(att, ka):
                f["verb_after"] = 1.0


def _interactions(ctx: QuoteContext, f: dict[str, float]) -> None:
    """Interactions of the features with the kind of quote."""
    if ctx.partial:
        for k in ("r_after", "r_before", "r_elsewhere", "r_context", "r_continues", "last", "same_sent_before", "same_sent_after"):
            if k in f:
                f["partial*" + k] = 1.0
    if not ctx.has_cue:
        for k in ("last", "same_sent_before", "same_sent_after", "subject_before", "p_before0", "p_before1", "r_previous", "first_in_para"):
            if k in f:
                f["nocue*" + k] = 1.0
    if ctx.opens_para:
        for k in ("last", "p_before1", "r_continues", "subject_before"):
            if k in f:
                f["opens*" + k] = 1.0


def quote_context(att: "ArticleAttributor", kind: str, k: int, props: dict[str, Cue]) -> QuoteContext:
    tok = att.toks[k]
    return QuoteContext(k, tok.sent, tok.para, kind == PARTIAL, att.opens_paragraph(k), bool(props))
