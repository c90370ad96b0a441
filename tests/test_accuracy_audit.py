"""The hand-audited coreference and named gold in the accuracy harness: export (benchmarks/audit_coref.py), loading and
scoring (benchmarks/accuracy.py --audited). Names and sentences are invented."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import accuracy  # noqa: E402
import audit_coref  # noqa: E402
from accuracy import Article, Attribution, GoldQuote, GoldSpeaker, Pred, Span  # noqa: E402

# (given name, surname) pairs of nobody in particular.
PEOPLE = [
    ("Odalys", "Brennecke"),
    ("Tomasz", "Vainikolo"),
    ("Ifeoma", "Quartey"),
    ("Radomir", "Achterberg"),
    ("Sunniva", "Okonkwo-Lind"),
    ("Juho", "Marchetti"),
    ("Wren", "Delacroix-Abara"),
    ("Hallvard", "Tuiasosopo"),
]


def pred(speaker: str | None, mention: str | None = None, article: str = "a1", start: int = 0, end: int = 10) -> Pred:
    return Pred(article, start, end, speaker, mention)


# --------------------------------------------------------------------------- the surname rule


@pytest.mark.parametrize("given,family", PEOPLE)
@pytest.mark.parametrize(
    "form",
    ["{g} {f}", "{f}", "Sen. {g} {f}", "{f}'s", "{g} {f} Jr.", "Dr. {f}"],
)
def test_names_right_accepts_the_same_surname(given, family, form):
    assert accuracy.names_right([f"{given} {family}"], pred(form.format(g=given, f=family)))


@pytest.mark.parametrize("i", range(len(PEOPLE)))
def test_names_right_refuses_another_person(i):
    (g1, f1), (g2, f2) = PEOPLE[i], PEOPLE[(i + 1) % len(PEOPLE)]
    assert not accuracy.names_right([f"{g1} {f1}"], pred(f"{g2} {f2}"))
    assert not accuracy.names_right([f"{g1} {f1}"], pred(None))
    # a first name alone is not the surname
    assert not accuracy.names_right([f"{g1} {f1}"], pred(g1))


@pytest.mark.parametrize("given,family", PEOPLE)
def test_names_right_falls_back_on_the_mention(given, family):
    assert accuracy.names_right([f"{given} {family}"], pred(None, f"Ms. {family}"))
    assert not accuracy.names_right([f"{given} {family}"], pred(None, "she"))


@pytest.mark.parametrize(
    "names,predicted,right",
    [
        (["Harrowgate Tidal Authority", "HTA"], "HTA", True),
        (["Harrowgate Tidal Authority", "HTA"], "the Harrowgate Tidal Authority", True),
        (["Harrowgate Tidal Authority"], "HTA", False),
        (["Veldmark Lantern Guild", "VLG"], "Veldmark Lantern Guild", True),
        (["Veldmark Lantern Guild", "VLG"], "Guildford", False),
    ],
)
def test_names_right_takes_aliases(names, predicted, right):
    assert accuracy.names_right(names, pred(predicted)) is right


@pytest.mark.parametrize("given,family", PEOPLE)
def test_speaker_right_keeps_its_rule_for_named_gold(given, family):
    g = GoldSpeaker("coref", f"{given} {family}", "she")
    assert accuracy.speaker_right(g, pred(family))
    assert not accuracy.speaker_right(g, pred(given))


# --------------------------------------------------------------------------- loading


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def case(article: str, start: int, end: int, speaker: str, **extra) -> dict:
    return {"article": article, "start": start, "end": end, "quote": "...", "source": "he", "speaker": speaker, **extra}


def test_load_audit_reads_files_and_directories(tmp_path):
    (tmp_path / "d").mkdir()
    write_jsonl(tmp_path / "d" / "one.jsonl", [case("a1", 5, 20, "Odalys Brennecke", harness_gold="Brennecke")])
    write_jsonl(tmp_path / "d" / "two.jsonl", [case("a2", 0, 9, "unclear")])
    write_jsonl(tmp_path / "three.jsonl", [case("a3", 1, 2, "Harrowgate Tidal Authority", aliases=["HTA"])])
    (tmp_path / "d" / "notes.txt").write_text("not read", encoding="utf-8")
    audit = accuracy.load_audit([str(tmp_path / "d"), str(tmp_path / "three.jsonl")])
    assert set(audit) == {("a1", 5, 20), ("a2", 0, 9), ("a3", 1, 2)}
    assert audit[("a1", 5, 20)].names == ["Odalys Brennecke"]
    assert audit[("a1", 5, 20)].harness_gold == "Brennecke"
    assert audit[("a2", 0, 9)].speaker is None and audit[("a2", 0, 9)].names == []
    assert audit[("a3", 1, 2)].names == ["Harrowgate Tidal Authority", "HTA"]


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"article": "a1", "start": 1}', "not an audited case"),
        ('{"article": "a1", "start": "x", "end": 4, "speaker": "Vainikolo"}', "not an audited case"),
        ("not json", "not an audited case"),
        ('{"article": "a1", "start": 1, "end": 4, "speaker": " "}', "empty speaker"),
    ],
)
def test_load_audit_names_the_file_and_line_of_a_bad_case(tmp_path, line, message):
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case("a0", 0, 1, "Quartey")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as err:
        accuracy.load_audit([str(path)])
    assert f"{path}:2" in str(err.value) and message in str(err.value)


def test_load_audit_refuses_a_missing_path_or_an_empty_directory(tmp_path):
    with pytest.raises(SystemExit, match="no such file"):
        accuracy.load_audit([str(tmp_path / "absent.jsonl")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match="no .jsonl file"):
        accuracy.load_audit([str(tmp_path / "empty")])


# --------------------------------------------------------------------------- scoring


def gold(article: str, start: int, end: int, name: str | None) -> GoldQuote:
    return GoldQuote(article, "nyt", start, end, GoldSpeaker("coref", name, "he"), True)


@pytest.mark.parametrize("k", range(len(PEOPLE)))
def test_score_audit_scores_both_ways(k):
    people = PEOPLE[k:] + PEOPLE[:k]
    (ga, fa), (gb, fb), (gc, fc), (gd, fd) = people[:4]
    golds = [
        gold("a1", 0, 40, f"{ga} {fa}"),  # harness right; system right
        gold("a1", 100, 140, f"{gb} {fb}"),  # harness wrong (really C); system says C
        gold("a1", 200, 240, f"{gd} {fd}"),  # harness wrong (really C); system says D, as the harness
        gold("a1", 300, 340, f"{ga} {fa}"),  # unclear: left out
        gold("a1", 400, 440, f"{gb} {fb}"),  # harness right; not matched by any prediction
        gold("a2", 0, 30, f"{gd} {fd}"),  # not audited
    ]
    preds = [
        pred(f"{ga} {fa}", start=0, end=40),
        pred(fc, start=100, end=140),
        pred(fd, start=200, end=240),
        pred(fa, start=300, end=340),
        pred(fd, article="a2", start=0, end=30),
    ]
    audit = {
        ("a1", 0, 40): accuracy.Audited(f"{ga} {fa}", harness_gold=f"{ga} {fa}"),
        ("a1", 100, 140): accuracy.Audited(f"{gc} {fc}", harness_gold=f"{gb} {fb}"),
        ("a1", 200, 240): accuracy.Audited(f"{gc} {fc}", harness_gold="someone else"),
        ("a1", 300, 340): accuracy.Audited(None),
        ("a1", 400, 440): accuracy.Audited(fb),
        ("a9", 0, 5): accuracy.Audited(fa),  # not a gold quote of this run
    }
    pairs = accuracy.match(golds, preds)
    s = accuracy.score_audit(golds, preds, pairs, audit)
    assert (s.listed, s.found, s.unclear, s.clear) == (6, 5, 1, 4)
    assert s.harness_agrees == 2  # the first and the unmatched one
    assert s.matched == 3
    assert s.right_harness == 2  # first and third (D, as the harness says)
    assert s.right_audit == 2  # first and second
    assert (s.harness_wrong_matched, s.right_audit_where_harness_wrong) == (2, 1)
    assert s.harness_changed == 1
    report = accuracy.audit_report("sys", s, "cases.jsonl")
    assert "6 cases listed, 5 found" in report and "1 unclear" in report
    assert "2 of 4 (50.0 %)" in report  # harness agreement
    assert "against the harness gold 2 of 3 (66.7 %); against the audit 2 of 3 (66.7 %)" in report
    assert "1 audited cases are not gold quotes" in report
    assert "differs from the audited one on 1 cases" in report


@pytest.mark.parametrize("k", range(len(PEOPLE)))
def test_score_audit_nobody_is_right_only_without_a_speaker(k):
    """A quotation the audit reads as nobody's words (a title, a term in scare quotes): the harness's named
    gold is wrong there, a prediction without a speaker right and one with a speaker wrong."""
    (ga, fa), (gb, fb) = PEOPLE[k], PEOPLE[(k + 1) % len(PEOPLE)]
    golds = [
        GoldQuote("a1", "nyt", 0, 40, GoldSpeaker("named", f"{ga} {fa}", f"{ga} {fa}"), True),
        GoldQuote("a1", "nyt", 100, 140, GoldSpeaker("named", f"{gb} {fb}", f"{gb} {fb}"), True),
        GoldQuote("a1", "nyt", 200, 240, GoldSpeaker("coref", f"{gb} {fb}", "he"), True),
    ]
    preds = [pred(None, start=0, end=40), pred(fb, start=100, end=140), pred(fb, start=200, end=240)]
    audit = {
        ("a1", 0, 40): accuracy.Audited(None, nobody=True),
        ("a1", 100, 140): accuracy.Audited(None, nobody=True),
        ("a1", 200, 240): accuracy.Audited(f"{gb} {fb}"),
    }
    pairs = accuracy.match(golds, preds)
    named = accuracy.score_audit(golds, preds, pairs, audit, "named")
    assert (named.found, named.clear, named.nobody, named.unclear) == (2, 2, 2, 0)
    assert named.harness_agrees == 0 and named.right_audit == 1 and named.right_harness == 1
    coref = accuracy.score_audit(golds, preds, pairs, audit, "coref")
    assert (coref.found, coref.clear, coref.right_audit) == (1, 1, 1)
    assert "2 of them nobody's words" in accuracy.audit_report("sys", named, "f.jsonl", "named")


@pytest.mark.parametrize("word", ["nobody", "Nobody", "unclear"])
def test_load_audit_reads_nobody_and_unclear(tmp_path, word):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"article": "a1", "start": 0, "end": 9, "speaker": word}) + "\n", encoding="utf-8")
    a = accuracy.load_audit([str(path)])[("a1", 0, 9)]
    assert a.speaker is None and a.nobody == (word.lower() == "nobody")


def test_score_audit_without_a_harness_name_counts_it_wrong():
    golds = [gold("a1", 0, 40, None)]
    s = accuracy.score_audit(golds, [], {}, {("a1", 0, 40): accuracy.Audited("Juho Marchetti")})
    assert (s.clear, s.harness_agrees, s.matched) == (1, 0, 0)


# --------------------------------------------------------------------------- export

SAY = "{g} {f} spoke first.\n\n“The river rose by night,” said {g} {f}.\n\n“We moved the boats at dawn,” she added."


def article_for(given: str, family: str) -> Article:
    text = SAY.format(g=given, f=family)
    q1 = text.index("The river")
    q1e = text.index(",”", q1)
    name_at = text.index(f"said {given}") + len("said ")
    q2 = text.index("We moved")
    q2e = text.index(",”", q2)
    she = text.index("she added")
    attrs = [
        Attribution(Span("Source", [(name_at, name_at + len(given) + 1 + len(family))]), None, [Span("Content", [(q1, q1e)])]),
        Attribution(Span("Source", [(she, she + 3)]), None, [Span("Content", [(q2, q2e)])]),
    ]
    return Article(f"art-{family}", "nyt", text, attrs, None)


@pytest.mark.parametrize("given,family", PEOPLE)
def test_export_lists_coref_cases_with_marked_context(given, family):
    art = article_for(given, family)
    cases = audit_coref.coref_cases([art])
    assert len(cases) == 1  # the named quote is not a coreference case
    c = cases[0]
    assert c["article"] == art.id and art.text[c["start"] : c["end"]] == c["quote"] == "We moved the boats at dawn,"
    assert c["source"] == "she" and c["harness_gold"] == f"{given} {family}"
    assert "[[We moved the boats at dawn,]]" in c["context"] and "<<she>>" in c["context"]
    assert "\n\n" in c["context"]  # paragraph breaks kept


@pytest.mark.parametrize("given,family", PEOPLE)
def test_export_named_cases_without_the_source_marked(given, family):
    """``--kind named --no-source``: the named quote, its Source span not marked (it is the name itself)."""
    art = article_for(given, family)
    cases = audit_coref.coref_cases([art], "named", mark_source=False)
    assert len(cases) == 1
    c = cases[0]
    assert c["quote"] == "The river rose by night," and c["harness_gold"] == f"{given} {family}"
    assert "[[The river rose by night,]]" in c["context"] and "<<" not in c["context"]
    assert c["context_start"] == 0
    assert set(c) == {"article", "start", "end", "quote", "source", "harness_gold", "context", "context_start"}


def test_marked_context_is_bounded_around_the_quote():
    text = "x" * 5000 + "“Quiet harbour,” she said." + "y" * 5000
    start = text.index("Quiet")
    g = GoldQuote("a", "nyt", start, start + len("Quiet harbour,"), GoldSpeaker("coref", "Wren Delacroix-Abara", "she"), True)
    she = text.index("she said")
    ctx, lo = audit_coref.marked_context(text, g, [(she, she + 3), (10, 12)])  # the second is outside the window
    assert lo == start - audit_coref.BEFORE
    assert ctx.count("[[") == 1 and ctx.count("<<") == 1
    assert len(ctx) == audit_coref.BEFORE + len("Quiet harbour,") + audit_coref.AFTER + 8


@pytest.mark.parametrize("seed", [1, 7, 11])
def test_sample_is_fixed_by_its_seed_and_keeps_order(seed):
    cases = [{"n": i} for i in range(300)]
    a = audit_coref.sample(cases, 40, seed)
    assert a == audit_coref.sample(cases, 40, seed)
    assert len(a) == 40 and [c["n"] for c in a] == sorted(c["n"] for c in a)
    assert audit_coref.sample(cases, None, seed) == cases
    assert audit_coref.sample(cases, 500, seed) == cases
