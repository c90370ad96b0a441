"""The JSON of a quote or a statement written from a fixed template is ``json.dumps`` of its dict, byte for byte."""

from __future__ import annotations

import io
import itertools
import json

import pytest

from quotetrack.api import scan_texts
from quotetrack.jsonl_out import JsonlWriter
from quotetrack.kinds import MatchKind, QuoteKind
from quotetrack.models import FULL, Article, Member, Quote, Statement
from quotetrack.provenance import First
from quotetrack.render import quote_dict, quote_json, statement_dict, statement_json

# Strings a quote's fields can hold: quotes, backslashes, controls, non-ASCII, a lone surrogate
# (a file name that is not UTF-8), bidi marks, an empty string.
AWKWARD = ["", 'plain words', 'a "quoted" \\ path', "tab\there\nnew line\r", "\x00\x1f\x7f", "Zoë “curly” — dash",
           "\u202eevil", "emoji 🦜 and \u2028 separator", "lone \udcff byte"]
NAMES = ["Tamsin Oakhurst", "Bertil Vanderkamp", None, "a spokesperson", "Ilse Marchetti-Quaye"]


def _quote(n: int, text: str, speaker, kind, direct: bool, closed: bool, spans) -> Quote:
    return Quote(
        id=f"a{n}:{n + 1}", article_id=f"a{n}", text=text, start=n * 7, end=n * 7 + len(text), line=n + 1, column=3,
        kind=kind, direct=direct, closed=closed, speaker=speaker, speaker_mention=speaker and speaker.split()[0],
        cue=None if n % 3 else "said", statement=None if n % 2 else f"s{n}", speaker_span=None if n % 4 else (n, n + 5),
        cue_span=(n + 6, n + 10) if n % 5 else None, quoted_spans=spans, content_kind=None if direct else "clause",
    )


CASES = list(itertools.product(range(len(AWKWARD)), NAMES, list(QuoteKind), [True, False], [(), ((1, 4),), ((0, 2), (5, 9))]))


@pytest.mark.parametrize("text_at, speaker, kind, direct, spans", CASES[::7])
def test_quote_json_is_json_dumps_of_quote_dict(text_at, speaker, kind, direct, spans):
    text = AWKWARD[text_at]
    q = _quote(text_at, text, speaker, kind, direct, text_at % 2 == 0, spans)
    for path, outlet in [("x/one.txt", "The Harbour Gazette"), (AWKWARD[text_at], None), ("dir/\ufffd.md", AWKWARD[-2])]:
        assert quote_json(q, path, outlet) == json.dumps(quote_dict(q, path, outlet), ensure_ascii=False)


def test_quote_json_on_found_quotes():
    """Quotes as the pipeline finds them (reported speech with its quoted spans included)."""
    texts = [
        (f"n{i}.txt", f"“We will open the {place} bridge in {month},” {who} said. {who.split()[1]} said that the "
                      f"“{place} works” were late and that “nobody” had asked.\n")
        for i, (place, month, who) in enumerate(itertools.product(
            ["Coldharbour", "Wexmoor"], ["May", "June"], ["Petra Lindqvist", "Osman Achterberg", "Gus Fairweather"]))
    ]
    result = scan_texts(texts)
    assert any(not q.direct for q in result.quotes) and any(q.quoted_spans for q in result.quotes)
    for q in result.quotes:
        assert quote_json(q, "p.txt", "Outlet") == json.dumps(quote_dict(q, "p.txt", "Outlet"), ensure_ascii=False)


def test_jsonl_quote_record_is_the_dict_with_its_type_first():
    q = _quote(2, AWKWARD[5], NAMES[0], FULL, True, True, ((1, 4),))
    out = io.StringIO()
    writer = JsonlWriter(out)
    art = Article(id="a2", path="x/two.txt", text="", outlet="Outlet", outlet_rule="byline")
    writer.article(art, [q])
    lines = out.getvalue().splitlines()
    assert lines[-1] == json.dumps({"type": "quote", **quote_dict(q, "x/two.txt", "Outlet")}, ensure_ascii=False)


def _statement(n: int, text: str, speaker, scores, first: bool) -> tuple[Statement, dict[str, First]]:
    kinds = list(MatchKind)
    members = tuple(Member(f"a{k}:{n}", AWKWARD[(n + k) % len(AWKWARD)] or "Outlet", kinds[k % len(kinds)], score)
                    for k, score in enumerate(scores))
    s = Statement(f"s{n}", speaker, text, members[0].quote_id if members else "a1:1", members)
    firsts = {s.id: First(AWKWARD[n % len(AWKWARD)], "2025-03-0" + str(n % 9 + 1), f"a{n}:1", n % 2 == 0)} if first else {}
    return s, firsts


SCORES = [[1.0], [1.0, 0.72, 0.906], [0.1 + 0.2, 1e-07, 123456789.123, 0.0], [1, 0.5], [float("nan")], [float("inf"), -0.0], []]


@pytest.mark.parametrize("n", range(len(AWKWARD)))
@pytest.mark.parametrize("scores", SCORES)
@pytest.mark.parametrize("speaker", NAMES[:3])
def test_statement_json_is_json_dumps_of_statement_dict(n, scores, speaker):
    for first in (True, False):
        s, firsts = _statement(n, AWKWARD[n], speaker, scores, first)
        assert statement_json(s, firsts) == json.dumps(statement_dict(s, firsts), ensure_ascii=False)
