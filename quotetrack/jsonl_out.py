"""``scan --format jsonl``: one JSON object a line, quotes as they are found, statements at the end.

Every record has a ``type``; the others' fields are those of the JSON
document (README, "JSON output"):

* ``scan``: the first line: ``schema_version`` and quotetrack's ``version``;
* ``article``: an article, as soon as its quotes are found, in input order;
* ``quote``: each of that article's quotes, right after it, with its
  ``speaker`` as that article names them and ``statement`` null (neither is
  known until every article is read);
* then, when every input is read: ``skipped`` (a file passed over, with the
  reason), ``speaker`` (a speaker's one name across articles, ``name``, and
  every name the ``quote`` records gave them, ``names``), ``statement``,
  ``wire_story``, and last ``summary`` (the counts of the JSON document's
  ``summary``).

A program that needs each quote's final speaker and statement reads them
from the ``speaker`` and ``statement`` records (a statement's ``members``
list its quotes).
"""

from __future__ import annotations

import json
from typing import Any, Optional, TextIO

from .models import Article, Quote, ScanResult
from .printable import printable_path
from .provenance import first_carriers, wire_stories
from .render import JSON_SCHEMA_VERSION, article_dict, quote_json, statement_json, summary_dict
from .version import __version__


class JsonlWriter:
    """Writes the records to ``out``; ``article`` is the ``on_article`` callback of ``parallel.scan``."""

    def __init__(self, out: TextIO):
        self.out = out
        self.named: dict[str, Optional[str]] = {}  # quote id -> speaker as its article named them
        self._write({"type": "scan", "schema_version": JSON_SCHEMA_VERSION, "version": __version__})

    def _write(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False))
        self.out.write("\n")

    def article(self, a: Article, quotes: list[Quote]) -> None:
        self._write({"type": "article", **article_dict(a)})
        path = printable_path(a.path)
        for q in quotes:
            if q.speaker:
                self.named[q.id] = q.speaker
            # The record is the quote's JSON with its type first (as ``{"type": "quote", **quote_dict(…)}``).
            self.out.write('{"type": "quote", ' + quote_json(q, path, a.outlet)[1:] + "\n")
        self.out.flush()

    def finish(self, result: ScanResult) -> None:
        for skip in result.skipped:
            self._write({"type": "skipped", "path": printable_path(skip.path), "reason": skip.reason})
        names: dict[str, dict[str, None]] = {}
        for q in result.quotes:
            if q.speaker:
                names.setdefault(q.speaker, {})
                named = self.named.get(q.id)
                if named:
                    names[q.speaker].setdefault(named, None)
        for name in sorted(names):
            self._write({"type": "speaker", "name": name, "names": sorted(names[name])})
        firsts = first_carriers(result)
        for s in result.statements:
            self.out.write('{"type": "statement", ' + statement_json(s, firsts)[1:] + "\n")
        for w in wire_stories(result):
            self._write({"type": "wire_story", **w.as_dict()})
        self._write({"type": "summary", **summary_dict(result)})
        self.out.flush()
