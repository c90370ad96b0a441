"""Deciding an article's outlet, and spotting wire and syndication credits.

The first rule that applies decides (``Article.outlet_rule`` names it):

1. ``option``: ``--set-outlet NAME`` (one input file or standard input);
2. ``outlets-file``: an ``outlets.toml`` mapping, by path glob then by URL domain;
3. ``metadata:outlet``, ``metadata:publisher``, ``metadata:source``,
   ``metadata:site_name``: front matter, a JSON Lines record's fields, or a
   web page's ``og:site_name``;
4. ``byline``: ``By Name, Outlet`` near the top;
5. ``credit``: a syndication note or a wire credit (``(AP) —``);
6. ``url``: the domain of the article's URL;
7. ``filename``: the file's name without its extension.

An ``outlets.toml`` file::

    # Globs (.gitignore style, see pathmatch) are matched against paths relative
    # to this file's folder; a glob without '/' matches a name anywhere below it.
    [paths]
    "herald/*" = "Harbour Herald"
    "legacy-*.txt" = "Northern Star"

    # A domain matches itself and its subdomains (www., news.).
    [domains]
    "tidewater-gazette.example" = "Tidewater Gazette"
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

from .pathmatch import matches

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

OUTLETS_FILE = "outlets.toml"
METADATA_KEYS = ("outlet", "publisher", "source", "site_name")


class OutletMapError(Exception):
    """An outlets mapping file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class OutletMap:
    """Path globs and domains mapped to outlet names, from one ``outlets.toml``."""

    file: str
    base: str  # the folder globs are relative to
    paths: tuple[tuple[str, str], ...] = ()
    domains: tuple[tuple[str, str], ...] = ()

    def by_path(self, path: str) -> Optional[tuple[str, str]]:
        """(outlet, glob) of the first glob that matches ``path``."""
        rel = _relative(path, self.base)
        target = rel if rel is not None else os.path.basename(path)
        for glob, outlet in self.paths:
            if (rel is not None or "/" not in glob) and matches(glob, target):
                return outlet, glob
        return None

    def by_domain(self, url: Optional[str]) -> Optional[tuple[str, str]]:
        """(outlet, domain) of the longest listed domain that the URL's host is or is under."""
        host = host_of(url)
        if not host:
            return None
        best = None
        for domain, outlet in self.domains:
            if host == domain or host.endswith("." + domain):
                if best is None or len(domain) > len(best[1]):
                    best = (outlet, domain)
        return best

    def covers(self, path: str) -> bool:
        """Whether ``path`` is below this map's folder."""
        return _relative(path, self.base) is not None


