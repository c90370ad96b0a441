"""Reading articles: files -> Article (text, outlet, date, title, body span).

Finds ``.txt`` and ``.md`` files under the given paths in a stable order,
decodes them without translating newlines (so offsets are file offsets),
reads Markdown front matter, decides the outlet, and marks the page
furniture (promos, teasers, "Top Stories" lists) that surrounds the body.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .models import Article, Skipped

SUFFIXES = (".txt", ".md", ".markdown")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A problem with the command line's paths, as opposed to one file."""


# --------------------------------------------------------------------------- files


def discover(paths: Iterable[Union[str, Path]]) -> tuple[list[str], list[Skipped]]:
    """Files to read under ``paths`` (recursively, sorted), and what was passed over.

    A path that does not exist raises InputError: that is a usage error.
    """
    found: list[str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        p = str(raw)
        if not os.path.lexists(p):
            raise InputError(f"{p}: no such file or directory")
        if os.path.isdir(p):
            found.extend(_walk(p, skipped))
        elif p.lower().endswith(SUFFIXES):
            found.append(p)
        else:
            skipped.append(Skipped(p, f"unsupported file type '{Path(p).suffix or '(none)'}'"))
    return found, skipped


def _walk(root: str, skipped: list[Skipped]) -> Iterator[str]:
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        skipped.append(Skipped(getattr(err, "filename", root) or root, f"cannot read directory: {err.strerror}"))

    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError:
            continue
        if key in seen_dirs:
            skipped.append(Skipped(dirpath, "symbolic link loop: directory already scanned"))
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if name.lower().endswith(SUFFIXES):
                out.append(full)
    return iter(sorted(out))


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the decoding used. Never raises."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, reason it was skipped)."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return None, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return None, "file vanished before it could be read"
    except IsADirectoryError:
        return None, "is a directory"
    except PermissionError:
        return None, "permission denied"
    except OSError as err:
        return None, f"cannot read: {err.strerror or err}"
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file (contains NUL bytes)"
    text, _encoding = decode(data)
    return text, None


# --------------------------------------------------------------------------- metadata

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_META_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Flat ``key: value`` pairs of a YAML front matter block, and where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        lm = _META_LINE.match(line)
        if lm and lm.group(2):
            meta[lm.group(1).lower()] = lm.group(2).strip().strip("'\"")
    return meta, m.end()


_WIRE_CREDITS = {
    "AP": "The Associated Press",
    "Associated Press": "The Associated Press",
    "The Associated Press": "The Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Agence France-Presse": "Agence France-Presse",
}
_BYLINE = re.compile(r"^\s*By\s+[^,\n]{2,80},\s+(?P<outlet>[A-Z][^\n,]{1,60}?)\s*$", re.M)
_DATELINE_CREDIT = re.compile(r"\((?P<credit>AP|Reuters|AFP)\)\s*[—–-]")
_SYNDICATION = re.compile(
    r"not been edited by (?P<outlet>[A-Z][\w .&'-]{1,40}?) staff and is auto-generated from a syndicated feed"
)


@dataclass(frozen=True)
class OutletGuess:
    outlet: str
    rule: str
    credit: Optional[str] = None


def guess_outlet(path: str, text: str, meta: dict[str, str]) -> OutletGuess:
    """Metadata, then a byline or credit line, then the file name."""
    credit = None
    m = _DATELINE_CREDIT.search(text[:5000])
    if m:
        credit = _WIRE_CREDITS.get(m.group("credit"))
    for key in ("outlet", "publisher", "source", "site_name"):
        if meta.get(key):
            return OutletGuess(meta[key], f"metadata:{key}", credit)
    m = _BYLINE.search(text[:3000])
    if m:
        outlet = m.group("outlet").strip()
        outlet = _WIRE_CREDITS.get(outlet, outlet)
        return OutletGuess(outlet, "byline", credit)
    m = _SYNDICATION.search(text)
    if m:
        return OutletGuess(m.group("outlet").strip(), "credit", credit or "syndicated feed")
    if credit:
        return OutletGuess(credit, "credit", credit)
    stem = Path(path).stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return OutletGuess(stem, "filename", None)


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_DATE_WORDS = re.compile(r"\b(?:Posted|Published|Updated)?:?\s*(?P<mon>[A-Z][a-z]+)\.? (?P<day>\d{1,2}), (?P<year>\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def guess_date(text: str, meta: dict[str, str]) -> Optional[str]:
    if meta.get("date"):
        m = _ISO_DATE.search(meta["date"])
        return "-".join(m.groups()) if m else meta["date"]
    for m in _DATE_WORDS.finditer(text[:2000]):
        mon = _MONTHS.get(m.group("mon").lower())
        if mon:
            return f"{m.group('year')}-{mon:02d}-{int(m.group('day')):02d}"
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
# A single line of furniture anywhere.
_LINE_FURNITURE = re.compile(
    r"(.*\bnewsletter\b.*|sign up\b.*|subscribe\b.*|unlock the .*|win \$\d+.*|advertisement|share|print|email"
    r"|follow us.*|click here.*|listen to (this )?article.*|\d+[smhd] ago|\d{1,2}:\d{2}|posted .*|last updated .*"
    r"|updated .*|published .*|- [\w ]+:?|@\w+|photo: .*|image: .*|\(?credit: .*)",
    re.I,
)
_PROMO = re.compile(r"newsletter|unlock|sign up|subscribe", re.I)
_BODY_END_PUNCT = tuple(".!?\"”’'):")


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        yield pos, end, text[pos:end]
        pos = end + 1


def body_layout(text: str, start: int = 0) -> tuple[Optional[str], int, int, tuple[tuple[int, int], ...]]:
    """(title, body_start, body_end, furniture spans) for the text after ``start``."""
    furniture: list[tuple[int, int]] = []
    title: Optional[str] = None
    title_span: Optional[tuple[int, int]] = None
    body_start: Optional[int] = None
    body_end = len(text)
    after_promo = False
    for s, e, line in _lines(text, start):
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
        if _LINE_FURNITURE.fullmatch(stripped):
            furniture.append((s, e))
            after_promo = bool(_PROMO.search(stripped))
            continue
        words = len(stripped.split())
        ends_sentence = stripped.endswith(_BODY_END_PUNCT)
        if body_start is None:
            if ends_sentence and words >= 8:
                body_start = s
            elif after_promo and not ends_sentence:
                furniture.append((s, e))  # the second line of a promo block
            elif title is None:
                title = stripped
                title_span = (s, e)
            after_promo = False
    if body_start is None:
        body_start = title_span[1] if title_span else start
        if body_start >= body_end:
            body_start = start
    spans = tuple(sp for sp in furniture if sp[0] >= body_start and sp[1] <= body_end)
    return title, body_start, body_end, spans


def build_article(article_id: str, path: str, text: str) -> Article:
    meta, content_start = front_matter(text)
    title, body_start, body_end, furniture = body_layout(text, content_start)
    outlet = guess_outlet(path, text, meta)
    return Article(
        id=article_id,
        path=path,
        text=text,
        outlet=outlet.outlet,
        outlet_rule=outlet.rule,
        title=meta.get("title") or title,
        date=guess_date(text, meta),
        credit=outlet.credit,
        body_start=body_start,
        body_end=body_end,
        furniture=furniture,
    )


def load(paths: Iterable[Union[str, Path]], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``. Bad files are skipped with a reason, never fatal."""
    files, skipped = discover(paths)
    articles: list[Article] = []
    for path in files:
        text, reason = read_file(path, max_bytes)
        if text is None:
            skipped.append(Skipped(path, reason or "unreadable"))
            continue
        articles.append(build_article(f"a{len(articles) + 1}", path, text))
    return articles, skipped
