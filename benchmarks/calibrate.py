"""Calibrate quotetrack.align's thresholds on a labelled set of wording pairs.

    .venv/bin/python benchmarks/calibrate.py            # report + sweep
    .venv/bin/python benchmarks/calibrate.py --errors   # also list every misclassified pair
    .venv/bin/python benchmarks/calibrate.py --no-sweep # report and throughput only

``benchmarks/pairs.jsonl`` holds one pair a line: ``a`` (a wording, usually the
fuller or directly quoted one), ``b`` (another wording), ``gold`` (verbatim,
partial, altered, paraphrase or unrelated: how ``b`` relates to ``a``),
``category`` (what kind of difference the pair tests, e.g. ``verbatim-percent-sign``,
``paraphrase-hard``, ``neg-same-topic``), ``group`` and ``split``. All wordings
are invented; the speakers, places and events are fictional.

The split is by group (all pairs built from one base wording share a group), so
a base wording never appears in both splits:
``sha1("quotetrack-pairs-v1:" + group)``, first 8 hex digits as an integer,
mod 100 < 30 is ``heldout``, anything else is ``dev``. ``load_pairs`` checks it.

"Same statement" means the kind is anything but ``unrelated``; precision and
recall of that binary decision are the headline figures. Per-kind figures are
one-vs-rest.

The sweep monkeypatches ``quotetrack.align``'s module constants at run time
(``compare_tokens`` reads them on every call); the source is never edited. It
covers PARAPHRASE_MIN_OVERLAP, PARAPHRASE_MIN_SHARED and ALTERED_MIN_COVERAGE,
and ALTERED_MIN_RUN and ALTERED_MAX_SPREAD (where align has them) unless
``--fixed-run``. Settings are chosen on ``dev`` only, three ways (best dev F1;
best dev recall at dev precision >= 0.90; fewest changed constants within 0.01
of the best dev F1), and the held-out figures of each are printed next to those
of the current values.

Throughput is of ``compare(a, b)`` on the raw strings, best of five rounds,
with the tokenisation and stemming caches cleared before each round ("cold")
and left filled ("warm").
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import quotetrack.align as align  # noqa: E402
from quotetrack import compare  # noqa: E402
from quotetrack.textnorm import comparison_tokens  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "pairs.jsonl"
KINDS = ("verbatim", "partial", "altered", "paraphrase", "unrelated")
SPLITS = ("dev", "heldout")
SALT = "quotetrack-pairs-v1"
HELDOUT_PERCENT = 30
# Sweep grid. The first three are always swept; the last two (when align has them) are
# swept too unless --fixed-run is given, which keeps them at their current values.
GRID = {
    "PARAPHRASE_MIN_OVERLAP": [round(0.30 + 0.05 * i, 2) for i in range(13)],  # 0.30 .. 0.90
    "PARAPHRASE_MIN_SHARED": [1, 2, 3, 4, 5, 6],
    "ALTERED_MIN_COVERAGE": [round(0.40 + 0.05 * i, 2) for i in range(12)],  # 0.40 .. 0.95
    "ALTERED_MIN_RUN": [2, 3, 4],
    "ALTERED_MAX_SPREAD": [2, 4, 6, 99],  # 99: no limit
}
SECONDARY = ("ALTERED_MIN_RUN", "ALTERED_MAX_SPREAD")
STEPS = {"PARAPHRASE_MIN_OVERLAP": 0.05, "PARAPHRASE_MIN_SHARED": 1, "ALTERED_MIN_COVERAGE": 0.05,
         "ALTERED_MIN_RUN": 1, "ALTERED_MAX_SPREAD": 2}
TUNED = tuple(k for k in GRID if hasattr(align, k))


def split_of(group: str) -> str:
    h = int(hashlib.sha1(f"{SALT}:{group}".encode()).hexdigest()[:8], 16)
    return "heldout" if h % 100 < HELDOUT_PERCENT else "dev"


def load_pairs(path: Path = PAIRS) -> list[dict]:
    pairs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            for key in ("id", "group", "split", "gold", "category", "a", "b"):
                if key not in r:
                    raise ValueError(f"{path}:{n}: missing {key!r}")
            if r["gold"] not in KINDS:
                raise ValueError(f"{path}:{n}: gold {r['gold']!r} is not one of {KINDS}")
            if r["split"] != split_of(r["group"]):
                raise ValueError(f"{path}:{n}: split {r['split']!r} does not follow the group hash")
            pairs.append(r)
    ids = [r["id"] for r in pairs]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids")
    return pairs


def same(kind: str) -> bool:
    return kind != "unrelated"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(golds: list[str], preds: list[str]) -> dict:
    tp = sum(1 for g, p in zip(golds, preds) if same(g) and same(p))
    fp = sum(1 for g, p in zip(golds, preds) if not same(g) and same(p))
    fn = sum(1 for g, p in zip(golds, preds) if same(g) and not same(p))
    tn = len(golds) - tp - fp - fn
    p, r, f = prf(tp, fp, fn)
    per_kind = {}
    for k in KINDS:
        ktp = sum(1 for g, q in zip(golds, preds) if g == k and q == k)
        kfp = sum(1 for g, q in zip(golds, preds) if g != k and q == k)
        kfn = sum(1 for g, q in zip(golds, preds) if g == k and q != k)
        per_kind[k] = (*prf(ktp, kfp, kfn), sum(1 for g in golds if g == k))
    confusion = {g: {q: 0 for q in KINDS} for g in KINDS}
    for g, q in zip(golds, preds):
        confusion[g][q] += 1
    exact = sum(1 for g, q in zip(golds, preds) if g == q) / len(golds) if golds else 0.0
    return {"n": len(golds), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": r, "f1": f,
            "per_kind": per_kind, "confusion": confusion, "kind_accuracy": exact}


@contextmanager
def patched(**values):
    """Set quotetrack.align's threshold constants for the duration of the block."""
    old = {k: getattr(align, k) for k in values}
    try:
        for k, v in values.items():
            setattr(align, k, v)
        yield
    finally:
        for k, v in old.items():
            setattr(align, k, v)


