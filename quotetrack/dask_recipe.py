"""quotetrack on Dask: the same statements as ``quotetrack scan``, past one machine.

Needs the ``dask`` extra (``pip install 'quotetrack[dask]'``); nothing else in
quotetrack imports this module. The steps, each a Dask operation over a
``dask.bag``:

1. **extract**: the inputs (files, or JSON Lines files whose every record is
   an article) in partitions; each partition reads its inputs one at a time
   and finds their quotes (``pipeline.quotes_of``, the pure per-article function);
   article text is dropped there;
2. **number**: articles get the ids ``scan`` gives them (``a1``, ``a2``... in
   input order) from each input's article count, a small list;
3. **speakers**: each speaker name's quote count, a small table, gives the
   canonical name of each (``identity.canonical_names``, as ``scan`` merges
   names);
4. **block**: each quote that can join a statement gets its blocking keys:
   its word trigrams, and its content stems with its speaker. Quotes sharing
   a key are linked, and a quote's **block** is its connected component.
   The links are every pair ``statements.group`` could compare, so a block
   holds every quote its quotes could join: the key is *conservative*: exact,
   but a phrase many quotes share (a set phrase) links their blocks into one
   large block. The keys are hashed to 64-bit integers and the components
   found on the client, which holds two integers per key and quote;
5. **shuffle and group**: quotes are shuffled by block and each block is
   grouped by ``statements.group`` as it is, with the run's census of
   speaker names (whether a surname alone names one person);
6. **write**: statements are numbered as ``scan`` numbers them (by their
   first quote) and written, with the quotes, as JSON Lines or Parquet.

Usage::

    from quotetrack.dask_recipe import scan_bag, write
    statements, quotes = scan_bag(["corpus/"], npartitions=64)
    write(statements, quotes, "out/", format="parquet")   # or "jsonl"

``scan_bag`` returns two bags of the JSON document's dicts (README,
"JSON output"). Pass ``scheduler="processes"`` (or a ``distributed``
client's) to ``dask.compute``/``write`` as for any bag.
"""

from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import replace
from typing import Any, Iterable, Optional, Sequence, Union

import dask
import dask.bag as db

from .align import content_stems
from .identity import canonical_names
from .ingest import DEFAULT_MAX_BYTES, prepare, read_input
from .models import TERM, Article, Quote, Statement
from .pipeline import quotes_of
from .printable import printable_path
from .render import article_dict, quote_dict, statement_dict
from .statements import group, groupable
from .textindex import trigrams
from .textnorm import comparison_tokens
from .unionfind import UnionFind

# Article fields that grouping reads, carried with each quote to its block.
_LAYOUT = ("path", "outlet", "body_start", "body_end", "furniture")


def _extract(part: Iterable[tuple[int, str]], loader) -> list[dict[str, Any]]:
    """Each input's articles (text dropped) and quotes, ids counted within the input."""
    loader = copy.copy(loader)  # read_input swaps the reader's lists: one reader a partition (threads share objects)
    out = []
    for n, path in part:
        articles, skipped = read_input(loader, path)
        found = [(replace(a, text=""), quotes_of(a)) for a in articles]
        out.append({"input": n, "found": found, "skipped": skipped})
    return out


def _renumber(rec: dict[str, Any], first: dict[int, int]) -> dict[str, Any]:
    base = first[rec["input"]]
    found = []
    for k, (a, qs) in enumerate(rec["found"]):
        aid = f"a{base + k + 1}"
        found.append((replace(a, id=aid), [replace(q, id=f"{aid}:{q.id.rsplit(':', 1)[-1]}", article_id=aid) for q in qs]))
    return {**rec, "found": found}


def _quote_rows(rec: dict[str, Any], canon: dict[str, str]) -> list[dict[str, Any]]:
    """One row a quote: the quote (speaker canonical), its place in scan's order, its article's layout."""
    rows = []
    for a, qs in rec["found"]:
        layout = {f: getattr(a, f) for f in _LAYOUT}
        number = int(a.id[1:])
        for i, q in enumerate(qs):
            if q.speaker:
                q = replace(q, speaker=canon.get(q.speaker, q.speaker))
            rows.append({"order": (number, i), "quote": q, "article": layout, "eligible": groupable(q, a)})
    return rows


