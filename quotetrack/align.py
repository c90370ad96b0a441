"""Comparing two wordings of a statement.

``compare(a, b)`` says whether ``b`` carries ``a``'s words verbatim, as an
excerpt (``partial``), with words changed (``altered``), in other words
(``paraphrase``), or not at all (``unrelated``). ``word_diff`` shows which
words changed, mapped back to the words as printed.

Both work on :func:`quotetrack.textnorm.comparison_tokens`, so quotation
marks, case, punctuation, hyphenation, U.S./US/United States, British and
American spellings, contractions and number words never count as changes.

Verbatim, partial and altered are exact rules on the words (a misquote is a
matter of words): ``score`` is 1.0 for the first two and the share of the
shorter wording's words matched in order for altered. Otherwise a learned
judge (:class:`Judge`, a logistic regression over :data:`FEATURES` and over
the words two wordings share or not, shipped as ``data/paraphrase_judge.json``
with the IDF-like word weights of its weighted overlap, ``data/word_weights.tsv``,
both rebuilt by ``make train-paraphrase``) gives the calibrated probability
that the two say the same thing: ``score`` is that probability, and the kind
is ``paraphrase`` from the judge's threshold up, else ``unrelated``.
Everything the judge needs of one wording is computed once (:func:`wording`).
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import re
import zlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from .models import ALTERED, EXCERPT, PARAPHRASE, UNRELATED, VERBATIM
from .stem import stem as porter_stem
from .textnorm import WORD_TOKEN, comparison_tokens, fold_token

# Thresholds, on the share of the shorter wording's words found in order in the other.
ALTERED_MIN_COVERAGE = 0.6
ALTERED_MIN_RUN = 3  # the two must share at least this many words in a row
ALTERED_MAX_SPREAD = 4  # matched words may spread over at most this many more words than the shorter has
# Paraphrase: content-word stems shared by the two, as a share of the smaller set. Three
# shared stems need 60% overlap; four or more need 50%.
PARAPHRASE_MIN_OVERLAP = 0.5
PARAPHRASE_MIN_SHARED = 3

_STOPWORDS = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been being it its this that
    these those there their they them he she his her we our us you your i me my not no so than then too very
    will would can could should may might must shall do does did have has had which who whom what when where
    why how all any both each more most other some such only own same just also into over under about after
    before between through during against up down out off again further once here s t""".split()
)


@dataclass(frozen=True)
class Comparison:
    kind: str  # verbatim, partial, altered, paraphrase, unrelated
    score: float  # in [0, 1]; 1.0 for verbatim and partial

    def __bool__(self) -> bool:
        return self.kind != UNRELATED


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n, m = len(long), len(short)
    if m == 0 or m > n:
        return False
    first = short[0]
    for i in range(n - m + 1):
        if long[i] == first and long[i : i + m] == short:
            return True
    return False


def _find(long: tuple[str, ...], part: tuple[str, ...], start: int) -> int:
    """Where ``part`` first stands word for word in ``long`` from ``start`` on, or -1."""
    m = len(part)
    first = part[0]
    for i in range(start, len(long) - m + 1):
        if long[i] == first and long[i : i + m] == part:
            return i
    return -1


def is_excerpt(long: tuple[str, ...], short: tuple[str, ...], breaks: tuple[int, ...] = ()) -> bool:
    """Whether ``short`` (two words or more, fewer than ``long``'s) is an excerpt of ``long``: ``compare``'s
    ``partial``, without the rest of the comparison. It stands word for word inside ``long``; or, when
    elision marks cut it (``breaks``, from :func:`elision_breaks`), each of its fragments does, in order
    ("A B ... D E" taken from "A B C D E")."""
    if not 2 <= len(short) < len(long):
        return False
    if _contains(long, short):
        return True
    if not breaks:
        return False
    at = 0
    for lo, hi in zip((0, *breaks), (*breaks, len(short))):
        at = _find(long, short[lo:hi], at)
        if at < 0:
            return False
        at += hi - lo
    return True


# An elision mark: "...", ". . .", "…", with or without brackets around it ("[...]", "(…)").
_ELISION = re.compile(r"[\[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?")


