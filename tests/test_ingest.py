"""Input formats, decodings, outlets, wire credits and first carriers.

Fixtures in tests/fixtures/formats/: ``plain/`` holds seven short fictional
stories as UTF-8 text; ``mixed/`` holds the same stories as a saved web page
(with navigation, a "Most read" teaser list and reader comments), Markdown
with front matter and CRLF line ends, a JSON Lines dump with one broken
line, a Windows-1252 file, a UTF-16 file, and an outlets.toml.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import scan
from quotetrack.cli import app
from quotetrack.ingest import InputError, load
from quotetrack.outlets import (
    OutletMap,
    OutletMapError,
    decide,
    find_credit,
    load_outlet_map,
)
from quotetrack.readers import (
    decode,
    extract_html,
    front_matter,
    jsonl_records,
    normalise_date,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
MIXED = FIXTURES / "mixed"
PLAIN = FIXTURES / "plain"
runner = CliRunner()

# Quotes that sit in the saved page's navigation, teaser list and comments.
PAGE_FURNITURE_QUOTES = (
    "We will not close the ferry",
    "It was the best race of my life",
    "About time somebody fixed those roofs",
    "is not a parking plan",
)


def _by_name(result):
    return {os.path.basename(a.path): a for a in result.articles}


def _json_scan(*args, input=None):
    r = runner.invoke(app, ["scan", *map(str, args), "--format", "json"], input=input)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _offsets_hold(result):
    arts = {a.id: a for a in result.articles}
    for q in result.quotes:
        assert arts[q.article_id].text[q.start : q.end] == q.text


# --------------------------------------------------------------------------- the mixed folder


def _quote_key(doc):
    """(title, speaker, words, direct) of every quote, and each statement as the set of its (title, words)."""
    arts = {a["id"]: a for a in doc["articles"]}
    quotes = Counter((arts[q["article"]]["title"], q["speaker"], q["words"], q["direct"]) for q in doc["quotes"])
    by_id = {q["id"]: q for q in doc["quotes"]}
    statements = Counter(
        frozenset((arts[by_id[m["quote"]]["article"]]["title"], by_id[m["quote"]]["words"], m["match"]) for m in s["members"])
        for s in doc["statements"]
    )
    return quotes, statements


def test_mixed_formats_give_the_same_quotes_and_statements_as_plain_text(tmp_path):
    mixed = _json_scan(MIXED)
    plain = _json_scan(PLAIN)
    assert len(mixed["articles"]) == len(plain["articles"]) == 7
    mq, ms = _quote_key(mixed)
    pq, ps = _quote_key(plain)
    assert mq == pq
    assert ms == ps
    # The comparison is not vacuous: speakers were found, and one statement spans two stories.
    speakers = {s for (_, s, _, _) in mq if s}
    assert {"Ines Kovalenko", "Daniel Osei", "Marta Lindqvist", "Élodie Marchetti", "Gareth Okonjo", "Tobias Wren"} <= speakers
    assert any(len({t for t, _, _ in st}) == 2 for st in ms)


def test_mixed_folder_outlets_dates_and_skipped(tmp_path):
    root = tmp_path / "mixed"
    shutil.copytree(MIXED, root)
    (root / "empty.txt").write_text("\n  \n", encoding="utf-8")
    (root / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "binary.txt").write_bytes(b"text\x00\x01\x02 and nul bytes")
    doc = _json_scan(root)
    got = {
        a["path"].replace(str(root) + os.sep, ""): (a["outlet"], a["outlet_rule"], a["date"], a["offsets"]) for a in doc["articles"]
    }
    assert got == {
        "bayside-school.txt": ("Bayside Times", "byline", "2024-03-14", "file"),
        "dump.jsonl:1": ("Coast Courier", "metadata:outlet", "2024-03-14", "record"),
        "dump.jsonl:3": ("Tidewater Gazette", "outlets-file", "2024-03-16", "record"),
        "dump.jsonl:5": ("eastshore.example", "url", None, "record"),
        "herald/lighthouse.html": ("Harbour Herald", "metadata:site_name", "2024-03-12", "extracted"),
        "ledger-lighthouse.md": ("Valley Ledger", "metadata:publisher", "2024-03-13", "file"),
        "legacy-star-bakery.txt": ("Northern Star", "outlets-file", "2024-03-15", "file"),
    }
    skipped = {s["path"].replace(str(root) + os.sep, ""): s["reason"] for s in doc["skipped"]}
    assert skipped == {
        "binary.txt": "binary file (contains NUL bytes)",
        "dump.jsonl:2": "invalid JSON: Unterminated string starting at (column 67)",
        "empty.txt": "empty file",
        "scan.png": "unsupported file type '.png'",
    }
    assert doc["summary"]["skipped"] == 4
    # The wire story carried by two outlets, and who carried it first.
    assert doc["wire_stories"] == [
        {"credit": "The Associated Press", "outlets": ["Harbour Herald", "Valley Ledger"], "articles": ["a5", "a6"]}
    ]
    osei = next(s for s in doc["statements"] if s["text"].startswith("Visitors will need"))
    assert osei["first"] == {"outlet": "Harbour Herald", "date": "2024-03-12", "quote": "a5:q3"}
    # Table: the same, for people; every skipped file listed; exit 1 only with --strict.
    r = runner.invoke(app, ["scan", str(root)])
    assert r.exit_code == 0
    assert "Outlets Harbour Herald and Valley Ledger carried the same wire story (The Associated Press)" in r.stdout
    lines = r.stdout.splitlines()
    marks = [(lines[i - 1], line) for i, line in enumerate(lines) if "first, " in line]
    assert marks and all("Harbour Herald" in above and "first, 2024-03-12" in line for above, line in marks)
    for name in ("binary.txt", "dump.jsonl:2", "empty.txt", "scan.png"):
        assert f"skipped {root / name}" in r.stdout
    assert "4 skipped" in r.stdout
    assert runner.invoke(app, ["scan", str(root), "--strict"]).exit_code == 1


# --------------------------------------------------------------------------- HTML


def test_html_page_body_and_metadata_without_navigation_teasers_or_comments():
    result = scan([MIXED / "herald" / "lighthouse.html"])
    (art,) = result.articles
    assert (art.outlet, art.outlet_rule, art.credit) == ("Harbour Herald", "metadata:site_name", "The Associated Press")
    assert art.title == "Keepers' cottages at Brannock Point to become a museum"
    assert (art.date, art.author) == ("2024-03-12", "Corin Adeyemi")
    assert art.url == "https://www.harbourherald.example/news/2024/03/12/brannock-point-cottages"
    assert art.offsets == "extracted" and art.input_format == "html"
    for furniture in PAGE_FURNITURE_QUOTES + ("Most read", "Subscribe", "All rights reserved"):
        assert furniture not in art.text
    words = [q.words for q in result.quotes if q.direct]
    assert words[0].startswith("These walls kept three generations")
    assert not any(f in w for w in words for f in PAGE_FURNITURE_QUOTES)
    # Paragraphs are separated by blank lines, as in a .txt article; offsets index the extracted text.
    assert "\n\nThe cottages have stood empty" in art.text
    _offsets_hold(result)


def test_html_extraction_needs_no_network():
    """trafilatura is imported and run in a fresh interpreter where every network call fails."""
    code = f"""
