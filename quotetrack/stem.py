"""Porter's suffix-stripping stemmer, giving the stems nltk's ``PorterStemmer()`` gives.

The algorithm is M. F. Porter's, "An algorithm for suffix stripping", *Program* 14(3),
1980, pp. 130-137: five steps, each stripping or rewriting at most one suffix when the
part of the word before it is long enough. "Long enough" is the *measure* ``m`` of that
part: the number of vowel-run/consonant-run pairs in it (``tr`` 0, ``trouble`` 1,
``private`` 2).

nltk's stemmer, in its default mode (``NLTK_EXTENSIONS``), departs from the paper in a
few documented places, and quotetrack keeps its stems as they were when it used nltk, so
this module follows the same departures:

- words of one or two letters are left as they are;
- a short table of irregular words maps straight to a stem (``skies``/``sky`` to ``sky``,
  ``dying`` to ``die``, ``news`` stays ``news``, ``proceed``/``exceed``/``succeed`` stay);
- step 1a: a four-letter word ending in ``ies`` keeps ``ie`` (``ties`` -> ``tie``);
- step 1b: ``ied`` becomes ``ie`` in a four-letter word, else ``i``, and the step ends;
- the ``*o`` condition (consonant-vowel-consonant at the end) also holds for a
  two-letter stem vowel-consonant;
- step 1c: ``y`` becomes ``i`` only after a consonant that is not the whole stem
  (``happy`` -> ``happi``, ``enjoy`` and ``by`` stay);
- step 2: ``bli`` -> ``ble`` instead of ``abli`` -> ``able`` (as in Porter's own later
  versions); ``alli`` -> ``al`` is tried first and the result goes through step 2 again;
  two more rules, ``fulli`` -> ``ful`` and ``logi`` -> ``log`` (the ``l`` counted with
  the stem).

The vowels are ``a e i o u`` and a ``y`` that follows a consonant; every other character,
digits and accented letters included, is a consonant. The work is linear in the word's
length.
"""

from __future__ import annotations

from typing import Callable, Optional

_VOWELS = frozenset("aeiou")