def elision_breaks(text: str, tokens: Optional[tuple[str, ...]] = None) -> tuple[int, ...]:
    """Where elision marks cut ``text``'s comparison tokens (``tokens``, computed when not given): the
    number of tokens before each mark that has words on both sides. The marks themselves are no
    tokens. Empty when no mark cuts the words, or when the words around a mark read differently
    taken apart (numbers in words, "United States") than together: then the text is one piece."""
    if "…" not in text and not ("." in text and _ELISION.search(text)):
        return ()
    pieces = _ELISION.split(text)
    if len(pieces) < 2:
        return ()
    whole = comparison_tokens(text) if tokens is None else tokens
    joined: list[str] = []
    breaks: list[int] = []
    for piece in pieces:
        if joined and (not breaks or breaks[-1] != len(joined)):
            breaks.append(len(joined))
        joined.extend(comparison_tokens(piece))
    if tuple(joined) != whole:
        return ()
    return tuple(b for b in breaks if b < len(whole))


# Near-synonyms that news copy swaps for one another, folded to one stem.
_SYNONYMS = {
    "capabl": "capac",
    "capabil": "capac",
    "abil": "capac",
    "adversari": "enemi",
    "foe": "enemi",
    "exceed": "surpass",
    "overtak": "surpass",
    "outpac": "surpass",
    "boost": "increas",
    "rais": "increas",
    "mend": "repair",
    "fix": "repair",
    "maintain": "mainten",
    "purpos": "goal",
    "aim": "goal",
    "nation": "countri",
    "assist": "help",
    "aid": "help",
    "vessel": "ship",
    "warship": "ship",
    "weapon": "arm",
    "armament": "arm",
    "rapidli": "quickli",
    "swiftli": "quickli",
    "fast": "quick",
    "rapid": "quick",
    "swift": "quick",
}


# Irregular forms the Porter stemmer leaves apart ("paid" and "pay"), as reported
# speech shifts tense: "we will pay" -> "she said they would pay".
_IRREGULAR = {
    "paid": "pay", "built": "build", "left": "leave", "fell": "fall", "fallen": "fall", "lost": "lose",
    "said": "say", "told": "tell", "children": "child", "kept": "keep", "made": "make", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "got": "get", "went": "go", "gone": "go", "came": "come",
    "sold": "sell", "bought": "buy", "thought": "think", "brought": "bring", "met": "meet", "ran": "run",
    "won": "win", "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow", "knew": "know",
    "known": "know", "rose": "rise", "risen": "rise", "written": "write", "wrote": "write", "spoke": "speak",
    "spoken": "speak", "spent": "spend", "sent": "send", "held": "hold", "led": "lead", "stood": "stand",
    "found": "find", "felt": "feel", "meant": "mean", "heard": "hear", "saw": "see", "seen": "see",
    "men": "man", "women": "woman", "people": "person",
}
# Words that negate a statement: a paraphrase may not drop or add one.
_NEGATIONS = frozenset("not no never nobody none nothing neither nor cannot without".split())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem = porter_stem(_IRREGULAR.get(word, word))
    return _SYNONYMS.get(stem, stem)


def _negated(tokens: tuple[str, ...]) -> bool:
    """Whether a wording negates: an odd number of negations."""
    return sum(1 for t in tokens if t in _NEGATIONS) % 2 == 1


@lru_cache(maxsize=65536)
def content_stems(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_stem(t) for t in tokens if t not in _STOPWORDS and len(t) > 1)


# --------------------------------------------------------------------------- one wording, once

# Modal verbs by the modality they express: reported speech shifts the tense (will -> would,
# can -> could, may -> might) and keeps the modality.
_MODALS = {
    "will": "will", "would": "will", "shall": "will", "can": "can", "could": "can", "may": "may",
    "might": "may", "must": "must", "should": "should", "ought": "should",
}


