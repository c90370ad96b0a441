"""Domain values as string enums: quote kinds, match kinds, finding levels, output formats.

Each member is a ``str`` equal to its value, so JSON, CSV and messages print
the same words as before (``json.dumps(QuoteKind.FULL) == '"full"'``), while
code and type checkers can tell a quote kind from a match kind.
"""

from __future__ import annotations

import sys
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10

    class StrEnum(str, Enum):
        """``enum.StrEnum`` of Python 3.11: members print and format as their value."""

        def __str__(self) -> str:
            return str(self.value)

        def __format__(self, spec: str) -> str:
            return format(str(self.value), spec)


class QuoteKind(StrEnum):
    """What a quoted stretch is."""

    FULL = "full"  # a sentence or more of speech
    PARTIAL = "partial"  # a fragment of speech woven into the reporter's sentence
    TERM = "term"  # a scare quote, a name or a term: nobody's speech
    TITLE = "title"  # the title of a work (the film “…”, a song called “…”): nobody's speech


class MatchKind(StrEnum):
    """How one wording relates to another (see ``align.compare``)."""

    VERBATIM = "verbatim"
    EXCERPT = "partial"  # the JSON contract calls an excerpt "partial"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    UNRELATED = "unrelated"


# Closest first: how statement members, diff pairs and matrix cells are ordered.
MATCH_RANK: dict[str, int] = {MatchKind.VERBATIM: 0, MatchKind.EXCERPT: 1, MatchKind.ALTERED: 2, MatchKind.PARAPHRASE: 3}


class Level(StrEnum):
    """How severe a ``check`` finding is; ``OFF`` turns its rule off."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    OFF = "off"


class Format(StrEnum):
    """Every output format of the command line; each command takes some of them (below)."""

    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"  # scan: quotes as they are found, then the statements
    CSV = "csv"
    MARKDOWN = "markdown"
    GITHUB = "github"
    SARIF = "sarif"


SCAN_FORMATS = (Format.TABLE, Format.JSON, Format.JSONL, Format.CSV, Format.MARKDOWN)
DIFF_FORMATS = (Format.TEXT, Format.JSON)
CHECK_FORMATS = (Format.TEXT, Format.JSON, Format.GITHUB, Format.SARIF)
