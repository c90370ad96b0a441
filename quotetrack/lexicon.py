"""Word lists used by attribution: speech verbs, titles, role nouns, group nouns, and
capitalised words that are not people's names.

The lists live as data files in ``quotetrack/data`` (base forms; a verb's inflections are
generated), so that extending coverage is a one-line change to a file; each is tested on
its own in ``tests/test_lexicon.py``.
"""

from __future__ import annotations

from importlib import resources


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VOWELS = frozenset("aeiou")


def inflections(base: str) -> set[str]:
    """A regular English verb's forms: base, -s, -ed, -ing ("fume" -> fumes,
    fumed, fuming; "deny" -> denies, denied, denying; "gush" -> gushes)."""
    forms = {base}
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", (base if base.endswith(("ee", "ye", "oe")) else base[:-1]) + "ing"}
    else:
        forms |= {base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"), base + "ed", base + "ing"}
    return forms


def read_verbs(text: str) -> frozenset[str]:
    """Every form of the verbs listed one a line (base form first, then any
    irregular or doubled forms); ``#`` starts a comment."""
    out: set[str] = set()
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            out |= inflections(words[0].lower())
            out.update(w.lower() for w in words[1:])
    return frozenset(out)


def read_words(text: str, lower: bool = False) -> frozenset[str]:
    """Every word of a list file (several a line; ``#`` starts a comment), lower-cased on request."""
    words = [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


def _data(name: str) -> str:
    return resources.files("quotetrack").joinpath("data", name).read_text(encoding="utf-8")


def read_base_forms(text: str) -> frozenset[str]:
    """The word that opens each line of a list (a verb's or a noun's base form)."""
    return frozenset(w[0].lower() for line in text.splitlines() if (w := line.split("#", 1)[0].split()))


_SPEECH_VERB_LIST = resources.files("quotetrack").joinpath("data", "speech_verbs.txt").read_text(encoding="utf-8")
# Speech verbs in every form news copy uses, from the base forms in data/speech_verbs.txt.
SPEECH_VERBS = read_verbs(_SPEECH_VERB_LIST)
# Their base forms alone ("comment", "say"): after "a" or "her" such a word is a noun.
SPEECH_BASE_FORMS = read_base_forms(_SPEECH_VERB_LIST)
# Nouns for something said, whose owner speaks ("Roe's claim that “…”"): data/speech_nouns.txt
# and their plurals in -s.
SPEECH_NOUNS = frozenset(f for w in read_words(_data("speech_nouns.txt"), lower=True) for f in (w, w + "s"))
# Verbs that cue a quote only right after it, with a subject and no object ("“…?” Roe
# pressed."): past and present forms of the base forms in data/after_quote_verbs.txt.
AFTER_QUOTE_VERBS = frozenset(f for f in read_verbs(_data("after_quote_verbs.txt")) if not f.endswith("ing"))

# Verbs of speech that take no subject of their own when they are -ing forms
# ("Varga said, adding: ..."): the speaker is the subject of the clause.
PARTICIPLE_SUFFIX = "ing"

# Multi-word cues, matched on lower-case tokens.
ACCORDING_TO = ("according", "to")

# Titles that precede a name ("Ambassador Helena Varga") (data/titles.txt). Lower-case, without dots.
TITLES = read_words(_data("titles.txt"), lower=True)

# Role nouns that a later "the <role>" can refer back to (data/role_nouns.txt). Lower-case.
ROLE_NOUNS = read_base_forms(_data("role_nouns.txt"))

# Lower-case nouns for groups and institutions that speak in news copy (data/group_nouns.txt).
GROUP_NOUNS = read_words(_data("group_nouns.txt"), lower=True)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": "s",
    "we": "p",
}

# Capitalised words that are never part of a person's name (data/not_names.txt).
NOT_NAMES = read_words(_data("not_names.txt"))

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st mt gen col lt capt sgt maj adm rep sen gov rev hon
    u.s u.k u.n e.u d.c no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m fig approx dept est
    """
)


def dot_ends_no_sentence(word: str) -> bool:
    """Whether a full stop right after ``word`` belongs to it: an abbreviation ("Mr.", "U.S.") or
    the initial of a name ("Ann B. Roe")."""
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


# Words that may follow a verb but are not its speaker ("said Monday").
TIME_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    on in at last earlier later then recently
    """
)

# Gendered titles and role words for pronoun resolution ("she said" after a man
# spoke goes back to the last woman named); first names are read from the
# gender-guesser dictionary (attribution.gender).
MALE_WORDS = _words(
    "mr sir lord king prince father brother spokesman chairman congressman councilman businessman "
    "husband son uncle nephew grandfather grandson man gentleman boy dad widower"
)
FEMALE_WORDS = _words(
    "mrs ms miss dame lady queen princess mother sister spokeswoman chairwoman congresswoman councilwoman "
    "businesswoman wife daughter aunt niece grandmother granddaughter woman girl mom widow actress"
)
# Words that begin with an apostrophe standing for dropped letters ('tis, rock 'n'
# roll, 'em): the mark before them opens no quote. Lower-case, without the mark.
ELISIONS = _words("tis twas twere n em cause cos til bout nuff neath ello allo appen ow")

# Kinds of work whose title a quote names: the film "…", her novel "…". Base forms;
# plurals are matched too.
WORK_NOUNS = _words(
    """
    film movie documentary book novel novella memoir biography poem song single album record
    track ep anthem hymn ballad show series sitcom drama programme program episode play musical
    opera ballet painting sculpture exhibition podcast game videogame comic manga column essay
    """
)

# Verbs and participles that introduce a name or title: titled "…", a band called "…".
NAMING_WORDS = _words("titled entitled called named dubbed")
