"""Learn the speaker ranker's weights from PolNeAR's train split.

    make train POLNEAR=/path/to/PolNeAR
    python benchmarks/train_speaker.py --polnear PATH [--folds 5] [--seed 0] [--out FILE] [--no-write]

For every direct quote quotetrack finds in a train article, the attribution
stage lists its candidate speakers with their features
(``quotetrack.attribution.candidates``). A quote that matches a gold quote
(the rules of ``benchmarks/accuracy.py``: gold quotes, gold speakers,
matching, and when a speaker is right) labels each candidate right or
wrong. A pairwise logistic regression (scikit-learn, fixed seed: the right
candidate against each wrong one) learns a linear score; a softmax over a
quote's candidates turns scores into the probability of the best one;
the probability threshold under which a quote gets no speaker is the one
that maximises, on out-of-fold predictions, right answers minus wrong ones
counted twice (a wrong speaker costs an editor more than a missing one).

Figures printed: 5-fold cross-validation over train with folds split by
publisher (no publisher is in both a fold's training and its test articles),
then the rules alone on the same quotes for comparison. Only ``train`` is
read: dev is measured by ``make accuracy``, test never.

The weights are written to ``quotetrack/data/speaker_ranker.json`` with the
corpus licence noted beside them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import accuracy as acc  # noqa: E402

from quotetrack.attribution.candidates import TERM_CUE_RULES  # noqa: E402
from quotetrack.attribution.choice import ArticleAttributor  # noqa: E402
from quotetrack.attribution.ranker import Ranker  # noqa: E402
from quotetrack.ingest import build_article  # noqa: E402
from quotetrack.quotes import find_quotes  # noqa: E402
from quotetrack.styles import reading_view  # noqa: E402

OUT = ROOT / "quotetrack" / "data" / "speaker_ranker.json"
CACHE = ROOT / ".cache"
LICENCE = (
    "Learned from the PolNeAR corpus (github.com/networkdynamics/PolNeAR, train split; "
    "Newell, Margolin and Ruths, LREC 2018), whose annotations are released for research use. "
    "Only these weights derive from it; no text of the corpus is included."
)


def gold_for(split: str, polnear: Path) -> tuple[list, dict[str, list]]:
    """The split's articles and gold quotes (cached: deriving them reads the CoreNLP XML)."""
    articles = acc.load_split(polnear, split)
    key = hashlib.sha1("".join(a.id for a in articles).encode()).hexdigest()[:12]
    path = CACHE / f"polnear-gold-{split}-{key}.pickle"
    if path.is_file():
        with path.open("rb") as fh:
            return articles, pickle.load(fh)
    t0 = time.perf_counter()
    gold = {a.id: acc.gold_quotes(a) for a in articles}
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(gold, fh)
    print(f"gold derived in {time.perf_counter() - t0:.1f} s (cached in {path.relative_to(ROOT)})", file=sys.stderr)
    return articles, gold


