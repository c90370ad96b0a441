"""The HTML report: one self-contained page that an editor opens in a browser.

``render_report(result, out, inputs=...)`` writes a single HTML file with
everything inside it (styles, a few lines of script, no fonts, images or
links to the network; a Content-Security-Policy forbids the browser to fetch
anything), so it opens from a folder or an e-mail attachment:

* the statements × outlets matrix, each cell coloured by match kind, with a
  legend; it scrolls sideways under sticky headers when the outlets are many;
* per statement: the speaker, each distinct wording with the words that
  differ from the canonical wording marked (``<del>``/``<ins>``, from
  ``align.word_diff`` through ``render.wordings``), and for each carrier the
  sentence around the quote, whether it was quoted or reported, and the file
  and line it came from;
* per outlet: statements carried, by match kind, and carried first; per
  speaker: statements and outlets;
* filters by speaker, outlet and match kind and a search box (plain inline
  JavaScript), and a layout that reads on a phone.

The match kinds have the words, symbols and colours of the terminal's table
and matrix (``render.MATCH_LEGEND``, ``MATRIX_SYMBOLS``, ``MATCH_STYLE``).

Article text is untrusted: every piece of it goes through ``html.escape``
(text and attribute values alike) after control characters are removed, so a
quote holding ``<script>`` is shown as text and never run.

A page for thousands of statements would be too heavy to open quickly, so at
most ``limit`` statements get a matrix row and a card (those carried by the
most outlets first, as in the terminal); the page says how many were left out.
The summaries count every statement chosen.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional, Sequence, TextIO

from rich.style import Style

from .align import Segment
from .lexicon import SPEECH_VERBS, dot_ends_no_sentence
from .models import ALTERED, EXCERPT, PARAPHRASE, VERBATIM, Article, Quote, ScanResult, Statement
from .provenance import First, first_carriers, wire_story_lines
from .render import (
    MATCH_LEGEND,
    MATCH_STYLE,
    MATRIX_ABSENT,
    MATRIX_SYMBOLS,
    REPORTED_STYLE,
    clean,
    matrix_rows,
    one_line,
    ordered_statements,
    printable_path,
    summary_line,
    wordings,
)
from .version import __version__

DEFAULT_LIMIT = 500  # statements with a matrix row and a card; see the module's docstring
CONTEXT_CHARS = 240  # the most text shown on either side of a quote
MATRIX_TEXT_CHARS = 90  # a statement's words in the matrix are cut to this (the card has them all)
MORE_LISTED = 3  # an outlet's further articles carrying a wording: this many named by file and line
WORDINGS_SHOWN = 12  # a card shows at most this many wordings, the rest counted

REPORTED = "reported"  # a statement that only reported speech carries: nobody quoted it
ABSENT = "absent"


@dataclass(frozen=True)
class CellKind:
    """What a matrix cell can show: its word (also its CSS class and filter value), symbol,
    legend words, and colour (CSS, from the terminal's rich style)."""

    word: str
    symbol: str
    legend: str
    colour: str
    bold: bool = False


def _colour(style: str, fallback: str) -> tuple[str, bool]:
    """A rich style's colour as CSS (the standard terminal palette rich renders with), and its boldness."""
    parsed = Style.parse(style)
    if parsed.color is None:
        return fallback, bool(parsed.bold)
    t = parsed.color.get_truecolor()
    return f"#{t.red:02x}{t.green:02x}{t.blue:02x}", bool(parsed.bold)


def _kind(word: str, symbol: str, legend: str, style: str, fallback: str = "#666666") -> CellKind:
    colour, bold = _colour(style, fallback)
    return CellKind(word, symbol, legend, colour, bold)


KINDS: tuple[CellKind, ...] = (
    *(_kind(k, MATRIX_SYMBOLS[k], MATCH_LEGEND[k], MATCH_STYLE[k]) for k in (VERBATIM, EXCERPT, ALTERED, PARAPHRASE)),
    # The terminal shows such a statement's cells as paraphrase, its words labelled "(reported)".
    _kind(REPORTED, MATRIX_SYMBOLS[PARAPHRASE], "reported (no outlet quoted it)", REPORTED_STYLE),
    _kind(ABSENT, MATRIX_ABSENT, ABSENT, "", "#9a9a9a"),
)
KIND_BY_WORD = {k.word: k for k in KINDS}
_KIND_OF_SYMBOL = {v: k for k, v in MATRIX_SYMBOLS.items()}


def _tint(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` of the colour."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def esc(text: Optional[str]) -> str:
    """Untrusted text as HTML text or attribute value: control characters and bidi overrides
    removed (render.clean), then ``& < > " '`` escaped."""
    return html.escape(clean(text), quote=True)


def _one(text: Optional[str]) -> str:
    return html.escape(one_line(text), quote=True)


# --------------------------------------------------------------------------- what the page holds


@dataclass(frozen=True)
class Source:
    """One carrier of a wording: its quote and article."""

    quote: Quote
    article: Article


@dataclass(frozen=True)
class Wording:
    match: str
    words: str
    outlets: tuple[str, ...]
    segments: tuple[Segment, ...]
    sources: tuple[Source, ...]


def statement_wordings(st: Statement, quotes: dict[str, Quote], articles: dict[str, Article]) -> list[Wording]:
    """The distinct wordings of a statement (``render.wordings``), each with the quotes that carry it."""
    canonical = quotes[st.canonical_quote].words
    out = []
    for match, words, outlets, segs in wordings(st, quotes):
        sources = tuple(
            Source(quotes[m.quote_id], articles[quotes[m.quote_id].article_id])
            for m in st.members
            if m.match == match and m.outlet in outlets and (words == canonical if match == VERBATIM else quotes[m.quote_id].words == words)
        )
        out.append(Wording(match, words, tuple(outlets), tuple(segs), sources))
    return out


def cell_kinds(result: ScanResult, statements: Sequence[Statement]) -> tuple[list[str], list[list[str]]]:
    """Outlets (in article order, as the terminal's matrix) and, per statement, the kind of each
    outlet's cell: the outlet's closest match (``render.matrix_rows``), ``reported`` where only
    reported speech carries the statement, ``absent`` where the outlet did not carry it."""
    direct = {q.id: q.direct for q in result.quotes}
    outlets, rows = matrix_rows(result, list(statements))
    kinds = []
    for st, symbols in rows:
        only_reported = not direct.get(st.canonical_quote, True)
        kinds.append([ABSENT if s == MATRIX_ABSENT else (REPORTED if only_reported else _KIND_OF_SYMBOL[s]) for s in symbols])
    return outlets, kinds


_SENTENCE_END = re.compile(r"([^\W\d_]+)?([.!?…])[\"”’»)\]]*(?=\s+(\S)|\s*$)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_FOLD = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end in ``text``: a full stop, question or exclamation
    mark (with any closing marks after it) before a space and a word that is not in lower
    case; the dot of an abbreviation (lexicon.ABBREVIATIONS) or of an initial is none."""
    ends = []
    for m in _SENTENCE_END.finditer(text):
        word = m.group(1) or ""
        if m.group(2) == "." and dot_ends_no_sentence(word):
            continue
        if m.group(3) and m.group(3).islower():
            continue
        ends.append(m.end())
    return ends


def context(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The rest of the sentence around ``text[start:end]``: the words before it from the
    sentence's start, and after it up to the sentence's end, within the paragraph and at most
    ``limit`` characters each side (cut ones start or end with "…"). Whitespace is folded."""
    before = text[max(0, start - limit) : start]
    para = max((m.end() for m in _PARAGRAPH.finditer(before)), default=-1)
    if para >= 0:
        before = before[para:]
    ends = _sentence_ends(before)
    if ends:
        before = before[ends[-1] :]
    elif para < 0 and start > limit:
        before = "…" + before
    after = text[end : end + limit]
    para_at = _PARAGRAPH.search(after)
    if para_at:
        after = after[: para_at.start()]
    # The quote's own last character may end the sentence (“We will.” Then ...), unless the
    # next sentence is its attribution (“We will.” Ann Roe said.).
    ends = [e - 1 for e in _sentence_ends(text[end - 1 : end] + after) if e > 1] if end else _sentence_ends(after)
    if len(ends) > 1 and text[end - 1 : end] in ".!?…" and _WORD.search(after[: ends[0] + 1]) is None:
        if any(w in SPEECH_VERBS for w in _WORD.findall(after[ends[0] : ends[1]])):
            ends = ends[1:]
    if ends:
        after = after[: ends[0]]
    elif not para_at and end + limit < len(text):
        after += "…"
    return _FOLD.sub(" ", clean(before)).lstrip(), _FOLD.sub(" ", clean(after)).rstrip()


# --------------------------------------------------------------------------- HTML pieces


def diff_html(segs: Sequence[Segment]) -> str:
    """A wording with the canonical words it drops or replaces in ``<del>`` and its own in ``<ins>``."""
    parts = []
    for s in segs:
        if s.op == "equal":
            parts.append(_one(s.new))
            continue
        if s.old:
            parts.append(f'<del>{_one(s.old)}</del>')
        if s.new:
            parts.append(f'<ins>{_one(s.new)}</ins>')
    return " ".join(p for p in parts if p)


def _where(q: Quote, art: Article) -> str:
    place = f"{esc(printable_path(art.path))}:{q.line}"
    if art.offsets == "extracted":
        place += " (line of the text read from the page)"
    elif art.offsets == "record":
        place += f" (line of record {esc(art.record_id)})" if art.record_id else " (line of the record's text)"
    return place


def brief(words: str, keep: int = 5) -> str:
    """``words`` folded to one line; when longer than ``3 * keep`` words, the first and last
    ``keep`` with "…" between (the card shows the whole wording above its sources)."""
    ws = one_line(words).split(" ")
    return " ".join(ws) if len(ws) <= 3 * keep else " ".join(ws[:keep]) + " … " + " ".join(ws[-keep:])


def _source_html(src: Source) -> str:
    """One carrier: outlet, date, quoted or reported, file and line, and the sentence around the quote."""
    q, art = src.quote, src.article
    before, after = context(art.text, q.start, q.end)
    how = "quoted" if q.direct else '<em class="rep">reported</em>'
    date = f" {esc(art.date)}" if art.date else ""
    return (
        f"<li><b>{_one(art.outlet)}</b>{date}, {how}, <code>{_where(q, art)}</code>"
        f'<div class="ctx">{esc(before)}<mark>{html.escape(brief(q.text))}</mark>{esc(after)}</div></li>'
    )


def _more_html(outlet: str, more: Sequence[Source]) -> str:
    """The other articles of one outlet that carry a wording: counted, the first few by file and line."""
    listed = ", ".join(f"<code>{_where(x.quote, x.article)}</code>" for x in more[:MORE_LISTED])
    rest = f" and {len(more) - MORE_LISTED} more" if len(more) > MORE_LISTED else ""
    n = len(more)
    return f'<li class="more">{n} more article{"s" * (n != 1)} of {_one(outlet)}: {listed}{rest}</li>'


def _wording_html(w: Wording, only_reported: bool = False) -> str:
    """A wording, its changed words marked, then its carriers: each outlet's first article in
    full, its other articles (a wire story many outlets reprint) counted and listed briefly.
    Where only reported speech carries the statement, its wordings are tagged as the matrix
    shows them: ``reported``."""
    kind = KIND_BY_WORD[REPORTED if only_reported else w.match]
    if w.segments:
        words = f"“{diff_html(w.segments)}”"
    elif all(not s.quote.direct for s in w.sources):
        words = f'<i>{_one(w.words)}</i> <em class="rep">(reported)</em>'
    else:
        words = f"“{_one(w.words)}”"
    by_outlet: dict[str, list[Source]] = {}
    for src in w.sources:
        by_outlet.setdefault(src.article.outlet, []).append(src)
    items = []
    for outlet, srcs in by_outlet.items():
        items.append(_source_html(srcs[0]))
        if len(srcs) > 1:
            items.append(_more_html(outlet, srcs[1:]))
    return (
        f'<li class="w k-{kind.word}"><span class="tag">{esc(kind.symbol)} {esc(kind.word)}</span> {words}'
        f'<ul class="src">{"".join(items)}</ul></li>'
    )


def _card_html(st: Statement, ws: list[Wording], first: Optional[str], only_reported: bool) -> str:
    speaker = _one(st.speaker) or "(unattributed)"
    n = len(st.outlets)
    meta = f"{n} outlet{'s' * (n != 1)}"
    if len(st.members) > n:
        meta += f", {len(st.members)} articles"
    if only_reported:
        meta += " · reported speech only"
    if first:
        meta += f" · first: {first}"
    shown = "".join(_wording_html(w, only_reported) for w in ws[:WORDINGS_SHOWN])
    if len(ws) > WORDINGS_SHOWN:
        left = ws[WORDINGS_SHOWN:]
        outlets = list(dict.fromkeys(o for w in left for o in w.outlets))
        shown += (
            f'<li class="more">{len(left)} more wordings, by {", ".join(_one(o) for o in outlets)} '
            f"(quotetrack scan --format json lists them all)</li>"
        )
    return (
        f'<article class="card" id="st-{esc(st.id)}"><h3><a class="sid" href="#m-{esc(st.id)}" title="back to the matrix">'
        f'{esc(st.id)}</a> <span class="spk">{speaker}</span> <span class="meta">{meta}</span></h3>'
        f'<ol class="wordings">{shown}</ol></article>'
    )


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _row_html(st: Statement, kinds: list[str], only_reported: bool) -> str:
    """A matrix row: id (a link to the card), speaker, words, and a cell per outlet whose class
    is its kind (none when absent: the page's script reads it as ``absent``)."""
    speaker = one_line(st.speaker) or "(unattributed)"
    words = _one(_cut(one_line(st.text), MATRIX_TEXT_CHARS))
    if only_reported:
        words = f'<em class="rep">(reported)</em> <i>{words}</i>'
    cells = "".join(f"<td>{MATRIX_ABSENT}</td>" if k == ABSENT else f'<td class="{k}">{esc(KIND_BY_WORD[k].symbol)}</td>' for k in kinds)
    sid = esc(st.id)
    return (
        f'<tr id="m-{sid}" data-sp="{html.escape(speaker, quote=True)}"><th><a href="#st-{sid}">{sid}</a></th>'
        f'<td class="spk">{html.escape(speaker)}</td><td class="txt">{words}</td>{cells}</tr>'
    )


def _legend_html() -> str:
    items = "".join(
        f'<li data-kind="{k.word}"><span class="c {k.word}">{esc(k.symbol)}</span> {esc(k.legend)}</li>' for k in KINDS
    )
    return f'<ul class="legend" id="legend" aria-label="Match kinds">{items}</ul>'


def _css() -> str:
    kinds = "\n".join(
        f".c.{k.word},#matrix tbody td.{k.word}{{background:{_tint(k.colour, 0.22)};color:{k.colour}{';font-weight:700' if k.bold else ''}}}"
        f" .k-{k.word} .tag{{background:{_tint(k.colour, 0.22)};color:{k.colour}}}"
        for k in KINDS
    )
    return _CSS + kinds


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fafafa}
main{max-width:1200px;margin:0 auto;padding:12px 16px 48px}
h1{font-size:1.4rem;margin:.4em 0}h2{font-size:1.15rem;margin:1.6em 0 .5em;border-bottom:1px solid #ddd}
h3{font-size:1rem;margin:0 0 .4em}
.about{color:#555;font-size:.9rem}.about code{word-break:break-all}
.legend{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9rem}
.legend .c{display:inline-block;width:1.6em;text-align:center;border-radius:3px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:.6em 0;position:sticky;top:0;background:#fafafa;padding:6px 0;z-index:3}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#555}
.filters select,.filters input{font:inherit;padding:4px 6px;max-width:14em}
#shown{font-size:.85rem;color:#555}
.scroll{overflow:auto;-webkit-overflow-scrolling:touch;border:1px solid #ddd;background:#fff}
#matrix-wrap{max-height:75vh}
table{border-collapse:separate;border-spacing:0}
#matrix th,#matrix td{border-bottom:1px solid #eee;padding:2px 6px;white-space:nowrap}
#matrix thead th{position:sticky;top:0;background:#fff;z-index:2;vertical-align:bottom;border-bottom:1px solid #bbb}
#matrix thead th.o{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:500;max-height:12em;overflow:hidden;text-overflow:ellipsis;padding:6px 2px}
#matrix tbody th{position:sticky;left:0;background:#fff;z-index:1;font-weight:400}
#matrix thead th:first-child{left:0;z-index:4}
#matrix td.txt{max-width:32em;overflow:hidden;text-overflow:ellipsis}
#matrix td.spk{max-width:12em;overflow:hidden;text-overflow:ellipsis}
#matrix tbody td:nth-child(n+4){text-align:center;min-width:1.8em;font-family:ui-monospace,Menlo,Consolas,monospace;color:#9a9a9a}
.card,#matrix tr{scroll-margin-top:5em}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 12px;margin:10px 0;content-visibility:auto;contain-intrinsic-size:auto 220px}
.card .meta{color:#666;font-weight:400;font-size:.85rem}.sid{color:#666;text-decoration:none;font-family:ui-monospace,monospace}
.wordings{list-style:none;padding:0;margin:0}.w{margin:.5em 0;padding-top:.3em;border-top:1px dashed #eee;font-size:1.02rem}
.w:first-child{border-top:0}
.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:.85rem}
del,.del{background:#fbe3e3;color:#8a1c1c;text-decoration:line-through}ins,.ins{background:#dff3df;color:#135c13;text-decoration:none;font-weight:600}
.src{margin:.2em 0 0;padding-left:1.1em;font-size:.88rem;color:#333}.src li{margin:.35em 0}
.src code{font-size:.82rem;color:#555;word-break:break-all}.more{color:#555;list-style:circle}
.ctx{color:#444;margin-top:.15em}.ctx mark{background:#fff3b0}
.rep{color:#666;font-style:normal;font-size:.85rem;border:1px dashed #aaa;border-radius:3px;padding:0 3px}
.summary td,.summary th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
.lazy{content-visibility:auto;contain-intrinsic-size:auto 600px}
.note{color:#7a4b00}
[hidden]{display:none!important}
@media (max-width:700px){
 main{padding:8px 8px 40px}body{font-size:14px}h1{font-size:1.15rem}
 .legend{font-size:.8rem;gap:2px 10px}
 .filters{position:static}.filters select,.filters input{max-width:44vw}
 #matrix{font-size:.85rem}#matrix .spk{display:none}#matrix td.txt{max-width:10em}
 #matrix thead th.o{max-height:8em}
 .src{padding-left:.6em}
}
"""

_SCRIPT = """
(function () {
  var rows = [].slice.call(document.querySelectorAll("#matrix tbody tr")), kinds = rows.map(function (row) {
    return [].slice.call(row.cells, 3).map(function (c) { return c.className || "absent"; });
  });
  var speaker = document.getElementById("f-speaker"), outlet = document.getElementById("f-outlet");
  var kind = document.getElementById("f-kind"), search = document.getElementById("f-search");
  var shown = document.getElementById("shown"), texts = {};
  function card(row) { return document.getElementById("st-" + row.id.slice(2)); }
  function text(row) {
    var id = row.id;
    if (!(id in texts)) texts[id] = (row.textContent + " " + card(row).textContent).toLowerCase();
    return texts[id];
  }
  function apply() {
    var sp = speaker.value, o = outlet.value, k = kind.value, q = search.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (row, i) {
      var picked = o === "" ? kinds[i] : [kinds[i][+o]];
      var ok = (sp === "" || row.dataset.sp === sp)
        && picked.some(function (c) { return k === "" ? c !== "absent" : c === k; })
        && (q === "" || text(row).indexOf(q) >= 0);
      row.hidden = card(row).hidden = !ok;
      n += ok ? 1 : 0;
    });
    shown.textContent = n + " of " + rows.length + " statements shown";
  }
  [speaker, outlet, kind].forEach(function (el) { el.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
"""


def _options(values: Sequence[tuple[str, str]], everyone: str) -> str:
    return f'<option value="">{everyone}</option>' + "".join(
        f'<option value="{html.escape(v, quote=True)}">{html.escape(label)}</option>' for v, label in values
    )


def _summary_tables(
    result: ScanResult, statements: Sequence[Statement], outlets: list[str], kinds: list[list[str]], firsts: dict[str, First]
) -> str:
    articles = Counter(a.outlet for a in result.articles)
    per: dict[str, Counter] = defaultdict(Counter)
    for st, row in zip(statements, kinds):
        for outlet, k in zip(outlets, row):
            if k != ABSENT:
                per[outlet]["carried"] += 1
                per[outlet][k] += 1
        f = firsts.get(st.id)
        if f and f.shared:
            per[f.outlet]["first"] += 1
    cols = ["carried", VERBATIM, EXCERPT, ALTERED, PARAPHRASE, REPORTED, "first"]
    heads = ["statements carried", *(KIND_BY_WORD[k].word for k in cols[1:-1]), "carried first"]
    head = "".join(f'<th scope="col">{h}</th>' for h in ["Outlet", "articles", *heads])
    body = "".join(
        f"<tr><th scope=\"row\">{_one(o)}</th><td class=\"n\">{articles[o]}</td>"
        + "".join(f'<td class="n">{per[o][c]}</td>' for c in cols)
        + "</tr>"
        for o in outlets
    )
    out = [
        '<h2 id="outlets">Outlets</h2><p class="about">Statements each outlet carried, by its closest match to the '
        "canonical wording; <em>carried first</em>: statements carried by several outlets that this one carried "
        "before the others (where every carrier's date is known).</p>",
        f'<div class="scroll"><table class="summary" id="outlet-summary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>',
    ]
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        by_speaker[one_line(st.speaker) or "(unattributed)"].append(st)
    ranked = sorted(by_speaker.items(), key=lambda p: (-len(p[1]), p[0].casefold()))
    rows = []
    for name, sts in ranked:
        carried = list(dict.fromkeys(o for st in sts for o in st.outlets))
        rows.append(
            f'<tr><th scope="row">{html.escape(name)}</th><td class="n">{len(sts)}</td><td class="n">{len(carried)}</td>'
            f"<td>{', '.join(_one(o) for o in carried)}</td></tr>"
        )
    out.append('<h2 id="speakers">Speakers</h2>')
    out.append(
        '<div class="scroll lazy"><table class="summary" id="speaker-summary"><thead><tr><th scope="col">Speaker</th>'
        '<th scope="col">statements</th><th scope="col">outlets</th><th scope="col">carried by</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return "".join(out)


def report_html(
    result: ScanResult,
    inputs: Sequence[str] = (),
    statements: Optional[Sequence[Statement]] = None,
    limit: int = DEFAULT_LIMIT,
) -> str:
    """The whole page, for ``statements`` of ``result`` (all unless given); ``inputs`` are the
    paths the user named, stated on the page with quotetrack's version."""
    chosen_ids = {s.id for s in (result.statements if statements is None else statements)}
    chosen = [s for s in ordered_statements(result) if s.id in chosen_ids]
    shown = chosen[: max(0, limit)]
    quotes = {q.id: q for q in result.quotes}
    articles = {a.id: a for a in result.articles}
    firsts = first_carriers(result)
    outlets, all_kinds = cell_kinds(result, chosen)
    kinds = all_kinds[: len(shown)]
    only_reported = {s.id: not quotes[s.canonical_quote].direct for s in chosen}

    head_cells = "".join(f'<th scope="col" class="o" title="{_one(o)}">{_one(o)}</th>' for o in outlets)
    rows = "".join(_row_html(st, k, only_reported[st.id]) for st, k in zip(shown, kinds))
    cards = []
    for st in shown:
        f = firsts.get(st.id)
        first = f"{_one(f.outlet)}, {esc(f.date)}" if f and f.shared else None
        cards.append(_card_html(st, statement_wordings(st, quotes, articles), first, only_reported[st.id]))

    speakers = sorted({one_line(s.speaker) or "(unattributed)" for s in shown}, key=str.casefold)
    filters = (
        '<div class="filters" role="search">'
        f'<label>Speaker<select id="f-speaker">{_options([(s, s) for s in speakers], "all speakers")}</select></label>'
        f'<label>Outlet<select id="f-outlet">{_options([(str(i), one_line(o)) for i, o in enumerate(outlets)], "all outlets")}</select></label>'
        f'<label>Match<select id="f-kind">{_options([(k.word, k.word) for k in KINDS if k.word != ABSENT], "any match")}</select></label>'
        '<label>Search<input id="f-search" type="search" placeholder="words, names, files"></label>'
        '<span id="shown" aria-live="polite"></span></div>'
    )
    left_out = len(chosen) - len(shown)
    cap_note = (
        f'<p class="note" id="cap-note">Showing the first {len(shown)} of {len(chosen)} statements (those carried by the most '
        f"outlets first); {left_out} more are counted in the summaries below but not shown. Narrow the report with "
        "--speaker, --outlet or --min-outlets, or show more with --limit.</p>"
        if left_out
        else ""
    )
    named = ", ".join(f"<code>{esc(printable_path(p))}</code>" for p in inputs) or "(none named)"
    article_rows = "".join(
        f"<li><code>{esc(printable_path(a.path))}</code> {_one(a.outlet)}"
        f"{' · ' + esc(a.date) if a.date else ''}{' · ' + _one(a.title) if a.title else ''}</li>"
        for a in result.articles
    )
    skipped = "".join(f"<li><code>{esc(printable_path(s.path))}</code>: {_one(s.reason)}</li>" for s in result.skipped)
    wires = "".join(f"<li>{_one(line)}</li>" for line in wire_story_lines(result))
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="quotetrack {esc(__version__)}">',
        f"<title>quotetrack report: {len(chosen)} statements, {len(result.articles)} articles</title>",
        f"<style>{_css()}</style></head><body><main>",
        "<h1>Statements and the outlets that carried them</h1>",
        f'<p class="about" id="about">Made by quotetrack {esc(__version__)} from {named}: {esc(summary_line(result))}.</p>',
        f'<details class="about"><summary>{len(result.articles)} articles read</summary><ul>{article_rows}</ul></details>',
        f'<div class="note"><p>Skipped files:</p><ul id="skipped">{skipped}</ul></div>' if skipped else "",
        f'<ul class="about" id="wire">{wires}</ul>' if wires else "",
        _legend_html(),
        filters,
        cap_note,
        '<h2 id="matrix-head">Statements × outlets</h2>',
        '<div class="scroll" id="matrix-wrap"><table id="matrix"><thead><tr><th scope="col">#</th><th scope="col" class="spk">Speaker</th>'
        f'<th scope="col">Statement</th>{head_cells}</tr></thead><tbody>{rows}</tbody></table></div>',
        '<h2 id="wordings">Wordings</h2><p class="about">Each statement\'s wordings: words an outlet left out or '
        "replaced are <span class=del>struck through</span>, its own words are <span class=ins>marked</span>; under each, where every outlet "
        "printed it, with the sentence around it.</p>",
        f'<div id="cards">{"".join(cards)}</div>',
        _summary_tables(result, chosen, outlets, all_kinds, firsts),
        f"</main><script>{script}</script></body></html>\n",
    ]
    return "".join(parts)


def render_report(
    result: ScanResult,
    out: TextIO,
    inputs: Sequence[str] = (),
    statements: Optional[Sequence[Statement]] = None,
    limit: int = DEFAULT_LIMIT,
) -> None:
    """Write the page (``report_html``) to ``out``."""
    out.write(report_html(result, inputs, statements, limit))
