"""The incremental cache: what quotetrack found in an input, kept in SQLite between runs.

An entry is keyed by a SHA-256 digest of the input's bytes together with
everything else that decides what is found in it: quotetrack's version and a
fingerprint of its code and shipped data files (the speaker ranker's
weights, the word lists), and, for ``scan``, the input's path, format, the
outlet given and the outlets mapping that applies. Change any of these and
the entry is simply not found: nothing stale is ever read back.

What is kept is JSON (never pickle: a cache file is data, and reading it
must not run code): for ``scan``, the articles of an input (all but their
text) with their quotes; for ``check``, an article's quotes. Beside a
``scan`` entry, table ``fragments`` keeps the JSON output's text of its
quotes' small fields (``render.quote_parts``, with a CRC-32 that tells a
damaged row), written by the first scan that writes JSON and read back by
the next (``parallel.KeptParts``); they go when their entry goes. Table
``output`` keeps the JSON document of a ``scan -f json --cache``, a row per
input, compressed, each with a CRC-32 of its text (``patched_json``).

The database runs in WAL mode and every write is a transaction, so a second
run at the same time reads and writes the same file safely (a write waits
for the other's, up to ``BUSY_TIMEOUT`` seconds). A file that is not a
cache SQLite can read is moved aside and rebuilt, with a warning; a
damaged entry is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .models import Article, Quote, Skipped
from .pipeline import quotes_of
from .version import __version__

SCHEMA = 1
BUSY_TIMEOUT = 60.0  # seconds a write waits for another process's
BATCH = 500  # entries written per transaction
LOOKUP = 400  # keys looked up a query (SQLite allows 999 parameters at the least)
CACHE_FILE = "cache.sqlite3"

_ARTICLE_FIELDS = [f.name for f in dataclasses.fields(Article) if f.name not in ("id", "text")]
_QUOTE_FIELDS = [f.name for f in dataclasses.fields(Quote) if f.name not in ("id", "article_id", "statement")]
_PAIRS = ("furniture", "italics")  # Article fields that are tuples of (start, end)
_SPANS = ("speaker_span", "cue_span")  # Quote fields that are one (start, end) or None


_SEP = "\0"  # between the pieces of an entry's fragments (JSON text never holds a raw NUL)
_DIGEST_CHARS = 8


ROW_LEVEL = 1  # zlib's level for ``output`` rows: JSON text to about a fifth, at some 150 MB/s


def row(pieces: list[str]) -> tuple[str, bytes]:
    """Text pieces (none holding a NUL character) as a row of ``output`` holds them: UTF-8 bytes
    (not text: Python's text of the JSON output, non-ASCII characters in it, takes twice its
    bytes), and their digest, which tells a damaged row and whether a row changed (``stored``
    makes what is kept). Raises UnicodeEncodeError for text that cannot be UTF-8 (a lone
    surrogate)."""
    body = (_SEP + _SEP.join(pieces)).encode("utf-8")
    return f"{zlib.crc32(body):08x}", body


def stored(digest: str, body: bytes) -> bytes:
    """A row as ``output`` keeps it: the digest of its bytes, then them compressed (a JSON
    document is most of a scan's bytes; ``Cache.row_pieces`` reads it back)."""
    return digest.encode("ascii") + zlib.compress(body, ROW_LEVEL)


class RowWriter:
    """``stored(*row([text]))`` of a text given a part at a time (only its compressed bytes are held)."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(ROW_LEVEL)
        first = _SEP.encode("utf-8")
        self._crc = zlib.crc32(first)
        self._parts = [self._z.compress(first)]
        self._broken = False

    def add(self, text: str) -> None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            self._broken = True
            return
        self._crc = zlib.crc32(data, self._crc)
        self._parts.append(self._z.compress(data))

    def stored(self) -> tuple[str, bytes]:
        """The row's digest and what is kept; UnicodeEncodeError when some text could not be UTF-8."""
        if self._broken:
            raise UnicodeEncodeError("utf-8", "", 0, 1, "a lone surrogate")
        self._parts.append(self._z.flush())
        digest = f"{self._crc:08x}"
        return digest, digest.encode("ascii") + b"".join(self._parts)


def _digest(text: str) -> str:
    """A checksum that tells a damaged row (CRC-32: a third of the time of a cryptographic digest
    on what a re-scan reads back, and nothing here guards against a forger). Raises
    UnicodeEncodeError for text SQLite cannot keep (a lone surrogate)."""
    return f"{zlib.crc32(text.encode('utf-8')):08x}"



@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), rolled back on any error; the
    body may end it itself (a ``ROLLBACK`` when it decides to write nothing)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        if db.in_transaction:
            db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


