"""Candidate lookup by word trigrams: which wordings share words in order with a given one.

Comparing every quote with every other (or with every source statement) is
quadratic; an index of the word trigrams of each wording finds the few worth
comparing. Tokens are the normalised words of
:func:`quotetrack.textnorm.comparison_tokens`. A wording shorter than three
words is indexed as a whole. :func:`trigrams` is the one place a wording's
trigrams are taken; grouping's keys (``statements``, ``dask_recipe``) are
hashes of it.

Two candidate indexes, on purpose. :class:`TrigramIndex` serves ``check``,
``verify`` and ``diff``: it looks up a quote's *source* (or the other side's
wording), so it keeps every posting (one run's sources and quotes), applies
the cap on common trigrams at query time and, when a wording shares only
common trigrams, still ranks by the two rarest of them, so a quote made of
set phrases still finds its source; keys are anything hashable, ties rank in
order of first sharing, and ``sharing`` lists every key for exhaustive
checks. :class:`quotetrack.blocking.BlockingIndex` serves ``statements.group``
over up to millions of quotes: a key past its cap is forgotten when it is
added (memory stays bounded, and a shared set phrase is no evidence that two
quotes are one statement), candidates need several shared keys among the
rarest few, and ties go by item number. Neither behaviour can stand in for
the other without changing check findings or statements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Generic, Hashable, Iterator, Optional, Sequence, TypeVar

K = TypeVar("K", bound=Hashable)
Gram = tuple[str, ...]

# A trigram in more wordings than this is too common to single out candidates.
MAX_POSTING = 200


def trigrams(tokens: Sequence[str]) -> list[Gram]:
    """The word trigrams of ``tokens`` in order of first appearance, each once;
    the whole of a shorter wording; none for no words."""
    if len(tokens) < 3:
        return [tuple(tokens)] if tokens else []
    return list(dict.fromkeys(zip(tokens, tokens[1:], tokens[2:])))


class TrigramIndex(Generic[K]):
    """Keys (statement numbers, quote ids, quotes) by the trigrams of their wordings."""

    def __init__(self) -> None:
        self.postings: dict[Gram, list[K]] = defaultdict(list)

    def add(self, key: K, tokens: Sequence[str]) -> None:
        for g in trigrams(tokens):
            self.postings[g].append(key)

    def lists(self, tokens: Sequence[str]) -> list[list[K]]:
        """The posting lists of the trigrams of ``tokens`` that are in the index, in trigram order."""
        return [p for g in trigrams(tokens) if (p := self.postings.get(g))]

    def ranked(self, tokens: Sequence[str], limit: int, max_posting: int = MAX_POSTING) -> list[K]:
        """Keys sharing the most trigrams with ``tokens``, best first (ties in order of first
        sharing). Trigrams in more than ``max_posting`` wordings are passed over, unless only
        such trigrams are shared: then the two rarest count."""
        lists = self.lists(tokens)
        usable = [p for p in lists if len(p) <= max_posting]
        if not usable:
            usable = sorted(lists, key=len)[:2]
        counts: Counter[K] = Counter()
        for p in usable:
            counts.update(p)
        return [k for k, _ in counts.most_common(limit)]

    def sharing(self, tokens: Sequence[str], max_posting: Optional[int] = None) -> Iterator[K]:
        """Every key that shares a trigram with ``tokens``, in trigram then posting order (a key
        may come more than once); with ``max_posting``, trigrams in more wordings are passed over."""
        for p in self.lists(tokens):
            if max_posting is None or len(p) <= max_posting:
                yield from p