def current_thresholds() -> dict:
    return {k: getattr(align, k) for k in TUNED}


def predict(pairs: list[dict], tokens: list[tuple]) -> list[str]:
    return [align.compare_tokens(ta, tb).kind for ta, tb in tokens]


def fmt(x: float) -> str:
    return f"{x:.3f}"


def print_report(name: str, ev: dict) -> None:
    print(f"\n== {name}: {ev['n']} pairs ==")
    width = max(len(k) for k in KINDS) + 2
    print("confusion (rows gold, columns predicted):")
    print(" " * width + "".join(f"{k[:10]:>11}" for k in KINDS))
    for g in KINDS:
        print(f"{g:<{width}}" + "".join(f"{ev['confusion'][g][q]:>11}" for q in KINDS))
    print(
        f"same statement: precision {fmt(ev['precision'])}  recall {fmt(ev['recall'])}  F1 {fmt(ev['f1'])}"
        f"  (tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']}, tn {ev['tn']})"
    )
    print(f"exact kind accuracy {fmt(ev['kind_accuracy'])}")
    print(f"{'kind':<{width}}{'n':>5}{'precision':>11}{'recall':>9}{'F1':>7}")
    for k in KINDS:
        p, r, f, n = ev["per_kind"][k]
        print(f"{k:<{width}}{n:>5}{p:>11.3f}{r:>9.3f}{f:>7.3f}")


def by_category(pairs: list[dict], preds: list[str]) -> None:
    """Per category: how many pairs were judged correctly on the same/different decision and on the kind."""
    cats: dict[str, list[int]] = {}
    for r, q in zip(pairs, preds):
        c = cats.setdefault(r["category"], [0, 0, 0])
        c[0] += 1
        c[1] += same(r["gold"]) == same(q)
        c[2] += r["gold"] == q
    print("\n== by category (all splits): pairs, same/different right, kind right ==")
    for cat in sorted(cats):
        n, ok, exact = cats[cat]
        print(f"{cat:<36}{n:>4}{ok:>5}{exact:>5}")


def list_errors(pairs: list[dict], preds: list[str], scores: list[float]) -> None:
    print("\n== misclassified pairs (gold -> predicted) ==")
    for r, q, s in zip(pairs, preds, scores):
        if r["gold"] != q:
            flag = "" if same(r["gold"]) == same(q) else "  [same/different wrong]"
            print(f"- {r['id']} ({r['split']}, {r['category']}): {r['gold']} -> {q} score {s}{flag}")
            print(f"    a: {r['a']}")
            print(f"    b: {r['b']}")