import socket
def refuse(*a, **k):
    raise OSError("network use attempted")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse
from quotetrack import scan
r = scan([{str(MIXED / 'herald' / 'lighthouse.html')!r}])
assert r.articles[0].outlet == "Harbour Herald", r.articles
assert len([q for q in r.quotes if q.direct]) == 4, r.quotes
print("offline ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "offline ok" in out.stdout


def test_html_declared_charset_url_domain_and_empty_page(tmp_path):
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        "<link rel='canonical' href='https://www.quayside-post.example/a/1'><title>Pier reopens</title></head>"
        "<body><article><h1>Pier reopens</h1><p>The pier reopened on Saturday after a winter of repairs to its café.</p>"
        "<p>\u201cIt feels like the town has its front door back,\u201d said Mayor Renata Solberg.</p></article></body></html>"
    )
    (tmp_path / "pier.htm").write_bytes(page.encode("cp1252"))
    (tmp_path / "nav.html").write_text("<html><body><nav></nav></body></html>", encoding="utf-8")
    result = scan([tmp_path])
    (art,) = result.articles
    assert art.encoding == "cp1252" and "café" in art.text
    assert (art.outlet, art.outlet_rule) == ("quayside-post.example", "url")
    assert result.quotes[0].speaker == "Renata Solberg"
    assert [(os.path.basename(s.path), s.reason) for s in result.skipped] == [("nav.html", "no article text found in the page")]


