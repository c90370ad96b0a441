"""The one directory walker: every folder below a root, in a stable order, each once.

Hidden folders and files (a name that starts with ``.``) are left out;
symbolic links are followed, and a link back to a folder already walked is
reported once, not followed again, so a link loop cannot make a walk endless.
``ingest`` (``scan`` and ``check`` inputs) and ``config`` (``check`` globs)
both walk through here.
"""

from __future__ import annotations

import os
from typing import Callable, Iterator, Optional

# (path, reason): a folder that could not be read, or a link to a folder already walked.
OnProblem = Callable[[str, str], None]
# (folder, sub-folder name, file names of the folder): whether to walk into the sub-folder.
KeepDir = Callable[[str, str, list[str]], bool]


def walk(root: str, on_problem: Optional[OnProblem] = None, keep_dir: Optional[KeepDir] = None) -> Iterator[tuple[str, list[str]]]:
    """(folder, its file names) for ``root`` and every folder below it, folders and names sorted."""

    def report(path: str, reason: str) -> None:
        if on_problem is not None:
            on_problem(path, reason)

    def onerror(err: OSError) -> None:
        report(getattr(err, "filename", root) or root, f"cannot read directory: {err.strerror}")

    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            report(dirpath, "symbolic link loop: directory already scanned")
            dirnames[:] = []
            continue
        seen.add(key)
        files = sorted(n for n in filenames if not n.startswith("."))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (keep_dir is None or keep_dir(dirpath, d, files)))
        yield dirpath, files