def examples(article, golds: list, ranker=None) -> tuple[list[dict], dict]:
    """One record per gold quote: its kind, and for a found quote the labelled candidates."""
    art = build_article(article.id, f"{article.id}.txt", article.text)
    view = reading_view(art.text)  # as quotetrack.api.quotes_of reads it
    found = [q for q in find_quotes(art.text, art.id, view=view) if art.in_body(q.start, q.end)]
    att = ArticleAttributor(art if view is art.text else replace(art, text=view), found)
    trace: list = []
    att.run(found, att.reported(), ranker=ranker, trace=trace)
    traced = {q.start: (cands, rule, settled) for q, cands, rule, settled in trace if q.kind != "term"}
    traced_terms = {q.start: cands for q, cands, _, _ in trace if q.kind == "term"}
    term_cue = {q.start: has_cue for q, _, _, has_cue in trace if q.kind == "term"}
    preds = [acc.Pred(article.id, q.start, q.end, None, None, q.kind) for q in found if q.direct]
    pairs = acc.match(golds, preds)
    records = []
    for gi, g in enumerate(golds):
        rec = {"kind": g.speaker.kind, "found": gi in pairs, "cands": None, "rule_right": False, "term": None, "term_cue": False}
        if gi in pairs:
            p = preds[pairs[gi]]
            if p.start in traced_terms:
                rec["term_cue"] = term_cue[p.start]
                rec["term"] = [
                    (c.features, acc.speaker_right(g.speaker, acc.Pred(p.article, p.start, p.end, c.speaker, c.mention_text)), c.speaker)
                    for c in traced_terms[p.start]
                ]
            if p.start in traced:
                cands, rule, settled = traced[p.start]
                rec["settled"] = settled
                labelled = []
                # "Ann Roe's spokesman said": the harness counts "Roe" as right (the name in
                # the Source span), but the speaker is the spokesman: learn the description.
                owner = g.speaker.name and re.search(
                    re.escape(acc.surname(g.speaker.name) or "\0") + r"[’']s?\b", g.speaker.source_text or "", re.I
                )
                for c in cands:
                    ok = acc.speaker_right(g.speaker, acc.Pred(p.article, p.start, p.end, c.speaker, c.mention_text))
                    if ok and owner and "not_person" not in c.features and any("not_person" in d.features for d in cands):
                        ok = False
                    labelled.append((c.features, ok, c.speaker))
                rec["cands"] = labelled
                rec["where"] = (article.id, p.start, p.end, g.speaker.name)
                rec["rule_right"] = acc.speaker_right(
                    g.speaker, acc.Pred(p.article, p.start, p.end, rule.speaker if rule else None, None)
                )
            else:
                # A term or a quote outside the traced ones: no speaker.
                rec["rule_right"] = g.speaker.kind == "none"
        records.append(rec)
    # Terms that match no gold quote: giving them a speaker would be wrong.
    matched = {preds[i].start for i in pairs.values()}
    for start, cands in traced_terms.items():
        if start not in matched:
            records.append({"kind": "spurious", "found": False, "cands": None, "rule_right": False,
                            "term": [(c.features, False, c.speaker) for c in cands], "term_cue": term_cue[start]})
    return records, {"publisher": article.publisher}