def _hash(*parts: Any) -> int:
    return int.from_bytes(hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def _keys(row: dict[str, Any]) -> tuple[tuple[int, int], list[int]]:
    """A quote's blocking keys: every key ``statements.group`` could find it by."""
    q: Quote = row["quote"]
    tokens = comparison_tokens(q.words)
    keys = [_hash("w", g) for g in trigrams(tokens)]
    if q.speaker is not None:
        keys.extend(_hash("s", q.speaker, st) for st in content_stems(tokens))
    # The same wording by the same speaker is one statement whatever else it shares.
    keys.append(_hash("same", tokens, q.speaker, q.direct))
    return row["order"], keys


def _blocks(keyed: Sequence[tuple[tuple[int, int], list[int]]]) -> dict[tuple[int, int], int]:
    """Each quote's block: the number of its connected component, the components numbered
    in the order of their first quote."""
    keyed = sorted(keyed, key=lambda row: row[0])
    # Quotes are the numbers 0..n-1 in order, keys the numbers after them.
    key_number: dict[int, int] = {}
    for _, keys in keyed:
        for k in keys:
            key_number.setdefault(k, len(keyed) + len(key_number))
    sets = UnionFind(len(keyed) + len(key_number))
    for i, (_, keys) in enumerate(keyed):
        for k in keys:
            sets.union(i, key_number[k])
    roots: dict[int, int] = {}
    return {order: roots.setdefault(sets.find(i), len(roots)) for i, (order, _) in enumerate(keyed)}


def _group_block(rows: Iterable[dict[str, Any]], census_names: Sequence[str]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """``statements.group`` over one block, its quotes in scan's order. Census-only quotes
    (terms, which join nothing) carry every speaker name of the run, so that a surname
    alone is judged against the whole run as in scan."""
    rows = sorted(rows, key=lambda r: r["order"])
    articles = {}
    for r in rows:
        aid = r["quote"].article_id
        if aid not in articles:
            articles[aid] = Article(id=aid, text="", outlet_rule="", **r["article"])
    census_article = Article(id="census", path="", text="", outlet="", outlet_rule="")
    census = [
        Quote(id=f"census:{i}", article_id="census", text="", start=0, end=0, line=1, column=1, kind=TERM, speaker=name)
        for i, name in enumerate(census_names)
    ]
    statements, _ = group([r["quote"] for r in rows] + census, [*articles.values(), census_article])
    order = {r["quote"].id: r["order"] for r in rows}
    return [(order[s.members[0].quote_id], _statement_parts(s)) for s in statements]


def _statement_parts(s: Statement) -> dict[str, Any]:
    return {"speaker": s.speaker, "text": s.text, "canonical_quote": s.canonical_quote, "members": s.members}


def scan_bag(
    paths: Iterable[Union[str, os.PathLike]],
    *,
    npartitions: int = 8,
    max_bytes: int = DEFAULT_MAX_BYTES,
    outlets: Optional[Union[str, os.PathLike]] = None,
    scheduler: Optional[str] = None,
) -> tuple[db.Bag, db.Bag]:
    """(statements, quotes): bags of the dicts ``quotetrack scan --format json`` lists under
    ``statements`` and ``quotes`` (``first`` left out of statements: it needs every
    article's date), in scan's order. ``scheduler``: for the small steps computed here."""
    files, loader = prepare([str(p) for p in paths], max_bytes, outlets=os.fspath(outlets) if outlets is not None else None)
    inputs = db.from_sequence(list(enumerate(files)), npartitions=max(1, min(npartitions, len(files) or 1)))
    extracted = inputs.map_partitions(_extract, loader).persist(scheduler=scheduler)
    counts = dict(extracted.map(lambda r: (r["input"], len(r["found"]))).compute(scheduler=scheduler))
    first, total = {}, 0
    for n in sorted(counts):
        first[n], total = total, total + counts[n]
    numbered = extracted.map(_renumber, first)
    names = numbered.map(lambda r: [q.speaker for _, qs in r["found"] for q in qs if q.speaker]).flatten().frequencies()
    counts_by_name = dict(names.compute(scheduler=scheduler))
    canon = {n: n for n in counts_by_name}
    canon.update(canonical_names(counts_by_name))
    rows = numbered.map(_quote_rows, canon).flatten().persist(scheduler=scheduler)
    census_names = sorted({canon.get(n, n) for n in canon})
    keyed = rows.filter(lambda r: r["eligible"]).map(_keys).compute(scheduler=scheduler)
    block = _blocks(keyed)
    grouped = (
        rows.filter(lambda r: r["eligible"])
        .map(lambda r: {**r, "block": block[r["order"]]})
        .groupby(lambda r: r["block"], npartitions=inputs.npartitions)
        .map(lambda kv: _group_block(kv[1], census_names))
        .flatten()
    )
    found = sorted(grouped.compute(scheduler=scheduler), key=lambda t: t[0])
    assigned: dict[str, str] = {}
    statements = []
    for i, (_, s) in enumerate(found, 1):
        sid = f"s{i}"
        st = Statement(sid, s["speaker"], s["text"], s["canonical_quote"], tuple(s["members"]))
        for m in st.members:
            assigned[m.quote_id] = sid
        d = statement_dict(st, {})
        del d["first"]
        statements.append(d)
    quotes = rows.map(
        lambda r: quote_dict(replace(r["quote"], statement=assigned.get(r["quote"].id)), printable_path(r["article"]["path"]), r["article"]["outlet"])
    )
    return db.from_sequence(statements, npartitions=inputs.npartitions), quotes


def articles_bag(paths: Iterable[Union[str, os.PathLike]], *, npartitions: int = 8) -> db.Bag:
    """The articles' dicts (as under ``articles`` in JSON), for a table of their own."""
    files, loader = prepare([str(p) for p in paths])
    inputs = db.from_sequence(list(enumerate(files)), npartitions=max(1, min(npartitions, len(files) or 1)))
    return inputs.map_partitions(_extract, loader).map(lambda r: [article_dict(a) for a, _ in r["found"]]).flatten()


# --------------------------------------------------------------------------- writing


def write(
    statements: db.Bag, quotes: db.Bag, outdir: Union[str, os.PathLike], format: str = "jsonl", scheduler: Optional[str] = None
) -> list[str]:
    """Write ``statements/`` and ``quotes/`` under ``outdir``, one file a partition
    (``part-00000.jsonl``, or ``.parquet`` with pyarrow). Returns the files written."""
    if format not in ("jsonl", "parquet"):
        raise ValueError(f"format must be jsonl or parquet, not {format!r}")
    tasks = []
    for name, bag in (("statements", statements), ("quotes", quotes)):
        folder = os.path.join(os.fspath(outdir), name)
        os.makedirs(folder, exist_ok=True)
        writer = _write_jsonl if format == "jsonl" else _write_parquet
        for i, part in enumerate(bag.to_delayed()):
            tasks.append(dask.delayed(writer)(part, os.path.join(folder, f"part-{i:05d}.{format}"), name))
    return [p for p in dask.compute(*tasks, scheduler=scheduler) if p]


def _write_jsonl(rows: list[dict[str, Any]], path: str, name: str) -> str:
    import json

    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False))
            fh.write("\n")
    return path


