"""Grouping at scale: bounded state gives the same statements as unbounded state."""

from __future__ import annotations

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
    g = statements._Grouper(quotes, articles)
    g.build_index()
    g.join_anchors()
    g.attach_loose()
    assert g.built > 7 and len(g.wordings) <= 7
