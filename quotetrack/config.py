"""Configuration for ``quotetrack check``, and the files it names.

Read from ``.quotetrack.toml`` (keys at the top level, or under
``[tool.quotetrack]``) or from the ``[tool.quotetrack]`` table of
``pyproject.toml``: in the folder of the checked paths (for a file, its
folder) or the nearest parent folder that has one, else in the working
directory or its nearest parent (``.quotetrack.toml`` wins when a directory
has both), or from the file ``--config`` names. Globs are relative to the
directory of the configuration file and follow .gitignore rules (``pathmatch``).

.. code-block:: toml

    [tool.quotetrack]
    articles = ["content/**/*.md"]          # what `quotetrack check` checks with no arguments
    sources = ["sources/**/*.md", "press/*.txt"]
    exclude = ["content/drafts/**"]         # never checked as articles
    select = ["QT001", "QT002", "QT004"]    # rules to run (default: all)
    ignore = ["unverified-quote"]           # rules not to run (ids or names)

    [tool.quotetrack.severity]
    QT004 = "error"                         # error, warning, note or off

    [tool.quotetrack.aliases]
    "Mayor Ferrant" = "Odile Ferrant"
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .ingest import STDIN
from .ingest import SUFFIXES as ARTICLE_SUFFIXES
from .kinds import Level
from .pathmatch import matches, static_prefix
from .rules import RULES, Settings, rule_id
from .sources import TEXT_SUFFIXES
from .walk import walk

CONFIG_FILES = (".quotetrack.toml", "pyproject.toml")
KEYS = ("articles", "sources", "exclude", "select", "ignore", "severity", "aliases")
# Folders never searched by globs.
_SKIP_DIRS = {"node_modules", "__pycache__", "site-packages"}


class UsageError(Exception):
    """A problem with the command line: a path that does not exist, nothing to check."""


class ConfigError(UsageError):
    """A configuration file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Config:
    root: str  # globs are relative to this directory
    path: Optional[str] = None  # the configuration file, if any
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: Optional[frozenset[str]] = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Level], ...] = ()  # (rule id, level)
    aliases: tuple[tuple[str, str], ...] = ()  # (name as written, canonical name)
    cwd: str = field(default_factory=os.getcwd)  # paths are shown relative to this

    # ----------------------------------------------------------------- rules

    def settings(self) -> Settings:
        enabled = frozenset(self.select if self.select is not None else RULES) - self.ignore
        return Settings(enabled, dict(self.severity))

    def aliases_map(self) -> dict[str, str]:
        return {k.casefold(): v for k, v in self.aliases}

    def with_rules(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> "Config":
        """Rules from the command line: ``--select`` replaces the configured selection,
        ``--ignore`` adds to the configured ignores."""
        new_select = frozenset(_rule_ids(select, "--select")) if select else self.select
        return replace(self, select=new_select, ignore=self.ignore | frozenset(_rule_ids(ignore, "--ignore")))

    # ----------------------------------------------------------------- files

    def shown(self, path: str) -> str:
        """A path for messages: relative to the working directory when below it."""
        rel = os.path.relpath(path, self.cwd)
        shown = path if rel.startswith("..") else rel
        return shown.replace(os.sep, "/")

    def _rel_to_root(self, path: str) -> str:
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def is_article(self, path: str) -> bool:
        """Whether a file is an article by the configuration: it matches ``articles``
        (or none is configured) and no ``exclude`` or ``sources`` glob."""
        rel = self._rel_to_root(path)
        if any(matches(p, rel) for p in (*self.exclude, *self.sources)):
            return False
        return not self.articles or any(matches(p, rel) for p in self.articles)

    def article_files(self, notes: Optional[list[str]] = None) -> list[str]:
        found = self._expand(self.articles, "articles", notes, ARTICLE_SUFFIXES)
        return [p for p in found if self.is_article(p)]

    def source_files(self, notes: Optional[list[str]] = None) -> list[str]:
        return self._expand(self.sources, "sources", notes, TEXT_SUFFIXES)

    def _expand(self, patterns: Sequence[str], key: str, notes: Optional[list[str]], suffixes: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for pattern in patterns:
            hits = expand_glob(self.root, pattern, suffixes)
            if not hits and notes is not None:
                notes.append(f"{self.path or 'configuration'}: {key} pattern '{pattern}' matched no files")
            for h in hits:
                if h not in seen:
                    seen.add(h)
                    out.append(self.shown(h))
        return out

    def files_from_args(self, paths: Iterable[str], articles: bool = True) -> list[str]:
        """Files the command line names: files as given, folders searched for the files ``scan`` reads
        (sources: .md, .markdown and .txt files); ``-`` (standard input) as is. Files of other types,
        and with ``articles`` those the configuration does not take for articles, are passed over
        (pre-commit passes every changed text file)."""
        suffixes = ARTICLE_SUFFIXES if articles else TEXT_SUFFIXES
        out: list[str] = []
        for raw in paths:
            p = str(raw)
            if p == STDIN and articles:
                out.append(p)
                continue
            if not os.path.lexists(p):
                raise UsageError(f"{p}: no such file or directory")
            if os.path.isdir(p):
                files = [self.shown(f) for f in _files_below(os.path.abspath(p), suffixes)]
            elif p.lower().endswith(suffixes):
                files = [p.replace(os.sep, "/")]
            elif articles:
                files = []
            else:
                raise UsageError(f"{p}: a source must be a .md, .markdown or .txt file (or a folder of them)")
            if articles:
                files = [f for f in files if self.is_article(f)]
            out.extend(f for f in files if f not in out)
        return out


# --------------------------------------------------------------------------- globs (see pathmatch)


def _files_below(top: str, suffixes: tuple[str, ...]) -> list[str]:
    """Files with one of ``suffixes`` below ``top`` (hidden files and folders left out), sorted."""
    out: list[str] = []
    keep = lambda _folder, name, _files: name not in _SKIP_DIRS  # noqa: E731
    for dirpath, filenames in walk(top, keep_dir=keep):
        out.extend(os.path.join(dirpath, n) for n in filenames if n.lower().endswith(suffixes))
    return sorted(out)


def expand_glob(root: str, pattern: str, suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> list[str]:
    """Absolute paths of the files with one of ``suffixes`` below ``root`` that ``pattern`` matches
    (``pathmatch``: .gitignore style), sorted."""
    if os.path.isabs(pattern):
        root, pattern = os.path.dirname(pattern.rstrip("/")) or "/", os.path.basename(pattern.rstrip("/"))
    if os.path.isfile(os.path.join(root, pattern)):
        full = os.path.join(root, pattern)
        return [os.path.abspath(full)] if full.lower().endswith(suffixes) else []
    prefix = static_prefix(pattern)
    top = os.path.join(root, prefix) if prefix else root
    if not os.path.isdir(top):
        return []
    hits = []
    for f in _files_below(top, suffixes):
        rel = os.path.relpath(f, root).replace(os.sep, "/")
        if matches(pattern, rel):
            hits.append(os.path.abspath(f))
    return hits


# --------------------------------------------------------------------------- loading


def _rule_ids(keys: Iterable[str], where: str) -> list[str]:
    out = []
    for raw in keys:
        for key in (k for k in re.split(r"[\s,]+", str(raw)) if k):
            rid = rule_id(key)
            if rid is None:
                known = ", ".join(f"{r.id} ({r.name})" for r in RULES.values())
                raise ConfigError(f"{where}: unknown rule '{key}' (rules: {known})")
            out.append(rid)
    return out


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings (glob patterns or rule ids), not {value!r}")
    return tuple(v.strip() for v in value)


def parse(table: Mapping[str, Any], where: str, root: str) -> Config:
    """A Config from the ``[tool.quotetrack]`` table; ``where`` names it in error messages."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known keys: {', '.join(KEYS)})")
    articles = _strings(table.get("articles", []), "articles", where)
    sources = _strings(table.get("sources", []), "sources", where)
    exclude = _strings(table.get("exclude", []), "exclude", where)
    select = None
    if "select" in table:
        select = frozenset(_rule_ids(_strings(table["select"], "select", where), f"{where}: select"))
    ignore = frozenset(_rule_ids(_strings(table.get("ignore", []), "ignore", where), f"{where}: ignore"))
    sev_table = table.get("severity", {})
    if not isinstance(sev_table, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of rule = level, such as {{ QT003 = \"error\" }}")
    severity = []
    for key, level in sev_table.items():
        (rid,) = _rule_ids([key], f"{where}: severity")
        if not isinstance(level, str) or level.lower() not in tuple(Level):
            raise ConfigError(f"{where}: severity of {key} must be one of {', '.join(Level)}, not {level!r}")
        severity.append((rid, Level(level.lower())))
    alias_table = table.get("aliases", {})
    if not isinstance(alias_table, dict):
        raise ConfigError(f"{where}: 'aliases' must be a table of \"name as written\" = \"canonical name\"")
    aliases = []
    for name, canonical in alias_table.items():
        if not isinstance(canonical, str) or not canonical.strip() or not name.strip():
            raise ConfigError(f"{where}: alias {name!r} must map to a non-empty name, not {canonical!r}")
        aliases.append((name.strip(), canonical.strip()))
    return Config(
        root=root, path=where, articles=articles, sources=sources, exclude=exclude, select=select,
        ignore=ignore, severity=tuple(severity), aliases=tuple(aliases),
    )


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None


def _table(path: str, doc: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The quotetrack table of a configuration file, or None when it has none."""
    tool = doc.get("tool", {})
    table = tool.get("quotetrack") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.quotetrack] must be a table")
    if Path(path).name == "pyproject.toml":
        return table
    if table is not None:
        return table
    return {k: v for k, v in doc.items() if k != "tool"}


def load(path: str, cwd: Optional[str] = None) -> Config:
    """The configuration in ``path`` (a .quotetrack.toml, a pyproject.toml, or any TOML file)."""
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    table = _table(path, _read_toml(path))
    shown = path.replace(os.sep, "/")
    if table is None:
        raise ConfigError(f"{shown}: no [tool.quotetrack] table")
    cfg = parse(table, shown, os.path.dirname(os.path.abspath(path)))
    return replace(cfg, cwd=cwd or os.getcwd())


def find(start: Optional[str] = None) -> Optional[str]:
    """The configuration file for ``start`` (default: the working directory) or its nearest parent."""
    d = os.path.abspath(start or os.getcwd())
    while True:
        for name in CONFIG_FILES:
            p = os.path.join(d, name)
            if os.path.isfile(p):
                if name == "pyproject.toml" and _table(p, _read_toml(p)) is None:
                    continue  # a pyproject.toml without [tool.quotetrack] configures something else
                return p
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def discover(explicit: Optional[str] = None, cwd: Optional[str] = None, paths: Sequence[str] = ()) -> Config:
    """The configuration to use: ``explicit`` (``--config``); else the one found from the checked
    ``paths`` upwards (for a file, from its folder); else the one found from the working directory;
    else defaults (every rule, no globs, ``path`` None).

    Raises UsageError for a path that does not exist, and ConfigError when the paths lead
    to two different configuration files."""
    cwd = cwd or os.getcwd()
    if explicit:
        return load(explicit, cwd)
    found: list[str] = []
    for raw in paths:
        if str(raw) == STDIN:
            continue
        p = os.path.join(cwd, str(raw))
        if not os.path.lexists(p):
            raise UsageError(f"{raw}: no such file or directory")
        hit = find(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)))
        if hit is not None and hit not in found:
            found.append(hit)
    if len(found) > 1:
        shown = " and ".join(_shown_config(f, cwd) for f in found[:2])
        raise ConfigError(f"the paths to check belong to different configurations ({shown}): check them one at a time, or name one with --config")
    hit = found[0] if found else find(cwd)
    if hit is None:
        return Config(root=cwd, cwd=cwd)
    return load(_shown_config(hit, cwd), cwd)


def _shown_config(path: str, cwd: str) -> str:
    rel = os.path.relpath(path, cwd)
    return path if rel.startswith("..") else rel


# Rules that compare quotes with the sources; with none of them enabled, sources are not needed.
NEEDS_SOURCES = ("QT001", "QT002", "QT003", "QT007")


def require_sources(config: Config, extra_sources: Sequence[str] = ()) -> None:
    """Raise UsageError when no configuration file was found, no sources are given on the command
    line and an enabled rule needs sources: the run would verify nothing and pass."""
    if config.path is not None or extra_sources:
        return
    settings = config.settings()
    needing = [r for r in NEEDS_SOURCES if settings.runs(r)]
    if needing:
        raise UsageError(
            "no configuration found (.quotetrack.toml, or [tool.quotetrack] in pyproject.toml) from the checked "
            "paths upwards nor from the working directory, and no --sources given: there is nothing to verify "
            f"quotes against ({', '.join(needing)} need sources). Add a configuration with 'sources', give "
            "--sources or --config, or --select only rules that need no sources (QT004, QT005, QT006)"
        )
