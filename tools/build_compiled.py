"""Build quotetrack's hot modules with mypyc into a directory of their own (``make compiled``).

    .venv/bin/python tools/build_compiled.py [--out build/compiled] [--jobs 2]

The package is copied whole into a scratch directory (``<out>.tmp<pid>``), the modules in
``MODULES`` are compiled there with mypyc (the C compiler the Python headers were built
for), and the result replaces ``<out>`` in one rename: ``<out>/quotetrack`` is a complete
package (the compiled modules as extension modules, every other module as its copied
``.py``), used with ``PYTHONPATH=<out>``. The checkout itself never holds a ``.so``, so an
edited source file is never shadowed by an old build; ``<out>/SOURCES`` records a digest of
the sources the build was made from, and ``is_current`` tells whether it still matches
(``make compiled`` rebuilds when any file of the package is newer than the build).

Needs a C compiler and mypy (in the ``test`` extra); ``make run`` and ``make test`` never
call this.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "quotetrack"
DEFAULT_OUT = ROOT / "build" / "compiled"

# The modules compiled, relative to the package; everything else stays Python. Not compiled:
# align (Wording computes its slots on their first read through __getattr__, which a mypyc class
# never calls); models (evolve copies through object.__new__ and __dict__); kinds (compiled, its
# enums are checked on every read, and the cache builds quotes whose kind is a plain str);
# identity (without kinds in the build, mypyc's C for its StrEnum subclass does not compile);
# statements (regroup's Regrouper, interpreted, subclasses its Grouper: "interpreted classes
# cannot inherit from compiled"); ingest (Dask pickles its _Loader, and a compiled class's
# instance cannot be rebuilt without its constructor's arguments).
MODULES = [
    "attribution/tokens.py",
    "attribution/people.py",
    "attribution/mentions.py",
    "attribution/cues.py",
    "attribution/candidates.py",
    "attribution/choice.py",
    "attribution/reported.py",
    "attribution/function_words.py",
    "attribution/speakers.py",
    "attribution/gender.py",
    "attribution/ranker.py",
    "attribution/headline.py",
    "attribution/__init__.py",
    "quotes.py",
    "textnorm.py",
    "styles.py",
    "stem.py",
    "blocking.py",
    "unionfind.py",
    "readers.py",
    "textindex.py",
    "pipeline.py",
]

# The same mypy settings as pyproject.toml's [tool.mypy] (mypyc reads no pyproject here: the
# copy has none, since setuptools would read its project table when building).
MYPY_FLAGS = [
    "--python-version",
    "3.11",
    "--ignore-missing-imports",
    "--no-implicit-optional",
    "--check-untyped-defs",
]


def source_digest(package: Path = PACKAGE) -> str:
    """A digest of every file of the package (path and contents) and of the module list."""
    h = hashlib.sha256()
    h.update("\n".join(MODULES).encode())
    for p in sorted(package.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".so", ".pyc", ".c"):
            h.update(str(p.relative_to(package)).encode() + b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


def is_current(out: Path = DEFAULT_OUT) -> bool:
    """True when ``out`` holds a build of the package's current sources."""
    stamp = out / "SOURCES"
    return stamp.exists() and stamp.read_text().strip() == source_digest()


_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="quotetrack_compiled", py_modules=[],
      ext_modules=mypycify({args!r}, opt_level="3"),
      script_args=["build_ext", "--inplace", "--parallel", "{jobs}"])
"""


def build(out: Path, jobs: int) -> None:
    tmp = out.with_name(f"{out.name}.tmp{os.getpid()}")  # two builds at once never share one
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    shutil.copytree(PACKAGE, tmp / "quotetrack", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyc"))
    digest = source_digest(tmp / "quotetrack")  # of the very files compiled
    args = MYPY_FLAGS + [f"quotetrack/{m}" for m in MODULES]
    (tmp / "setup_mypyc.py").write_text(_SETUP.format(args=args, jobs=jobs))
    t = time.perf_counter()
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run([sys.executable, "setup_mypyc.py"], cwd=tmp, env=env)
    if r.returncode:
        raise SystemExit(f"mypyc build failed (exit {r.returncode}); the scratch copy is in {tmp}")
    for junk in ("build", "setup_mypyc.py"):
        p = tmp / junk
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    for c in (tmp / "quotetrack").rglob("*.c"):
        c.unlink()
    # The modules left as Python, compiled to bytecode now: with PYTHONDONTWRITEBYTECODE set, every
    # run would compile them again.
    compileall.compile_dir(tmp / "quotetrack", quiet=1)
    (tmp / "SOURCES").write_text(digest + "\n")
    if out.exists():
        old = out.with_name(f"{out.name}.old{os.getpid()}")
        out.rename(old)
        shutil.rmtree(old)
    tmp.rename(out)
    built = sorted(str(p.relative_to(out)) for p in out.rglob("*.so"))
    print(f"compiled {len(MODULES)} modules in {time.perf_counter() - t:.0f} s into {out}:")
    for b in built:
        print(f"  {b}")
    print(f"use it with PYTHONPATH={out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--jobs", type=int, default=2, help="C files compiled at once")
    args = ap.parse_args(argv)
    build(args.out.resolve(), args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