def throughput(pairs: list[dict], rounds: int = 5) -> tuple[float, float]:
    """Pairs per second of ``compare`` on raw strings: cold (tokenisation and stem
    caches cleared before every round) and warm (caches filled)."""
    texts = [(r["a"], r["b"]) for r in pairs]

    caches = [f for f in (comparison_tokens, getattr(align, "_stem", None), getattr(align, "content_stems", None))
              if hasattr(f, "cache_clear")]

    def clear():
        for f in caches:
            f.cache_clear()

    cold = []
    for _ in range(rounds):
        clear()
        t = time.perf_counter()
        for a, b in texts:
            compare(a, b)
        cold.append(time.perf_counter() - t)
    warm = []
    for _ in range(rounds):
        t = time.perf_counter()
        for a, b in texts:
            compare(a, b)
        warm.append(time.perf_counter() - t)
    return len(texts) / min(cold), len(texts) / min(warm)


def sweep(dev: list[dict], dev_tokens: list[tuple], fixed_run: bool) -> list[tuple[dict, dict]]:
    golds = [r["gold"] for r in dev]
    grid = {k: GRID[k] for k in TUNED}
    if fixed_run:
        for k in SECONDARY:
            if k in grid:
                grid[k] = [getattr(align, k)]
    names = list(grid)
    results = []
    for combo in itertools.product(*(grid[n] for n in names)):
        values = dict(zip(names, combo))
        with patched(**values):
            ev = evaluate(golds, predict(dev, dev_tokens))
        results.append((values, ev))
    return results


