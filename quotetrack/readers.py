"""Readers of the input formats: bytes -> text, and the metadata each format carries.

* ``decode``: UTF-8 (a BOM is kept as U+FEFF), UTF-16/UTF-32 with a BOM,
  UTF-16 without one when its NUL pattern is unmistakable, else Windows-1252;
  never raises.
* ``front_matter``: the YAML subset that Markdown front matter uses (quoted
  values, flow and block lists, folded and literal blocks, comments, CRLF).
* ``extract_html``: the article body and metadata of a saved web page, by
  trafilatura, entirely offline; the body comes back as plain paragraphs
  separated by blank lines, like a ``.txt`` article.
* ``jsonl_records``: one article per line of a JSON Lines dump, with every
  bad line reported by number.
* ``normalise_date``: ``YYYY-MM-DD`` from the date forms news metadata uses.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Union

from .outlets import domain_of, host_of

# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Text and how it was decoded.

    ``encoding`` is a Python codec name such that
    ``data.decode(encoding, errors="replace") == text``: reading the file with
    ``open(path, encoding=encoding, errors="replace", newline="")`` gives the
    same characters, so file offsets can be checked against it. ``note`` says
    more for people (a BOM, replaced bytes, a charset the page declared).
    """

    text: str
    encoding: str
    note: str = ""

    @property
    def description(self) -> str:
        return f"{self.encoding} ({self.note})" if self.note else self.encoding


def has_text_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def utf16_without_bom(data: bytes) -> Optional[str]:
    """'utf-16-le' or 'utf-16-be' when the bytes look like BOM-less UTF-16 text."""
    sample = data[:8192]
    if len(sample) < 16:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    n = len(even)
    if odd.count(0) > 0.9 * n and even.count(0) < 0.1 * n:
        return "utf-16-le"
    if even.count(0) > 0.9 * n and odd.count(0) < 0.1 * n:
        return "utf-16-be"
    return None


