"""A blocking index: which items are worth comparing, without comparing all pairs.

Each item (a distinct wording, say) is indexed under its blocking keys (its
word trigrams, its content stems per speaker). A key that more than
``max_posting`` items hold is a set phrase ("said in a statement"): it is
dropped, it finds no candidates. An item's candidates are the items that
share at least ``need`` of its ``query_keys`` rarest keys, at most ``limit``
of them, those sharing the most keys first. So the pairs compared per item
are bounded by ``limit`` whatever the size of the corpus, and building and
querying the index take time linear in the number of keys.

This is grouping's index (``statements.group``); ``check``, ``verify`` and
``diff`` use :class:`quotetrack.textindex.TrigramIndex`, which keeps every
posting and falls back to a wording's rarest common trigrams, so that a
quote always finds its source. The two differ in when the cap applies (here
when a key is added, there when a wording is looked up), in what a common
key does (here it is forgotten, there it can still rank), in what counts as
a candidate (here ``need`` shared keys among the rarest ``query_keys``,
there any shared trigram) and in tie order (here item number, there first
sharing); the module docstring of ``textindex`` says why neither can serve
both. The trigram keys indexed here are hashes of
:func:`quotetrack.textindex.trigrams`.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Union

MAX_POSTING = 60
QUERY_KEYS = 24
LIMIT = 40


class BlockingIndex:
    def __init__(self, max_posting: int = MAX_POSTING):
        self.max_posting = max_posting
        # key -> the one item that has it (most keys), or the list of items; a key grown past
        # max_posting is forgotten and remembered as common.
        self._postings: dict[Hashable, Union[int, list[int]]] = {}
        self._common: dict[Hashable, int] = {}  # a common key -> how many items have it

    def add(self, item: int, keys: Iterable[Hashable]) -> None:
        postings, common, cap = self._postings, self._common, self.max_posting
        for k in keys:
            posting = postings.get(k)
            if posting is None:
                if k in common:
                    common[k] += 1
                else:
                    postings[k] = item
            elif isinstance(posting, int):
                postings[k] = [posting, item]
            elif len(posting) >= cap:
                # A set phrase: forget it (memory stays bounded by the rare keys).
                del postings[k]
                common[k] = cap + 1
            else:
                posting.append(item)

    def __len__(self) -> int:
        return len(self._postings)

    def count(self, k: Hashable) -> int:
        """How many items have key ``k`` (common keys included)."""
        posting = self._postings.get(k)
        if posting is None:
            return self._common.get(k, 0)
        return 1 if isinstance(posting, int) else len(posting)

    def holders(self, k: Hashable) -> list[int]:
        """The items indexed under ``k`` (none when nobody has it or it is common): every item
        whose ``candidates`` can find an item that has ``k``."""
        posting = self._postings.get(k)
        if posting is None:
            return []
        return [posting] if isinstance(posting, int) else list(posting)

    def candidates(self, item: int, keys: Iterable[Hashable], need: int = 2, query_keys: int = QUERY_KEYS,
                   limit: int = LIMIT) -> list[int]:
        """Items other than ``item`` that share at least ``need`` of its rarest keys (all of them when it
        has fewer than ``need`` usable keys), most shared first, then by item; at most ``limit``."""
        # The rarest keys, fewest holders first, then by position: a key one item holds comes
        # before any other, so those are taken in order and only the rest are sorted.
        singles = 0  # how many keys only one item holds (at most query_keys, the first in key order)
        others: list[int] = []  # the holders of those keys other than ``item`` (mostly it is ``item``)
        shared: list[tuple[int, int, list[int]]] = []  # (holders, position, holders) of the others
        for i, posting in enumerate(map(self._postings.get, keys)):
            if posting is None:
                continue
            if isinstance(posting, int):
                if singles < query_keys:
                    singles += 1
                    if posting != item:
                        others.append(posting)
            else:
                shared.append((len(posting), i, posting))
        rest = query_keys - singles
        if rest <= 0:
            shared = []
        elif len(shared) > rest:  # (all of them are asked when they are no more: no order needed)
            shared.sort()
            del shared[rest:]
        if not shared and not others:
            return []  # only ``item`` holds the keys asked
        need = min(need, singles + len(shared))
        hits: dict[int, int] = {}
        get = hits.get
        for j in others:
            hits[j] = get(j, 0) + 1
        for _, _, holders in shared:
            for j in holders:
                hits[j] = get(j, 0) + 1
        hits.pop(item, None)
        found = sorted((-n, j) for j, n in hits.items() if n >= need)
        return [j for _, j in found[:limit]]