def distance(values: dict, ref: dict) -> float:
    """How far a setting is from the current one, in grid steps (for tie-breaking)."""
    return sum(abs(values[k] - ref[k]) / STEPS[k] for k in values)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--errors", action="store_true", help="list every misclassified pair")
    ap.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    ap.add_argument("--fixed-run", action="store_true",
                    help="keep ALTERED_MIN_RUN and ALTERED_MAX_SPREAD at their current values in the sweep")
    ap.add_argument("--min-precision", type=float, default=0.90,
                    help="precision floor for the second recommended setting (default 0.90)")
    args = ap.parse_args(argv)

    pairs = load_pairs(args.pairs)
    split = {s: [r for r in pairs if r["split"] == s] for s in SPLITS}
    tokens = {s: [(comparison_tokens(r["a"]), comparison_tokens(r["b"])) for r in split[s]] for s in SPLITS}
    cur = current_thresholds()
    print(f"{len(pairs)} pairs from {args.pairs.name}: "
          + ", ".join(f"{s} {len(split[s])}" for s in SPLITS))
    for s in SPLITS:
        counts = {k: sum(1 for r in split[s] if r["gold"] == k) for k in KINDS}
        print(f"  {s:<8} gold: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    print("current thresholds: " + ", ".join(f"{k}={v}" for k, v in cur.items()))

    cur_ev = {}
    for s in SPLITS:
        preds = predict(split[s], tokens[s])
        cur_ev[s] = evaluate([r["gold"] for r in split[s]], preds)
        print_report(f"{s}, current thresholds", cur_ev[s])

    all_preds = [compare(r["a"], r["b"]) for r in pairs]
    by_category(pairs, [c.kind for c in all_preds])
    if args.errors:
        list_errors(pairs, [c.kind for c in all_preds], [c.score for c in all_preds])

    cold, warm = throughput(pairs)
    print(f"\nthroughput of compare(a, b) on {len(pairs)} pairs (best of 5 rounds): "
          f"{cold:,.0f} pairs/s with caches cleared, {warm:,.0f} pairs/s with caches warm")

    if args.no_sweep:
        return 0

    t = time.perf_counter()
    results = sweep(split["dev"], tokens["dev"], args.fixed_run)
    elapsed = time.perf_counter() - t
    print(f"\n== sweep on dev: {len(results)} settings in {elapsed:.1f}s ==")
    for k in TUNED:
        shown = [cur[k]] if (k in SECONDARY and args.fixed_run) else GRID[k]
        print(f"  {k}: {shown}")

    def key_f1(item):
        values, ev = item
        return (ev["f1"], ev["precision"], ev["kind_accuracy"], -distance(values, cur))

    def key_recall_at_p(item):
        values, ev = item
        return (ev["precision"] >= args.min_precision, ev["recall"], ev["precision"], ev["kind_accuracy"],
                -distance(values, cur))

    best_f1 = max(results, key=key_f1)
    best_rp = max(results, key=key_recall_at_p)

    def changed(values: dict) -> int:
        return sum(1 for k in values if values[k] != cur[k])

    # Within 0.01 of the best dev F1 (about two dev pairs): fewest constants changed, then
    # nearest the current values.
    near = [item for item in results if item[1]["f1"] >= best_f1[1]["f1"] - 0.01]
    simplest = min(near, key=lambda item: (changed(item[0]), distance(item[0], cur), -item[1]["f1"]))
    ties = [v for v, ev in results if ev["f1"] == best_f1[1]["f1"]]
    print(f"  {len(ties)} settings share the best dev F1 {fmt(best_f1[1]['f1'])}")

    golds_h = [r["gold"] for r in split["heldout"]]

    def show(label: str, values: dict) -> None:
        with patched(**values):
            ev_d = evaluate([r["gold"] for r in split["dev"]], predict(split["dev"], tokens["dev"]))
            ev_h = evaluate(golds_h, predict(split["heldout"], tokens["heldout"]))
        print(f"\n{label}: " + ", ".join(f"{k}={v}" for k, v in values.items()))
        for s, ev in (("dev", ev_d), ("heldout", ev_h)):
            print(f"  {s:<8} same statement P {fmt(ev['precision'])} R {fmt(ev['recall'])} F1 {fmt(ev['f1'])}"
                  f" (fp {ev['fp']}, fn {ev['fn']}); kind accuracy {fmt(ev['kind_accuracy'])}")
        return ev_d, ev_h

    print("\ntop 10 settings by dev F1 (dev figures only):")
    for values, ev in sorted(results, key=key_f1, reverse=True)[:10]:
        print("  " + " ".join(f"{k.split('_', 1)[1].lower()}={v}" for k, v in values.items())
              + f"  P {fmt(ev['precision'])} R {fmt(ev['recall'])} F1 {fmt(ev['f1'])}")

    show("current", cur)
    show("best dev F1", best_f1[0])
    show(f"best dev recall with dev precision >= {args.min_precision}", best_rp[0])
    if not best_rp[1]["precision"] >= args.min_precision:
        print(f"  (no setting reaches dev precision {args.min_precision})")
    show(f"fewest changes within 0.01 of the best dev F1 ({changed(simplest[0])} changed)", simplest[0])

    # Per category, both splits: pairs whose same/different decision is right under each setting.
    settings = [("current", cur), ("bestF1", best_f1[0]), ("bestR@P", best_rp[0]), ("simple", simplest[0])]
    right: dict[str, list[int]] = {}
    for i, (_, values) in enumerate(settings):
        with patched(**values):
            for r in pairs:
                q = align.compare_tokens(comparison_tokens(r["a"]), comparison_tokens(r["b"])).kind
                row = right.setdefault(r["category"], [0] * (len(settings) + 1))
                if i == 0:
                    row[0] += 1
                row[i + 1] += same(r["gold"]) == same(q)
    print("\n== same/different right, by category (both splits) ==")
    print(f"{'category':<36}{'n':>4}" + "".join(f"{name:>9}" for name, _ in settings))
    for cat in sorted(right):
        row = right[cat]
        if len(set(row[1:])) > 1 or row[1] != row[0]:
            print(f"{cat:<36}{row[0]:>4}" + "".join(f"{x:>9}" for x in row[1:]))
    print("(categories where every setting gets every pair right are left out)")

    # One-at-a-time curves around the current setting, for reading the trade-offs.
    print("\n== one threshold at a time (others at current values): dev P / R / F1 ==")
    golds_d = [r["gold"] for r in split["dev"]]
    for k in TUNED:
        if k in SECONDARY and args.fixed_run:
            continue
        row = []
        for v in GRID[k]:
            with patched(**{k: v}):
                ev = evaluate(golds_d, predict(split["dev"], tokens["dev"]))
            row.append(f"{v}: {ev['precision']:.2f}/{ev['recall']:.2f}/{ev['f1']:.2f}")
        print(f"  {k}")
        for i in range(0, len(row), 4):
            print("    " + "   ".join(row[i : i + 4]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
