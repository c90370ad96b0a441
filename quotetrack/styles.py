"""House styles: which quotation marks an article uses, and whether it is hard-wrapped.

Both are decided per article, from the article itself, and both are undone in
a *reading view*: a string exactly as long as the text, character for
character, so that every offset found in the view is an offset in the text.

* ``unwrap``: a text hard-wrapped at some width (wire copy, e-mail, plain-text
  archives) has its soft line breaks (the line was full, the next word did
  not fit) turned into spaces. Blank lines, short lines and Markdown
  structure (headings, lists, quotes, tables) keep their breaks.
* ``normalise_marks``: in an article whose main quotation marks are single
  (``'…'``, ``‘…’``, with ``"…"`` or ``“…”`` nested inside, as British, Irish,
  Australian and Indian outlets print them), the single marks that open and
  close speech become ``“`` and ``”`` and the double marks nested inside them
  become single marks, so the scanner (quotes.py), which reads double marks
  as speech, sees American-style copy. TeX-style marks (````…''`` and
  ```…'``) become ``''…''`` and ``‘…’`` in every style, and “…” inside
  «…» is a nested quote (``«Il a dit “non” hier»``). Apostrophes are never
  marks: ``don't``, ``O'Brien``, ``Jones'``, ``the '90s``, ``rock 'n' roll``,
  ``'Tis``, feet and inches (``6' 2"``).

Everything is one or two passes over the marks and line breaks: linear in the
size of the text, no backtracking.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import ELISIONS

DOUBLE = "double"
SINGLE = "single"

_SINGLES = "'‘’`"
_CANDIDATES = re.compile("[\n\"'‘’`“”„«»]")
_SINGLE_MARKS = re.compile("['‘’`]")  # _SINGLES
_OPEN_BEFORE = set("([{—–-/:;,“„«\"")
_WORD_END = re.compile(r"[^\W\d_]*")  # the letters after a mark; always matched with a short endpos


def _is_open_left(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_BEFORE


def _apostrophe(text: str, i: int) -> tuple[bool, int]:
    """Is the single mark at ``i`` an apostrophe? And the offset of a second
    mark it swallows (``rock 'n' roll``), else -1."""
    n = len(text)
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if prev.isalnum() and nxt.isalpha():
        return True, -1  # don't, O'Brien
    if prev.isdigit() and (nxt.isdigit() or (nxt == " " and i + 2 < n and text[i + 2].isdigit())):
        return True, -1  # 6' 2", 5'10"
    if nxt.isdigit() and not prev.isalnum():
        k = i + 1
        while k < n and text[k].isdigit():
            k += 1
        year = k >= n or text[k] == "s" or prev == " " and i > 1 and text[i - 2].isalpha()
        if k - i - 1 == 2 and (year or not (text[k].isalnum() or text[k : k + 2].rstrip().islower())):
            return True, -1  # the '90s, class of '05 (but '27 companies reported … opens a quote)
    if nxt.isalpha() and not prev.isalnum():
        m = _WORD_END.match(text, i + 1, min(n, i + 12))
        word = m.group().lower() if m else ""
        end = i + 1 + len(word)
        if word in ELISIONS and (end >= n or not text[end].isalnum()):
            return True, end if end < n and text[end] in "'’" and word == "n" else -1
    return False, -1


def _roles(text: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the single mark at ``i``, apostrophes aside."""
    ch = text[i]
    n = len(text)
    nxt = text[i + 1] if i + 1 < n else " "
    can_open = ch != "’" and _is_open_left(text, i) and not nxt.isspace()
    prev = text[i - 1] if i > 0 else " "
    # A closing mark after the nested one, set off by a space: … the term “outreach,” ’ he said.
    after_nested = prev == " " and i > 1 and text[i - 2] in "\"”’"
    can_close = ch not in "‘`" and i > 0 and (not prev.isspace() or after_nested) and not nxt.isalnum()
    return can_open, can_close


