"""Grouping at scale: bounded state gives the same statements as unbounded state."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from quotetrack import statements

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import grouping_bench  # noqa: E402


def _grouped(quotes, articles):
    found, out = statements.group(quotes, articles)
    return found, [q.statement for q in out]


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_evicting_wordings_changes_nothing(seed, monkeypatch):
    """Generated quotes (invented words and names: verbatim, excerpts, a word changed, reported
    speech) grouped with every wording's features kept, and with only two kept at a time (the
    others rebuilt when asked for): the same statements, members and match kinds."""
    quotes, articles = grouping_bench.generate(600, seed)
    monkeypatch.setattr(statements, "LIVE_WORDINGS", 10**9)
    full = _grouped(quotes, articles)
    monkeypatch.setattr(statements, "LIVE_WORDINGS", 2)
    assert _grouped(quotes, articles) == full
    assert sum(1 for s in full[0] if len(s.members) > 1) > 10  # statements do span quotes


def test_wordings_kept_are_bounded(monkeypatch):
    quotes, articles = grouping_bench.generate(600, 5)
    monkeypatch.setattr(statements, "LIVE_WORDINGS", 7)
    g = statements.Grouper(quotes, articles)
    g.build_index()
    g.join_anchors()
    g.attach_loose()
    assert g.built > 7 and len(g.wordings) <= 7


GIVEN = ["Lena", "Lenna", "L.", "Tomas", "Tom", "Thomas", "Ada", "J.R.", "Marisol", "Ketil"]
SURNAMES = ["Oduya", "Oduyo", "Varga", "Vargas", "Bex", "Bix", "Halloran", "O'Halloran", "de la Fuente", "Fuente"]
ROLES = ["Harbour Minister", "Mayor", "Sen.", "Dr.", "Chief Executive", ""]
LABELS = ["The mayor", "The regional water board", "A spokesperson", "Critics", "Unidentified speaker", "Speaker 2",
          "Oduya", "Lena", "VARGA", "the board"]


def _names(rng) -> list[str]:
    out = list(LABELS)
    for _ in range(120):
        parts = [rng.choice(ROLES), rng.choice(GIVEN) if rng.random() < 0.8 else "", rng.choice(SURNAMES)]
        name = " ".join(p for p in parts if p)
        if rng.random() < 0.1:
            name += " Jr."
        out.append(name.upper() if rng.random() < 0.05 else name)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_may_be_same_never_parts_one_person(seed):
    """Every pair of invented names that identity calls one person (with a census of those names)
    passes the quick test grouping asks first; and grouping's verdicts are identity's."""
    import random

    from quotetrack.identity import SAME, Census, anonymous, identity, may_be_same, parse

    names = _names(random.Random(seed))
    census = Census(names)
    g = statements.Grouper([], [])
    g.census = census
    same_pairs = 0
    for a in names:
        for b in names:
            verdict = identity(a, b, census).kind == SAME
            if verdict and not (anonymous(a) or anonymous(b)):
                assert may_be_same(parse(a), parse(b)), (a, b)
            assert g.same(a, b) == verdict, (a, b)
            same_pairs += verdict and a != b
    assert same_pairs > 50  # the test meets real matches, not only strangers


@pytest.mark.parametrize("seed", [2, 17])
def test_grouping_makes_no_reference_cycles(seed):
    """``statements.group`` pauses the cyclic collector (``collector_paused``): that is sound only
    while grouping leaves no cyclic garbage behind, which a full collection right after shows."""
    quotes, articles = grouping_bench.generate(800, seed)
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        found, _ = statements.group(quotes, articles)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
    assert sum(1 for s in found if len(s.members) > 1) > 10


@pytest.mark.parametrize("enabled", [True, False])
def test_grouping_restores_the_collector(enabled, monkeypatch):
    quotes, articles = grouping_bench.generate(200, 4)
    seen = []
    build = statements.Grouper.build_index
    monkeypatch.setattr(statements.Grouper, "build_index", lambda g: (seen.append(gc.isenabled()), build(g)))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        statements.group(quotes, articles)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]


# Descriptions, one-word names, suffixes, brackets, commas, all-capitals and words that fold to
# nothing: the shapes whose words ``leading_words`` must know without nameparser, or leave open.
DESCRIPTION_HEADS = ["the", "The", "THE", "a", "an", "her", "His", "their", "our", "its", "this", "that"]
DESCRIPTION_WORDS = ["harbour", "board", "Council", "spokesperson", "Oduya", "Varga's", "chief", "—", ",", "(Lena)",
                     "Jr.", "III", "esq", "sr", "“Tom”", "of", "and", "Ph.D.", "…", "city's", "MAYOR", "Ibáñez"]


def _labels(rng) -> list[str]:
    out = []
    for _ in range(400):
        words = [rng.choice(DESCRIPTION_HEADS)] if rng.random() < 0.7 else []
        words += [rng.choice(DESCRIPTION_WORDS + SURNAMES + GIVEN) for _ in range(rng.randint(0 if words else 1, 4))]
        label = " ".join(words)
        out.append(label.upper() if rng.random() < 0.1 else label)
    return out


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_leading_words_are_where_parse_puts_them(seed):
    """``identity.leading_words``: a beginning of ``parse(name).words``, all of them when it says so."""
    import random

    from quotetrack.identity import leading_words, parse

    labels = _labels(random.Random(seed)) + _names(random.Random(seed))
    whole = 0
    for name in labels:
        known, is_whole = leading_words(name)
        words = parse(name).words
        assert words[: len(known)] == known, (name, known, words)
        if is_whole:
            whole += 1
            assert words == known, (name, known, words)
    assert whole > 20  # one-word names are met


@pytest.mark.parametrize("seed", [3, 11])
def test_grouping_verdicts_on_descriptions_are_identitys(seed):
    """``Grouper.same`` parts descriptions without parsing them: the verdicts stay ``identity``'s."""
    import random

    from quotetrack.identity import SAME, Census, identity

    names = _labels(random.Random(seed))[:150] + _names(random.Random(seed))[:60]
    census = Census(names)
    g = statements.Grouper([], [])
    g.census = census
    parted = 0
    for a in names:
        for b in names:
            assert g.same(a, b) == (identity(a, b, census).kind == SAME), (a, b)
            parted += a != b and g._roles_apart(a, b)
    assert parted > 1000  # the shortcut is taken, not only the parse


