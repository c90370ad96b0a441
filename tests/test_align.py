from quotetrack import compare
from quotetrack.align import diff_markup, word_diff
from quotetrack.textnorm import comparison_tokens


def test_normalisation_folds_reader_invisible_differences():
    assert comparison_tokens("The U.S. defence—programme can't wait") == comparison_tokens(
        "the US defense programme cannot wait"
    )
    assert comparison_tokens("United States") == comparison_tokens("U.S.")
    assert comparison_tokens("twelve years") == comparison_tokens("12 years")
    assert comparison_tokens("military-industrial") == ("military", "industrial")
    assert comparison_tokens("they want us") != comparison_tokens("they want US")


def test_compare_kinds():
    a = "It is clear that the harbour wall cannot stop all the strategic risks that we face"
    assert compare(a, "“It is clear that the harbor wall cannot stop all the strategic risks that we face,”").kind == "verbatim"
    assert compare(a, "the harbour wall cannot stop all the strategic risks").kind == "partial"
    assert compare(a, "the harbour wall cannot stop all the security risks").kind == "altered"
    assert compare(a, "Bread prices rose again in the northern market towns this week").kind == "unrelated"
    c = compare(a, "the harbour wall cannot stop all the security risks")
    assert 0 < c.score < 1


def test_word_diff_marks_changed_words_in_an_excerpt():
    a = "It is clear that the United States military industrial base cannot meet all the strategic challenges"
    b = "the US military-industrial base cannot meet all the security challenges"
    assert diff_markup(word_diff(a, b)) == (
        "the US military-industrial base cannot meet all the [-strategic-] {+security+} challenges"
    )


def test_numbers_in_words_fold_to_one_number():
    assert comparison_tokens("power forty thousand homes") == comparison_tokens("power 40,000 homes")
    assert comparison_tokens("three million people") == comparison_tokens("3 million people")
    assert compare("It will power forty thousand homes", "It will power 40,000 homes").kind == "verbatim"
