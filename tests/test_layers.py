"""The package's layers: every module imports only from its own layer or the layers below, and
no two modules import each other, however indirectly.

The layers, lowest first (README "Modules" shows what each module holds):

1. foundations, importing nothing of quotetrack: kinds, version, textnorm, lexicon,
   pathmatch, walk, printable, textindex, progress, blocking, unionfind, stem
2. models (the frozen dataclasses)
3. text and names: styles, quotes, align, identity, outlets, readers
4. reading inputs: ingest
5. attribution (the package)
6. one article -> its quotes: pipeline, and cache (the quotes kept between runs)
7. across articles and sources: statements, regroup (grouping again what changed), sources, diff, verify, provenance
8. check: rules, config, check
9. output: render, check_report, html_report, jsonl_out, sqlite_out
10. the library's entry points: api, parallel (scan on every core), dask_recipe (scan on Dask),
    patched_json (the JSON output kept in the cache and patched)
11. the command line and the package itself: cli, __main__, quotetrack/__init__

Imports are read with ``ast`` from every file, wherever they sit (inside functions and
``if TYPE_CHECKING:`` too), so an import cannot hide a cycle by being late.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotetrack"

LAYERS: list[set[str]] = [
    {"kinds", "version", "textnorm", "lexicon", "pathmatch", "walk", "printable", "textindex", "progress", "blocking", "unionfind", "stem"},
    {"models"},
    {"styles", "quotes", "align", "identity", "outlets", "readers"},
    {"ingest"},
    {"attribution"},
    {"pipeline", "cache"},
    {"statements", "regroup", "sources", "diff", "verify", "provenance"},
    {"rules", "config", "check"},
    {"render", "check_report", "html_report", "jsonl_out", "sqlite_out"},
    {"api", "parallel", "dask_recipe", "patched_json"},
    {"cli", "__main__", ""},
]


def modules() -> dict[str, Path]:
    """Module name relative to the package ("" for the package, "attribution.choice") -> file."""
    out = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        parts = list(f.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


MODULES = modules()


def imports(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(module of the package, line, inside a function) for each import of quotetrack in the file."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = [p for p in package if p]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(id(n) for n in ast.walk(node) if n is not node)
    out = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            elif node.module and (node.module == "quotetrack" or node.module.startswith("quotetrack.")):
                module = node.module.removeprefix("quotetrack").lstrip(".")
            else:
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}".lstrip(".")
                targets.append(sub if sub in MODULES else module)
        elif isinstance(node, ast.Import):
            targets = [a.name.removeprefix("quotetrack").lstrip(".") for a in node.names if a.name.split(".")[0] == "quotetrack"]
        out.extend((t, node.lineno, id(node) in in_function) for t in targets if t != name)
    return out


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def layer(name: str) -> int:
    top = name.split(".")[0]
    for i, members in enumerate(LAYERS):
        if name in members or top in members:
            return i
    raise AssertionError(f"quotetrack/{name.replace('.', '/') or '__init__'}.py is in no layer: add it to LAYERS here and to the README")


def test_every_module_has_a_layer():
    for name in MODULES:
        layer(name)


def test_no_upward_import():
    upward = [
        f"quotetrack/{MODULES[name].relative_to(PACKAGE)}:{line} imports {target} (layer {layer(target) + 1}) from layer {layer(name) + 1}"
        for name, edges in GRAPH.items()
        for target, line, _ in edges
        if layer(target) > layer(name)
    ]
    assert not upward, "\n".join(upward)


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (as a list of modules, the first repeated at the end), or []."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(n: str) -> list[str]:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return []

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return []


def test_no_import_cycle():
    graph = {name: {t for t, _, _ in edges} for name, edges in GRAPH.items()}
    cycle = find_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_no_import_of_the_package_inside_a_function():
    late = [
        f"quotetrack/{MODULES[name].relative_to(PACKAGE)}:{line} imports {target} inside a function"
        for name, edges in GRAPH.items()
        for target, line, inside in edges
        if inside
    ]
    assert not late, "\n".join(late)


@pytest.mark.parametrize(
    "graph, cycle",
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"a2"}, "a2": {"b"}, "b": {"a2"}}, ["a2", "b", "a2"]),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, cycle):
    assert find_cycle(graph) == cycle


def test_the_import_reader_sees_late_and_relative_imports(tmp_path):
    f = tmp_path / "mod.py"
    f.write_text("from .models import Quote\nimport os\n\ndef g():\n    from .check import run\n    from ..x import y\n", encoding="utf-8")
    got = imports("render", f)
    assert ("models", 1, False) in got and ("check", 5, True) in got


def test_no_private_name_crosses_modules():
    """A name with a leading underscore is its module's own: no other module imports it."""
    found = []
    for f in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__" and (node.level or (node.module or "").startswith("quotetrack")):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{f.relative_to(PACKAGE)}:{node.lineno} imports {alias.name}")
    assert not found, found
