"""Reading articles: files -> Article (text, outlet, date, title, body span).

Inputs, found under the given paths in a stable order (folders recursively,
sorted):

* ``.txt`` and ``.md``/``.markdown``: the file's text, decoded without
  translating newlines, so offsets are file offsets; Markdown (or any text)
  may open with YAML front matter;
* ``.html``/``.htm``: a saved web page; trafilatura extracts the article body
  and its metadata, and offsets refer to the extracted text;
* ``.jsonl``: one article per line (``text`` and optional ``outlet``,
  ``date``, ``title``, ``url``, ``id``); each line is its own article
  (``dump.jsonl:17``) and offsets refer to its ``text``; a bad line is
  skipped with its number and the rest are read;
* ``-``: standard input (shown as ``<stdin>``), sniffed as HTML, JSON Lines
  or text.

Every file that cannot be used becomes a ``Skipped`` with a one-line reason;
none stops the others. The outlet is decided in ``outlets``; page furniture
(promos, teasers, "Top Stories" lists) around the body is marked here.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .lexicon import SPEECH_VERBS
from .models import Article, Skipped
from .outlets import (
    OUTLETS_FILE,
    OutletMap,
    OutletMapError,
    decide,
    load_outlet_map,
    map_for,
    maps_for,
)
from .readers import (
    BadLine,
    Decoded,
    ExtractionError,
    declared_charset,
    error_line,
    extract_html,
    front_matter,
    has_text_bom,
    jsonl_records,
    looks_like_html,
    meta_str,
    normalise_date,
    page_failure,
    utf16_without_bom,
)
from .readers import (
    decode as _decode,
)
from .styles import reading_view
from .walk import walk

FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
SUFFIXES = tuple(FORMATS)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_PATH = "<stdin>"

# What article offsets refer to.
OFFSETS_FILE = "file"  # the file (or standard input) as decoded
OFFSETS_EXTRACTED = "extracted"  # the article text trafilatura extracted from a web page
OFFSETS_RECORD = "record"  # a JSON Lines record's "text" value


class InputError(Exception):
    """A problem with the command line's paths or options, as opposed to one file."""


def format_of(path: str) -> Optional[str]:
    return FORMATS.get(os.path.splitext(path)[1].lower())


# --------------------------------------------------------------------------- files


def discover(paths: Iterable[Union[str, Path]], ignore: Iterable[str] = ()) -> tuple[list[str], list[Skipped]]:
    """Files to read under ``paths`` (recursively, sorted), and what was passed over.

    ``-`` stands for standard input and is returned as is. A path that does
    not exist raises InputError: that is a usage error. A file passed over
    is reported once however often it is named. ``ignore`` lists files not
    to report (an outlets file given on the command line).
    """
    found: list[str] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    ignored = {os.path.realpath(p) for p in ignore}

    def add(p: str) -> None:
        seen.add(p)
        found.append(p)

    for raw in paths:
        p = str(raw)
        if p == STDIN:
            if STDIN in seen:
                raise InputError("standard input (-) can be given only once")
            add(p)
            continue
        if not os.path.lexists(p):
            raise InputError(f"{_shown(p)}: no such file or directory")
        if os.path.isdir(p):
            for f in _walk(p, skipped, ignored):
                add(f)
        elif format_of(p):
            add(p)
        else:
            skipped.append(Skipped(p, _unsupported(p)))
    return found, _unique(skipped)


def _shown(p: str) -> str:
    return p.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unsupported(p: str) -> str:
    suffix = Path(p).suffix
    return f"unsupported file type '{suffix or '(none)'}'"


