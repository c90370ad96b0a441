"""One glob dialect (.gitignore style, quotetrack/pathmatch.py) for outlets.toml and the check configuration."""

from __future__ import annotations

import os

import pytest

from quotetrack.config import Config
from quotetrack.outlets import OutletMap

CASES = [
    ("herald/*", "herald/a.html", True),
    ("herald/*", "herald/2024/a.html", True),  # a folder matched: everything below it
    ("herald/*.html", "herald/2024/a.html", False),  # * stays within one folder
    ("**/*.md", "x/y/z.md", True),
    ("*.txt", "deep/below/legacy.txt", True),  # no '/': a name at any depth
    ("/top.md", "sub/top.md", False),  # a leading '/' anchors
    ("drafts", "content/drafts/a.md", True),
    ("content/[!x]*.md", "content/xa.md", False),
    ("content/[!x]*.md", "content/ya.md", True),
]


@pytest.mark.parametrize("pattern, path, expected", CASES)
def test_outlets_and_check_globs_agree(tmp_path, pattern, path, expected):
    outlets = OutletMap(file="outlets.toml", base=str(tmp_path), paths=((pattern, "Some Outlet"),))
    assert (outlets.by_path(os.path.join(str(tmp_path), path)) is not None) == expected
    config = Config(root=str(tmp_path), articles=(pattern,), cwd=str(tmp_path))
    assert config.is_article(os.path.join(str(tmp_path), path)) == expected
