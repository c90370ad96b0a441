"""Source material for ``quotetrack check``: transcripts, press releases, wire copy.

A source file is read as one of two kinds:

* a **transcript**: turns of ``SPEAKER NAME: words``, also written
  ``**Speaker:** words`` or ``**Speaker**: words`` in Markdown, optionally
  after a timestamp (``[00:12:31] MAYOR FERRANT: …``, ``00:12:31 Ferrant: …``).
  A turn runs until the next turn, a Markdown heading, a horizontal rule or a
  metadata line (``Date: …``, ``Note: …``);
  blank lines and continuation paragraphs belong to it. Each turn is one
  statement of its speaker. Text in square brackets (``[inaudible]``,
  ``[crosstalk]``, timestamps) is not part of what was said.
* anything else is **article-like** (a press release, wire copy, an earlier
  story): its direct quotes and their speakers, as ``scan`` finds them.

A file is a transcript when its front matter says ``type: transcript`` (or
``kind:``), or when it has at least two turns and turn lines make up at
least a fifth of its non-blank lines. ``type: release`` (or any other
value) forces the article-like reading.

Every statement keeps its file offsets, so a finding can say where the
source says it, down to the line of the matched words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .ingest import build_article
from .models import FULL, PARTIAL
from .pipeline import quotes_of
from .quotes import LineIndex
from .readers import front_matter, meta_str
from .textnorm import WORD_TOKEN, comparison_tokens, fold_token

# Suffixes read as articles and as sources.
TEXT_SUFFIXES = (".md", ".markdown", ".txt")

TRANSCRIPT = "transcript"
ARTICLE_LIKE = "article"

# Labels that are metadata, not speakers.
_LABELS = {
    "note", "notes", "date", "time", "location", "place", "venue", "source", "sources", "subject", "re", "title",
    "transcript", "recorded", "recording", "present", "attendees", "participants", "duration", "contact",
    "media contact", "press contact", "ends", "end", "update", "updated", "editor", "editors", "editor's note",
    "http", "https", "mailto", "tel", "phone", "email", "e-mail", "web", "website", "about", "embargo",
    "embargoed", "for immediate release", "summary", "tags", "category", "categories", "keywords", "warning",
    "caution", "tip", "important", "see also", "photo", "image", "caption", "credit", "author", "by", "format",
}
_CONNECTORS = {"de", "da", "di", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "dos", "ibn", "of", "the", "and"}

_TIMESTAMP = r"(?:[\[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*[\])]|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)"
_TURN = re.compile(
    r"^[ \t]*(?:>[ \t]*)?"  # an optional blockquote marker
    rf"(?:{_TIMESTAMP}[ \t]*(?:[-–—|][ \t]*)?)?"  # an optional timestamp
    r"(?:(?P<bold>\*\*|__)(?P<bname>[^*_:\n]{1,60}?)[ \t]*(?::[ \t]*(?P=bold)|(?P=bold)[ \t]*:)"  # **Name:** or **Name**:
    r"|(?P<name>[^\W\d_][^:\n]{0,60}?)[ \t]*:)"  # NAME:
    r"[ \t]*(?P<rest>.*)$"
)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_STAGE_LINE = re.compile(r"^[ \t]*[\[(][^\])]*[\])][ \t]*$")
_STAGE_LINES = re.compile(r"^[ \t]*[\[(][^\])\n]*[\])][ \t]*$", re.M)
_BRACKETED = re.compile(r"\[[^\]\n]*\]")
_URL_LIKE = re.compile(r"^(?:https?|mailto|tel|ftp)$", re.I)


class SourceError(Exception):
    """A source path that does not exist or cannot be used: a usage error."""


@dataclass(frozen=True)
class SourceStatement:
    """One statement a source attributes to a speaker: a transcript turn or a quote."""

    id: str  # "s1:t3" (file 1, turn 3) or "s2:q1" (file 2, quote 1)
    path: str  # the source file, as shown
    speaker: Optional[str]  # as the source names them (canonicalised later)
    text: str  # the words, as in the file (square-bracketed text blanked out)
    start: int  # file offset of the words
    end: int
    line: int
    column: int
    origin: str  # TRANSCRIPT or ARTICLE_LIKE
    tokens: tuple[str, ...] = field(repr=False, default=())
    # File offsets of each token's start and end, or () when they could not be mapped.
    spans: tuple[tuple[int, int], ...] = field(repr=False, default=())


@dataclass(frozen=True)
class SourceFile:
    path: str
    kind: str  # TRANSCRIPT or ARTICLE_LIKE
    statements: tuple[SourceStatement, ...]
    text: str = field(repr=False, default="")


# --------------------------------------------------------------------------- tokens with offsets


def token_spans(text: str, base: int = 0) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """``comparison_tokens(text)`` with the file span of each token.

    When the folding cannot be mapped token by token (``United States`` and
    ``per cent`` fold several words into one), the spans are empty and only
    the tokens are returned.
    """
    toks: list[str] = []
    spans: list[tuple[int, int]] = []
    plain = text.replace("’", "'").replace("‘", "'")
    for m in WORD_TOKEN.finditer(plain):
        for t in fold_token(m.group()):
            if t:
                toks.append(t)
                spans.append((base + m.start(), base + m.end()))
    expected = comparison_tokens(text)
    if tuple(toks) != expected:
        return expected, ()
    return expected, tuple(spans)


# --------------------------------------------------------------------------- transcripts


def speaker_label(raw: str) -> Optional[str]:
    """The speaker a turn label names, in title case when written in capitals;
    None when the label is metadata (``Date:``, ``Note:``) rather than a person."""
    name = re.sub(r"\s+", " ", raw.replace("’", "'")).strip(" .-")
    if not name or len(name) > 60:
        return None
    low = name.casefold()
    if low in _LABELS or _URL_LIKE.match(name):
        return None
    words = name.split(" ")
    if len(words) > 6:
        return None
    for w in words:
        if w.casefold() in _CONNECTORS:
            continue
        if not w[:1].isupper() and not w[:1].isdigit():
            return None
    if re.fullmatch(r"Speaker \d{1,2}", name):
        return name
    if not re.fullmatch(r"[^\W\d_][\w.'\- ]*", name):
        return None
    if name.isupper() and len(name) > 1:
        name = " ".join(_title_word(w) for w in words)
        name = name[:1].upper() + name[1:]
    return name


def _title_word(word: str) -> str:
    if word.casefold() in _CONNECTORS:
        return word.lower()
    parts = re.split(r"([-'])", word.lower())
    out = []
    for p in parts:
        if p in ("-", "'"):
            out.append(p)
        elif p.startswith("mc") and len(p) > 2:
            out.append("Mc" + p[2:].capitalize())
        else:
            out.append(p.capitalize() if len(p) > 1 or not out else p.upper())
    return "".join(out)


@dataclass
class _Turn:
    speaker: str
    start: int  # offset of the words after the label
    end: int


LABEL = ("", -1)  # a metadata line such as "Date: 4 March": it ends the turn before it


def _turn_match(line: str) -> Optional[tuple[str, int]]:
    """(speaker, offset of the words within the line) for a turn label line; LABEL for a
    metadata line (``Date:``, ``Note:``); None for any other line."""
    m = _TURN.match(line)
    if not m:
        return None
    name = m.group("bname") if m.group("bold") else m.group("name")
    rest_at = m.start("rest")
    speaker = speaker_label(name)
    if speaker is None:
        return LABEL if name.strip().casefold() in _LABELS else None
    return speaker, rest_at


def transcript_turns(text: str, start: int = 0) -> tuple[list[_Turn], int]:
    """The turns of a transcript after ``start``, and the number of non-blank lines seen."""
    turns: list[_Turn] = []
    content_lines = 0
    current: Optional[_Turn] = None
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end].rstrip("\r")
        line_end = pos + len(line)
        if line.strip():
            content_lines += 1
            hit = _turn_match(line)
            if hit is LABEL:
                current = None
            elif hit is not None:
                speaker, rest_at = hit
                current = _Turn(speaker, pos + rest_at, line_end)
                turns.append(current)
            elif _HEADING.match(line) or _RULE.match(line):
                current = None
            elif current is not None and not _STAGE_LINE.match(line):
                current.end = line_end
        pos = end + 1
    return [t for t in turns if text[t.start : t.end].strip()], content_lines


def looks_like_transcript(text: str) -> bool:
    meta, body = front_matter(text)
    declared = (meta_str(meta, "type") or meta_str(meta, "kind") or "").strip().casefold()
    if declared:
        return declared == TRANSCRIPT
    turns, lines = transcript_turns(text, body)
    return len(turns) >= 2 and len(turns) * 5 >= lines


def read_transcript(path: str, text: str, file_no: int) -> SourceFile:
    _, body = front_matter(text)
    turns, _ = transcript_turns(text, body)
    lines = LineIndex(text)
    out = []
    for i, t in enumerate(turns, 1):
        raw = text[t.start : t.end]
        blanked = _STAGE_LINES.sub(lambda m: " " * len(m.group()), raw)
        blanked = _BRACKETED.sub(lambda m: " " * len(m.group()), blanked)
        tokens, spans = token_spans(blanked, t.start)
        if not tokens:
            continue
        line, col = lines.position(t.start)
        out.append(
            SourceStatement(
                id=f"s{file_no}:t{i}", path=path, speaker=t.speaker, text=blanked, start=t.start, end=t.end,
                line=line, column=col, origin=TRANSCRIPT, tokens=tokens, spans=spans,
            )
        )
    return SourceFile(path, TRANSCRIPT, tuple(out), text)


# --------------------------------------------------------------------------- article-like sources


def read_article_like(path: str, text: str, file_no: int) -> SourceFile:
    """The direct quotes of a press release, wire story or earlier article, with their speakers."""
    fmt = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    article = build_article(f"src{file_no}", path, text, input_format=fmt)
    out = []
    for q in quotes_of(article):
        if not q.direct or not q.closed or q.kind not in (FULL, PARTIAL):
            continue
        tokens, spans = token_spans(q.text, q.start)
        if not tokens:
            continue
        out.append(
            SourceStatement(
                id=f"s{file_no}:{q.id.split(':')[-1]}", path=path, speaker=q.speaker, text=q.text, start=q.start,
                end=q.end, line=q.line, column=q.column, origin=ARTICLE_LIKE, tokens=tokens, spans=spans,
            )
        )
    return SourceFile(path, ARTICLE_LIKE, tuple(out), text)


def read_source(path: str, text: str, file_no: int) -> SourceFile:
    """A source file's statements: its turns if it is a transcript, else its quotes."""
    if looks_like_transcript(text):
        return read_transcript(path, text, file_no)
    return read_article_like(path, text, file_no)


def statements_of(files: Iterable[SourceFile]) -> list[SourceStatement]:
    return [s for f in files for s in f.statements]
