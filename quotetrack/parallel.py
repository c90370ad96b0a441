"""Scanning input by input, on every core, with bounded memory and an optional cache.

``scan`` reads the inputs one at a time: each is read, its articles built
and their quotes found (in worker processes when ``jobs`` > 1, one input a
task), and then its text is dropped. The parent keeps each article's
metadata (``Article`` with ``text`` empty) and its quotes, in input order
whatever order the workers finish in; when every input is done it merges
speaker names across articles and groups statements, as ``api.analyse``
does. The result is the one ``api.scan`` gives, article text aside: the
same ids, the same order, the same JSON byte for byte.

An input is one file (a JSON Lines file is one task however many records
it holds) or standard input (read in the parent). With a cache, the parent
reads and hashes each input and looks it up; an input found there is decoded
in the parent (no worker, no articles sent between processes) and only the
others go to workers, with their bytes.
"""

from __future__ import annotations

import gc
import json
import os
import stat
import sys
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Sequence, Union

from . import cache as cachemod
from .api import NAMES, assemble, assemble_again
from .ingest import DEFAULT_MAX_BYTES, STDIN, prepare, read_bytes, read_input
from .models import Article, Quote, ScanResult, Skipped, evolve
from .pipeline import quotes_of
from .printable import printable_path
from .regroup import input_signature

CHUNK = 4  # inputs a worker takes at once


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class _Done:
    """What one input gave: its articles (text dropped) with their quotes, ids counted
    from ``a1`` within the input; what of it was skipped; the cache entry to write. Or, for an
    input the cache holds, ``hit``: its entry, decoded by ``scan`` with the ids of the whole scan."""

    found: list[tuple[Article, list[Quote]]]
    skipped: list[Skipped]
    entry: Optional[tuple[str, str, str]] = None  # (key, label, value) for the cache (``cached``: its key, nothing to write)
    cached: bool = False
    hit: Optional[tuple[str, str, str]] = None  # (path, the entry's text, its key; the text "": not read)
    signature: Optional[str] = None  # ``regroup.input_signature`` of what it gave (with the cache)


# Each worker's reader, set by _init (inherited when processes fork).
_state: dict = {}
WINDOW = 8  # inputs waiting for a worker, per process, while the cache is read ahead of them
# When at most this many inputs are not known to the cache by their size and modification time, a
# scan with the cache analyses those it does not hold in this process: a re-scan where a few files
# changed does not pay for processes that each load the models again for a file or two (about a
# twentieth of such a re-scan's CPU at 2,000 articles). More, and they go to workers at once.
INLINE = 16


def _init(loader) -> None:
    _state["loader"] = loader


def _analyse_input(path: str, first: int = 1) -> _Done:
    """An input's articles and quotes, the articles numbered from ``a{first}`` (a worker's count
    from ``a1``: ``scan`` renumbers them; this process's are numbered in place, as ``scan`` would)."""
    loader = _state["loader"]
    if path == STDIN:
        articles, skipped = read_input(loader, path, first=first)
        return _Done([(_drop_text(a), quotes_of(a)) for a in articles], skipped)
    data, reason = read_bytes(path, loader.max_bytes)
    if data is None:
        return _Done([], [Skipped(path, reason or "unreadable")])
    return _analyse_data(path, data, None, first)


def _analyse_data(path: str, data: bytes, k: Optional[str], first: int = 1) -> _Done:
    """An input's articles and quotes from its bytes; with ``k``, the cache entry to keep them under
    (its articles numbered from ``a1``, as the entry is kept)."""
    articles, skipped = read_input(_state["loader"], path, data, first)
    del data
    found = []
    for a in articles:
        found.append((_drop_text(a), quotes_of(a)))
    if k is None:
        return _Done(found, skipped)
    signature = input_signature(found, skipped)
    return _Done(found, skipped, (k, path, cachemod.file_json(found, skipped, signature)), signature=signature)


def _drop_text(a: Article) -> Article:
    return evolve(a, text="")


def _pool(jobs: int, files: int):
    # fork where it is safe (Linux): workers start at once with everything already loaded.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    import multiprocessing  # here: a re-scan of a few changed files starts no worker (``INLINE``)

    ctx = multiprocessing.get_context(method)
    return ctx.Pool(min(jobs, files), initializer=_init, initargs=(_state["loader"],))


