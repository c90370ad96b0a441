"""Does quotetrack stay linear on hostile input? Times per megabyte, by input and size.

    .venv/bin/python benchmarks/linear_time.py [--big] [--sizes 0.01,0.1,1,10] [--timeout 300]
                                               [--inputs NAME,...] [--stages find_quotes,analyse]

Each input below is made at several sizes (megabytes of UTF-8 text), and two
stages are timed on it:

* ``find_quotes``: ``quotetrack.quotes.find_quotes(text)``, the quote scanner;
* ``analyse``: ``quotetrack.api.scan_texts([("x.txt", text)])``, the whole
  pipeline on one in-memory article (article layout, quotes, attribution,
  reported speech, speaker merging, grouping).

For every (input, stage, size) the table shows wall-clock and CPU seconds and
CPU seconds per megabyte. If the stage is linear, seconds per MB stay flat as
the size grows; the ``growth`` column is the exponent k in time ~ size^k
between this size and the previous one (1.0 is linear, 2.0 quadratic; shown
only when both runs took a measurable time). The default sizes are 1 and
10 MB, preceded by 0.01 and 0.1 MB as small reference points; ``--big`` adds
50 MB (minutes per input).

Each measurement runs in a forked child process, so that one pathological
case cannot take the whole benchmark down: a child is stopped after
``--timeout`` seconds (or when it runs out of the memory it is allowed), and
a size is not attempted when the previous size, scaled linearly, would
already need longer than the timeout. The input is built before the clock
starts. Prints figures, asserts nothing; inputs whose growth exceeds 1.25
are listed at the end (a timed-out size counts as at least the timeout).
The default run takes about twenty minutes, most of it in the slowest cases.
"""

from __future__ import annotations

import argparse
import gc
import math
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotetrack.api import scan_texts  # noqa: E402
from quotetrack.quotes import find_quotes  # noqa: E402

MB = 1_000_000
DEFAULT_SIZES = (0.01, 0.1, 1.0, 10.0)
BIG_SIZE = 50.0
SUPERLINEAR = 1.25  # growth exponent above which a case is reported
MIN_TIMED = 0.05  # seconds: shorter runs are too noisy to give a growth exponent


# --------------------------------------------------------------------------- inputs


