"""A reader that fails skips its own input with a one-line reason; the scan goes on.

Issue 12: in an installation without lxml_html_clean, importing trafilatura
raises ImportError from lxml.html.clean, and that used to end the whole scan
with a traceback, losing the plain-text articles beside the page.
"""

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotetrack.ingest as ingest
import quotetrack.readers as readers
from quotetrack import scan
from quotetrack.cli import app

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "install" / "quarry-museum.html"
PAGE_QUOTE = "The quarry gave this valley its walls and its wages"
ARTICLE = (
    "Ferry timetable to change in May\n\n"
    "The Saltmere ferry will sail every forty minutes from the first of May, the operator said on Monday.\n\n"
    "\u201cMore crossings in the morning is what commuters asked us for,\u201d said Lorcan Abernethy, "
    "the operator's manager.\n"
)
ARTICLE_QUOTE = "More crossings in the morning is what commuters asked us for"
# The message lxml 6 raises when lxml_html_clean is not installed.
LXML_MESSAGE = "lxml.html.clean module is now a separate project lxml_html_clean.\nInstall lxml[html-clean] or lxml_html_clean directly."
runner = CliRunner()


@pytest.fixture
def folder(tmp_path):
    """A saved web page and a plain-text article side by side (the page sorts first)."""
    shutil.copy(PAGE, tmp_path / "a-quarry.html")
    (tmp_path / "b-ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _failing(err):
    def extract(*_args, **_kwargs):
        raise err

    return extract


def _skips(result):
    return [(Path(s.path).name, s.reason) for s in result.skipped]


def _words(result):
    return [q.words for q in result.quotes]


def test_the_page_is_read_when_nothing_fails(folder):
    result = scan([folder])
    assert sorted(Path(a.path).name for a in result.articles) == ["a-quarry.html", "b-ferry.txt"]
    assert any(PAGE_QUOTE in w for w in _words(result)) and any(ARTICLE_QUOTE in w for w in _words(result))
    assert not result.skipped


@pytest.mark.parametrize(
    "err, reason",
    [
        (
            ImportError(LXML_MESSAGE),
            "cannot read web pages, a library is missing: ImportError: lxml.html.clean module is now a separate "
            "project lxml_html_clean. Install lxml[html-clean] or lxml_html_clean directly.",
        ),
        (RuntimeError("extractor gave up"), "page could not be extracted: RuntimeError: extractor gave up"),
    ],
)
def test_a_failing_extractor_skips_only_the_page(folder, monkeypatch, err, reason):
    monkeypatch.setattr(ingest, "extract_html", _failing(err))
    result = scan([folder])
    assert [Path(a.path).name for a in result.articles] == ["b-ferry.txt"]
    (quote,) = [q for q in result.quotes if q.direct]
    assert ARTICLE_QUOTE in quote.words and quote.speaker == "Lorcan Abernethy"
    assert _skips(result) == [("a-quarry.html", reason)]


def test_trafilatura_that_cannot_be_imported_is_a_skip_reason(folder, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` raise
    result = scan([folder])
    assert [Path(a.path).name for a in result.articles] == ["b-ferry.txt"]
    ((name, reason),) = _skips(result)
    assert name == "a-quarry.html"
    assert reason.startswith("cannot read web pages, a library is missing: ModuleNotFoundError: ")
    assert "trafilatura" in reason and "\n" not in reason


def test_a_parser_error_is_a_skip_reason(folder, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", _failing(ValueError("unexpected end of\nmarkup")))
    result = scan([folder])
    assert [Path(a.path).name for a in result.articles] == ["b-ferry.txt"]
    assert _skips(result) == [("a-quarry.html", "HTML could not be parsed: ValueError: unexpected end of markup")]


def test_an_error_after_parsing_is_a_skip_reason(folder, monkeypatch):
    monkeypatch.setattr(readers, "_paragraphs", _failing(TypeError("odd element")))
    result = scan([folder])
    assert [Path(a.path).name for a in result.articles] == ["b-ferry.txt"]
    assert _skips(result) == [("a-quarry.html", "page could not be extracted: TypeError: odd element")]


def test_a_long_message_is_cut_to_one_short_line(folder, monkeypatch):
    monkeypatch.setattr(ingest, "extract_html", _failing(RuntimeError("word " * 100)))
    ((_, reason),) = _skips(scan([folder]))
    assert len(reason) <= len("page could not be extracted: ") + 200 and reason.endswith("…")


def test_a_failing_html_record_skips_only_its_line(tmp_path, monkeypatch):
    lines = [{"html": PAGE.read_text(encoding="utf-8"), "outlet": "Dales Courier"}, {"text": ARTICLE, "outlet": "Saltmere Post"}]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(ingest, "extract_html", _failing(ImportError(LXML_MESSAGE)))
    result = scan([tmp_path])
    assert [a.path.rsplit("/", 1)[-1] for a in result.articles] == ["dump.jsonl:2"]
    assert [(s.path.rsplit("/", 1)[-1], s.reason.split(":")[0]) for s in result.skipped] == [
        ("dump.jsonl:1", "cannot read web pages, a library is missing")
    ]


def test_any_error_while_reading_an_input_skips_only_that_input(tmp_path, monkeypatch):
    (tmp_path / "a-bad.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(ARTICLE, encoding="utf-8")
    build = ingest.build_article

    def fragile(article_id, path, text, **kw):
        if path.endswith("a-bad.txt"):
            raise MemoryError("no room")
        return build(article_id, path, text, **kw)

    monkeypatch.setattr(ingest, "build_article", fragile)
    result = scan([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["b-good.txt"]
    assert _skips(result) == [("a-bad.txt", "could not be read: MemoryError: no room")]


def test_the_cli_lists_the_page_as_skipped_and_exits_0(folder, monkeypatch):
    monkeypatch.setattr(ingest, "extract_html", _failing(ImportError(LXML_MESSAGE)))
    r = runner.invoke(app, ["scan", str(folder), "--format", "json"])
    assert r.exit_code == 0 and r.exception is None
    doc = json.loads(r.stdout)
    assert doc["summary"]["articles"] == 1 and doc["summary"]["skipped"] == 1
    assert any(ARTICLE_QUOTE in q["words"] for q in doc["quotes"])
    (skipped,) = doc["skipped"]
    assert skipped["path"].endswith("a-quarry.html")
    assert skipped["reason"].startswith("cannot read web pages, a library is missing: ImportError: lxml.html.clean")

    r = runner.invoke(app, ["scan", str(folder)])
    assert r.exit_code == 0 and r.exception is None
    shown = " ".join(r.output.split())  # the table wraps long lines at 100 columns
    assert "Lorcan Abernethy" in shown and "a-quarry.html: cannot read web pages, a library is missing" in shown
    assert "Traceback" not in shown
    assert runner.invoke(app, ["scan", str(folder), "--strict"]).exit_code == 1


def test_lxml_html_clean_is_a_direct_dependency():
    """Named directly, not only as lxml's extra, which pip before 23.3 fails to match (issue 12)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace("-", "_").lower().startswith("lxml_html_clean") for d in deps)
