"""Grouping rules (quotetrack.statements), the shared union-find and blocking index, and the
paraphrase judge's plumbing. Names and sentences are invented for these tests."""

from __future__ import annotations

import math
import random
import zlib
from collections import Counter
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack import statements
from quotetrack.align import (
    ALTERED_MAX_SPREAD,
    ALTERED_MIN_COVERAGE,
    ALTERED_MIN_RUN,
    FEATURES,
    LETTER_BUCKETS,
    Judge,
    Wording,
    WordWeights,
    altered_shape,
    compare,
    judge,
    judge_from,
    learn_word_weights,
    matching_blocks,
    pair_features,
    parse_word_weights,
    word_weights_text,
)
from quotetrack.blocking import LIMIT, BlockingIndex
from quotetrack.models import FULL, Article, Quote
from quotetrack.unionfind import UnionFind

PEOPLE = [("Port Commissioner", "Ilse Marwick"), ("Deputy Mayor", "Tobias Renfrew"), ("Chief Engineer", "Amara Quist"),
          ("Senator", "Jonah Pellerin"), ("Harbour Master", "Odile Fenwick")]
SENTENCES = [
    "The new pumping station will keep the lower town dry through the spring tides",
    "Our drivers have waited four years for a contract that respects their working hours",
    "We cannot ask families to pay twice for a flood barrier that the state promised them",
    "The ferry timetable will return to its summer schedule once the repairs are finished",
]


def _article(i: int, outlet: str) -> Article:
    return Article(f"a{i}", f"news/{i}.txt", "", outlet, "metadata", body_start=0, body_end=10**6)


def _quote(i: int, text: str, speaker: str | None, direct: bool = True) -> Quote:
    return Quote(f"a{i}:q1", f"a{i}", text, 10 * i, 10 * i + len(text), 1, 1, FULL, direct=direct, speaker=speaker)


def _group(items: list[tuple[str, str | None, bool]]):
    quotes = [_quote(i, text, who, direct) for i, (text, who, direct) in enumerate(items)]
    articles = [_article(i, f"Outlet {i}") for i in range(len(items))]
    sts, out = statements.group(quotes, articles)
    return sts, out


# --------------------------------------------------------------------------- union-find and blocking


def test_union_find_roots_are_the_smallest_member_whatever_the_order():
    rng = random.Random(3)
    pairs = [(rng.randrange(50), rng.randrange(50)) for _ in range(40)]
    a, b = UnionFind(50), UnionFind(50)
    for x, y in pairs:
        a.union(x, y)
    for x, y in reversed(pairs):
        b.union(y, x)
    for i in range(50):
        assert a.find(i) == b.find(i) == min(j for j in range(50) if a.same(i, j))


def test_blocking_drops_common_keys_and_bounds_candidates():
    idx = BlockingIndex(max_posting=5)
    for item in range(20):
        idx.add(item, ["everyone", f"pair{item // 2}", f"trio{item // 3}"])
    # "everyone" is held by 20 items, past the cap of 5: it finds nobody.
    assert idx.candidates(0, ["everyone"], need=1) == []
    assert idx.candidates(0, ["everyone", "pair0", "trio0"], need=1) == [1, 2]
    assert idx.candidates(0, ["pair0", "trio0"], need=2) == [1]
    many = BlockingIndex(max_posting=100)
    for item in range(80):
        many.add(item, ["shared"])
    assert len(many.candidates(0, ["shared"], need=1, limit=7)) == 7