def fit(rows: list[list[tuple[dict, bool, str]]], seed: int, c: float = 1.0) -> dict[str, float]:
    """Pairwise logistic regression: for each quote, the right candidate against each
    wrong one (and the reverse), so the learned linear score ranks the right one first."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=False)
    vec.fit([f for cands in rows for f, _, _ in cands])
    diffs = []
    for cands in rows:
        right = [f for f, ok, _ in cands if ok]
        wrong = [f for f, ok, _ in cands if not ok]
        if not right or not wrong:
            continue
        pos = vec.transform(right[:1])[0]
        for neg in vec.transform(wrong):
            diffs.append(pos - neg)
    d = np.array(diffs)
    X = np.vstack([d, -d])
    y = np.r_[np.ones(len(d)), np.zeros(len(d))]
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000, random_state=seed)
    model.fit(X, y)
    return {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}


def choose_threshold(scored: list[tuple[float, bool]], wrong_cost: float, never: bool = False) -> float:
    """The threshold maximising right - wrong_cost * wrong over (best probability, best is right) pairs;
    with ``never``, 2.0 (no answer at all) when no threshold up to 0.99 gains."""
    best_t, best_v = (2.0, 0.0) if never else (0.0, None)
    for t in [i / 100 for i in range(0, 100 if never else 96)]:
        v = sum((1 if ok else -wrong_cost) for p, ok in scored if p >= t)
        if best_v is None or v > best_v:
            best_t, best_v = t, v
    return best_t


def promotable(features: dict, has_cue: bool) -> bool:
    """Whether a term's best candidate may make it a partial quote (as ArticleAttributor._term):
    one a cue proposed, or for a term with no cue the subject of its sentence."""
    return any(f"r_{r}" in features for r in TERM_CUE_RULES) if has_cue else "r_context" in features


def evaluate(records: list[dict], ranker: Ranker) -> dict:
    """Harness figures for records scored with ``ranker``: speaker accuracy by gold kind
    over found quotes, end-to-end over gold quotes with a named or resolved speaker."""
    n, right = Counter(), Counter()
    for r in records:
        if not r["found"]:
            continue
        kind = r["kind"]
        n[kind] += 1
        if r["term"] is not None:
            i, p = ranker.best([f for f, _, _ in r["term"]])
            threshold = ranker.term_threshold if r["term_cue"] else ranker.term_context_threshold
            promoted = i >= 0 and p >= threshold and promotable(r["term"][i][0], r["term_cue"])
            ok = r["term"][i][1] if promoted else r["rule_right"]
        elif r["cands"] is None or r.get("settled"):
            ok = r["rule_right"]  # no candidates, or the rules' answer stands (ArticleAttributor.settled)
        else:
            i, p = ranker.best([f for f, _, _ in r["cands"]])
            answered = i >= 0 and p >= ranker.threshold
            ok = (answered and r["cands"][i][1]) or (kind == "none" and not answered)
        right[kind] += ok
    resolvable = sum(1 for r in records if r["kind"] in ("named", "coref"))
    return {
        "named": right["named"] / max(1, n["named"]),
        "coref": right["coref"] / max(1, n["coref"]),
        "e2e_resolvable": (right["named"] + right["coref"]) / max(1, resolvable),
        "n_named": n["named"],
        "n_coref": n["coref"],
    }


def evaluate_rules(records: list[dict]) -> dict:
    n, right = Counter(), Counter()
    for r in records:
        if r["found"]:
            n[r["kind"]] += 1
            right[r["kind"]] += r["rule_right"]
    resolvable = sum(1 for r in records if r["kind"] in ("named", "coref"))
    return {
        "named": right["named"] / max(1, n["named"]),
        "coref": right["coref"] / max(1, n["coref"]),
        "e2e_resolvable": (right["named"] + right["coref"]) / max(1, resolvable),
    }


def publisher_folds(pubs: list[str], k: int, seed: int) -> list[set[str]]:
    """Publishers dealt into k folds (seeded shuffle), so no publisher spans two folds."""
    order = sorted(set(pubs))
    random.Random(seed).shuffle(order)
    folds: list[set[str]] = [set() for _ in range(k)]
    for i, p in enumerate(order):
        folds[i % k].add(p)
    return [f for f in folds if f]


def row(label: str, m: dict) -> str:
    return f"{label:<34} named {100 * m['named']:5.1f}   coref {100 * m['coref']:5.1f}   end-to-end (resolvable) {100 * m['e2e_resolvable']:5.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=1, help="training rounds; later rounds see the model's own earlier choices")
    ap.add_argument("--wrong-cost", type=float, default=0.0, help="cost of a wrong speaker against a missing one (threshold choice)")
    ap.add_argument("--term-wrong-cost", type=float, default=2.0, help="cost of giving a term a wrong speaker (its threshold)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    articles, gold = gold_for("train", args.polnear)
    pub_of = {a.id: a.publisher for a in articles}
    ranker = None
    for rnd in range(args.rounds):
        t0 = time.perf_counter()
        per_article = {a.id: examples(a, gold[a.id], ranker)[0] for a in articles}
        print(f"round {rnd + 1}: candidates for {len(articles)} train articles in {time.perf_counter() - t0:.1f} s")
        all_records = [r for recs in per_article.values() for r in recs]
        rows = [r["cands"] for r in all_records if r["cands"] and r["kind"] != "none"]
        # Cross-validation, folds by publisher.
        folds = publisher_folds(list(pub_of.values()), args.folds, args.seed)
        oof: list[tuple[float, bool]] = []
        term_oof: list[tuple[float, bool]] = []
        context_oof: list[tuple[float, bool]] = []
        fold_records: list[tuple[list[dict], dict]] = []
        for held in folds:
            train_rows = [r["cands"] for aid, recs in per_article.items() if pub_of[aid] not in held for r in recs if r["cands"] and r["kind"] != "none"]
            test_records = [r for aid, recs in per_article.items() if pub_of[aid] in held for r in recs]
            weights = fit(train_rows, args.seed)
            fold_records.append((test_records, weights))
            probe = Ranker(weights, 0.0)
            for r in test_records:
                if r["cands"] and r["found"]:
                    i, p = probe.best([f for f, _, _ in r["cands"]])
                    oof.append((p, r["cands"][i][1]))
                if r["term"]:
                    i, p = probe.best([f for f, _, _ in r["term"]])
                    if promotable(r["term"][i][0], r["term_cue"]):
                        (term_oof if r["term_cue"] else context_oof).append((p, r["term"][i][1]))
        threshold = choose_threshold(oof, args.wrong_cost)
        term_threshold = choose_threshold(term_oof, args.term_wrong_cost, never=True)
        context_threshold = choose_threshold(context_oof, args.term_wrong_cost, never=True)
        print(f"  terms with a cue: {len(term_oof)}; promoted to partial quotes at probability >= {term_threshold:.2f}: "
              f"{sum(p >= term_threshold for p, _ in term_oof)}, of which right {sum(ok for p, ok in term_oof if p >= term_threshold)}")
        print(f"  terms owned by their sentence's subject, no cue: {len(context_oof)}; promoted at probability >= {context_threshold:.2f}: "
              f"{sum(p >= context_threshold for p, _ in context_oof)}, of which right {sum(ok for p, ok in context_oof if p >= context_threshold)}")
        print("  out-of-fold, by threshold: " + "  ".join(
            f"{th:.1f}: {sum(p >= th for p, _ in oof) / len(oof):.2f} answered, {sum(ok for p, ok in oof if p >= th) / max(1, sum(p >= th for p, _ in oof)):.3f} right"
            for th in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)))
        cv = Counter()
        cv_n = Counter()
        for test_records, weights in fold_records:
            m = evaluate(test_records, Ranker(weights, threshold, term_threshold, context_threshold))
            for k in ("named", "coref"):
                cv[k] += m[k] * m[f"n_{k}"]
                cv_n[k] += m[f"n_{k}"]
            cv["e2e"] += m["e2e_resolvable"] * sum(1 for r in test_records if r["kind"] in ("named", "coref"))
            cv_n["e2e"] += sum(1 for r in test_records if r["kind"] in ("named", "coref"))
        print(f"  {len(folds)}-fold cross-validation over train, folds by publisher: " + ", ".join(" + ".join(sorted(f)) for f in folds))
        print("  " + row("ranker (out of fold)", {"named": cv["named"] / cv_n["named"], "coref": cv["coref"] / cv_n["coref"], "e2e_resolvable": cv["e2e"] / cv_n["e2e"]}))
        print("  " + row("rules alone (same quotes)", evaluate_rules(all_records)))
        print(f"  threshold {threshold:.2f} (maximises right - wrong_cost x wrong out of fold)")
        weights = fit(rows, args.seed)
        ranker = Ranker(weights, threshold, term_threshold, context_threshold)
        print("  " + row("ranker on train (fitted)", evaluate(all_records, ranker)))
    assert ranker is not None
    if not args.no_write:
        payload = {
            "model": "logistic regression over candidate features (quotetrack.attribution.candidates)",
            "trained_on": "PolNeAR train split",
            "licence": LICENCE,
            "seed": args.seed,
            "rounds": args.rounds,
            "threshold": round(ranker.threshold, 4),
            "term_threshold": round(ranker.term_threshold, 4),
            "term_context_threshold": round(ranker.term_context_threshold, 4),
            "weights": {k: round(v, 5) for k, v in sorted(ranker.weights.items())},
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(payload, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"weights written to {args.out} ({len(ranker.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