class Wording:
    """What the judge needs of one wording, computed once per distinct wording (:func:`wording`).

    Built in three steps, each when first read: the tokens and elision breaks; what ``compare``'s
    exact rules read (``positions``, ``content_before``, ``words``, ``trigrams``), not needed when
    the two are verbatim or an excerpt; and the judge's features (the rest), not needed when an
    exact rule decides. Every attribute reads the same whenever it is computed."""

    __slots__ = ("tokens", "breaks", "positions", "content_before", "words", "stems", "bigrams", "trigrams",
                 "fourgrams", "repeated", "letters", "numbers", "modals", "negated", "judged")

    def __init__(self, tokens: tuple[str, ...], breaks: tuple[int, ...] = ()):
        self.tokens = tokens
        self.breaks = breaks  # where elision marks cut the words (:func:`elision_breaks`)
        # A judge, its unmatched weights summed over this wording's words, its word weights (in units of
        # 1e-4) summed likewise, and each word's.
        self.judged: Optional[tuple[Judge, float, int, dict[str, int]]] = None

    def __getattr__(self, name: str) -> Any:
        # Called only for a slot not yet set: compute its step.
        if name in _SHAPE:
            self._shape()
        elif name in _FEATURES:
            self._features()
        else:
            raise AttributeError(f"'Wording' object has no attribute {name!r}")
        return object.__getattribute__(self, name)

    def _shape(self) -> None:
        tokens = self.tokens
        positions: dict[str, list[int]] = {}
        for i, t in enumerate(tokens):
            positions.setdefault(t, []).append(i)
        self.positions = {t: tuple(p) for t, p in positions.items()}  # where each word stands
        before = [0]  # content words (not stop words) among the first i tokens, for i = 0 .. len(tokens)
        for t in tokens:
            before.append(before[-1] + (t not in _STOPWORDS))
        self.content_before = tuple(before)
        self.words = frozenset(positions)
        # n-grams as strings: a string keeps its hash, a tuple computes it at every look-up.
        self.trigrams = frozenset(f"{x} {y} {z}" for x, y, z in zip(tokens, tokens[1:], tokens[2:]))

    def _features(self) -> None:
        tokens = self.tokens
        positions = self.positions
        self.stems = content_stems(tokens)  # content-word stems (stop words left out)
        self.bigrams = frozenset(f"{x} {y}" for x, y in zip(tokens, tokens[1:]))
        self.fourgrams = frozenset(f"{w} {x} {y} {z}" for w, x, y, z in zip(tokens, tokens[1:], tokens[2:], tokens[3:]))
        # The word n-grams (n = 1 to 4) standing more than once, and how often: the n-gram sets count each
        # once, and the clipped n-gram matches (:func:`_clipped`) add the repeats both wordings have.
        repeated: dict[str, int] = {t: len(p) for t, p in positions.items() if len(p) > 1}
        if len(tokens) > len(self.bigrams) + 1:  # a repeated n-gram (n > 1) needs a repeated bigram
            for n in (2, 3, 4):
                counts: dict[str, int] = {}
                for i in range(len(tokens) - n + 1):
                    g = " ".join(tokens[i : i + n])
                    counts[g] = counts.get(g, 0) + 1
                repeated.update((g, c) for g, c in counts.items() if c > 1)
        self.repeated = repeated
        self.letters = {w: _letter_signature(w) for w in self.words}
        self.numbers = frozenset(t for t in tokens if any(map(str.isdigit, t)))  # numbers, dates, amounts
        self.modals = frozenset(_MODALS[t] for t in tokens if t in _MODALS)
        self.negated = _negated(tokens)


_SHAPE = frozenset({"positions", "content_before", "words", "trigrams"})
_FEATURES = frozenset({"stems", "bigrams", "fourgrams", "repeated", "letters", "numbers", "modals", "negated"})


LETTER_BUCKETS = 2048  # the letter signatures' size in bits


@lru_cache(maxsize=65536)
def _letter_signature(word: str) -> int:
    """A word's letter 3-grams, its ends marked ("Kut" and "Al-Kut", "attack" and "attacker" share some),
    as the bits of an integer: each 3-gram sets bit ``crc32(gram) % LETTER_BUCKETS`` (a stable hash, the
    same in every run). Pooling words is an or, the grams two pools share a popcount; two 3-grams
    rarely fall in one bucket (a pool of 50 grams in 2,048 buckets: about one)."""
    w = f"#{word}#"
    bits = 0
    for i in range(len(w) - 2):
        bits |= 1 << (zlib.crc32(w[i : i + 3].encode("utf-8")) % LETTER_BUCKETS)
    return bits


@lru_cache(maxsize=131072)
def wording(tokens: tuple[str, ...], breaks: tuple[int, ...] = ()) -> Wording:
    return Wording(tokens, breaks)


