"""Matching quality on the labelled wording pairs in benchmarks/pairs.jsonl.

"Same statement" means ``compare(a, b).kind`` is anything but ``unrelated``;
gold kinds verbatim, partial, altered and paraphrase count as the same
statement. The dev split trains the paraphrase judge (with MRPC's training
file, ``make train-paraphrase``); the held-out split is only measured. The
floors below are set from the measurement: ``benchmarks/train_paraphrase.py``
at the commit that shipped ``quotetrack/data/paraphrase_judge.json`` gave, on
the 120 held-out pairs, precision 0.922 (59 of 64) and recall 0.797 (59 of
74). The recall floor leaves a margin of about two pairs; the precision floor
is the project's target (0.92), one false match below the measurement. Raise
the floors when matching improves.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from quotetrack import compare

PAIRS = Path(__file__).resolve().parent.parent / "benchmarks" / "pairs.jsonl"
KINDS = {"verbatim", "partial", "altered", "paraphrase", "unrelated"}

PRECISION_FLOOR = 0.92  # measured 0.922
RECALL_FLOOR = 0.77  # measured 0.797
PRECISION_TARGET = 0.92

# Verbatim and partial pairs the current code does not classify exactly (it calls
# them altered). Each must still count as the
# same statement; any other verbatim or partial pair must be classified exactly.
KNOWN_GAPS = {
    # held out
    "fire-bbq-01": "it's read as 'it is' where it stands for 'it has'",
    # dev
    "barrage-sluices-02": "bird-watchers / mud-flats against closed compounds",
    "health-lists-02": "4th against fourth",
    "bank-cut-02": "2% against two percent: the % sign is not a token",
    "edu-teachers-02": "math against maths",
    "union-profit-02": "£12m against twelve million pounds",
    "union-talks-01": "the ball's read as possessive, not 'the ball is'",
    "housing-mould-02": "mold against mould",
}


def _load() -> list[dict]:
    with open(PAIRS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


PAIRS_ALL = _load()


def _split(name: str) -> list[dict]:
    return [r for r in PAIRS_ALL if r["split"] == name]


def _same(kind: str) -> bool:
    return kind != "unrelated"


def _same_statement_figures(pairs: list[dict]) -> tuple[float, float, list[str], list[str]]:
    fps, fns, tp = [], [], 0
    for r in pairs:
        c = compare(r["a"], r["b"])
        gold, pred = _same(r["gold"]), _same(c.kind)
        if gold and pred:
            tp += 1
        elif pred:
            fps.append(f"{r['id']} ({r['category']}): {c.kind} {c.score}")
        elif gold:
            fns.append(f"{r['id']} ({r['category']}, gold {r['gold']}): {c.kind} {c.score}")
    precision = tp / (tp + len(fps)) if tp + len(fps) else 1.0
    recall = tp / (tp + len(fns)) if tp + len(fns) else 1.0
    return precision, recall, fps, fns


def test_pair_set_is_well_formed():
    assert len(PAIRS_ALL) >= 240
    ids = [r["id"] for r in PAIRS_ALL]
    assert len(ids) == len(set(ids))
    assert len({(r["a"], r["b"]) for r in PAIRS_ALL}) == len(PAIRS_ALL)
    for r in PAIRS_ALL:
        assert r["gold"] in KINDS, r["id"]
        h = int(hashlib.sha1(f"quotetrack-pairs-v1:{r['group']}".encode()).hexdigest()[:8], 16)
        assert r["split"] == ("heldout" if h % 100 < 30 else "dev"), r["id"]
    heldout = _split("heldout")
    assert 0.2 <= len(heldout) / len(PAIRS_ALL) <= 0.4
    assert {r["gold"] for r in heldout} == KINDS
    assert {r["gold"] for r in _split("dev")} == KINDS
    # Hard negatives: the same speaker and topic, another claim.
    assert sum(1 for r in heldout if r["category"] == "neg-same-topic") >= 20
    assert set(KNOWN_GAPS) <= set(ids)


def test_heldout_same_statement_precision_and_recall():
    precision, recall, fps, fns = _same_statement_figures(_split("heldout"))
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f}; false matches:\n" + "\n".join(fps)
    assert recall >= RECALL_FLOOR, f"recall {recall:.3f}; missed:\n" + "\n".join(fns)


def test_heldout_same_statement_precision_target():
    precision, _, fps, _ = _same_statement_figures(_split("heldout"))
    assert precision >= PRECISION_TARGET, f"precision {precision:.3f}; false matches:\n" + "\n".join(fps)


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_verbatim_and_partial_pairs_are_classified_exactly(split):
    wrong = []
    for r in _split(split):
        if r["gold"] not in ("verbatim", "partial"):
            continue
        kind = compare(r["a"], r["b"]).kind
        if r["id"] in KNOWN_GAPS:
            if not _same(kind):
                wrong.append(f"{r['id']}: known gap now judged unrelated")
        elif kind != r["gold"]:
            wrong.append(f"{r['id']} ({r['category']}): gold {r['gold']}, got {kind}")
    assert not wrong, "\n".join(wrong)


def test_no_verbatim_or_partial_pair_is_judged_unrelated():
    lost = [r["id"] for r in PAIRS_ALL if r["gold"] in ("verbatim", "partial")
            and not _same(compare(r["a"], r["b"]).kind)]
    assert not lost, lost