@pytest.mark.parametrize("seed", [4, 17])
@pytest.mark.parametrize("compare_first", [False, True])
def test_exact_is_compare_where_an_exact_rule_decides(seed, compare_first):
    """``Grouper.exact`` (two direct quotes: no judge asked) gives ``compare``'s verdict where it
    is verbatim, an excerpt or altered, and None where the judge decides, over every pair of a
    generated corpus's wordings that share a candidate, whichever of the two is asked first."""
    from quotetrack.align import compare_wordings

    quotes, articles = grouping_bench.generate(300, seed)
    g = statements.Grouper(quotes, articles)
    g.build_index()
    pairs = {(min(g.units[u].wid, g.units[v].wid), max(g.units[u].wid, g.units[v].wid))
             for u in range(len(g.units)) for v in g.candidates(u)}
    pairs = {(a, b) for a, b in pairs if a != b}
    kinds = {statements.VERBATIM, statements.EXCERPT, statements.ALTERED}
    seen = set()
    for a, b in sorted(pairs):
        full = compare_wordings(g.wording(a), g.wording(b), g.judge)
        if compare_first:
            assert g.compare(a, b) == full
        got = g.exact(a, b)
        assert got == (full if full.kind in kinds else None)
        assert g.compare(a, b) == full
        seen.add(full.kind)
    assert seen & kinds and seen - kinds  # the corpus has exact matches and pairs the judge decides