def _unique(skipped: list[Skipped]) -> list[Skipped]:
    seen: set[str] = set()
    out = []
    for s in skipped:
        key = os.path.realpath(s.path) if os.path.exists(s.path) else s.path
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _walk(root: str, skipped: list[Skipped], ignored: set[str]) -> list[str]:
    def problem(path: str, reason: str) -> None:
        skipped.append(Skipped(path, reason))

    def keep_dir(_folder: str, name: str, files: list[str]) -> bool:
        # A browser's "save page, complete" puts the page's images, scripts and styles
        # in "<page>_files" beside it: those are not articles.
        if not name.endswith("_files"):
            return True
        page = name[: -len("_files")]
        return not any(os.path.splitext(n)[0] == page and format_of(n) == "html" for n in files)

    out: list[str] = []
    for dirpath, filenames in walk(root, problem, keep_dir):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if format_of(name):
                out.append(full)
            elif name == OUTLETS_FILE:
                if os.path.normpath(dirpath) != os.path.normpath(root) and os.path.realpath(full) not in ignored:
                    skipped.append(
                        Skipped(full, f"{OUTLETS_FILE} is read only at the top of a scanned folder or with --outlets")
                    )
            elif os.path.realpath(full) not in ignored:
                skipped.append(Skipped(full, _unsupported(full)))
    return sorted(out)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Optional[bytes], Optional[str]]:
    """(data, None) or (None, the reason it was skipped)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None, "not a regular file" if not stat.S_ISDIR(st.st_mode) else "is a directory"
        size = st.st_size
        if size > max_bytes:
            return None, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"
        with open(path, "rb") as fh:
            # Ask for the size stat gave and a byte more, not for max_bytes + 1: a read of n bytes
            # allocates n bytes first (20 MiB a file by default). A file that grew (or that
            # stat gives no size, as /proc does) is read on up to the limit.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        if os.path.islink(path):
            return None, "broken symbolic link"
        return None, "file vanished before it could be read"
    except IsADirectoryError:
        return None, "is a directory"
    except PermissionError:
        return None, "permission denied"
    except OSError as err:
        return None, f"cannot read: {err.strerror or err}"
    if len(data) > max_bytes:
        return None, f"file grew over the {max_bytes:,}-byte limit while being read"
    return data, None


def check_text(data: bytes) -> Optional[str]:
    """Why these bytes are not a text article (empty, binary), or None."""
    if not data.strip():
        return "empty file"
    if b"\x00" in data[:8192] and not has_text_bom(data) and not utf16_without_bom(data):
        return "binary file (contains NUL bytes)"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the decoding used. Never raises."""
    d = _decode(data)
    return d.text, d.encoding


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, reason it was skipped)."""
    data, reason = read_bytes(path, max_bytes)
    if data is None:
        return None, reason
    reason = check_text(data)
    if reason:
        return None, reason
    text = _decode(data).text
    if not _has_text(text):
        return None, "empty file"
    return text, None


def _has_text(text: str) -> bool:
    return bool(text.strip().strip("\ufeff").strip())


# --------------------------------------------------------------------------- metadata

_DATE_WORDS = re.compile(
    r"\b(?:Posted|Published|Updated)?:?\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\b"
)


# Each form of _DATE_WORDS holds one of these: where none is, there is no date to read (a
# cheap look before the costlier pattern, which tries every word boundary).
_DATE_CORE = re.compile(r"\d, \d{4}|\d [A-Z][a-z]+ \d{4}")


def guess_date(text: str, meta: dict) -> Optional[str]:
    """``YYYY-MM-DD`` from the metadata's date, else from a ``Month D, YYYY`` near the top.

    A metadata date in a form not recognised is kept as written."""
    raw = meta_str(meta, "date")
    if raw:
        return normalise_date(raw) or raw
    head = text[:2000]
    if _DATE_CORE.search(head) is None:
        return None
    for m in _DATE_WORDS.finditer(head):
        d = normalise_date(m.group("date"))
        if d:
            return d
    return None


# --------------------------------------------------------------------------- furniture

# A line that starts the page furniture after the body: everything from it on is not article text.
_TAIL_MARKER = re.compile(
    r"(top stories|most (watched|read|popular)( today| now)?|more videos|more stories|related( stories| articles| coverage| content| news)?"
    r"|read more|recommended( for you| stories)?|you (may|might) also like|trending( now| stories)?|latest (news|headlines)"
    r"|editor'?s picks|submit a correction|accessibility feedback|all headlines|author avatar|more from [\w .'-]+"
    r"|comments?|share this (article|story)|popular (now|stories)|advertisement|sponsored( content)?)\s*:?",
    re.I,
)
# A single line of furniture anywhere (see _is_line_furniture).
_LINE_FURNITURE = re.compile(
    r"(sign up\b.*|subscribe\b.*|unlock the .*|win \$\d+.*|advertisement|share|print|email"
    r"|follow us.*|click here.*|listen to (this )?article.*|\d+[smhd] ago|\d{1,2}:\d{2}|posted .*|last updated .*"
    r"|updated .*|published .*|- [\w ]+:?|@\w+|photo: .*|image: .*|\(?credit: .*)",
    re.I,
)
_NEWSLETTER = re.compile(r"\bnewsletter\b", re.I)  # a line of one paragraph that names a newsletter
# Quoted words in a line (a pair of marks): a line that quotes someone is article text, not a promotion.
_QUOTED = re.compile(r"[“\"«„‘][^“”\"«»„]{2,}[”\"»’]")
_PROMO = re.compile(r"newsletter|unlock|sign up|subscribe", re.I)
_BODY_END_PUNCT = tuple(".!?\"”’'):")


def _is_line_furniture(line: str) -> bool:
    """A line of furniture: one of _LINE_FURNITURE's forms, or a line (no line break) that
    names a newsletter and quotes nobody. _NEWSLETTER is searched only when the case-folded line holds the
    word (the only other letter re.I matches there, "ſ" for "s", folds to "s"): searched
    with re.I in every line, it cost as much as reading all the other furniture."""
    if _LINE_FURNITURE.fullmatch(line):
        return True
    return (
        "newsletter" in line.casefold()
        and "\n" not in line
        and not _QUOTED.search(line)  # “We started a newsletter,” Roe said: the article's words, quoted
        and _NEWSLETTER.search(line) is not None
    )


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        yield pos, end, text[pos:end]
        pos = end + 1


_OPEN_ENDINGS = frozenset("a an the of to and or but in on at for with by from as that which who".split())


def _wrapped(stripped: str, lines: list, k: int) -> bool:
    """A line of a hard-wrapped paragraph: it stops mid-sentence and the paragraph runs on."""
    if k + 1 >= len(lines) or not lines[k + 1][2].strip():
        return False
    last = stripped.rsplit(None, 1)[-1].lower()
    nxt = lines[k + 1][2].strip()
    return stripped.endswith((",", ";")) or last in _OPEN_ENDINGS or nxt[:1].islower()


_OPENING_MARKS = tuple("“\"„«") + ("''",)
_CLOSING_MARKS = "”\"»“'’)"
_SPEECH_CUE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|according to)\b", re.I)


def _ends_a_sentence(line: str) -> bool:
    return line.rstrip(_CLOSING_MARKS)[-1:] in (".", "!", "?", "…")


def _is_speech(line: str) -> bool:
    """Body copy, not a headline: dialogue (a line that opens with a quotation mark
    and ends a sentence), or a sentence quoting someone with a speech cue.
    ``line`` is from the reading view, where speech marks are double marks."""
    if not _ends_a_sentence(line):
        return False
    if line.startswith(_OPENING_MARKS):
        return True
    opened = max(line.find("“"), line.find(' "'), line.find("''"), line.find("«"))
    return opened != -1 and bool(_SPEECH_CUE.search(line))


def body_layout(text: str, start: int = 0) -> tuple[Optional[str], int, int, tuple[tuple[int, int], ...]]:
    """(title, body_start, body_end, furniture spans) for the text after ``start``.

    Lines are read in the text's reading view (``styles.reading_view``: hard
    wraps joined, the house style's speech marks as double marks), which
    keeps every offset. A text of one line has no headline, and nor does one
    whose first line is dialogue or a sentence quoting someone."""
    furniture: list[tuple[int, int]] = []
    title: Optional[str] = None
    title_span: Optional[tuple[int, int]] = None
    body_start: Optional[int] = None
    body_end = len(text)
    after_promo = False
    view = reading_view(text)
    lines = list(_lines(view, start))
    one_line = sum(1 for _s, _e, line in lines if line.strip()) == 1
    for k, (s, e, line) in enumerate(lines):
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if _TAIL_MARKER.fullmatch(stripped):
            if body_start is not None:
                body_end = s
                break
            furniture.append((s, e))
            after_promo = True
            continue
        if _is_line_furniture(stripped):
            furniture.append((s, e))
            after_promo = bool(_PROMO.search(stripped))
            continue
        if body_start is None:
            # (Only the lines before the body are measured: after it, a line is furniture or body.)
            words = len(stripped.split())
            ends_sentence = stripped.endswith(_BODY_END_PUNCT)
            if (ends_sentence or _wrapped(stripped, lines, k)) and words >= 8 or one_line or _is_speech(stripped):
                body_start = s
            elif after_promo and not ends_sentence:
                furniture.append((s, e))  # the second line of a promo block
            elif title is None:
                title = " ".join(text[s:e].strip().lstrip("#").split())
                title_span = (s, e)
            after_promo = False
    if body_start is None:
        body_start = title_span[1] if title_span else start
        if body_start >= body_end:
            body_start = start
    spans = tuple(sp for sp in furniture if sp[0] >= body_start and sp[1] <= body_end)
    return title, body_start, body_end, spans


def build_article(
    article_id: str,
    path: str,
    text: str,
    *,
    meta: Optional[dict] = None,
    input_format: str = "text",
    offsets: str = OFFSETS_FILE,
    decoded: Optional[Decoded] = None,
    file_path: Optional[str] = None,
    set_outlet: Optional[str] = None,
    outlet_map: Optional[OutletMap] = None,
    italics: tuple[tuple[int, int], ...] = (),
) -> Article:
    """An Article from its text. Without ``meta``, metadata come from the text's front matter."""
    content_start = 0
    if meta is None:
        meta, content_start = front_matter(text)
    flat = {k: v for k in meta if (v := meta_str(meta, k))}
    title, body_start, body_end, furniture = body_layout(text, content_start)
    outlet = decide(path, text, flat, file_path=file_path, set_outlet=set_outlet, outlet_map=outlet_map)
    return Article(
        id=article_id,
        path=path,
        text=text,
        outlet=outlet.outlet,
        outlet_rule=outlet.rule,
        title=flat.get("title") or title,
        date=guess_date(text, flat),
        credit=outlet.credit,
        body_start=body_start,
        body_end=body_end,
        furniture=furniture,
        offsets=offsets,
        input_format=input_format,
        encoding=decoded.encoding if decoded else None,
        encoding_note=decoded.note if decoded else "",
        url=flat.get("url"),
        author=flat.get("author"),
        record_id=flat.get("id") if input_format == "jsonl" else None,
        outlet_evidence=outlet.evidence,
        italics=italics,
    )


