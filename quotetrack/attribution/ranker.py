"""The learned speaker ranker: a linear score over candidate features, read as a
probability by a softmax over the quote's candidates.

The weights are learned from PolNeAR's train split by ``make train``
(``benchmarks/train_speaker.py``) and shipped as ``quotetrack/data/
speaker_ranker.json``; scoring needs nothing beyond the standard library.
A quote gets the best-scoring candidate when its probability of being the
speaker reaches the model's threshold, else no speaker.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping, Optional, Sequence

from .candidates import Candidate

MODEL_FILE = "speaker_ranker.json"


@dataclass(frozen=True)
class Ranker:
    weights: Mapping[str, float]
    threshold: float
    # A quote read as a term becomes a partial quote of the best candidate at this probability.
    term_threshold: float = 2.0
    # The same for a term with no speech cue, owned by the subject of its sentence.
    term_context_threshold: float = 2.0

    def score(self, features: Mapping[str, float]) -> float:
        w = self.weights
        return sum(w.get(k, 0.0) * v for k, v in features.items())

    def best(self, cands: Sequence[Mapping[str, float]]) -> tuple[int, float]:
        """Index of the best-scoring candidate and its probability among them (softmax)."""
        if not cands:
            return -1, 0.0
        scores = [self.score(f) for f in cands]
        top = max(range(len(scores)), key=scores.__getitem__)
        z = sum(math.exp(s - scores[top]) for s in scores)
        return top, 1.0 / z

    def choose(self, cands: Sequence[Candidate]) -> Optional[Candidate]:
        i, p = self.best([c.features for c in cands])
        return cands[i] if i >= 0 and p >= self.threshold else None


@lru_cache(maxsize=1)
def default_ranker() -> Optional[Ranker]:
    """The shipped model, or None when the package holds none (the rules decide)."""
    try:
        raw = resources.files("quotetrack").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return Ranker(
        dict(data["weights"]),
        float(data["threshold"]),
        float(data.get("term_threshold", 2.0)),
        float(data.get("term_context_threshold", 2.0)),
    )