@given(st.lists(st.sampled_from("abcde"), max_size=14), st.lists(st.sampled_from("abcde"), max_size=14))
def test_matching_blocks_are_difflibs(a, b):
    a, b = tuple(a), tuple(b)
    expected = [tuple(m) for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    assert matching_blocks(Wording(a), Wording(b)) == expected


def _altered_reference(short: tuple[str, ...], long: tuple[str, ...]) -> float:
    """The altered rule written plainly on difflib, without the shortcuts of ``altered_shape``."""
    from quotetrack.align import _STOPWORDS

    if len(short) < 4:
        return 0.0
    blocks = [m for m in SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return 0.0
    coverage = sum(m.size for m in blocks) / len(short)
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    if coverage < ALTERED_MIN_COVERAGE or max(m.size for m in blocks) < ALTERED_MIN_RUN \
            or span > len(short) + ALTERED_MAX_SPREAD:
        return 0.0
    content = [t for t in short if t not in _STOPWORDS]
    kept = sum(1 for m in blocks for t in short[m.a : m.a + m.size] if t not in _STOPWORDS)
    return coverage if not content or kept / len(content) >= ALTERED_MIN_COVERAGE else 0.0


@settings(deadline=None)  # the first example loads the stemmer
@given(st.lists(st.sampled_from(["the", "tide", "wall", "will", "hold", "a", "town", "dry"]), min_size=4, max_size=12),
       st.lists(st.sampled_from(["the", "tide", "wall", "will", "hold", "a", "town", "dry", "not"]), max_size=16))
def test_altered_shape_is_the_plain_rule(short, long):
    if len(long) < len(short):
        short, long = long, short
    short, long = tuple(short), tuple(long)
    assert altered_shape(Wording(short), Wording(long)) == _altered_reference(short, long)


# --------------------------------------------------------------------------- the judge


def test_shipped_judge_loads_and_gives_probabilities():
    j = judge()
    assert len(j.weights) == len(FEATURES)
    assert 0.0 < j.threshold <= j.confident < 1.0
    assert j.shared and j.unmatched
    for s in SENTENCES:
        c = compare(s, s.replace("will", "is going to"))
        assert 0.0 <= c.score <= 1.0
    assert compare(SENTENCES[0], SENTENCES[0]).score == 1.0


def _plain_logit(j: Judge, a: Wording, b: Wording) -> float:
    """The judge's logit as its definition reads: features, then a weight per shared and per unmatched word."""
    features = pair_features(a, b, j.word_weights)
    z = j.intercept + sum(w * f for w, f in zip(j.weights, features))
    z += sum(j.shared.get(w, 0.0) for w in a.words & b.words)
    return z + sum(j.unmatched.get(w, 0.0) for w in a.words ^ b.words)


@pytest.mark.parametrize("seed", range(5))
def test_judge_logit_is_its_definition_for_any_weights(seed):
    rng = random.Random(seed)
    vocab = sorted({w for s in SENTENCES for w in s.lower().split()})
    judges = [Judge(tuple(rng.uniform(-1, 1) for _ in FEATURES), rng.uniform(-1, 1),
                    {w: rng.uniform(-1, 1) for w in rng.sample(vocab, 15)},
                    {w: rng.uniform(-1, 1) for w in rng.sample(vocab, 15)}, 0.5, 0.9,
                    WordWeights({w: rng.uniform(0, 8) for w in rng.sample(vocab, 20)}, rng.uniform(0, 8)))
              for _ in range(2)]
    wordings = [Wording(tuple(rng.sample(vocab, rng.randint(3, 14)))) for _ in range(8)]
    for _ in range(2):  # twice: the second time each wording's sum comes from its cache
        for j in judges:  # two judges on the same wordings: one's cached sum is never the other's
            for a in wordings:
                for b in wordings:
                    assert j.logit(a, b) == pytest.approx(_plain_logit(j, a, b), abs=1e-9)


NGRAM_WORDS = st.lists(st.sampled_from(["tide", "wall", "will", "hold", "the", "not"]), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)  # the first example loads the stemmer
@given(NGRAM_WORDS, NGRAM_WORDS)
def test_ngram_precisions_are_clipped_matches(a, b):
    """The n-gram features, n = 1 to 4, against BLEU's clipped counts written plainly (few words, so that
    n-grams repeat within a wording and across the two)."""
    a, b = tuple(a), tuple(b)
    got = pair_features(Wording(a), Wording(b))
    for n in range(1, 5):
        ca = Counter(a[i : i + n] for i in range(len(a) - n + 1))
        cb = Counter(b[i : i + n] for i in range(len(b) - n + 1))
        m = sum((ca & cb).values())
        pa = m / sum(ca.values()) if m else 0.0
        pb = m / sum(cb.values()) if m else 0.0
        i = FEATURES.index(f"ngram{n}_min")
        assert got[i : i + 2] == pytest.approx([min(pa, pb), max(pa, pb)])


LETTER_WORDS = st.lists(st.sampled_from(["harbour", "harbor", "attack", "attacker", "kut", "al-kut", "the", "wall",
                                          "walls", "tide"]), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)  # the first example loads the stemmer
@given(LETTER_WORDS, LETTER_WORDS)
def test_unmatched_letters_are_the_plain_definition(a, b):
    """The letter 3-grams ("#" marking the ends) of the words only one wording has, pooled per wording, by
    their buckets (crc32 of the gram, modulo LETTER_BUCKETS): the shared buckets as a share of the larger
    pool and of the smaller; 0 when a pool is empty."""
    a, b = tuple(a), tuple(b)

    def pool(x: tuple, y: tuple) -> set:
        grams = {f"#{w}#"[i : i + 3] for w in set(x) - set(y) for i in range(len(w))}
        return {zlib.crc32(g.encode()) % LETTER_BUCKETS for g in grams}

    pa, pb = pool(a, b), pool(b, a)
    n = len(pa & pb)
    expected = [n / max(len(pa), len(pb)), n / min(len(pa), len(pb))] if pa and pb else [0.0, 0.0]
    i = FEATURES.index("unmatched_letters_min")
    assert pair_features(Wording(a), Wording(b))[i : i + 2] == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(4))
def test_word_weights_are_idf_and_survive_their_file(seed):
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(30)]
    sentences = [frozenset(rng.sample(vocab, rng.randint(1, 12))) for _ in range(rng.randint(5, 60))]
    learned = learn_word_weights(sentences, min_df=3)
    n = len(sentences)
    for w in vocab:
        df = sum(w in s for s in sentences)
        if df >= 3:
            assert learned.weights[w] == round(math.log((n + 1) / (df + 1)), 4)
        else:
            assert w not in learned.weights
    assert learned.rare == round(math.log((n + 1) / 3), 4)
    assert learned.total(frozenset(["w1", "unseen"])) == pytest.approx(learned.weights.get("w1", learned.rare) + learned.rare)
    text = word_weights_text(learned, "a note\nover two lines")
    assert parse_word_weights(text) == learned
    assert word_weights_text(parse_word_weights(text), "a note\nover two lines") == text