def _repeat(unit: str, nbytes: int) -> str:
    """``unit`` repeated to ``nbytes`` bytes of UTF-8 (rounded down to whole units)."""
    return unit * max(1, nbytes // len(unit.encode("utf-8")))


def _nested(nbytes: int) -> str:
    """“a ‘a “a ‘a … ’ ” ’ ”: quotes opened inside quotes, then all closed."""
    opening, closing = "“a ‘a ", "’ ”"
    k = max(1, nbytes // len((opening + closing).encode("utf-8")))
    return opening * k + closing * k


_PROSE = (
    "“We will rebuild the pier before the storms come back,” Mayor Ada Quill said at the harbour. "
    "Work on the pier began in May and has cost twice the estimate. "
    "Critics call the levy the “pier tax”, and Councillor Tobias Wren said it was “money thrown into the sea.” "
    "“Nobody asked the fishermen,” he told reporters. "
    "According to Quill, “the money is already spent and the timber is already cut.” "
    "She said the work would finish in the autumn. "
)


def _shared_surname(nbytes: int) -> str:
    """Half the bytes name people who share one surname (first names from the name dictionary),
    half are titled surnames with quotes that end their sentences."""
    from quotetrack.attribution.gender import first_names

    firsts = sorted(n.capitalize() for n, g in first_names().items() if g in "mf" and n.isalpha())
    people, size, i = [], 0, 0
    while size < nbytes // 2:
        unit = f"{firsts[i % len(firsts)]} Quill spoke. "
        people.append(unit)
        size += len(unit.encode("utf-8"))
        i += 1
    return "".join(people) + "\n\n" + _repeat("Mrs. Quill said “yes.” ", nbytes - size)


INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "marks-straight": ('" repeated', lambda n: _repeat('"', n)),
    "marks-curly": ("“ repeated", lambda n: _repeat("“", n)),
    "marks-mixed": ('"“ repeated', lambda n: _repeat('"“', n)),
    "endless-line": ("news prose with quotes, names and pronouns, no newline at all", lambda n: _repeat(_PROSE, n)),
    "nested": ("“a ‘a “a ‘a … ’ ” ’ ” (quotes nested as deep as the input is long)", _nested),
    "said-said": ("said said said …", lambda n: _repeat("said ", n)),
    "said-quote": ('said "x" said "x" …', lambda n: _repeat('said "x" ', n)),
    "letter-quotes": ('"a" "a" "a" … (thousands of one-word quotes in one sentence)', lambda n: _repeat('"a" ', n)),
    "reported-speech": ("said said that that, … (speech verbs and clauses in one long sentence)", lambda n: _repeat("said said that that, ", n)),
    # House styles (quotetrack/styles.py): single main marks, apostrophes, TeX marks, hard wraps.
    "singles-open": ("‘a ‘a ‘a … (single marks that open and never close, one line)", lambda n: _repeat("‘a ", n)),
    "possessives": ("'The Joneses' house …' (possessives inside single quotes, one line)",
                    lambda n: _repeat("'The Joneses' house ", n)),
    "tex-unclosed": ("`a `a ``b `a … (TeX marks with no closing mark, one line)", lambda n: _repeat("`a ``b ", n)),
    "wrapped-prose": ("the endless-line prose with British marks, hard-wrapped at 72 columns",
                      lambda n: _wrap72(_repeat(_PROSE.replace("“", "‘").replace("”", "’"), n))),
    # Runs of one kind of token the attribution stage looks backwards or forwards over.
    "apostrophes": ("a' b' c' … (apostrophes and closing single marks, one line)", lambda n: _repeat("a' b’ ", n)),
    "capitalised": ("Ada Quill Tobias Wren … (one endless run of capitalised words)", lambda n: _repeat("Ada Quill Tobias Wren ", n)),
    "caps-said-quote": ('Ada Quill said "x" Tobias Wren said "y" … (names, cues and quotes, no full stop)',
                        lambda n: _repeat('Ada Quill said "we will" Tobias Wren told him "no" ', n)),
    "endless-sentence": ("the prose with every full stop and line break removed: one sentence",
                         lambda n: _repeat(_PROSE.replace(". ", ", and ").replace(".", ""), n)),
    "endless-paragraph": ("the prose as sentences but no line break: one paragraph",
                          lambda n: _repeat(_PROSE + "He said it again. ", n)),
    "pronoun-quotes": ('he said "a" she said "b" … (pronoun cues with nobody named)', lambda n: _repeat('he said "a" she said "b" ', n)),
    "participles": ('Ada Quill, the mayor, went on to say "a", adding "b", … (participles and infinitive cues, one sentence)',
                    lambda n: _repeat('Ada Quill, the mayor, went on to say "a", adding "b", ', n)),
    "signed-below": ("“a” then -Ada Quill, Ashbury. on the line below, repeated (quotes signed below)",
                     lambda n: _repeat("“a”\n\n-Ada Quill, Ashbury.\n\n", n)),
    "appositions": ("Ada Quill, a former aide to Mayor Tobias Wren has written “a” and … (open appositions, relative "
                    "clauses with places, one sentence)",
                    lambda n: _repeat("Ada Quill, a former aide to Mayor Tobias Wren has written “a” and Ada Quill, who "
                                      "flew to Dover, Delaware, on Monday, said “b” and ", n)),
    "colon-clauses": ("when Quill said it, Wren fired back: “a” and “b,” Quill said: “c” and … (fronted clauses and "
                      "colon cues, one sentence)",
                      lambda n: _repeat("when Quill said it, Wren fired back: “a” and “b,” Quill said: “c” and he said "
                                        "of Wren and Quill, “d” and ", n)),
    "shared-surname": ("<First> Quill spoke. for thousands of first names, then Mrs. Quill said “yes.” … (one "
                       "surname shared by thousands, quotes that end their sentences)", _shared_surname),
}


def _wrap72(text: str) -> str:
    """Hard-wrap one long line at 72 columns by turning spaces into newlines."""
    out = list(text)
    start = 0
    while len(text) - start > 72:
        k = text.rfind(" ", start, start + 73)
        if k <= start:
            break
        out[k] = "\n"
        start = k + 1
    return "".join(out)


def _find(text: str) -> int:
    return len(find_quotes(text))


def _analyse(text: str) -> int:
    return len(scan_texts([("x.txt", text)]).quotes)


STAGES: dict[str, Callable[[str], int]] = {"find_quotes": _find, "analyse": _analyse}


# --------------------------------------------------------------------------- running one case


def _child(conn, input_name: str, stage: str, nbytes: int, mem_limit: int) -> None:
    """In the forked child: build the input, time the stage, send (wall, cpu, quotes) back."""
    if mem_limit:
        resource.setrlimit(resource.RLIMIT_AS, (mem_limit, mem_limit))
    try:
        text = INPUTS[input_name][1](nbytes)
        gc.collect()
        c = time.process_time()
        t = time.perf_counter()
        n = STAGES[stage](text)
        conn.send(("ok", time.perf_counter() - t, time.process_time() - c, n))
    except MemoryError:
        conn.send(("out of memory", 0.0, 0.0, 0))
    except Exception as err:  # noqa: BLE001 - a crash is a finding too
        conn.send((f"raised {type(err).__name__}: {err}"[:120], 0.0, 0.0, 0))
    finally:
        conn.close()


def run_case(input_name: str, stage: str, nbytes: int, timeout: float, mem_limit: int) -> tuple[str, float, float, int]:
    """(status, wall seconds, cpu seconds, quotes found) of one measurement in a child process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, input_name, stage, nbytes, mem_limit))
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            try:
                return parent.recv()
            except EOFError:
                return ("child died", 0.0, 0.0, 0)
        return ("timeout", timeout, timeout, 0)
    finally:
        if proc.is_alive():
            proc.kill()  # only this child, by its own pid
        proc.join()
        parent.close()


def _growth(prev: Optional[tuple[float, float]], size: float, cpu: float) -> Optional[float]:
    if prev is None:
        return None
    psize, pcpu = prev
    if pcpu < MIN_TIMED or cpu < MIN_TIMED or size <= psize:
        return None
    return math.log(cpu / pcpu) / math.log(size / psize)


def _default_mem_limit() -> int:
    """Half the memory available now, so a runaway child fails alone."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024 // 2
    except OSError:
        pass
    return 0


# --------------------------------------------------------------------------- main


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Time quotetrack on adversarial inputs of growing size.")
    ap.add_argument("--big", action="store_true", help=f"also run {BIG_SIZE:g} MB inputs")
    ap.add_argument("--sizes", default=",".join(f"{s:g}" for s in DEFAULT_SIZES), help="sizes in MB, comma-separated")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed for one measurement")
    ap.add_argument("--inputs", default=",".join(INPUTS), help="inputs to run, comma-separated")
    ap.add_argument("--stages", default=",".join(STAGES), help="stages to run, comma-separated")
    ap.add_argument("--mem-limit-gb", type=float, default=None, help="memory each child may use (default: half of what is available)")
    args = ap.parse_args(argv)

    sizes = sorted({float(s) for s in args.sizes.split(",") if s.strip()} | ({BIG_SIZE} if args.big else set()))
    inputs = [s.strip() for s in args.inputs.split(",") if s.strip()]
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    for name in inputs:
        if name not in INPUTS:
            ap.error(f"unknown input {name!r}; known: {', '.join(INPUTS)}")
    for name in stages:
        if name not in STAGES:
            ap.error(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
    mem_limit = int(args.mem_limit_gb * 2**30) if args.mem_limit_gb else _default_mem_limit()

    print(f"python {sys.version.split()[0]}, one process per measurement, timeout {args.timeout:g} s, "
          f"memory limit {mem_limit / 2**30:.1f} GB")
    print()
    print(f"{'input':15s} {'stage':11s} {'MB':>6s} {'wall s':>9s} {'cpu s':>9s} {'cpu s/MB':>9s} {'growth':>7s} {'quotes':>9s}")
    flagged: list[str] = []
    # Warm-up in the parent, which the children are forked from: imports, compiled patterns.
    _analyse(_PROSE * 3)
    started = time.perf_counter()
    for name in inputs:
        for stage in stages:
            prev: Optional[tuple[float, float]] = None
            worst: Optional[tuple[float, float, float, str]] = None  # (growth, from MB, to MB, "" or " or faster")
            for size in sizes:
                label = f"{name:15s} {stage:11s} {size:6g}"
                if prev is not None and prev[1] * size / prev[0] > args.timeout:
                    print(f"{label}   not run: the {prev[0]:g} MB run, scaled linearly, would take over {args.timeout:g} s")
                    break
                status, wall, cpu, n = run_case(name, stage, int(size * MB), args.timeout, mem_limit)
                if status != "ok":
                    print(f"{label}   {status}" + (f" after {args.timeout:g} s" if status == "timeout" else ""))
                    if status == "timeout" and prev is not None:
                        g = _growth(prev, size, args.timeout)  # a lower bound: it ran longer
                        if g is not None and (worst is None or g > worst[0]):
                            worst = (g, prev[0], size, " or faster")
                    break
                g = _growth(prev, size, cpu)
                gs = f"{g:7.2f}" if g is not None else f"{'':7s}"
                print(f"{label} {wall:9.3f} {cpu:9.3f} {cpu / size:9.2f} {gs} {n:9d}", flush=True)
                if g is not None and prev is not None and (worst is None or g > worst[0]):
                    worst = (g, prev[0], size, "")
                prev = (size, cpu)
            if worst is not None and worst[0] > SUPERLINEAR:
                flagged.append(f"{name} / {stage}: time grows like size^{worst[0]:.2f}{worst[3]} from {worst[1]:g} to {worst[2]:g} MB")
        print()
    print(f"total {time.perf_counter() - started:.0f} s")
    print()
    if flagged:
        print("superlinear (growth exponent above %.2f):" % SUPERLINEAR)
        for line in flagged:
            print("  " + line)
    else:
        print("no input grew faster than linearly at the sizes measured")
    print()
    print("inputs:")
    for name in inputs:
        print(f"  {name:15s} {INPUTS[name][0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