def _single_marks(text: str) -> list[tuple[int, bool, bool]]:
    """Every single mark that is not an apostrophe: (offset, can open, can close)."""
    out = []
    skip = -1
    for m in _SINGLE_MARKS.finditer(text):  # the single marks alone: line breaks and double marks play no part here
        i = m.start()
        ch = text[i]
        if i == skip:
            continue
        if ch == "'" and (_doubled(text, i) or (i > 0 and _doubled(text, i - 1))):
            continue  # '' is a double mark
        if ch == "`" and i + 1 < len(text) and text[i + 1] == "`":
            continue
        if ch == "`" and i > 0 and text[i - 1] == "`":
            continue
        apo, swallow = _apostrophe(text, i)
        if apo:
            skip = swallow
            continue
        can_open, can_close = _roles(text, i)
        if can_open or can_close:
            out.append((i, can_open, can_close))
    return out


def _doubled(text: str, i: int) -> bool:
    """Is ``''`` at ``i`` one double mark? Not before an elision: ''Tis is a mark and an apostrophe."""
    if text[i : i + 2] != "''" or (i > 0 and text[i - 1] == "'"):
        return False
    m = _WORD_END.match(text, i + 2, min(len(text), i + 13))
    return not (m and m.group().lower() in ELISIONS and m.group())


def _double_role(text: str, i: int, inside: bool) -> int:
    """+1 if the double mark at ``i`` opens a quote, -1 if it closes one, else 0
    (``inside``: a double quote is open). ``''`` and ````` count at their first mark."""
    ch = text[i]
    if ch in "“„«":
        return 1
    if ch in "”»":
        return -1
    if ch in "`'":
        if text[i + 1 : i + 2] != ch or (i > 0 and text[i - 1] == ch):
            return 0
        if ch == "'" and not _doubled(text, i):
            return 0
        if ch == "`":
            return 1
    if inside:
        return -1
    after = i + (2 if ch == "'" else 1)
    return 1 if _is_open_left(text, i) and after < len(text) and not text[after].isspace() else 0


def _may_open_single(text: str) -> bool:
    """A single mark where a quote could open (see _roles): "‘" anywhere, or "'" or
    "`" at the start of the text or after white space or one of _OPEN_BEFORE.
    (str.find over the marks is many times faster than a regular expression here.)"""
    if "‘" in text:
        return True
    for mark in "'`":
        i = text.find(mark)
        while i != -1:
            if _is_open_left(text, i):
                return True
            i = text.find(mark, i + 1)
    return False


def house_style(text: str) -> str:
    """SINGLE when single marks open more quotes than double marks do, else DOUBLE.

    Only quotes at the top level count: a single-quoted quote inside a double
    one is nested (American style) and so is a double-quoted one inside a
    single one (British style). On a tie, the family that opens first wins."""
    if not _may_open_single(text):
        return DOUBLE  # no single mark where a quote could open: nothing to count
    singles = _single_marks(text)
    k = 0
    in_double = in_single = False
    counts = {SINGLE: 0, DOUBLE: 0}
    first = {SINGLE: -1, DOUBLE: -1}
    for m in _CANDIDATES.finditer(text):
        i = m.start()
        ch = text[i]
        while k < len(singles) and singles[k][0] < i:
            k += 1
        if ch == "\n":
            in_double = in_single = False
        elif k < len(singles) and singles[k][0] == i:
            _, can_open, can_close = singles[k]
            if in_single and can_close:
                in_single = False
            elif not in_single and can_open and ch != "`":
                in_single = True
                if not in_double:
                    counts[SINGLE] += 1
                    first[SINGLE] = i if first[SINGLE] < 0 else first[SINGLE]
        elif ch not in "‘’":
            role = _double_role(text, i, in_double)
            if role > 0 and not in_double:
                in_double = True
                if not in_single:
                    counts[DOUBLE] += 1
                    first[DOUBLE] = i if first[DOUBLE] < 0 else first[DOUBLE]
            elif role < 0:
                in_double = False
    if counts[SINGLE] == counts[DOUBLE]:
        return SINGLE if counts[SINGLE] and first[SINGLE] < first[DOUBLE] else DOUBLE
    return SINGLE if counts[SINGLE] > counts[DOUBLE] else DOUBLE