def text_wording(text: str) -> Wording:
    """The wording of a quote's text: its comparison tokens and where elision marks cut them."""
    tokens = comparison_tokens(text)
    return wording(tokens, elision_breaks(text, tokens))


def _longest_match(a: tuple[str, ...], b2j: dict[str, tuple[int, ...]], alo: int, ahi: int, blo: int,
                   bhi: int, whole: bool) -> tuple[int, int, int]:
    """difflib's longest match without junk: the longest run a[i:i+k] == b[j:j+k] in the ranges,
    the earliest in ``a`` (then in ``b``) on ties; ``b2j`` gives where each word stands in ``b``;
    ``whole`` when the ranges are all of ``b`` (no bounds to check)."""
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    get = b2j.get
    for i in range(alo, ahi):
        js = get(a[i])
        if not js:
            j2len = {}
            continue
        new: dict[int, int] = {}
        prev = j2len.get
        for j in js:
            if not whole:
                if j < blo:
                    continue
                if j >= bhi:
                    break
            k = new[j] = prev(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = new
    return besti, bestj, bestsize


def matching_blocks(a: Wording, b: Wording) -> list[tuple[int, int, int]]:
    """The (i, j, size) runs that ``difflib.SequenceMatcher(None, a, b, autojunk=False)`` matches,
    without the final empty block; computed on the word positions each wording keeps."""
    ta, b2j = a.tokens, b.positions
    nb = len(b.tokens)
    queue = [(0, len(ta), 0, nb)]
    found = []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = _longest_match(ta, b2j, alo, ahi, blo, bhi, blo == 0 and bhi == nb)
        if k:
            found.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    found.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, k in found:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            pi, pj, pk = merged[-1]
            merged[-1] = (pi, pj, pk + k)
        else:
            merged.append((i, j, k))
    return merged


def altered_shape(short: Wording, long: Wording) -> float:
    """The share of ``short``'s words found in order in ``long`` when ``short`` is ``long`` (or a
    stretch of it) with some words changed, else 0: most of its words, and most of its content
    words, found in order in one stretch of the other, with a run of several words in a row.
    An exact rule, like verbatim and partial: a misquote is a matter of the words."""
    ts = short.tokens
    if len(ts) < 4:
        return 0.0
    # Words in common (with repeats) bound the words that can align in order: skip the
    # alignment when even that bound is below the altered threshold.
    # Cheaply first: each word of ``short`` beyond its first occurrence adds at most one.
    need = ALTERED_MIN_COVERAGE * len(ts)
    shared = short.words & long.words
    if len(shared) < need:
        if len(shared) + len(ts) - len(short.words) < need:
            return 0.0
        ps, pl = short.positions, long.positions
        if sum(min(len(ps[t]), len(pl[t])) for t in shared) < need:
            return 0.0
    blocks = matching_blocks(short, long)
    if not blocks:
        return 0.0
    matched = sum(k for _, _, k in blocks)
    longest = max(k for _, _, k in blocks)
    # The matched words must sit together in the longer wording: a short quote whose
    # words are scattered through a long one is not that quote altered.
    span = blocks[-1][1] + blocks[-1][2] - blocks[0][1]
    coverage = matched / len(ts)
    if coverage < ALTERED_MIN_COVERAGE or longest < ALTERED_MIN_RUN or span > len(ts) + ALTERED_MAX_SPREAD:
        return 0.0
    # ... and carry the content: "it is a difficult issue" shares "it is a" with
    # many sentences without being any of them.
    before = short.content_before
    content = before[-1]
    kept = sum(before[i + k] - before[i] for i, _, k in blocks)
    return coverage if not content or kept / content >= ALTERED_MIN_COVERAGE else 0.0


# --------------------------------------------------------------------------- the judge's features

FEATURES = (
    "stem_min", "stem_max", "unmatched_letters_min", "unmatched_letters_max", "length_ratio", "numbers_agree",
    "numbers_differ", "numbers_unmatched", "negation_differs", "modality_differs", "stems_left_min", "stems_left_max",
    "words_left_min", "words_left_max", "log_short", "weighted_min", "weighted_max", "weighted_left_min",
    "weighted_left_max", "ngram1_min", "ngram1_max", "ngram2_min", "ngram2_max", "ngram3_min", "ngram3_max",
    "ngram4_min", "ngram4_max",
)


@dataclass(frozen=True)
class WordWeights:
    """How much a word tells, IDF-like: ``log((n + 1) / (df + 1))`` for a word in ``df`` of ``n`` sentences,
    learned on MRPC train's sentences (``data/word_weights.tsv``, rebuilt by ``make train-paraphrase``).
    A word in fewer sentences than the table keeps (or in none) weighs ``rare``."""

    weights: dict[str, float]
    rare: float
    # The weights in units of 1e-4 (the shipped file keeps four decimals), as integers: their sums are
    # exact, so they do not depend on the order a set gives its members in (string hashes differ between
    # runs) and the training script rebuilds the same weights byte for byte.
    units: dict[str, int] = field(init=False, repr=False, compare=False)
    rare_units: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", {w: round(v * UNITS) for w, v in self.weights.items()})
        object.__setattr__(self, "rare_units", round(self.rare * UNITS))

    def of(self, words: frozenset) -> dict[str, int]:
        """Each of ``words`` and its weight in units."""
        get, rare = self.units.get, self.rare_units
        return {w: get(w, rare) for w in words}

    def total(self, words: frozenset) -> float:
        """The weights of ``words`` summed (to four decimals, exactly)."""
        get, rare = self.units.get, self.rare_units
        return sum([get(w, rare) for w in words]) / UNITS


UNITS = 10_000


NO_WORD_WEIGHTS = WordWeights({}, 1.0)  # every word weighs the same: weighted overlap is plain word overlap


_LOG1P = [math.log1p(i) for i in range(64)]


def _shared_grams(a: Wording, b: Wording, shared_words: int) -> tuple[int, int, int, int]:
    """How many distinct word n-grams, n = 1 to 4, the two wordings both have (``shared_words``: the
    words). No shared n-gram, no shared (n + 1)-gram."""
    m2 = len(a.bigrams & b.bigrams) if shared_words else 0
    m3 = len(a.trigrams & b.trigrams) if m2 else 0
    return shared_words, m2, m3, (len(a.fourgrams & b.fourgrams) if m3 else 0)


def _clipped(a: Wording, b: Wording, shared: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The clipped matches of word n-grams, n = 1 to 4, as BLEU counts them: each n-gram counts as often
    as it stands in the wording that has it fewer times. ``shared``: the distinct n-grams both have."""
    ra, rb = a.repeated, b.repeated
    if not (ra and rb):
        return shared
    if len(ra) > len(rb):
        ra, rb = rb, ra
    m = list(shared)
    get = rb.get
    for g, c in ra.items():
        d = get(g)
        if d:
            m[g.count(" ")] += (c if c < d else d) - 1
    return m[0], m[1], m[2], m[3]


def pair_features(a: Wording, b: Wording, weights: WordWeights = NO_WORD_WEIGHTS) -> list[float]:
    """The judge's features of two wordings, in the order of :data:`FEATURES` (symmetric), with
    ``weights`` for the weighted overlap."""
    shared = a.words & b.words
    return _features(a, b, shared, weights.total(a.words), weights.total(b.words), weights.total(shared))


def _log1p(n: int) -> float:
    return _LOG1P[n] if n < 64 else math.log1p(n)


def _features(a: Wording, b: Wording, shared: frozenset, wa: float, wb: float, ws: float) -> list[float]:
    """``wa``, ``wb``, ``ws``: the word weights of ``a``'s words, ``b``'s and the shared ones, summed.
    Written out in one function: the judge's cost per pair is mostly calls. An overlap is the shared part
    as a share of the larger and of the smaller; a "left" count is log(1 + the members of each the other
    lacks), the smaller first."""
    shared_words = len(shared)
    la, lb = len(a.tokens), len(b.tokens)
    short, long = (la, lb) if la <= lb else (lb, la)
    sa, sb = a.stems, b.stems
    shared_stems = len(sa & sb)
    ls, ss = (len(sa), len(sb)) if len(sa) >= len(sb) else (len(sb), len(sa))
    # The letter 3-grams of the words only one of the two has (a name spelt two ways, "attack" and
    # "attacker"), each wording's pooled: their signatures (:func:`_letter_signature`) or-ed.
    ga = gb = 0
    for w, bits in a.letters.items():
        if w not in shared:
            ga |= bits
    for w, bits in b.letters.items():
        if w not in shared:
            gb |= bits
    shared_grams = (ga & gb).bit_count()
    lg, sg = ga.bit_count(), gb.bit_count()
    if lg < sg:
        lg, sg = sg, lg
    na, nb = a.numbers, b.numbers
    wl, wsm = (wa, wb) if wa >= wb else (wb, wa)
    lw, sw = (len(a.words), len(b.words)) if len(a.words) >= len(b.words) else (len(b.words), len(a.words))
    grams = _shared_grams(a, b, shared_words)
    m1, m2, m3, m4 = _clipped(a, b, grams)
    # n-gram precision of each wording (its n-grams the other has, clipped, over its n-grams), the lower
    # first, for n = 1 to 4: the MT metrics' view of a paraphrase (Madnani et al. 2012). The shorter
    # wording's is the higher.
    return [
        shared_stems / ls if ss else 0.0, shared_stems / ss if ss else 0.0,
        shared_grams / lg if sg else 0.0, shared_grams / sg if sg else 0.0,
        short / long,
        1.0 if na and na == nb else 0.0,
        1.0 if na != nb else 0.0,
        float(len(na ^ nb)),
        1.0 if a.negated != b.negated else 0.0,
        1.0 if a.modals != b.modals else 0.0,
        _log1p(ss - shared_stems), _log1p(ls - shared_stems), _log1p(sw - shared_words), _log1p(lw - shared_words),
        _log1p(short - 1),
        ws / wl if wl > 0 else 0.0, ws / wsm if wsm > 0 else 0.0,
        math.log1p(wsm - ws), math.log1p(wl - ws),
        m1 / long, m1 / short, m2 / (long - 1) if m2 else 0.0, m2 / (short - 1) if m2 else 0.0,
        m3 / (long - 2) if m3 else 0.0, m3 / (short - 2) if m3 else 0.0,
        m4 / (long - 3) if m4 else 0.0, m4 / (short - 3) if m4 else 0.0,
    ]


# --------------------------------------------------------------------------- the judge


@dataclass(frozen=True)
class Judge:
    """A logistic regression over :data:`FEATURES` and over the words two wordings share or do
    not share: the probability that the two say the same thing."""

    weights: tuple[float, ...]
    intercept: float
    shared: dict[str, float]  # weight of a word both wordings have
    unmatched: dict[str, float]  # weight of a word only one of them has
    threshold: float  # the same statement (altered or a paraphrase) from this probability up
    confident: float  # a paraphrase sure enough to join reported speech to a direct quote
    word_weights: WordWeights = NO_WORD_WEIGHTS  # for the weighted overlap features

    # Per word both have: its shared weight less twice its unmatched weight, as each wording's own
    # sum (:meth:`_own`) counts every word of it as unmatched.
    both: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        both = {w: v - 2.0 * self.unmatched.get(w, 0.0) for w, v in self.shared.items()}
        for w, v in self.unmatched.items():
            both.setdefault(w, -2.0 * v)
        object.__setattr__(self, "both", both)

    def _own(self, a: Wording) -> tuple[float, int, dict[str, int]]:
        """Of ``a``'s words: their unmatched weights summed, their word weights (in units) summed and
        each word's; kept on the wording for this judge."""
        got = a.judged
        if got is not None and got[0] is self:
            return got[1], got[2], got[3]
        get = self.unmatched.get
        total = sum(get(w, 0.0) for w in a.words)
        each = self.word_weights.of(a.words)
        weight = sum(each.values())
        a.judged = (self, total, weight, each)
        return total, weight, each

    def logit(self, a: Wording, b: Wording) -> float:
        shared = a.words & b.words
        own_a, wa, each = self._own(a)
        own_b, wb, _ = self._own(b)
        ws = sum(map(each.__getitem__, shared))
        features = _features(a, b, shared, wa / UNITS, wb / UNITS, ws / UNITS)
        z = self.intercept + sum(map(operator.mul, self.weights, features))
        get = self.both.get
        return z + own_a + own_b + sum([get(w, 0.0) for w in shared])

    def probability(self, a: Wording, b: Wording) -> float:
        z = self.logit(a, b)
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


MODEL_FILE = "paraphrase_judge.json"
WORD_WEIGHTS_FILE = "word_weights.tsv"
WORD_WEIGHTS_MIN_DF = 3  # a word in fewer sentences is left out of the table and weighs ``rare``


def learn_word_weights(sentences: list[frozenset[str]], min_df: int = WORD_WEIGHTS_MIN_DF) -> WordWeights:
    """The word weights of :class:`WordWeights` from these sentences' word sets (each sentence one
    document): ``log((n + 1) / (df + 1))``; words in fewer than ``min_df`` sentences weigh as a word
    in ``min_df - 1`` would (``rare``), rounded to 4 decimals as the shipped file keeps them."""
    df: dict[str, int] = {}
    for words in sentences:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(sentences)
    kept = {w: round(math.log((n + 1) / (d + 1)), 4) for w, d in df.items() if d >= min_df}
    return WordWeights(dict(sorted(kept.items())), round(math.log((n + 1) / min_df), 4))


def word_weights_text(weights: WordWeights, note: str) -> str:
    """The shipped file's text: ``note`` as comment lines, the rare weight as the word ``*``, then a
    word and its weight a line, tab-separated, in sorted order."""
    lines = [f"# {line}" for line in note.splitlines()]
    lines.append(f"*\t{weights.rare}")
    lines.extend(f"{w}\t{v}" for w, v in weights.weights.items())
    return "\n".join(lines) + "\n"


def parse_word_weights(text: str) -> WordWeights:
    weights: dict[str, float] = {}
    rare = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        word, sep, value = line.partition("\t")
        try:
            v = float(value)
        except ValueError:
            v = None
        if not sep or v is None:
            raise ValueError(f"{WORD_WEIGHTS_FILE}:{n}: expected a word, a tab and a number: run make train-paraphrase")
        if word == "*":
            rare = v
        else:
            weights[word] = v
    if rare is None:
        raise ValueError(f"{WORD_WEIGHTS_FILE}: no weight for rare words (the line '*'): run make train-paraphrase")
    return WordWeights(weights, rare)


def _data(name: str) -> str:
    return resources.files("quotetrack").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def judge() -> Judge:
    """The shipped judge: ``quotetrack/data/paraphrase_judge.json`` and the word weights it was trained
    with, ``quotetrack/data/word_weights.tsv``; both rebuilt by ``make train-paraphrase``."""
    table = _data(WORD_WEIGHTS_FILE)
    data = json.loads(_data(MODEL_FILE))
    digest = hashlib.sha256(table.encode("utf-8")).hexdigest()
    if data.get("word_weights_sha256") != digest:
        raise ValueError(f"{MODEL_FILE} was not trained with this {WORD_WEIGHTS_FILE}: run make train-paraphrase")
    return judge_from(data, parse_word_weights(table))


def judge_from(data: dict, word_weights: WordWeights = NO_WORD_WEIGHTS) -> Judge:
    names = tuple(data["features"])
    if names != FEATURES:
        raise ValueError(f"{MODEL_FILE}: its features {names} are not this version's {FEATURES}: run make train-paraphrase")
    w = data["weights"]
    if data.get("bins"):  # binned features were tried and left out (BENCHMARKS.md, issue 15, fifth pass)
        raise ValueError(f"{MODEL_FILE}: it has bin weights, which this version does not use: run make train-paraphrase")
    return Judge(
        tuple(float(w[n]) for n in FEATURES), float(data["intercept"]),
        {k: float(v) for k, v in data["shared"].items()}, {k: float(v) for k, v in data["unmatched"].items()},
        float(data["threshold"]), float(data["confident"]), word_weights,
    )


# --------------------------------------------------------------------------- comparing


def compare_wordings(a: Wording, b: Wording, model: Optional[Judge] = None) -> Comparison:
    """How wording ``b`` relates to wording ``a`` (see :func:`compare`)."""
    exact = exact_comparison(a, b)
    return exact if exact is not None else judged_comparison(a, b, model)


def exact_comparison(a: Wording, b: Wording) -> Optional[Comparison]:
    """``compare_wordings(a, b)`` where its exact rules decide it (verbatim, an excerpt, altered;
    unrelated when either has no words), else None: the judge decides, paraphrase or unrelated."""
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return Comparison(UNRELATED, 0.0)
    if ta == tb:
        return Comparison(VERBATIM, 1.0)
    ws, wl = (a, b) if len(ta) <= len(tb) else (b, a)
    if is_excerpt(wl.tokens, ws.tokens, ws.breaks):
        return Comparison(EXCERPT, 1.0)
    # The altered rule needs a run of three words in a row: no shared trigram, no alteration.
    coverage = 0.0 if a.trigrams.isdisjoint(b.trigrams) else altered_shape(ws, wl)
    if coverage:
        return Comparison(ALTERED, round(coverage, 3))
    return None


def judged_comparison(a: Wording, b: Wording, model: Optional[Judge] = None) -> Comparison:
    """``compare_wordings(a, b)`` where no exact rule decides it (``exact_comparison`` is None)."""
    model = model or judge()
    p = model.probability(a, b)
    return Comparison(PARAPHRASE if p >= model.threshold else UNRELATED, round(p, 3))


def compare_tokens(ta: tuple[str, ...], tb: tuple[str, ...]) -> Comparison:
    return compare_wordings(wording(ta), wording(tb))


def compare(a: str, b: str) -> Comparison:
    """How wording ``b`` relates to wording ``a``."""
    return compare_wordings(text_wording(a), text_wording(b))


# --------------------------------------------------------------------------- word diff


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "replace", "delete" (only in the canonical), "insert" (only in the member)
    old: str  # canonical words
    new: str  # member words


def _units(text: str) -> tuple[list[str], list[int]]:
    """The printed words of ``text`` and, for each comparison token, the index of its word."""
    words: list[str] = []
    owner: list[int] = []
    text = re.sub(r"\s+", " ", text.strip())
    # "United States" folds to one token: keep it as one printed unit.
    pieces = re.split(r"(United States|United Kingdom)", text)
    for piece in pieces:
        if piece in ("United States", "United Kingdom"):
            words.append(piece)
            owner.append(len(words) - 1)
            continue
        for raw in piece.split(" "):
            if not raw:
                continue
            words.append(raw)
            for m in WORD_TOKEN.finditer(raw.replace("’", "'").replace("‘", "'")):
                for t in fold_token(m.group()):
                    if t:
                        owner.append(len(words) - 1)
    return words, owner


def _span(words: list[str], owner: list[int], i: int, j: int, used: set[int]) -> str:
    idx = sorted({owner[k] for k in range(i, j)} - used)
    used.update(idx)
    return " ".join(words[k] for k in idx)


def word_diff(canonical: str, member: str, excerpt: Optional[bool] = None) -> list[Segment]:
    """Word-level differences of ``member`` against ``canonical``.

    When the member is an excerpt of a longer canonical wording (the usual
    case for partial quotes), canonical words before and after the excerpt are
    left out instead of being reported as deleted.
    """
    ta, tb = comparison_tokens(canonical), comparison_tokens(member)
    wa, oa = _units(canonical)
    wb, ob = _units(member)
    if len(oa) != len(ta) or len(ob) != len(tb):  # defensive: fall back to whole-text replacement
        return [Segment("replace", canonical, member)]
    ops = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    if excerpt is None:
        excerpt = len(tb) < len(ta)
    if excerpt:
        while ops and ops[0][0] == "delete":
            ops = ops[1:]
        while ops and ops[-1][0] == "delete":
            ops = ops[:-1]
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in ops:
        old = _span(wa, oa, i1, i2, used_a)
        new = _span(wb, ob, j1, j2, used_b)
        if op == "equal":
            out.append(Segment("equal", old, new))
        elif old or new:
            out.append(Segment(op if (old and new) or op != "replace" else ("insert" if new else "delete"), old, new))
    return out


def diff_markup(segments: list[Segment]) -> str:
    """Plain-text diff: [-old-]{+new+}, readable without colour."""
    parts = []
    for s in segments:
        if s.op == "equal":
            parts.append(s.new)
        else:
            if s.old:
                parts.append(f"[-{s.old}-]")
            if s.new:
                parts.append(f"{{+{s.new}+}}")
    return " ".join(p for p in parts if p)