def test_html_host_name_is_no_site_name():
    page = (
        "<html><head><link rel='canonical' href='https://q.example/2024/03/12/pier'><title>Pier</title></head>"
        "<body><article><h1>Pier reopens</h1><p>The pier reopened on Saturday after a long winter of repairs.</p>"
        "</article></body></html>"
    )
    assert "site_name" not in extract_html(page).meta
    assert extract_html(page.replace("<title>", "<meta property='og:site_name' content='Quay Post'><title>")).meta[
        "site_name"
    ] == "Quay Post"


def test_html_paragraphs_lists_and_line_breaks():
    page = (
        "<html><body><article><h1>Harbour notes</h1><p>First   paragraph\nwith <b>bold</b> words and a "
        "<a href='/x'>link</a> in it, long enough to be kept.</p><p>Line one<br>line two of the same paragraph.</p>"
        "<ul><li>The first item of a list in the story</li><li>The second item of it</li></ul></article></body></html>"
    )
    text = extract_html(page).text
    assert text.split("\n\n") == [
        "Harbour notes",
        "First paragraph with bold words and a link in it, long enough to be kept.",
        "Line one\nline two of the same paragraph.",
        "The first item of a list in the story",
        "The second item of it",
    ]


# --------------------------------------------------------------------------- Markdown front matter


def test_front_matter_values_lists_crlf_and_bom():
    text = (
        "\ufeff---\r\n"
        "title: \"Quoted: with a colon\"\r\n"
        "outlet: 'It''s Weekly'   \r\n"
        "source: Plain value # a comment\r\n"
        "date: 2024-03-13\r\n"
        "author: [\"Ada Moss\", 'Ben Ortiz', Cy Pell]\r\n"
        "tags:\r\n"
        "  - one\r\n"
        "  - \"two, three\"\r\n"
        "nested:\r\n"
        "  name: ignored\r\n"
        "summary: >\r\n"
        "  folded\r\n"
        "  lines\r\n"
        "---\r\n"
        "Body starts here.\r\n"
    )
    meta, start = front_matter(text)
    assert meta == {
        "title": "Quoted: with a colon",
        "outlet": "It's Weekly",
        "source": "Plain value",
        "date": "2024-03-13",
        "author": ["Ada Moss", "Ben Ortiz", "Cy Pell"],
        "tags": ["one", "two, three"],
        "summary": "folded lines",
    }
    assert text[start:] == "Body starts here.\r\n"
    assert front_matter("---\ntitle: never closed\nBody.\n") == ({}, 0)
    assert front_matter("No front matter.\n---\n") == ({}, 0)


def test_markdown_fixture_metadata_and_file_offsets():
    path = MIXED / "ledger-lighthouse.md"
    result = scan([path])
    (art,) = result.articles
    assert (art.outlet, art.outlet_rule, art.credit) == ("Valley Ledger", "metadata:publisher", "The Associated Press")
    assert (art.title, art.date) == ("Lighthouse cottages will open as a museum", "2024-03-13")
    assert art.author == "Corin Adeyemi, Associated Press staff"
    assert art.offsets == "file" and art.input_format == "markdown"
    with open(path, encoding="utf-8", newline="") as fh:
        file_text = fh.read()
    assert "\r\n" in file_text
    for q in result.quotes:
        assert file_text[q.start : q.end] == q.text
    assert {q.speaker for q in result.quotes if q.direct} == {"Ines Kovalenko", "Daniel Osei"}


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_fixture_one_article_per_line_and_the_broken_line_reported():
    result = scan([MIXED / "dump.jsonl"])
    names = [os.path.basename(a.path) for a in result.articles]
    assert names == ["dump.jsonl:1", "dump.jsonl:3", "dump.jsonl:5"]
    assert [a.record_id for a in result.articles] == ["cc-2024-0314-ferry", "4471", None]
    assert [a.date for a in result.articles] == ["2024-03-14", "2024-03-16", None]
    assert [(os.path.basename(s.path), s.reason) for s in result.skipped] == [
        ("dump.jsonl:2", "invalid JSON: Unterminated string starting at (column 67)")
    ]
    # Without the folder's outlets.toml the Gazette is known by its URL's domain.
    assert [a.outlet for a in result.articles] == ["Coast Courier", "news.tidewater-gazette.example", "eastshore.example"]
    _offsets_hold(result)
    q = result.quotes[0]
    assert (q.line, q.column) == (5, 2)  # within the record's text


