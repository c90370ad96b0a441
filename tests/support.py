"""Helpers shared by the test modules (imported as ``support``: pytest puts tests/ on the path)."""

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def aged_copy(src: Path, dst: Path) -> list[Path]:
    """A copy of the corpus at ``src`` whose files are ten minutes old (so that a cache trusts
    their size and modification time), and the copied files, sorted."""
    shutil.copytree(src, dst)
    old = time.time_ns() - 600 * 10**9
    files = sorted(dst.rglob("*.txt"))
    for f in files:
        os.utime(f, ns=(old, old))
    return files


def generated_corpus(root: Path, n: int, seed: int) -> Path:
    """``n`` articles from ``benchmarks/corpus.py`` (seeded) written under ``root``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus

    corpus.write_corpus(root, n=n, seed=seed)
    return root
