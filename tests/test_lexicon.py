"""The word lists, each on its own: base forms in data files, inflections generated."""

from importlib import resources

import pytest

from quotetrack.lexicon import SPEECH_VERBS, inflections, read_verbs


@pytest.mark.parametrize(
    "base, forms",
    [
        ("fume", {"fume", "fumes", "fumed", "fuming"}),
        ("gush", {"gushes", "gushed", "gushing"}),
        ("deny", {"denies", "denied", "denying"}),
        ("say", {"says", "saying"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("echo", {"echoes", "echoed", "echoing"}),
        ("interject", {"interjects", "interjected", "interjecting"}),
    ],
)
def test_regular_inflections(base, forms):
    assert forms <= inflections(base)


def test_irregular_forms_listed_after_the_base():
    verbs = read_verbs("say said\nquip quipped quipping  # doubled consonant\n# a comment line\n\n")
    assert {"say", "says", "saying", "said", "quip", "quips", "quipped", "quipping"} <= verbs
    assert "comment" not in verbs and "line" not in verbs


def test_speech_verb_file_holds_base_forms_once():
    text = resources.files("quotetrack").joinpath("data", "speech_verbs.txt").read_text(encoding="utf-8")
    bases = [line.split("#", 1)[0].split()[0] for line in text.splitlines() if line.split("#", 1)[0].strip()]
    assert len(bases) == len(set(bases)), "a verb is listed twice"
    for b in bases:
        assert b == b.lower() and b.isalpha(), b
        # A base form is not itself an inflection of another listed base ("says" under "say").
        assert not any(b != o and b in inflections(o) for o in bases), b


@pytest.mark.parametrize("form", ["fumed", "interjected", "gushed", "groused", "scoffed", "said", "told", "wrote", "tweeted"])
def test_cue_forms_are_speech_verbs(form):
    assert form in SPEECH_VERBS


@pytest.mark.parametrize("word", ["the", "table", "mayor", "council", "walked", "eats"])
def test_ordinary_words_are_not_speech_verbs(word):
    assert word not in SPEECH_VERBS


def test_base_forms_are_the_first_word_of_each_line_and_speech_verbs():
    from quotetrack.lexicon import SPEECH_BASE_FORMS, SPEECH_VERBS, read_base_forms

    assert read_base_forms("say said\n# a comment\nfume  # angry\n\n") == {"say", "fume"}
    assert SPEECH_BASE_FORMS <= SPEECH_VERBS
    assert "say" in SPEECH_BASE_FORMS and not {"said", "says", "saying"} & SPEECH_BASE_FORMS


def _role_file_words():
    text = resources.files("quotetrack").joinpath("data", "role_nouns.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def test_role_noun_file_holds_singular_base_forms_once():
    from quotetrack.lexicon import ROLE_NOUNS

    words = _role_file_words()
    assert len(words) == len(set(words)), "a role is listed twice"
    for w in words:
        assert w == w.lower() and w.isalpha() and " " not in w, w
    assert ROLE_NOUNS == frozenset(words)
    assert not {"the", "said", "council", "walked"} & ROLE_NOUNS


ROLE_PHRASINGS = {
    # A capitalised role opening the sentence is the person's role, not a first name.
    "role-opens-sentence": "{R} Odile Marchetti opened the meeting on Monday. “The budget is not ready,” the {r} said.",
    "role-mid-sentence": "On Monday, {r} Odile Marchetti opened the meeting. “The budget is not ready,” the {r} said.",
    "role-in-apposition": "Odile Marchetti, a {r} from the port, opened the meeting. “The budget is not ready,” the {r} said.",
}


@pytest.mark.parametrize("phrasing", sorted(ROLE_PHRASINGS))
@pytest.mark.parametrize("role", _role_file_words())
def test_every_listed_role_refers_back_to_the_person_named_with_it(role, phrasing):
    """Each role noun in the list does its job: "the <role> said" means the person introduced
    with that role (the list is tested word by word, not by a sample)."""
    from quotetrack.api import quotes_of
    from quotetrack.ingest import build_article

    text = "The town council met on Tuesday to debate the flood defences.\n" + ROLE_PHRASINGS[phrasing].format(
        R=role.capitalize(), r=role) + "\n"
    got = [(q.text, q.speaker) for q in quotes_of(build_article("a1", "x.txt", text)) if q.direct]
    assert [s for _, s in got] == ["Odile Marchetti"], got


def _list_file_words(name):
    text = resources.files("quotetrack").joinpath("data", name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]


@pytest.mark.parametrize("name, lower", [("titles.txt", True), ("group_nouns.txt", True), ("not_names.txt", False)])
def test_list_files_hold_each_word_once(name, lower):
    from quotetrack import lexicon

    words = _list_file_words(name)
    dupes = sorted({w for w in words if words.count(w) > 1})
    assert not dupes, f"listed twice in {name}: {dupes}"
    for w in words:
        assert w == w.lower() if lower else w[:1].isupper(), w
    loaded = {"titles.txt": lexicon.TITLES, "group_nouns.txt": lexicon.GROUP_NOUNS, "not_names.txt": lexicon.NOT_NAMES}[name]
    assert loaded == frozenset(words)


def test_read_words_reads_every_word_and_skips_comments():
    from quotetrack.lexicon import read_words

    assert read_words("Mr Mrs  # honorifics\n# a comment\n\nDr\n") == {"Mr", "Mrs", "Dr"}
    assert read_words("Mr Mrs\n", lower=True) == {"mr", "mrs"}


_PERSON_TITLES = [t for t in _list_file_words("titles.txt") if t not in {
    # modifiers a title carries, not titles of their own ("former", "acting", "state", "foreign")
    "former", "acting", "interim", "incoming", "outgoing", "then", "state", "foreign", "defence", "defense",
    "finance", "trade", "under", "vice", "prime", "deputy", "assistant", "lieutenant"}]


@pytest.mark.parametrize("title", _PERSON_TITLES)
def test_every_listed_title_before_a_name_leaves_the_person_the_speaker(title):
    """Each title in the list does its job: "“…,” said <Title> Odile Marchetti." is Odile
    Marchetti's, the title not part of her name."""
    from quotetrack.api import quotes_of
    from quotetrack.ingest import build_article

    text = ("The town council met on Tuesday to debate the flood defences.\n"
            f"“The budget is not ready,” said {title.capitalize()} Odile Marchetti.\n")
    got = [q.speaker for q in quotes_of(build_article("a1", "x.txt", text)) if q.direct]
    assert got == ["Odile Marchetti"], got


@pytest.mark.parametrize("noun", _list_file_words("group_nouns.txt"))
def test_every_listed_group_noun_speaks_as_a_description(noun):
    """"“…,” the <group> said." has a speaker (a description), for every group noun; a document
    ("the statement") is read as a noun phrase too, but speaks for whoever issued it (none here)."""
    from quotetrack.api import quotes_of
    from quotetrack.attribution.people import DOCUMENTS
    from quotetrack.ingest import build_article

    text = ("The town council met on Tuesday to debate the flood defences.\n"
            f"“The budget is not ready,” the {noun} said.\n")
    got = [q.speaker for q in quotes_of(build_article("a1", "x.txt", text)) if q.direct]
    if noun in DOCUMENTS:
        assert got == [None], got
    else:
        assert len(got) == 1 and got[0] and noun in got[0].lower(), got


def test_after_quote_verb_file_holds_base_forms_once_and_no_speech_verb():
    from quotetrack import lexicon

    words = _list_file_words("after_quote_verbs.txt")
    assert len(words) == len(set(words)) and all(w == w.lower() for w in words)
    assert not set(words) & lexicon.SPEECH_VERBS  # never a speech verb everywhere as well
    for w in words:
        assert lexicon.inflections(w) - {f for f in lexicon.inflections(w) if f.endswith("ing")} <= lexicon.AFTER_QUOTE_VERBS


def test_speech_noun_file_holds_base_forms_once_with_their_plurals_loaded():
    from quotetrack import lexicon

    words = _list_file_words("speech_nouns.txt")
    assert len(words) == len(set(words)) and all(w == w.lower() and not w.endswith("s") for w in words)
    assert {f for w in words for f in (w, w + "s")} == lexicon.SPEECH_NOUNS
