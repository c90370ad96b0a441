"""The Makefile's `run` target and the packaging metadata."""

from __future__ import annotations

import glob
import re
import shlex
import sys
from pathlib import Path

from quotetrack.api import scan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_make_run_scans_the_sample_articles_and_not_the_newsroom():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run: .*\n\t(?P<cmd>.+)$", makefile, re.MULTILINE)["cmd"]
    words = shlex.split(recipe)
    assert words[0].endswith("/quotetrack") and words[1] == "scan"
    # Expanded as make's shell does, from the repository root.
    paths = [p for w in words[2:] for p in sorted(glob.glob(str(ROOT / w)))]
    assert paths and not any("newsroom" in p for p in paths)
    result = scan(paths)
    assert len(result.articles) == 8 and not result.skipped
    assert not any("newsroom" in art.path or "transcript" in art.outlet.lower() for art in result.articles)
    assert len({art.outlet for art in result.articles}) == 8


def test_license_is_an_spdx_string_with_a_setuptools_that_reads_it():
    doc = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert doc["project"]["license"] == "MIT"
    assert "setuptools>=77" in doc["build-system"]["requires"]