def test_jsonl_bad_lines_each_reported(tmp_path):
    lines = [
        '{"text": "“We are ready,” Mayor Ada Moss said on Monday at the harbour."}',
        "[1, 2]",
        '{"title": "no body"}',
        '{"text": 42}',
        '{"text": "   "}',
        "not json at all",
        '{"html": "<html><body><article><p>“We sail at dawn,” Captain Ivo Brandt said to the crew.</p></article></body></html>", "outlet": "Dock Daily"}',
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = scan([tmp_path / "d.jsonl"])
    assert [(os.path.basename(s.path), s.reason) for s in result.skipped] == [
        ("d.jsonl:2", "not a JSON object but an array"),
        ("d.jsonl:3", 'no "text" field'),
        ("d.jsonl:4", '"text" is a number, not a string'),
        ("d.jsonl:5", 'empty "text"'),
        ("d.jsonl:6", "invalid JSON: Expecting value (column 1)"),
    ]
    assert [os.path.basename(a.path) for a in result.articles] == ["d.jsonl:1", "d.jsonl:7"]
    assert [q.speaker for q in result.quotes] == ["Ada Moss", "Ivo Brandt"]
    assert [a.offsets for a in result.articles] == ["record", "extracted"]
    assert result.articles[1].outlet == "Dock Daily"


def test_jsonl_records_unit():
    recs = list(jsonl_records('\n{"text": "a", "id": 7, "outlet": ["x", "y"], "date": true}\n\r\n'))
    assert len(recs) == 1 and recs[0].line == 2 and recs[0].meta == {"id": "7", "outlet": "x, y"}


# --------------------------------------------------------------------------- encodings


def test_cp1252_and_utf16_fixtures_decode():
    arts = _by_name(scan([MIXED / "legacy-star-bakery.txt", MIXED / "bayside-school.txt"]))
    star, school = arts["legacy-star-bakery.txt"], arts["bayside-school.txt"]
    assert star.encoding == "cp1252" and "café" in star.text and "“We’ve baked" in star.text
    assert school.encoding == "utf-16" and school.text.startswith("School roof")
    assert star.text.replace("\r\n", "\n") == (PLAIN / "star-bakery.txt").read_text(encoding="utf-8")
    assert school.text == (PLAIN / "bayside-school.txt").read_text(encoding="utf-8")
    # Offsets are those of the file read with the reported encoding.
    for path, art in ((MIXED / "legacy-star-bakery.txt", star), (MIXED / "bayside-school.txt", school)):
        with open(path, encoding=art.encoding, errors="replace", newline="") as fh:
            assert fh.read() == art.text


def test_decode_variants():
    assert decode("“Hi,” she said.".encode("utf-8")) .encoding == "utf-8"
    bom = decode(b"\xef\xbb\xbf\xe2\x80\x9cHi\xe2\x80\x9d")
    assert bom.text == "\ufeff“Hi”" and bom.encoding == "utf-8" and "U+FEFF" in bom.note
    assert decode("“Hi,” she said at the harbour.".encode("utf-16-be")).encoding == "utf-16-be"  # BOM-less
    assert decode("long enough text, “quoted”".encode("utf-16-le")).text == "long enough text, “quoted”"
    assert decode("x".encode("utf-32")).text == "x"
    mostly_utf8 = "“Ça va,” dit Zoë. Ünïcödé everywhere.".encode("utf-8") + b"\xff"
    d = decode(mostly_utf8)
    assert d.encoding == "utf-8" and d.text.endswith("\ufffd") and "Zoë" in d.text
    d = decode(b"caf\xe9 \x93quoted\x94 \x81")
    assert d.encoding == "cp1252" and d.text == "café “quoted” \ufffd"


def test_utf8_bom_kept_at_offset_zero(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    result = scan([p])
    assert result.articles[0].text.startswith("\ufeff")
    file_text = p.read_text(encoding="utf-8")  # Python's utf-8 codec keeps the BOM too
    for q in result.quotes:
        assert file_text[q.start : q.end] == q.text
    assert result.quotes[0].speaker == "Helena Varga"


def test_undecodable_and_binary_files_never_crash(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 256)) * 4)
    (tmp_path / "nul.md").write_bytes(b"abc\x00\x00\x00\x07\x08" * 10)
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    result = scan([tmp_path])
    assert sorted(os.path.basename(a.path) for a in result.articles) == ["good.txt", "noise.txt"]
    assert [(os.path.basename(s.path), s.reason) for s in result.skipped] == [("nul.md", "binary file (contains NUL bytes)")]


