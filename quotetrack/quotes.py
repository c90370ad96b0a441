"""Finding direct quotes: a single left-to-right pass over quotation marks.

The scanner handles “curly”, "straight", ''doubled apostrophes", «guillemets»,
„German“ marks and top-level ‘single’ quotes; single marks inside a double
quote are nested quotes and stay part of it. Apostrophes (can’t, US’) are
not quotation marks. It reads the article's reading view (styles.py), in
which an article whose main marks are single has them as double marks, TeX
marks are plain marks, and hard-wrapped lines are joined; the view has the
text's length, so offsets are the text's. Quotes of titles of works are
kind TITLE.

A quote left open at the end of a paragraph continues when the next
paragraph reopens it (newspaper style) or when the line was only wrapped;
otherwise it is recovered as an unclosed quote that ends with its paragraph,
so one stray mark never swallows the rest of an article.

Everything is linear in the length of the text: one pass over the marks,
no backtracking regular expressions.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator, NamedTuple, Optional, Sequence

from .lexicon import NAMING_WORDS, SPEECH_VERBS, WORK_NOUNS, dot_ends_no_sentence
from .models import FULL, PARTIAL, TERM, TITLE, Quote, QuoteKind, evolve
from .styles import reading_view
from .textnorm import has_words, word_count

# Marks that can only open a double quote, only close one, or either.
_OPEN_ONLY = {"“": "”", "„": "“", "«": "»", "‟": "”"}
_CLOSE_ONLY = {"”", "»"}
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"

_SENTENCE_END = ".!?…"
_MARKS = re.compile("[\"'“”„‟«»‘’]")
_MARKS_OR_BREAK = re.compile("[\n\"'“”„‟«»‘’]")
_OPENERS_BEFORE = set("([{—–-/:;,")


class RawQuote(NamedTuple):
    """A quote span before it is classified: offsets of the words inside the marks. (A named
    tuple: made for every pair of marks, at a fifth of a frozen dataclass's cost.)"""

    start: int
    end: int
    open_mark: str
    closed: bool


# A direct quote with every other field at its default: find_quotes makes each quote as a copy
# of it with the quote's own fields set (``evolve``: the same object as ``Quote(...)`` gives,
# for about a third of the cost of the frozen dataclass's ``__init__``).
_BLANK = Quote(id="", article_id="", text="", start=0, end=0, line=0, column=0, kind=FULL)


def _is_space(ch: str) -> bool:
    return ch.isspace()


class LineIndex:
    """Maps a character offset to a 1-based line and column."""

    def __init__(self, text: str):
        self.starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _mark_at(text: str, i: int) -> Optional[str]:
    ch = text[i]
    if ch in _OPEN_ONLY or ch in _CLOSE_ONLY or ch == _STRAIGHT:
        return ch
    if ch == "'" and i + 1 < len(text) and text[i + 1] == "'":
        return "''"
    if ch in "‘’" and i + 1 < len(text) and text[i + 1] == ch:
        return ch * 2
    if ch == _SINGLE_OPEN or ch == _SINGLE_CLOSE:
        return ch
    return None


def _left_ok_for_open(text: str, i: int) -> bool:
    if i == 0:
        return True
    prev = text[i - 1]
    return _is_space(prev) or prev in _OPENERS_BEFORE or prev in "“„«‘"


def _right_ok_for_open(text: str, j: int) -> bool:
    return j < len(text) and not _is_space(text[j])


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j == -1 else j


def _single_quote(text: str, i: int, mark: str, outside: bool, no_close_before: int) -> tuple[Optional[RawQuote], int, int]:
    """A ‘…’ quote opened by the single mark at ``i`` (only ``outside`` a double quote, and
    not where a search for its closing mark already failed, before ``no_close_before``):
    (the quote or None, where to go on, the new ``no_close_before``)."""
    after = i + len(mark)
    if outside and mark == "‘" and after > no_close_before and _left_ok_for_open(text, i) and after < len(text) and text[after].isalpha():
        close = _find_single_close(text, after)
        if close is None:
            return None, i + 1, _line_end(text, after)
        return RawQuote(after, close, mark, True), close + 1, no_close_before
    return None, i + 1, no_close_before


def find_raw_quotes(text: str) -> Iterator[RawQuote]:
    """Yield the spans inside quotation marks, in order, never overlapping."""
    n = len(text)
    i = 0
    open_pos = -1  # offset of the first character inside the open quote
    open_mark = ""
    expect_close: Optional[str] = None  # for „ ... “
    no_single_close_before = -1  # a failed search for ’ ran up to here
    while i < n:
        # Jump to the next character that matters: line breaks only while a quote is open.
        m = (_MARKS_OR_BREAK if open_pos >= 0 else _MARKS).search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if open_pos >= 0:
                cont = _continuation(text, i)
                if cont is None:
                    end = _rstrip(text, open_pos, i)
                    if end > open_pos:
                        yield RawQuote(open_pos, end, open_mark, False)
                    open_pos = -1
                    expect_close = None
                else:
                    i = cont  # skip the paragraph break and any reopening mark
                    continue
            i += 1
            continue
        mark = _mark_at(text, i)
        if mark is None:
            i += 1
            continue
        width = len(mark)
        after = i + width
        if mark in ("‘", "’"):
            found, i, no_single_close_before = _single_quote(text, i, mark, open_pos < 0, no_single_close_before)
            if found is not None:
                yield found
            continue
        if open_pos < 0:
            # Outside a quote: does this mark open one?
            if mark in _CLOSE_ONLY:
                i = after
                continue
            if mark == _STRAIGHT and i > 0 and text[i - 1].isdigit():
                i = after  # inch mark: 5'10"
                continue
            if mark in _OPEN_ONLY or (_right_ok_for_open(text, after) and (_left_ok_for_open(text, i) or mark != _STRAIGHT)):
                open_pos = after
                open_mark = mark
                expect_close = _OPEN_ONLY.get(mark)
            i = after
            continue
        # Inside a quote.
        if mark in ("“", "‟") and expect_close != "“":
            # A new opening mark while one is open: the first was never closed.
            end = _rstrip(text, open_pos, i)
            if end > open_pos:
                yield RawQuote(open_pos, end, open_mark, False)
            open_pos = after
            open_mark = mark
            expect_close = _OPEN_ONLY.get(mark)
            i = after
            continue
        if mark in ("„", "«"):
            i = after  # nested or stray opener: keep going
            continue
        # Any closing-capable double mark closes the quote.
        if i > open_pos:
            yield RawQuote(open_pos, i, open_mark, True)
        open_pos = -1
        expect_close = None
        i = after
    if open_pos >= 0:
        end = _rstrip(text, open_pos, n)
        if end > open_pos:
            yield RawQuote(open_pos, end, open_mark, False)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return end


def _find_single_close(text: str, j: int) -> Optional[int]:
    """End of a top-level ‘single’ quote opened before ``j``, within the line."""
    stop = _line_end(text, j)
    k = text.find(_SINGLE_CLOSE, j, stop)
    while k != -1:
        nxt = text[k + 1] if k + 1 < len(text) else " "
        if not nxt.isalpha() and not _is_space(text[k - 1]):
            return k
        k = text.find(_SINGLE_CLOSE, k + 1, stop)
    return None


def _continuation(text: str, nl: int) -> Optional[int]:
    """Where an open quote continues after the line break at ``nl``, or None.

    It continues when the next paragraph reopens it with a quotation mark, or
    when the break only wraps a line (a single newline in the middle of a
    sentence). The returned offset is just past the reopening mark, or the
    start of the next line.
    """
    n = len(text)
    j = nl + 1
    blank = False
    while j < n and text[j] in " \t\r\n":
        if text[j] == "\n":
            blank = True
        j += 1
    if j >= n:
        return None
    mark = _mark_at(text, j)
    if mark in _OPEN_ONLY or mark in (_STRAIGHT, "''"):
        return j + len(mark)
    if blank:
        return None
    # A wrapped line: the previous line stops mid-sentence and the next starts in lower case.
    k = nl - 1
    while k >= 0 and text[k] in " \t\r":
        k -= 1
    if k >= 0 and text[k] not in _SENTENCE_END and text[k] not in ",;:" and text[j].islower():
        return j
    return None


def _preceding_words(text: str, start: int, limit: int = 60) -> str:
    lo = max(0, start - limit)
    chunk = text[lo:start]
    nl = chunk.rfind("\n")
    if nl != -1:
        chunk = chunk[nl + 1 :]
    return chunk


# classify and _is_title compare a quote's number of words with nothing above 12: counting stops at 13.
_WORDS_COUNTED = 13


def classify(text: str, raw: RawQuote) -> QuoteKind:
    """full, partial, term or title, from the quote and the words around it."""
    inner = text[raw.start : raw.end]
    words = word_count(inner, _WORDS_COUNTED)
    open_at = raw.start - len(raw.open_mark)
    before = _preceding_words(text, open_at).rstrip()
    if _is_title(text, raw, inner, words, before, open_at):
        return TITLE
    first = inner.lstrip("'‘\"“ ")[:1]
    stands_alone = before == "" or before[-1] in _SENTENCE_END + ":,—–" or before[-1] in "”\"'"
    inner_stripped = inner.rstrip()
    ends_in_punct = inner_stripped[-1:] in ".,!?…—–-" if inner_stripped else False
    if "\n" in inner and words > 3:
        return FULL
    if stands_alone and (first.isupper() or first.isdigit()) and (words >= 3 or ends_in_punct):
        return FULL
    if words >= 6 and ends_in_punct and inner_stripped[-1] in ".!?" and first.isupper():
        return FULL
    # Embedded in the reporter's sentence: speech if the sentence attributes it,
    # a term if it names something or nobody in the sentence speaks.
    if _TERM_LEAD.search(before[-30:]):
        return TERM
    if words <= 6 and title_case(inner) and not stands_alone:
        # A name or a title, unless someone is quoted calling something by it
        # (called her “Miss Piggy”): names of shows, papers and books stay terms.
        after = text[raw.end : raw.end + 40].lstrip("”\"'’» ,")
        if not _speech_nearby(text, open_at, raw.end) or _NAME_LEAD.search(before[-12:]) or _starts_with_speech_word(after):
            return TERM
    if words <= 5 and not _speech_nearby(text, open_at, raw.end):
        return TERM
    return PARTIAL


def marked_as_term(text: str, open_at: int) -> bool:
    """Whether the words before an opening mark say a term follows ("the so-called")."""
    return bool(_TERM_LEAD.search(_preceding_words(text, open_at).rstrip()[-30:]))


def _italic(text: str, raw: RawQuote, italics: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """The quote, marks and all, is a span set in italics (``<i>“…”</i>``), short, and Title Case."""
    if not italics:
        return False
    open_at = raw.start - len(raw.open_mark)
    k = bisect.bisect_right(starts, open_at) - 1
    if k < 0:
        return False
    s, e = italics[k]
    return s <= open_at and raw.end <= e and e - s <= raw.end - open_at + 3 and title_case(text[raw.start : raw.end])


_LAST_WORDS = re.compile(r"([^\W\d_]+)[\s,:]*$")  # applied to at most 60 characters


def _is_title(text: str, raw: RawQuote, inner: str, words: int, before: str, open_at: int) -> bool:
    """A quoted title of a work: the film “…”, a song called “…”, her favourite novel is “…”
    (``words``: the words of ``inner``, counted up to _WORDS_COUNTED)."""
    first = inner.lstrip("'‘\"“ ")[:1]
    if not first[:1].isupper() and not first[:1].isdigit() or words > 12 or "\n" in inner.strip():
        return False
    m = _LAST_WORDS.search(before[-40:])
    lead = m.group(1).lower() if m else ""
    if m and lead in _COPULAS:  # her favourite novel is “…”
        m = _LAST_WORDS.search(before[-40:], 0, m.start(1))
        lead = m.group(1).lower() if m else ""
    work = lead in WORK_NOUNS or (lead.endswith("s") and lead[:-1] in WORK_NOUNS)
    if work and not before.endswith(":") and (title_case(inner) or (words <= 6 and inner.rstrip()[-1:] not in ".,!?…")):
        return True  # the film “…”, her new album, “…”
    if not title_case(inner) or inner.rstrip()[-1:] in "?!":
        return False
    if lead in NAMING_WORDS:
        return True  # a band called “…”, titled “…”
    # Title Case, a kind of work named in the sentence (before it, or in a phrase
    # right after it: “…” on Innisfarrow, a film about …), nobody speaking.
    clause = _sentence_before(text, open_at) + " " + " ".join(_sentence_after(text, raw.end).split()[:6])
    if not any(w in WORK_NOUNS for w in _WORDS.findall(clause.lower())):  # "shows", "plays" may be verbs
        return False
    return not _speech_nearby(text, open_at, raw.end)


_WORDS = re.compile(r"[^\W\d_]+")
_COPULAS = frozenset("is was remains remained became".split())


def _sentence_before(text: str, open_at: int, limit: int = 120) -> str:
    lo = max(0, open_at - limit)
    before = text[lo:open_at]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "), before.rfind("”"), before.rfind('"'))
    return before[cut + 1 :] if cut != -1 else before


def _sentence_after(text: str, end: int, limit: int = 80) -> str:
    after = text[end : end + limit]
    stop = len(after)
    for mark in (". ", "\n", "? ", "! ", "“", '"'):
        k = after.find(mark, 1)
        if k != -1:
            stop = min(stop, k)
    return after[:stop]


_TERM_LEAD = re.compile(
    r"\b(?:so-called|so called|known as|dubbed|termed|nicknamed|titled|entitled|labell?ed|branded|the word|the term|the phrase)\s*$",
    re.I,
)
# Speech words are looked up word by word in SPEECH_VERBS: one regular expression
# alternating over hundreds of verb forms costs time at every character it reads.
# A word not joined by a hyphen to the one before ("well-said"); a double hyphen is a
# typewriter's dash, after which a word stands on its own ("“Never”--said Roe").
_WORD_RUN = re.compile(r"(?<![\w-])\w+|(?<=--)\w+")
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording to\b")


def _has_speech_word(s: str) -> bool:
    """A speech verb (lower case, not after a hyphen) or "according to" anywhere in ``s``."""
    return not SPEECH_VERBS.isdisjoint(_WORD_RUN.findall(s)) or bool(_ACCORDING.search(s))


def _starts_with_speech_word(s: str) -> bool:
    m = _WORD_RUN.match(s)
    return bool(m and m.group() in SPEECH_VERBS) or bool(_ACCORDING.match(s))
_NAME_LEAD = re.compile(r"\b(?:of|on|in|the|from|at)\s*$", re.I)
_SMALL_WORDS = frozenset("a an the of and or to in on for at by with from de la le van von".split())


def title_case(inner: str) -> bool:
    """A name or title: every word capitalised (small words aside)."""
    ws = [w.strip("‘’'\".,:;!?()") for w in inner.split()]
    ws = [w for w in ws if w]
    return bool(ws) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in ws) and ws[0][:1].isupper()


def _speech_nearby(text: str, open_at: int, end: int) -> bool:
    """A speech verb in the sentence around a quote (outside the quote itself)."""
    lo = max(0, open_at - 250)
    before = text[lo:open_at]
    cut = max(_last_full_stop(before), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    if cut != -1:
        before = before[cut + 1 :]
    after = text[end : end + 200]
    stop = len(after)
    for k in (_first_full_stop(after), after.find("\n"), after.find("? "), after.find("! ")):
        if k != -1:
            stop = min(stop, k)
    return _has_speech_word(before) or _has_speech_word(after[:stop])


_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")  # applied to at most 12 characters


def _ends_sentence(s: str, k: int) -> bool:
    """Whether the full stop at ``s[k]`` ends a sentence: not the dot of an abbreviation
    ("Mr. Roe said", "the U.S. said") or of an initial ("Ann B. Roe")."""
    m = _WORD_BEFORE_DOT.search(s[max(0, k - 11) : k + 1])
    if m is None:
        return True
    word = m.group(1)
    return not dot_ends_no_sentence(word)


def _first_full_stop(s: str) -> int:
    """Offset of the first ". " in ``s`` that ends a sentence, or -1."""
    k = s.find(". ")
    while k != -1 and not _ends_sentence(s, k):
        k = s.find(". ", k + 2)
    return k


def _last_full_stop(s: str) -> int:
    """Offset of the last ". " in ``s`` that ends a sentence, or -1."""
    k = s.rfind(". ")
    while k != -1 and not _ends_sentence(s, k):
        k = s.rfind(". ", 0, k)
    return k


def find_quotes(
    text: str,
    article_id: str = "a",
    lines: Optional[LineIndex] = None,
    view: Optional[str] = None,
    italics: Sequence[tuple[int, int]] = (),
) -> list[Quote]:
    """All direct quotes in ``text``, classified, with offsets and positions.

    The marks are read in the article's own house style and hard-wrapped
    lines are joined (``styles.reading_view``, which keeps every offset);
    ``view`` is that reading view when the caller has it already.
    ``italics``: spans a web page set in italics, sorted; a quote set in
    italics on its own is the title of a work."""
    lines = lines or LineIndex(text)
    if view is None:
        view = reading_view(text)
    out: list[Quote] = []
    italic_starts = [s for s, _e in italics]
    for raw in find_raw_quotes(view):
        inner = text[raw.start : raw.end]
        if not inner.strip() or not has_words(inner):
            continue
        line, col = lines.position(raw.start)
        out.append(
            evolve(
                _BLANK,
                id=f"{article_id}:q{len(out) + 1}",
                article_id=article_id,
                text=inner,
                start=raw.start,
                end=raw.end,
                line=line,
                column=col,
                kind=TITLE if _italic(text, raw, italics, italic_starts) else classify(view, raw),
                direct=True,
                closed=raw.closed,
                open_mark=text[raw.start - len(raw.open_mark) : raw.start],
            )
        )
    return out