def _relative(path: str, base: str) -> Optional[str]:
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    except ValueError:  # another drive on Windows
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def load_outlet_map(file: str, base: Optional[str] = None) -> OutletMap:
    """Read an outlets mapping file. Raises OutletMapError naming the file and the problem."""
    try:
        with open(file, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise OutletMapError(f"{file}: no such file") from None
    except OSError as err:
        raise OutletMapError(f"{file}: cannot read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise OutletMapError(f"{file}: not valid TOML: {err}") from None
    except UnicodeDecodeError:
        raise OutletMapError(f"{file}: not valid TOML: the file is not UTF-8") from None
    unknown = sorted(set(data) - {"paths", "domains"})
    if unknown:
        raise OutletMapError(
            f"{file}: unknown key '{unknown[0]}': expected a [paths] table (glob = \"Outlet\") "
            "and/or a [domains] table (domain = \"Outlet\")"
        )
    tables: dict[str, tuple[tuple[str, str], ...]] = {}
    for table in ("paths", "domains"):
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            raise OutletMapError(f"{file}: [{table}] must be a table of \"key\" = \"Outlet name\" entries")
        pairs = []
        for key, value in entries.items():
            if not isinstance(value, str) or not value.strip():
                raise OutletMapError(f"{file}: [{table}] \"{key}\": the outlet name must be a non-empty string")
            k = key.strip()
            if table == "domains":
                k = host_of(k if "//" in k else "//" + k) or ""
                if not k:
                    raise OutletMapError(f"{file}: [domains] \"{key}\" is not a domain")
            pairs.append((k, value.strip()))
        tables[table] = tuple(pairs)
    return OutletMap(file, base if base is not None else os.path.dirname(os.path.abspath(file)), tables["paths"], tables["domains"])


def host_of(url: Optional[str]) -> Optional[str]:
    """The lower-case host of a URL, without ``www.``; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.")


def domain_of(url: Optional[str]) -> Optional[str]:
    """The registrable domain of a URL (``news.quayside.co.uk`` -> ``quayside.co.uk``), from
    the public suffix list that the tld package ships; the host without ``www.`` when the
    suffix is not a public one."""
    host = host_of(url)
    if not host:
        return None
    from tld import get_fld

    try:
        return get_fld(host, fix_protocol=True, fail_silently=True) or host
    except Exception:  # tld raises its own errors on odd hosts
        return host


# --------------------------------------------------------------------------- credits

_AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "the associated press": "The Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse",
}
_AGENCY = r"(?:The\s+)?Associated\s+Press|AP|Thomson\s+Reuters|Reuters|AFP|Agence\s+France[-\s]Presse"

# TOKYO (AP) — / LONDON (Reuters) - / PARIS (AFP) –
_DATELINE = re.compile(r"\((?P<agency>AP|Reuters|AFP)\)\s*[—–-]")
# By Ana Ruiz, The Associated Press  /  By Jo Smith | Reuters
_BYLINE_CREDIT = re.compile(rf"^[ \t]*By\s+[^,|\n]{{2,80}}[,|][ \t]*(?P<agency>{_AGENCY})[ \t]*\.?[ \t]*$", re.M | re.I)
# A credit line: "— The Associated Press", "© 2024 Reuters", "Copyright AFP. All rights reserved.",
# "Associated Press writer Jo Smith contributed to this report." (A bare "AP" under a photo is no credit.)
_CREDIT_LINE = re.compile(
    rf"^[ \t]*[—–-]+[ \t]*(?P<agency>{_AGENCY})[ \t]*\.?[ \t]*$"
    rf"|^[ \t]*(?:Copyright|©|\(c\))[ \t]*(?:\d{{4}}[ \t]*)?(?P<agency2>{_AGENCY})\b.*$"
    rf"|^[ \t]*(?P<agency3>(?:The\s+)?Associated\s+Press)[ \t]+(?:writers?|reporters?|correspondents?)\b.*\bcontributed\b.*$",
    re.M,
)
_SYNDICATION = re.compile(
    r"not been edited by (?P<outlet>[A-Z][\w .&'-]{1,40}?) staff and is auto-generated from a syndicated feed"
)
SYNDICATED = "syndicated feed"


def agency(name: Optional[str]) -> Optional[str]:
    """The wire agency a name stands for (``AP`` -> The Associated Press), or None."""
    if not name:
        return None
    return _AGENCIES.get(re.sub(r"\s+", " ", name.strip().rstrip(".")).lower())


def is_wire(credit: Optional[str]) -> bool:
    return credit is not None and credit in _AGENCIES.values()


def find_credit(text: str, meta: Mapping[str, str]) -> tuple[Optional[str], Optional[str]]:
    """(credit, evidence): a wire agency or 'syndicated feed', and what showed it."""
    for key in ("credit", "wire", "agency"):
        if meta.get(key):
            return agency(meta[key]) or meta[key], f"metadata {key}: {meta[key]}"
    head = text[:5000]
    m = _DATELINE.search(head)
    if m:
        return agency(m.group("agency")), f"dateline ({m.group('agency')})"
    m = _BYLINE_CREDIT.search(head)
    if m:
        return agency(m.group("agency")), f"byline: {m.group(0).strip()}"
    for m in _CREDIT_LINE.finditer(text):
        name = m.group("agency") or m.group("agency2") or m.group("agency3")
        if agency(name):
            return agency(name), f"credit line: {m.group(0).strip()}"
    author = meta.get("author")
    if author and agency(author):
        return agency(author), f"author: {author}"
    if _SYNDICATION.search(text):
        return SYNDICATED, "syndication note"
    return None, None


# --------------------------------------------------------------------------- deciding

_BYLINE = re.compile(r"^\s*By\s+[^,\n]{2,80},\s+(?P<outlet>[A-Z][^\n,]{1,60}?)\s*$", re.M)


@dataclass(frozen=True)
class OutletDecision:
    outlet: str
    rule: str
    evidence: str
    credit: Optional[str] = None


def decide(
    path: str,
    text: str,
    meta: Mapping[str, str],
    *,
    file_path: Optional[str] = None,
    set_outlet: Optional[str] = None,
    outlet_map: Optional[OutletMap] = None,
) -> OutletDecision:
    """The outlet of one article by the first rule that applies (see the module's doc).

    ``path`` is the article's path as shown (``dump.jsonl:3``); ``file_path``
    the file it came from, for globs and the file-name rule.
    """
    file_path = file_path or path
    credit, credit_evidence = find_credit(text, meta)
    url = meta.get("url")

    def done(outlet: str, rule: str, evidence: str) -> OutletDecision:
        return OutletDecision(outlet, rule, evidence, credit)

    if set_outlet:
        return done(set_outlet, "option", "--set-outlet")
    if outlet_map is not None:
        hit = outlet_map.by_path(file_path)
        if hit:
            return done(hit[0], "outlets-file", f'{outlet_map.file}: [paths] "{hit[1]}"')
        hit = outlet_map.by_domain(url)
        if hit:
            return done(hit[0], "outlets-file", f'{outlet_map.file}: [domains] "{hit[1]}" ({url})')
    for key in METADATA_KEYS:
        if meta.get(key):
            return done(meta[key], f"metadata:{key}", f"{key}: {meta[key]}")
    m = _BYLINE.search(text[:3000])
    if m:
        outlet = m.group("outlet").strip()
        return done(agency(outlet) or outlet, "byline", m.group(0).strip())
    m = _SYNDICATION.search(text)
    if m:
        return done(m.group("outlet").strip(), "credit", "syndication note")
    if credit and credit != SYNDICATED:
        return done(credit, "credit", credit_evidence or credit)
    domain = domain_of(url)
    if domain:
        return done(domain, "url", url or domain)
    stem = Path(file_path).stem if file_path != "<stdin>" else "stdin"
    stem = stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return done(stem, "filename", "the file name" if file_path != "<stdin>" else "standard input has no file name")


def maps_for(roots: list[str]) -> list[OutletMap]:
    """The ``outlets.toml`` at the root of each scanned folder, where there is one."""
    out = []
    for root in roots:
        f = os.path.join(root, OUTLETS_FILE)
        if os.path.isfile(f):
            out.append(load_outlet_map(f, base=root))
    return out


def map_for(path: str, maps: list[OutletMap]) -> Optional[OutletMap]:
    """The mapping that covers ``path``: the one of the innermost folder."""
    best = None
    for m in maps:
        if m.covers(path) and (best is None or len(os.path.abspath(m.base)) > len(os.path.abspath(best.base))):
            best = m
    return best


def meta_for_outlets(meta: Mapping[str, Any]) -> dict[str, str]:
    """Only the string-valued keys decide() looks at."""
    return {k: v for k, v in meta.items() if isinstance(v, str) and v}


__all__ = [
    "OUTLETS_FILE",
    "OutletDecision",
    "OutletMap",
    "OutletMapError",
    "agency",
    "decide",
    "find_credit",
    "host_of",
    "is_wire",
    "load_outlet_map",
    "map_for",
    "maps_for",
]