def test_verbose_reports_the_decoding():
    r = runner.invoke(app, ["scan", str(MIXED), "--verbose", "--format", "json"])
    assert r.exit_code == 0
    err = r.stderr
    assert "legacy-star-bakery.txt: plain text; decoded as cp1252" in err
    assert "bayside-school.txt: plain text; decoded as utf-16 (byte order mark)" in err
    assert "lighthouse.html: HTML page, article text extracted by trafilatura; decoded as utf-8; offsets refer to the extracted article text" in err
    assert "dump.jsonl: JSON Lines, 3 articles" in err
    json.loads(r.stdout)  # stdout stays valid JSON


# --------------------------------------------------------------------------- outlets

STORY = (
    "Harbour council meets on the barrage\n\n"
    "The harbour council met on Tuesday to vote on the new sea wall plans for the town.\n\n"
    "“The barrage is a renewable promise we made to our grandchildren,” Mayor Helena Varga said.\n"
)
BYLINE_STORY = "Council votes\nBy Jo Reyes, The Quay Chronicle\n\n" + STORY.split("\n\n", 1)[1]


def test_outlet_precedence_rule_by_rule(tmp_path):
    omap = OutletMap(
        str(tmp_path / "outlets.toml"),
        str(tmp_path),
        paths=(("herald/*", "Harbour Herald"), ("*.jsonl", "Dump Outlet")),
        domains=(("example.org", "Example Org"), ("news.example.org", "Example News")),
    )
    path = str(tmp_path / "herald" / "x.txt")
    meta = {"publisher": "Meta Pub", "url": "https://news.example.org/a"}
    text = "TOKYO (AP) — " + BYLINE_STORY

    def rule(**kw):
        args = dict(path=path, text=text, meta=meta, set_outlet=None, outlet_map=omap)
        args.update(kw)
        d = decide(args.pop("path"), args.pop("text"), args.pop("meta"), **args)
        return d.outlet, d.rule

    assert rule(set_outlet="Chosen") == ("Chosen", "option")
    assert rule() == ("Harbour Herald", "outlets-file")
    assert rule(path=str(tmp_path / "other.txt")) == ("Example News", "outlets-file")  # the longest domain
    assert rule(path=str(tmp_path / "other.txt"), outlet_map=None) == ("Meta Pub", "metadata:publisher")
    assert rule(path="a/other.txt", outlet_map=None, meta={"url": "https://www.quay.example/x"}) == (
        "The Quay Chronicle",
        "byline",
    )
    assert rule(path="a/other.txt", outlet_map=None, meta={}, text="TOKYO (AP) — " + STORY) == (
        "The Associated Press",
        "credit",
    )
    assert rule(path="a/other.txt", outlet_map=None, meta={"url": "https://www.quay.example/x"}, text=STORY) == (
        "quay.example",
        "url",
    )
    # The registrable domain where the suffix is a public one.
    assert rule(path="a/other.txt", outlet_map=None, meta={"url": "https://news.quayside.co.uk/x"}, text=STORY) == (
        "quayside.co.uk",
        "url",
    )
    assert rule(path="a/other.txt", outlet_map=None, meta={}, text=STORY) == ("other", "filename")
    # A JSON Lines record matches globs by the file it came from.
    d = decide("d.jsonl:3", STORY, {}, file_path=str(tmp_path / "d.jsonl"), outlet_map=omap)
    assert (d.outlet, d.rule) == ("Dump Outlet", "outlets-file")


