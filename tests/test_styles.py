"""House styles (project issue 12): single main marks, TeX marks, hard-wrapped
text, headlines of short texts, and titles of works."""

import textwrap

import pytest

from quotetrack.api import quotes_of, scan_texts
from quotetrack.ingest import build_article
from quotetrack.quotes import LineIndex, find_quotes
from quotetrack.styles import DOUBLE, SINGLE, house_style, reading_view, unwrap

HEAD = "Ferry tolls to rise in spring\n\n"


def direct(text, head=HEAD):
    art = build_article("a1", "x.txt", head + text)
    qs = [q for q in quotes_of(art) if q.direct]
    for q in qs:
        assert art.text[q.start : q.end] == q.text
    return [(q.words, q.kind, q.speaker) for q in qs]


# --------------------------------------------------------------------------- single main marks


@pytest.mark.parametrize(
    "text",
    [
        "'We will not be rushed,' Dervla Kinsella said, 'and nor should we be.'\n",
        "‘We will not be rushed,’ Dervla Kinsella said, ‘and nor should we be.’\n",
        "'We will not be rushed,' said Dervla Kinsella. 'And nor should we be.'\n",
        "Dervla Kinsella, the harbour minister, said: 'We will not be rushed, and nor should we be.'\n",
    ],
)
def test_single_marks_as_the_main_marks(text):
    found = direct(text)
    assert found
    assert found[0][1] == "full" and {speaker for _w, _k, speaker in found} == {"Dervla Kinsella"}
    joined = " ".join(w for w, _k, _s in found)
    assert "rushed" in joined and "nor should we be" in joined


@pytest.mark.parametrize(
    "text,inner",
    [
        ("'The word \"temporary\" has lost all meaning here,' said Ysolde Pellworth.\n", "temporary"),
        ("‘The word “temporary” has lost all meaning here,’ said Ysolde Pellworth.\n", "temporary"),
        ("‘They told us it was “a short closure”, and that was in March,’ Ysolde Pellworth said.\n", "a short closure"),
    ],
)
def test_double_marks_nest_inside_single_ones(text, inner):
    ((words, kind, speaker),) = direct(text)
    assert inner in words and kind == "full" and speaker == "Ysolde Pellworth"


@pytest.mark.parametrize(
    "sentence",
    [
        "I don't think the O'Briens' boat will sail,",
        "The Joneses' shop has stood on the quay since the '90s,",
        "It's not rock 'n' roll, it's a ferry timetable,",
        "'Tis a long wait for a boat that's never on time,",
        "A man of 6' 2\" can't stand up straight in the cabin,",
        "We've had nothing but excuses since '08 and I'm tired of them,",
    ],
)
def test_apostrophes_never_open_or_close_a_quote(sentence):
    text = f"'{sentence}' said Corrin Tregarth. 'We want answers.'\n"
    found = direct(text)
    assert [w.rstrip(",.") for w, _k, _s in found] == [sentence.rstrip(","), "We want answers"]
    assert {s for _w, _k, s in found} == {"Corrin Tregarth"}


@pytest.mark.parametrize(
    "text",
    [
        "Corrin Tregarth doesn't expect the O'Brien family's boat back before the '20s.\n",
        "The Ferncombe twins' bakery sells rock 'n' roll cakes to men of 6' 2\".\n",
    ],
)
def test_apostrophes_alone_are_no_quotes(text):
    assert direct(text) == []


def test_the_house_style_is_decided_per_article():
    american = "\"It was 'a disgrace,' frankly,\" said Corrin Tregarth. \"We will appeal.\"\n"
    british = "'It was \"a disgrace\", frankly,' said Corrin Tregarth. 'We will appeal.'\n"
    assert house_style(american) == DOUBLE
    assert house_style(british) == SINGLE
    result = scan_texts([("us.txt", HEAD + american), ("uk.txt", HEAD + british)])
    by_article = {}
    for q in result.quotes:
        by_article.setdefault(q.article_id, []).append(q.words.rstrip(",."))
    assert by_article["a1"] == ["It was 'a disgrace,' frankly", "We will appeal"]
    assert by_article["a2"] == ['It was "a disgrace", frankly', "We will appeal"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("«Le mot “provisoire” ne veut plus rien dire», a déclaré Dervla Kinsella.\n",
         "Le mot “provisoire” ne veut plus rien dire"),
        ("„Das Wort ‚vorläufig‘ bedeutet hier nichts mehr“, sagte Dervla Kinsella.\n",
         "Das Wort ‚vorläufig‘ bedeutet hier nichts mehr"),
    ],
)
def test_nested_marks_inside_guillemets_and_low_quotes(text, expected):
    assert [q.text.rstrip(",") for q in find_quotes(HEAD + text)] == [expected]


# --------------------------------------------------------------------------- TeX marks


