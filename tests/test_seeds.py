"""The five real articles in ../shared/seeds (present in CI beside the checkout)."""

from pathlib import Path

import pytest

from quotetrack import scan

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not present")


@pytest.fixture(scope="module")
def result():
    return scan([SEEDS])


def _quotes(result, direct=True):
    outlet = {a.id: a.outlet for a in result.articles}
    return [(outlet[q.article_id], q.words[:30], q.kind, q.speaker) for q in result.quotes if q.direct == direct]


def test_outlets(result):
    assert [a.outlet for a in result.articles] == [
        "Devdiscourse",
        "The Associated Press",
        "002_906299ceaf9f424c",
        "003_6c0fd8b43335e247",
        "004_11a784adbddf4b71",
    ]


def test_every_quote_with_its_speaker_and_kind(result):
    E = "Rahm Emanuel"
    assert _quotes(result) == [
        ("Devdiscourse", "It is clear that the United St", "full", E),
        ("Devdiscourse", "The goal here is not more meet", "full", E),
        ("The Associated Press", "It is clear that the United St", "full", E),
        ("The Associated Press", "The goal here is not more meet", "full", E),
        ("The Associated Press", "Those who want to do harm to t", "full", E),
        ("002_906299ceaf9f424c", "a major significant developmen", "partial", E),
        ("002_906299ceaf9f424c", "the US military-industrial bas", "partial", E),
        ("002_906299ceaf9f424c", "the frontline of defence in Ea", "partial", E),
        ("002_906299ceaf9f424c", "China’s capacity in shipbuildi", "partial", "Liu Qingbin"),
        ("003_6c0fd8b43335e247", "The United States is going to ", "full", E),
        ("003_6c0fd8b43335e247", "And Japan is going to have to ", "full", E),
        ("003_6c0fd8b43335e247", "We’re going to have to change.", "full", E),
        ("003_6c0fd8b43335e247", "If we train together, we shoul", "full", E),
        ("003_6c0fd8b43335e247", "It’s actually that infrastruct", "full", E),
        ("004_11a784adbddf4b71", "2+2", "term", None),
        ("004_11a784adbddf4b71", "extended deterrence,", "term", None),
    ]


def test_page_furniture_quotes_are_left_out(result):
    words = " ".join(q.text for q in result.quotes)
    assert "Canada!" not in words and "most coveted" not in words


def test_offsets_point_into_the_files(result):
    for q in result.quotes:
        art = next(a for a in result.articles if a.id == q.article_id)
        raw = Path(art.path).read_bytes().decode("utf-8")
        assert raw[q.start : q.end] == q.text


def test_reported_speech_with_speakers(result):
    got = _quotes(result, direct=False)
    E = "Rahm Emanuel"
    for expected in [
        ("Devdiscourse", "adversaries will not wait", E),
        ("Devdiscourse", "China's shipbuilding capab", E),
        ("Devdiscourse", "conducting maintenance and", E),
        ("The Associated Press", "The United States needs Ja", E),
        ("The Associated Press", "China’s shipbuilding capac", E),
        ("The Associated Press", "repairs in Japan of U.S. N", E),
        ("The Associated Press", "They agreed to establish w", "the Japanese Defense Ministry"),
        ("002_906299ceaf9f424c", "Japan’s defence policy is ", "Atsushi Koketsu"),
        ("002_906299ceaf9f424c", "increasing the opportuniti", "Masaki Fukasawa"),
        ("003_6c0fd8b43335e247", "both sides needed to chang", E),
        ("003_6c0fd8b43335e247", "the US no longer had the l", E),
    ]:
        outlet, opening, speaker = expected
        assert any(o == outlet and w.startswith(opening) and sp == speaker for o, w, _k, sp in got), expected


def test_statements_carried_by_more_than_one_outlet(result):
    multi = [s for s in result.statements if len(s.outlets) > 1]
    matches = [(s.text[:30], {m.outlet: m.match for m in s.members}) for s in multi]
    assert all(s.speaker == "Rahm Emanuel" for s in multi)
    AP, DD, GT = "The Associated Press", "Devdiscourse", "002_906299ceaf9f424c"
    assert matches == [
        ("It is clear that the United St", {DD: "verbatim", AP: "verbatim", GT: "altered"}),
        ("The goal here is not more meet", {DD: "verbatim", AP: "verbatim"}),
        ("China's shipbuilding capabilit", {DD: "paraphrase", AP: "paraphrase"}),
        ("repairs in Japan of U.S. Navy ", {DD: "paraphrase", AP: "paraphrase"}),
    ]


@pytest.mark.xfail(reason="the learned judge gives Devdiscourse's reported 'adversaries will not wait for the US "
                          "industrial capacity' p=0.62 against AP's 'Those who want to do harm ... are not going to "
                          "wait', below the confident probability a reported claim needs to join a direct quote")
def test_reported_paraphrase_of_a_direct_quote_joins_it(result):
    st = next(s for s in result.statements if s.text.startswith("Those who want to do harm"))
    assert {m.outlet: m.match for m in st.members} == {"Devdiscourse": "paraphrase", "The Associated Press": "verbatim"}


def test_altered_words_are_marked(result):
    from quotetrack.render import plain_diff

    st = next(s for s in result.statements if s.text.startswith("It is clear"))
    quotes = {q.id: q for q in result.quotes}
    altered = next(m for m in st.members if m.match == "altered")
    assert "[-strategic-] {+security+}" in plain_diff(st.text, quotes[altered.quote_id].words)