@pytest.mark.parametrize("bad", ["w1\tx\n*\t2.0\n", "w1 2.0\n*\t2.0\n", "w1\t2.0\n"])
def test_a_broken_word_weights_file_is_named(bad):
    with pytest.raises(ValueError, match="word_weights.tsv"):
        parse_word_weights(bad)


def test_a_judge_file_with_bin_weights_is_refused():
    """Binned features were tried and left out: a weights file that has bin weights is from another
    version, and loading it says so instead of ignoring them."""
    data = {"features": list(FEATURES), "weights": dict.fromkeys(FEATURES, 0.1), "intercept": 0.0, "shared": {},
            "unmatched": {}, "threshold": 0.5, "confident": 0.9}
    assert judge_from(data).intercept == 0.0
    with pytest.raises(ValueError, match="bin weights"):
        judge_from({**data, "bins": {FEATURES[0]: [0.1] * 5}})


def test_weighted_overlap_counts_telling_words_more():
    """Two wordings sharing a rare word overlap more, weighted, than two sharing a common one."""
    table = WordWeights({"the": 0.1, "council": 3.0, "harbour": 6.0, "said": 0.5}, 7.0)
    a = Wording(("the", "council", "said", "harbour"))
    rare = pair_features(a, Wording(("harbour", "plans", "said")), table)
    common = pair_features(a, Wording(("the", "plans", "said")), table)
    i = FEATURES.index("weighted_max")
    assert rare[i] > common[i]
    assert rare[FEATURES.index("ngram1_max")] == common[FEATURES.index("ngram1_max")]