# Irregular words and the stem each is given whatever the rules would say.
_IRREGULAR = {
    "sky": "sky", "skies": "sky",
    "dying": "die", "lying": "lie", "tying": "tie",
    "news": "news",
    "innings": "inning", "inning": "inning",
    "outings": "outing", "outing": "outing",
    "cannings": "canning", "canning": "canning",
    "howe": "howe",
    "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}


def _kinds(word: str) -> str:
    """One letter per character of ``word``: ``c`` for a consonant, ``v`` for a vowel.

    ``y`` is a consonant at the start of a word and after a vowel, a vowel after a
    consonant (so in ``syzygy`` the consonants are ``s``, ``z`` and ``g``).
    """
    out = []
    consonant = False
    for i, ch in enumerate(word):
        if ch in _VOWELS:
            consonant = False
        elif ch == "y":
            consonant = i == 0 or not consonant
        else:
            consonant = True
        out.append("c" if consonant else "v")
    return "".join(out)


def _measure(part: str) -> int:
    """Porter's ``m``: how many times a run of vowels is followed by a consonant."""
    return _kinds(part).count("vc")


def _has_vowel(part: str) -> bool:
    return "v" in _kinds(part)


def _ends_double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _kinds(word)[-1] == "c"


def _ends_cvc(part: str) -> bool:
    """Porter's ``*o``: ``part`` ends consonant, vowel, consonant, the last not w, x or y;
    here also a two-character ``part`` that is vowel, consonant (any consonant)."""
    if len(part) == 2:
        return _kinds(part) == "vc"
    return len(part) >= 3 and _kinds(part).endswith("cvc") and part[-1] not in "wxy"


# A rule: (suffix, replacement, condition on the part before the suffix or None).
_Rule = tuple[str, str, Optional[Callable[[str], bool]]]


def _positive(part: str) -> bool:
    return _measure(part) > 0


def _above_one(part: str) -> bool:
    return _measure(part) > 1


# A rule table as the steps read it: its rules by the last letter of their suffix, each
# letter's in the table's order. Only those can end a word that ends in that letter, and the
# first of them that does is the table's first that does: the same rule decides, after
# fewer tries (step 4 has 19 rules, step 2 22).
_Table = dict[str, tuple[_Rule, ...]]


def _by_last_letter(rules: tuple[_Rule, ...]) -> _Table:
    out: dict[str, list[_Rule]] = {}
    for rule in rules:
        out.setdefault(rule[0][-1], []).append(rule)
    return {letter: tuple(some) for letter, some in out.items()}


def _first_rule(word: str, table: _Table) -> str:
    """The first rule whose suffix ends ``word`` decides: its replacement when its
    condition holds, else the word unchanged (later rules are not tried)."""
    for suffix, replacement, condition in table.get(word[-1:], ()):
        if word.endswith(suffix):
            part = word[: len(word) - len(suffix)]
            if condition is None or condition(part):
                return part + replacement
            return word
    return word


_STEP1A = _by_last_letter((("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)))


def _step1a(word: str) -> str:
    if len(word) == 4 and word.endswith("ies"):
        return word[:-1]
    return _first_rule(word, _STEP1A)


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return word[:-1] if len(word) == 4 else word[:-2]
    if word.endswith("eed"):
        return word[:-1] if _positive(word[:-3]) else word
    if word.endswith("ed") and _has_vowel(word[:-2]):
        part = word[:-2]
    elif word.endswith("ing") and _has_vowel(word[:-3]):
        part = word[:-3]
    else:
        return word
    return _tidy_1b(part)


def _tidy_1b(part: str) -> str:
    """After ``ed`` or ``ing`` is removed: restore an ``e`` the suffix took, or undouble."""
    if part.endswith(("at", "bl", "iz")):
        return part + "e"
    if _ends_double_consonant(part):
        return part[:-1] if part[-1] not in "lsz" else part
    if part.endswith("*d"):
        # nltk's rule table marks its undoubling rule with the suffix "*d"; a word that
        # really ends so is cut there (only reachable by text with an asterisk in a word).
        return part[:-2] + "d"
    if _measure(part) == 1 and _ends_cvc(part):
        return part + "e"
    return part


def _step1c(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and _kinds(word[:-1])[-1] == "c":
        return word[:-1] + "i"
    return word


def _logi(part_without_l: str) -> bool:
    # The ``l`` of ``logi`` counts with the stem: ``geologi`` -> ``geolog``.
    return _positive(part_without_l + "l")


_STEP2 = _by_last_letter((
    ("ational", "ate", _positive),
    ("tional", "tion", _positive),
    ("enci", "ence", _positive),
    ("anci", "ance", _positive),
    ("izer", "ize", _positive),
    ("bli", "ble", _positive),
    ("alli", "al", _positive),
    ("entli", "ent", _positive),
    ("eli", "e", _positive),
    ("ousli", "ous", _positive),
    ("ization", "ize", _positive),
    ("ation", "ate", _positive),
    ("ator", "ate", _positive),
    ("alism", "al", _positive),
    ("iveness", "ive", _positive),
    ("fulness", "ful", _positive),
    ("ousness", "ous", _positive),
    ("aliti", "al", _positive),
    ("iviti", "ive", _positive),
    ("biliti", "ble", _positive),
    ("fulli", "ful", _positive),
    ("logi", "log", _logi),
))


def _step2(word: str) -> str:
    # A bounded loop: each round removes two characters (``alli`` -> ``al``).
    while word.endswith("alli") and _positive(word[:-4]):
        word = word[:-2]
    return _first_rule(word, _STEP2)


_STEP3 = _by_last_letter((
    ("icate", "ic", _positive),
    ("ative", "", _positive),
    ("alize", "al", _positive),
    ("iciti", "ic", _positive),
    ("ical", "ic", _positive),
    ("ful", "", _positive),
    ("ness", "", _positive),
))


def _ion(part: str) -> bool:
    return _above_one(part) and part[-1] in "st"


_STEP4 = _by_last_letter(tuple(
    (suffix, "", _ion if suffix == "ion" else _above_one)
    for suffix in "al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize".split()
))


def _step5(word: str) -> str:
    if word.endswith("e"):
        part = word[:-1]
        m = _measure(part)
        if m > 1 or (m == 1 and not _ends_cvc(part)):
            word = part
    if word.endswith("ll") and _above_one(word[:-1]):
        word = word[:-1]
    return word


def stem(word: str) -> str:
    """The Porter stem of ``word``, lower-cased (nltk's ``PorterStemmer().stem(word)``)."""
    low = word.lower()
    fixed = _IRREGULAR.get(low)
    if fixed is not None:
        return fixed
    if len(word) <= 2:
        return low
    low = _step1c(_step1b(_step1a(low)))
    low = _first_rule(_first_rule(_step2(low), _STEP3), _STEP4)
    return _step5(low)
