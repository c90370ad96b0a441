from quotetrack.api import quotes_of
from quotetrack.ingest import build_article

BODY = "The harbour council met on Tuesday to vote on the new sea wall plans for the town.\n"


def reported(text):
    art = build_article("a1", "x.txt", BODY + text)
    return [(q.words, q.speaker, q.cue) for q in quotes_of(art) if not q.direct]


def test_verb_then_clause_with_and_without_that():
    got = reported("Mayor Helena Varga said that the wall would be finished by June.\n")
    assert got == [("the wall would be finished by June", "Helena Varga", "said")]
    got = reported("Helena Varga said the wall would be finished by June.\n")
    assert got == [("the wall would be finished by June", "Helena Varga", "said")]


def test_and_that_starts_a_second_statement():
    got = reported("The mayor, Helena Varga, said the wall would hold and that the turbines would pay for themselves.\n")
    assert [w for w, _, _ in got] == ["the wall would hold", "the turbines would pay for themselves"]
    assert {s for _, s, _ in got} == {"Helena Varga"}


def test_clause_then_cue():
    got = reported("The turbines will pay for themselves within twelve years, Tomas Brenner said on Monday.\n")
    assert got == [("The turbines will pay for themselves within twelve years", "Tomas Brenner", "said")]


def test_dateline_is_not_part_of_the_statement():
    got = reported("PORT ALDMERE (AWS) — The barrage opens next week after six years of work, the mayor said.\n"
                   "Helena Varga, the mayor, cut the ribbon.\n")
    assert got == [("The barrage opens next week after six years of work", "Helena Varga", "said")]


def test_according_to_and_told_reporters():
    got = reported("According to Tomas Brenner, the turbines were tested in March.\n"
                   "Brenner told reporters that the grid link was ready.\n")
    assert got == [
        ("the turbines were tested in March", "Tomas Brenner", "according to"),
        ("the grid link was ready", "Tomas Brenner", "told"),
    ]


def test_participle_takes_the_subject_of_its_clause():
    got = reported("“We are ready,” Brenner said, adding that the grid link was finished.\n")
    assert got == [("the grid link was finished", "Brenner", "adding")]


def test_no_content_no_statement():
    assert reported("“We are ready,” he said in an interview.\nShe said in a statement on Monday.\n") == []
    assert reported("The ministry confirmed the plans for the new wall on Monday.\n") == []


def test_reported_speech_with_no_findable_speaker_is_dropped():
    assert reported("They said that the wall would be finished by June.\n") == []
