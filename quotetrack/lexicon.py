"""Word lists used by attribution: speech verbs, titles, role nouns, and
capitalised words that are not people's names.

Kept in one place so that extending coverage is a one-line change.
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


def read_base_forms(text: str) -> frozenset[str]:
    """The word that opens each line of a list (a verb's or a noun's base form)."""
    return frozenset(w[0].lower() for line in text.splitlines() if (w := line.split("#", 1)[0].split()))


_SPEECH_VERB_LIST = resources.files("quotetrack").joinpath("data", "speech_verbs.txt").read_text(encoding="utf-8")
# Speech verbs in every form news copy uses, from the base forms in data/speech_verbs.txt.
SPEECH_VERBS = read_verbs(_SPEECH_VERB_LIST)
# Their base forms alone ("comment", "say"): after "a" or "her" such a word is a noun.
SPEECH_BASE_FORMS = read_base_forms(_SPEECH_VERB_LIST)

# Verbs of speech that take no subject of their own when they are -ing forms
# ("Varga said, adding: ..."): the speaker is the subject of the clause.
PARTICIPLE_SUFFIX = "ing"

# Multi-word cues, matched on lower-case tokens.
ACCORDING_TO = ("according", "to")

# Titles that precede a name ("Ambassador Helena Varga"). Lower-case, without dots.
TITLES = _words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime minister secretary under deputy assistant ambassador envoy consul
    senator sen rep representative congressman congresswoman governor gov lieutenant lt
    mayor councillor councilor councilman councilwoman alderman chancellor premier king queen prince princess
    general gen admiral adm colonel col major maj captain capt commander sergeant sgt officer
    judge justice attorney chief chairman chairwoman chair director commissioner superintendent
    spokesman spokeswoman spokesperson pope cardinal bishop rabbi imam sheikh
    engineer inspector detective constable sheriff coach
    former acting interim incoming outgoing then state foreign defence defense finance trade
    """
)

# Role nouns that a later "the <role>" can refer back to (data/role_nouns.txt). Lower-case.
ROLE_NOUNS = read_base_forms(resources.files("quotetrack").joinpath("data", "role_nouns.txt").read_text(encoding="utf-8"))

# Lower-case nouns for groups and institutions that speak in news copy.
GROUP_NOUNS = _words(
    """
    ministry department agency government company firm council committee commission office
    officials experts analysts critics residents police spokesman spokeswoman spokesperson
    campaign team administration statement report group organization organisation union
    """
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": "s",
    "we": "p",
}

# Capitalised words that are never part of a person's name.
NOT_NAMES = _words(
    """
    The A An And But Or If In On At Of For To From By With Without As It Its This That These Those
    He She They We I You His Her Their Our My Your There Here When Where While After Before Since
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Mon Tue Wed Thu Fri Sat Sun
    US U.S USA U.S.A UK U.K EU U.N UN NATO American Americans British Chinese Japanese German French Russian
    United States Kingdom Union Nations Japan China Tokyo Washington Beijing Europe Asia Asian Pacific
    Indo-Pacific Russia Ukraine Israel Korea Taiwan India Canada Britain London Paris Berlin Moscow
    Ministry Department Agency Government Council Committee Commission Office House Senate Congress
    Parliament Party Army Navy Air Force Marines Defense Defence State Foreign Finance Trade Justice
    University Institute College School Center Centre Association Foundation Bank Group Company Corp Inc
    Ltd Press News Times Post Journal Daily Herald Tribune Wire Reuters AP AFP Associated
    Industries Technologies Technology Agency Forum Fleet Logistics Acquisition Sustainment
    Top Stories Most Watched Related Read More Sign Subscribe Advertisement Share Video Photo
    Mr Mrs Ms Dr Prof Sir President Prime Minister Secretary Ambassador Senator Governor Mayor
    Professor Chief Director Commissioner General Admiral Under Deputy Vice Spokesman Spokeswoman
    Councillor Councilor Rep Sen Gov Gen Lt Col Capt Judge Justice Chairman Chairwoman Engineer
    God Christmas Easter Mr. Mrs. Ms. Dr. Prof. However Meanwhile Also Still Yet So Then Now
    Earlier Later Last Next Today Yesterday Tomorrow According Some Many Most All Both Each Every
    Such Other Another Several Few No Not Only One Two Three Four Five Six Seven Eight Nine Ten
    Middle East West North South Northern Southern Eastern Western Central Sciences Studies Affairs
    Cooperation Security Industrial Democratic Republican Liberal Conservative Labour Labor Green
    National International Federal Royal City County Province Region Street Avenue Road Square
    Neither Either Nor Whether Although Though Because Despite During Even Just Instead Unlike Like
    Asked Speaking Writing Asked Under Over Through Across Against Among Between Within Without Until
    Why What Who Whom Whose Which How Yes Well Oh Sure Please Thank Thanks Dear Hello
    Democrat Democrats Democratic Republican Republicans GOP
    """
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st mt gen col lt capt sgt maj adm rep sen gov rev hon
    u.s u.k u.n e.u d.c no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m fig approx dept est
    """
)


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
    "husband son uncle nephew grandfather"
)
FEMALE_WORDS = _words(
    "mrs ms miss dame lady queen princess mother sister spokeswoman chairwoman congresswoman councilwoman "
    "businesswoman wife daughter aunt niece grandmother"
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