def normalise_marks(text: str, style: Optional[str] = None) -> str:
    """The text with the house style's speech marks as double marks (see the module docstring)."""
    style = style or house_style(text)
    has_tex = "`" in text
    nested_in_guillemets = "«" in text and "“" in text
    if style == DOUBLE and not has_tex and not nested_in_guillemets:
        return text
    out = list(text)
    if has_tex:
        _tex(text, out)
    if style == SINGLE:
        _swap(text, out)
    elif nested_in_guillemets:
        _guillemets(text, out)
    return "".join(out)


def _guillemets(text: str, out: list[str]) -> None:
    """«Il a dit “non” hier»: curly double marks inside guillemets are nested -> ‘ ’."""
    depth_open = False
    for m in _CANDIDATES.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "«":
            depth_open = True
        elif ch in "»\n":
            depth_open = False
        elif depth_open and ch in "“”":
            out[i] = "‘" if ch == "“" else "’"


def _tex(text: str, out: list[str]) -> None:
    """````…''`` -> ``''…''``; a ```…'`` pair -> ``‘…’``."""
    i = text.find("`")
    no_close_before = -1  # a failed search for the closing ' ran up to here
    while i != -1:
        if i + 1 < len(text) and text[i + 1] == "`":
            out[i] = out[i + 1] = "'"
            i = text.find("`", i + 2)
            continue
        if i + 1 < len(text) and not text[i + 1].isspace() and i > no_close_before:
            open_single = i
            stop = text.find("\n", i)
            stop = len(text) if stop == -1 else stop
            k = text.find("'", i + 1, stop)
            while k != -1:
                if _roles(text, k)[1] and not _apostrophe(text, k)[0] and not (k + 1 < len(text) and text[k + 1] == "'"):
                    out[open_single], out[k] = "‘", "’"
                    break
                k = text.find("'", k + 1, stop)
            if k == -1:
                no_close_before = stop
            i = text.find("`", (k + 1) if k != -1 else i + 1)
            continue
        i = text.find("`", i + 1)


def _swap(text: str, out: list[str]) -> None:
    """Single speech marks -> “ ”, double marks nested in them -> ‘ ’, in one pass."""
    marks = _single_marks(text)
    n = len(marks)
    # For each mark, is a closing-capable mark left in its line after it?
    closer_after = [False] * n
    seen_closer = False
    for k in range(n - 1, -1, -1):
        if k + 1 < n and text.find("\n", marks[k][0], marks[k + 1][0]) != -1:
            seen_closer = False
        closer_after[k] = seen_closer
        seen_closer = seen_closer or marks[k][2]
    reopen_memo = (-1, False)  # (the line break it was computed for, the answer)
    in_double = False  # a double-quoted quote is open at the top level
    open_at = -1
    k = 0
    for m in _CANDIDATES.finditer(text):
        i = m.start()
        ch = text[i]
        while k < n and marks[k][0] < i:
            k += 1
        if ch == "\n":
            in_double = False
            if open_at >= 0 and not _continues(text, i, out):
                open_at = -1
            continue
        if ch in "\"“”„«»" or (ch in "'`" and open_at < 0 and (k >= n or marks[k][0] != i)):
            if open_at >= 0 and ch in "\"“”":
                opens = ch == "“" or (ch == '"' and _is_open_left(text, i) and not text[i + 1 : i + 2].isspace())
                out[i] = "‘" if opens else "’"
            elif open_at < 0:
                role = _double_role(text, i, in_double)
                in_double = role > 0 or (in_double and role == 0)
            continue
        if k >= n or marks[k][0] != i:
            continue  # an apostrophe
        if in_double:
            continue  # a single mark inside a double-quoted quote is nested: it stays
        _, can_open, can_close = marks[k]
        if open_at < 0:
            if can_open and not closer_after[k]:
                if reopen_memo[0] < i:
                    nl = text.find("\n", i)
                    reopen_memo = (len(text) if nl == -1 else nl, _reopened_at(text, nl))
                if not reopen_memo[1]:
                    continue
            if can_open:
                open_at = i
                out[i] = "“"
            continue
        if can_close and not _possessive(text, marks, k):
            out[i] = "”"
            open_at = -1
        elif can_open and not can_close:
            open_at = i  # the quote before was never closed: a new one opens
            out[i] = "“"