def _sniff(text: str) -> str:
    """The format of standard input: html, jsonl or text."""
    if looks_like_html(text):
        return "html"
    first = next((line.strip().lstrip("\ufeff") for line in text.split("\n") if line.strip().lstrip("\ufeff")), "")
    if first.startswith("{"):
        try:
            obj = json.loads(first)
        except ValueError:
            return "text"
        if isinstance(obj, dict) and ("text" in obj or "html" in obj):
            return "jsonl"
    return "text"


class _Loader:
    def __init__(
        self,
        max_bytes: int,
        set_outlet: Optional[str],
        fixed_map: Optional[OutletMap],
        folder_maps: list[OutletMap],
        stdin: Optional[BinaryIO],
    ):
        self.max_bytes = max_bytes
        self.set_outlet = set_outlet
        self.fixed_map = fixed_map
        self.folder_maps = folder_maps
        self.stdin = stdin
        self.articles: list[Article] = []
        self.skipped: list[Skipped] = []
        self.first = 1  # the number of the first article of the input being read (``read_input``)

    def outlet_context(self, path: str) -> str:
        """What besides its bytes decides an input's articles: its path, its format, the
        outlet given and the outlets mapping that applies (for ``cache`` keys)."""
        return repr((path, format_of(path), self.set_outlet, self._map(path)))

    def _next_id(self) -> str:
        return f"a{len(self.articles) + self.first}"

    def _map(self, file_path: str) -> Optional[OutletMap]:
        if self.fixed_map is not None:
            return self.fixed_map
        if file_path == STDIN_PATH:
            return None
        return map_for(file_path, self.folder_maps)

    def read(self, path: str) -> None:
        if path == STDIN:
            shown = STDIN_PATH
            stream = self.stdin if self.stdin is not None else sys.stdin.buffer
            try:
                data = stream.read(self.max_bytes + 1)
            except OSError as err:
                self.skipped.append(Skipped(shown, f"cannot read standard input: {err.strerror or err}"))
                return
            if len(data) > self.max_bytes:
                self.skipped.append(Skipped(shown, f"input is over the {self.max_bytes:,}-byte limit"))
                return
            fmt = None
        else:
            shown = path
            data, reason = read_bytes(path, self.max_bytes)
            if data is None:
                self.skipped.append(Skipped(path, reason or "unreadable"))
                return
            fmt = format_of(path)
        self.read_data(shown, data, fmt)

    def read_data(self, shown: str, data: bytes, fmt: Optional[str]) -> None:
        """The articles of one input's bytes (``fmt`` None: sniffed, as for standard input)."""
        reason = check_text(data)
        if reason:
            self.skipped.append(Skipped(shown, reason))
            return
        decoded = _decode(data, declared_charset(data) if fmt == "html" else None)
        if not _has_text(decoded.text):
            self.skipped.append(Skipped(shown, "empty file"))
            return
        if fmt is None:
            fmt = _sniff(decoded.text)
            if fmt == "html":
                decoded = _decode(data, declared_charset(data))
        if fmt == "html":
            self._html(shown, decoded)
        elif fmt == "jsonl":
            self._jsonl(shown, decoded)
        else:
            self.articles.append(
                build_article(
                    self._next_id(), shown, decoded.text,
                    input_format="markdown" if fmt == "markdown" else "text",
                    decoded=decoded, set_outlet=self.set_outlet, outlet_map=self._map(shown),
                )
            )

    def _html(self, shown: str, decoded: Decoded, *, path: Optional[str] = None, extra: Optional[dict] = None) -> None:
        try:
            page = extract_html(decoded.text)
        except ExtractionError as err:
            self.skipped.append(Skipped(path or shown, str(err)))
            return
        except Exception as err:  # whatever the reader raises, this page alone is skipped
            self.skipped.append(Skipped(path or shown, page_failure(err)))
            return
        meta = dict(page.meta)
        meta.update(extra or {})
        self.articles.append(
            build_article(
                self._next_id(), path or shown, page.text,
                meta=meta, input_format="jsonl" if extra is not None else "html", offsets=OFFSETS_EXTRACTED,
                decoded=decoded, file_path=shown, set_outlet=self.set_outlet, outlet_map=self._map(shown),
                italics=page.italics,
            )
        )

    def _jsonl(self, shown: str, decoded: Decoded) -> None:
        good = 0
        for rec in jsonl_records(decoded.text):
            where = f"{shown}:{rec.line}"
            if isinstance(rec, BadLine):
                self.skipped.append(Skipped(where, rec.reason))
                continue
            good += 1
            if rec.html:
                self._html(shown, Decoded(rec.text, decoded.encoding, decoded.note), path=where, extra=rec.meta)
                continue
            self.articles.append(
                build_article(
                    self._next_id(), where, rec.text,
                    meta=rec.meta, input_format="jsonl", offsets=OFFSETS_RECORD,
                    decoded=decoded, file_path=shown, set_outlet=self.set_outlet, outlet_map=self._map(shown),
                )
            )
        if not good and not any(s.path.startswith(shown + ":") for s in self.skipped):
            self.skipped.append(Skipped(shown, "empty file"))