class CacheError(Exception):
    """A cache path that cannot be used at all (a folder, a read-only place)."""


def default_path() -> Path:
    """The per-user cache file: $XDG_CACHE_HOME/quotetrack (else ~/.cache/quotetrack) on
    Linux and the BSDs, ~/Library/Caches/quotetrack on macOS, %LOCALAPPDATA%\\quotetrack
    on Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "quotetrack" / CACHE_FILE


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """quotetrack's version and a digest of its code and data files: any change to what
    finds quotes changes it."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(root.rglob("*")):
        if p.is_file() and (p.suffix == ".py" or p.parent.name == "data") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def key(kind: str, context: str, data: bytes) -> str:
    """The entry key of an input: ``kind`` (what is kept), ``context`` (what else decides it)."""
    h = hashlib.sha256()
    for part in (fingerprint().encode(), kind.encode(), context.encode("utf-8", "surrogatepass")):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


# --------------------------------------------------------------------------- JSON of articles and quotes


def _quote_json(q: Quote) -> list[Any]:
    """A quote as a JSON array: its number in its article, then ``_QUOTE_FIELDS`` in order (an
    array, not an object: no field name is written, read and hashed again for every quote)."""
    return [q.id.rsplit(":", 1)[-1], *[getattr(q, f) for f in _QUOTE_FIELDS]]


def _quote_from(row: list[Any], article_id: str) -> Quote:
    if not isinstance(row, list):
        raise TypeError("a cached quote is not an array")
    fields = dict(zip(_QUOTE_FIELDS, row[1:], strict=True))
    # JSON gives lists; the model holds offsets as tuples.
    for f in _SPANS:
        if fields.get(f) is not None:
            fields[f] = tuple(fields[f])
    if fields.get("quoted_spans") is not None:
        fields["quoted_spans"] = tuple(tuple(p) for p in fields["quoted_spans"])
    # Every field set as ``Quote(...)`` sets it, without its __init__ (a re-scan builds every quote
    # of the corpus from here; tests compare the two).
    q = object.__new__(Quote)
    q.__dict__.update(fields, id=f"{article_id}:{row[0]}", article_id=article_id, statement=None)
    return q


def quotes_json(quotes: Iterable[Quote]) -> str:
    return json.dumps([_quote_json(q) for q in quotes], ensure_ascii=True, separators=(",", ":"))


def quotes_from(text: str, article_id: str) -> list[Quote]:
    return [_quote_from(d, article_id) for d in json.loads(text)]


def file_json(found: list[tuple[Article, list[Quote]]], skipped: list[Skipped], signature: Optional[str] = None) -> str:
    """One input's articles (without their text) and quotes, and what of it was skipped; with
    ``signature``, that too (``regroup.input_signature``: kept beside them, so that a re-scan
    tells whether a changed input changed anything the statements read)."""
    arts = []
    for a, qs in found:
        d = {f: getattr(a, f) for f in _ARTICLE_FIELDS}
        arts.append({"id": a.id, "article": d, "quotes": [_quote_json(q) for q in qs]})
    kept: dict[str, Any] = {"articles": arts, "skipped": [[s.path, s.reason] for s in skipped]}
    if signature is not None:
        kept["signature"] = signature
    return json.dumps(kept, ensure_ascii=True, separators=(",", ":"))