@pytest.mark.parametrize(
    "text,expected",
    [
        ("``The tolls are too high,'' said Oonagh Quillan.\n", ["The tolls are too high,"]),
        ("Oonagh Quillan said, ``We have waited long enough.''\n", ["We have waited long enough."]),
        ("``It is `unworkable', in a word,'' Oonagh Quillan said.\n", ["It is `unworkable', in a word,"]),
    ],
)
def test_tex_marks(text, expected):
    found = direct(text)
    assert [w for w, _k, _s in found] == expected
    assert all(s == "Oonagh Quillan" for _w, _k, s in found)


# --------------------------------------------------------------------------- hard-wrapped text

WIRE = (
    "HARBOURTON, March 4 - The harbour board voted on Tuesday to raise ferry tolls by a fifth from April, "
    "despite a petition signed by more than four thousand islanders. "
    "\"We have no choice if the boats are to keep running through the winter storms and the repairs "
    "that follow them,\" said Halloran Veselka, the board chair, who cast the deciding vote. "
    "Islanders said they would take the case to the regional court before the end of the month."
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("width", [60, 66, 72, 78])
def test_a_quote_across_a_hard_wrap_is_one_quote(width, newline):
    body = textwrap.fill(WIRE, width, break_long_words=False, break_on_hyphens=False)
    text = "Ferry tolls rise by a fifth\n\n" + body + "\n\nMore follows on the islands' reaction, said the desk.\n"
    text = text.replace("\n", newline)
    art = build_article("a1", "wire.txt", text)
    assert art.title == "Ferry tolls rise by a fifth"
    assert text[art.body_start :].startswith("HARBOURTON")
    quotes = [q for q in quotes_of(art) if q.direct]
    (q,) = quotes
    assert text[q.start : q.end] == q.text and "\n" in q.text
    assert " ".join(q.words.split()).startswith("We have no choice") and q.words.endswith("that follow them,")
    assert (q.kind, q.speaker) == ("full", "Halloran Veselka")
    reported = [r for r in quotes_of(art) if not r.direct]
    assert reported, "the islanders' reported speech"
    for r in reported:  # cut from the joined lines, but words and positions are the file's
        assert text[r.start : r.end] == r.text
        assert (r.line, r.column) == LineIndex(text).position(r.start)


@pytest.mark.parametrize("width", [64, 72])
def test_a_wrapped_first_paragraph_is_not_the_headline(width):
    text = textwrap.fill(WIRE, width, break_long_words=False, break_on_hyphens=False) + "\n"
    art = build_article("a1", "wire.txt", text)
    assert art.body_start == 0 and art.title is None
    assert [q.speaker for q in quotes_of(art) if q.direct] == ["Halloran Veselka"]


@pytest.mark.parametrize(
    "text",
    [
        "Short lines\nof a poem\nare left alone\n",
        "A headline that is short\nThe first paragraph of the story is a single long line that runs on well past any "
        "wrapping width an e-mail client would use, as most web copy does.\nA second paragraph, also on one line, "
        "which is long enough that no wrapping could have produced it from a narrower column.\n",
        "| a table row that is wider than most | and a second cell of it |\n"
        "| a table row that is wider than most | and a second cell of it |\n"
        "| a table row that is wider than most | and a second cell of it |\n",
    ],
)
def test_text_that_is_not_hard_wrapped_keeps_its_line_breaks(text):
    assert unwrap(text) == text


# --------------------------------------------------------------------------- headline and body


@pytest.mark.parametrize(
    "text",
    [
        '"The shops are worried," Siobhan Marwick said.\n',
        "'The shops are worried,' Siobhan Marwick said.\n",
        "“The shops are worried,” said Siobhan Marwick.\n",
        "Siobhan Marwick said: “The shops are worried.”\n",
    ],
)
def test_a_text_of_one_paragraph_has_no_headline(text):
    found = direct(text, head="")
    assert [(k, s) for _w, k, s in found] == [("full", "Siobhan Marwick")]
    assert found[0][0].startswith("The shops are worried")
    assert build_article("a1", "x.txt", text).title is None


@pytest.mark.parametrize(
    "first",
    [
        '"Where has the ferry gone?" Siobhan Marwick asked the harbour office.',
        "'Nobody tells us anything,' Siobhan Marwick said.",
        "“The shops are worried,” said Siobhan Marwick, who runs a chandlery.",
        "Siobhan Marwick said the shops were “worried sick” about the closure.",
    ],
)
def test_dialogue_or_a_quoting_sentence_at_the_start_is_body(first):
    text = first + "\n\nThe harbour office said the timetable would be published on Friday.\n"
    art = build_article("a1", "x.txt", text)
    assert art.body_start == 0 and art.title is None
    found = [q.speaker for q in quotes_of(art) if q.direct]
    assert found == ["Siobhan Marwick"]


def test_a_quoted_headline_stays_a_headline():
    text = "'Nobody is listening': islanders fight toll rise\n\n" + WIRE + "\n"
    art = build_article("a1", "x.txt", text)
    assert art.title == "'Nobody is listening': islanders fight toll rise"
    assert text[art.body_start :].startswith("HARBOURTON")


# --------------------------------------------------------------------------- titles of works


@pytest.mark.parametrize(
    "sentence,title",
    [
        ("Lunde Oduya, who stars in the film “The Salt Road”, said the shoot was gruelling.", "The Salt Road"),
        ("Lunde Oduya's favourite novel is “A Harbour in Winter”.", "A Harbour in Winter"),
        ("Her favourite novel remains “A Harbour in Winter”, Lunde Oduya told the audience.", "A Harbour in Winter"),
        ("The band played a song called “Lanterns on the Quay” before Lunde Oduya spoke.", "Lanterns on the Quay"),
        ("Lunde Oduya's new album, “Tidewater Hymns”, comes out in May.", "Tidewater Hymns"),
        ("The series “Keepers of the Light” made Lunde Oduya famous.", "Keepers of the Light"),
        ("Lunde Oduya said her documentary, titled “Low Water”, took six years.", "Low Water"),
        ("‘I never tire of it,’ Lunde Oduya said of the musical ‘Gull Island’.", "Gull Island"),
    ],
)
def test_titles_of_works_are_nobodys_speech(sentence, title):
    text = HEAD + sentence + "\n\n“I grew up on the islands,” Lunde Oduya said.\n"
    result = scan_texts([("x.txt", text)])
    by_words = {q.words.rstrip(",."): q for q in result.quotes if q.direct}
    q = by_words[title]
    assert (q.kind, q.speaker, q.statement) == ("title", None, None)
    assert by_words["I grew up on the islands"].speaker == "Lunde Oduya"
    assert all(m.quote_id != q.id for s in result.statements for m in s.members)


@pytest.mark.parametrize(
    "sentence,words,kind",
    [
        ("Lunde Oduya called the toll rise “a tax on living on an island” on Tuesday.", "a tax on living on an island", "partial"),
        ("“The film is finished,” Lunde Oduya said.", "The film is finished", "full"),
        ("Lunde Oduya said the show “was never meant to run this long” and thanked the crew.", "was never meant to run this long", "partial"),
    ],
)
def test_speech_about_works_is_still_speech(sentence, words, kind):
    ((w, k, s),) = direct(sentence + "\n")
    assert (w.rstrip(",."), k, s) == (words, kind, "Lunde Oduya")


# --------------------------------------------------------------------------- offsets


@pytest.mark.parametrize(
    "text",
    [
        "'It's the '90s again,' he said.\n" * 50,
        textwrap.fill(WIRE * 20, 70) + "\n",
        "``one'' `two' ``three'' " * 40,
        "‘a ‘b ’c’ d’ 'e' f' \"g\" '" * 40,
    ],
)
def test_reading_view_keeps_offsets(text):
    assert len(reading_view(text)) == len(text)
    for q in find_quotes(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "markup,kind",
    [
        ("Lunde Oduya said her favourite is <i>“Tidewater Evenings”</i> and always will be.", "title"),
        ("Lunde Oduya said her favourite is <em>‘Tidewater Evenings’</em> and always will be.", "title"),
        ("Lunde Oduya said her favourite is “Tidewater Evenings” and always will be.", "partial"),
        ("<em>“We will open on Friday, whatever the weather does,”</em> Lunde Oduya said.", "full"),
    ],
)
def test_a_quote_set_in_italics_on_a_web_page_is_a_title(tmp_path, markup, kind):
    from quotetrack import scan

    filler = "<p>The island's only cinema reopened this month after a winter of repairs to its roof and screen.</p>"
    page = (
        "<html><head><title>Cinema reopens</title></head><body><article><h1>Cinema reopens</h1>"
        f"{filler}<p>{markup}</p>{filler}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = scan([tmp_path / "page.html"])
    (art,) = result.articles
    quotes = [q for q in result.quotes if q.direct]
    assert len(quotes) == 1
    assert quotes[0].kind == kind
    assert art.text[quotes[0].start : quotes[0].end] == quotes[0].text


@pytest.mark.parametrize(
    "body",
    [
        "“I rang the office and the clerk said, ‘Nobody here can help you,’ and hung up,” Corrin Tregarth said.\n",
        "\"I rang the office and the clerk said, 'Nobody here can help you,' and hung up,\" Corrin Tregarth said.\n\n"
        "\"Then a second clerk said 'try again on Monday' and I gave up,\" Corrin Tregarth added.\n",
    ],
)
def test_single_marks_in_a_headline_do_not_turn_nested_quotes_into_speech(body):
    text = "Harbour office 'Never Answers' islanders\n\n" + body
    art = build_article("a1", "x.txt", text)
    found = [q for q in quotes_of(art) if q.direct]
    assert [q.text.split()[0] for q in found] == ["I", "Then"][: len(found)] and len(found) == body.count("Corrin")
    assert "Nobody here can help you" in found[0].text
    assert {q.speaker for q in found} == {"Corrin Tregarth"}
