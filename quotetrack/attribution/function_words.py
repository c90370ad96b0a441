"""Closed-class words the attribution rules read: determiners, auxiliaries,
connectors inside names and titles, prepositions, and the quotation marks."""

from __future__ import annotations

OPEN_MARKS = set("“„«\"'‘")
CLOSE_MARKS = set("”»\"'’“")
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "one", "another"}
BEFORE_SUBJECT = {"and", "but", "so", "what", "who", "that", "which", "as", "when", "where", "because", "if", "while", "then", "though", "although"}
LEADING_FUNCTION_WORDS = {
    "in", "on", "at", "after", "before", "when", "while", "since", "during", "by", "for", "from", "with", "as",
    "if", "but", "and", "so", "then", "this", "that", "yet", "still", "also", "now", "later", "earlier",
    # prepositions that open a sentence ("Along with the photo, he had posted: …")
    "along", "amid", "among", "despite", "under", "against", "about", "throughout", "without", "within",
    "across", "through", "toward", "towards", "unlike", "like", "beyond", "behind", "besides",
}
# Determiners, wh-words and adverbs that open sentences ("Multiple outlets reported", "Sometimes
# the crowd …", "Why not …"): capitalised there, never a name (not "Others", "Many", "Some":
# they speak for a group, "Others say …").
OPENING_FUNCTION_WORDS = frozenset(
    """multiple any every such another sometimes often ever never always usually why how whatever whichever thus hence
    therefore perhaps maybe instead meanwhile however indeed moreover furthermore nevertheless nonetheless otherwise""".split()
)
# Words opening a fronted adverbial clause ("When Roe said the county would sue, Poe fired
# back: “…”"). Not "as": "As Roe said, “…”" quotes Roe.
ADVERBIAL_OPENERS = frozenset("when whenever after while although though because since before once until unless whereas if".split())
# Words after a sentence-opening "-ing" word that make it a participle ("Conceding that",
# "Speaking to reporters"), not a name.
PARTICIPLE_FOLLOWERS = frozenset(
    "that to the a an his her their its on in at with about from for up out down off back over".split()
)
# Words that end a span of time ("Hours later", "The day before", "Two weeks ago").
TIME_AFTER = frozenset({"before", "after", "later", "earlier", "ago"})
# A time adverbial between a subject and its verb ("Roe on Monday said", "the board last week
# told", "the department less than two weeks ago said"): its words, and the nouns one must hold.
TIME_UNITS = frozenset("year years month months week weeks day days morning evening night afternoon".split())
TIME_NOUNS = TIME_UNITS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight ago weekend".split()
)
TIME_PHRASE_WORDS = TIME_NOUNS | frozenset(
    "on last this next earlier later than less more over the past two three four five six few several a".split()
)
NOMINATIVE = {"he", "she", "they", "we", "i"}
S_CONTRACTIONS = {"he", "she", "it", "that", "who", "what", "there", "here", "where", "let"}
NOT_HEADS = {"once", "also", "then", "now", "still", "never", "which", "who", "that", "there", "here", "just", "even", "again", "too"}
# Auxiliaries between a subject and its verb: "Trump is promising", "Clinton had mocked".
AUXILIARIES = {"is", "was", "are", "were", "has", "had", "have", "will", "would", "been", "be", "also", "again",
                "now", "then", "not", "never", "did", "does", "do", "could", "can", "may", "might", "should", "just", "later"}
NAME_CONNECTORS = {"de", "da", "di", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "dos", "ibn"}
TITLE_CONNECTORS = {"of", "to", "for"}
PREPOSITIONS = {"for", "of", "at", "with", "from", "in", "on"}
# English prepositions (a closed class), for rules that must not read across one.
ALL_PREPOSITIONS = frozenset(
    "about above across after against along alongside amid among around at before behind below beneath beside besides "
    "between beyond by despite down during except for from in inside into like near of off on onto out outside "
    "over past since through throughout to toward towards under underneath unlike until up upon via with within "
    "without".split()
)
# Possessive and object pronouns: never inside the description between a name and another name
# ("Roe threw her support behind Sen. Ek" describes nobody).
PRONOUN_FORMS = frozenset("her his their its my our your him them me us you".split())
LEAD_PUNCT = set(",.!?—–-:;…")

# The most frequent English words: a text where few of its words are among them is
# not English, and its quotes get no speaker (the rules read English grammar).
COMMON_ENGLISH = frozenset(
    """the of and to a in is that for it was on with as he she they his her at by be this
    from have has had not but are were an or which will would said who their its been""".split()
)


def english_share(words: list[str]) -> float:
    """The share of (lower-case) words that are among the commonest English words."""
    # Counted in C (``map`` of the set's membership test), not a generator step per word.
    return sum(map(COMMON_ENGLISH.__contains__, words)) / len(words) if words else 1.0
# Words that join two subjects ("Harbour News and Ann Roe have …"): what follows is no verb.
COORDINATORS = frozenset(("and", "or", "nor", "but"))


# Function words, capitalised where they open a sentence, are never part of a name ("Whatever
# Bloomberg's impact …", "Besides Clinton, …", "Any decision …").
NEVER_NAME_WORDS = OPENING_FUNCTION_WORDS | LEADING_FUNCTION_WORDS | BEFORE_SUBJECT | DETERMINERS | NOT_HEADS
