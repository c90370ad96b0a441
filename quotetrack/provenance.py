"""Where articles and wordings came from: inputs, outlet rules, wire stories, first carriers.

* ``first_carriers``: for each statement, the outlet that carried it first,
  where every carrier's date is known and one outlet's is the earliest.
* ``wire_stories``: outlets that carried the same wire story: articles with
  the same wire credit (The Associated Press, Reuters, Agence France-Presse)
  that share a statement.
* ``input_report`` and ``explain_outlet_lines``: what ``--verbose`` and
  ``--explain-outlets`` print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .models import NOT_SPEECH, Article, ScanResult
from .outlets import is_wire
from .printable import one_line, printable_path
from .readers import is_iso_date
from .unionfind import UnionFind

_clean = one_line  # one line of text safe to print (article metadata is untrusted)


def _path(path: str) -> str:
    return one_line(printable_path(path))


# --------------------------------------------------------------------------- first carriers


@dataclass(frozen=True)
class First:
    """The outlet that carried a statement first, on which date, with which quote."""

    outlet: str
    date: str
    quote: str
    shared: bool = False  # whether other outlets carried the statement too

    def as_dict(self) -> dict[str, str]:
        return {"outlet": self.outlet, "date": self.date, "quote": self.quote}


def first_carriers(result: ScanResult) -> dict[str, First]:
    """Statement id -> its first carrier.

    A statement has one only when the article of every member has a
    ``YYYY-MM-DD`` date and a single outlet holds the earliest: an undated
    carrier could have been first, and two outlets on the same day cannot
    be told apart.
    """
    # Each quote's article's date where it is a YYYY-MM-DD date, else None: asked once an article.
    date_of = {a.id: a.date for a in result.articles if is_iso_date(a.date)}
    quote_date = {q.id: date_of.get(q.article_id) for q in result.quotes}
    out: dict[str, First] = {}
    for st in result.statements:
        members = st.members
        dates = [quote_date[m.quote_id] for m in members]
        if not dates or None in dates:
            continue
        earliest = min(dates)  # type: ignore[type-var]
        firsts = [m for m, d in zip(members, dates) if d == earliest]
        outlet = firsts[0].outlet
        if all(m.outlet == outlet for m in firsts):
            # shared: other outlets carried it too (``len(st.outlets) > 1``)
            out[st.id] = First(outlet, earliest, firsts[0].quote_id, any(m.outlet != outlet for m in members))  # type: ignore[arg-type]
    return out


def first_dict(firsts: dict[str, First], statement_id: str) -> Optional[dict[str, str]]:
    f = firsts.get(statement_id)
    return f.as_dict() if f else None


def first_label(firsts: dict[str, First], statement_id: str, outlet: str) -> str:
    """A line '  first, 2024-03-12' to go under the outlet that carried a statement
    first, where other outlets carried it too; else ''."""
    f = firsts.get(statement_id)
    return f"\n  first, {f.date}" if f and f.shared and f.outlet == outlet else ""


# --------------------------------------------------------------------------- wire stories


@dataclass(frozen=True)
class WireStory:
    credit: str
    outlets: tuple[str, ...]
    articles: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"credit": self.credit, "outlets": list(self.outlets), "articles": list(self.articles)}

    @property
    def line(self) -> str:
        names = [_clean(o) for o in self.outlets]
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        return f"Outlets {listed} carried the same wire story ({_clean(self.credit)})"


def wire_stories(result: ScanResult) -> list[WireStory]:
    """Groups of two or more outlets whose articles carry the same wire credit and
    share a quoted statement, in article order."""
    by_id = {a.id: a for a in result.articles}
    # Articles are numbered in _order, so each set's root (its smallest number) is its
    # first article in that order.
    wired = sorted({a.id for a in result.articles if is_wire(a.credit)}, key=_order)
    number = {a: i for i, a in enumerate(wired)}
    sets = UnionFind(len(wired))
    quote_article = {q.id: q.article_id for q in result.quotes if q.direct and q.kind not in NOT_SPEECH}
    for st in result.statements:
        arts = [quote_article[m.quote_id] for m in st.members if m.quote_id in quote_article]
        by_credit: dict[str, list[str]] = {}
        for a in dict.fromkeys(arts):
            if a in number:
                by_credit.setdefault(by_id[a].credit or "", []).append(a)
        for same in by_credit.values():
            for a, b in zip(same, same[1:]):
                sets.union(number[a], number[b])
    groups: dict[int, list[str]] = {}
    for i, a in enumerate(wired):
        groups.setdefault(sets.find(i), []).append(a)
    out = []
    for members in groups.values():
        outlets = tuple(dict.fromkeys(by_id[a].outlet for a in members))
        if len(outlets) > 1:
            out.append(WireStory(by_id[members[0]].credit or "", outlets, tuple(members)))
    return out


def _order(article_id: str) -> tuple[int, str]:
    digits = article_id.lstrip("a")
    return (int(digits), article_id) if digits.isdigit() else (1 << 30, article_id)


def wire_story_lines(result: ScanResult) -> list[str]:
    return [w.line for w in wire_stories(result)]


# --------------------------------------------------------------------------- reports

_FORMAT_NAMES = {
    "text": "plain text",
    "markdown": "Markdown",
    "html": "HTML page, article text extracted by trafilatura",
    "jsonl": "JSON Lines",
}
_OFFSETS = {
    "file": "offsets refer to the file as decoded",
    "extracted": "offsets refer to the extracted article text",
    "record": "offsets refer to each record's \"text\"",
}


def _file_of(a: Article) -> str:
    if a.input_format == "jsonl":
        return a.path.rsplit(":", 1)[0]
    return a.path


def input_report(result: ScanResult) -> list[str]:
    """One line per input file: its format, the decoding used, and what offsets refer to."""
    groups: dict[str, list[Article]] = {}
    for a in result.articles:
        groups.setdefault(_file_of(a), []).append(a)
    lines = []
    for path, arts in groups.items():
        a = arts[0]
        fmt = _FORMAT_NAMES.get(a.input_format, a.input_format)
        if a.input_format == "jsonl":
            fmt += f", {len(arts)} article{'s' if len(arts) != 1 else ''}"
        enc = a.encoding or "unknown"
        if a.encoding_note:
            enc += f" ({a.encoding_note})"
        offsets = sorted({_OFFSETS.get(x.offsets, x.offsets) for x in arts})
        lines.append(f"{_path(path)}: {fmt}; decoded as {enc}; {'; '.join(offsets)}")
    for s in result.skipped:
        lines.append(f"{_path(s.path)}: skipped: {_clean(s.reason)}")
    return lines


def explain_outlet_lines(result: ScanResult) -> list[str]:
    """For each article: its outlet, the rule that decided it and what the rule saw; its wire credit."""
    lines = ["Outlets (the rule that decided each):"]
    for a in result.articles:
        line = f"  {_path(a.path)}: {_clean(a.outlet)} <- {a.outlet_rule}"
        if a.outlet_evidence:
            line += f" ({_clean(a.outlet_evidence)})"
        if a.credit:
            line += f"; credit: {_clean(a.credit)}"
        lines.append(line)
    return lines