def _parquet_schema(name: str):
    import pyarrow as pa

    if name == "statements":
        member = pa.struct([("quote", pa.string()), ("outlet", pa.string()), ("match", pa.string()), ("score", pa.float64())])
        return pa.schema([
            ("id", pa.string()), ("speaker", pa.string()), ("text", pa.string()), ("canonical_quote", pa.string()),
            ("outlets", pa.list_(pa.string())), ("members", pa.list_(member)),
        ])
    ints = ("start", "end", "line", "column")
    bools = ("direct", "closed")
    fields = ["id", "article", "path", "outlet", "text", "words", "start", "end", "line", "column", "kind", "direct",
              "closed", "speaker", "speaker_mention", "cue", "statement"]
    return pa.schema([(f, pa.int64() if f in ints else pa.bool_() if f in bools else pa.string()) for f in fields])


def _write_parquet(rows: list[dict[str, Any]], path: str, name: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema(name)
    # Paths may hold lone surrogates (file names that are not UTF-8): Arrow's strings cannot.
    clean = [{k: _utf8(v) for k, v in r.items() if k in schema.names} for r in rows]
    pq.write_table(pa.Table.from_pylist(clean, schema=schema), path)
    return path


def _utf8(v: Any) -> Any:
    if isinstance(v, str):
        return v.encode("utf-8", "replace").decode("utf-8")
    return v