@pytest.mark.parametrize("a,b", [(SENTENCES[i], SENTENCES[j]) for i in range(4) for j in range(4) if i != j])
def test_different_claims_are_unrelated(a, b):
    assert compare(a, b).kind == "unrelated"


# --------------------------------------------------------------------------- grouping rules


@pytest.mark.parametrize("words", ["No.", "no", "Absolutely not.", "Never again", "Disgraceful!"])
@pytest.mark.parametrize("role,name", PEOPLE[:3])
def test_one_and_two_word_quotes_never_join(words, role, name):
    sts, _ = _group([(words, name, True), (words.lower(), name, True), (words, f"{role} {name}", True)])
    assert all(len(s.members) == 1 for s in sts)


@pytest.mark.parametrize("role,name", PEOPLE)
@pytest.mark.parametrize("text", SENTENCES[:2])
def test_speaker_named_with_and_without_role_is_one_statement(role, name, text):
    sts, _ = _group([(text, f"{role} {name}", True), (text, name, True), (text, name.split()[-1], True)])
    assert len(sts) == 1 and len(sts[0].members) == 3


@pytest.mark.parametrize("text", SENTENCES)
def test_same_words_of_two_people_are_two_statements(text):
    sts, _ = _group([(text, PEOPLE[0][1], True), (text, PEOPLE[1][1], True)])
    assert len(sts) == 2


def _fixed(p: float, threshold: float, confident: float) -> Judge:
    """A judge that gives every pair probability p (its intercept is the logit of p)."""
    import math

    return Judge((0.0,) * len(FEATURES), math.log(p / (1 - p)), {}, {}, threshold, confident)


DIRECT = "The pumping station will keep the lower town dry through every spring tide this year"
REPORTED = "the lower town would stay dry through spring tides because of a new pumping station"


@pytest.mark.parametrize("role,name", PEOPLE)
@pytest.mark.parametrize("p,confident,joins", [(0.8, 0.9, False), (0.8, 0.75, True), (0.95, 0.9, True)])
def test_reported_claim_joins_a_direct_quote_only_as_a_confident_paraphrase(monkeypatch, role, name, p, confident,
                                                                            joins):
    monkeypatch.setattr(statements, "judge", lambda: _fixed(p, 0.5, confident))
    sts, _ = _group([(DIRECT, name, True), (REPORTED, f"{role} {name}", False)])
    assert (len(sts) == 1) == joins


@pytest.mark.parametrize("i", range(len(PEOPLE) - 1))
def test_reported_claim_never_joins_another_speakers_quote(monkeypatch, i):
    monkeypatch.setattr(statements, "judge", lambda: _fixed(0.99, 0.5, 0.9))
    sts, _ = _group([(DIRECT, PEOPLE[i][1], True), (REPORTED, PEOPLE[i + 1][1], False)])
    assert len(sts) == 2


def test_two_reported_claims_of_one_speaker_join_at_the_threshold(monkeypatch):
    monkeypatch.setattr(statements, "judge", lambda: _fixed(0.7, 0.6, 0.99))
    other = "a new pumping station would keep the lower town dry during spring tides"
    sts, _ = _group([(REPORTED, PEOPLE[2][1], False), (other, PEOPLE[2][1], False)])
    assert len(sts) == 1
    assert all(m.match == "paraphrase" for m in sts[0].members)


