"""The library entry points: the whole pipeline as plain functions.

    >>> from quotetrack import scan
    >>> result = scan(["samples/"])
    >>> result.statements[0].text
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Optional, Sequence, Union

from .attribution import canonicalize_speakers
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
    articles: Sequence[Article], quotes: Sequence[Quote], skipped: Sequence[Skipped], previous: Optional[dict[str, Any]]
) -> tuple[ScanResult, dict[str, Any]]:
    """``assemble``, grouping again only what changed since ``previous`` (the state a former
    call returned: see ``regroup``); the same result, and the state of this one."""
    merged = canonicalize_speakers(quotes)
    statements, grouped, state = regroup(merged, articles, previous)
    return ScanResult(tuple(articles), tuple(grouped), tuple(statements), tuple(skipped)), state


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
