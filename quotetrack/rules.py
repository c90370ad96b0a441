"""The rules of ``quotetrack check``, as a registry: one small function per rule.

Each rule is a function registered with :func:`rule` (its id, its name and
its default level); its documentation string is the rule's help, shown in
SARIF output, and its summary line is what ``quotetrack check --list-rules``
and the README's rule table say. Ids and names are stable; either is
accepted wherever a rule is named.

A rule looks at one thing and yields findings:

* a *file* rule (QT000) at a file that could not be read;
* a *quote* rule (QT001–QT005, QT007) at one direct quote of an article,
  with what the sources say about its words (``verify.Matches``) already
  worked out;
* a *corpus* rule (QT006) at the quotes of every article checked together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from inspect import cleandoc
from typing import Any, Callable, Optional

from .align import Segment, compare_tokens, diff_markup, word_diff
from .identity import DIFFERENT, SAME, UNCERTAIN, Census, identity
from .kinds import Level, StrEnum
from .models import ALTERED, FULL, NOT_SPEECH, Article, Finding, Quote
from .quotes import LineIndex
from .statements import group
from .textnorm import comparison_tokens
from .verify import Matches, Positions, SourceMatch, region

ERROR, WARNING, NOTE, OFF = Level.ERROR, Level.WARNING, Level.NOTE, Level.OFF
LEVELS = tuple(Level)

# Words of the quote and of the source shown in messages.
MAX_SHOWN_WORDS = 24


class Scope(StrEnum):
    """What a rule looks at."""

    FILE = "file"
    QUOTE = "quote"
    CORPUS = "corpus"


@dataclass(frozen=True)
class Rule:
    id: str  # "QT001"
    name: str  # "misquote"
    severity: Level  # the default level
    summary: str  # one line
    help: str  # what it means and what to do (the function's documentation string)
    scope: Scope
    check: Callable[..., Iterable[Finding]] = field(repr=False, compare=False)


RULES: dict[str, Rule] = {}
_BY_NAME: dict[str, str] = {}


def rule(rule_id: str, name: str, level: Level, summary: str, scope: Scope) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Register the decorated function as the rule ``rule_id``."""

    def register(fn: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        if rule_id in RULES or name in _BY_NAME:
            raise ValueError(f"rule {rule_id} ({name}) is registered twice")
        RULES[rule_id] = Rule(rule_id, name, level, summary, " ".join(cleandoc(fn.__doc__ or "").split()), scope, fn)
        _BY_NAME[name] = rule_id
        return fn

    return register


def rule_id(key: str) -> Optional[str]:
    """The rule id for an id or a name (case-insensitive), or None."""
    k = key.strip()
    if k.upper() in RULES:
        return k.upper()
    return _BY_NAME.get(k.lower().replace("_", "-"))


def of_scope(scope: Scope) -> list[Rule]:
    return [r for r in RULES.values() if r.scope == scope]


@dataclass(frozen=True)
class Settings:
    """Which rules run and how severe each is."""

    enabled: frozenset[str] = field(default_factory=lambda: frozenset(RULES))
    severity: Mapping[str, str] = field(default_factory=dict)  # rule id → error, warning, note, off

    def level(self, rule: str) -> str:
        return self.severity.get(rule, RULES[rule].severity)

    def runs(self, rule: str) -> bool:
        return rule in self.enabled and self.level(rule) != OFF


# --------------------------------------------------------------------------- what the rules look at


@dataclass(frozen=True)
class QuoteContext:
    """One direct quote of an article, and what the sources say about its words."""

    article: Article
    lines: LineIndex  # line and column of the article's offsets
    quote: Quote
    verdict: Optional[Matches]  # None: not compared (no sources, or too few words)
    positions: Positions  # line and column of the source files' offsets
    census: Optional[Census]  # every speaker of the run, for ``identity``

    @property
    def words(self) -> str:
        return self.quote.words

    @property
    def speech(self) -> bool:
        """A closed quote of someone's speech: what QT001–QT004 and QT007 look at."""
        return self.quote.closed and self.quote.kind not in NOT_SPEECH

    def finding(self, rule_id: str, start: int, end: int, message: str, **kw: Any) -> Finding:
        line, col = self.lines.position(start)
        end_line, end_col = self.lines.position(end)
        r = RULES[rule_id]
        return Finding(rule_id, r.name, r.severity, self.article.path, line, col, message, end_line, end_col, **kw)


@dataclass(frozen=True)
class CorpusContext:
    """The quotes of every article checked together (see ``check.wording_pool``)."""

    articles: Sequence[Article]
    quotes: Sequence[Quote]  # the quotes QT006 compares
    report: frozenset[str]  # ids of the articles findings are reported on
    verified: frozenset[str]  # ids of the quotes a source has word for word


# --------------------------------------------------------------------------- messages


def shorten(words: str, limit: int = MAX_SHOWN_WORDS) -> str:
    w = words.strip().rstrip(",;:").split()
    if len(w) <= limit:
        return " ".join(w)
    half = limit // 2
    return " ".join(w[:half]) + " … " + " ".join(w[-half:])


def compact_diff(segments: list[Segment], context: int = 4) -> str:
    """``diff_markup`` with long unchanged stretches cut to a few words each side."""
    out: list[Segment] = []
    for i, s in enumerate(segments):
        if s.op == "equal":
            w = s.new.split()
            first, last = i == 0, i == len(segments) - 1
            if first and len(w) > context:
                s = Segment("equal", "", "… " + " ".join(w[-context:]))
            elif last and len(w) > context:
                s = Segment("equal", "", " ".join(w[:context]) + " …")
            elif len(w) > 2 * context + 1:
                s = Segment("equal", "", " ".join(w[:context]) + " … " + " ".join(w[-context:]))
        out.append(s)
    return diff_markup(out)


def where(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}"


def who(name: Optional[str]) -> str:
    return name or "an unnamed speaker"


def _trimmed(words: str) -> str:
    return words.rstrip().rstrip(",;:")


# --------------------------------------------------------------------------- the rules


@rule("QT000", "unreadable-file", ERROR, "An article or source file could not be read.", Scope.FILE)
def unreadable_file(path: str, reason: str) -> Iterator[Finding]:
    """The file is binary, unreadable, or could not be analysed, so its quotes were not checked.
    Fix the file or remove it from the configured globs."""
    r = RULES["QT000"]
    yield Finding(r.id, r.name, r.severity, path, 1, 1, f"unreadable file: {reason}")


def _best_altered(c: QuoteContext) -> Optional[SourceMatch]:
    """The altered match a misquote names: the closest, by the article's speaker if tied."""
    if c.verdict is None or c.verdict.exact or not c.verdict.altered:
        return None
    q = c.quote
    return max(c.verdict.altered, key=lambda m: (m.score, identity(q.speaker, m.statement.speaker, c.census).kind == SAME))


@rule("QT001", "misquote", ERROR, "A direct quote matches a source statement, but with different words.", Scope.QUOTE)
def misquote(c: QuoteContext) -> Iterator[Finding]:
    """The quoted words are close to what the source says but not the same. Quote the source word for
    word, mark omissions with an ellipsis (…) and insertions with [square brackets], or paraphrase
    without quotation marks."""
    best = _best_altered(c) if c.speech else None
    if best is None:
        return
    q = c.quote
    src_words, line, col = region(best, c.positions)
    diff = compact_diff(word_diff(src_words, _trimmed(c.words), excerpt=True))
    speaker = best.statement.speaker or q.speaker
    note = ""
    verdict = identity(q.speaker, best.statement.speaker, c.census)
    if verdict.kind == DIFFERENT:
        note = f" (the source gives these words to {best.statement.speaker}, the article to {q.speaker})"
    elif verdict.kind == UNCERTAIN:
        note = f" (the source gives these words to {best.statement.speaker}: {verdict.reason})"
    yield c.finding(
        "QT001", q.start, q.end,
        f"misquote: the words differ from what {who(speaker)} said in {where(best.statement.path, line, col)}: {diff}{note}",
        quote=c.words, related=((best.statement.path, line, col, f"what {who(speaker)} said"),),
    )


def _other_speaker(c: QuoteContext, wanted: str) -> Iterator[Finding]:
    """QT002 or QT007 (``wanted``), when no statement with the quote's exact words is by the article's
    speaker: QT007 when one of them may or may not be that speaker, else QT002."""
    if not c.speech or c.verdict is None or not c.verdict.exact:
        return
    q = c.quote
    verdicts = [(m, identity(q.speaker, m.statement.speaker, c.census)) for m in c.verdict.exact]
    if any(v.kind == SAME for _, v in verdicts):
        return
    m, v = next(((m, v) for m, v in verdicts if v.kind == UNCERTAIN), verdicts[0])
    found = "QT007" if v.kind == UNCERTAIN else "QT002"
    if found != wanted:
        return
    src_words, line, col = region(m, c.positions)
    at = where(m.statement.path, line, col)
    related = ((m.statement.path, line, col, f"{m.statement.speaker} says these words here"),)
    if found == "QT007":
        message = (f"uncertain attribution: {at} has {m.statement.speaker} saying these words, which the "
                   f"article gives to {q.speaker}; {v.reason}. Add an aliases entry if they are one person: "
                   f"“{shorten(src_words)}”")
    else:
        message = (f"misattribution: the article gives these words to {q.speaker}, but {at} has "
                   f"{m.statement.speaker} saying them: “{shorten(src_words)}”")
    yield c.finding(found, q.start, q.end, message, quote=q.words, related=related)


@rule("QT002", "misattribution", ERROR, "A direct quote's words are a source statement by someone else.", Scope.QUOTE)
def misattribution(c: QuoteContext) -> Iterator[Finding]:
    """The sources give these exact words to a different speaker than the article does. Correct the
    attribution, or add a speaker alias to the configuration if both names are the same person."""
    yield from _other_speaker(c, "QT002")


@rule("QT003", "unverified-quote", WARNING, "A full direct quote matches nothing in the sources.", Scope.QUOTE)
def unverified_quote(c: QuoteContext) -> Iterator[Finding]:
    """No transcript, press release or other source has these words. Add the source material, or
    silence the finding with <!-- quotetrack: ignore QT003 --> where the quote is known to be right."""
    v = c.verdict
    if not c.speech or c.quote.kind != FULL or v is None or v.exact or v.altered:
        return
    by = f" of {c.quote.speaker}" if c.quote.speaker else ""
    yield c.finding("QT003", c.quote.start, c.quote.end,
                    f"unverified quote{by}: no source has these words: “{shorten(c.words)}”", quote=c.words)


@rule("QT004", "unattributed-quote", WARNING, "A full direct quote has no speaker.", Scope.QUOTE)
def unattributed_quote(c: QuoteContext) -> Iterator[Finding]:
    """No speech cue (said, told, according to …) names who said these words. Attribute the quote."""
    if not c.speech or c.quote.kind != FULL or c.quote.speaker is not None:
        return
    hint = ""
    if c.verdict and (c.verdict.exact or c.verdict.altered):
        m = (c.verdict.exact or c.verdict.altered)[0]
        _, line, col = region(m, c.positions)
        if m.statement.speaker:
            hint = f" ({where(m.statement.path, line, col)} gives these words to {m.statement.speaker})"
    yield c.finding("QT004", c.quote.start, c.quote.end,
                    f"unattributed quote: no speaker is named for “{shorten(c.words)}”{hint}", quote=c.words)


@rule("QT005", "unbalanced-quotation-marks", WARNING, "A quotation mark opens a quote that is never closed.", Scope.QUOTE)
def unbalanced_quotation_marks(c: QuoteContext) -> Iterator[Finding]:
    """The paragraph ends before the closing mark; the finding points at the opening mark. Close the
    quote, or reopen it at the start of the next paragraph if it continues there."""
    q = c.quote
    if q.closed:
        return
    mark = q.open_mark or "quotation mark"
    yield c.finding("QT005", max(0, q.start - len(q.open_mark)), q.start,
                    f"unbalanced quotation marks: the quote opened by {mark} here is not closed before its paragraph ends",
                    quote=shorten(c.words))


@rule("QT006", "inconsistent-wording", WARNING, "Two articles quote the same statement with different words.", Scope.CORPUS)
def inconsistent_wording(c: CorpusContext) -> Iterator[Finding]:
    """Another article in the repository quotes the same speaker's statement differently. At most one
    wording can be right: check both against the source."""
    statements, grouped = group(list(c.quotes), list(c.articles))
    by_id = {q.id: q for q in grouped}
    art = {a.id: a for a in c.articles}
    lines: dict[str, LineIndex] = {}
    for st in statements:
        members = [by_id[m.quote_id] for m in st.members]
        if len({q.article_id for q in members}) < 2 or not any(q.article_id in c.report for q in members):
            continue
        ref = next((q for q in members if q.id in c.verified), by_id[st.canonical_quote])
        for q in _differently_worded(ref, members, c):
            a, other = art[q.article_id], art[ref.article_id]
            ctx_lines = lines.setdefault(a.id, LineIndex(a.text))
            diff = compact_diff(word_diff(_trimmed(ref.words), _trimmed(q.words), excerpt=True))
            line, col = ctx_lines.position(q.start)
            end_line, end_col = ctx_lines.position(q.end)
            r = RULES["QT006"]
            yield Finding(
                r.id, r.name, r.severity, a.path, line, col,
                f"inconsistent wording: {where(other.path, ref.line, ref.column)} quotes {who(st.speaker)} differently: {diff}",
                end_line, end_col, quote=q.words, related=((other.path, ref.line, ref.column, "the other article's wording"),),
            )


def _differently_worded(ref: Quote, members: Sequence[Quote], c: CorpusContext) -> Iterator[Quote]:
    """The members of a statement, in other reported articles, that alter the reference wording
    and that no source verifies."""
    ref_tokens = comparison_tokens(ref.words)
    for q in members:
        if q.id in c.verified or q.article_id == ref.article_id or q.article_id not in c.report:
            continue
        if compare_tokens(ref_tokens, comparison_tokens(q.words)).kind == ALTERED:
            yield q


@rule("QT007", "uncertain-attribution", WARNING,
      "A direct quote's words are a source statement by a speaker who may be someone else.", Scope.QUOTE)
def uncertain_attribution(c: QuoteContext) -> Iterator[Finding]:
    """The source gives these exact words to a speaker who may or may not be the article's: a label that
    names a role (THE MAYOR), a surname that several people in the sources and articles share, or first
    names that differ but share an initial. Add an aliases entry if they are one person, or correct the
    attribution."""
    yield from _other_speaker(c, "QT007")

