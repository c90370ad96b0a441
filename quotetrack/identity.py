"""Speaker identity across articles and sources: when two names are one person."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import jellyfish

from .models import Quote


def same_person(a: str, b: str) -> bool:
    """Two full names for one person: same surname and first names alike or one an initial."""
    ta, tb = a.split(), b.split()
    if ta[-1] != tb[-1]:
        # A misspelt surname (Emanuel / Emmanuel) is one edit away; Murray and Murphy are two.
        sa, sb = ta[-1].lower(), tb[-1].lower()
        if min(len(sa), len(sb)) < 5 or jellyfish.damerau_levenshtein_distance(sa, sb) > 1:
            return False
    fa, fb = ta[0].rstrip("."), tb[0].rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return jellyfish.jaro_winkler_similarity(fa.lower(), fb.lower()) >= 0.9


def canonicalize_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """One canonical name per person across all articles.

    Full names that differ only in spelling or initials merge to the most
    frequent form; a surname on its own becomes the one full name that carries
    it, and stays as it is when several people share it.
    """
    counts: dict[str, int] = {}
    for q in quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    full = sorted((n for n in counts if len(n.split()) >= 2 and n[:1].isupper()), key=lambda n: (-counts[n], n))
    canon: dict[str, str] = {}
    reps: list[str] = []
    # Compare a name only with representatives whose surname starts alike.
    reps_by_key: dict[str, list[str]] = {}
    for name in full:
        key = name.split()[-1][:2].lower()
        for rep in reps_by_key.get(key, ()):
            if same_person(name, rep):
                canon[name] = rep
                break
        else:
            reps.append(name)
            reps_by_key.setdefault(key, []).append(name)
            canon[name] = name
    by_surname: dict[str, set[str]] = {}
    for rep in reps:
        by_surname.setdefault(rep.split()[-1], set()).add(rep)
    for name in counts:
        if name in canon:
            continue
        owners = by_surname.get(name)
        if owners and len(owners) == 1:
            canon[name] = next(iter(owners))
    return [replace(q, speaker=canon.get(q.speaker, q.speaker)) if q.speaker else q for q in quotes]