def file_from(text: str, number_from: int = 1) -> tuple[list[tuple[Article, list[Quote]]], list[Skipped]]:
    """``file_json``'s articles and quotes again, the articles numbered from ``a<number_from>``
    (their place in the whole scan) and their quotes after them."""
    found, skipped, _ = file_kept(text, number_from)
    return found, skipped


def file_kept(text: str, number_from: int = 1) -> tuple[list[tuple[Article, list[Quote]]], list[Skipped], Optional[str]]:
    """``file_from``, and the signature kept with them (None: none kept)."""
    d = json.loads(text)
    found = []
    for n, entry in enumerate(d["articles"], number_from):
        fields = dict(entry["article"])
        for name in _PAIRS:
            fields[name] = tuple(tuple(p) for p in fields[name])
        aid = f"a{n}"
        found.append((Article(id=aid, text="", **fields), [_quote_from(q, aid) for q in entry["quotes"]]))
    signature = d.get("signature")
    return found, [Skipped(p, r) for p, r in d["skipped"]], signature if isinstance(signature, str) else None


# --------------------------------------------------------------------------- the database


_CREATE = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # label: the input an entry was made from, so that its older entries can go
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, label TEXT NOT NULL, value TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS entries_label ON entries (label)",
    # place: a digest of what decides an input's entry but its bytes (``scan``'s path and options);
    # the entry key its bytes gave when the file had this size and modification time (see ``seen``).
    "CREATE TABLE IF NOT EXISTS seen (place TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, key TEXT NOT NULL)",
    # the JSON output's text of an entry's quotes (``fragments``), kept while its entry is
    "CREATE TABLE IF NOT EXISTS fragments (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # the JSON output of a scan of a set of inputs and options (``doc``), in rows (``n``): see ``put_output``
    "CREATE TABLE IF NOT EXISTS output (doc TEXT NOT NULL, n INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (doc, n))",
)

# A file modified less than this long before it was read may be modified again within the same
# modification time (coarse file-system clocks): its size and time are not trusted (``seen``).
SETTLED_NS = 3_000_000_000