def test_variants_of_one_statement_join_through_the_index():
    # Fifty-five wordings of one statement, each with one word changed: the blocking index
    # must find them for one another, and all join.
    rng = random.Random(5)
    base = SENTENCES[0].split()
    items = []
    for k in range(55):
        words = list(base)
        words[rng.randrange(3, len(words))] = f"word{k}"
        items.append((" ".join(words), PEOPLE[0][1], True))
    sts, _ = _group(items)
    assert len(sts) == 1


def test_blocking_candidates_are_bounded_by_the_limit():
    idx = BlockingIndex(max_posting=1000)
    for item in range(500):
        idx.add(item, [f"k{j}" for j in range(10)])
    got = idx.candidates(0, [f"k{j}" for j in range(10)])
    assert len(got) == LIMIT and got == list(range(1, LIMIT + 1))


# --------------------------------------------------------------------------- reported claims in the quote's words

TOLD = [
    ("The people of Marrowby have been patient, and they deserve their ferries back.",
     'the people of Marrowby "deserve their ferries back"'),
    ("Our drivers have waited four long years, and they have earned a fair contract at last.",
     "drivers have waited four long years and earned a fair contract"),
    ("The flood barrier was promised by the state, and families will not pay twice for it.",
     "families will not pay twice for the flood barrier"),
]


@pytest.mark.parametrize("title, who", PEOPLE[:3])
@pytest.mark.parametrize("quoted, told", TOLD)
def test_a_reported_claim_in_the_quotes_own_words_joins_it(title, who, quoted, told):
    sts, _ = _group([(quoted, who, True), (told, who, False)])
    joined = [s for s in sts if len(s.members) == 2]
    assert joined, [(s.text, [m.match for m in s.members]) for s in sts]


@pytest.mark.parametrize("quoted, told", TOLD)
def test_the_same_words_told_by_someone_else_stay_apart(quoted, told):
    (_, a), (_, b) = PEOPLE[0], PEOPLE[1]
    sts, _ = _group([(quoted, a, True), (told, b, False)])
    assert all(len(s.members) == 1 for s in sts), [(s.speaker, [m.match for m in s.members]) for s in sts]


def test_the_judge_gives_the_same_probability_with_the_altered_rules_blocks_as_without():
    """compare_wordings hands the judge the matching blocks the altered rule worked out: the same
    features as working them out again."""
    from quotetrack.align import compare_wordings

    rng = random.Random(11)
    vocab = "the harbour wall will be raised before winter and the council pays for it from the levy".split()
    model = judge()
    for _ in range(300):
        a = Wording(tuple(rng.choice(vocab) for _ in range(rng.randint(4, 16))))
        b = Wording(tuple(rng.choice(vocab) for _ in range(rng.randint(4, 16))))
        c = compare_wordings(a, b, model)
        if c.kind in ("paraphrase", "unrelated"):
            assert c.score == round(model.probability(a, b), 3)


_WORDING_PARTS = ("positions", "content_before", "words", "trigrams", "stems", "bigrams", "fourgrams", "repeated",
                  "letters", "numbers", "modals", "negated")


@pytest.mark.parametrize("seed", range(6))
def test_wording_parts_are_the_same_whenever_read(seed):
    """A wording's parts are built when first read: read in any order, each reads the same
    (repeated words, numbers, modals and negations included)."""
    rng = random.Random(seed)
    vocab = ["the", "tide", "will", "not", "rise", "would", "never", "3", "2028", "quay", "of", "quay-side", "no"]
    for _ in range(40):
        tokens = tuple(rng.choice(vocab) for _ in range(rng.randint(1, 16)))
        reference = Wording(tokens)
        expected = {name: getattr(reference, name) for name in _WORDING_PARTS}
        order = list(_WORDING_PARTS)
        rng.shuffle(order)
        other = Wording(tokens)
        assert {name: getattr(other, name) for name in order} == expected
    assert expected["numbers"] == frozenset(t for t in tokens if any(c.isdigit() for c in t))
    with pytest.raises(AttributeError):
        Wording(("a", "b")).no_such_part  # noqa: B018
