"""Untrusted text made safe to print: control characters, bidi overrides and escape sequences.

Articles, metadata and file names come from strangers; nothing in them may
move a terminal's cursor, recolour it, reorder a line (bidi overrides) or
start a CI workflow command. Every printer goes through these functions.
"""

from __future__ import annotations

import re
from typing import Optional

# Bidi marks and overrides that can make printed text read other than it is.
_BIDI = r"\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 and C1 controls but tab and line feed, and the bidi characters.
CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# The same, keeping line breaks (LF, CR) and dropping tab: for formats that escape breaks themselves.
CONTROL_BUT_BREAKS = re.compile(rf"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
# Terminal escape sequences: CSI, OSC (to BEL or ST) and two-character escapes.
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_SPACE = re.compile(r"\s+")


def clean(text: Optional[str]) -> str:
    """Text safe to print: control characters and bidi overrides removed."""
    if not text:
        return ""
    return CONTROL.sub("", text)


def one_line(text: Optional[str]) -> str:
    """Safe text on one line: control characters removed, whitespace folded to single spaces."""
    return _SPACE.sub(" ", clean(text)).strip()


def printable_path(path: str) -> str:
    """A path as valid UTF-8 text: bytes that are not UTF-8 in a file name become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
