"""Regenerate the example output blocks in README.md from the commands themselves.

A block is marked by an HTML comment line ``<!-- example -->`` right before a
```` ```text ```` fence whose first line is ``$ COMMAND``. The command is run with
bash from the repository root (``quotetrack`` is the one installed next to the
running Python), and the rest of the block is replaced by what it prints on
standard output, each line's trailing spaces removed. The exit code is not
shown; a command that exits with 2 or more (a usage error) or prints nothing is
a failure, so a broken example cannot slip in.

    python tools/readme_examples.py            # rewrite README.md (make readme)
    python tools/readme_examples.py --check    # exit 1 and print a diff when README.md is stale
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MARKER = "<!-- example -->"
BLOCK = re.compile(
    r"^(?P<head><!-- example -->\n```text\n\$ (?P<command>[^\n]+)\n)(?P<body>.*?)(?P<tail>^```$)",
    re.MULTILINE | re.DOTALL,
)


class ExampleError(Exception):
    """A marked block that is malformed, or a command that failed."""


def run(command: str, cwd: Path = ROOT) -> str:
    """What ``command`` prints on standard output, run as the README says, with trailing spaces removed."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8", TERM="dumb")
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode >= 2 or not proc.stdout.strip():
        raise ExampleError(f"`{command}` exited with {proc.returncode} and printed:\n{proc.stdout}{proc.stderr}")
    return "".join(line.rstrip() + "\n" for line in proc.stdout.rstrip("\n").split("\n"))


def render(text: str, cwd: Path = ROOT) -> str:
    """``text`` with each marked block's output replaced by what its command prints now."""
    if text.count(MARKER) != len(BLOCK.findall(text)):
        raise ExampleError(f"every {MARKER} must be followed by a ```text block whose first line is `$ COMMAND`")
    return BLOCK.sub(lambda m: m["head"] + run(m["command"], cwd) + m["tail"], text)


def commands(text: str) -> list[str]:
    """The commands of the marked blocks, in order."""
    return [m["command"] for m in BLOCK.finditer(text)]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    old = README.read_text(encoding="utf-8")
    try:
        new = render(old, ROOT)
    except ExampleError as err:
        print(f"readme_examples: error: {err}", file=sys.stderr)
        return 2
    if new == old:
        return 0
    if check:
        diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), "README.md", "README.md (regenerated)")
        sys.stderr.writelines(diff)
        print("readme_examples: README.md is out of date: run `make readme`", file=sys.stderr)
        return 1
    README.write_text(new, encoding="utf-8")
    print("readme_examples: README.md updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
