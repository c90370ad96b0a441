from quotetrack.api import scan_texts

BODY = "The harbour council met on Tuesday to vote on the new sea wall plans for the town.\n"


def test_grouping_across_outlets_with_match_kinds():
    a = BODY + "“The barrage is a renewable promise we made to our grandchildren,” Mayor Helena Varga said.\n"
    b = BODY + "\"The barrage is a renewable promise we made to our grandchildren,\" Varga said.\n"
    c = BODY + "Helena Varga called it “a renewable promise we made” on Monday.\n"
    d = BODY + "“The barrage is a reliable promise we made to our grandchildren,” Helena Varga said.\n"
    e = BODY + "“The barrage is a renewable promise we made to our grandchildren,” Tomas Brenner said.\n"
    r = scan_texts([("a.txt", a), ("b.txt", b), ("c.txt", c), ("d.txt", d), ("e.txt", e)])
    multi = [s for s in r.statements if len(s.members) > 1]
    assert len(multi) == 1
    (st,) = multi
    assert st.speaker == "Helena Varga"
    assert {m.outlet: m.match for m in st.members} == {"a": "verbatim", "b": "verbatim", "c": "partial", "d": "altered"}
    # Brenner said the same words: a different speaker is a different statement.
    brenner = [q for q in r.quotes if q.speaker == "Tomas Brenner"]
    assert brenner and brenner[0].statement != st.id


def test_terms_are_not_statements():
    r = scan_texts([("a.txt", BODY + "The “blue grid” plan was shelved.\n")])
    assert r.statements == ()
    assert r.quotes[0].statement is None