def decode(data: bytes, declared: Optional[str] = None) -> Decoded:
    """Decode a file's bytes. Never raises.

    Order: a UTF-32/UTF-16 BOM; BOM-less UTF-16; strict UTF-8 (a UTF-8 BOM is
    kept as U+FEFF at offset 0, so offsets stay those of the file read as
    UTF-8); a charset the document declared (HTML); UTF-8 with the odd bad
    byte replaced when the rest is clearly UTF-8; else Windows-1252, the
    legacy encoding of Western news systems (its five unassigned bytes
    replaced by U+FFFD).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # Python's utf-16/utf-32 codecs read the BOM and drop it.
            return Decoded(data.decode(codec, errors="replace"), codec, "byte order mark")
    wide = utf16_without_bom(data)
    if wide:
        return Decoded(data.decode(wide, errors="replace"), wide, "no byte order mark; detected from NUL bytes")
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", "byte order mark kept as U+FEFF" if text.startswith("\ufeff") else "")
    except UnicodeDecodeError:
        pass
    if declared:
        named = _codec(declared)
        if named and named != "utf-8":
            return Decoded(data.decode(named, errors="replace"), named, "charset declared by the document")
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if good > bad:
        # Mostly good UTF-8 with a few broken bytes: Windows-1252 would garble every good character.
        return Decoded(replaced, "utf-8", f"{bad} undecodable byte{'s' if bad != 1 else ''} replaced by U+FFFD")
    text = data.decode("cp1252", errors="replace")
    lost = text.count("\ufffd")
    note = "not UTF-8; read as Windows-1252"
    if lost:
        note += f", {lost} unassigned byte{'s' if lost != 1 else ''} replaced by U+FFFD"
    return Decoded(text, "cp1252", note)


def _codec(name: str) -> Optional[str]:
    name = name.strip().strip("'\"").lower()
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"):
        # As browsers do: pages labelled Latin-1 or ASCII are Windows-1252.
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(html: bytes) -> Optional[str]:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(html[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


# --------------------------------------------------------------------------- front matter

_FM_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)
_KEY = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?)|[ \t]*)$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*?)[ \t]*$|^-[ \t]+(.*?)[ \t]*$")

MetaValue = Union[str, list[str]]


def _unquote(raw: str) -> str:
    """A YAML scalar: quoted ('it''s', "a \\"b\\"") or plain (a trailing # comment removed)."""
    s = raw.strip()
    if len(s) >= 2 and s[0] == s[-1] == "'":
        return s[1:-1].replace("''", "'")
    if len(s) >= 2 and s[0] == s[-1] == '"':
        try:
            return json.loads(s)
        except ValueError:
            return s[1:-1]
    return re.sub(r"[ \t]+#.*$", "", s).strip()


def _flow_list(raw: str) -> list[str]:
    """Items of ``[a, "b, c", 'd']``."""
    inner = raw.strip()[1:-1]
    items: list[str] = []
    buf = ""
    quote = ""
    for ch in inner:
        if quote:
            buf += ch
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            buf += ch
        elif ch == ",":
            items.append(buf)
            buf = ""
        else:
            buf += ch
    items.append(buf)
    return [v for v in (_unquote(i) for i in items) if v]


def front_matter(text: str) -> tuple[dict[str, MetaValue], int]:
    """Keys of a YAML front matter block (lower-cased), and the offset where the body starts.

    A text without front matter gives ``({}, 0)``. Values are strings, or
    lists of strings for lists; nested mappings are passed over.
    """
    m = _FM_OPEN.match(text)
    if not m:
        return {}, 0
    close = _FM_CLOSE.search(text, m.end())
    if not close:
        return {}, 0
    block = text[m.end() : close.start()]
    meta: dict[str, MetaValue] = {}
    lines = block.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        km = _KEY.match(line)
        if not km:
            continue  # a comment, a blank line, or the inside of something passed over
        key, raw = km.group(1).lower(), (km.group(2) or "").strip()
        if raw.startswith("#"):
            raw = ""
        if raw in ("|", ">", "|-", ">-", "|+", ">+"):
            body = []
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in " \t"):
                body.append(lines[i].strip())
                i += 1
            joiner = "\n" if raw.startswith("|") else " "
            meta[key] = joiner.join(body).strip()
        elif raw.startswith("[") and raw.endswith("]"):
            meta[key] = _flow_list(raw)
        elif raw:
            meta[key] = _unquote(raw)
        else:
            items = []
            while i < len(lines) and (not lines[i].strip() or _ITEM.match(lines[i]) or lines[i][:1] in " \t"):
                im = _ITEM.match(lines[i])
                if im:
                    value = _unquote(im.group(1) if im.group(1) is not None else im.group(2))
                    if value:
                        items.append(value)
                i += 1
            if items:
                meta[key] = items
    return meta, close.end()


