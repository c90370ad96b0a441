"""The library entry points: the whole pipeline as plain functions.

    >>> from quotetrack import scan
    >>> result = scan(["samples/"])
    >>> result.statements[0].text
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Optional, Sequence, Union

from .attribution import canonicalize_speakers
from .identity import canonical_names, renamed, speaker_counts
from .ingest import DEFAULT_MAX_BYTES, build_article, load
from .models import Article, Quote, ScanResult, Skipped
from .pipeline import quotes_of
from .regroup import group as regroup
from .statements import group


def analyse(
    articles: Sequence[Article], skipped: Sequence[Skipped] = (), progress: Optional[Callable[[int, int], None]] = None
) -> ScanResult:
    """Quotes, speakers and statements for articles already read. ``progress``, if
    given, is called with (articles done, articles in all) after each article."""
    quotes: list[Quote] = []
    for n, article in enumerate(articles, 1):
        quotes.extend(quotes_of(article))
        if progress is not None:
            progress(n, len(articles))
    return assemble(articles, quotes, skipped)


def assemble(articles: Sequence[Article], quotes: Sequence[Quote], skipped: Sequence[Skipped] = ()) -> ScanResult:
    """The corpus step after every article's quotes are found: one name per
    speaker across articles, then statements grouped across outlets."""
    merged = canonicalize_speakers(quotes)
    statements, grouped = group(merged, articles)
    return ScanResult(tuple(articles), tuple(grouped), tuple(statements), tuple(skipped))


def assemble_again(
    articles: Sequence[Article], quotes: Sequence[Quote], skipped: Sequence[Skipped], previous: Optional[dict[str, Any]],
    origins: Optional[Sequence[tuple[str, int]]] = None,
) -> tuple[ScanResult, dict[str, Any]]:
    """``assemble``, grouping again only what changed since ``previous`` (the state a former
    call returned: see ``regroup``); the same result, and the state of this one. Speaker names
    are merged as ``canonicalize_speakers`` merges them, from the previous run's merge when
    the names and their counts are the ones it had (all ``canonical_names`` reads). ``origins``:
    each input's cache entry key and how many quotes it gave (``regroup.quote_keys``)."""
    merged, names = _merge_speakers(quotes, previous.get(NAMES) if previous else None)
    statements, grouped, state = regroup(merged, articles, previous, origins)
    state[NAMES] = names
    return ScanResult(tuple(articles), tuple(grouped), tuple(statements), tuple(skipped)), state


NAMES = "speaker_names"  # the state's entry of the merged speaker names


def _merge_speakers(quotes: Sequence[Quote], previous: Any) -> tuple[list[Quote], dict[str, Any]]:
    """``canonicalize_speakers(quotes)``, and what to keep of it: a digest of the names and their
    counts, and the names it changed. ``previous``: that of a former run, used when its digest
    is this one's."""
    counts = speaker_counts(quotes)
    h = hashlib.sha256()
    for name in sorted(counts):
        h.update(f"{name}\0{counts[name]}\0".encode("utf-8", "surrogatepass"))
    digest = h.hexdigest()
    canon: Optional[dict[str, str]] = None
    if isinstance(previous, dict) and previous.get("digest") == digest:
        kept = previous.get("changed")
        if isinstance(kept, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in kept.items()):
            canon = kept
    if canon is None:
        canon = {k: v for k, v in canonical_names(counts).items() if k != v}
    return renamed(quotes, canon), {"digest": digest, "changed": canon}


def scan(
    paths: Iterable[Union[str, Path]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    outlets: Optional[Union[str, Path]] = None,
    set_outlet: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> ScanResult:
    """Read every article under ``paths`` and analyse them together.

    ``outlets``: an outlets mapping file; ``set_outlet``: the outlet of a
    single input; ``stdin``: the binary stream ``-`` reads (see ingest.load);
    ``progress``: called with (articles done, articles in all) as they are analysed.
    """
    articles, skipped = load(paths, max_bytes=max_bytes, outlets=outlets, set_outlet=set_outlet, stdin=stdin)
    return analyse(articles, skipped, progress=progress)


def scan_texts(texts: Iterable[tuple[str, str]]) -> ScanResult:
    """Analyse in-memory articles given as (name, text) pairs; the name stands for the path."""
    articles = [build_article(f"a{i + 1}", name, text) for i, (name, text) in enumerate(texts)]
    return analyse(articles)