def test_outlets_file_in_folder_and_given_explicitly(tmp_path):
    root = tmp_path / "corpus"
    (root / "herald").mkdir(parents=True)
    (root / "herald" / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "ledger.md").write_text("---\noutlet: Valley Ledger\n---\n" + STORY, encoding="utf-8")
    (root / "outlets.toml").write_text('[paths]\n"herald/*" = "Harbour Herald"\n', encoding="utf-8")
    doc = _json_scan(root)
    assert [(a["outlet"], a["outlet_rule"]) for a in doc["articles"]] == [
        ("Harbour Herald", "outlets-file"),
        ("Valley Ledger", "metadata:outlet"),
    ]
    assert doc["skipped"] == []  # the mapping file is not reported as an unsupported article
    other = tmp_path / "map.toml"
    other.write_text('[paths]\n"ledger.md" = "Mapped Ledger"\n', encoding="utf-8")
    doc = _json_scan(root, "--outlets", other)
    assert [a["outlet"] for a in doc["articles"]] == ["story", "Mapped Ledger"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("[paths\n", "not valid TOML"),
        ('[papers]\n"a" = "b"\n', "unknown key 'papers'"),
        ('[paths]\n"a/*" = 3\n', 'the outlet name must be a non-empty string'),
        ('[domains]\n"not a domain" = "X"\n', "is not a domain"),
    ],
)
def test_bad_outlets_file_is_a_usage_error(tmp_path, content, message):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "outlets.toml").write_text(content, encoding="utf-8")
    r = runner.invoke(app, ["scan", str(tmp_path)])
    assert r.exit_code == 2
    assert "outlets.toml" in r.stderr and message in r.stderr
    with pytest.raises(OutletMapError):
        load_outlet_map(str(tmp_path / "outlets.toml"))


