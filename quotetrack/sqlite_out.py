"""``scan --output quotes.db``: the result as a SQLite database, for sqlite-utils, Datasette or SQL.

The schema (README, "SQLite output", says the same):

* ``articles``: one row an article (``id`` as in JSON: ``a1``, ``a2``...);
* ``speakers``: one row a speaker, ``name`` unique;
* ``quotes``: one row a quote or term; ``article_id`` references
  ``articles``, ``speaker_id`` ``speakers`` and ``statement_id``
  ``statements`` (both null when there is none);
* ``statements``: one row a statement; ``speaker_id`` references
  ``speakers``, ``canonical_quote`` and ``first_quote`` reference ``quotes``;
* ``statement_members``: which quotes carry which statement, and how
  (``match``, ``score``), in the statement's order (``position``);
* ``skipped``: inputs passed over, with the reason;
* ``meta``: ``schema_version`` of this layout and quotetrack's ``version``.

Offsets are ``start_offset``/``end_offset`` (characters) and positions
``line``/``col`` (1-based), as ``start``/``end``/``line``/``column`` in JSON.
Foreign keys are declared (SQLite checks them with ``PRAGMA foreign_keys =
ON``) and every foreign key column is indexed. The file is written under a
temporary name and moved into place, so a reader never sees half of it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Union

from .models import ScanResult
from .printable import printable_path
from .provenance import first_carriers
from .version import __version__

SCHEMA_VERSION = 1
SUFFIXES = (".db", ".sqlite", ".sqlite3")

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    outlet TEXT NOT NULL,
    outlet_rule TEXT NOT NULL,
    credit TEXT,
    title TEXT,
    date TEXT,
    body_start INTEGER NOT NULL,
    body_end INTEGER NOT NULL,
    offsets TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT,
    url TEXT,
    author TEXT,
    record_id TEXT
);
CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    speaker_id INTEGER REFERENCES speakers (id),
    text TEXT NOT NULL,
    canonical_quote TEXT NOT NULL REFERENCES quotes (id) DEFERRABLE INITIALLY DEFERRED,
    outlets INTEGER NOT NULL,
    first_outlet TEXT,
    first_date TEXT,
    first_quote TEXT REFERENCES quotes (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    speaker_id INTEGER REFERENCES speakers (id),
    statement_id TEXT REFERENCES statements (id) DEFERRABLE INITIALLY DEFERRED,
    text TEXT NOT NULL,
    words TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    kind TEXT NOT NULL,
    direct INTEGER NOT NULL,
    closed INTEGER NOT NULL,
    speaker_mention TEXT,
    cue TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER
);
CREATE TABLE statement_members (
    statement_id TEXT NOT NULL REFERENCES statements (id),
    quote_id TEXT NOT NULL REFERENCES quotes (id),
    position INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    match TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (statement_id, quote_id)
);
CREATE TABLE skipped (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_statement ON quotes (statement_id);
CREATE INDEX statements_speaker ON statements (speaker_id);
CREATE INDEX statements_canonical ON statements (canonical_quote);
CREATE INDEX statements_first ON statements (first_quote);
CREATE INDEX statement_members_quote ON statement_members (quote_id);
"""


def write_sqlite(result: ScanResult, path: Union[str, os.PathLike]) -> None:
    """Write ``result`` to a new SQLite file at ``path`` (replacing one that is there)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("BEGIN")
            _create(db)
            _fill(db, result)
            db.execute("COMMIT")
        finally:
            db.close()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def _create(db: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


def _fill(db: sqlite3.Connection, result: ScanResult) -> None:
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema_version", str(SCHEMA_VERSION)), ("version", __version__)])
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (a.id, printable_path(a.path), a.outlet, a.outlet_rule, a.credit, a.title, a.date, a.body_start, a.body_end,
             a.offsets, a.input_format, a.encoding, a.url, a.author, a.record_id)
            for a in result.articles
        ),
    )
    speaker_id = {name: i for i, name in enumerate(result.speakers, 1)}
    db.executemany("INSERT INTO speakers VALUES (?, ?)", ((i, name) for name, i in speaker_id.items()))
    firsts = first_carriers(result)
    db.executemany(
        "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (s.id, speaker_id.get(s.speaker) if s.speaker else None, s.text, s.canonical_quote, len(s.outlets),
             *((f.outlet, f.date, f.quote) if (f := firsts.get(s.id)) else (None, None, None)))
            for s in result.statements
        ),
    )
    db.executemany(
        "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (q.id, q.article_id, speaker_id.get(q.speaker) if q.speaker else None, q.statement, q.text, q.words,
             q.start, q.end, q.line, q.column, q.kind, int(q.direct), int(q.closed), q.speaker_mention, q.cue,
             *(q.speaker_span or (None, None)), *(q.cue_span or (None, None)))
            for q in result.quotes
        ),
    )
    db.executemany(
        "INSERT INTO statement_members VALUES (?, ?, ?, ?, ?, ?)",
        ((s.id, m.quote_id, n, m.outlet, m.match, m.score) for s in result.statements for n, m in enumerate(s.members, 1)),
    )
    db.executemany("INSERT INTO skipped VALUES (?, ?)", ((printable_path(s.path), s.reason) for s in result.skipped))
