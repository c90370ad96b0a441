"""Path globs, in one dialect: Git's ``.gitignore`` patterns (through the ``pathspec`` package).

Both the outlets mapping (``[paths]`` of ``outlets.toml``) and the ``check``
configuration (``articles``, ``sources``, ``exclude``) match paths relative
to their file's folder, with ``/`` between folders, this way:

* ``*`` and ``?`` stay within one folder name; ``[abc]`` and ``[!abc]`` are
  classes; ``**`` spans folders (``content/**/*.md``, ``**/drafts``);
* a pattern with a ``/`` at its start or in its middle is anchored at the
  folder (``herald/*.html``); one without (``*.txt``, ``drafts``) matches a
  name at any depth;
* a pattern that names a folder matches everything below it (``herald/*``
  takes ``herald/2024/a.html`` too).

Matching is case-sensitive, as Git's is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@lru_cache(maxsize=1024)
def _spec(pattern: str) -> GitIgnoreSpec:
    # pathspec is imported on the first glob: a scan with no outlets mapping never loads it.
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines([normalise(pattern)])


def normalise(pattern: str) -> str:
    """The pattern with ``\\`` as ``/`` and a leading ``./`` dropped."""
    p = pattern.strip().replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def matches(pattern: str, path: str) -> bool:
    """Whether ``path`` ('/'-separated, relative to the pattern's folder) matches ``pattern``."""
    return _spec(pattern).match_file(path)


def static_prefix(pattern: str) -> str:
    """The folder an anchored pattern starts in ('' when it can match at any depth):
    where a walk for its files can start."""
    p = normalise(pattern).rstrip("/")
    if "/" not in p:
        return ""
    fixed = []
    for part in p.lstrip("/").split("/")[:-1]:
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return "/".join(fixed)
