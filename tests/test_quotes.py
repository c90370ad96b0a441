from quotetrack.models import FULL, PARTIAL, TERM
from quotetrack.quotes import LineIndex, find_quotes


def texts(s):
    return [q.text for q in find_quotes(s)]


def test_curly_and_straight_quotes():
    s = "“One thing,” she said. \"Another thing,\" he said."
    assert texts(s) == ["One thing,", "Another thing,"]


def test_doubled_apostrophe_opener_closes_with_straight_mark():
    s = "''We will build it here,\" stated Varga."
    assert texts(s) == ["We will build it here,"]


def test_guillemets_and_german_marks():
    assert texts("«Nous restons ici», a-t-il dit.") == ["Nous restons ici"]
    assert texts("Sie sagte: „Wir bleiben hier.“ Dann ging sie.") == ["Wir bleiben hier."]


def test_nested_single_quotes_stay_inside_the_double_quote():
    s = "“He told me ‘never again’ and left,” she said."
    assert texts(s) == ["He told me ‘never again’ and left,"]


def test_apostrophes_are_not_quotation_marks():
    s = "The engineers’ plans can’t wait, the US’ partners said. It's the ’90s again."
    assert texts(s) == []


def test_top_level_single_quotes():
    assert texts("The mayor said ‘we will not wait’ for anyone.") == ["we will not wait"]


def test_quote_across_paragraphs_is_one_quote():
    s = "“The first paragraph runs on\n\n“and the second one closes it,” she said.\n"
    qs = find_quotes(s)
    assert len(qs) == 1
    assert qs[0].closed
    assert qs[0].words == "The first paragraph runs on and the second one closes it,"
    assert s[qs[0].start : qs[0].end] == qs[0].text


def test_unclosed_quote_recovers_at_end_of_paragraph():
    s = "He said “this never closes.\n\nA new paragraph with “a real quote” in it.\n"
    qs = find_quotes(s)
    assert [q.text for q in qs] == ["this never closes.", "a real quote"]
    assert [q.closed for q in qs] == [False, True]


def test_inch_marks_are_not_quotes():
    assert texts('She is 5\'10" tall and "happy," he said.') == ["happy,"]


def test_kinds():
    s = (
        "“We are ready for the storm,” the mayor said. "
        "Okafor called it “a promise broken to the coast” on Monday. "
        "The “3+1” formula and so-called “blue grid” remain."
    )
    kinds = {q.text.rstrip(","): q.kind for q in find_quotes(s)}
    assert kinds == {
        "We are ready for the storm": FULL,
        "a promise broken to the coast": PARTIAL,
        "3+1": TERM,
        "blue grid": TERM,
    }


def test_offsets_lines_and_columns():
    s = "Title\n\nShe said: “Yes, it works.”\n"
    (q,) = find_quotes(s)
    assert s[q.start : q.end] == "Yes, it works."
    assert (q.line, q.column) == (3, 12)


def test_many_quotation_marks_do_not_break_the_scan():
    s = "\u201c" * 5000 + " tail “real words here,” he said."
    qs = find_quotes(s)
    assert all(s[q.start : q.end] == q.text for q in qs)


def test_line_index():
    li = LineIndex("ab\ncd\n")
    assert li.position(0) == (1, 1)
    assert li.position(4) == (2, 2)