def _results(files: list[str], jobs: int, cache: Optional[cachemod.Cache] = None, rehash: bool = False,
             first: Callable[[], int] = lambda: 1, texts: bool = True) -> Iterator[_Done]:
    """Each input's result, in input order. ``first``: the number its first article takes in the
    whole scan, asked when an input is analysed in this process (after the inputs before it are
    taken in): its articles and quotes need no renumbering then."""
    if cache is not None:
        yield from _results_cached(files, jobs, cache, rehash, texts)
        return
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _analyse_input(f, first())
        return
    inline = [f == STDIN for f in files]
    with _pool(jobs, len(files)) as pool:
        work = pool.imap(_analyse_input, [f for f, here in zip(files, inline) if not here], chunksize=CHUNK)
        for f, here in zip(files, inline):
            yield _analyse_input(f, first()) if here else next(work)


def _seen_keys(files: list[str], cache: cachemod.Cache, places: list[Optional[str]], max_bytes: int,
               rehash: bool) -> list[tuple[Optional[str], Optional[os.stat_result]]]:
    """For each input ``f`` (its place None: standard input), the entry key when it is a regular
    file within ``max_bytes`` whose size and modification time are those it had when its bytes
    were last read (``Cache.seen``: they are then not read again; ``rehash``: never), and its
    stat (None when it has none). The cache is asked for a few hundred places at once."""
    stats: list[Optional[os.stat_result]] = []
    for f, place in zip(files, places):
        st = None
        if place is not None:
            try:
                st = os.stat(f)
            except OSError:
                pass
        stats.append(st)
    asked = [] if rehash else [place for place, st in zip(places, stats)
                               if place is not None and st is not None and stat.S_ISREG(st.st_mode) and st.st_size <= max_bytes]
    rows = cache.seen_many(asked) if asked else {}
    out: list[tuple[Optional[str], Optional[os.stat_result]]] = []
    for place, st in zip(places, stats):
        row = rows.get(place) if place is not None else None
        ok = row is not None and st is not None and row[0] == st.st_size and row[1] == st.st_mtime_ns \
            and stat.S_ISREG(st.st_mode) and st.st_size <= max_bytes
        out.append((str(row[2]) if ok else None, st))  # type: ignore[index]
    return out


def _looked(files: list[str], cache: cachemod.Cache, rehash: bool) -> tuple[
        list[Optional[str]], list[Optional[str]], list[tuple[Optional[str], Optional[os.stat_result]]]]:
    """Each input's cache context and place (None: standard input) and ``_seen_keys``: taken from
    ``cache.looked`` when ``changes`` left them there for these inputs (a scan made in full after
    a patched one was tried: the inputs are not looked up twice)."""
    loader = _state["loader"]
    got = cache.looked
    if got is not None and got[0] == (files, rehash, loader.max_bytes):
        return got[1]
    contexts = [None if f == STDIN else loader.outlet_context(f) for f in files]
    places = [None if c is None else cachemod.key("scan-place", c, b"") for c in contexts]
    return contexts, places, _seen_keys(files, cache, places, loader.max_bytes, rehash)


