"""Helpers shared by the test modules (imported as ``support``: pytest puts tests/ on the path)."""

import os
import shutil
import time
from pathlib import Path


def aged_copy(src: Path, dst: Path) -> list[Path]:
    """A copy of the corpus at ``src`` whose files are ten minutes old (so that a cache trusts
    their size and modification time), and the copied files, sorted."""
    shutil.copytree(src, dst)
    old = time.time_ns() - 600 * 10**9
    files = sorted(dst.rglob("*.txt"))
    for f in files:
        os.utime(f, ns=(old, old))
    return files