class Cache:
    """An open cache file. ``warn`` is called with a line for a person (a rebuilt cache)."""

    def __init__(self, path: os.PathLike | str, warn: Callable[[str], None] = lambda line: None):
        self.path = Path(path)
        self.warn = warn
        self.hits = 0
        self.misses = 0
        self._pending: list[tuple[str, str, str]] = []
        self._seen: list[tuple[str, int, int, str]] = []
        self._broken = False
        self.damaged = 0  # damaged fragments found (``fragments``)
        # Set by ``parallel.scan``: each input's entry key and how many quotes it gave, in order.
        self.origins: Optional[list[tuple[str, int]]] = None
        # Set by ``parallel.scan`` when every input has an entry: what the JSON output kept in the
        # cache needs of them (``parallel.Inputs``).
        self.inputs: Any = None
        # Set by ``parallel.changes`` when it gives up: the inputs it looked up, for ``parallel.scan``.
        self.looked: Any = None
        self._db = self._open()

    # ----------------------------------------------------------------- opening

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _CREATE:
                db.execute(statement)
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
            elif row[0] != str(SCHEMA):
                raise sqlite3.DatabaseError(f"cache schema {row[0]}, this quotetrack reads {SCHEMA}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            db.close()
            raise
        return db

    def _connect_waiting(self) -> sqlite3.Connection:
        """``_connect``, tried again while another process holds the file: two runs creating one
        cache at once race to switch it to WAL, and SQLite reports that as "locked" at once,
        without waiting for the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                return self._connect()
            except sqlite3.OperationalError as err:
                if not ("locked" in str(err) or "busy" in str(err)) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise CacheError(f"{self.path}: is a folder, not a cache file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CacheError(f"{self.path}: cannot create its folder: {err.strerror or err}") from None
        try:
            return self._connect_waiting()
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise CacheError(f"{self.path}: {err}") from None
            if not os.access(self.path.parent, os.W_OK):
                raise CacheError(f"{self.path}: cannot write: {err}") from None
            return self._rebuild(err)
        except sqlite3.DatabaseError as err:
            return self._rebuild(err)

    def _rebuild(self, err: Exception) -> sqlite3.Connection:
        self.warn(f"warning: the cache {self.path} could not be read ({err}); rebuilding it")
        aside = self.path.with_name(self.path.name + f".corrupt-{os.getpid()}")
        try:
            os.replace(self.path, aside)
            os.remove(aside)
        except OSError:
            pass
        for suffix in ("-wal", "-shm"):
            try:
                os.remove(str(self.path) + suffix)
            except OSError:
                pass
        try:
            return self._connect()
        except sqlite3.Error as again:
            raise CacheError(f"{self.path}: cannot rebuild the cache: {again}") from None

    # ----------------------------------------------------------------- use

    def get(self, k: str, count: bool = True) -> Optional[str]:
        """The entry ``k``, or None; ``count``: add it to ``hits`` or ``misses`` (inputs found or not)."""
        if self._broken:
            return None
        try:
            row = self._db.execute("SELECT value FROM entries WHERE key = ?", (k,)).fetchone()
        except sqlite3.DatabaseError as err:
            self._fail(err)
            return None
        if count:
            if row is None:
                self.misses += 1
            else:
                self.hits += 1
        return None if row is None else row[0]

    def put(self, k: str, label: str, value: str) -> None:
        """Keep an entry (written with the next ``BATCH``, or at ``flush``/``close``)."""
        if self._broken:
            return
        # Paths may hold lone surrogates (file names that are not UTF-8): SQLite's text cannot.
        label = hashlib.sha256(label.encode("utf-8", "surrogatepass")).hexdigest()
        self._pending.append((k, label, value))
        if len(self._pending) >= BATCH:
            self.flush()

    def _rows(self, query: str, keys: list[str]) -> list[tuple]:
        """The rows of ``query`` (a SELECT ending in ``IN ({})``) for ``keys``, asked ``LOOKUP``
        keys a query: one query a key costs about as much again as the rows it reads."""
        out: list[tuple] = []
        if self._broken:
            return out
        try:
            for at in range(0, len(keys), LOOKUP):
                part = keys[at:at + LOOKUP]
                out.extend(self._db.execute(query.format(",".join("?" * len(part))), part))
        except sqlite3.DatabaseError as err:
            self._fail(err)
            return []
        return out

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """The entries of ``keys`` the cache holds, by key (``get`` of each, not counted)."""
        return dict(self._rows("SELECT key, value FROM entries WHERE key IN ({})", keys))

    def held(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` the cache holds an entry of (their text not read)."""
        return {r[0] for r in self._rows("SELECT key FROM entries WHERE key IN ({})", keys)}

    def seen_many(self, places: list[str]) -> dict[str, tuple[int, int, str]]:
        """``seen``'s rows of ``places``: place -> (size, modification time in ns, entry key)."""
        rows = self._rows("SELECT place, size, mtime_ns, key FROM seen WHERE place IN ({})", places)
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def fragments_many(self, keys: list[str]) -> dict[str, str]:
        """The rows ``put_fragments`` kept for ``keys``, as stored, by key (see ``pieces``)."""
        return dict(self._rows("SELECT key, value FROM fragments WHERE key IN ({})", keys))

    def seen(self, place: str, size: int, mtime_ns: int) -> Optional[str]:
        """The entry key of the input at ``place`` (``key("scan-place", …)``) when it was last read
        with this size and modification time, or None. The bytes are then taken to be the same
        without reading them: a file rewritten with the same size and modification time (a tool
        that sets them back) is not seen as changed (``scan --rehash`` reads every input)."""
        row = self.seen_many([place]).get(place)
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return str(row[2])

    def put_seen(self, place: str, size: int, mtime_ns: int, k: str, read_ns: int) -> None:
        """Keep the entry key ``k`` of the bytes read at ``read_ns`` (``time.time_ns()`` before reading)
        from the file at ``place`` of this size and modification time; nothing when the file had
        been modified less than ``SETTLED_NS`` before (it may change again within the same time)."""
        if self._broken or read_ns - mtime_ns < SETTLED_NS:
            return
        self._seen.append((place, size, mtime_ns, k))
        if len(self._seen) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if (not self._pending and not self._seen) or self._broken:
            self._pending, self._seen = [], []
            return
        rows, self._pending = self._pending, []
        seen, self._seen = self._seen, []
        olds = [(label, k) for k, label, _ in rows]
        self._write(
            # An input's older entries (before it changed) go: the cache grows with the corpus, not with its edits.
            ("DELETE FROM fragments WHERE key IN (SELECT key FROM entries WHERE label = ? AND key != ?)", olds),
            ("DELETE FROM entries WHERE label = ? AND key != ?", olds),
            ("INSERT OR REPLACE INTO entries (key, label, value) VALUES (?, ?, ?)", rows),
            ("INSERT OR REPLACE INTO seen (place, size, mtime_ns, key) VALUES (?, ?, ?, ?)", seen),
        )

    def _write(self, *statements: tuple[str, list]) -> None:
        """Run each statement over its rows in one transaction (rolled back on any error); a
        database error leaves the cache as ``_fail`` says."""
        db = self._db
        try:
            with _transaction(db):
                for sql, params in statements:
                    db.executemany(sql, params)
        except sqlite3.DatabaseError as err:
            self._fail(err)

    def drop_output(self, doc: str) -> None:
        """Forget the rows kept under ``doc`` (a damaged one was found)."""
        self._write(("DELETE FROM output WHERE doc = ?", [(doc,)]))

    def fragments(self, k: str) -> Optional[list[str]]:
        """The text pieces ``put_fragments`` kept for entry ``k``; None when there are none, or
        they are damaged (their digest is not theirs: ``damaged`` is then counted)."""
        return self.pieces(self.fragments_many([k]).get(k))

    def pieces(self, value: Optional[str]) -> Optional[list[str]]:
        """A ``fragments`` row's pieces; None for no row, or a damaged one (counted in ``damaged``)."""
        if value is None:
            return None
        if not isinstance(value, str) or value[:_DIGEST_CHARS] != _digest(value[_DIGEST_CHARS:]):
            self.damaged += 1
            return None
        return value[_DIGEST_CHARS + 1:].split(_SEP)

    def output_rows(self, doc: str, head: bool = False) -> dict[int, Any]:
        """The rows ``put_output`` kept under ``doc`` (``head``: only row -1), as stored, by number:
        read by one query, so from one state of the file (another run's write is seen whole or
        not at all)."""
        if self._broken:
            return {}
        query = "SELECT n, value FROM output WHERE doc = ?" + (" AND n = -1" if head else "")
        try:
            return dict(self._db.execute(query, (doc,)).fetchall())
        except sqlite3.DatabaseError as err:
            self._fail(err)
            return {}

    def row_pieces(self, value: Any) -> Optional[list[bytes]]:
        """An ``output`` row's pieces (UTF-8); None for no row, or a damaged one (counted in ``damaged``)."""
        if value is None:
            return None
        body = None
        if isinstance(value, bytes):
            try:
                body = zlib.decompress(value[_DIGEST_CHARS:])
            except zlib.error:
                pass
        if body is None or value[:_DIGEST_CHARS] != f"{zlib.crc32(body):08x}".encode("ascii") or body[:1] != b"\0":
            self.damaged += 1
            return None
        return body[1:].split(b"\0")

    def put_output(self, doc: str, generation: Optional[str], rows: Callable[[bool], Optional[dict[int, bytes]]]) -> bool:
        """Keep rows (``row``: text pieces with a digest) under ``doc``, by number, in one
        transaction. Row -1, the head, starts with a *generation*:
        ``rows(False)`` gives the rows that changed since the head this run read (``generation``,
        its first piece; None: none was read), when the stored head is still that one; else
        ``rows(True)`` gives every row, and the rows numbered past the new ones go: the rows kept
        are never mixed from two runs. ``rows`` may give None: nothing is written. False when
        nothing was written (a piece SQLite's text cannot hold, a failed write)."""
        if self._broken:
            return False
        db = self._db
        try:
            with _transaction(db):
                head = db.execute("SELECT value FROM output WHERE doc = ? AND n = -1", (doc,)).fetchone()
                stored = None if head is None else self.row_pieces(head[0])
                whole = generation is None or stored is None or stored[0].decode("ascii", "replace") != generation
                made = rows(whole)
                if made is None or -1 not in made:
                    db.execute("ROLLBACK")
                    return False
                if whole:
                    db.execute("DELETE FROM output WHERE doc = ? AND n >= ?", (doc, max(made) + 1))
                db.executemany("INSERT OR REPLACE INTO output (doc, n, value) VALUES (?, ?, ?)",
                               ((doc, n, value) for n, value in made.items()))
            return True
        except sqlite3.DatabaseError as err:
            self._fail(err)
            return False

    def put_fragments(self, items: Iterable[tuple[str, list[str]]]) -> None:
        """Keep text pieces (none holding a NUL character) for each entry key given, with a digest
        that tells a damaged row; nothing for an entry the cache does not hold (one transaction)."""
        if self._broken:
            return
        rows = []
        for k, pieces in items:
            body = _SEP + _SEP.join(pieces)
            try:
                rows.append((k, _digest(body) + body, k))
            except UnicodeEncodeError:  # not kept: made again by each scan
                continue
        if not rows:
            return
        self._write(("INSERT OR REPLACE INTO fragments (key, value) SELECT ?, ? "
                     "WHERE EXISTS (SELECT 1 FROM entries WHERE key = ?)", rows))

    def _fail(self, err: sqlite3.DatabaseError) -> None:
        """A read or write failed: a damaged file is rebuilt, anything else (a full disk, a
        lock held past BUSY_TIMEOUT) leaves this run without the cache."""
        self._db.close()
        if not isinstance(err, sqlite3.OperationalError):
            try:
                self._db = self._rebuild(err)
                return
            except CacheError:
                pass
        self._broken = True
        self._db = sqlite3.connect(":memory:")
        self.warn(f"warning: the cache {self.path} failed ({err}); going on without it")

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def state_key(context: str) -> str:
    """The entry of grouping's state (``regroup``) for a scan of ``context`` (its inputs and options)."""
    return key("grouping-state", context, b"")


def get_state(cache: Cache, context: str) -> Optional[dict[str, Any]]:
    """The grouping state a former scan of ``context`` kept, or None (none, or damaged)."""
    hit = cache.get(state_key(context), count=False)
    if hit is None:
        return None
    try:
        state = json.loads(hit)
    except ValueError:
        return None
    return state if isinstance(state, dict) else None


def put_state(cache: Cache, context: str, state: dict[str, Any]) -> None:
    """Keep this scan's grouping state (the one entry of ``context``: the former one goes)."""
    cache.put(state_key(context), "grouping-state:" + context, json.dumps(state, ensure_ascii=True, separators=(",", ":")))


def article_context(article: Article) -> str:
    """What besides its text decides an article's quotes: every field but its id, path and
    text (body bounds, page furniture, a web page's italics, its input format, …)."""
    fields = {f: getattr(article, f) for f in _ARTICLE_FIELDS if f != "path"}
    return json.dumps(fields, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def cached_quotes(cache: Optional[Cache], article: Article) -> list[Quote]:
    """``pipeline.quotes_of(article)``, from ``cache`` when it holds the article's quotes (kept
    by the article's text and ``article_context``: all they depend on), else found and kept."""
    if cache is None:
        return quotes_of(article)
    k = key("article-quotes", article_context(article), article.text.encode("utf-8", "surrogatepass"))
    hit = cache.get(k)
    if hit is not None:
        try:
            return quotes_from(hit, article.id)
        except (ValueError, KeyError, TypeError):
            pass
    found = quotes_of(article)
    cache.put(k, f"{article.input_format}:{article.path}", quotes_json(found))
    return found
