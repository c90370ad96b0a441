"""The library entry points: the whole pipeline as plain functions.

    >>> from quotetrack import scan
    >>> result = scan(["samples/"])
    >>> result.statements[0].text
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Optional, Sequence, Union

from .attribution import attribute, canonicalize_speakers
from .ingest import DEFAULT_MAX_BYTES, build_article, load
from .models import Article, Quote, ScanResult, Skipped
from .quotes import LineIndex, find_quotes
from .statements import group
from .styles import reading_view


def quotes_of(article: Article) -> list[Quote]:
    """The article's quotes in its body (page furniture left out), attributed.

    Attribution reads the article's reading view (``styles.reading_view``:
    hard wraps joined, the house style's marks as double marks; offsets are
    the same)."""
    view = reading_view(article.text)
    found = [q for q in find_quotes(article.text, article.id, view=view, italics=article.italics) if article.in_body(q.start, q.end)]
    seen = article if view is article.text else replace(article, text=view)
    attributed = attribute(seen, found)
    text = article.text
    lines = LineIndex(text) if view is not text else None
    out = []
    for q in attributed:
        if not q.direct and lines is not None:
            # Reported speech is cut from the view: take its words and position from the text.
            line, column = lines.position(q.start)
            q = replace(q, text=text[q.start : q.end], line=line, column=column)
        out.append(q)
    return out


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
    quotes = canonicalize_speakers(quotes)
    statements, quotes = group(quotes, articles)
    return ScanResult(tuple(articles), tuple(quotes), tuple(statements), tuple(skipped))


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
