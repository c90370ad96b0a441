"""The JSON output of ``scan --cache``, kept in the cache and patched by the next scan.

A scan with the cache that writes compact JSON (``scan -f json --cache``, not to a terminal)
keeps its document in the cache (``write``), under a key of its inputs and options
(``parallel.grouping_context``) and of quotetrack's code (``cache.key``), in rows
(``cache.Cache.put_output``): a head (the document up to its articles, and for every input
its entry key, numbers of articles and quotes and signature; what was skipped; the speaker
names the merge changed), a row an input (its articles' JSON, its quotes' JSON and each
quote's statement id) and the rest of the document (statements, skipped, wire stories).

The next such scan (``patch``) looks its inputs up without reading the entries of those the
cache holds (``parallel.changes``). The document is a function of the inputs' entries (each
keyed by the input's bytes, path and options) and of what was skipped before any was read. So
when every input has the entry the head names, the document is the kept one; and when the
inputs that changed each have the signature they had (``regroup.input_signature``: an edit
that moved quotes or changed a cue, but no speaker, word, kind, date or outlet), every
statement, the summary and the wire stories are the ones kept, and only the changed inputs'
articles and quotes are written anew (with the ids and statement ids their rows hold). No
quote of an unchanged input is decoded, grouped or written again. Anything else (inputs added,
removed or renamed, a signature that differs or was not kept, a row missing or damaged, a
head another run wrote meanwhile) gives None: the scan is made in full and its document kept
by ``write``. The library call (``api.scan``) and the other formats always make the whole
``ScanResult``.
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, Optional, TextIO, Union

from . import cache as cachemod
from .ingest import DEFAULT_MAX_BYTES
from .models import ScanResult, Skipped, evolve
from .parallel import Changed, KeptParts, changes, grouping_context
from .printable import printable_path
from .render import Encoded, article_dict, json_sections, quote_json, render_json

LISTS = ("articles", "quotes")  # the document's lists kept input by input
HEAD, TAIL = -1, -2  # row numbers of the head and of the document after the quotes
BATCH = 512  # items joined at once as the document is written


def doc_key(context: str) -> str:
    """Where the document of a scan of ``context`` (``parallel.grouping_context``) is kept."""
    return cachemod.key("scan-output", context, b"")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, check_circular=False)


def _write_items(out: TextIO, items: list[str]) -> None:
    """``", ".join(items)``, written a few hundred items at a time (the items are the whole
    document's articles or quotes: joined at once they would be a second copy of it)."""
    for at in range(0, len(items), BATCH):
        out.write((", " if at else "") + ", ".join(items[at:at + BATCH]))


# --------------------------------------------------------------------------- a whole scan's document


def write(result: ScanResult, out: TextIO, kept: KeptParts) -> None:
    """``render.render_json(result, out, kept)``: the same bytes; the compact document is also
    kept in the cache for the next scan (``kept.inputs``, set by ``parallel.scan``; nothing is
    kept without them, nor for a terminal, which is given the indented document). The quotes are
    written input by input as they are made; an input's row is compressed and held only when it
    is not the one kept (by its digest)."""
    inputs = kept.inputs
    if inputs is None or (getattr(out, "isatty", None) and out.isatty()) \
            or sum(inputs.articles) != len(result.articles) or sum(n for _, n in inputs.origins) != len(result.quotes):
        render_json(result, out, kept)
        return
    doc = doc_key(inputs.context)
    before = _head_of(kept, doc)
    old = {} if before is None else {n: row[4] for n, row in enumerate(before.inputs)}
    texts: list[str] = ["{"]  # the document's text before the articles, between them and the quotes, after the quotes
    lists: dict[str, Iterator[str]] = {}
    sections = json_sections(result, encoded=True, parts=kept)
    for n, (key, value) in enumerate(sections):
        texts.append(f"{', ' if n else ''}{json.dumps(key)}: ")
        if not isinstance(value, Iterator):
            texts.append(_dumps(value))
        elif key in LISTS:
            texts.append("[")
            lists[key] = value if isinstance(value, Encoded) else map(_dumps, value)
            texts.append("\0")  # where the list's items go
            texts.append("]")
        else:
            texts.append("[" + ", ".join(value if isinstance(value, Encoded) else map(_dumps, value)) + "]")
        if key == "quotes":  # the rest of the document is made after the quotes are written
            break
    head, middle, _ = "".join(texts).split("\0")
    out.write(head)
    articles = []
    wrote = False
    for n_articles in inputs.articles:
        text = ", ".join(islice(lists["articles"], n_articles))
        if text:
            out.write((", " if wrote else "") + text)
            wrote = True
        articles.append(text)
    out.write(middle)
    rows: dict[int, bytes] = {}  # the rows not kept as they are now
    digests: dict[int, str] = {}
    quotes = lists["quotes"]
    at = 0
    wrote = False
    for n, ((key, n_quotes), text_articles) in enumerate(zip(inputs.origins, articles)):
        text = ", ".join(islice(quotes, n_quotes))
        if text:
            out.write((", " if wrote else "") + text)
            wrote = True
        sids = " ".join([q.statement or "-" for q in result.quotes[at:at + n_quotes]])
        at += n_quotes
        if inputs is None:
            continue
        try:
            digest, body = cachemod.row([key, text_articles, text, sids])
        except UnicodeEncodeError:  # text SQLite cannot keep (a lone surrogate): nothing is kept
            inputs = None
            continue
        digests[n] = digest
        if old.get(n) != digest:
            rows[n] = cachemod.stored(digest, body)
    if next(quotes, None) is not None:  # (run to its end: where the quotes' parts are kept writes them then)
        raise ValueError("more quotes than the inputs gave")
    tail = cachemod.RowWriter()  # the rest of the document, written and kept a few hundred items at a time

    def both(text: str) -> None:
        out.write(text)
        tail.add(text)

    both("]")
    for key, value in sections:  # the members after the quotes
        both(f", {json.dumps(key)}: ")
        if not isinstance(value, Iterator):
            both(_dumps(value))
            continue
        items = value if isinstance(value, Encoded) else map(_dumps, value)
        both("[")
        first = True
        while batch := list(islice(items, BATCH)):
            both(("" if first else ", ") + ", ".join(batch))
            first = False
        both("]")
    both("}\n")
    if inputs is not None:
        try:
            digests[TAIL], rows[TAIL] = tail.stored()
        except UnicodeEncodeError:
            return
        _keep(result, kept, doc, before, head, middle, rows, digests)


def _head_of(kept: KeptParts, doc: str) -> Optional[_Head]:
    """The head kept under ``doc`` in the cache ``kept`` reads (None: none, or none usable)."""
    try:
        cache = cachemod.Cache(kept.path, warn=kept.warn)
    except cachemod.CacheError:
        return None
    try:
        return _head(cache, doc)
    finally:
        cache.close()


def _keep(result: ScanResult, kept: KeptParts, doc: str, before: Optional[_Head], head: str, middle: str,
          rows: dict[int, bytes], digests: dict[int, str]) -> None:
    """Keep the document of ``write``: ``rows``, those not kept as they are (``cache.stored``), and
    the digests of all. When another run kept its own document since ``before`` was read, this
    run's is kept only if ``rows`` holds every row (no document was read: a first scan)."""
    inputs = kept.inputs
    assert inputs is not None
    meta = {
        "inputs": [[key, n_articles, n_quotes, signature, digests[n]]
                   for n, ((key, n_quotes), n_articles, signature)
                   in enumerate(zip(inputs.origins, inputs.articles, inputs.signatures))],
        "tail": digests[TAIL],
        "files": inputs.files,
        "pre_skipped": [[s.path, s.reason] for s in inputs.pre_skipped],
        "skipped": [[s.path, s.reason] for s in result.skipped],
        "renamed": inputs.renamed,
    }
    try:
        cache = cachemod.Cache(kept.path, warn=kept.warn)
    except cachemod.CacheError:
        return
    try:

        def changed(whole: bool) -> Optional[dict[int, bytes]]:
            if whole and len(rows) < len(digests):
                return None  # another run's document, kept meanwhile, stays
            made = dict(rows) if whole or before is None or before.tail != digests[TAIL] \
                else {n: v for n, v in rows.items() if n != TAIL}
            made[HEAD] = cachemod.stored(*cachemod.row([os.urandom(8).hex(),
                                                       json.dumps(meta, ensure_ascii=True, separators=(",", ":")),
                                                       head, middle]))
            return made

        cache.put_output(doc, None if before is None else before.generation, changed)
    finally:
        cache.close()


# --------------------------------------------------------------------------- the kept document


@dataclass
class _Head:
    generation: str
    inputs: list[list[Any]]  # [entry key, articles, quotes, signature, row digest] an input
    tail: str  # the tail row's digest
    files: list[str]
    pre_skipped: list[list[str]]
    skipped: list[Skipped]
    renamed: dict[str, str]
    head: str
    middle: str


def _head(cache: cachemod.Cache, doc: str) -> Optional[_Head]:
    """The head kept under ``doc``; None when there is none, or it is damaged."""
    pieces = cache.row_pieces(cache.output_rows(doc, head=True).get(HEAD))
    if pieces is None or len(pieces) != 4:
        return None
    try:
        meta = json.loads(pieces[1])
        inputs = [list(row) for row in meta["inputs"]]
        if not all(len(row) == 5 and isinstance(row[0], str) and type(row[1]) is int and type(row[2]) is int
                   and (row[3] is None or isinstance(row[3], str)) and isinstance(row[4], str) for row in inputs):
            return None
        renamed = meta["renamed"]
        if not (isinstance(renamed, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in renamed.items())):
            return None
        files = meta["files"]
        if not (isinstance(files, list) and len(files) == len(inputs) and all(isinstance(f, str) for f in files)):
            return None
        return _Head(pieces[0].decode("ascii"), inputs, str(meta["tail"]), files,
                     [list(map(str, s)) for s in meta["pre_skipped"]], [Skipped(str(p), str(r)) for p, r in meta["skipped"]],
                     renamed, pieces[2].decode("utf-8"), pieces[3].decode("utf-8"))
    except (ValueError, KeyError, TypeError):
        return None


@dataclass
class Patched:
    """A scan's JSON document made from the kept one: what was skipped, and its text."""

    skipped: list[Skipped]
    head: str
    articles: list[bytes]  # each input's articles' JSON, UTF-8 (b"" for none)
    middle: str
    quotes: list[bytes]  # each input's quotes' JSON
    tail: bytes  # the rest of the document, its last character a line end

    def write(self, out: TextIO) -> None:
        """The document, the bytes ``write`` gave: the kept rows go to a UTF-8 stream's bytes as they
        are (the last line end through the text stream, which may translate it, as it did)."""
        raw = _utf8_bytes(out)
        if raw is None:
            out.write(self.head)
            _write_items(out, [t.decode("utf-8") for t in self.articles if t])
            out.write(self.middle)
            _write_items(out, [t.decode("utf-8") for t in self.quotes if t])
            out.write(self.tail.decode("utf-8"))
            return
        out.flush()
        raw.write(self.head.encode("utf-8"))
        _write_bytes(raw, [t for t in self.articles if t])
        raw.write(self.middle.encode("utf-8"))
        _write_bytes(raw, [t for t in self.quotes if t])
        raw.write(self.tail[:-1])
        raw.flush()
        out.write(self.tail[-1:].decode("ascii"))


def _utf8_bytes(out: TextIO) -> Optional[BinaryIO]:
    """The byte stream under a text stream that writes UTF-8, else None."""
    raw = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    try:
        return raw if raw is not None and encoding and codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


def _write_bytes(out: BinaryIO, items: list[bytes]) -> None:
    for at in range(0, len(items), BATCH):
        out.write((b", " if at else b"") + b", ".join(items[at:at + BATCH]))


def patch(
    paths: list[Union[str, Path]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    jobs: int = 1,
    cache: cachemod.Cache,
    progress: Optional[Callable[[int, int], None]] = None,
    rehash: bool = False,
) -> Optional[Patched]:
    """The JSON document ``scan`` (``parallel.scan`` then ``write``) would give for ``paths``,
    made from the one a former scan kept (see the module docstring), or None: the scan is then
    to be made in full. The inputs the cache did not hold are analysed and kept either way."""
    context = grouping_context(paths, outlets, set_outlet, max_bytes)
    doc = doc_key(context)
    head = _head(cache, doc)
    if head is None:
        if cache.damaged:
            _drop(cache, doc)
        return None

    def expected(files: list[str], pre_skipped: list[Skipped]) -> Optional[list[str]]:
        if files != head.files or [[s.path, s.reason] for s in pre_skipped] != head.pre_skipped:
            return None
        return [row[0] for row in head.inputs]

    def fits(n: int, c: Changed) -> bool:
        row = head.inputs[n]
        return c.signature is not None and c.signature == row[3] and len(c.found) == row[1] \
            and sum(len(qs) for _, qs in c.found) == row[2]

    got = changes(paths, expected, fits, max_bytes, outlets=outlets, set_outlet=set_outlet, jobs=jobs, cache=cache,
                  progress=progress, rehash=rehash)
    if got is None:
        return None
    changed = got[1]
    stored = cache.output_rows(doc)
    if stored.get(HEAD) is None or (cache.row_pieces(stored[HEAD]) or [b""])[0] != head.generation.encode("ascii"):
        return None  # another run kept its document meanwhile
    rows = [cache.row_pieces(stored.get(n)) for n in range(len(head.inputs))]
    tail = cache.row_pieces(stored.get(TAIL))
    if tail is None or len(tail) != 1 or not tail[0].endswith(b"\n") or any(
            r is None or len(r) != 4 or r[0] != i[0].encode("ascii") for r, i in zip(rows, head.inputs)):
        _drop(cache, doc)
        return None
    del stored
    articles: list[bytes] = []
    quotes: list[bytes] = []
    new_rows: dict[int, list[str]] = {}
    number = 1
    for n, (row, pieces, c) in enumerate(zip(head.inputs, rows, changed)):
        assert pieces is not None
        if c is None:
            articles.append(pieces[1])
            quotes.append(pieces[2])
        else:
            sids = pieces[3].decode("ascii")
            made = _input_json(c, number, sids.split(" ") if sids else [], head.renamed)
            if made is None:
                return None
            articles.append(made[0].encode("utf-8"))
            quotes.append(made[1].encode("utf-8"))
            new_rows[n] = [c.key, made[0], made[1], sids]
        number += row[1]
    _keep_patched(cache, doc, head, new_rows)
    return Patched(head.skipped, head.head, articles, head.middle, quotes, tail[0])


def _drop(cache: cachemod.Cache, doc: str) -> None:
    """A kept document that is damaged or lacks a row goes (the full scan then keeps all of its own)."""
    if cache.damaged:
        cache.warn(f"warning: the cache {cache.path}: its kept JSON output was damaged; made again")
    cache.drop_output(doc)


def _input_json(c: Changed, number: int, sids: list[str], renamed: dict[str, str]) -> Optional[tuple[str, str]]:
    """A changed input's articles' and quotes' JSON, its articles numbered from ``a<number>``,
    its quotes in the statements ``sids`` names ("-": none) and with the merged speaker names;
    None when ``sids`` is not one a quote."""
    if len(sids) != sum(len(qs) for _, qs in c.found):
        return None
    articles, quotes = [], []
    at = 0
    for a, qs in c.found:
        aid = f"a{number}"
        number += 1
        articles.append(_dumps(article_dict(evolve(a, id=aid))))
        path = printable_path(a.path)
        for q in qs:
            sid = sids[at]
            at += 1
            speaker = renamed.get(q.speaker, q.speaker) if q.speaker else q.speaker
            mine = evolve(q, id=f"{aid}:{q.id.rsplit(':', 1)[-1]}", article_id=aid, speaker=speaker,
                          statement=None if sid == "-" else sid)
            quotes.append(quote_json(mine, path, a.outlet))
    return ", ".join(articles), ", ".join(quotes)


def _keep_patched(cache: cachemod.Cache, doc: str, head: _Head, new_rows: dict[int, list[str]]) -> None:
    """Keep the changed inputs' rows and a head naming their entries, when the head kept is still
    the one read (else another run kept its own document meanwhile: it stays)."""
    if not new_rows:
        return
    try:
        made = {n: cachemod.row(pieces) for n, pieces in new_rows.items()}
    except UnicodeEncodeError:
        return
    encoded = {n: cachemod.stored(*got) for n, got in made.items()}
    inputs = [list(row) for row in head.inputs]
    for n, pieces in new_rows.items():
        inputs[n][0] = pieces[0]
        inputs[n][4] = made[n][0]
    meta = {"inputs": inputs, "tail": head.tail, "files": head.files, "pre_skipped": head.pre_skipped,
            "skipped": [[s.path, s.reason] for s in head.skipped], "renamed": head.renamed}

    def rows(whole: bool) -> Optional[dict[int, bytes]]:
        if whole:
            return None
        made = dict(encoded)
        made[HEAD] = cachemod.stored(*cachemod.row([os.urandom(8).hex(),
                                                   json.dumps(meta, ensure_ascii=True, separators=(",", ":")),
                                                   head.head, head.middle]))
        return made

    cache.put_output(doc, head.generation, rows)