def _possessive(text: str, marks: list[tuple[int, bool, bool]], k: int) -> bool:
    """``the Joneses' house`` inside a quote: a mark after -s, before a lower-case word,
    while a mark after punctuation closes the quote further on."""
    i = marks[k][0]
    if text[i - 1] not in "sz" or i + 2 >= len(text) or text[i + 1] != " " or not text[i + 2].islower():
        return False
    if k + 1 >= len(marks):
        return False
    j, can_open, can_close = marks[k + 1]
    return can_close and not can_open and text[j - 1] in ",.!?…—–-" and text.find("\n", i, j) == -1


def _next_line_start(text: str, nl: int) -> tuple[int, bool]:
    j = nl + 1
    blank = False
    n = len(text)
    while j < n and text[j] in " \t\r\n":
        blank = blank or text[j] == "\n"
        j += 1
    return j, blank


def _reopened_at(text: str, nl: int) -> bool:
    """Does the paragraph after the line break at ``nl`` reopen a quote?"""
    if nl == -1:
        return False
    j, _ = _next_line_start(text, nl)
    return j < len(text) and text[j] in "'‘" and not _apostrophe(text, j)[0] and _roles(text, j)[0]


def _continues(text: str, nl: int, out: list[str]) -> bool:
    """An open single quote goes on after the line break at ``nl``: the next paragraph reopens it."""
    j, _ = _next_line_start(text, nl)
    if j < len(text) and text[j] in "'‘" and not _apostrophe(text, j)[0] and _roles(text, j)[0]:
        out[j] = "“"
        return True
    return False


# --------------------------------------------------------------------------- wrapping

_STRUCTURE = re.compile(r"[#>|]|[*+]\s|\d{1,3}[.)]\s")  # Markdown headings, quotes, tables, lists
_INDENT = re.compile(r"[ \t]*")
_SENTENCE_END = tuple(".!?:;…\"'”’»)")
MIN_WIDTH, MAX_WIDTH = 40, 100


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        e = end
        while e > pos and text[e - 1] in " \t\r":
            e -= 1
        spans.append((pos, e))
        if nl == -1:
            break
        pos = nl + 1
    return spans


def _match_end(pattern: "re.Pattern[str]", text: str, start: int, end: int) -> int:
    """Where ``pattern`` (which matches the empty string) stops matching at ``start``."""
    m = pattern.match(text, start, end)
    return m.end() if m else start


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks that only wrap a line, if the text is hard-wrapped."""
    spans = _line_spans(text)
    lengths = [e - s for s, e in spans if e > s]
    if len(lengths) < 2:
        return []
    width = max((x for x in lengths if x <= MAX_WIDTH), default=0)
    overlong = sum(1 for x in lengths if x > MAX_WIDTH)
    if width < MIN_WIDTH or overlong * 10 > len(lengths):
        return []
    full: list[int] = []
    pairs = 0
    open_ended = 0
    for (s, e), (s2, e2) in zip(spans, spans[1:]):
        if e == s or e2 == s2 or text[s] in "#|>":
            continue
        indent = _match_end(_INDENT, text, s, e) - s
        indent2 = _match_end(_INDENT, text, s2, e2) - s2
        if indent2 > indent or _STRUCTURE.match(text, s2 + indent2, e2):
            continue  # an indented paragraph, a list item, a heading
        pairs += 1
        first = text.find(" ", s2, e2)
        word = (e2 if first == -1 else first) - s2
        if (e - s) + 1 + word > width:
            full.append(e)
            open_ended += not text[s:e].endswith(_SENTENCE_END)
    if len(full) < 2 or 2 * len(full) < pairs or 3 * open_ended < len(full):
        return []
    out = []
    for e in full:
        nl = text.find("\n", e)
        out.append(nl)
    return out


def unwrap(text: str) -> str:
    """The text with its soft line breaks (and the spaces or \\r around them) as spaces."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    out = list(text)
    for nl in breaks:
        k = nl
        while k > 0 and out[k - 1] == "\r":
            k -= 1
            out[k] = " "
        out[nl] = " "
    return "".join(out)


@lru_cache(maxsize=4)
def reading_view(text: str) -> str:
    """The text unwrapped and with its speech marks as double marks: same length, same offsets.
    (Ingest reads the headline in it and the scanner the quotes: the last few are kept.)"""
    plain = unwrap(text)
    return normalise_marks(plain)
