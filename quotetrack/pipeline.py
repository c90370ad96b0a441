"""One article through the stages: its text and metadata (an ``Article``) in, its attributed quotes out.

A pure function of one article, so that ``api`` (``scan``, ``analyse``),
``check`` and ``sources`` all find quotes the same way; grouping quotes
into statements across articles is the next stage, in ``api``.
"""

from __future__ import annotations

from .attribution import attribute
from .models import Article, Quote, evolve
from .quotes import LineIndex, find_quotes
from .styles import reading_view


def quotes_of(article: Article) -> list[Quote]:
    """The article's quotes in its body (page furniture left out), attributed.

    Attribution reads the article's reading view (``styles.reading_view``:
    hard wraps joined, the house style's marks as double marks; offsets are
    the same)."""
    view = reading_view(article.text)
    found = [q for q in find_quotes(article.text, article.id, view=view, italics=article.italics) if article.in_body(q.start, q.end)]
    seen = article if view is article.text else evolve(article, text=view)
    attributed = attribute(seen, found)
    text = article.text
    lines = LineIndex(text) if view is not text else None
    out = []
    for q in attributed:
        if not q.direct and lines is not None:
            # Reported speech is cut from the view: take its words and position from the text.
            line, column = lines.position(q.start)
            q = evolve(q, text=text[q.start : q.end], line=line, column=column)
        out.append(q)
    return out
