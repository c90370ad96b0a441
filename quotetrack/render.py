"""Rendering a ScanResult: a rich table for people; JSON, CSV and Markdown for machines.

Article text is untrusted: it is always passed to rich as ``Text`` (never as
markup) and stripped of control characters, so nothing an article contains
can style, move or clear the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import OrderedDict
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import islice
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence, TextIO

from .align import Segment, diff_markup, word_diff
from .diff import SideDiff
from .kinds import MATCH_RANK
from .models import (
    ALTERED,
    EXCERPT,
    NOT_SPEECH,
    PARAPHRASE,
    TITLE,
    VERBATIM,
    Article,
    Quote,
    ScanResult,
    Statement,
)
from .printable import clean, one_line, printable_path
from .provenance import (
    First,
    first_carriers,
    first_dict,
    first_label,
    wire_stories,
    wire_story_lines,
)
from .statements import select

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# rich is imported inside the functions that draw for a terminal: JSON, CSV and Markdown
# output never load it.

JSON_SCHEMA_VERSION = 3


# --------------------------------------------------------------------------- ordering


def ordered_statements(result: ScanResult) -> list[Statement]:
    """Statements carried by more outlets first, then in order of appearance."""
    ranked = sorted(enumerate(result.statements), key=lambda p: (-len(p[1].outlets), p[0]))
    return [s for _, s in ranked]


def wordings(statement: Statement, quotes: dict[str, Quote]) -> list[tuple[str, str, list[str], list[Segment]]]:
    """Distinct wordings of a statement: (match, words, outlets, diff against canonical).
    A paraphrase's words are reported speech, not a quotation."""
    canonical = quotes[statement.canonical_quote].words
    groups: "OrderedDict[tuple[str, str], list[str]]" = OrderedDict()
    for m in sorted(statement.members, key=lambda m: (m.quote_id != statement.canonical_quote, MATCH_RANK[m.match])):
        q = quotes[m.quote_id]
        key = (m.match, q.words if m.match != VERBATIM else canonical)
        outlets = groups.setdefault(key, [])
        if m.outlet not in outlets:
            outlets.append(m.outlet)
    out = []
    for (match, words), outlets in groups.items():
        segs = word_diff(canonical, words) if match in (ALTERED, EXCERPT) else []
        out.append((match, words, outlets, segs))
    return out


_MATCH_STYLE: dict[str, str] = {VERBATIM: "green", EXCERPT: "cyan", ALTERED: "bold red", PARAPHRASE: "magenta"}
# The colours of the match kinds, and of words only reported speech carries; the HTML report
# (html_report.py) takes its colours from these same styles.
MATCH_STYLE = _MATCH_STYLE
REPORTED_STYLE = "dim"


# --------------------------------------------------------------------------- table


def _diff_text(segs: list[Segment]) -> Text:
    from rich.text import Text

    t = Text()
    for s in segs:
        if t:
            t.append(" ")
        if s.op == "equal":
            t.append(one_line(s.new))
            continue
        if s.old:
            t.append(f"[-{one_line(s.old)}-]", style="red strike")
        if s.old and s.new:
            t.append("")
        if s.new:
            t.append(f"{{+{one_line(s.new)}+}}", style="bold green")
    return t


def plural(n: int, noun: str) -> str:
    """'1 quote', '2 quotes', '0 quotes'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary_line(result: ScanResult) -> str:
    quotes = [q for q in result.quotes if q.kind not in NOT_SPEECH]
    terms = len(result.quotes) - len(quotes)
    multi = sum(1 for s in result.statements if len(s.outlets) > 1)
    parts = [
        plural(len(result.articles), "article"),
        plural(len(quotes), "quote"),
        plural(terms, "term"),
        plural(len(result.speakers), "speaker"),
        f"{plural(len(result.statements), 'statement')} ({multi} carried by more than one outlet)",
        f"{sum(1 for q in quotes if not q.speaker)} unattributed",
    ]
    if result.skipped:
        parts.append(f"{len(result.skipped)} skipped")
    return ", ".join(parts)


TABLE_WORDING_MAX = 80  # the widest the Wording column grows where width is not given (piped output)
TABLE_WORDING_MIN = 24  # the Wording column gives way to the Outlets column down to this
TABLE_NARROW = 90  # below this width the speaker goes above the words instead of in a column of its own


def _longest_word(lines: list[str]) -> int:
    from rich.cells import cell_len

    return max([0] + [cell_len(w) for line in lines for w in line.split()])


def _longest_line(lines: list[str]) -> int:
    from rich.cells import cell_len

    return max([0] + [cell_len(part) for line in lines for part in line.split("\n")])


def _table_rows(result: ScanResult, statements: Optional[list[Statement]]) -> list[tuple[str, str, Text, Text]]:
    """(id, speaker, wording, outlets) per row of the table: one per distinct wording of
    each chosen statement; id and speaker only on a statement's first row."""
    from rich.text import Text

    quotes = {q.id: q for q in result.quotes}
    firsts = first_carriers(result)
    chosen = {s.id for s in (result.statements if statements is None else statements)}
    out = []
    for st in ordered_statements(result):
        if st.id not in chosen:
            continue
        for n, (match, words, outlets, segs) in enumerate(wordings(st, quotes)):
            wording = Text()
            if match == VERBATIM:
                wording.append(f"“{one_line(words)}”")
            elif match == PARAPHRASE:
                wording.append(one_line(words), style="italic")
                wording.append(" (reported)", style=REPORTED_STYLE)
            else:
                wording.append("“")
                wording.append_text(_diff_text(segs) if segs else Text(one_line(words)))
                wording.append("”")
            cell = Text()
            cell.append(match, style=_MATCH_STYLE.get(match, ""))
            cell.append("\n" + "\n".join(one_line(o) + first_label(firsts, st.id, o) for o in outlets))
            speaker = one_line(st.speaker) if st.speaker else "(unattributed)"
            out.append((st.id if n == 0 else "", speaker if n == 0 else "", wording, cell))
    return out