def test_set_outlet_for_one_input_only(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    doc = _json_scan(tmp_path / "a.txt", "--set-outlet", "Quay Chronicle")
    assert (doc["articles"][0]["outlet"], doc["articles"][0]["outlet_rule"]) == ("Quay Chronicle", "option")
    for args in ([tmp_path], [tmp_path / "a.txt", tmp_path / "b.txt"]):
        r = runner.invoke(app, ["scan", *map(str, args), "--set-outlet", "X"])
        assert r.exit_code == 2
        assert "--set-outlet names the outlet of one file or of standard input" in r.stderr
    with pytest.raises(InputError):
        load([tmp_path], set_outlet="X")


def test_explain_outlets():
    r = runner.invoke(app, ["scan", str(MIXED), "--explain-outlets"])
    assert r.exit_code == 0
    out = r.stdout
    assert "Outlets (the rule that decided each):" in out
    assert "lighthouse.html: Harbour Herald <- metadata:site_name (site_name: Harbour Herald); credit: The Associated Press" in out
    assert 'legacy-star-bakery.txt: Northern Star <- outlets-file (' in out and '[paths] "legacy-*.txt")' in out
    assert "dump.jsonl:5: eastshore.example <- url (https://www.eastshore.example/library-cards)" in out
    assert "bayside-school.txt: Bayside Times <- byline (By Priya Raman, Bayside Times)" in out
    r = runner.invoke(app, ["scan", str(MIXED), "--explain-outlets", "--format", "json"])
    json.loads(r.stdout)
    assert "Outlets (the rule" in r.stderr


# --------------------------------------------------------------------------- wire credits


@pytest.mark.parametrize(
    "text, credit",
    [
        ("LONDON (Reuters) - “We are ready,” the minister said.", "Reuters"),
        ("PARIS (AFP) – Talks resumed.", "Agence France-Presse"),
        ("Title\nBy Jo Reyes, Associated Press\n\nBody.", "The Associated Press"),
        ("Body of the story.\n\n— The Associated Press\n", "The Associated Press"),
        ("Body.\n\nCopyright 2024 The Associated Press. All rights reserved.\n", "The Associated Press"),
        ("Body.\n\n© Reuters 2024\n", "Reuters"),
        ("Body.\nAssociated Press writer Jo Reyes in Lisbon contributed to this report.\n", "The Associated Press"),
        (
            "Body.\n(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
            "syndicated feed",
        ),
        ("The minister told Reuters that talks would resume.", None),
        ("The Associated Press reported the talks first.", None),
        ("Photo caption\nAP\n\nBody.", None),
    ],
)
def test_wire_credits(text, credit):
    assert find_credit(text, {})[0] == credit


def test_wire_credit_from_metadata_and_outlet_from_syndication_note():
    assert find_credit("Body.", {"credit": "AP"})[0] == "The Associated Press"
    assert find_credit("Body.", {"author": "Reuters"})[0] == "Reuters"
    d = decide("x.txt", "Body.\nThis has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.", {})
    assert (d.outlet, d.rule, d.credit) == ("Devdiscourse", "credit", "syndicated feed")


def test_wire_story_needs_a_shared_statement_and_first_needs_every_date(tmp_path):
    a = "---\noutlet: Alpha\ndate: 2024-05-02\n---\nTitle\n\nOSLO (AP) — " + STORY.split("\n\n", 1)[1]
    b = "---\noutlet: Beta\ndate: 2024-05-01\n---\nTitle\n\nOSLO (AP) — " + STORY.split("\n\n", 1)[1]
    c = "---\noutlet: Gamma\n---\nTitle\n\nOSLO (AP) — The ferry ran late again on Monday, and nobody was quoted at all.\n"
    for name, text in (("a.md", a), ("b.md", b), ("c.md", c)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    doc = _json_scan(tmp_path)
    assert doc["wire_stories"] == [{"credit": "The Associated Press", "outlets": ["Alpha", "Beta"], "articles": ["a1", "a2"]}]
    st = next(s for s in doc["statements"] if len(s["outlets"]) == 2)
    assert st["first"] == {"outlet": "Beta", "date": "2024-05-01", "quote": "a2:q1"}
    (tmp_path / "d.txt").write_text("Undated\n\n" + STORY.split("\n\n", 1)[1], encoding="utf-8")
    doc = _json_scan(tmp_path)
    st = next(s for s in doc["statements"] if len(s["outlets"]) == 3)
    assert st["first"] is None  # the undated carrier could have been first


def test_normalise_date():
    assert normalise_date("2024-03-13T06:30:00-05:00") == "2024-03-13"
    assert normalise_date("2024/3/9") == "2024-03-09"
    assert normalise_date("March 16, 2024") == "2024-03-16"
    assert normalise_date("Sept. 3, 2023") == "2023-09-03"
    assert normalise_date("Tue, 12 Mar 2024 08:00:00 GMT") == "2024-03-12"
    assert normalise_date("2024-02-30") is None
    assert normalise_date("last Tuesday") is None


# --------------------------------------------------------------------------- standard input and errors


def test_stdin_text_html_and_jsonl():
    doc = _json_scan("-", input=STORY)
    assert doc["articles"][0]["path"] == "<stdin>"
    assert doc["articles"][0]["outlet"] == "stdin"
    assert doc["quotes"][0]["speaker"] == "Helena Varga"
    doc = _json_scan("-", "--set-outlet", "Harbour Herald", input=(MIXED / "herald" / "lighthouse.html").read_bytes())
    (art,) = doc["articles"]
    assert (art["path"], art["outlet"], art["outlet_rule"], art["offsets"]) == ("<stdin>", "Harbour Herald", "option", "extracted")
    assert not any(f in q["words"] for q in doc["quotes"] for f in PAGE_FURNITURE_QUOTES)
    doc = _json_scan("-", input=(MIXED / "dump.jsonl").read_bytes())
    assert [a["path"] for a in doc["articles"]] == ["<stdin>:1", "<stdin>:3", "<stdin>:5"]
    assert [s["path"] for s in doc["skipped"]] == ["<stdin>:2"]
    r = runner.invoke(app, ["scan", "-"], input=STORY)
    assert r.exit_code == 0 and "Helena Varga" in r.stdout


def test_stdin_errors():
    r = runner.invoke(app, ["scan", "-", "--format", "json"], input="")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["skipped"] == [{"path": "<stdin>", "reason": "empty file"}]
    r = runner.invoke(app, ["scan", "-", "-"], input=STORY)
    assert r.exit_code == 2 and "standard input (-) can be given only once" in r.stderr


def test_missing_path_and_unreadable_entries(tmp_path):
    r = runner.invoke(app, ["scan", str(tmp_path / "nowhere.html")])
    assert r.exit_code == 2
    assert f"{tmp_path / 'nowhere.html'}: no such file or directory" in r.stderr
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "page_files").mkdir()  # a browser's companion folder of a saved page
    (tmp_path / "page_files" / "style.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><article><p>" + STORY + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "big.txt").write_text(STORY * 10, encoding="utf-8")
    r = runner.invoke(app, ["scan", str(tmp_path), "--format", "json", "--max-bytes", "1000"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert sorted(os.path.basename(a["path"]) for a in doc["articles"]) == ["good.txt", "page.html"]
    reasons = {os.path.basename(s["path"]): s["reason"] for s in doc["skipped"]}
    assert reasons == {
        "big.txt": f"file is {len((STORY * 10).encode()):,} bytes, over the 1,000-byte limit",
        "gone.txt": "broken symbolic link",
        "pipe.txt": "not a regular file",
    }
    assert "quotetrack: skipped" in r.stderr


def test_hard_wrapped_markdown_body_starts_at_its_first_paragraph():
    from quotetrack.ingest import body_layout

    text = (
        "---\noutlet: The Wrapped Times\n---\n\n# A title that is a title\n\n"
        "“We will not wait for the tide,” Mayor Ann Lee said on Monday, as the\n"
        "council met to vote on the new sea wall for the harbour town.\n"
    )
    title, start, _end, _f = body_layout(text, text.index("#"))
    assert title == "A title that is a title"
    assert text[start:].startswith("“We will not wait")


@pytest.mark.parametrize("paragraph", [
    "“I think the newsletter is a great venue for that,” said Odile Marchetti.",
    "“We started a newsletter for the river towns,” the mayor said. “It lands on Fridays.”",
])
def test_a_quote_that_names_a_newsletter_stays_article_text(paragraph):
    """A one-line paragraph naming a newsletter is page furniture only when it quotes nobody."""
    from quotetrack.ingest import build_article
    from quotetrack.pipeline import quotes_of

    text = "Harbour board meets\n\nThe harbour board met on Tuesday to talk about the tides.\n\n" + paragraph + "\n"
    art = build_article("a1", "x.txt", text)
    assert [q.text for q in quotes_of(art) if q.direct], art.furniture


# -- read_bytes asks for the size stat gives, and reads on when the file grew ---------------


@pytest.mark.parametrize("size", [0, 1, 2, 100, 4095, 4096, 4097, 65536, 200_000])
def test_read_bytes_reads_the_whole_file(tmp_path, size):
    from quotetrack.ingest import read_bytes

    data = bytes((i * 7 + 3) % 251 for i in range(size))
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    assert read_bytes(str(p), 200_000) == (data, None)


def _stat_giving(monkeypatch, size):
    """os.stat, in ingest, with st_size ``size``: the file grew after stat (or is in /proc, size 0)."""
    from quotetrack import ingest

    true_stat = os.stat

    class Stat:
        def __init__(self, st):
            self.st_mode = st.st_mode
            self.st_size = size

    monkeypatch.setattr(ingest.os, "stat", lambda path: Stat(true_stat(path)))


@pytest.mark.parametrize("stat_says, real, limit", [(0, 10, 100), (5, 10, 100), (99, 100, 100), (0, 4096, 10_000), (10, 3000, 3000)])
def test_read_bytes_reads_on_when_the_file_grew_after_stat(tmp_path, monkeypatch, stat_says, real, limit):
    from quotetrack.ingest import read_bytes

    p = tmp_path / "grows.txt"
    p.write_bytes(b"x" * real)
    _stat_giving(monkeypatch, stat_says)
    assert read_bytes(str(p), limit) == (b"x" * real, None)


@pytest.mark.parametrize("stat_says, real, limit", [(0, 101, 100), (50, 150, 100), (100, 5000, 100)])
def test_read_bytes_stops_a_file_that_grew_over_the_limit(tmp_path, monkeypatch, stat_says, real, limit):
    from quotetrack.ingest import read_bytes

    p = tmp_path / "grows.txt"
    p.write_bytes(b"y" * real)
    _stat_giving(monkeypatch, stat_says)
    data, reason = read_bytes(str(p), limit)
    assert data is None and reason == f"file grew over the {limit:,}-byte limit while being read"