def meta_str(meta: dict[str, Any], key: str) -> Optional[str]:
    """A metadata value as one string: lists joined with ', '; empty as None."""
    v = meta.get(key)
    if v is None or isinstance(v, (dict, bool)):
        return None
    if isinstance(v, list):
        parts = [str(x).strip() for x in v if isinstance(x, (str, int, float)) and str(x).strip()]
        return ", ".join(parts) or None
    s = str(v).strip()
    return s or None


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for name in names
}
_D_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_D_MDY = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_D_DMY = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def _ymd(y: int, m: int, d: int) -> Optional[str]:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` for an ISO date or timestamp, ``YYYY/MM/DD``, ``March 12, 2024``,
    ``Tue, 12 Mar 2024``; None when the value is none of these."""
    if not value:
        return None
    m = _D_ISO.match(value)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _D_MDY.match(value)
    if m and m.group(1).lower() in _MONTHS:
        return _ymd(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _D_DMY.match(value)
    if m and m.group(2).lower() in _MONTHS:
        return _ymd(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def is_iso_date(value: Optional[str]) -> bool:
    return bool(value) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or "") is not None


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class Extracted:
    """The article of a web page: body text (paragraphs separated by blank lines) and metadata."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    # Spans of the text that the page set in italics (<i>, <em>): titles of works often are.
    italics: tuple[tuple[int, int], ...] = ()


class ExtractionError(Exception):
    """A page gave no article: trafilatura found none, could not parse the page, or could not be loaded."""


def error_line(err: BaseException, limit: int = 200) -> str:
    """``TypeName: message`` on one line, cut at ``limit`` characters."""
    message = " ".join(str(err).split())
    text = f"{type(err).__name__}: {message}" if message else type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_failure(err: BaseException) -> str:
    """The skip reason for a page whose extraction raised ``err`` (not an ExtractionError).

    An ImportError means the HTML reader itself is broken (a library missing
    from the installation), which no page can fix, and the reason says so."""
    if isinstance(err, ImportError):
        return f"cannot read web pages, a library is missing: {error_line(err)}"
    return f"page could not be extracted: {error_line(err)}"


_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLOCKS = {"p", "head", "quote", "list", "item", "table", "row", "code", "div"}


# Private-use characters that mark where italics begin and end while the text is built.
_ITALIC_ON, _ITALIC_OFF = "\ue010", "\ue011"


def _inline_text(el: Any, marks: bool = False) -> str:
    """Text of an element with its markup removed; ``<lb/>`` becomes a line break.
    With ``marks``, italic runs (trafilatura's ``<hi rend="#i">``) are enclosed in
    _ITALIC_ON and _ITALIC_OFF."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(_WS.sub(" ", node.text))
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif marks and child.tag == "hi" and "#i" in (child.get("rend") or ""):
                parts.append(_ITALIC_ON)
                walk(child)
                parts.append(_ITALIC_OFF)
            elif child.tag in _BLOCKS:
                parts.append(" ")
                walk(child)
                parts.append(" ")
            else:
                walk(child)
            if child.tail:
                parts.append(_WS.sub(" ", child.tail))

    walk(el)
    text = "".join(parts)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")).strip()


def _paragraphs(body: Any, marks: bool = False) -> Iterator[str]:
    """The article's blocks in order, one string each."""
    for el in body:
        tag = el.tag
        if tag in ("list",):
            for item in el:
                if item.tag == "item":
                    t = _inline_text(item, marks)
                    if t:
                        yield t
        elif tag in ("quote", "div") and any(child.tag in _BLOCKS for child in el):
            if el.text and el.text.strip():
                yield _WS.sub(" ", el.text).strip()
            yield from _paragraphs(el, marks)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_inline_text(c, marks) for c in row if c.tag == "cell"]
                line = " | ".join(c for c in cells if c)
                if line:
                    yield line
        elif tag in ("graphic", "lb"):
            continue
        else:
            t = _inline_text(el, marks)
            if t:
                yield t
        if el.tail and el.tail.strip():
            yield _WS.sub(" ", el.tail).strip()


# trafilatura's settings, made on first use. Annotated: compiled with mypyc, a global whose type is
# inferred from ``None`` accepts nothing else.
_trafilatura_config: Any = None


def _config() -> Any:
    global _trafilatura_config
    if _trafilatura_config is None:
        from trafilatura.settings import use_config

        cfg = use_config()
        # A short story is still a story; and no signal-based timeouts (they fail off the main thread).
        cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        cfg.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
        cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        # quotetrack's own --max-bytes limits the size of what is read.
        cfg.set("DEFAULT", "MAX_FILE_SIZE", str(1 << 40))
        _trafilatura_config = cfg
    return _trafilatura_config


def extract_html(html: str) -> Extracted:
    """The article body and metadata of a saved web page.

    Navigation, teasers, comments and footers are left out by trafilatura.
    Nothing is fetched: the page is parsed as given. Raises ExtractionError,
    with a one-line reason, when no article text is found, when the page
    cannot be parsed, or when trafilatura (or a library it needs) cannot be
    imported; never anything else.
    """
    try:
        doc = _bare_extraction(html.lstrip("\ufeff"))
        return _article(doc)
    except ExtractionError:
        raise
    except Exception as err:  # the page is skipped, not the scan
        raise ExtractionError(page_failure(err)) from err


def _bare_extraction(html: str) -> Any:
    """trafilatura's reading of the page; ExtractionError when it raises on the markup."""
    import trafilatura  # imported on first use: it takes a moment

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_config(),
        )
    except ImportError:
        raise  # a module trafilatura loads lazily is missing: not the page's fault
    except Exception as err:  # trafilatura and lxml raise a variety of errors on broken markup
        raise ExtractionError(f"HTML could not be parsed: {error_line(err)}") from err


def _article(doc: Any) -> Extracted:
    """The Extracted article of trafilatura's document."""
    if doc is None or doc.body is None:
        raise ExtractionError("no article text found in the page")
    text = "\n\n".join(_paragraphs(doc.body))
    italics = _italic_spans(text, "\n\n".join(_paragraphs(doc.body, marks=True)))
    if not text.strip():
        raise ExtractionError("no article text found in the page")
    return Extracted(text, _page_meta(doc), italics)


def _page_meta(doc: Any) -> dict[str, str]:
    """Site name, title, author, date and URL of trafilatura's document."""
    meta: dict[str, str] = {}
    hosts = {(doc.hostname or "").lower().removeprefix("www."), host_of(doc.url), domain_of(doc.url)}
    sitename = (doc.sitename or "").strip()
    # Without og:site_name trafilatura falls back to the host name: that is the URL's domain, not metadata.
    if sitename and sitename.lower().removeprefix("www.") not in hosts:
        meta["site_name"] = sitename
    for key, value in (("title", doc.title), ("author", doc.author), ("date", doc.date), ("url", doc.url)):
        if value and str(value).strip():
            meta[key] = str(value).strip()
    return meta


def _italic_spans(text: str, marked: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` set in italics, from the same text with italic markers.
    None at all when taking the markers out does not give ``text`` back (a
    marker kept white space from being trimmed)."""
    if _ITALIC_ON not in marked:
        return ()
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    start = -1
    for m in re.finditer("[\ue010\ue011]", marked):
        i = m.start()
        parts.append(marked[pos:i])
        length += i - pos
        pos = i + 1
        if marked[i] == _ITALIC_ON:
            start = length
        elif start >= 0:
            if length > start:
                spans.append((start, length))
            start = -1
    parts.append(marked[pos:])
    return tuple(spans) if "".join(parts) == text else ()


_HTML_START = re.compile(r"\A[\ufeff\s]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


# --------------------------------------------------------------------------- JSON Lines

RECORD_FIELDS = ("outlet", "publisher", "source", "site_name", "date", "title", "url", "id", "author", "credit")


@dataclass(frozen=True)
class Record:
    """One good line of a JSON Lines file."""

    line: int  # 1-based
    text: str
    meta: dict[str, str]
    html: bool = False  # the text came from an "html" field and still needs extraction


@dataclass(frozen=True)
class BadLine:
    line: int
    reason: str


def jsonl_records(text: str) -> Iterator[Union[Record, BadLine]]:
    """Each non-blank line as a Record, or a BadLine saying what is wrong with it."""
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff").strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield BadLine(n, f"invalid JSON: {err.msg} (column {err.colno})")
            continue
        except RecursionError:
            yield BadLine(n, "invalid JSON: nested too deeply")
            continue
        if not isinstance(obj, dict):
            yield BadLine(n, f"not a JSON object but {_json_type(obj)}")
            continue
        body = obj.get("text")
        html = False
        if body is None and isinstance(obj.get("html"), str):
            body, html = obj["html"], True
        if body is None:
            yield BadLine(n, 'no "text" field')
            continue
        if not isinstance(body, str):
            yield BadLine(n, f'"text" is {_json_type(body)}, not a string')
            continue
        if not body.strip():
            yield BadLine(n, 'empty "text"')
            continue
        meta: dict[str, str] = {}
        for key in RECORD_FIELDS:
            v = meta_str(obj, key)
            if v:
                meta[key] = v
        yield Record(n, body, meta, html)


def _json_type(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, dict):
        return "an object"
    return "a string"