def prepare(
    paths: Iterable[Union[str, Path]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
) -> tuple[list[str], "_Loader"]:
    """What ``load`` reads, before reading it: the inputs in order, and the reader that
    reads them (its ``skipped`` already lists what was passed over). Raises InputError
    as ``load`` does."""
    names = [str(p) for p in paths]
    set_outlet = _one_outlet(names, set_outlet)
    try:
        fixed_map = load_outlet_map(str(outlets)) if outlets is not None else None
        folder_maps = [] if outlets is not None else maps_for([p for p in names if p != STDIN and os.path.isdir(p)])
    except OutletMapError as err:
        raise InputError(str(err)) from None
    files, skipped = discover(names, ignore=[str(outlets)] if outlets is not None else [])
    loader = _Loader(max_bytes, set_outlet, fixed_map, folder_maps, stdin)
    loader.skipped.extend(skipped)
    return files, loader


def read_input(loader: "_Loader", path: str, data: Optional[bytes] = None, first: int = 1) -> tuple[list[Article], list[Skipped]]:
    """The articles of one input and what of it was skipped, taken out of ``loader``; their
    ids count from ``a{first}`` (``a1`` by default) within the input. ``data``: the input's
    bytes, already read."""
    articles, skipped = loader.articles, loader.skipped
    loader.articles, loader.skipped = [], []
    loader.first = first
    try:
        if data is None:
            _read_one(loader, path)
        else:
            try:
                loader.read_data(path, data, format_of(path))
            except Exception as err:
                loader.skipped.append(Skipped(path, f"could not be read: {error_line(err)}"))
        return loader.articles, loader.skipped
    finally:
        loader.articles, loader.skipped = articles, skipped
        loader.first = 1


def load(
    paths: Iterable[Union[str, Path]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``. Bad files are skipped with a reason, never fatal.

    ``outlets``: an outlets mapping file for every article (else the
    ``outlets.toml`` at the top of each scanned folder applies to that
    folder). ``set_outlet``: the outlet of a single input file or of
    standard input. ``stdin``: the stream ``-`` reads (default: sys.stdin).
    Raises InputError for usage errors: a missing path, a bad mapping file,
    ``set_outlet`` with more than one input.
    """
    files, loader = prepare(paths, max_bytes, outlets=outlets, set_outlet=set_outlet, stdin=stdin)
    for path in files:
        _read_one(loader, path)
    return loader.articles, loader.skipped


def _one_outlet(names: list[str], set_outlet: Optional[str]) -> Optional[str]:
    """``--set-outlet``'s name, stripped; InputError unless it names the outlet of one input."""
    if set_outlet is None:
        return None
    set_outlet = set_outlet.strip()
    if not set_outlet:
        raise InputError("--set-outlet needs a name")
    if len(names) != 1 or (names[0] != STDIN and os.path.isdir(names[0])):
        what = "a folder" if len(names) == 1 else f"{len(names)} inputs"
        raise InputError(f"--set-outlet names the outlet of one file or of standard input, not of {what}")
    return set_outlet


def _read_one(loader: _Loader, path: str) -> None:
    """Read one input; an error no reader foresaw skips that input, never the scan."""
    try:
        loader.read(path)
    except Exception as err:
        shown = STDIN_PATH if path == STDIN else path
        loader.skipped.append(Skipped(shown, f"could not be read: {error_line(err)}"))