def _results_cached(files: list[str], jobs: int, cache: cachemod.Cache, rehash: bool = False,
                    texts: bool = True) -> Iterator[_Done]:
    """``_results`` with the cache: this process looks each input's entry up, by its size and
    modification time where the cache saw them before (``rehash``: never), else by reading and
    hashing it; only the inputs the cache does not hold go to the workers (with their bytes). When
    at most ``INLINE`` inputs are not known by their size and time (a re-scan where a few files
    changed), those the cache does not hold are analysed here: no worker is started.
    A re-scan of a corpus the cache holds starts no worker, and sends no articles between
    processes. At most ``WINDOW`` inputs a worker wait for one, so memory stays bounded.
    ``texts`` False: the entries of inputs known by their size and time are not read, only
    looked up (a hit's text is then "")."""
    loader = _state["loader"]
    pending: deque = deque()  # _Done, or the AsyncResult of one, in input order
    pool = None
    window = WINDOW * max(1, jobs)
    # Each input's place, and its entry key where its size and time are known (nothing read yet).
    contexts, places, looked = _looked(files, cache, rehash)
    here = sum(1 for p, (seen, _) in zip(places, looked) if p is None or seen is None) <= INLINE
    ahead: dict[str, str] = {}  # the entries of the next inputs known by their size and time
    try:
        for n, (f, context, place, (seen, st)) in enumerate(zip(files, contexts, places, looked)):
            if n % cachemod.LOOKUP == 0:
                keys = [k for k, _ in looked[n:n + cachemod.LOOKUP] if k is not None]
                ahead = cache.get_many(keys) if texts else dict.fromkeys(cache.held(keys), "")
            if context is None or place is None:
                pending.append(_analyse_input(f))
                continue
            hit = None if seen is None else ahead.get(seen)
            if hit is not None:
                pending.append(_Done([], [], hit=(f, hit, seen)))  # type: ignore[arg-type]
            else:
                read_ns = time.time_ns()
                data, reason = read_bytes(f, loader.max_bytes)
                if data is None:
                    pending.append(_Done([], [Skipped(f, reason or "unreadable")]))
                else:
                    k = cachemod.key("scan-input", context, data)
                    if st is not None and st.st_size == len(data):
                        cache.put_seen(place, st.st_size, st.st_mtime_ns, k, read_ns)
                    hit = cache.get(k, count=False)
                    if hit is not None:
                        pending.append(_Done([], [], hit=(f, hit, k)))
                    elif jobs > 1 and len(files) > 1 and not here:
                        pool = pool or _pool(jobs, len(files))
                        pending.append(pool.apply_async(_analyse_data, (f, data, k)))
                    else:
                        pending.append(_analyse_data(f, data, k))
                    del data
            while pending and (isinstance(pending[0], _Done) or pending[0].ready() or len(pending) > window):
                head = pending.popleft()
                yield head if isinstance(head, _Done) else head.get()
        while pending:
            head = pending.popleft()
            yield head if isinstance(head, _Done) else head.get()
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _decoded(done: _Done, number_from: int) -> _Done:
    """An input found in the cache, its articles numbered from ``a<number_from>``; a damaged
    entry is a miss: the input is analysed again here, and its entry written anew."""
    assert done.hit is not None
    path, text, k = done.hit
    try:
        found, skipped, signature = cachemod.file_kept(text, number_from)
        return _Done(found, skipped, (k, path, ""), cached=True, signature=signature)
    except (ValueError, KeyError, TypeError):
        pass
    loader = _state["loader"]
    data, reason = read_bytes(path, loader.max_bytes)
    if data is None:
        return _Done([], [Skipped(path, reason or "unreadable")])
    return _analyse_data(path, data, cachemod.key("scan-input", loader.outlet_context(path), data))


# The cycle collector's thresholds during a scan (see _fewer_collections).
GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cycle collector run less often while a scan builds its many small objects (at
    least ``GC_THRESHOLD``; restored after). With the defaults, collections that find next to
    nothing were about a quarter of a re-scan's CPU time at 2,000 articles; cycles are still
    collected, only later."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(GC_THRESHOLD, old)))
    try:
        yield
    finally:
        gc.set_threshold(*old)


