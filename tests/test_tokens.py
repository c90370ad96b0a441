"""The attribution tokenizer: every token at its exact offsets, whatever the text."""

from hypothesis import given
from hypothesis import strategies as st

from quotetrack.attribution.tokens import MASK, TOKEN, tokenize

ALPHABET = st.sampled_from(list("ab AB.\n\r\t\u00a0,’'-&+:“”\"") + [MASK, "é", "Ж", "7", "\u2003"])


def reference(text):
    """Tokens as TOKEN.finditer finds them, before abbreviations take their dots."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


@given(st.text(ALPHABET, max_size=80))
def test_tokens_sit_at_their_offsets(text):
    for t in tokenize(text, 0, len(text)):
        assert text[t.start : t.end] == t.text


@given(st.text(ALPHABET, max_size=80))
def test_same_tokens_as_the_token_pattern(text):
    got = [(t.text, t.start, t.end) for t in tokenize(text, 0, len(text))]
    ref = reference(text)
    # The only difference allowed: a dot joined to the abbreviation or initial before it.
    joined = [(a[0] + ".", a[1], b[2]) for a, b in zip(ref, ref[1:]) if b[0] == "." and a[2] == b[1]]
    assert set(got) <= set(ref) | set(joined)
    assert sum(len(t) for t, _, _ in got) == sum(len(t) for t, _, _ in ref)


def test_abbreviations_keep_their_dot():
    text = "Mr. Roe met Dr. J. Ames in the U.S. on Monday."
    words = [t.text for t in tokenize(text, 0, len(text)) if t.kind == "w"]
    assert "Mr." in words and "Dr." in words and "J." in words
    assert [t.text for t in tokenize(text, 0, len(text))][-1] == "."


def test_a_window_of_the_text():
    text = "Skip this. Read this part\r\nand this.\tNot this."
    start, end = text.index("Read"), text.index("\tNot")
    toks = tokenize(text, start, end)
    assert [t.text for t in toks] == ["Read", "this", "part", "\n", "and", "this", "."]
    assert all(text[t.start : t.end] == t.text for t in toks)


# Letters whose lower case differs or is longer (İ -> i̇), title case (ǅ), a final sigma, and
# letters with no case: a token's ``low`` is its word's lower case whatever they are.
CASES = st.sampled_from(list("aAbBzZ") + ["İ", "ǅ", "ǆ", "Σ", "σ", "ς", "ß", "ẞ", "Ⅻ", "ⅻ", "Ⓐ", "ⓐ", "ﬁ", "ŉ", "日", "7", "'", "-", ".", " "])


@given(st.text(CASES, max_size=40))
def test_low_is_the_lower_case_of_each_token(text):
    for t in tokenize(text, 0, len(text)):
        if t.kind == "w" and not t.text.endswith("."):
            assert t.low == t.text.lower()
        elif t.kind == "w":  # an abbreviation's dot joined after its low was taken
            assert t.low == t.text[:-1].lower()
