"""The data model: small frozen dataclasses passed from stage to stage.

Data flows one way::

    files -> ingest (Article) -> quotes (Quote) -> attribution (Quote with speaker)
          -> statements (Statement) -> render

Every offset is a character offset into ``Article.text``, so that
``article.text[quote.start:quote.end] == quote.text`` always holds.
``Article.text`` is the file's text as decoded, newlines left untranslated,
or the text extracted from a web page, or a JSON Lines record's ``text``:
``Article.offsets`` says which ("file", "extracted", "record").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, TypeVar

from .kinds import MatchKind, QuoteKind
from .textnorm import display_words

# Quote kinds (see kinds.QuoteKind).
FULL = QuoteKind.FULL  # a sentence or more of speech
PARTIAL = QuoteKind.PARTIAL  # a fragment of speech woven into the reporter's sentence
TERM = QuoteKind.TERM  # a scare quote, a name or a term: nobody's speech
TITLE = QuoteKind.TITLE  # the title of a work (the film “…”, a song called “…”): nobody's speech
NOT_SPEECH = frozenset({TERM, TITLE})  # kinds that get no speaker and join no statement

# Match kinds of a statement member against the statement's canonical wording (see kinds.MatchKind).
VERBATIM = MatchKind.VERBATIM
EXCERPT = MatchKind.EXCERPT
ALTERED = MatchKind.ALTERED
PARAPHRASE = MatchKind.PARAPHRASE
UNRELATED = MatchKind.UNRELATED


_D = TypeVar("_D")


def evolve(obj: _D, **changes: Any) -> _D:
    """``dataclasses.replace`` for the dataclasses of this package (plain fields: no
    ``__post_init__``, no ``init=False`` field): the same new object, about ten times
    cheaper, as no ``__init__`` runs; stages call it for every quote they change."""
    fields = obj.__dataclass_fields__  # type: ignore[attr-defined]
    for name in changes:
        if name not in fields:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    new = object.__new__(type(obj))
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new


@dataclass(frozen=True)
class Article:
    """One news article as read from disk."""

    id: str
    path: str  # as given on the command line (or found below it)
    text: str
    outlet: str
    outlet_rule: str  # which rule decided the outlet: metadata, byline, credit, filename
    title: Optional[str] = None
    date: Optional[str] = None
    credit: Optional[str] = None  # wire or syndication credit, e.g. "The Associated Press"
    body_start: int = 0
    body_end: int = 0
    # Spans of page furniture (teasers, promos, "Top Stories") inside the file.
    furniture: tuple[tuple[int, int], ...] = ()
    # Where the text came from (see ingest): what offsets refer to ("file", "extracted"
    # from a web page, or "record", a JSON Lines record's text), the input format,
    # the decoding used, and metadata the input carried.
    offsets: str = "file"
    input_format: str = "text"  # text, markdown, html, jsonl
    encoding: Optional[str] = None  # Python codec name; see readers.Decoded
    encoding_note: str = ""
    url: Optional[str] = None
    author: Optional[str] = None
    record_id: Optional[str] = None  # a JSON Lines record's own "id"
    outlet_evidence: Optional[str] = None  # what the outlet rule saw, for --explain-outlets
    italics: tuple[tuple[int, int], ...] = ()  # spans a web page set in italics (<i>, <em>)

    def in_body(self, start: int, end: int) -> bool:
        if start < self.body_start or end > self.body_end:
            return False
        return not any(s < end and start < e for s, e in self.furniture)


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of an article, with its attribution once known."""

    id: str
    article_id: str
    text: str  # the words inside the quotation marks, exactly as in the file
    start: int
    end: int
    line: int  # 1-based
    column: int  # 1-based, in characters
    kind: QuoteKind
    direct: bool = True
    closed: bool = True  # False when the closing mark was missing and the span was recovered
    open_mark: str = ""
    speaker: Optional[str] = None  # canonical name
    speaker_mention: Optional[str] = None  # the words in the article that name the speaker
    cue: Optional[str] = None  # the speech verb or phrase ("said", "according to")
    statement: Optional[str] = None  # statement id, set by grouping
    # Where the article names the speaker and where the cue is: [start, end) character
    # offsets into Article.text, None where there is no such mention or cue.
    speaker_span: Optional[tuple[int, int]] = None
    cue_span: Optional[tuple[int, int]] = None
    # Reported speech only: the partial quotes (or terms) inside the reported clause, as the
    # [start, end) spans of their quoted words; each is also a quote of its own.
    quoted_spans: tuple[tuple[int, int], ...] = ()
    # Reported speech only: what the content is, "clause" (said [the plan is dead]), "question"
    # (asked [whether it is]), "infinitive" (vowed [to stay]) or "noun_phrase" (called for [an
    # inquiry]); None for quotes.
    content_kind: Optional[str] = None

    @property
    def words(self) -> str:
        """The quoted words with interior reopening marks and line breaks folded."""
        return display_words(self.text)

    def with_statement(self, statement: Optional[str]) -> "Quote":
        """This quote in a statement (the one field grouping sets)."""
        return evolve(self, statement=statement)


@dataclass(frozen=True)
class Member:
    """One quote's place in a statement."""

    quote_id: str
    outlet: str
    match: MatchKind  # VERBATIM, EXCERPT, ALTERED, PARAPHRASE
    score: float


@dataclass(frozen=True)
class Statement:
    """The same words of one speaker, as carried by one or more articles."""

    id: str
    speaker: Optional[str]
    text: str  # canonical wording
    canonical_quote: str  # id of the quote whose wording is canonical
    members: tuple[Member, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.members:
            seen.setdefault(m.outlet, None)
        return tuple(seen)


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read, with the reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class ScanResult:
    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    statements: tuple[Statement, ...]
    skipped: tuple[Skipped, ...] = field(default=())

    @property
    def speakers(self) -> tuple[str, ...]:
        return tuple(sorted({q.speaker for q in self.quotes if q.speaker}))


@dataclass(frozen=True)
class Finding:
    """One problem ``quotetrack check`` found in a file (see quotetrack.check for the rules)."""

    rule: str  # stable rule id, "QT001"
    name: str  # the rule's name, "misquote"
    severity: str  # "error", "warning" or "note"
    path: str  # the file, as shown
    line: int  # 1-based
    column: int  # 1-based, in characters (Unicode code points)
    message: str
    end_line: Optional[int] = None  # where the quoted words end (the character after them)
    end_column: Optional[int] = None
    quote: Optional[str] = None  # the quoted words the finding is about
    # Other places that explain the finding: (path, line, column, what is there).
    related: tuple[tuple[str, int, int, str], ...] = ()
    suppressed: bool = False  # silenced by an inline ``<!-- quotetrack: ignore RULE -->`` comment