@_fewer_collections()
def scan(
    paths: Iterable[Union[str, Path]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
    jobs: int = 1,
    cache: Optional[cachemod.Cache] = None,
    progress: Optional[Callable[[int, int], None]] = None,
    on_article: Optional[Callable[[Article, list[Quote]], None]] = None,
    rehash: bool = False,
) -> ScanResult:
    """``api.scan`` input by input: the same result, with every article's ``text`` empty.

    ``jobs``: processes finding quotes (1: this one). ``cache``: an open
    ``cache.Cache``; inputs whose entry it has are not analysed again, and
    the others are added to it; an input whose size and modification time
    are those the cache saw when it last read it is not read again, unless
    ``rehash``. ``progress``: called with (inputs done,
    inputs in all). ``on_article``: called with each article and its quotes
    (speakers as its article names them) as soon as they are found, in order.
    With the cache, ``cache.origins`` is set to where each input's quotes came from
    (see ``KeptParts``).
    """
    paths = list(paths)
    files, loader = prepare(paths, max_bytes, outlets=outlets, set_outlet=set_outlet, stdin=stdin)
    skipped: list[Skipped] = list(loader.skipped)
    loader.skipped = []
    _init(loader)
    if cache is not None:
        cache.flush()
    articles: list[Article] = []
    quotes: list[Quote] = []
    origins: list[tuple[str, int]] = []  # each input's entry key and its number of quotes, in order
    counts: list[int] = []  # each such input's number of articles
    signatures: list[Optional[str]] = []  # and its ``regroup.input_signature`` (None: not kept)
    pre_skipped = list(skipped)
    try:
        for n, done in enumerate(_results(files, jobs, cache, rehash, lambda: len(articles) + 1), 1):
            if done.hit is not None:
                path = done.hit[0]
                done = _decoded(done, len(articles) + 1)
                if not done.cached and cache is not None:
                    cache.warn(f"warning: the cache {cache.path}: the entry of {printable_path(path)} was damaged; "
                               "analysed again")
            for a, qs in done.found:
                aid = f"a{len(articles) + 1}"
                if a.id != aid:
                    a, qs = _renumber(a, qs, aid)
                articles.append(a)
                quotes.extend(qs)
                if on_article is not None:
                    on_article(a, qs)
            skipped.extend(done.skipped)
            if cache is not None:
                if done.entry is not None:
                    origins.append((done.entry[0], sum(len(qs) for _, qs in done.found)))
                    counts.append(len(done.found))
                    signatures.append(done.signature)
                if done.cached:
                    cache.hits += 1
                elif done.entry is not None:
                    cache.misses += 1
                    cache.put(*done.entry)
            if progress is not None:
                progress(n, len(files))
    finally:
        _state.clear()
        if cache is not None:
            cache.flush()
            cache.looked = None
    if cache is None:
        return assemble(articles, quotes, skipped)
    # Grouping again only what changed since the last scan of the same inputs (the same result).
    context = grouping_context(paths, outlets, set_outlet, max_bytes)
    whole = sum(n for _, n in origins) == len(quotes)  # every quote's input has an entry (no standard input)
    result, state = assemble_again(articles, quotes, skipped, cachemod.get_state(cache, context), origins if whole else None)
    cachemod.put_state(cache, context, state)
    cache.flush()
    if whole:
        cache.origins = origins
        if len(origins) == len(files):  # every input has an entry, in its place
            cache.inputs = Inputs(context, files, origins, counts, signatures, pre_skipped, dict(state[NAMES]["changed"]))
    return result


@dataclass
class Inputs:
    """What the JSON output kept in the cache (``patched_json``) needs of a scan's inputs: the
    scan's grouping context (``grouping_context``); the inputs; each input's entry key and number of quotes
    (``Cache.origins``), number of articles and signature (``regroup.input_signature``), in
    order; what was skipped before any input was read; and the speaker names the merge changed
    (name as an article gives it -> the one name across articles)."""

    context: str
    files: list[str]
    origins: list[tuple[str, int]]
    articles: list[int]
    signatures: list[Optional[str]]
    pre_skipped: list[Skipped]
    renamed: dict[str, str]


@dataclass
class Changed:
    """An input whose entry is not the one expected in its place (``changes``): its entry key,
    articles (numbered from ``a1``) with their quotes (speakers as its articles name them), what
    of it was skipped, and its signature (None: none kept)."""

    key: str
    found: list[tuple[Article, list[Quote]]]
    skipped: list[Skipped]
    signature: Optional[str]


@_fewer_collections()
def changes(
    paths: Iterable[Union[str, Path]],
    expected: Callable[[list[str], list[Skipped]], Optional[list[str]]],
    fits: Callable[[int, Changed], bool],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    jobs: int = 1,
    cache: cachemod.Cache,
    progress: Optional[Callable[[int, int], None]] = None,
    rehash: bool = False,
) -> Optional[tuple[list[Skipped], list[Optional[Changed]]]]:
    """``scan``'s first half with the cache, for a scan whose output is kept: the inputs are found,
    looked up and (those the cache does not hold) analysed and kept as ``scan`` does, but the
    entries of those it holds are not read. ``expected(files, skipped)`` is given the inputs
    and what was skipped before reading any, and gives the entry key expected of each input, or
    None (nothing more is done); ``fits(n, changed)`` says whether input n, whose entry is not
    the one expected, can be taken (if not, nothing more is done). The result: what was skipped
    before reading, and for each input None when its entry is the one expected, else what it
    gave (``Changed``); None when an input has no entry (standard input, an unreadable file), or
    ``expected`` or ``fits`` said no. The inputs looked up by their size and modification time
    are then left in ``cache.looked`` for a ``scan`` of the same inputs that follows."""
    files, loader = prepare(list(paths), max_bytes, outlets=outlets, set_outlet=set_outlet)
    pre_skipped: list[Skipped] = list(loader.skipped)
    loader.skipped = []
    keys = expected(files, pre_skipped)
    if keys is None or len(keys) != len(files):
        return None
    _init(loader)
    cache.flush()
    looked = _looked(files, cache, rehash)
    cache.looked = ((files, rehash, loader.max_bytes), looked)
    out: list[Optional[Changed]] = []
    try:
        for n, done in enumerate(_results(files, jobs, cache, rehash, texts=False), 1):
            if done.hit is not None:
                path, text, k = done.hit
                if k == keys[n - 1]:
                    cache.hits += 1
                    out.append(None)
                    if progress is not None:
                        progress(n, len(files))
                    continue
                got = text or cache.get(k, count=False)
                if got is None:
                    return None
                done = _decoded(_Done([], [], hit=(path, got, k)), 1)
                if not done.cached:
                    cache.warn(f"warning: the cache {cache.path}: the entry of {printable_path(path)} was damaged; "
                               "analysed again")
            if done.entry is None:
                return None
            if done.cached:
                cache.hits += 1
            else:
                cache.misses += 1
                cache.put(*done.entry)
            c = Changed(done.entry[0], done.found, done.skipped, done.signature)
            if not fits(n - 1, c):
                return None
            out.append(c)
            if progress is not None:
                progress(n, len(files))
    finally:
        _state.clear()
        cache.flush()
    cache.looked = None
    return pre_skipped, out


def grouping_context(paths: Iterable[Union[str, Path]], outlets: Optional[Union[str, Path]] = None,
                     set_outlet: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """What a scan's grouping state is kept under in the cache: its inputs and options as given
    (any former state gives the same statements; this picks the one nearest to this scan)."""
    return json.dumps([[str(p) for p in paths], str(outlets) if outlets else None, set_outlet, max_bytes])


def _renumber(a: Article, quotes: list[Quote], aid: str) -> tuple[Article, list[Quote]]:
    """An input's article with its id in the whole scan (quote ids follow). The quotes are
    copied with the two fields set, as ``dataclasses.replace`` would give them, without
    running ``__init__`` again for each (it was a tenth of a re-scan's time): ``evolve``, half
    the time of ``copy.copy`` and two ``object.__setattr__``."""
    return evolve(a, id=aid), [evolve(q, id=f"{aid}:{q.id.rsplit(':', 1)[-1]}", article_id=aid) for q in quotes]


class KeptParts:
    """The quotes' JSON parts (``render.quote_parts``) of a scan made with the cache at ``path``,
    read back from it input by input as the output is written (``render.render_json``'s
    ``parts``): they are not held in memory, and a re-scan makes only those of the inputs it
    analysed. Parts the cache lacks or holds damaged are made and kept for the next scan
    (a damaged row with a warning). ``origins``: each input's entry key and how many quotes it
    gave, in the order of the scan's quotes (``Cache.origins`` after ``scan``)."""

    def __init__(self, path: Union[str, Path], origins: list[tuple[str, int]],
                 warn: Callable[[str], None] = lambda line: None, inputs: Optional[Inputs] = None):
        self.path, self.origins, self.warn = Path(path), origins, warn
        self.inputs = inputs  # ``Cache.inputs`` after ``scan``: where the JSON output is kept (``patched_json``)

    def __call__(self, quotes: Sequence[Quote], make: Callable[[Quote], tuple[str, str]]) -> Iterator[tuple[str, str]]:
        if sum(n for _, n in self.origins) != len(quotes):
            yield from map(make, quotes)
            return
        try:
            cache = cachemod.Cache(self.path, warn=self.warn)
        except cachemod.CacheError:
            yield from map(make, quotes)
            return
        try:
            new: list[tuple[str, list[str]]] = []
            at = 0
            for w in range(0, len(self.origins), cachemod.LOOKUP):
                window = self.origins[w:w + cachemod.LOOKUP]
                rows = cache.fragments_many([k for k, n in window if n])
                for k, n in window:
                    if not n:
                        continue
                    pieces = cache.pieces(rows.get(k))
                    if pieces is not None and len(pieces) == 2 * n:
                        yield from zip(pieces[::2], pieces[1::2])
                    else:
                        made = [make(q) for q in quotes[at:at + n]]
                        yield from made
                        new.append((k, [p for pair in made for p in pair]))
                    at += n
            if cache.damaged:
                self.warn(f"warning: the cache {self.path}: the JSON text of {cache.damaged} inputs was damaged; "
                          "written again")
            cache.put_fragments(new)
        finally:
            cache.close()
