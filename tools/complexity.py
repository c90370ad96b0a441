"""Print the McCabe complexity of the package's most complex functions (ruff's C901), for `make lint`.

    python tools/complexity.py            # the ten most complex functions, and every one above the limit

The limit (``max-complexity`` in pyproject.toml) is enforced by ``ruff check``;
this prints the figures so that every CI log shows them, including the files
pyproject.toml exempts. Exit 1 when a function outside those files is above it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
_MESSAGE = re.compile(r"`(?P<name>[^`]+)` is too complex \((?P<n>\d+) > \d+\)")


def settings() -> tuple[int, set[str]]:
    """The complexity limit and the files exempted from it, from pyproject.toml."""
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    exempt = {path for path, codes in lint.get("per-file-ignores", {}).items() if "C901" in codes}
    return int(lint["mccabe"]["max-complexity"]), exempt


def measure() -> list[tuple[int, str, str]]:
    """(complexity, function, file:line) of every function of the package, most complex first."""
    ruff = Path(sys.executable).with_name("ruff")
    cmd = [str(ruff) if ruff.exists() else "ruff", "check", "quotetrack", "--isolated", "--select", "C901",
           "--config", "lint.mccabe.max-complexity=0", "--output-format", "json", "--exit-zero", "--no-cache"]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    rows = []
    for d in json.loads(out):
        m = _MESSAGE.search(d["message"])
        if m:
            rel = os.path.relpath(d["filename"], ROOT).replace(os.sep, "/")
            rows.append((int(m["n"]), m["name"], f"{rel}:{d['location']['row']}"))
    return sorted(rows, key=lambda r: (-r[0], r[2]))


def main() -> int:
    limit, exempt = settings()
    rows = measure()
    over = [r for r in rows if r[0] > limit]
    failing = [r for r in over if r[2].split(":")[0] not in exempt]
    print(f"complexity (ruff C901, McCabe): {len(rows)} functions in quotetrack/, limit {limit}, "
          f"{len(over)} above it ({len(failing)} outside the exempted files: {', '.join(sorted(exempt)) or 'none'})")
    for n, name, where in rows[:10]:
        mark = "  ABOVE THE LIMIT" if n > limit else ""
        print(f"  {n:3d}  {name}  {where}{mark}{' (exempt)' if mark and where.split(':')[0] in exempt else ''}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
