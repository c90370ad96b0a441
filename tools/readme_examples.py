"""Regenerate the example output blocks in README.md from the commands themselves.

A block is marked by an HTML comment line ``<!-- example -->`` right before a
```` ```text ```` fence whose first line is ``$ COMMAND``. The command is run with
bash from the repository root (``quotetrack`` is the one installed next to the
running Python), and the rest of the block is replaced by what it prints on
standard output, each line's trailing spaces removed. The exit code is not
shown; a command that exits with 2 or more (a usage error) or prints nothing is
a failure, so a broken example cannot slip in.

Sections between ``<!-- generated: NAME -->`` and ``<!-- end generated -->`` are
written from the code itself: ``rules`` is the table of ``quotetrack check``'s
rules (the registry in quotetrack/rules.py), ``modules`` the module map (each
module's first docstring sentence, by layer as tests/test_layers.py enforces).

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


GENERATED = re.compile(
    r"^(?P<head><!-- generated: (?P<what>[a-z]+) -->\n)(?P<body>.*?)(?P<tail>^<!-- end generated -->$)",
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
    """``text`` with each marked block's output replaced by what its command prints now,
    and each generated section by what the code says now."""
    if text.count(MARKER) != len(BLOCK.findall(text)):
        raise ExampleError(f"every {MARKER} must be followed by a ```text block whose first line is `$ COMMAND`")
    text = BLOCK.sub(lambda m: m["head"] + run(m["command"], cwd) + m["tail"], text)
    return GENERATED.sub(lambda m: m["head"] + generated(m["what"]) + m["tail"], text)


def generated(what: str) -> str:
    if what == "rules":
        return rule_table()
    if what == "modules":
        return module_map()
    raise ExampleError(f"unknown generated section '{what}' (rules, modules)")


def rule_table() -> str:
    """The rules of ``quotetrack check`` as a Markdown table, from the registry."""
    from quotetrack.check_report import rule_rows

    lines = ["| id | name | default | finds |", "| --- | --- | --- | --- |"]
    lines += [f"| `{rid}` | `{name}` | {level} | {summary} |" for rid, name, level, summary in rule_rows()]
    return "\n".join(lines) + "\n"


def _first_sentence(doc: str) -> str:
    para = " ".join(doc.strip().split("\n\n")[0].split())
    m = re.search(r"(?<=[.:])\s", para)
    return para[: m.start()] if m and para[m.start() - 1] == "." else para


def module_map() -> str:
    """One line per module of the package, by layer (lowest first), from the docstrings."""
    import ast
    import importlib.util

    spec = importlib.util.spec_from_file_location("test_layers", ROOT / "tests" / "test_layers.py")
    assert spec is not None and spec.loader is not None
    layers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layers)
    lines = []
    names = sorted(layers.MODULES, key=lambda n: (layers.layer(n), n))
    for name in names:
        doc = ast.get_docstring(ast.parse(layers.MODULES[name].read_text(encoding="utf-8"))) or ""
        shown = f"quotetrack.{name}" if name else "quotetrack"
        lines.append(f"- {layers.layer(name) + 1} `{shown}`: {_first_sentence(doc)}")
    return "\n".join(lines) + "\n"


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
