"""The attribution stage: for each quote, the cue and mention that name its
speaker, resolved to a person the article names."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Iterator, NamedTuple, Optional, Sequence

from ..lexicon import SPEECH_NOUNS, inflections
from ..models import FULL, PARTIAL, TERM, TITLE, Article, Quote, evolve
from ..quotes import LineIndex, marked_as_term, title_case
from .candidates import CUE_RULES, TERM_CUE_RULES, Candidate, Proposal, candidates, quote_context
from .cues import (
    CLAUSE_WINDOW,
    Cue,
    cue_after,
    cue_before,
    cue_elsewhere,
    is_quote_cue,
    is_verb,
    main_clause_start,
    sign_off_below,
)
from .function_words import (
    ADVERBIAL_OPENERS,
    ALL_PREPOSITIONS,
    CLOSE_MARKS,
    COORDINATORS,
    DETERMINERS,
    OPEN_MARKS,
    OPENING_FUNCTION_WORDS,
    PREPOSITIONS,
    PRONOUN_FORMS,
    english_share,
)
from .gender import gender_of, is_first_name
from .headline import headline_line, headline_speaker
from .mentions import Mention, is_organisation, np_ending_at, np_starting_at, subject_of_verb
from .people import INSTITUTION_NOUNS, People, is_document, looks_plural, role_words
from .ranker import Ranker, default_ranker
from .reported import end_char, find_reported
from .speakers import plausible_speaker
from .tokens import mask_quotes, segment, tok_start, token_at, tokenize

# The cue of a speaker named by a headline ("Roe: ...", "Roe Calls ...").
HEADLINE_CUE = "(headline)"

# How many tokens either side of a quote its cues are looked for in.
CUE_WINDOW = 60
# How far back (tokens) "the statement said" looks for who issued the statement.
ISSUER_WINDOW = 150
# Verbs whose subject issues a document ("the council released a statement").
ISSUING_VERBS = frozenset(
    form for base in "issue release send put post publish distribute email write".split() for form in inflections(base)
) | frozenset("sent put wrote".split())


# Words that open a subordinate or relative clause before a reported speaker ("after Poe told …").
_SUBORDINATORS = ADVERBIAL_OPENERS | {"as"}


def _issued_document(m: Mention) -> bool:
    """"the statement", "this letter": a document issued before, whose words are its issuer's
    (when no issuer is found, nobody's: not the nearest person's)."""
    return m.kind == "role" and is_document(m.head) and m.text.split()[0].lower() in ("the", "that", "this")


# After a capitalised word opening a sentence, words no name is followed by ("Based on", "Ask
# yourself", "Contrast that with", "Why not").
_NOT_AFTER_A_NAME = ALL_PREPOSITIONS | PRONOUN_FORMS | DETERMINERS | frozenset(
    "that these those myself yourself himself herself itself ourselves yourselves themselves not".split()
)


class _Pick(NamedTuple):
    speaker: str
    mention: str
    cue: str
    rule: str  # the rule that proposed it, "" for a person named nearby
    named_by: Optional[Mention] = None  # the mention the rule read, where the speaker is named


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
        masked = mask_quotes(article.text, direct)
        self.toks = tokenize(masked, article.body_start, article.body_end)
        self.sent_bounds = segment(self.toks, frozenset(q.start for q in direct if q.text.rstrip().endswith((".", "?", "!"))))
        self.by_start = {t.start: i for i, t in enumerate(self.toks) if t.kind == "q"}
        # Each direct quote's kind, and whether its words end a sentence, by start (reported speech reads them).
        self._kinds = {q.start: (q.kind, q.text.rstrip().endswith((".", "?", "!"))) for q in direct}
        self.lines = LineIndex(article.text)
        self._reported: dict[str, tuple[Mention, int]] = {}  # quote id -> (mention, paragraph)
        self.people = People(self.toks)
        self._openers: dict[object, Optional[tuple[Mention, int]]] = {}
        self._capitalised_inside: Optional[set[str]] = None  # words capitalised inside a sentence (lazily)

    def is_english(self, min_words: int = 15, min_share: float = 0.10) -> bool:
        """Whether the body reads as English: among its words (when it has enough to
        tell), at least ``min_share`` are the commonest English words."""
        words = [t.low for t in self.toks if t.kind == "w"]
        return len(words) < min_words or english_share(words) >= min_share

    def _sentence_subject(self, q: Quote) -> Optional[Mention]:
        """The named subject opening the quote's own sentence, followed by its verb."""
        k = self.by_start.get(q.start)
        if k is None:
            return None
        lo, _ = self.sent_bounds[self.toks[k].sent]
        found = self._opener(main_clause_start(self.toks, lo, k), k)  # "When …, Roe fired back: “…”"
        if not found or not (found[0].kind in ("name", "pronoun") or is_organisation(found[0])) or self._common_word(found[0]):
            return None
        after = found[1]
        nxt = self.toks[after] if after < k else None
        if nxt is not None and nxt.kind == "w" and not nxt.is_cap and not (found[0].kind == "org" and nxt.low in COORDINATORS):
            return found[0]  # ("Harbour News and former anchor Ann Roe have …": not the paper alone)
        return None

    def _common_word(self, m: Mention) -> bool:
        """A one-word "name" opening a sentence that the article also writes in lower case and
        nobody it names bears ("Good information can …", "Ask yourself: …"): a word, not a name."""
        words = m.head.split()
        return (
            m.kind == "name"
            and len(words) == 1
            and words[0].lower() in self.people.common
            and words[0] not in self.people.surname_index
            and m.head not in self.people.persons
        )

    def _topic_before(self, m: Mention) -> Optional[str]:
        """The person a sentence opens with as its topic right before the pronoun ``m`` ("As for
        Roe, he said …", "As to Roe, she …"), or None."""
        toks = self.toks
        k = token_at(toks, m.start)
        if k < 4 or toks[k - 1].text != ",":
            return None
        lo = self.sent_bounds[toks[k].sent][0]
        for a in range(k - 2, max(lo, k - 7) - 1, -1):
            if toks[a].low == "as" and a + 1 < k and toks[a + 1].low in ("for", "to") and a + 2 < k - 1:
                np = np_starting_at(toks, a + 2, k - 1)
                if np is None or np[1] != k - 1 or np[0].kind != "name":
                    return None
                return self.people.by_name(np[0].head.split(), m.start)
        return None

    def _word_opening_sentence(self, m: Mention) -> bool:
        """A one-word "name" nobody in the article bears, opening its sentence, that is a
        determiner or adverb ("Multiple outlets reported", "Sometimes confrontations grew",
        "Thus,") or is followed by a preposition, a pronoun or a determiner ("Based on the
        statement", "Ask yourself:", "Contrast that with"); and is no first name, no acronym,
        and never capitalised inside a sentence of the article: a word capitalised because it
        comes first, not a name ("Obama also addressed …" stays a name)."""
        toks = self.toks
        k = bisect.bisect_left(toks, m.start, key=tok_start)
        if k >= len(toks) or toks[k].start != m.start or m.text != m.head:
            return False
        word = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if word.text.isupper() or is_first_name(word.text):
            return False
        if not (word.low in OPENING_FUNCTION_WORDS or (nxt is not None and nxt.kind == "w" and nxt.low in _NOT_AFTER_A_NAME)):
            return False
        p = k - 1
        while p >= 0 and toks[p].kind == "p" and toks[p].text in OPEN_MARKS:
            p -= 1
        if p >= 0 and toks[p].sent == word.sent and toks[p].kind != "nl":
            return False  # inside its sentence
        if self._capitalised_inside is None:
            self._capitalised_inside = {
                t.text for i, t in enumerate(toks) if t.is_cap and i > 0 and toks[i - 1].kind == "w" and toks[i - 1].sent == t.sent
            }
        return word.text not in self._capitalised_inside

    def _after_colon(self, k: int) -> bool:
        """The quote token at ``k`` follows a colon in its own sentence ("Roe fired back: “…”")."""
        p = k - 1
        while p >= 0 and self.toks[p].kind == "p" and self.toks[p].text in OPEN_MARKS:
            p -= 1
        return p >= 0 and self.toks[p].text == ":" and self.toks[p].sent == self.toks[k].sent

    def _previous_sentence_subject(self, q: Quote) -> Optional[Mention]:
        """The named subject of the sentence just before a quote that opens its own
        sentence, in the same paragraph."""
        k = self.by_start.get(q.start)
        if k is None:
            return None
        tok = self.toks[k]
        lo, _ = self.sent_bounds[tok.sent]
        first = lo
        while first < k and self.toks[first].kind == "p" and self.toks[first].text in OPEN_MARKS:
            first += 1
        if first != k or tok.sent - 1 not in self.sent_bounds:
            return None
        plo, phi = self.sent_bounds[tok.sent - 1]
        if self.toks[plo].para != tok.para:
            return None
        found = self._opener(plo, phi)
        if not found or found[0].kind != "name":
            return None
        after = found[1]
        if after < phi and self.toks[after].kind == "w" and not self.toks[after].is_cap:
            return found[0]  # a name followed by its verb: the sentence is about them
        return None

    def _opener(self, lo: int, hi: int) -> Optional[tuple[Mention, int]]:
        """The noun phrase opening the sentence at ``lo`` (read once per sentence: a
        sentence holding thousands of quotes must not be read thousands of times)."""
        key = (lo, hi) if hi - lo < CUE_WINDOW else lo
        if key not in self._openers:
            self._openers[key] = np_starting_at(self.toks, lo, min(hi, lo + CUE_WINDOW))
        return self._openers[key]

    def opens_paragraph(self, k: int) -> bool:
        """Whether the quote token at ``k`` opens its paragraph (only marks before it)."""
        p = k - 1
        while p >= 0 and self.toks[p].kind == "p" and self.toks[p].text in OPEN_MARKS:
            p -= 1
        return p < 0 or self.toks[p].kind == "nl"

    def cue_proposals(self, q: Quote) -> Iterator[tuple[str, Cue]]:
        """Every cue the rules find for a quote, by rule, in the order the rules
        are tried (lazily): right after it, right before it, a colon ending the
        paragraph before, elsewhere in its sentence."""
        k = self.by_start.get(q.start)
        if k is None:
            return
        tok = self.toks[k]
        lo, hi = self.sent_bounds[tok.sent]
        # Cues are looked for near the quote: a long sentence (or a hostile one holding
        # thousands of quotes) is read a bounded stretch at a time, so the work stays linear.
        lo, hi = max(lo, k - CUE_WINDOW), min(hi, k + CUE_WINDOW)
        # A quote's sentence runs on after it when its words end the quoted sentence.
        nxt = k + 1
        while nxt < len(self.toks) and self.toks[nxt].kind == "p" and self.toks[nxt].text in CLOSE_MARKS:
            nxt += 1
        if nxt < len(self.toks) and self.toks[nxt].sent != tok.sent and self.toks[nxt].kind == "w":
            hi = min(max(hi, self.sent_bounds[self.toks[nxt].sent][1]), k + CUE_WINDOW) if self.toks[nxt].text[:1].islower() else hi
        # A quote that ends its sentence ("“Not now!” Ann Roe said") has its cue after it in the next one.
        ends = hi <= k + 1 or all(t.kind == "p" and t.text in CLOSE_MARKS for t in self.toks[k + 1 : hi])
        fronted = self._inside_fronted_clause(k, lo)
        found = None if fronted else cue_after(
            self.toks, k, len(self.toks) if ends else hi, q.text.rstrip().endswith("."), q.kind == PARTIAL
        )
        if found is None and self.opens_paragraph(k):
            found = sign_off_below(self.toks, k)
        before = cue_before(self.toks, k, lo)
        if found is not None and before is not None and q.kind == PARTIAL and self._relative_cue_right_before(k, before):
            # "in a clip that Judge Roe called “distasteful,” Poe expressed …": the words complete
            # the verb of the relative clause right before them, not the main clause after.
            yield "before", before
            yield "after", found
        else:
            if found is not None:
                yield "after", found
            if before is not None:
                yield "before", before
        if self.opens_paragraph(k):
            # "He said:" ending the paragraph before a quote that opens the next one.
            p = k - 1
            while p >= 0 and (self.toks[p].kind == "nl" or self.toks[p].text in OPEN_MARKS):
                p -= 1
            if p >= 0 and self.toks[p].text == ":":
                plo = max(self.sent_bounds[self.toks[p].sent][0], p - CUE_WINDOW)
                found = cue_before(self.toks, p + 1, plo)
                if found is not None:
                    yield "colon", found
        found = None if fronted else cue_elsewhere(self.toks, k, hi)
        if found is not None:
            yield "elsewhere", found

    def _relative_cue_right_before(self, k: int, cue: Cue) -> bool:
        """Whether the cue before the quote at ``k`` is the verb of a relative clause that ends
        right before the quote ("that Roe called “…”", "which the inquiry described as “…”")."""
        toks = self.toks
        m = token_at(toks, cue.mention.start)
        if m < 1 or toks[m - 1].low not in ("that", "which", "what", "whom"):
            return False
        v = k - 1
        while v > m and toks[v].kind == "p":
            v -= 1
        # the verb and at most two words after it ("called", "described as", "said was")
        return any(toks[u].text == cue.verb for u in range(max(m, v - 2), v + 1))

    def _inside_fronted_clause(self, k: int, lo: int) -> bool:
        """Whether the quote at ``k`` stands inside a fronted adverbial clause that has its own
        speech verb ("When Roe said he would “protect our farms,” the crowd cheered"): the verb
        after the clause's comma is the main clause's, not the quote's cue."""
        toks = self.toks
        if lo >= k or toks[lo].low not in ADVERBIAL_OPENERS or k - lo > CLAUSE_WINDOW:
            return False
        if any(t.text == "," or t.kind == "q" for t in toks[lo + 1 : k]):
            return False
        return any(is_quote_cue(toks, v) for v in range(lo + 1, k))

    def resolve(self, m: Mention, at: int, last: Optional[_Speaker], para: int) -> Optional[str]:
        if m.kind == "name":
            at = min(at, m.start)  # "“…,” Okafor said": whoever was named before the mention
            toks = m.head.split()
            if len(toks) == 1:
                # "Councillor Okafor": a title narrows a surname that several people share.
                titles = m.text.split()[:-1]
                roles = role_words(titles)
                if roles:
                    named = self.people.by_surname_and_roles(toks[0], roles, at)
                    if named:
                        return named
                gender = gender_of("", titles) if titles else ""
                if gender:
                    named = self.people.by_surname_and_gender(toks[0], gender, at)  # "Mrs. Roe"
                    if named:
                        return named
            named = self.people.by_name(toks, at)
            if named is None and len(toks) == 1 and self._word_opening_sentence(m):
                return None
            return named or m.head
        if m.kind == "role":
            if _issued_document(m):
                return self.issuer(m.head, m.start)  # "“…,” the statement said": whoever issued it
            named = self._apposition_of(m)
            if named is not None:
                return named  # "Gov. Ann Roe of Idaho, a former backer of …, who …": Roe
            if m.text.split()[0].lower() in ("a", "an", "one", "another"):
                return m.text  # "said a senior official": someone new, not a person named before
            named = self.people.by_role(m.head, at)
            if named is None and m.head in INSTITUTION_NOUNS:
                named = self.people.nearest_organisation(m.head, at)  # "the company said"
                if named is None and last is not None and m.text.lower().split() == ["the", m.head] and self._institution(last.name):
                    named = last.name  # "“…,” Twitter said. The company said …": the one that just spoke
            return named or m.text
        if m.kind == "pronoun":
            if m.head in ("he", "she"):
                topic = self._topic_before(m)
                if topic is not None and self.people.may_be(topic, m.head):
                    return topic  # "As for Roe, he said …": the topic the sentence opens with
                # "he said of Poe and Lee, “…”": whoever was named before the pronoun, not after it
                at = min(at, m.start)
                named = self.people.last_mentioned(at, m.head, subjects_only=True) or self.people.last_mentioned(at, m.head)
                named_at = self.people.last_mention_offset(named, at) if named else -1
                last_fits = last is not None and self.people.may_be(last.name, m.head)
                if (
                    last is not None
                    and last_fits
                    and para - last.para <= 3
                    and not is_document(last.name)
                    and (named is None or named == last.name or named_at < last.at)
                ):
                    return last.name  # nobody else named since they spoke
                return named or (last.name if last is not None and last_fits else None)
            if m.head in ("they", "we"):
                return last.name if last is not None and para - last.para <= 1 else None
            return None
        return m.head

    def _apposition_of(self, m: Mention) -> Optional[str]:
        """The person a description stands in apposition to ("Ann Roe, a former backer of the
        plan, …"): the name ending just before the comma in front of it, or None."""
        toks = self.toks
        k = bisect.bisect_left(toks, m.start, key=tok_start)
        if k < 2 or k >= len(toks) or toks[k].start != m.start or toks[k - 1].text != ",":
            return None
        e = bisect.bisect_left(toks, m.end, lo=k, key=tok_start)
        if e >= len(toks) or not (toks[e].text == "," or toks[e].low in ("who", "whose")):
            return None  # "Roe, a top aide said, “…”": the aide speaks of Roe; an apposition is closed
        lo = self.sent_bounds[toks[k].sent][0]
        end = k - 1
        if end - 2 > lo and toks[end - 1].text.isdigit() and toks[end - 2].text == ",":
            end -= 2  # "Ann Roe, 34, a native of …": an age between them
        np = np_ending_at(toks, end, lo) if end > lo else None
        if np is None or np.kind != "name":
            return None
        name = self.resolve(np, np.start, None, toks[k].para)
        if not name or not plausible_speaker(name):
            return None
        return name if name in self.people.persons or end != k - 1 else None

    def issuer(self, document: str, at: int) -> Optional[str]:
        """Who issued the document "the statement" (or "the release", "the letter") refers
        to: the subject of the nearest "issued / released / sent … a statement" before ``at``
        in its paragraph or the one before (at most ISSUER_WINDOW tokens back); none when no
        such sentence is found (the text is nobody's words then, not the nearest person's)."""
        toks = self.toks
        k = bisect.bisect_left(toks, at, key=tok_start)
        if k >= len(toks):
            return None
        para = toks[k].para
        noun = document.split()[-1].lower()
        for d in range(k - 1, max(-1, k - ISSUER_WINDOW), -1):
            t = toks[d]
            if t.para < para - 1:
                break
            if t.low != noun:
                continue
            # "issued a statement", "released a brief written statement", "put out a statement"
            for v in range(d - 1, max(-1, d - 5), -1):
                if toks[v].low in ISSUING_VERBS:
                    lo = self.sent_bounds[toks[v].sent][0]
                    subj = subject_of_verb(toks, v, lo)
                    if subj is None or subj.kind == "pronoun" and subj.head == "it" or _issued_document(subj):
                        return None  # (a document issuing a document is followed no further: a bound)
                    name = self.resolve(subj, toks[v].start, None, toks[v].para)
                    return name if name and plausible_speaker(name) else None
        return None

    def _institution(self, speaker: str) -> bool:
        """A speaker that is no person the article names and no description: a one-word
        organisation ("Twitter") or an organisation's name."""
        words = speaker.split()
        return (
            speaker not in self.people.persons
            and all(w[:1].isupper() for w in words)
            and not looks_plural(words[-1].lower())
            and words[0].lower() not in ("the", "a", "an")
            and not is_first_name(words[0])
            and words[-1] not in self.people.surname_index
            and len(words) <= 4
        )

    def subject_of(self, v: int, lo: int) -> Optional[Mention]:
        """The speaker mention of the speech verb at ``v``; a participle ("adding")
        or a verb with no subject of its own takes the clause's earlier subject."""
        toks = self.toks
        after_preposition = toks[v].low.endswith("ing") and v > lo and toks[v - 1].low in PREPOSITIONS | {"by", "after", "before", "while"}
        # ", saying": what ends before the comma is no apposition to a participle's subject
        after_comma = toks[v].low.endswith("ing") and v > lo and toks[v - 1].text == ","
        subj = None if after_preposition or after_comma else subject_of_verb(toks, v, lo)
        if subj is not None:
            return subj
        if not (after_preposition or toks[v].low.endswith("ing") or (v > lo and toks[v - 1].low in ("and", ","))):
            return None
        for u in range(v - 1, lo - 1, -1):
            if is_verb(toks[u]) and not toks[u].low.endswith("ing"):
                subj = subject_of_verb(toks, u, lo)
                if subj is not None:
                    return subj
        return None

    def reported(self) -> list[Quote]:
        """Reported-speech statements, unattributed yet (speaker set by ``run``)."""
        out: list[Quote] = []
        text = self.article.text
        toks = self.toks
        for f in find_reported(toks, self.sent_bounds, self.subject_of, lambda k: self._kinds.get(toks[k].start)):
            i, j, v, mention = f.i, f.j, f.cue, f.mention
            start, end = toks[i].start, end_char(toks, j)
            if not self.article.in_body(start, end):
                continue
            cue_span = (toks[v].start, toks[f.cue_end - 1].end)
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
                    cue="according to" if toks[v].low == "according" else text[cue_span[0] : cue_span[1]],
                    speaker_span=(mention.start, mention.end),
                    cue_span=cue_span,
                    quoted_spans=tuple((toks[k].start, toks[k].end) for k in f.quotes),
                    content_kind=f.content,
                )
            )
            self._reported[out[-1].id] = (mention, self.toks[i].para)
        return out

    def cue_span(self, m: Mention, cue: str) -> Optional[tuple[int, int]]:
        """Where the cue of a speaker mention is: the token nearest the mention (within
        CUE_WINDOW tokens) that reads as the cue ("said", "according to", ":")."""
        k = bisect.bisect_left(self.toks, m.start, key=tok_start)
        if k >= len(self.toks) or self.toks[k].start != m.start or not cue or cue.startswith("("):
            return None
        first = cue.split()[0].lower()
        toks = self.toks
        best = None
        # Outwards from the mention, nearest first (before wins a tie, as it always did).
        for d in range(CUE_WINDOW + 1):
            for u in (k - d, k + d) if d else (k,):
                if 0 <= u < len(toks) and (d < CUE_WINDOW or u < k) and toks[u].low == first and not (m.start <= toks[u].start < m.end):
                    best = u
                    break
            if best is not None:
                break
        if best is None:
            return None
        last = best + len(cue.split()) - 1
        return self.toks[best].start, self.toks[min(last, len(self.toks) - 1)].end

    def spans(self, pick: Optional[_Pick]) -> dict:
        """speaker_span and cue_span of a chosen speaker, where the rules read a mention of them."""
        m = pick.named_by if pick is not None else None
        if m is None or pick is None:
            return {}
        return {"speaker_span": (m.start, m.end), "cue_span": self.cue_span(m, pick.cue)}

    @staticmethod
    def _named_by(props: Sequence[Proposal], speaker: Optional[str], mention_text: str, rule: str) -> Optional[Mention]:
        for p in props:
            if p.mention is not None and p.rule == rule and p.speaker == speaker and p.mention_text == mention_text:
                return p.mention
        return None

    def proposals(
        self, q: Quote, last: Optional[_Speaker], all_rules: bool = True, within: Optional[Proposal] = None
    ) -> tuple[list[Proposal], dict[str, Cue], int]:
        """Every rule's answer for a direct quote, in the order the cascade tries them;
        unless ``all_rules``, only the first when it is ``settled``. ``within``: the
        speaker of reported speech the quote lies inside, the first answer."""
        k = self.by_start[q.start]
        para = self.toks[k].para
        props: dict[str, Cue] = {}
        out: list[Proposal] = []
        if within is not None:
            out.append(within)
        for rule, cue in self.cue_proposals(q):
            props[rule] = cue
            prop = Proposal(rule, self.resolve(cue.mention, q.start, last, para), cue.mention, cue.mention.text, cue.verb)
            if within is not None and rule == "before" and cue.verb.lower() in SPEECH_NOUNS:
                out.insert(0, prop)  # "… blamed Poe’s claim that Ek “…”" inside Roe's words: Poe's claim, not Roe's
            else:
                out.append(prop)
            if len(out) == 1 and not all_rules and self.settled(out[0]):
                return out, props, para
        if q.kind == PARTIAL or self._after_colon(k):
            # "Trump openly admires Putin as a “strong leader”": words woven into a
            # sentence about someone, with no speech verb, are theirs; so are words a
            # sentence about them introduces with a colon ("Roe fired back: “…”").
            opener = self._sentence_subject(q)
            if opener is not None:
                out.append(Proposal("context", self.resolve(opener, q.start, last, para), opener, opener.text, "(context)"))
        subject = self._previous_sentence_subject(q) if q.kind == FULL else None
        if subject is not None and (last is None or last.at < subject.start):
            # "Clinton touted her record. “We need to find ways …”": the person the
            # sentence before was about, named after anyone who last spoke.
            speaker = self.resolve(subject, q.start, last, para)
            out.append(Proposal("previous", speaker, subject, subject.text, "(context)"))
        if q.kind == FULL and last is not None and para - last.para <= 1:
            out.append(Proposal("continues", last.name, None, last.mention, "(continues)"))
        return out, props, para

    def _aside_of_quote(self, r: Quote, mention: Mention, prev: Optional[Quote]) -> bool:
        """Reported speech in a subordinate or relative clause of the sentence that attributes
        the direct quote before it ("“…,” Roe assured Poe, after Poe told him …. “…”"; "said
        Roe, a consultant who said …"), or after that quote's cue ("said Roe, using a term Poe has
        used to describe …"): an aside of that sentence, so the quote's speaker stays
        the one a following quote continues."""
        # ``prev``: the last direct quote attributed before ``r`` (kept by ``run``: a bound)
        if prev is None or not prev.speaker or prev.cue is None or prev.cue.startswith("(") or r.start < prev.end:
            return False
        k = bisect.bisect_left(self.toks, r.start, key=tok_start)
        j = self.by_start.get(prev.start)
        if j is None or k >= len(self.toks) or self.toks[k].sent != self.toks[j].sent:
            return False
        m = bisect.bisect_left(self.toks, mention.start, key=tok_start)
        around = [t.low for t in self.toks[max(j, m - 3) : m]]
        c = bisect.bisect_left(self.toks, r.cue_span[0], key=tok_start) if r.cue_span else m
        if _SUBORDINATORS.intersection(around) or (c > 0 and self.toks[c - 1].low in ("who", "which")):
            return True
        # After the quote's own cue, in its sentence, with no coordinator opening a new clause
        # ("“…,” said Roe, using a term Poe has used to describe …"): words inside Roe's sentence.
        return prev.cue_span is not None and prev.cue_span[1] <= mention.start and not COORDINATORS.intersection(around)

    def _restrictive_relative(self, r: Quote) -> bool:
        """Reported speech whose cue opens a restrictive relative clause ("Voters who say the
        economy matters most were divided"): a description of a group, whose words run on into
        the main clause; quotes inside its span are not taken to be its speaker's."""
        if r.cue_span is None:
            return False
        before = self.article.text[max(0, r.cue_span[0] - 12) : r.cue_span[0]].rstrip()
        for word in (" who", " which"):
            if before.endswith(word):
                return not before[: -len(word)].rstrip().endswith(",")
        return False

    def settled(self, pick: Optional[Proposal]) -> bool:
        """A cue right after or before the quote whose subject is a name, a role or an
        organisation, not a pronoun ("“…,” Ann Roe said", "said the ministry"): the
        rules' answer stands. (On PolNeAR train the ranker agrees with it on 98% of
        those quotes and is right no more often.)"""
        return (
            pick is not None
            and pick.rule in ("after", "before")
            and pick.mention is not None
            and pick.mention.kind != "pronoun"
            and (bool(pick.speaker) or _issued_document(pick.mention))
        )

    @staticmethod
    def cascade(proposals: Sequence[Proposal]) -> Optional[Proposal]:
        """The hand-written rules' choice: the first cue, else the first rule with a speaker."""
        for p in proposals:
            if p.rule in CUE_RULES or p.speaker:
                return p
        return None

    def _term(
        self, q: Quote, last: Optional[_Speaker], spoken: dict[str, int], ranker: Optional[Ranker], trace: Optional[list]
    ) -> Quote:
        """A short quote first read as a term is a partial quote when the ranker is
        confident of its speaker: a speech cue in its sentence names someone ("crying
        “fraud,” Roe said"), or, at a stricter threshold, the person the sentence is
        about uses the words ("Roe believes in journalism that “takes sides”")."""
        if ranker is None and trace is None or marked_as_term(self.article.text, q.start - len(q.open_mark)):
            return q
        if title_case(q.text):
            return q  # "on “Meet the Press”", "the author of “Hacked World Order”": a name, nobody's words
        props, cues, _ = self.proposals(replace(q, kind=PARTIAL), last)
        has_cue = any(p.rule in CUE_RULES and p.speaker and plausible_speaker(p.speaker) for p in props)
        in_context = any(p.rule == "context" and p.speaker and plausible_speaker(p.speaker) for p in props)
        if not has_cue and not in_context:
            return q
        cands = self._candidates(q, PARTIAL, props, cues, self.cascade(props), last, spoken)
        if trace is not None:
            trace.append((q, cands, None, has_cue))  # for a term: whether a cue names someone
        if ranker is None:
            return q
        i, p = ranker.best([c.features for c in cands])
        if i < 0:
            return q
        rules = TERM_CUE_RULES if has_cue else ("context",)
        threshold = ranker.term_threshold if has_cue else ranker.term_context_threshold
        if p < threshold or not any("r_" + r in cands[i].features for r in rules):
            return q
        best = cands[i]
        pick = _Pick(best.speaker, best.mention_text, best.cue, best.rule,
                     self._named_by(props, best.speaker, best.mention_text, best.rule))
        return replace(q, kind=PARTIAL, speaker=best.speaker, speaker_mention=best.mention_text, cue=best.cue, **self.spans(pick))

    def run(
        self,
        quotes: Sequence[Quote],
        reported: Sequence[Quote] = (),
        ranker: Optional[Ranker] = None,
        trace: Optional[list] = None,
    ) -> list[Quote]:
        """Attribute the quotes in text order. With a ``ranker`` the speaker is the
        best of the candidates (rules' proposals and people named nearby); without
        one, the hand-written cascade decides. ``trace`` collects (quote,
        candidates, cascade choice, settled) for training and error analysis."""
        out: list[Quote] = []
        last: Optional[_Speaker] = None
        spoken: dict[str, int] = {}
        speech: list[tuple[Quote, Proposal]] = []  # the latest reported statements, with who said them
        last_direct: Optional[Quote] = None  # the last direct quote in ``out``
        for q in sorted([*quotes, *reported], key=lambda q: (q.start, q.direct)):
            if out and out[-1].direct:
                last_direct = out[-1]
            if not q.direct:
                mention, para = self._reported[q.id]
                speaker = self.resolve(mention, q.start, last, para)
                if speaker and plausible_speaker(speaker):  # reported speech nobody (or no one plausible) said is dropped
                    out.append(evolve(q, speaker=speaker))
                    if not self._aside_of_quote(q, mention, last_direct):
                        last = _Speaker(speaker, mention.text, para, q.start)
                    if not self._restrictive_relative(q):
                        speech = [*speech[-(_SPEECH_KEPT - 1):], (q, Proposal("reported", speaker, mention, mention.text, q.cue or ""))]
                continue
            if not self.article.in_body(q.start, q.end) or q.start not in self.by_start:
                out.append(q)
                continue
            if q.kind == TITLE:
                out.append(q)  # the title of a work is nobody's speech
                continue
            if q.kind == TERM:
                out.append(self._term(q, last, spoken, ranker, trace))
                continue
            pick, para = self._choose(q, last, spoken, ranker, trace, _inside(q, speech))
            if pick is None or not pick.speaker:
                if pick is not None and pick.rule in CUE_RULES:
                    # a cue whose subject names nobody
                    out.append(evolve(q, speaker_mention=pick.mention, cue=pick.cue, **self.spans(pick)))
                else:
                    out.append(q)
                continue
            spoken[pick.speaker] = spoken.get(pick.speaker, 0) + 1
            out.append(evolve(q, speaker=pick.speaker, speaker_mention=pick.mention, cue=pick.cue, **self.spans(pick)))
            if pick.rule != "context" or ranker is not None:
                last = _Speaker(pick.speaker, pick.mention, para, q.start)
        return self._headline(out)

    def _only_in_headline(self, speaker: str, hi: int) -> bool:
        """Whether the article names ``speaker`` nowhere after its headline (which ends at ``hi``)."""
        person = self.people.persons.get(speaker)
        return person is not None and all(m < hi for m in person.mentions)

    def _headline(self, quotes: list[Quote]) -> list[Quote]:
        """The quotes of the headline that have no speaker yet, with the speaker the
        headline names (see ``headline``)."""
        line = headline_line(self.article)
        if line is None:
            return quotes
        lo, hi = line
        out = []
        for q in quotes:
            # Title Case misleads the rules that read a sentence's subject or the last speaker:
            # what the headline itself says comes first.
            # A colon cue is a guess here too: "Roe on Ek’s Speech Transcripts: ‘…’" reads a name before it.
            guessed = not q.speaker or q.cue in ("(context)", "(continues)", ":")
            if q.direct and guessed and q.kind != TITLE and lo <= q.start and q.end <= hi:
                open_at = q.start - len(q.open_mark)
                speaker = headline_speaker(self.article.text, lo, hi, open_at, q.end, self.people)
                if speaker and plausible_speaker(speaker):
                    q = replace(
                        q,
                        kind=PARTIAL if q.kind == TERM else q.kind,
                        speaker=speaker,
                        speaker_mention=None,
                        cue=HEADLINE_CUE,
                        speaker_span=None,
                        cue_span=None,
                    )
                elif q.speaker and self._only_in_headline(q.speaker, hi):
                    # a guess that names no one the body names ("Absolute Worst Way" read as a
                    # name in a Title Case headline): no speaker beats a wrong one
                    q = replace(q, speaker=None, speaker_mention=None, cue=None, speaker_span=None, cue_span=None)
            out.append(q)
        return out

    def _candidates(
        self,
        q: Quote,
        kind: str,
        props: Sequence[Proposal],
        cues: dict[str, Cue],
        rule_pick: Optional[Proposal],
        last: Optional[_Speaker],
        spoken: dict[str, int],
    ) -> list[Candidate]:
        """The quote's candidate speakers with their features (read as ``kind``)."""
        ctx = quote_context(self, kind, self.by_start[q.start], cues)
        return candidates(self, ctx, q.start, q.end, props, rule_pick, last, spoken)

    def _choose(
        self,
        q: Quote,
        last: Optional[_Speaker],
        spoken: dict[str, int],
        ranker: Optional[Ranker],
        trace: Optional[list],
        within: Optional[Proposal] = None,
    ) -> tuple[Optional[_Pick], int]:
        """The speaker of a direct quote: the rules' answer when there is no ranker or
        the answer is ``settled``, else the ranker's best candidate; and its paragraph."""
        props, cues, para = self.proposals(q, last, all_rules=trace is not None or ranker is None, within=within)
        rule_pick = self.cascade(props)
        if rule_pick is not None and rule_pick.speaker and not plausible_speaker(rule_pick.speaker):
            rule_pick = replace(rule_pick, speaker=None)
        settled = self.settled(rule_pick)
        use_rules = ranker is None or settled
        if trace is not None or not use_rules:
            cands = self._candidates(q, q.kind, props, cues, rule_pick, last, spoken)
            if trace is not None:
                trace.append((q, cands, rule_pick, settled))
            if not use_rules:
                assert ranker is not None
                best = ranker.choose(cands)
                if best is None:
                    return None, para
                named_by = self._named_by(props, best.speaker, best.mention_text, best.rule)
                return _Pick(best.speaker, best.mention_text, best.cue, best.rule, named_by), para
        if rule_pick is None:
            return None, para
        return _Pick(rule_pick.speaker or "", rule_pick.mention_text, rule_pick.cue, rule_pick.rule, rule_pick.mention), para


_SPEECH_KEPT = 8  # reported statements a later quote may lie inside (a bound: nested speech is shallow)


def _inside(q: Quote, speech: Sequence[tuple[Quote, Proposal]]) -> Optional[Proposal]:
    """The speaker of the outermost reported statement whose words hold the quote
    ("Roe said Poe told them the plan would “never work”" is Roe's), or None."""
    best: Optional[tuple[Quote, Proposal]] = None
    for r, p in speech:
        if r.start <= q.start and q.end <= r.end + 2 and (best is None or r.start < best[0].start):
            best = (r, p)
    return best[1] if best is not None else None


def attribute(article: Article, quotes: Sequence[Quote], reported: bool = True) -> list[Quote]:
    """The article's quotes with speaker, speaker_mention and cue filled in,
    followed in text order by its reported speech (``direct=False``) when
    ``reported`` is true. The learned ranker chooses among the candidates
    (the rules alone when the package ships no model)."""
    att = ArticleAttributor(article, quotes)
    if not att.is_english():
        return list(quotes)  # the rules read English: elsewhere no speaker beats a wrong one
    return att.run(quotes, att.reported() if reported else (), ranker=default_ranker())
