"""Renderers for ``quotetrack check`` findings: text, JSON, GitHub Actions and SARIF.

Article text reaches every output (messages quote it), so each renderer
makes it safe for its reader: the text output drops control characters and
terminal escape sequences; the GitHub output escapes ``%``, line breaks and,
in properties, ``:`` and ``,`` so that no article can start a workflow
command; JSON and SARIF are JSON-encoded.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any, Callable, Optional, TextIO
from urllib.parse import quote as _urlquote

from .check import CheckResult
from .kinds import Format
from .models import Finding
from .printable import ANSI, CONTROL_BUT_BREAKS, one_line, printable_path
from .rules import ERROR, NOTE, RULES, WARNING
from .textnorm import comparison_tokens
from .version import __version__

JSON_SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"



def plain(text: Optional[str]) -> str:
    """One line of printable text: escape sequences and control characters removed, whitespace folded."""
    if not text:
        return ""
    return one_line(ANSI.sub("", text))


def _path(p: str) -> str:
    return plain(valid(p))


def valid(text: Optional[str]) -> Optional[str]:
    """Text that encodes as UTF-8: file names that are not UTF-8 (which messages quote) get U+FFFD."""
    if text is None:
        return None
    try:
        return printable_path(text)
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def summary_line(result: CheckResult) -> str:
    e, w, n = result.count(ERROR), result.count(WARNING), result.count(NOTE)
    arts = len(result.articles)
    counts = [f"{e} error{'s' * (e != 1)}", f"{w} warning{'s' * (w != 1)}"]
    if n:
        counts.append(f"{n} note{'s' * (n != 1)}")
    line = f"{', '.join(counts)} in {arts} article{'s' * (arts != 1)}"
    src = len(result.sources)
    line += f", checked against {src} source{'s' * (src != 1)} ({result.source_statements} statements)"
    if result.suppressed:
        line += f"; {len(result.suppressed)} suppressed"
    return line


# --------------------------------------------------------------------------- text


def render_text(result: CheckResult, out: TextIO) -> None:
    """``path:line:col: RULE [severity] message``, grouped by file, then a summary line."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    for path in sorted(by_file):
        for f in by_file[path]:
            out.write(f"{_path(f.path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] {plain(valid(f.message))}\n")
        out.write("\n")
    out.write(summary_line(result) + "\n")


# --------------------------------------------------------------------------- JSON


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "path": valid(f.path),
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "message": valid(f.message),
        "quote": valid(f.quote),
        "related": [
            {"path": valid(p), "line": line, "column": col, "message": valid(what)} for p, line, col, what in f.related
        ],
    }


def to_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "quotetrack", "version": __version__},
        "summary": {
            "articles": len(result.articles),
            "sources": len(result.sources),
            "source_statements": result.source_statements,
            "errors": result.count(ERROR),
            "warnings": result.count(WARNING),
            "notes": result.count(NOTE),
            "suppressed": len(result.suppressed),
        },
        "findings": [finding_dict(f) for f in result.findings],
        "suppressed": [finding_dict(f) for f in result.suppressed],
        "rules": [{"id": r.id, "name": r.name, "severity": r.severity, "summary": r.summary} for r in RULES.values()],
    }


def render_json(result: CheckResult, out: TextIO) -> None:
    json.dump(to_dict(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


# --------------------------------------------------------------------------- GitHub Actions

_GITHUB_LEVEL: dict[str, str] = {ERROR: "error", WARNING: "warning", NOTE: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped, other control characters removed."""
    text = CONTROL_BUT_BREAKS.sub("", ANSI.sub("", text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult, out: TextIO) -> None:
    """One ``::error file=…,line=…,col=…,title=…::message`` command per finding, then a summary line."""
    for f in result.findings:
        props = ",".join(
            f"{k}={escape_property(str(v))}"
            for k, v in (("file", valid(f.path)), ("line", f.line), ("col", f.column), ("title", f"{f.rule} {f.name}"))
        )
        out.write(f"::{_GITHUB_LEVEL.get(f.severity, 'warning')} {props}::{escape_data(valid(f.message) or '')}\n")
    out.write(escape_data("quotetrack: " + summary_line(result)) + "\n")


# --------------------------------------------------------------------------- SARIF 2.1.0

_SARIF_LEVEL: dict[str, str] = {ERROR: "error", WARNING: "warning", NOTE: "note"}


def _uri(path: str) -> str:
    return _urlquote((valid(path) or "").replace("\\", "/"), safe="/")


def _location(path: str, line: int, column: int, end_line: Optional[int] = None, end_column: Optional[int] = None) -> dict:
    region: dict[str, int] = {"startLine": line, "startColumn": column}
    if end_line is not None and end_column is not None and (end_line, end_column) > (line, column):
        region["endLine"] = end_line
        region["endColumn"] = end_column
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def fingerprint(f: Finding) -> str:
    """Stable across edits that move the quote: the rule, the file and the quote's normalised words."""
    what = " ".join(comparison_tokens(f.quote)) if f.quote else f.message
    return hashlib.sha256(f"{f.rule}\0{f.path}\0{what}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _sarif_result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": _SARIF_LEVEL.get(f.severity, "warning"),
        "message": {"text": valid(f.message)},
        "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)],
        "partialFingerprints": {"quotetrack/v1": fingerprint(f)},
    }
    if f.related:
        res["relatedLocations"] = [
            {"id": i, **_location(p, line, col), "message": {"text": valid(what)}} for i, (p, line, col, what) in enumerate(f.related)
        ]
    if f.suppressed:
        res["suppressions"] = [{"kind": "inSource", "justification": "<!-- quotetrack: ignore --> comment"}]
    return res


def to_sarif(result: CheckResult) -> dict[str, Any]:
    rules = list(RULES.values())
    rule_index = {r.id: i for i, r in enumerate(rules)}
    findings = sorted([*result.findings, *result.suppressed], key=lambda f: (f.path, f.line, f.column, f.rule))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "quotetrack",
                        "version": __version__,
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.help},
                                "help": {"text": r.help},
                                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, rule_index) for f in findings],
            }
        ],
    }


def render_sarif(result: CheckResult, out: TextIO) -> None:
    json.dump(to_sarif(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


RENDERERS: dict[Format, Callable[[CheckResult, TextIO], None]] = {
    Format.TEXT: render_text,
    Format.JSON: render_json,
    Format.GITHUB: render_github,
    Format.SARIF: render_sarif,
}


# --------------------------------------------------------------------------- the rules (check --list-rules)


def rule_rows() -> list[tuple[str, str, str, str]]:
    """(id, name, default level, summary) of every rule, in id order."""
    return [(r.id, r.name, str(r.severity), r.summary) for r in sorted(RULES.values(), key=lambda r: r.id)]


def render_rules(out: TextIO) -> None:
    """The rules as aligned columns, one line each."""
    rows = [("id", "name", "default", "finds"), *rule_rows()]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3] + "\n")


def render_rules_json(out: TextIO) -> None:
    """The rules as a JSON list, with each rule's help."""
    doc = [{"id": r.id, "name": r.name, "severity": r.severity, "summary": r.summary, "help": r.help}
           for r in sorted(RULES.values(), key=lambda r: r.id)]
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
