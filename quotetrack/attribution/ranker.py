"""The learned speaker ranker: a logistic model over candidate features.

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

    def score(self, features: Mapping[str, float]) -> float:
        w = self.weights
        z = sum(w.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, cands: Sequence[Candidate]) -> Optional[Candidate]:
        best, best_p = None, -1.0
        for c in cands:
            p = self.score(c.features)
            if p > best_p:
                best, best_p = c, p
        return best if best is not None and best_p >= self.threshold else None


@lru_cache(maxsize=1)
def default_ranker() -> Optional[Ranker]:
    """The shipped model, or None when the package holds none (the rules decide)."""
    try:
        raw = resources.files("quotetrack").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return Ranker(dict(data["weights"]), float(data["threshold"]))
