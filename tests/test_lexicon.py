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