def table_widths(rows: list[tuple[str, str, Text, Text]], width: Optional[int]) -> dict[str, int]:
    """Column widths for ``width`` columns (or the width the rows need when None).

    Ids are never cut (their column is as wide as the longest); the Outlets column is
    as wide as its longest line where it can be, and never narrower than its longest
    word or date, so names wrap between words; the Wording column takes the rest.
    Below ``TABLE_NARROW`` columns there is no Speaker column: the speaker heads the
    wording instead."""
    from rich.cells import cell_len

    w_id = max([1] + [cell_len(r[0]) for r in rows])
    outlet_lines = [r[3].plain for r in rows]
    w_outlets_need = max(len("Outlets"), _longest_line(outlet_lines))
    w_outlets_min = max(len("Outlets"), _longest_word(outlet_lines))
    speakers = [r[1] for r in rows if r[1]]
    w_speaker = max(len("Speaker"), min(18, _longest_line(speakers)))
    w_wording_need = max(len("Wording"), _longest_line([r[2].plain for r in rows]))
    narrow = width is not None and width < TABLE_NARROW
    if width is None:
        w_wording = min(TABLE_WORDING_MAX, w_wording_need)
        return {"id": w_id, "speaker": w_speaker, "wording": w_wording, "outlets": w_outlets_need, "narrow": 0}
    columns = 3 if narrow else 4
    rest = width - (3 * columns + 1) - w_id - (0 if narrow else w_speaker)
    w_outlets = min(w_outlets_need, max(w_outlets_min, min(rest - TABLE_WORDING_MIN, rest // 2)))
    w_wording = max(10, min(rest - w_outlets, w_wording_need))
    return {"id": w_id, "speaker": w_speaker, "wording": w_wording, "outlets": w_outlets, "narrow": int(narrow)}


def table_width(result: ScanResult, statements: Optional[list[Statement]] = None) -> int:
    """The width the table needs to show every row without squeezing it."""
    from rich.cells import cell_len

    w = table_widths(_table_rows(result, statements), None)
    return max(w["id"] + w["speaker"] + w["wording"] + w["outlets"] + 13, cell_len(summary_line(result)))


@dataclass(frozen=True)
class TermUse:
    """One term, title or scare quote, however often and by whichever outlets it was used."""

    words: str
    kind: str
    outlets: tuple[str, ...]
    count: int


def term_uses(
    result: ScanResult, speaker: Optional[str] = None, outlet: Optional[str] = None, min_outlets: int = 1
) -> list[TermUse]:
    """Terms, titles and scare quotes, each once (compared without case and trailing
    punctuation), with the outlets that used them and how often; those used by the
    most outlets first. The statement filters apply: terms have no speaker, so a
    speaker filter leaves none."""
    if speaker:
        return []
    outlet_of = {a.id: a.outlet for a in result.articles}
    groups: "OrderedDict[str, list[Quote]]" = OrderedDict()
    for q in result.quotes:
        if q.kind in NOT_SPEECH:
            words = one_line(q.words).rstrip(",.")
            if words:
                groups.setdefault(words.casefold(), []).append(q)
    uses = []
    for qs in groups.values():
        outlets = tuple(OrderedDict.fromkeys(outlet_of[q.article_id] for q in qs))
        if len(outlets) < min_outlets or (outlet and not any(outlet.casefold() in o.casefold() for o in outlets)):
            continue
        kind = TITLE if any(q.kind == TITLE for q in qs) else qs[0].kind
        uses.append(TermUse(one_line(qs[0].words).rstrip(",."), kind, outlets, len(qs)))
    return sorted(uses, key=lambda t: (-len(t.outlets), -t.count))


def render_table(
    result: ScanResult,
    console: Console,
    statements: Optional[list[Statement]] = None,
    terms: Optional[list[TermUse]] = None,
) -> None:
    """One row per distinct wording of each statement (all statements unless given),
    then the terms (all unless given), each once. Fits any width from 60 columns:
    names wrap between words, ids and dates are never cut."""
    from rich.table import Table
    from rich.text import Text

    rows = _table_rows(result, statements)
    w = table_widths(rows, console.width)
    table = Table(show_lines=True, expand=False, title="Statements and the outlets that carried them", title_justify="left")
    table.add_column("#", style="dim", no_wrap=True, min_width=w["id"], max_width=w["id"])
    if not w["narrow"]:
        table.add_column("Speaker", style="bold", min_width=w["speaker"], max_width=w["speaker"], overflow="fold")
    table.add_column("Speaker: wording" if w["narrow"] else "Wording", max_width=w["wording"], overflow="fold")
    table.add_column("Outlets", min_width=w["outlets"], max_width=w["outlets"], overflow="fold")
    for sid, speaker, wording, cell in rows:
        if w["narrow"]:
            head = Text(f"{speaker}:\n", style="bold") if speaker else Text()
            table.add_row(sid, head + wording, cell)
        else:
            table.add_row(sid, Text(speaker), wording, cell)
    if rows:
        console.print(table)
    for line in wire_story_lines(result):
        console.print(Text(line))
    uses = term_uses(result) if terms is None else terms
    if uses:
        heading = "Terms, titles and scare quotes" if any(t.kind == TITLE for t in uses) else "Terms and scare quotes"
        console.print(Text(f"{heading} (no speaker):", style="bold"))
        for t in uses:
            use = Text(f"  “{t.words}”")
            use.append(f" ×{t.count}", style="dim")
            use.append(": " + ", ".join(one_line(o) for o in t.outlets))
            console.print(use)
    for s in result.skipped:
        console.print(Text(f"skipped {clean(printable_path(s.path))}: {clean(s.reason)}", style="yellow"))
    console.print(Text(summary_line(result), style="dim"))


# --------------------------------------------------------------------------- JSON


def quote_dict(q: Quote, article_path: str, outlet: str) -> dict[str, Any]:
    return {
        "id": q.id,
        "article": q.article_id,
        "path": article_path,
        "outlet": outlet,
        "text": q.text,
        "words": q.words,
        "start": q.start,
        "end": q.end,
        "line": q.line,
        "column": q.column,
        "kind": q.kind,
        "direct": q.direct,
        "closed": q.closed,
        "speaker": q.speaker,
        "speaker_mention": q.speaker_mention,
        "cue": q.cue,
        "speaker_span": list(q.speaker_span) if q.speaker_span else None,
        "cue_span": list(q.cue_span) if q.cue_span else None,
        "quoted_spans": [list(s) for s in q.quoted_spans],
        "content_kind": q.content_kind,
        "statement": q.statement,
    }


def _text_or_null(value: Optional[str]) -> str:
    return "null" if value is None else encode_basestring(value)


def _span_json(span: Optional[tuple[int, int]]) -> str:
    return f"[{span[0]:d}, {span[1]:d}]" if span else "null"


def quote_parts(q: Quote) -> tuple[str, str]:
    """The two parts of a quote's JSON (``quote_json``) made of its own small fields: from
    ``"start"`` to ``"speaker": `` and from ``, "speaker_mention"`` to ``"statement": ``. What
    is left (its ids, its article's path and outlet, its text and words, its merged speaker
    and its statement) is written around them; a re-scan reads the parts of unchanged inputs
    back from the cache (the text, most of the bytes, is one C call to write)."""
    spans = ", ".join(f"[{a:d}, {b:d}]" for a, b in q.quoted_spans)
    return (
        f'"start": {q.start:d}, "end": {q.end:d}, "line": {q.line:d}, "column": {q.column:d}, '
        f'"kind": {encode_basestring(q.kind)}, "direct": {"true" if q.direct else "false"}, '
        f'"closed": {"true" if q.closed else "false"}, "speaker": ',
        f', "speaker_mention": {_text_or_null(q.speaker_mention)}, "cue": {_text_or_null(q.cue)}, '
        f'"speaker_span": {_span_json(q.speaker_span)}, "cue_span": {_span_json(q.cue_span)}, '
        f'"quoted_spans": [{spans}], "content_kind": {_text_or_null(q.content_kind)}, "statement": ',
    )


def _where_json(article_path: str, outlet: Optional[str]) -> str:
    return f'"path": {encode_basestring(article_path)}, "outlet": {_text_or_null(outlet)}, '


def quote_json(q: Quote, article_path: str, outlet: Optional[str]) -> str:
    """``json.dumps(quote_dict(q, article_path, outlet), ensure_ascii=False)``, the same text
    written from a fixed template: no dict is built and no key encoded again (the quotes are
    most of a scan's JSON; tests compare the two on many quotes)."""
    own, rest = quote_parts(q)
    return (
        f'{{"id": {encode_basestring(q.id)}, "article": {encode_basestring(q.article_id)}, '
        f'{_where_json(article_path, outlet)}"text": {encode_basestring(q.text)}, "words": {encode_basestring(q.words)}, '
        f'{own}{_text_or_null(q.speaker)}{rest}{_text_or_null(q.statement)}}}'
    )


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": printable_path(a.path),
        "outlet": a.outlet,
        "outlet_rule": a.outlet_rule,
        "credit": a.credit,
        "title": a.title,
        "date": a.date,
        "body": {"start": a.body_start, "end": a.body_end},
        "offsets": a.offsets,
        "format": a.input_format,
        "encoding": a.encoding,
        "url": a.url,
        "author": a.author,
        "record_id": a.record_id,
    }


def statement_dict(s: Statement, firsts: dict[str, First]) -> dict[str, Any]:
    return {
        "id": s.id,
        "speaker": s.speaker,
        "text": s.text,
        "canonical_quote": s.canonical_quote,
        "first": first_dict(firsts, s.id),
        "outlets": list(s.outlets),
        "members": [{"quote": m.quote_id, "outlet": m.outlet, "match": m.match, "score": m.score} for m in s.members],
    }


def _number_json(x: float) -> str:
    # json.dumps writes a finite float as float.__repr__ and an int as int.__repr__.
    if (type(x) is float and math.isfinite(x)) or type(x) is int:
        return repr(x)
    return json.dumps(x)


def statement_json(s: Statement, firsts: dict[str, First]) -> str:
    """``json.dumps(statement_dict(s, firsts), ensure_ascii=False)``, written from a fixed template
    (as ``quote_json``; tests compare the two)."""
    f = firsts.get(s.id)
    first = "null" if f is None else (
        f'{{"outlet": {encode_basestring(f.outlet)}, "date": {encode_basestring(f.date)}, '
        f'"quote": {encode_basestring(f.quote)}}}'
    )
    outlets = ", ".join(map(encode_basestring, s.outlets))
    members = ", ".join(
        f'{{"quote": {encode_basestring(m.quote_id)}, "outlet": {encode_basestring(m.outlet)}, '
        f'"match": {encode_basestring(m.match)}, "score": {_number_json(m.score)}}}'
        for m in s.members
    )
    return (
        f'{{"id": {encode_basestring(s.id)}, "speaker": {_text_or_null(s.speaker)}, "text": {encode_basestring(s.text)}, '
        f'"canonical_quote": {encode_basestring(s.canonical_quote)}, "first": {first}, "outlets": [{outlets}], '
        f'"members": [{members}]}}'
    )


def summary_dict(result: ScanResult) -> dict[str, int]:
    terms = sum(1 for q in result.quotes if q.kind in NOT_SPEECH)
    return {
        "articles": len(result.articles),
        "quotes": len(result.quotes) - terms,
        "terms": terms,
        "speakers": len(result.speakers),
        "statements": len(result.statements),
        "skipped": len(result.skipped),
    }


class Encoded(Iterator[str]):
    """A list's items already written as JSON text (``render_json`` writes them as they are)."""

    def __init__(self, items: Iterator[str]):
        self._items = items

    def __next__(self) -> str:
        return next(self._items)


# Each quote's ``quote_parts``, in the order of the quotes given, from wherever they are kept (a
# re-scan's cache); the function passed makes those of a quote where none are kept.
QuoteParts = Callable[[Sequence[Quote], Callable[[Quote], tuple[str, str]]], Iterator[tuple[str, str]]]


def _quotes_json(result: ScanResult, parts: Optional[QuoteParts] = None) -> Encoded:
    """Each quote's ``quote_json``, its small fields' parts from ``parts`` when given."""
    where = {a.id: _where_json(printable_path(a.path), a.outlet) for a in result.articles}  # once an article
    quotes = result.quotes
    made = parts(quotes, quote_parts) if parts is not None else map(quote_parts, quotes)
    names: dict[Optional[str], str] = {}  # a speaker's JSON, once a name

    def each() -> Iterator[str]:
        for q, (own, rest) in zip(quotes, made, strict=True):
            speaker = names.get(q.speaker)
            if speaker is None:
                speaker = names[q.speaker] = _text_or_null(q.speaker)
            text = q.text
            words = q.words
            said = encode_basestring(text)
            yield (f'{{"id": {encode_basestring(q.id)}, "article": {encode_basestring(q.article_id)}, '
                   f'{where[q.article_id]}"text": {said}, "words": {said if words is text else encode_basestring(words)}, '
                   f'{own}{speaker}{rest}{_text_or_null(q.statement)}}}')

    return Encoded(each())


def json_sections(result: ScanResult, encoded: bool = False, parts: Optional[QuoteParts] = None) -> Iterator[tuple[str, Any]]:
    """The JSON document's members in order; the long lists as generators, so that a writer
    can turn them into text one item at a time (``encoded``: the quotes as JSON text already,
    their parts from ``parts`` when given)."""
    arts = {a.id: a for a in result.articles}
    firsts = first_carriers(result)
    yield "schema_version", JSON_SCHEMA_VERSION
    yield "summary", summary_dict(result)
    yield "articles", (article_dict(a) for a in result.articles)
    if encoded:
        yield "quotes", _quotes_json(result, parts)
        yield "statements", Encoded(statement_json(s, firsts) for s in result.statements)
    else:
        yield "quotes", (quote_dict(q, printable_path(arts[q.article_id].path), arts[q.article_id].outlet) for q in result.quotes)
        yield "statements", (statement_dict(s, firsts) for s in result.statements)
    yield "skipped", ({"path": printable_path(s.path), "reason": s.reason} for s in result.skipped)
    yield "wire_stories", (w.as_dict() for w in wire_stories(result))


def to_dict(result: ScanResult) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in json_sections(result)}


JSON_BATCH = 512  # list items encoded at once by the streaming writer


def render_json(result: ScanResult, out: TextIO, parts: Optional[QuoteParts] = None) -> None:
    """The JSON document: indented on a terminal, for a person to read; compact
    otherwise, for the programs it is piped to. The compact document is written a
    few hundred items at a time, the same bytes as ``json.dumps(to_dict(result))``
    without holding the whole document (its dicts and its text) at once. ``parts``:
    where the quotes' ``quote_parts`` are kept (a scan with the cache), else made here."""
    pretty = bool(getattr(out, "isatty", None) and out.isatty())
    if pretty:
        out.write(json.dumps(to_dict(result), ensure_ascii=False, indent=2))
        out.write("\n")
        return
    # json.dumps, not json.dump: only the one-shot call uses the C encoder.
    out.write("{")
    for n, (key, value) in enumerate(json_sections(result, encoded=True, parts=parts)):
        out.write(f"{', ' if n else ''}{json.dumps(key)}: ")
        if not isinstance(value, Iterator):
            out.write(json.dumps(value, ensure_ascii=False, check_circular=False))
            continue
        out.write("[")
        first = True
        while batch := list(islice(value, JSON_BATCH)):
            if isinstance(value, Encoded):
                text = ", ".join(batch)
            else:
                # check_circular=False: the items are trees built here, and the check costs a dict
                # insertion and deletion per list and dict.
                text = json.dumps(batch, ensure_ascii=False, check_circular=False)[1:-1]  # the items with ", " between them
            out.write(text if first else ", " + text)
            first = False
        out.write("]")
    out.write("}\n")


# --------------------------------------------------------------------------- CSV and Markdown

CSV_COLUMNS = [
    "id", "path", "outlet", "line", "column", "kind", "direct", "speaker",
    "speaker_mention", "cue", "statement", "match", "text",
]


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    s = "" if value is None else str(value)
    if s[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + s
    return s


def _rows(result: ScanResult) -> list[dict[str, Any]]:
    arts = {a.id: a for a in result.articles}
    match = {m.quote_id: m.match for s in result.statements for m in s.members}
    rows = []
    for q in result.quotes:
        a = arts[q.article_id]
        rows.append(
            {
                "id": q.id, "path": printable_path(a.path), "outlet": a.outlet, "line": q.line, "column": q.column,
                "kind": q.kind, "direct": q.direct, "speaker": q.speaker, "speaker_mention": q.speaker_mention,
                "cue": q.cue, "statement": q.statement, "match": match.get(q.id), "text": q.words,
            }
        )
    return rows


def only_statements(result: ScanResult, statements: list[Statement]) -> ScanResult:
    """The result narrowed to the quotes of the given statements."""
    keep = {m.quote_id for s in statements for m in s.members}
    return ScanResult(result.articles, tuple(q for q in result.quotes if q.id in keep), tuple(statements), result.skipped)


def render_csv(result: ScanResult, out: TextIO) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for row in _rows(result):
        w.writerow([safe_cell(row[c]) for c in CSV_COLUMNS])


def _md(value: Any) -> str:
    s = one_line("" if value is None else str(value))
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def render_markdown(result: ScanResult, out: TextIO) -> None:
    buf = io.StringIO()
    buf.write("| Quote | Outlet | Line | Speaker | Kind | Direct | Statement | Match |\n")
    buf.write("|---|---|---:|---|---|---|---|---|\n")
    for r in _rows(result):
        words = f"“{_md(r['text'])}”" if r["direct"] else f"{_md(r['text'])} *(reported)*"
        buf.write(
            f"| {words} | {_md(r['outlet'])} | {r['line']} | {_md(r['speaker']) or '—'} | {r['kind']} "
            f"| {'yes' if r['direct'] else 'no, reported'} | {_md(r['statement']) or '—'} | {_md(r['match']) or '—'} |\n"
        )
    buf.write(f"\n{summary_line(result)}\n")
    out.write(buf.getvalue())


def plain_diff(canonical: str, member: str) -> str:
    return diff_markup(word_diff(canonical, member))


# --------------------------------------------------------------------------- matrix

MATRIX_SYMBOLS: dict[str, str] = {VERBATIM: "=", EXCERPT: "<", ALTERED: "!", PARAPHRASE: "~"}
MATRIX_ABSENT = "·"
# The words for each match kind in the matrix's legend (and in the HTML report's).
MATCH_LEGEND = {VERBATIM: "verbatim", EXCERPT: "partial (excerpt)", ALTERED: "altered wording", PARAPHRASE: "paraphrase (reported speech)"}
MATRIX_LEGEND = "   ".join(f"{MATRIX_SYMBOLS[k]} {words}" for k, words in MATCH_LEGEND.items()) + f"   {MATRIX_ABSENT} absent"


def matrix_rows(result: ScanResult, statements: list[Statement]) -> tuple[list[str], list[tuple[Statement, list[str]]]]:
    """Outlets (in article order) and, per statement, one symbol per outlet."""
    outlets: list[str] = []
    for a in result.articles:
        if a.outlet not in outlets:
            outlets.append(a.outlet)
    rank = MATCH_RANK
    rows = []
    for st in statements:
        best: dict[str, str] = {}
        for m in st.members:
            if m.outlet not in best or rank[m.match] < rank[best[m.outlet]]:
                best[m.outlet] = m.match
        rows.append((st, [MATRIX_SYMBOLS[best[o]] if o in best else MATRIX_ABSENT for o in outlets]))
    return outlets, rows


MATRIX_SPEAKER_MAX = 16
MATRIX_STATEMENT_MAX = 44
MATRIX_STATEMENT_MIN = 16


def matrix_blocks(n_outlets: int, width: int, fixed: int, cell: int, statement_max: int) -> tuple[list[range], int]:
    """Outlet columns split into blocks that fit ``width``, and the Statement column's width.

    ``fixed`` is the width of the #, Speaker and Statement columns' frame (without the
    Statement text), ``cell`` the width one outlet column adds. The Statement column gives
    way first (down to ``MATRIX_STATEMENT_MIN``); then the outlets go into as few blocks
    of about equal size as fit. An outlet column is never dropped or narrowed."""
    if n_outlets == 0:
        return [range(0)], max(MATRIX_STATEMENT_MIN, min(statement_max, width - fixed))
    per = max(1, (width - fixed - min(MATRIX_STATEMENT_MIN, statement_max)) // cell)
    count = -(-n_outlets // per)
    sizes = [n_outlets // count + (i < n_outlets % count) for i in range(count)]
    per = max(sizes)
    starts = [sum(sizes[:i]) for i in range(count)]
    blocks = [range(start, start + size) for start, size in zip(starts, sizes)]
    stmt = min(statement_max, width - fixed - per * cell)
    return blocks, max(min(MATRIX_STATEMENT_MIN, statement_max), stmt)


MATRIX_REPORTED = "(reported) "


def _matrix_texts(result: ScanResult, rows: list[tuple[Statement, list[str]]]) -> list[Text]:
    """Each statement's words; where only reported speech carries it, labelled so."""
    from rich.text import Text

    direct = {q.id: q.direct for q in result.quotes}
    return [
        Text(one_line(st.text)) if direct.get(st.canonical_quote, True)
        else Text.assemble((MATRIX_REPORTED, REPORTED_STYLE), (one_line(st.text), "italic"))
        for st, _ in rows
    ]


def _matrix_layout(result: ScanResult, rows: list[tuple[Statement, list[str]]], outlets: list[str]) -> tuple[int, int, int, int]:
    """Widths of the #, Speaker and (at most) Statement columns and of an outlet column."""
    from rich.cells import cell_len

    w_id = max([1] + [cell_len(st.id) for st, _ in rows])
    speakers = [one_line(st.speaker) or "(unattributed)" for st, _ in rows]
    w_speaker = max(len("Speaker"), min(MATRIX_SPEAKER_MAX, max([0] + [cell_len(s) for s in speakers])))
    texts = [t.plain for t in _matrix_texts(result, rows)]
    w_text = max(len("Statement"), min(MATRIX_STATEMENT_MAX, max([0] + [cell_len(t) for t in texts])))
    return w_id, w_speaker, w_text, len(str(len(outlets)))


def matrix_width(result: ScanResult, statements: Optional[list[Statement]] = None) -> int:
    """The width the matrix needs to show every outlet in one block."""
    from rich.cells import cell_len

    outlets, rows = matrix_rows(result, list(result.statements if statements is None else statements))
    w_id, w_speaker, w_text, w_outlet = _matrix_layout(result, rows, outlets)
    table = w_id + w_speaker + 6 + w_text + len(outlets) * (w_outlet + 3)
    return max(table, cell_len(MATRIX_LEGEND), cell_len(summary_line(result)))


def render_matrix(result: ScanResult, console: Console, statements: Optional[list[Statement]] = None) -> None:
    """Statements × outlets, one symbol per cell. Where the outlets do not fit the
    console's width, they are split into blocks, each with its outlets named under it:
    no outlet column is ever dropped and no statement id is ever cut."""
    from rich.table import Table
    from rich.text import Text

    chosen = {s.id for s in (result.statements if statements is None else statements)}
    sts = [s for s in ordered_statements(result) if s.id in chosen]
    outlets, rows = matrix_rows(result, sts)
    speakers = [one_line(st.speaker) or "(unattributed)" for st, _ in rows]
    texts = _matrix_texts(result, rows)
    w_id, w_speaker, w_text_max, w_outlet = _matrix_layout(result, rows, outlets)
    # Columns are padded by one on each side and split by one rule; the outer edges have neither.
    fixed = w_id + w_speaker + 6
    blocks, w_text = matrix_blocks(len(outlets), console.width, fixed, w_outlet + 3, w_text_max)
    for b, block in enumerate(blocks):
        if len(blocks) == 1:
            title = "Statements × outlets"
        else:
            which = f"{block.start + 1}–{block.stop}" if len(block) > 1 else f"{block.start + 1}"
            title = f"Statements × outlets {which} (of {len(outlets)})"
            if b:
                console.print()
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("#", style="dim", no_wrap=True, min_width=w_id, max_width=w_id)
        table.add_column("Speaker", no_wrap=True, overflow="ellipsis", min_width=w_speaker, max_width=w_speaker)
        table.add_column("Statement", no_wrap=True, overflow="ellipsis", min_width=w_text, max_width=w_text)
        for n in block:
            table.add_column(str(n + 1), justify="center", no_wrap=True, min_width=w_outlet, max_width=w_outlet)
        for (st, cells), spk, text in zip(rows, speakers, texts):
            table.add_row(st.id, Text(spk), text, *[Text(cells[n]) for n in block])
        console.print(table)
        for n in block:
            console.print(Text(f"  {n + 1}: {one_line(outlets[n])}"))
    for line in wire_story_lines(result):
        console.print(Text(line))
    console.print(Text(MATRIX_LEGEND, style="dim"))
    console.print(Text(summary_line(result), style="dim"))


# --------------------------------------------------------------------------- diff


def render_diff(d: "SideDiff", console: Console) -> None:
    from rich.padding import Padding
    from rich.text import Text

    def head(text: str) -> None:
        console.print(Text(text, style="bold underline"))

    def indented(text: Text, by: int = 4) -> None:
        console.print(Padding(text, (0, 0, 0, by), expand=False))

    head(f"Carried by both {one_line(d.name_a)} and {one_line(d.name_b)} ({len(d.shared)})")
    for s in d.shared:
        line = Text(f"{s.statement.id} ", style="dim")
        line.append(one_line(s.statement.speaker) or "(unattributed)", style="bold")
        line.append(f"  [{s.match}]", style=_MATCH_STYLE.get(s.match, ""))
        indented(line, 2)
        if s.match == VERBATIM:
            indented(Text(f"“{one_line(s.quote_a.words)}”"))
        elif s.segments:
            indented(Text(f"A: “{one_line(s.quote_a.words)}”"))
            b = Text("B: “")
            b.append_text(_diff_text(list(s.segments)))
            b.append("”")
            indented(b)
        else:
            indented(Text(f"A: {_shown(s.quote_a)}"))
            indented(Text(f"B: {_shown(s.quote_b)}"))
    for name, only in ((d.name_a, d.only_a), (d.name_b, d.only_b)):
        head(f"Only in {one_line(name)} ({len(only)})")
        for st, q in only:
            line = Text(f"{st.id} ", style="dim")
            line.append(one_line(st.speaker) or "(unattributed)", style="bold")
            line.append(f": {_shown(q)}")
            indented(line, 2)
    if d.disagreements:
        head(f"Speaker disagreements ({len(d.disagreements)})")
        for g in d.disagreements:
            indented(
                Text(
                    f"“{one_line(g.quote_a.words)}”: {one_line(d.name_a)} says {one_line(g.quote_a.speaker)}, "
                    f"{one_line(d.name_b)} says {one_line(g.quote_b.speaker)}"
                ),
                2,
            )
    verdict = "agree" if d.agree else "differ"
    console.print(Text(f"{one_line(d.name_a)} and {one_line(d.name_b)} {verdict}.", style="dim"))


def _shown(q: Quote) -> str:
    return f"“{one_line(q.words)}”" if q.direct else f"{one_line(q.words)} (reported)"


def _qref(q: Quote, result: ScanResult) -> dict[str, Any]:
    art = next(a for a in result.articles if a.id == q.article_id)
    return {"quote": q.id, "path": printable_path(art.path), "outlet": art.outlet, "line": q.line, "column": q.column,
            "text": q.words, "direct": q.direct, "speaker": q.speaker}


def diff_to_dict(d: "SideDiff", result: ScanResult) -> dict[str, Any]:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "a": d.name_a,
        "b": d.name_b,
        "agree": d.agree,
        "shared": [
            {
                "statement": s.statement.id,
                "speaker": s.statement.speaker,
                "match": s.match,
                "a": _qref(s.quote_a, result),
                "b": _qref(s.quote_b, result),
                "diff": diff_markup(list(s.segments)) if s.segments else None,
            }
            for s in d.shared
        ],
        "only_a": [{"statement": st.id, "speaker": st.speaker, **_qref(q, result)} for st, q in d.only_a],
        "only_b": [{"statement": st.id, "speaker": st.speaker, **_qref(q, result)} for st, q in d.only_b],
        "speaker_disagreements": [
            {"match": g.match, "a": _qref(g.quote_a, result), "b": _qref(g.quote_b, result)} for g in d.disagreements
        ],
    }


# --------------------------------------------------------------------------- filters that leave nothing


def _closest(query: str, names: list[str], n: int = 3) -> list[str]:
    """The names most like ``query``: initials (AP), then by similarity of the whole
    name or of any of its words."""
    want = query.casefold().strip()

    def score(name: str) -> float:
        folded = name.casefold()
        initials = "".join(w[0] for w in folded.split() if w != "the")
        best = max([SequenceMatcher(None, want, folded).ratio()]
                   + [SequenceMatcher(None, want, w).ratio() for w in folded.split()])
        return 2.0 if want == initials else best

    ranked = sorted(dict.fromkeys(names), key=lambda name: -score(name))
    return [name for name in ranked if score(name) >= 0.5][:n]


def _suggest(what: str, query: str, names: list[str]) -> str:
    close = _closest(query, names)
    if close:
        return f" (closest: {', '.join(close)})"
    known = list(dict.fromkeys(names))
    if not known:
        return f" (there are no {what})"
    return f" ({what}: {', '.join(known[:5])}{', …' if len(known) > 5 else ''})"


def empty_filter_message(result: ScanResult, speaker: Optional[str], outlet: Optional[str], min_outlets: int) -> str:
    """Why the filters left nothing, naming the outlets or speakers closest to what was asked."""
    asked = " ".join(
        f"{flag} {value}" for flag, value in (("--speaker", speaker), ("--outlet", outlet),
                                              ("--min-outlets", min_outlets if min_outlets > 1 else None)) if value
    )
    hints = []
    if speaker and not select(result.statements, speaker=speaker):
        speakers = [s.speaker for s in result.statements if s.speaker]
        hints.append(f"no speaker's name contains '{speaker}'" + _suggest("speakers", speaker, speakers))
    if outlet and not select(result.statements, outlet=outlet):
        outlets = [o for s in result.statements for o in s.outlets]
        hints.append(f"no outlet's name contains '{outlet}'" + _suggest("outlets", outlet, outlets))
    if min_outlets > 1 and not select(result.statements, min_outlets=min_outlets):
        most = max([len(s.outlets) for s in result.statements] + [0])
        hints.append(f"no statement is carried by {min_outlets} outlets (the most any carries is {most})")
    if not hints:
        hints.append("each filter matches something on its own, but not together")
    return f"nothing matches {asked}: " + "; ".join(hints)


# --------------------------------------------------------------------------- matrix for machines and documents

_MATCH_WORD = {"=": VERBATIM, "<": EXCERPT, "!": ALTERED, "~": PARAPHRASE, MATRIX_ABSENT: ""}


def _changed_wordings(result: ScanResult, statement: Statement) -> list[tuple[list[str], str]]:
    """(outlets, word diff against the canonical wording) for each altered or partial wording."""
    quotes = {q.id: q for q in result.quotes}
    return [(outlets, plain_segments(segs)) for match, _, outlets, segs in wordings(statement, quotes) if match in (ALTERED, EXCERPT)]


def plain_segments(segs: list[Segment]) -> str:
    return _diff_text(segs).plain


def _statement_words(result: ScanResult, st: Statement) -> tuple[bool, str]:
    direct = {q.id: q.direct for q in result.quotes}
    return direct.get(st.canonical_quote, True), one_line(st.text)


def render_matrix_markdown(result: ScanResult, out: TextIO, statements: list[Statement]) -> None:
    """The statements × outlets matrix as a Markdown table, with the changed words of
    each altered or partial wording listed under it."""
    outlets, rows = matrix_rows(result, statements)
    buf = io.StringIO()
    buf.write("| # | Speaker | Statement | " + " | ".join(_md(o) for o in outlets) + " |\n")
    buf.write("|---|---|---|" + "---|" * len(outlets) + "\n")
    for st, marks in rows:
        direct, words = _statement_words(result, st)
        shown = f"“{_md(words)}”" if direct else f"{_md(words)} *(reported)*"
        cells = " | ".join("`" + m + "`" if m != MATRIX_ABSENT else m for m in marks)
        buf.write(f"| {st.id} | {_md(st.speaker) or '—'} | {shown} | {cells} |\n")
    buf.write(f"\n{_md(MATRIX_LEGEND)}\n")
    changed = [(st, c) for st, _ in rows for c in _changed_wordings(result, st)]
    if changed:
        buf.write("\nChanged wordings:\n\n")
        for st, (outs, diff) in changed:
            buf.write(f"- {st.id}, {_md(', '.join(outs))}: {_md(diff)}\n")
    buf.write(f"\n{summary_line(result)}\n")
    out.write(buf.getvalue())


def render_matrix_csv(result: ScanResult, out: TextIO, statements: list[Statement]) -> None:
    """One row per statement: its id, speaker, whether a direct quote carries it, its
    words, the match kind per outlet (empty where absent), and the altered or partial
    wordings as word diffs (``outlets: diff``, separated by `` | ``)."""
    outlets, rows = matrix_rows(result, statements)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["statement", "speaker", "direct", "text", *outlets, "changed_wordings"])
    for st, marks in rows:
        direct, words = _statement_words(result, st)
        changed = " | ".join(f"{', '.join(outs)}: {diff}" for outs, diff in _changed_wordings(result, st))
        w.writerow([safe_cell(v) for v in (st.id, st.speaker, direct, words, *(_MATCH_WORD[m] for m in marks), changed)])
