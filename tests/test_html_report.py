"""The HTML report (quotetrack/html_report.py, `quotetrack report`), read back with the standard
library's HTML parser: the matrix, the word-level marks, the escaping of article text, and that
nothing on the page refers to the network. Names, outlets and sentences are invented here."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from rich.style import Style
from typer.testing import CliRunner

from quotetrack import __version__, scan_texts
from quotetrack.cli import app
from quotetrack.html_report import KINDS, brief, context, report_html
from quotetrack.render import MATCH_LEGEND, MATCH_STYLE, MATRIX_SYMBOLS

# The articles call the speaker "she": first names that are a woman's or unknown.
SPEAKERS = ["Orla Quennell", "Tamsin Ravensworth", "Henrietta Harrowgate"]
PLEDGES = [
    ("The new ferry terminal will open before the summer, and it will cost less than the old one ever did.", "less", "more"),
    ("Every school on the estate will have a qualified nurse by the autumn term, and we will pay for it ourselves.", "autumn", "spring"),
]
OUTLETS = ["Brinemouth Echo", "Tollbridge Times", "Saltings Gazette", "Gullhaven Post", "Corrowby Herald"]


def article(outlet: str, date: str, body: str) -> str:
    return f"---\noutlet: {outlet}\ndate: {date}\ntitle: Harbour news\n---\n\n{body}\n"


def corpus(speaker: str, words: str, old: str, new: str) -> list[tuple[str, str]]:
    """Five outlets: the pledge verbatim, altered (``old`` -> ``new``), as an excerpt, as reported
    speech, and not at all; a second statement only the altering outlet reports."""
    surname = speaker.split()[-1]
    altered = words.replace(old, new, 1)
    excerpt = " ".join(words.split()[2:12]).rstrip(",.")
    reported = words.rstrip(".").replace(" will ", " would ").replace("we ", "they ")
    return [
        ("echo.md", article(OUTLETS[0], "2031-05-01",
                            f"The board met on Monday.\n\n“{words}” {speaker} said at the meeting.\n\n"
                            f"“We have listened to every objection from the residents of the quay,” {surname} added.")),
        ("times.md", article(OUTLETS[1], "2031-05-02",
                             f"{speaker}, who chairs the board, spoke to reporters. “{altered}” she said.\n\n"
                             "She said the board would publish the accounts for the whole scheme next spring.")),
        ("gazette.md", article(OUTLETS[2], "2031-05-03", f"{speaker} promised that the scheme “{excerpt}” when she spoke on Tuesday.")),
        ("post.md", article(OUTLETS[3], "2031-05-03",
                            "Elsewhere, the museum reopened. “It is a fine day for the town and all of its visitors,” "
                            "said Perrin Osgood, the curator.")),
        ("herald.md", article(OUTLETS[4], "2031-05-04", f"{speaker} said that {reported[0].lower() + reported[1:]}.")),
    ]


class Page(HTMLParser):
    """The parts of a page the tests look at: every element with its attributes and text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.texts: dict[int, str] = {}
        self.data: list[str] = []
        self.rows: list[tuple[dict[str, str], list[tuple[str, str]]]] = []  # matrix rows: (attrs, [(class, text)])
        self._in_matrix_body = False
        self._row = None
        self._cell = None
        self.head_outlets: list[str] = []
        self._in_head = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "table" and a.get("id") == "matrix":
            self._in_matrix = True
        if tag == "tbody" and getattr(self, "_in_matrix", False):
            self._in_matrix_body = True
        if tag == "thead" and getattr(self, "_in_matrix", False):
            self._in_head = True
        if tag == "tr" and self._in_matrix_body:
            self._row = (a, [])
            self.rows.append(self._row)
        if tag in ("td", "th") and (self._row is not None or self._in_head):
            self._cell = [a.get("class", ""), ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            if self._in_head and "o" in self._cell[0].split():
                self.head_outlets.append(self._cell[1])
            elif self._row is not None:
                self._row[1].append(tuple(self._cell))
            self._cell = None
        if tag == "tr":
            self._row = None
        if tag == "thead":
            self._in_head = False
        if tag == "table":
            self._in_matrix = self._in_matrix_body = False

    def handle_data(self, data):
        self.data.append(data)
        if self._cell is not None:
            self._cell[1] += data

    def tags(self, name: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == name]

    @property
    def text(self) -> str:
        return "".join(self.data)


def page_of(texts, **options) -> tuple[str, Page]:
    result = scan_texts(texts)
    out = report_html(result, ["newsroom/"], **options)
    return out, Page(out)


def inner(out: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", out, re.S)


@pytest.mark.parametrize("speaker", SPEAKERS)
@pytest.mark.parametrize("words,old,new", PLEDGES)
def test_the_matrix_has_a_row_per_statement_and_a_coloured_cell_per_outlet(speaker, words, old, new):
    result = scan_texts(corpus(speaker, words, old, new))
    page = Page(report_html(result, ["newsroom/"]))
    assert page.head_outlets == OUTLETS
    assert len(page.rows) == len(result.statements)
    pledge = next(s for s in result.statements if len(s.outlets) >= 3)
    row = next(cells for attrs, cells in page.rows if attrs["id"] == f"m-{pledge.id}")
    assert row[0][1] == pledge.id
    assert row[1][1] == speaker
    kinds = dict(zip(OUTLETS, [cls or "absent" for cls, _ in row[3:]]))
    assert kinds == {OUTLETS[0]: "verbatim", OUTLETS[1]: "altered", OUTLETS[2]: "partial",
                     OUTLETS[3]: "absent", OUTLETS[4]: "paraphrase"}
    symbols = [text for _, text in row[3:]]
    assert symbols == [MATRIX_SYMBOLS["verbatim"], MATRIX_SYMBOLS["altered"], MATRIX_SYMBOLS["partial"], "·", MATRIX_SYMBOLS["paraphrase"]]
    # Statements carried by more outlets come first, as in the terminal.
    assert page.rows[0][0]["id"] == f"m-{pledge.id}"


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_a_statement_only_reported_speech_carries_is_marked_reported(speaker):
    words, old, new = PLEDGES[0]
    result = scan_texts(corpus(speaker, words, old, new))
    out = report_html(result, [])
    page = Page(out)
    quotes = {q.id: q for q in result.quotes}
    only_reported = [s for s in result.statements if not quotes[s.canonical_quote].direct]
    assert only_reported, "the altering outlet reports a second statement"
    for st in only_reported:
        cells = next(c for a, c in page.rows if a["id"] == f"m-{st.id}")
        carried = {cls for cls, _ in cells[3:] if cls}
        assert carried == {"reported"}
        assert "(reported)" in cells[2][1]
        card = re.search(rf'<article class="card" id="st-{st.id}">.*?</article>', out, re.S).group()
        assert re.findall(r'<li class="w k-(\w+)">', card) == ["reported"]
        assert "reported speech only" in card


@pytest.mark.parametrize("words,old,new", PLEDGES)
def test_the_changed_words_are_marked_in_the_altered_wording(words, old, new):
    out, _ = page_of(corpus(SPEAKERS[0], words, old, new))
    altered = next(li for li in re.findall(r'<li class="w k-altered">.*?</ul></li>', out, re.S))
    assert [re.sub(r"<[^>]+>", "", d) for d in inner(altered, "del")] == [old]
    assert [re.sub(r"<[^>]+>", "", d) for d in inner(altered, "ins")] == [new]
    # The verbatim wording has no marks; the partial one drops the words around the excerpt without marking them.
    verbatim = re.search(r'<li class="w k-verbatim">.*?</ul></li>', out, re.S).group()
    partial = re.search(r'<li class="w k-partial">.*?</ul></li>', out, re.S).group()
    assert "<del" not in verbatim and "<ins" not in verbatim
    assert "<del" not in partial and "<ins" not in partial


def test_each_carrier_shows_outlet_file_line_sentence_and_quoted_or_reported():
    words, old, new = PLEDGES[0]
    out, page = page_of(corpus(SPEAKERS[1], words, old, new))
    card = re.search(r'<article class="card" id="st-s1">.*?</article>', out, re.S).group()
    assert "echo.md:9" in card  # the verbatim quote's line in the file, front matter counted
    assert "times.md:" in card and "gazette.md:" in card and "herald.md:" in card
    ctx = [re.sub(r"<[^>]+>", "", c) for c in inner(card, "div")]
    assert any(c.endswith(f"” {SPEAKERS[1]} said at the meeting.") for c in ctx), ctx
    assert any(c.startswith(f"{SPEAKERS[1]} promised that the scheme “") and c.endswith("” when she spoke on Tuesday.") for c in ctx), ctx
    assert ", quoted," in card and ">reported</em>" in card
    assert "first: Brinemouth Echo, 2031-05-01" in card


HOSTILE = [
    "<script>alert('quoted')</script> is what the council wrote on the wall",
    '"><img src=x onerror=alert(1)> was typed into the planning form by someone',
    "</textarea><svg onload=alert(1)> and the rest of the minutes were lost",
    "<a href=\"https://example.invalid/x\">click here</a> said the leaflet on every door",
]


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("speaker", SPEAKERS[:2])
def test_article_text_is_escaped_everywhere(hostile, speaker):
    """The hostile words as quoted words, in the sentence around a quote, in a speaker's place,
    and as an outlet's name and an article's title: shown as text, never as markup."""
    said = f"“We will rebuild the harbour wall before the winter storms arrive,” {speaker} said"
    texts = [
        ("one.md", article("Brinemouth Echo", "2031-05-01", f"“{hostile} and nothing was done,” {speaker} said.")),
        ("two.md", article("Tollbridge <marquee>Times</marquee>", "2031-05-02", f"{said} of {hostile}.")),
        ("three.md", f"---\noutlet: {hostile}\ntitle: {hostile}\n---\n\n{said}.\n"),
        ("four.md", article("Saltings Gazette", "2031-05-03", f"{said}. “The wall comes first,” said {hostile}.")),
    ]
    out, page = page_of(texts)
    assert len(page.tags("script")) == 1, "only the page's own script"
    for tag in ("img", "svg", "textarea", "marquee"):
        assert not page.tags(tag), tag
    assert not any(k.startswith("on") for _, attrs in page.elements for k in attrs)
    assert not any(a.get("href", "").startswith("https:") for a in page.tags("a"))
    assert not any(t == "a" and "href" not in a for t, a in page.elements)
    # ... and a person reads the words as they were written.
    assert "Tollbridge <marquee>Times</marquee>" in page.text
    assert hostile in page.text  # the title and the outlet's name
    assert f" said of {hostile}." in page.text  # the sentence around the quote of two.md
    # Where a quote of those words was found, its words are there as text too.
    result = scan_texts(texts)
    for q in result.quotes:
        if "nothing was done" in q.text:
            assert q.text.rstrip(",") in page.text


def test_nothing_on_the_page_refers_to_the_network():
    words, old, new = PLEDGES[1]
    out, page = page_of(corpus(SPEAKERS[2], words, old, new) + [("web.md", article(
        "Corrowby Herald", "2031-05-05", "“Read it all at https://example.invalid/story and tell us,” said Orla Quennell."))])
    for tag, attrs in page.elements:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            value = attrs.get(name, "")
            assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, name, value)
            assert not value.lower().startswith(("javascript:", "data:")), (tag, name, value)
    assert not page.tags("link") and not page.tags("iframe") and not page.tags("img")
    assert all("src" not in a for a in page.tags("script"))
    style = "".join(inner(out, "style"))
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    csp = next(a["content"] for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    script = inner(out, "script")[0]
    assert not re.search(r"fetch\(|XMLHttpRequest|https?:|import\(|\.src\s*=", script)


def test_the_page_states_the_version_and_the_inputs():
    words, old, new = PLEDGES[0]
    result = scan_texts(corpus(SPEAKERS[0], words, old, new))
    page = Page(report_html(result, ["desk/monday/", "wire.jsonl"]))
    about = page.text
    assert f"quotetrack {__version__}" in about
    assert "desk/monday/" in about and "wire.jsonl" in about
    assert any(a.get("content") == f"quotetrack {__version__}" for a in page.tags("meta"))
    for name in ("echo.md", "times.md", "gazette.md", "post.md", "herald.md"):
        assert name in about


def test_the_legend_has_the_terminal_words_symbols_and_colours():
    words, old, new = PLEDGES[0]
    out, page = page_of(corpus(SPEAKERS[0], words, old, new))
    legend = [a["data-kind"] for a in page.tags("li") if "data-kind" in a]
    assert legend == ["verbatim", "partial", "altered", "paraphrase", "reported", "absent"]
    legend_text = re.search(r'<ul class="legend".*?</ul>', out, re.S).group()
    for kind, words_ in MATCH_LEGEND.items():
        assert words_ in legend_text
        colour = Style.parse(MATCH_STYLE[kind]).color.get_truecolor()
        css = "#{:02x}{:02x}{:02x}".format(*colour)
        assert re.search(rf"\.c\.{kind},[^{{]*\{{[^}}]*color:{css}", out), (kind, css)
    assert [k.word for k in KINDS] == legend


def test_filters_offer_each_speaker_outlet_and_match_kind():
    words, old, new = PLEDGES[0]
    out, page = page_of(corpus(SPEAKERS[2], words, old, new))
    options = re.findall(r'<select id="(f-\w+)">(.*?)</select>', out, re.S)
    values = {sid: re.findall(r'<option value="([^"]*)">', body) for sid, body in options}
    assert set(values["f-speaker"]) == {"", SPEAKERS[2], "Perrin Osgood"}
    assert values["f-outlet"] == ["", *[str(i) for i in range(len(OUTLETS))]]
    assert values["f-kind"] == ["", "verbatim", "partial", "altered", "paraphrase", "reported"]
    assert page.tags("input")[0]["type"] == "search"
    # The rows carry what the script filters on.
    assert {a["data-sp"] for a, _ in page.rows} == {SPEAKERS[2], "Perrin Osgood"}


def test_the_summaries_count_outlets_and_speakers():
    words, old, new = PLEDGES[0]
    out, _ = page_of(corpus(SPEAKERS[0], words, old, new))
    table = re.search(r'<table class="summary" id="outlet-summary">.*?</table>', out, re.S).group()
    rows = {re.sub(r"<[^>]+>", "", th): [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', tr)]
            for tr, th in re.findall(r'(<tr><th scope="row">(.*?)</th>.*?</tr>)', table, re.S)}
    # articles, carried, verbatim, partial, altered, paraphrase, reported, carried first
    assert rows["Brinemouth Echo"][:3] == [1, 2, 2] and rows["Brinemouth Echo"][-1] == 1
    assert rows["Tollbridge Times"][1] == 2 and rows["Tollbridge Times"][4] == 1 and rows["Tollbridge Times"][6] == 1
    assert rows["Gullhaven Post"][1:3] == [1, 1]
    speakers = re.search(r'<table class="summary" id="speaker-summary">.*?</table>', out, re.S).group()
    first = re.search(r'<tr><th scope="row">(.*?)</th><td class="n">(\d+)</td><td class="n">(\d+)</td>', speakers)
    assert first.groups() == (SPEAKERS[0], "3", "4")  # every outlet but the one that did not carry her


@pytest.mark.parametrize("limit", [1, 2])
def test_a_limit_shows_the_statements_carried_most_and_says_how_many_are_left_out(limit):
    words, old, new = PLEDGES[0]
    result = scan_texts(corpus(SPEAKERS[0], words, old, new))
    out = report_html(result, [], limit=limit)
    page = Page(out)
    assert len(page.rows) == limit
    assert page.rows[0][0]["id"] == "m-s1"
    assert len(re.findall(r'<article class="card"', out)) == limit
    assert f"Showing the first {limit} of {len(result.statements)} statements" in page.text
    assert "Showing the first" not in report_html(result, [])


@pytest.mark.parametrize(
    "text,quote,before,after",
    [
        ("It rained. Dr. Ames told Mr. Bolt: “We go now.” Then he left.", "We go now.", "Dr. Ames told Mr. Bolt: “", "”"),
        ("First line.\n\nAs J. Pryor put it, “the tide is turning” in the U.S. today. Next.", "the tide is turning",
         "As J. Pryor put it, “", "” in the U.S. today."),
        ("“Go!” she shouted. Fine.", "Go!", "“", "” she shouted."),
        ("“Stay,” said the warden,\nwho had waited an hour.\n\nNew paragraph.", "Stay,", "“", "” said the warden, who had waited an hour."),
    ],
)
def test_context_is_the_sentence_around_the_quote(text, quote, before, after):
    i = text.index(quote)
    assert context(text, i, i + len(quote)) == (before, after)


def test_context_is_bounded_on_long_text():
    text = "word " * 5000 + "“inside the marks” " + "word " * 5000
    i = text.index("inside")
    before, after = context(text, i, i + len("inside the marks"), limit=100)
    assert before.startswith("…") and len(before) <= 102
    assert after.endswith("…") and len(after) <= 102


def test_brief_keeps_the_ends_of_a_long_quote():
    words = " ".join(f"w{i}" for i in range(40))
    assert brief(words, 3) == "w0 w1 w2 … w37 w38 w39"
    assert brief("short and sweet", 3) == "short and sweet"


def test_the_command_writes_the_page_and_reports_it(tmp_path):
    words, old, new = PLEDGES[0]
    for name, text in corpus(SPEAKERS[0], words, old, new):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    r = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(target)])
    assert r.exit_code == 0, r.output
    assert "wrote" in r.stderr and "broken.jsonl" in r.stderr
    page = Page(target.read_text(encoding="utf-8"))
    assert sorted(page.head_outlets) == sorted(OUTLETS)
    assert any("broken.jsonl" in t for t in page.data)
    # Filters as for scan; standard output when -o is not given.
    r = CliRunner().invoke(app, ["report", str(tmp_path), "--min-outlets", "3"])
    assert r.exit_code == 0
    assert len(Page(r.stdout).rows) == 1


def test_the_command_fails_clearly_when_it_cannot_write(tmp_path):
    (tmp_path / "a.md").write_text(article("Brinemouth Echo", "2031-05-01", "“We will build it,” said Ana Pell."), encoding="utf-8")
    r = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(tmp_path)])
    assert r.exit_code == 2
    assert "cannot write" in r.stderr and str(tmp_path) in r.stderr
