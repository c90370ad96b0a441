"""Regression tests for classes of attribution errors, not single instances.

Every test is parametrised over several phrasings and several invented people
(common first names from the gender-guesser dictionary, invented surnames), so
no test can pass by remembering a name or a sentence. Each assertion message
shows every quote found with its speaker and cue.
"""

from itertools import product

import pytest

from quotetrack.api import quotes_of
from quotetrack.ingest import build_article
from quotetrack.quotes import find_quotes

BODY = "The town council met on Tuesday to debate the flood defences planned for the river district.\n"


def found(text):
    art = build_article("a1", "x.txt", text)
    return [(q.words.rstrip(",."), q.speaker, q.cue) for q in quotes_of(art) if q.kind != "term" and q.direct]


def speaker_of(text, snippet):
    """The speaker of the one quote whose words contain ``snippet``, and everything found."""
    got = found(text)
    hits = [s for w, s, _ in got if snippet in w]
    assert len(hits) == 1, f"quote {snippet!r} found {len(hits)} times in {got}"
    return hits[0], got


def single(text):
    """The speaker of the only quote in ``text``, and everything found."""
    got = found(text)
    assert len(got) == 1, f"expected one quote, found {got}"
    return got[0][1], got


def assert_said(doc, snippet, name):
    """The quote of ``doc`` whose words contain ``snippet`` is ``name``'s."""
    got, allq = speaker_of(doc, snippet)
    assert got == name, f"expected {name!r}, got {got!r}; all: {allq}"


THREE_PEOPLE = [("Marta Quillen",), ("Desmond Okereke",), ("Tamsin Holloway",)]


def assert_speaks(text, name):
    """The only quote of BODY + ``text`` (``{a}`` filled with ``name``) is ``name``'s."""
    speaker, got = single(BODY + text.format(a=name))
    assert speaker == name, got


def cases(phrasings, people):
    """phrasing x people, with readable ids (phrasing id - surnames)."""
    return [
        pytest.param(text, who, id="-".join([pid] + [n.replace("the ", "").replace(" ", "") for n in who]))
        for (pid, text), who in product(phrasings.items(), people)
    ]


def person_of(mention):
    """The person a test's mention names: without a leading title or description and a trailing
    "of <Place>" ("Senator Ann Roe of Vermont", "the union leader Ann Roe" -> "Ann Roe";
    "Mrs. Roe" -> "Roe")."""
    words = mention.split(" of ")[0].split()
    while len(words) > 1 and (words[0][0].islower() or words[0].rstrip(".") in ("Sen", "Senator", "Mrs", "Mr", "Ms", "Dr")):
        words = words[1:]
    return " ".join(words)


def plain(org):
    """An organisation's name without a leading article, for comparison."""
    return org[4:] if org and org.lower().startswith("the ") else org


# -- 1. Pronouns -------------------------------------------------------------

WHEN_CLAUSE = {
    "when-asked": "When {a} was asked about the delays, {p} said, “We are doing everything we can to finish by spring.”",
    "after-touring": "After {a} toured the pumping station on Monday, {p} told reporters, “We are doing everything we can.”",
    "as-leaving": "As {a} left the chamber, {p} said: “We are doing everything we can, and it is not enough.”",
}


@pytest.mark.parametrize(
    "text, who",
    cases(WHEN_CLAUSE, [("Gregory Ivanescu", "Walter Merriden", "he"), ("Rachel Marchbank", "Megan Dunsford", "she"),
                        ("Howard Lowenthal", "Roland Quarrie", "he")]),
)
@pytest.mark.parametrize("before", [
    "{e} opened the debate with a long speech about the budget.",
    "“The budget is sound,” {e} said.",
], ids=["earlier-named", "earlier-speaker"])
def test_pronoun_in_a_when_clause_goes_to_the_clause_subject(text, who, before):
    a, earlier, p = who
    doc = BODY + before.format(e=earlier) + "\n" + text.format(a=a, p=p) + "\n"
    assert_said(doc, "We are doing", a)


CANDIDATE_CONTEXTS = {
    "indirect-speech": "{m} said on Monday that {w} would lead the inquiry into the failed pumps.",
    "possessive": "{m} questioned {w}’s figures during the morning session.",
    "appositive": "{m} met the new treasurer, {w}, at the town hall on Monday.",
    "object": "The committee chairman, {m}, thanked {w} for her years of service.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(CANDIDATE_CONTEXTS, [("Douglas Pendlebury", "Heather Brannagh"), ("Leonard Ormsby", "Abigail Farquell"),
                               ("Curtis Rothwell", "Eleanor Gallimore")]),
)
def test_person_first_named_outside_subject_position_is_a_pronoun_candidate(text, who):
    m, w = who
    doc = BODY + text.format(m=m, w=w) + "\n“These numbers are correct and I will defend them,” she said.\n"
    assert_said(doc, "These numbers", w)


GENDER_PAIRS = [  # (woman, man); none of these first names occurs elsewhere in the project
    ("Emily Thornquist", "Thomas Castellane"),
    ("Sarah Feldhaus", "Andrew Dorrington"),
    ("Laura Kellerby", "Kevin Fenwicke"),
    ("Hannah Pellegrew", "Brian Hargreave"),
    ("Olivia Haskovar", "Steven Jorgensby"),
    ("Claire Moravec", "Martin Kastellic"),
    ("Natalie Trevanion", "Raymond Nethercott"),
    ("Rebecca Brightwell", "Gerald Ingleby"),
    ("Jessica Vantreese", "Harold Tillbury"),
    ("Fiona Zelenko", "Dennis Wexley"),
]

GENDER_FRAMES = {
    "coordination": "{x} and {y} toured the flooded basement of the library on Tuesday.",
    "two-sentences": "{x} chaired the meeting. {y} presented the engineers’ report.",
}


@pytest.mark.parametrize("frame", list(GENDER_FRAMES.values()), ids=list(GENDER_FRAMES))
@pytest.mark.parametrize("woman_first", [True, False], ids=["woman-first", "man-first"])
@pytest.mark.parametrize("pronoun", ["she", "he"])
@pytest.mark.parametrize("woman, man", GENDER_PAIRS, ids=[f"{w.split()[0]}-{m.split()[0]}" for w, m in GENDER_PAIRS])
def test_pronoun_agrees_in_gender(woman, man, pronoun, woman_first, frame):
    x, y = (woman, man) if woman_first else (man, woman)
    doc = BODY + frame.format(x=x, y=y) + f"\n“The water came up to the second shelf,” {pronoun} said.\n"
    expected = woman if pronoun == "she" else man
    assert_said(doc, "second shelf", expected)


# -- 2. Participle and reporting clauses ------------------------------------

PARTICIPLE = {
    "saying": "{n} attacked the plan, saying it was “a giveaway to developers who never lived here.”",
    "telling-host": "Harbour commissioner {n} spoke on local radio on Wednesday, telling the host that the “repair fund is simply empty.”",
    "calling": "{n} criticised the budget in a long speech on Thursday, calling it “a recipe for ruin.”",
    "arguing": "{n} defended the vote against the plan drawn up by Warren Ulverston, arguing that the wall was “the only responsible option.”",
    "warning": "{n} wrote to the council last week, warning that the delays were “putting lives at risk every single winter.”",
}


@pytest.mark.parametrize("text, who", cases(PARTICIPLE, [("Margaret Corrigal",), ("Vincent Mabry",), ("Diane Norcastle",)]))
def test_quote_in_a_participle_clause_belongs_to_the_main_subject(text, who):
    (n,) = who
    doc = BODY + "Warren Ulverston presented the engineers’ plan on Monday.\n" + text.format(n=n) + "\n"
    got, allq = single(doc)
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


INVERTED_THEN_PARTICIPLE = {
    "party-tag-at-the-time": "“Flooding is not new here,” said Rep. {n} (D-Va.) at the time, adding that “we have been {w}.”",
    "after-meeting-other": "“Flooding is not new here,” said Councillor {n} after meeting Warren Ulverston, adding that “we have been {w}.”",
    "on-tuesday-noting": "“Flooding is not new here,” said {n} on Tuesday, noting that “we have been {w}.”",
}


@pytest.mark.parametrize("text, who", cases(INVERTED_THEN_PARTICIPLE, [("Gloria Hammersley",), ("Douglas Fenwright",), ("Imogen Tarrant",)]))
def test_participle_after_an_inverted_cue_belongs_to_its_subject(text, who):
    (n,) = who
    doc = BODY + "Warren Ulverston presented the engineers’ plan on Monday.\n" + text.format(n=n, w="building walls for years") + "\n"
    assert_said(doc, "building walls", n)


FRONTED_THEN_OBJECT = {
    "in-year-endorsed": "In 2019, {n} endorsed {o} for mayor, saying he had “the patience and the energy the town needs.”",
    "after-vote-praised": "After the vote, {n} praised {o} warmly, saying the plan was “the patience and the energy the town needs.”",
    "on-monday-thanked": "On Monday, {n} thanked {o} for his work, calling it “the patience and the energy the town needs.”",
}


@pytest.mark.parametrize(
    "text, who",
    cases(FRONTED_THEN_OBJECT, [("Mrs. Ingrid Halvorsen", "Peter Quinlan"), ("Dr. Rosalind Achterberg", "Martin Oakhurst"), ("Councillor Yvonne Delacourt", "Simon Treadwell")]),
)
def test_subject_after_a_fronted_phrase_not_the_object(text, who):
    n, other = who
    got, allq = single(BODY + text.format(n=n, o=other) + "\n")
    assert got and got.split()[-1] == n.split()[-1], f"expected {n!r}, got {got!r}; all: {allq}"


NEXT_SENTENCE_WITH_OBJECT = {
    "called-a": "{a} said the plan “caused real harm.” {b} called {a} a “reckless gambler.”",
    "named-the": "{a} said the plan “caused real harm.” {b} named the scheme the “worst in a decade.”",
}


@pytest.mark.parametrize(
    "text, who",
    cases(NEXT_SENTENCE_WITH_OBJECT, [("Donald Quell", "Bernard Sandell"), ("Agatha Prynne", "Colin Estabrook"), ("Miriam Oduya", "Lewis Pardoe")]),
)
def test_a_new_sentence_with_its_own_object_is_no_cue_for_the_quote_before(text, who):
    a, b = who
    got, allq = speaker_of(BODY + text.format(a=a, b=b) + "\n", "caused real harm")
    assert got == a, f"expected {a!r}, got {got!r}; all: {allq}"


# -- 3. "said" + role word + name -------------------------------------------

ROLE_AFTER_SAID = {
    "spokesman": "“The pumps will be replaced before the autumn rains,” said spokesman {n}.",
    "psychologist": "“Flood victims often feel abandoned twice,” says psychologist {n}, who has studied survivors for a decade.",
    "the-rev": "“We opened the church hall to anyone who needed a dry bed,” said the Rev. {n}, pastor of St. Mark’s.",
    "planetary-geologist": "“Rivers on every planet carve the same shapes,” said planetary geologist {n}.",
    "council-spokeswoman": "“The figures will be published on Friday,” said council spokeswoman {n}.",
}


@pytest.mark.parametrize("text, who", cases(ROLE_AFTER_SAID, [("Monica Galloway",), ("Ronald Merriden",), ("Teresa Whitcombe",)]))
def test_role_word_between_said_and_the_name(text, who):
    (n,) = who
    doc = BODY + text.format(n=n) + "\n"
    got, allq = single(doc)
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


# -- 4. Colon and comma introductions without a speech verb -----------------

COLON_INTRO = {
    "tweet": "{n} swiped at the council in a tweet: “Another year, another broken promise.”",
    "facebook": "{n} responded on Facebook late on Tuesday: “Another year, another broken promise.”",
    "statement-colon": "{n}, in a letter to residents: “Another year, another broken promise.”",
}


@pytest.mark.parametrize("text, who", cases(COLON_INTRO, [("Brenda Hargreave",), ("Clifford Kinsella",), ("Gloria Dunsford",)]))
def test_colon_introduction_without_a_speech_verb(text, who):
    (n,) = who
    doc = BODY + "Critics were quick to respond.\n" + text.format(n=n) + "\n"
    assert_said(doc, "broken promise", n)


@pytest.mark.parametrize(
    "first, second",
    [("Sandra Quillfeather", "Eugene Varnell"), ("Yvonne Castellane", "Russell Kellerby"), ("Agnes Moravec", "Bernard Whitcombe")],
    ids=["Quillfeather", "Castellane", "Moravec"],
)
def test_list_of_reactions_name_outlet_colon(first, second):
    doc = BODY + (
        "Here is how columnists reacted to the vote:\n"
        f"{first}, Northfield Herald: “A brave decision that will cost the town dearly.”\n"
        f"{second}, Kestrel Courier: “The council has finally listened to the river.”\n"
    )
    got = found(doc)
    assert [s for _, s, _ in got] == [first, second], f"expected {[first, second]}, got {got}"


# -- 5. A wrong noun phrase taken as the speaker ----------------------------

VERB_AND_SAID = {
    "denounced-and-said": "{n} denounced the deal and said, “This town deserves better than a backroom bargain.”",
    "rejected-and-said": "{n} rejected the offer on Friday and said: “This town deserves better than a backroom bargain.”",
    "read-and-told": "{n} read the report twice and told reporters, “This town deserves better than a backroom bargain.”",
}


@pytest.mark.parametrize("text, who", cases(VERB_AND_SAID, [("Harriet Prewitt",), ("Malcolm Brasko",), ("Lucy Ivanescu",)]))
def test_object_of_a_first_verb_is_not_the_speaker(text, who):
    (n,) = who
    got, allq = speaker_of(BODY + text.format(n=n) + "\n", "backroom")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


STATEMENT = {
    "issued-saying": "{o} issued a statement saying “the closure is temporary and no jobs will be lost.”",
    "released-saying": "{o} released a statement on Monday saying “the closure is temporary and no jobs will be lost.”",
    "issued-that": "{o} issued a brief statement that said “the closure is temporary and no jobs will be lost.”",
}


@pytest.mark.parametrize(
    "text, who", cases(STATEMENT, [("Brightwell Energy",), ("Corrigal Foods",), ("the Larkmoor Port Authority",)])
)
def test_a_statement_is_not_the_speaker(text, who):
    (org,) = who
    got, allq = speaker_of(BODY + text.format(o=org[:1].upper() + org[1:]) + "\n", "closure is temporary")
    assert got is None or plain(org).lower() in got.lower(), f"expected {plain(org)!r} or None, got {got!r}; all: {allq}"


FRONTED = {
    "meeting-in": "Meeting in {c}, {n} said: “We will not sign anything that leaves the river district exposed.”",
    "speaking-in": "Speaking in {c} on Monday, {n} said, “We will not sign anything that leaves the river district exposed.”",
    "asked-about": "Asked about the talks in {c}, {n} said: “We will not sign anything that leaves the river district exposed.”",
}


@pytest.mark.parametrize(
    "text, who", cases(FRONTED, [("Vanessa Lowenthal", "Lisbon"), ("Gordon Fenwicke", "Nairobi"), ("Julia Hargreave", "Geneva")])
)
def test_fronted_participle_before_the_speaker(text, who):
    n, city = who
    got, allq = speaker_of(BODY + text.format(n=n, c=city) + "\n", "river district exposed")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


# -- 6. Speech verbs ----------------------------------------------------------

AFTER_QUOTE_VERBS = {
    "fumed": "“Not one of them has set foot in a flooded basement,” {n} fumed.",
    "interjected": "“Not one of them has set foot in a flooded basement,” {n} interjected.",
    "gushed": "“Not one of them has set foot in a flooded basement, and still they vote,” {n} gushed.",
    "fumed-inverted": "“Not one of them has set foot in a flooded basement,” fumed {n}.",
}


@pytest.mark.parametrize("text, who", cases(AFTER_QUOTE_VERBS, [("Melissa Thornquist",), ("Wesley Dorrington",), ("Ingrid Pellegrew",)]))
def test_uncommon_speech_verbs_after_the_quote(text, who):
    (n,) = who
    doc = BODY + "“We did our best with the money we had,” Frank Haskovar said.\n" + text.format(n=n) + "\n"
    assert_said(doc, "flooded basement", n)


AS_PUTS_IT = {
    "mid-sentence": "The wall, as {n} puts it, “is a promise made of concrete.”",
    "fronted": "As {n} put it on Monday, “a wall is a promise made of concrete, and promises get broken.”",
}


@pytest.mark.parametrize("text, who", cases(AS_PUTS_IT, [("Bridget Vantreese",), ("Oscar Kastellic",), ("Doris Jorgensby",)]))
def test_as_name_puts_it(text, who):
    (n,) = who
    doc = BODY + "Walter Zelenko, the city engineer, has doubts about the design.\n" + text.format(n=n) + "\n"
    assert_said(doc, "promise made of concrete", n)


ACCORDING_AFTER = {
    "plain": "“River levels will peak on Thursday night,” according to {o}.",
    "with-date": "“River levels will peak on Thursday night,” according to {o}, which issued the warning on Tuesday.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(ACCORDING_AFTER, [("the Larkmoor Flood Agency",), ("the Fenmouth Weather Service",), ("the Ashbury River Authority",)]),
)
def test_according_to_after_the_quote(text, who):
    (org,) = who
    doc = BODY + "“We are ready,” Nathan Trevanion said.\n" + text.format(o=org) + "\n"
    got, allq = speaker_of(doc, "River levels")
    assert plain(got) == plain(org), f"expected {plain(org)!r}, got {got!r}; all: {allq}"


# -- 7. Appositives and names used as modifiers -----------------------------

APPOSITIVES = {
    "comms-director": "“We will win this district,” said {o}’s communications director, {n}.",
    "campaign-manager": "“We will win this district,” said {o}’s campaign manager, {n}.",
    "spokeswoman-for": "“We will win this district,” said a spokeswoman for {o}, {n}.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(APPOSITIVES, [("Amanda Ormsby", "Edmund Quarrie"), ("Sandra Norcastle", "Simon Galloway"), ("Teresa Kinsella", "Marcus Dunsford")]),
)
def test_name_in_apposition_to_a_role_not_the_modifier(text, who):
    n, other = who
    got, allq = speaker_of(BODY + text.format(n=n, o=other) + "\n", "win this district")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


WHO_CLAUSE = {
    "hugged-shouted": "{n}, who hugged {o} on the steps of the town hall, shouted “We did it!”",
    "worked-told": "{n}, who once worked for {o}, told reporters: “I know how this council thinks.”",
    "thanked-said": "{n}, who thanked {o} for her support, said: “This is the start, not the end.”",
}


@pytest.mark.parametrize(
    "text, who",
    cases(WHO_CLAUSE, [("Felix Brasko", "Emily Wexley"), ("Eleanor Tillbury", "Sarah Mabry"), ("Brendan Corrigal", "Claire Feldhaus")]),
)
def test_person_in_a_relative_clause_is_not_the_speaker(text, who):
    n, other = who
    doc = BODY + text.format(n=n, o=other) + "\n"
    got, allq = single(doc)
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


PLACE_IN_DESCRIPTION = {
    "former-place-role": "“The levee will hold this winter,” said former {pl} governor {n}, who visited the site.",
    "place-role": "“The levee will hold this winter,” said {pl} congresswoman {n}.",
    "leading-org-role-comma": "“The levee will hold this winter,” said another leading {pl} Institute engineer, {n} of the county board.",
    "role-from-town": "{n}, a 58-year-old farmer from Millbrook, {pl}, says the levee will “hold this winter and the next.”",
    "who-at-org-of-town": "{n}, who is a pastor at the Grace Chapel of Millbrook, {pl}, praised the crews for “holding this winter against the odds.”",
}


@pytest.mark.parametrize(
    "text, who",
    cases(PLACE_IN_DESCRIPTION, [("Gloria Feldhaus", "Vermont"), ("Dennis Arkwright", "Nevada"), ("Pauline Ostrova", "Oregon")]),
)
def test_place_inside_a_description_is_not_the_speaker(text, who):
    n, place = who
    got, allq = speaker_of(BODY + text.format(n=n, pl=place) + "\n", "this winter")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


INDEFINITE = {
    "a-spokesman-for": "Council spokesman {n} announced the closure on Monday. “The bridge is safe,” a spokesman for the engineers said later.",
    "said-a-place-party": "{p} {n} won the seat two years ago. “The seat is safe for now,” said a {place} {p}.",
    "added-one-place-party": "{p} {n} won the seat two years ago. “The seat is safe for now,” added one {place} {p}, who asked not to be named.",
    "an-official-said": "Harbour official {n} inspected the pier. “The pier is safe,” an official at the port authority said.",
}


@pytest.mark.parametrize("party", ["Democrat", "Republican"])
@pytest.mark.parametrize(
    "text, who",
    cases(INDEFINITE, [("Helena Marsh", "Ohio"), ("Gregory Tolland", "Nevada"), ("Patricia Vell", "Iowa")]),
)
def test_an_indefinite_description_is_someone_new(text, who, party):
    n, place = who
    got, allq = single(BODY + text.format(n=n, p=party, place=place) + "\n")
    assert got and n not in got and got.split()[0].lower() in ("a", "an", "one"), f"expected a description, got {got!r}; all: {allq}"


@pytest.mark.parametrize("noun", ["comment", "reply", "tweet", "post", "remark"])
@pytest.mark.parametrize("det, platform", [("a", "Facebook"), ("her", "Instagram"), ("another", "Mastodon")])
@pytest.mark.parametrize("who", ["Helena Marsh", "Priya Caldwell", "Joanna Verhoeven"])
def test_a_speech_word_after_a_singular_determiner_and_a_name_is_a_noun(noun, det, platform, who):
    text = BODY + f"{who} later posted {det} {platform} {noun} of her own, saying, “We are so excited to meet the new council.”\n"
    got, allq = single(text)
    assert got == who, f"expected {who!r}, got {got!r}; all: {allq}"


# -- 8. Organisations and groups --------------------------------------------

POLICE = {
    "police-said": "“The bridge will remain closed until the water falls,” police said.",
    "police-said-statement": "“The bridge will remain closed until the water falls,” police said in a statement.",
    "state-police": "“The bridge will remain closed until the water falls,” state police said Tuesday.",
}


@pytest.mark.parametrize("text, who", cases(POLICE, [("Hannah Ulverston",), ("Gerald Brightwell",), ("Rebecca Ingleby",)]))
def test_police_said(text, who):
    (n,) = who
    doc = BODY + f"{n} was rescued from the roof of her car on Monday.\n" + text + "\n"
    got, allq = speaker_of(doc, "bridge will remain")
    assert got is not None and "police" in got.lower(), f"expected a speaker with 'police', got {got!r}; all: {allq}"


COMPANY_SAID = {
    "announced": "{o} announced the closure of its riverside plant on Monday.\n“This was a difficult decision,” the company said.",
    "owned-by": "The warehouse is owned by {o}, which has not reopened since the flood.\n“This was a difficult decision,” the company said.",
    "said-in-email": "{o} cut 40 jobs this week.\n“This was a difficult decision,” the company said in an email.",
}


@pytest.mark.parametrize("text, who", cases(COMPANY_SAID, [("Brightwell Energy",), ("Corrigal Foods",), ("Pendlebury Logistics",)]))
def test_the_company_said_refers_to_the_company_named(text, who):
    (org,) = who
    got, allq = speaker_of(BODY + text.format(o=org) + "\n", "difficult decision")
    assert plain(got) == org, f"expected {org!r}, got {got!r}; all: {allq}"


OFFICIALS = {
    "officials-said": "“Residents should boil their water until further notice,” officials said.",
    "city-officials": "“Residents should boil their water until further notice,” city officials said on Monday.",
    "health-officials": "“Residents should boil their water until further notice,” health officials said in a statement.",
}


@pytest.mark.parametrize("text, who", cases(OFFICIALS, [("Lionel Haskovar",), ("Natalie Merriden",), ("Kevin Prewitt",)]))
def test_officials_said_is_a_description(text, who):
    (n,) = who
    doc = BODY + f"{n} said on Sunday that the pumps had failed.\n" + text + "\n"
    got, allq = speaker_of(doc, "boil their water")
    assert got is not None and "officials" in got.lower(), f"expected a description with 'officials', got {got!r}; all: {allq}"


# -- 9. Continuations after a new speaker -----------------------------------

NEW_SPEAKER = {
    "said-after": "“Nobody has ever seen the river this high,” {b} said.",
    "colon": "{b}, a retired ferry captain, was less impressed: “Nobody has ever seen the river this high.”",
    "told-colon": "{b} told the meeting: “Nobody has ever seen the river this high.”",
    "fumed": "“Nobody has ever seen the river this high,” {b} fumed.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(NEW_SPEAKER, [("Andrew Varnell", "Gloria Kellerby"), ("Lucy Castellane", "Duncan Thornquist"), ("Walter Moravec", "Ingrid Lowenthal")]),
)
def test_continuation_quotes_follow_the_new_speaker(text, who):
    a, b = who
    doc = BODY + (
        f"“The defences held exactly as designed,” {a} said.\n\n"
        + text.format(b=b) + "\n\n"
        + "“My father kept a mark on the boathouse wall, and the water is a foot above it.”\n\n"
        + "“If that is a wall that held, I would hate to see one that failed.”\n"
    )
    got = found(doc)
    assert [s for _, s, _ in got] == [a, b, b, b], f"expected {[a, b, b, b]}, got {got}"


# -- Junk speakers ------------------------------------------------------------

PARTY_TAG = {
    "sen-r-texas": "Sen. {n}, R-Texas, said “the relief money must reach families this week.”",
    "rep-d-ohio": "Rep. {n}, D-Ohio, said on Tuesday that “the relief money must reach families this week.”",
    "after-quote": "“The relief money must reach families this week,” said Sen. {n}, R-Texas.",
}


@pytest.mark.parametrize("text, who", cases(PARTY_TAG, [("Rachel Gallimore",), ("Howard Zelenko",), ("Margaret Quillfeather",)]))
def test_party_state_tag_is_not_the_speaker(text, who):
    (n,) = who
    got, allq = speaker_of(BODY + text.format(n=n) + "\n", "elief money")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


DATELINE = {
    "buffalo": "BUFFALO, N.Y. (AP) — “The snow just kept coming,” {n} said.",
    "dayton": "DAYTON, Ohio (AP) — “The snow just kept coming,” {n} said on Sunday.",
    "reuters": "LONDON (Reuters) - “The snow just kept coming,” {n} told reporters.",
}


@pytest.mark.parametrize("text, who", cases(DATELINE, [("Abigail Nethercott",), ("Thomas Ormsby",), ("Heather Rothwell",)]))
def test_dateline_is_not_the_speaker(text, who):
    (n,) = who
    doc = "Heavy snow closed roads across the region for a third day.\n" + text.format(n=n) + "\n"
    assert_said(doc, "snow just kept", n)


# -- Text that is not English ------------------------------------------------

NOT_ENGLISH = {
    "french": (
        "Le conseil municipal a voté mardi un nouveau plan pour la digue du port.\n\n"
        "« Nous ne reculerons pas devant la marée », a déclaré {n} devant les élus. Selon les habitants, "
        "le projet est « trop cher pour une ville de cette taille » et les travaux dureront trois ans.\n\n"
        "Les pêcheurs ont répondu que « rien ne justifie une telle précipitation », a ajouté {m}.\n"
    ),
    "spanish": (
        "El ayuntamiento aprobó el martes un nuevo plan para el dique del puerto.\n\n"
        "\"No vamos a retroceder ante la marea\", dijo {n} ante los concejales. Según los vecinos, "
        "el proyecto es \"demasiado caro para una ciudad de este tamaño\" y las obras durarán tres años.\n\n"
        "Los pescadores respondieron que \"nada justifica tanta prisa\", añadió {m}.\n"
    ),
    "german": (
        "Der Stadtrat hat am Dienstag einen neuen Plan für den Hafendamm beschlossen.\n\n"
        "„Wir werden vor der Flut nicht zurückweichen“, sagte {n} vor den Ratsmitgliedern. Nach Ansicht der "
        "Anwohner ist das Projekt „viel zu teuer für eine Stadt dieser Größe“, und die Arbeiten dauern drei Jahre.\n\n"
        "Die Fischer antworteten, dass „nichts eine solche Eile rechtfertigt“, fügte {m} hinzu.\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(NOT_ENGLISH))
@pytest.mark.parametrize("n, m", [("Odette Varambon", "Lucien Ferrabosc"), ("Inés Carvallido", "Tomás Herrezuelo")])
def test_text_that_is_not_english_gets_no_speakers(lang, n, m):
    art = build_article("a1", "x.txt", NOT_ENGLISH[lang].format(n=n, m=m))
    qs = quotes_of(art)
    assert qs, "the quotes are still found"
    assert all(q.speaker is None for q in qs), [(q.text, q.speaker) for q in qs]


# -- Sign-offs after a dash, and short quotes with a cue ---------------------

SIGN_OFF = {
    "em-dash-title": "“We will not be moved by threats from anyone.” — Commissioner {n}",
    "en-dash": "“We will not be moved by threats from anyone.” – {n}",
    "hyphen-role": "\"We will not be moved by threats from anyone.\" -{n}, harbour commissioner",
}


@pytest.mark.parametrize("text, who", cases(SIGN_OFF, [("Delphine Arkwright",), ("Osvaldo Brennick",), ("Marguerite Tolliday",)]))
def test_sign_off_after_a_dash_names_the_speaker(text, who):
    (n,) = who
    got, allq = single(BODY + "\n" + text.format(n=n) + "\n")
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


SHORT_WITH_CUE = {
    "double-hyphen": "\"Never\"--said Mr. {s}.",
    "comma-said": "“Never again,” said {n}.",
    "name-said": "“Absolutely not,” {n} said.",
}


@pytest.mark.parametrize("text, who", cases(SHORT_WITH_CUE, [("Osvaldo Brennick",), ("Marguerite Tolliday",)]))
def test_short_quote_with_a_cue_is_speech_not_a_term(text, who):
    (n,) = who
    art = build_article("a1", "x.txt", BODY + "\n" + f"{n} chaired the meeting.\n\n" + text.format(n=n, s=n.split()[-1]) + "\n")
    (q,) = [q for q in quotes_of(art) if q.direct]
    assert q.kind != "term" and q.speaker == n, (q.kind, q.speaker)


# -- 3b. A unit and a rank before the name -------------------------------------

RANK_WITH_ORDINAL = {
    "air-force-1st-lt": "“The runway was closed for an hour,” said Air Force 1st Lt. {a}.",
    "army-2nd-lt": "“We waited for the water to drop,” said Army 2nd Lt. {a}.",
    "navy-3rd-class": "“Nobody slept that night,” said Coast Guard 3rd Class Petty Officer {a}.",
    "after-then-continues": "“The runway was closed,” said Air Force 1st Lt. {a}. “We waited it out.”",
}


@pytest.mark.parametrize("text, who", cases(RANK_WITH_ORDINAL, [("Tyrell Ashcombe",), ("Ingrid Pellow",), ("Mateo Quarrington",)]))
def test_unit_and_ranked_title_before_the_name(text, who):
    got = found(BODY + text.format(a=who[0]))
    assert got and all(s == who[0] for _, s, _ in got), got


# -- 7b. A person of an institution ------------------------------------------------

PERSON_OF_INSTITUTION = {
    "of-the-after": "“The numbers are clear,” {a} of the Ashcombe Policy Institute said.",
    "at-the-told": "As {a} at the Tolliday Research Centre told the Herald, “The numbers are clear.”",
    "titled-of-the": "“The numbers are clear,” said Dr. {a} of the Pellow Clinic.",
    "of-the-reported": "{a} of the Quarrington Trust said the numbers were “clear beyond doubt.”",
}


@pytest.mark.parametrize(
    "text, who", cases(PERSON_OF_INSTITUTION, [("Marta Quillen",), ("Desmond Okereke",), ("Archbishop Aris Vardanyan",)])
)
def test_person_of_an_institution_speaks_not_the_institution(text, who):
    speaker, got = single(BODY + text.format(a=who[0]))
    name = who[0].removeprefix("Archbishop ")
    assert speaker is not None and speaker.endswith(name), got


# -- Nested speech: a quote inside reported speech is the outer speaker's ------

INSIDE_REPORTED = {
    "certain-that": "In a statement, {a} said she is certain {b} will continue to be “a champion for the river district.”",
    "told-them": "{a} said {b} reassured members that the council would be “closely coordinated” on the plan.",
    "believes": "{a} told reporters that {b} would remain “a steady hand” through the flood season.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(INSIDE_REPORTED, [("Harriet Vandermolen", "Cedric Ashworth"), ("Yvonne Kettering", "Lionel Dabrowski")]),
)
def test_partial_quote_inside_reported_speech_is_the_outer_speakers(text, who):
    a, b = who
    got = found(BODY + text.format(a=a, b=b))
    partials = [s for w, s, _ in got]
    assert partials == [a], got


# -- 7c. A person named before an apposition chain ending in an institution ----

CHAIN_TO_INSTITUTION = {
    "editor-of-paper": "{a}, the editor in chief of the city's oldest newspaper, the Ashbury Courier, said the vote was “a turning point.”",
    "head-of-trust": "“It was a turning point,” {a}, the director of the region's largest charity, Pellow Trust, said.",
    "chair-of-board": "{a}, who chairs the board of the local museum, the Quarrington Gallery, said it was “a turning point.”",
}


@pytest.mark.parametrize("text, who", cases(CHAIN_TO_INSTITUTION, [("Marta Quillen",), ("Desmond Okereke",), ("Harriet Vandermolen",)]))
def test_person_before_an_apposition_chain_speaks(text, who):
    got = found(BODY + text.format(a=who[0]))
    assert got and all(s == who[0] for _, s, _ in got), got


# -- 2b. A participle after a comma belongs to the main clause's subject ----------

MAIN_CLAUSE_PARTICIPLE = {
    "remarks-noun": "{a} visited the radio station to discuss his recent remarks about his rival, {b}, saying “on his worst day” the rival would do better.",
    "comments-noun": "{a} met voters in the square and answered questions about his recent comments on the budget, calling the plan “a tired act.”",
    "possessive-subject-between": "{a}, the county's treasurer, mocked the claim that {b}'s office tweets the same numbers, calling them “a tired act.”",
}


@pytest.mark.parametrize(
    "text, who", cases(MAIN_CLAUSE_PARTICIPLE, [("Lionel Dabrowski", "Cedric Ashworth"), ("Yvonne Kettering", "Tamsin Holloway")])
)
def test_participle_after_a_comma_is_the_main_subjects(text, who):
    a, b = who
    speaker, got = single(BODY + text.format(a=a, b=b))
    assert speaker == a, got


PARTICIPLE_OF_INVERTED = {
    "said-adding": "The vote was close, {b} said, adding that “nobody expected it.”",
    "name-said-adding": "{a} had tried to delay the vote, but it went ahead, {b} said, adding: “Nobody expected it.”",
}


@pytest.mark.parametrize(
    "text, who", cases(PARTICIPLE_OF_INVERTED, [("Lionel Dabrowski", "Cedric Ashworth"), ("Yvonne Kettering", "Tamsin Holloway")])
)
def test_participle_after_said_is_that_verbs_subjects(text, who):
    a, b = who
    speaker, got = single(BODY + text.format(a=a, b=b))
    assert speaker == b, got


# -- No junk speakers: words that name nobody ----------------------------------

from quotetrack.attribution.speakers import plausible_speaker  # noqa: E402


@pytest.mark.parametrize(
    "name",
    ["It", "Should", "Then", "Would", "They", "You", "this year", "last week", "that morning", "the following day", "R-Texas", "a statement",
     "Perhaps", "Maybe", "Indeed", "Once", "Outside", "Thirty", "Twelve", "Yesterday",
     # a phrase cut after a function word: a pronoun, a number, an adverb
     "By Sunday afternoon she", "Later that week he", "the first two", "one in four", "Quillen however",
     # a phrase cut after an object pronoun that no preposition governs
     "Let me", "let us", "hearing him", "the voters who elected her", "those who know them",
     # a subject read through its verb
     "The performance prompted", "the polls closed", "the order released"],
)
def test_function_words_and_times_are_no_speaker(name):
    assert not plausible_speaker(name)


@pytest.mark.parametrize(
    "name", ["Ann Roe", "Roe", "the spokesman", "officials", "the Ashbury Trust", "NATO", "Daye", "Will Hendry", "May Okafor",
             "Dennis Monday", "The Two Rivers Trust", "a source close to him", "most of them", "those around him", "a friend of mine",
             "the officials involved", "those surveyed", "The judges who ruled", "the retired general"]
)
def test_people_organisations_and_descriptions_stay_speakers(name):
    assert plausible_speaker(name)


JUNK_OPENERS = {
    "modal-question": "Should the council delay the vote? {a} was asked. “We will decide on Monday,” she said.",
    "time-phrase": "This year {a} led the campaign. “We will decide on Monday,” she said.",
}


@pytest.mark.parametrize("text, who", cases(JUNK_OPENERS, [("Harriet Vandermolen",), ("Yvonne Kettering",)]))
def test_pronoun_cue_never_resolves_to_a_function_word(text, who):
    speaker, got = single(BODY + text.format(a=who[0]))
    assert speaker in (who[0], None), got


# -- 4b. A quote that is its own paragraph, signed on the line below ------------

SIGNED_BELOW = {
    "hyphen-place": "Readers wrote in after the vote.\n\n“The whole idea needs to stop.”\n\n-{a}, Ashbury.\n",
    "em-dash-title": "Readers wrote in after the vote.\n\n“The whole idea needs to stop.”\n\n— Councillor {a}, writing after the vote.\n",
    "en-dash-bare": "Readers wrote in after the vote.\n\n“The whole idea needs to stop.”\n\n– {a}\n",
}


@pytest.mark.parametrize("text, who", cases(SIGNED_BELOW, THREE_PEOPLE))
def test_quote_signed_on_the_line_below(text, who):
    speaker, got = single(BODY + "\n" + text.format(a=who[0]))
    assert speaker == who[0], got


def test_a_sentence_below_a_dash_is_no_signature():
    speaker, got = single(BODY + "\nReaders wrote in.\n\n“The whole idea needs to stop.”\n\n— Marta Quillen said nothing more that day.\n")
    assert speaker is None, got


# -- 3c. An infinitive cue: the subject of the words that govern it -------------

INFINITIVE_CUE = {
    "prompted-to-say": "The meeting was so calm that {a} was prompted to say, “I cannot believe how civil it has been.”",
    "quick-to-tell": "{a} was quick to tell reporters: “We will not back down.”",
    "went-on-to-say": "{a} went on to say, “From the bottom of my heart, I thank you.”",
    "has-decided-to-tell": "{a} has decided to tell the board: “We will not back down.”",
}


@pytest.mark.parametrize("text, who", cases(INFINITIVE_CUE, THREE_PEOPLE))
def test_infinitive_speech_verb_takes_the_governing_subject(text, who):
    assert_speaks(text, who[0])


def test_a_platform_after_a_preposition_is_no_infinitives_subject():
    got = found(BODY + "Marta Quillen denied it, with Desmond Okereke taking to Twitter to call the claim “totally false.”")
    assert all(s != "Twitter" for _, s, _ in got), got


# -- 1b. "he" or "she" never means an institution ------------------------------

@pytest.mark.parametrize("org", ["The Ashbury Council", "The Pellow County Board", "the water authority"])
@pytest.mark.parametrize("pron", ["she", "he"])
def test_pronoun_cue_is_never_an_institution(org, pron):
    text = BODY + f"{org} said the vote would go ahead on Monday.\n\n“We will not back down,” {pron} said.\n"
    got = found(text)
    quote = [s for w, s, _ in got if w.startswith("We will not")]
    assert quote and (quote[0] is None or org.lower().split()[-1] not in quote[0].lower()), got


# -- 4c. A headline names its speaker: "Name: ...", "Name Calls ...", "..., Name Tells ..." --

HEADLINES = {
    "colon": "{a}: Flood Plan Is ‘Far Too Little, Far Too Late’",
    "colon-surname": "{s}: Flood Plan Is ‘Far Too Little, Far Too Late’",
    "calls": "{a} Calls Flood Plan ‘Far Too Little, Far Too Late’",
    "says": "{s} Says Flood Plan Is ‘Far Too Little, Far Too Late’",
    "is-now-calling": "{s} Is Now Calling The Flood Plan ‘Far Too Little, Far Too Late’",
    "after-quote": "Flood Plan Is ‘Far Too Little, Far Too Late,’ {a} Tells Council.",
    "sentence-case": "{s} says flood plan is 'far too little, far too late'",
}
LEDE = (
    "\n\n{a}, who chairs the residents' association, spoke on Monday at the council meeting, where"
    " the budget for the river district was debated for three hours.\n\n"
    "The council will vote on the plan next month.\n"
)


@pytest.mark.parametrize("text, who", cases(HEADLINES, THREE_PEOPLE))
def test_headline_names_its_speaker(text, who):
    a = who[0]
    got = [(w, s, c) for w, s, c in found_all(text.format(a=a, s=a.split()[-1]) + LEDE.format(a=a)) if "too late" in w.lower()]
    assert got and got[0][1] == a, got


@pytest.mark.parametrize(
    "headline",
    [
        "Report: Flood Plan Is ‘Far Too Little, Far Too Late’",  # a colon after a word that names nobody
        "Poll Finds Flood Plan ‘Far Too Little, Far Too Late’",  # no speech verb
        "Quillen Calls Flood Plan ‘Far Too Little, Far Too Late’",  # a name the body never gives
    ],
)
def test_headline_without_a_speaker_the_body_names_gives_none(headline):
    got = [(w, s, c) for w, s, c in found_all(headline + LEDE.format(a="Desmond Okereke")) if "too late" in w.lower()]
    assert got and got[0][1] is None, got


def test_first_line_that_opens_a_paragraph_is_no_headline():
    text = "Okereke Calls Flood Plan “Far Too Little, Far Too Late” For The River District.\nThe council met on Monday, and Desmond Okereke spoke.\n"
    got = [(w, s, c) for w, s, c in found_all(text) if "too late" in w.lower()]
    assert got and got[0][2] != "(headline)", got


def found_all(text):
    """Every direct quote, terms included, with speaker and cue."""
    art = build_article("a1", "x.txt", text)
    return [(q.words.rstrip(",."), q.speaker, q.cue) for q in quotes_of(art) if q.direct]


# -- 5b. A speech word after "a <modifier>" is a noun, not the verb ("a snappy retort") --

MODIFIED_NOUN = {
    "snappy-retort": "{a} delivered a snappy retort: “Nobody is tearing this plan up.”",
    "crucial-point": "{a} made a crucial point: “Nobody is tearing this plan up.”",
    "fundraising-call": "{a} sent out a fundraising call after the vote, asking supporters to “donate to our campaign now.”",
    "brief-comment": "{a} offered only a brief comment: “Nobody is tearing this plan up.”",
}


@pytest.mark.parametrize("text, who", cases(MODIFIED_NOUN, THREE_PEOPLE))
def test_speech_word_after_a_modifier_is_a_noun(text, who):
    assert_speaks(text, who[0])


@pytest.mark.parametrize("subject", ["His aides", "The ferry operators", "Her two deputies"])
def test_plural_subject_before_a_base_form_stays_the_speaker(subject):
    speaker, got = single(BODY + f"{subject} warn that “the crossing will close by May.”")
    assert speaker is not None and subject.split()[-1] in speaker, got


# -- 7b. A relative clause or a party tag between a name and its verb ------------

RELATIVE_OR_TAG = {
    "who-place": "{a}, who was to travel to Dover, Delaware, on Wednesday to promote the rules, said the plan was “a core issue for the district.”",
    "whose-place": "{a}, whose hometown, Milford, may be under water by 2050, argues that the plan will “ruin the harbour.”",
    "whose-company": "{a}, whose latest start-up, Brightwell, sells pumps, said the county was “far too slow.”",
    "party-tag-comma": "On Tuesday, after winning the vote, Gov. {a} (R-Ohio), said, “We are going all the way to the capital.”",
    "party-tag": "Rep. {a} (D-Ore.) said, “We are going all the way to the capital.”",
}


@pytest.mark.parametrize("text, who", cases(RELATIVE_OR_TAG, THREE_PEOPLE))
def test_name_before_relative_clause_or_party_tag_speaks(text, who):
    assert_speaks(text, who[0])


def test_relative_clause_after_a_place_belongs_to_the_person_described():
    text = BODY + "Willa Brandt, a retired teacher in Hartford, who runs a small choir, recalled that “nobody came to help.”"
    speaker, got = single(text)
    assert speaker == "Willa Brandt", got


# -- 4d. A colon after a clause about someone, and a fronted clause's speech verb -----

COLON_CLAUSE = {
    "fired-back": "{a} fired back: “If they sue us, they are going to lose.”",
    "swiped": "{a} swiped at the county in a post on Facebook: “If they sue us, they are going to lose.”",
    "harder-line": "{a} took a harder line on Monday: “If they sue us, they are going to lose.”",
    "when-fronted": "When {b} suggested the county would sue, {a} fired back: “If they sue us, they are going to lose.”",
    "after-fronted": "After {b} said the county would sue, {a} laughed it off: “If they sue us, they are going to lose.”",
    "although-fronted": "Although {b} has claimed the county will sue, {a} was unmoved: “If they sue us, they are going to lose.”",
}


@pytest.mark.parametrize(
    "text, who", cases(COLON_CLAUSE, [("Marta Quillen", "Desmond Okereke"), ("Tamsin Holloway", "Bruno Castellane")])
)
def test_colon_after_a_clause_about_someone_gives_its_subject(text, who):
    a, b = who
    speaker, got = speaker_of(BODY + text.format(a=a, b=b), "If they sue us")
    assert speaker == a, got


def test_as_clause_still_quotes_its_subject():
    speaker, got = single(BODY + "As Marta Quillen said on Monday, “If they sue us, they are going to lose.”")
    assert speaker == "Marta Quillen", got


@pytest.mark.parametrize("opener", ["Along with the photo", "Amid the uproar", "Despite the ruling", "Like his rivals"])
def test_sentence_opening_preposition_names_nobody(opener):
    text = BODY + f"Desmond Okereke spoke last. {opener}, he had posted: “We are not giving up, we are celebrating!”"
    got = found(text)
    assert all(s is None or opener.split()[0] not in s for _, s, _ in got), got


# -- 7c. An apposition no comma closes, a place after "of", a time phrase first -----

OPEN_APPOSITION = {
    "former-aide": "{a}, a former aide to Mayor {b} has written a book in which she calls the council “a circus.”",
    "president-of": "{a}, president and chief executive of the Ashbury Traders Association stated, “It is not a political problem.”",
    "of-town-state": "{a} of Dover, Delaware says she thinks the council can “pull off a win.”",
    "hours-later": "Hours later, {a} returned the compliment, telling reporters, “She is an amazing colleague.”",
    "moments-earlier": "Moments earlier, {a} had warned the crowd: “We will not give up.”",
}


@pytest.mark.parametrize(
    "text, who", cases(OPEN_APPOSITION, [("Marta Quillen", "Desmond Okereke"), ("Tamsin Holloway", "Bruno Castellane")])
)
def test_person_before_an_open_apposition_or_after_a_time_phrase_speaks(text, who):
    a, b = who
    speaker, got = single(BODY + text.format(a=a, b=b))
    assert speaker == a, got


@pytest.mark.parametrize("name", ["Castellane", "Okereke", "Holloway"])
def test_interrupting_description_after_a_surname_still_speaks(name):
    """"Roe, a top aide said, “…”": a bare surname before the comma is the topic, not an apposition's head."""
    text = BODY + f"Tamsin {name} spoke on Monday.\n\n{name}, a top aide said, “is very confident in the contrast.”"
    got = found(text)
    assert got and got[-1][1] is not None and "aide" in got[-1][1], got


@pytest.mark.parametrize("name", ["Marta Quillen", "Bruno Castellane"])
def test_titled_person_after_a_fronted_phrase_keeps_their_name(name):
    text = BODY + f"In discussing the scandals around Mayor Desmond Okereke, former ambassador {name} told the host, “It is a disgrace.”"
    speaker, got = single(text)
    assert speaker == name, got


# -- 2c. Words quoted after a speech verb are the speaker's; a quoted title is nobody's --

CUE_THEN_WORDS = {
    "cue-after": "Still, golf clubs are “just scratching out a profit,” {a} said from the office in Dover.",
    "cue-after-nyt-marks": "''We are ready,'' Ms. Brandt said on Monday.\n\nStill, golf clubs are ''just scratching out a profit,'' {a} said from the office in Dover.",
    "cue-before": "{a} said the club was confident that the mayor would “do the right thing.”",
}
TITLES_AFTER_CUE = {
    "said-on-show": "{a} said on “Meet the Press” that the plan would fail.",
    "author-of-book": "{a} told the author of “Hacked World Order” that the plan would fail.",
}


@pytest.mark.parametrize("text, who", cases(CUE_THEN_WORDS, [("Mr. Pell",), ("Ms. Quillen",), ("Dr. Okereke",)]))
def test_short_quote_with_a_speech_cue_is_the_speakers(text, who):
    """A few words quoted in a sentence whose speech verb names someone by title and surname
    (read as a term at first, since nothing else in the article names them): theirs."""
    got = [(w, s) for w, s, _ in found_all(BODY + text.format(a=who[0])) if "We are ready" not in w]
    assert len(got) == 1 and got[0][1] == who[0].split()[-1], got


@pytest.mark.parametrize("text, who", cases(TITLES_AFTER_CUE, THREE_PEOPLE))
def test_quoted_title_after_a_speech_verb_is_nobodys(text, who):
    got = [(w, s) for w, s, _ in found_all(BODY + text.format(a=who[0]))]
    assert len(got) == 1 and got[0][1] is None, got


# -- 9b. A cue ending in a colon after a quote introduces the next quote -----------

NEXT_QUOTES_CUE = {
    "after-full-stop": "{a} proclaimed at a press conference, “I did not send any secret files.” The candidate reiterated: “I know the rules.”",
    "after-partial": "After {a} said that pupils might do better at “less demanding schools,” {b} said: “I do not like what she said.”",
}


@pytest.mark.parametrize(
    "text, who", cases(NEXT_QUOTES_CUE, [("Marta Quillen", "Desmond Okereke"), ("Tamsin Holloway", "Bruno Castellane")])
)
def test_colon_cue_after_a_quote_belongs_to_the_next(text, who):
    a, b = who
    got = found_all(BODY + text.format(a=a, b=b))
    assert got and got[0][1] == a, got


def test_split_quote_with_a_colon_keeps_one_speaker():
    got = found_all(BODY + "“We are ready,” Marta Quillen said: “We have been for weeks.”")
    assert [s for _, s, _ in got] == ["Marta Quillen", "Marta Quillen"], got


# -- 1c. "he said of <A> and <B>, “…”": the pronoun means someone named before it ----

@pytest.mark.parametrize("who", [("Tom Pell", "Bruno Castellane", "Desmond Okereke"), ("Karl Brandt", "Omar Felder", "Ivo Marsh")])
def test_pronoun_cue_before_the_quote_ignores_names_after_it(who):
    a, b, c = who
    text = BODY + (
        f"The mayor is also a “change agent,” {a} said. “That is what people want.”\n\n"
        f"“It seems to me they have every incentive to find common ground,” he said of {b} and {c}, "
        "“because to be successful they both need the port.”\n"
    )
    got = found_all(text)
    assert [s for _, s, _ in got][-2:] == [a, a], got


# -- 5c. A sentence-opening participle or a span of time names nobody ------------

@pytest.mark.parametrize(
    "opener",
    [
        "Conceding that there would be a deal",
        "Speaking to reporters on Monday",
        "Turning to the budget",
        "Facing mounting criticism from the board",
    ],
)
def test_opening_participle_is_no_speaker(opener):
    got = found_all(BODY + f"{opener}, Marta Quillen warned: “It is not going to happen soon.”")
    assert got and all(s in (None, "Marta Quillen") for _, s, _ in got), got


@pytest.mark.parametrize("phrase", ["The day before", "Two weeks later", "A month earlier"])
def test_span_of_time_is_no_speaker(phrase):
    from quotetrack.attribution.speakers import plausible_speaker

    assert not plausible_speaker(phrase)
    assert plausible_speaker("Marta Quillen") and plausible_speaker("the harbour master")


# -- 1d. A name opening a "that" clause is not the discourse's subject -------------

@pytest.mark.parametrize("who", [("Tom Pell", "Bruno Castellane"), ("Karl Brandt", "Omar Felder"), ("Ivo Marsh", "Desmond Okereke")])
def test_pronoun_skips_the_subject_of_a_that_clause(who):
    a, b = who
    text = BODY + (
        f"{a} spoke to reporters on Monday after the vote.\n\n"
        f"He said on Thursday that {b} needs to do more work to unite the council. "
        "“I think what people want is a leader who listens,” he said.\n"
    )
    speaker, got = single(text)
    assert speaker == a, got


@pytest.mark.parametrize("name", ["Manning", "Fleming", "Channing"])
@pytest.mark.parametrize("verb", ["said", "has said", "told reporters"])
def test_surname_ending_in_ing_still_speaks(name, verb):
    speaker, got = single(BODY + f"{name} {verb} the plan was “dead in the water.”")
    assert speaker == name, got


@pytest.mark.parametrize("opener", ["Facing mounting criticism", "Conceding that", "Speaking to reporters", "Turning to the budget"])
def test_mention_reader_takes_no_participle_for_a_name(opener):
    from quotetrack.attribution.mentions import np_starting_at
    from quotetrack.attribution.tokens import tokenize

    text = f"{opener} on Monday, Marta Quillen said the plan was dead."
    toks = tokenize(text, 0, len(text))
    found = np_starting_at(toks, 0, len(toks))
    assert found is None or opener.split()[0] not in found[0].text, found


@pytest.mark.parametrize("guess_cue", ["(context)", "(continues)"])
@pytest.mark.parametrize("who", [("Marta Quillen", "Desmond Okereke"), ("Tamsin Holloway", "Bruno Castellane")])
def test_headline_name_overrides_a_guessed_speaker(guess_cue, who):
    """A headline quote the rules gave to the sentence's subject or the last speaker by guess
    (Title Case misleads them) takes the speaker the headline names."""
    from dataclasses import replace

    from quotetrack.attribution.choice import ArticleAttributor
    from quotetrack.quotes import find_quotes

    a, b = who
    surname = a.split()[-1]
    text = (
        f"{surname}: {b.split()[-1]} Would Wreck “The Harbour We Love,” Then Sell It.\n\n"
        f"{a} spoke on Monday against {b}'s plan for the harbour, which the council debates next week.\n"
    )
    art = build_article("a1", "x.txt", text)
    quotes = [q for q in find_quotes(art.text, art.id) if q.direct]
    guessed = [replace(q, speaker=b, cue=guess_cue, speaker_mention=b) for q in quotes]
    out = ArticleAttributor(art, quotes)._headline(guessed)
    assert [(q.speaker, q.cue, q.speaker_mention) for q in out] == [(a, "(headline)", None)], out


@pytest.mark.parametrize(
    "headline",
    [
        "Mayor Just Insulted The Harbour Pilots In The Absolute Worst Way — ‘Didn’t Lose A Boat.’",
        "Council Growls In Response To Okereke’s Claim Quillen ‘Talks To The Press Everywhere She Goes.’",
    ],
)
def test_headline_guess_naming_nobody_in_the_body_is_dropped(headline):
    text = headline + (
        "\n\nMayor Marta Quillen boasted on Monday night that the harbour plan she pushed “didn’t lose a"
        " single boat.”\n\nDesmond Okereke, who leads the pilots, said the claim was false.\n"
    )
    got = found_all(text)
    first = [s for w, s, _ in got][0]
    assert first is None or first in ("Marta Quillen", "Desmond Okereke"), got


@pytest.mark.parametrize("name", ["Corrin Tregarth", "Marta Quillen"])
def test_a_one_line_article_has_no_headline(name):
    """One line and nothing after it is the article, not its headline: its quotes keep their speaker."""
    got = found_all(f"“We will not be rushed,” said {name}. “We want answers.”\n")
    assert [s for _, s, _ in got] == [name, name], got


# -- Surnames that are also titles ("King", "Bishop", "Pope") ---------------------

@pytest.mark.parametrize("first", ["Anneliese T.", "Desmond", "Marta R."])
@pytest.mark.parametrize("surname", ["King", "Bishop", "Pope", "Marshal"])
@pytest.mark.parametrize("title", ["Representative", "Councillor", "Senator"])
def test_surname_that_is_a_title_word_is_the_name_not_the_place(first, surname, title):
    """Titles come before a name: after a first name or an initial, a title word is a surname,
    and "of <Place>" after it names where the person is from, not who speaks."""
    text = BODY + f"“It will not be easy to do it,” said {title} {first} {surname} of Northfield, who backs the plan.\n"
    speaker, got = single(text)
    assert speaker == f"{first} {surname}", got


# -- A gendered title narrows a surname two people share ---------------------------

@pytest.mark.parametrize("family", ["Vellinger", "Ostrowe", "Kaltbrun"])
@pytest.mark.parametrize(
    "her, him",
    [("Marta", "Tobias"), ("Ingrid", "Desmond"), ("Rosalind", "Bruno")],
)
def test_gendered_title_picks_the_person_of_that_gender(family, her, him):
    text = BODY + (
        f"{her} {family} founded the league in 1972. Her son {him} {family} runs it now.\n\n"
        f"Mrs. {family} replied in an even voice that the critics were ''agitating for nothing at all.''\n"
    )
    speaker, got = single(text)
    assert speaker == f"{her} {family}", got


# -- A quote that ends its sentence ends the sentence --------------------------------

PARTICIPLE_NEXT_SENTENCE = {
    "attacking": "Early in the race, {a} attacked {b}, calling him “a failed candidate.” {b} fired back in March, attacking {a} for “the greed and the theatrics” of the campaign.",
    "mocking": "In May, {a} criticised {b}, calling the plan “a fantasy.” {b} hit back on Friday, mocking {a} for “never reading a budget” in ten years.",
}


@pytest.mark.parametrize("text, who", cases(PARTICIPLE_NEXT_SENTENCE, [("Vellacott", "Brannigan"), ("Okereke", "Quillen"), ("Tregarth", "Holloway")]))
def test_participle_after_a_quote_that_ended_the_sentence_is_the_new_subjects(text, who):
    """A quote whose words end with a full stop ends its sentence: the participle in the
    next sentence belongs to that sentence's subject, not to a speech verb before the quote."""
    a, b = who
    got = found(BODY + text.format(a=a, b=b) + "\n")
    assert [s for _, s, _ in got] == [a, b], got


@pytest.mark.parametrize("mark", ["!", "?"])
@pytest.mark.parametrize("who", [("Gwen Tollister", "R-Pa."), ("Omar Felder", "D-Ohio"), ("Ivo Marsh", "I-Vt.")])
def test_cue_after_a_quote_ending_in_a_mark_reads_past_a_party_tag(mark, who):
    name, party = who
    text = BODY + f"\"Perpetual motion{mark}\" Rep. {name}, {party}, said of the swirl of convention events.\n"
    speaker, got = single(text)
    assert speaker == name, got


# -- A second predicate of the sentence's subject ----------------------------------

@pytest.mark.parametrize("name", ["Halvorsen", "Desmond Okereke", "Marta Quillen"])
@pytest.mark.parametrize(
    "verb", ["acknowledged that he had only", "conceded that the team had only", "admitted that she had only"]
)
def test_coordinated_speech_verb_belongs_to_the_sentence_subject(name, verb):
    text = BODY + (
        f"{name}, who has been in daily contact with the campaign for months, arrived at a breakfast with"
        f" reporters with no clear explanation and {verb} \"read the passages real quickly.\"\n"
    )
    speaker, got = single(text)
    assert speaker == name, got


@pytest.mark.parametrize("opener", ["Hastily", "Briefly", "Clearly"])
def test_adverb_opening_the_sentence_is_no_speaker(opener):
    text = BODY + (
        f"{opener} criticising the decision, the committee cast the blame on its rivals and emphasized"
        " the threat that “reckless spending” poses to the district.\n"
    )
    speaker, got = single(text)
    assert speaker != opener, got


@pytest.mark.parametrize("thing", ["The North Harbour Trade Agreement", "The Riverside Compact"])
def test_thing_before_which_is_no_speaker(thing):
    text = BODY + f"{thing}, which the mayor had called a “disaster” and promised to “rip up,” was signed.\n"
    got = found(text)
    assert all(s is None or s.split()[-1] not in thing for _, s, _ in got), got


# -- Speech verbs kept as base forms -------------------------------------------------

@pytest.mark.parametrize("form", ["opined", "opines"])
@pytest.mark.parametrize("who", ["the Harbour Gazette", "Desmond Okereke"])
def test_opine_is_a_speech_verb(form, who):
    text = BODY + f"\"Drivers should leave their cars at home,\" {form} {who}.\n"
    got = found(text)
    assert [(plain(s), c) for _, s, c in got] == [(plain(who), form)], got


# -- "with <Name> <participle>": the participle's own subject ------------------------

WITH_PARTICIPLE = {
    "calling": "Members who agree that the depot should close were irritated by the lack of detail, with {who} calling it a “Chinese menu.”",
    "yelling": "At a rally in Dunmore, Fife, on Saturday, some of the crowd jostled a heckler, with {who} reportedly yelling: “Get him out of here!”",
    "telling": "The attack set off a debate over how the port responds, with {who} telling reporters he viewed the board as “directly responsible” for it.",
}


# -- A noun that looks like a speech verb is no cue ----------------------------------

@pytest.mark.parametrize("name", ["Okafor", "Marta Quillen", "Desmond Okereke"])
@pytest.mark.parametrize("noun", ["the same campaign points", "the old talking points", "his usual debating points"])
def test_points_without_out_is_a_noun(name, noun):
    """ "point" speaks only with its particle ("points out"); "the same campaign points" is a noun."""
    text = BODY + (
        f"{name}, the sitting governor, repeated claims that Tregarth recites {noun}, calling him a"
        " “talented guy” when he has to “read a teleprompter.”\n"
    )
    got = found(text)
    assert [s for _, s, _ in got] == [name, name], got


@pytest.mark.parametrize("name", ["Okafor", "Marta Quillen"])
@pytest.mark.parametrize("noun", ["a declarative answer", "a careful reply", "a brief comment"])
def test_speech_noun_after_a_quote_is_no_cue(name, noun):
    text = BODY + f"Asked by a reporter if Tregarth “gets” the harbour, {name} avoided {noun}.\n"
    got = found(text)
    assert all(s is None or s == name for _, s, _ in got), got


# -- Headlines: "<Name> on <topic>: ‘…’" --------------------------------------------

@pytest.mark.parametrize("who", [("Marta Quillen", "Tregarth"), ("Desmond Okereke", "Vellacott"), ("Ingrid Holloway", "Brannigan")])
@pytest.mark.parametrize("topic", ["{b} Releasing His Harbour Board Transcripts", "the Dredging Plan", "{b}’s Budget Speech"])
def test_headline_name_before_on_and_a_topic(who, topic):
    a, b = who
    text = (
        f"{a.split()[-1]} on {topic.format(b=b)}: ‘I Think He Will.’\n\n"
        f"Friday on the morning show, Sen. {a}, a supporter of the plan, said she expected the transcripts soon.\n"
    )
    got = found_all(text)
    assert got[0][1] == a, got


# -- Possessives and nouns are no speakers ---------------------------------------------

@pytest.mark.parametrize("owner", ["Okafor", "Tregarth", "Vellacott"])
@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_possessive_is_never_a_speaker(owner, apostrophe):
    text = BODY + (
        f"Marta Quillen then discussed {owner}{apostrophe}s proposed wall and explained its importance.\n\n"
        f"“{owner}{apostrophe}s wall is a neighbourly idea to stop the flooding,” she wrote. “With no objection, the plan should go ahead.”\n"
    )
    got = found(text)
    assert [s for _, s, _ in got] == ["Marta Quillen", "Marta Quillen"], got


@pytest.mark.parametrize("place", ["Dunmore", "Harbour Street", "Ashbury"])
@pytest.mark.parametrize("noun", ["attack", "answer", "comment"])
def test_speech_word_after_the_and_a_name_is_a_noun(place, noun):
    text = BODY + f"It said supporters of the group were sharing the news of the {place} {noun} and \"celebrating the outcome.\"\n"
    got = found(text)
    assert all(s is None or place not in s for _, s, _ in got), got


@pytest.mark.parametrize("pronoun, who", [("She", "Marta Quillen"), ("He", "Desmond Okereke"), ("She", "Ingrid Holloway")])
@pytest.mark.parametrize("verb", ["admitted", "conceded", "acknowledged"])
def test_coordinated_speech_verb_after_a_pronoun_subject(pronoun, who, verb):
    text = BODY + (
        f"{who} spoke to the trust's members on Wednesday.\n\n"
        f"{pronoun} was defending the trust against recent attacks from the mayor, but {verb} “one or two instances”"
        " where donations may have “slipped through the cracks.”\n"
    )
    got = found(text)
    assert [s for _, s, _ in got] == [who, who], got


@pytest.mark.parametrize("doc", ["a letter to Mr. Castellane", "the statement from the harbour board", "a memo to staff"])
def test_a_document_described_at_length_is_no_speaker(doc):
    from quotetrack.attribution.speakers import plausible_speaker

    assert not plausible_speaker(doc)
    assert plausible_speaker("a spokesman for the harbour board")


# -- A time phrase between the subject and its speech verb -----------------------------

@pytest.mark.parametrize("who", ["Desmond Okereke", "The harbour board", "Marta Quillen"])
@pytest.mark.parametrize("when", ["on Monday", "last week", "less than two weeks ago", "earlier this month"])
def test_time_phrase_between_subject_and_verb(who, when):
    text = BODY + (
        "Dredging began in the spring.\n\n"
        f"{who} {when} said for the first time that “toxic silt” had reached the north bank of the river.\n"
    )
    speaker, got = single(text)
    assert speaker is not None and plain(speaker).lower() == plain(who).lower(), got


# -- 6b. "as <Name> puts it" -------------------------------------------------------------

AS_PUTS_IT_CUE = {
    "after": "The plan is “a fantasy with a price tag,” as {who} puts it.",
    "after-past": "The plan was “a fantasy with a price tag,” as {who} put it on Monday.",
    "fronted": "As {who} put it on Monday, the plan is “a fantasy with a price tag.”",
}


@pytest.mark.parametrize("text, who", cases(AS_PUTS_IT_CUE, [("Desmond Okereke",), ("Marta Quillen",), ("Ingrid Holloway",)]))
def test_as_name_puts_it_is_the_cue(text, who):
    (name,) = who
    got = found(BODY + "Dredging began in the spring.\n\n" + text.format(who=name) + "\n")
    assert [(s, c.split()[0] if c else c) for _, s, c in got] == [(name, "puts" if "puts" in text else "put")], got


# -- A place before "who" is not who spoke ----------------------------------------------

@pytest.mark.parametrize("name", ["Marta Quillen", "Desmond Okereke", "Ingrid Holloway"])
@pytest.mark.parametrize("place", ["in Dunmore", "from Ashbury", "at Northfield"])
def test_place_before_who_said_is_not_the_speaker(name, place):
    text = BODY + (
        f"''You are going to see a variety of tactics,'' said {name}, 32, a former staff member for the campaign"
        f" {place} who said she planned to demonstrate. ''I personally don't like being arrested.''\n"
    )
    art = build_article("a1", "x.txt", text)
    got = [(q.direct, q.speaker) for q in quotes_of(art)]
    assert all(s != place.split()[-1] for _, s in got), got
    assert [s for d, s in got if d] == [name, name], got


# -- Fronted phrases with commas inside, and what a participle after a comma means ----------

FRONTED_WITH_COMMAS = {
    "town-state-day": "At a campaign event in Ames, Iowa, on Sunday, {who} tried to expand on an earlier statement, saying that the port should ''be rallying our partners and allies.''",
    "reached-by": "Reached by the Herald, {who} denied that a shakeup is coming, explaining that the absence was because of “taking a day off.”",
    "asked-about": "Asked about the delay, {who} blamed the contractor, saying the work had been “a shambles from day one.”",
}


PARTICIPLE_PEOPLE = [("Sen. Orla Treadwell",), ("Desmond Okereke",), ("the union leader Marta Quillen",), ("Mrs. Quillen",), ("Senator Ingrid Holloway of Vermont",)]


@pytest.mark.parametrize("text, who", cases({**WITH_PARTICIPLE, **FRONTED_WITH_COMMAS}, PARTICIPLE_PEOPLE))
def test_subject_of_a_participle(text, who):
    """ "with <Name> <participle>" gives the participle its own subject; after a fronted phrase
    holding commas of its own, the subject is the clause's, not a place inside the phrase."""
    (name,) = who
    speaker, got = single(BODY + text.format(who=name) + "\n")
    assert speaker == person_of(name), got


@pytest.mark.parametrize("who", [("Desmond Okereke", "Mrs. Quillen"), ("Marta Quillen", "Mr. Vellacott"), ("Ingrid Holloway", "Dr. Tregarth")])
def test_verb_then_titled_object_is_no_description(who):
    """ "<A> endorsed Mrs. <B>, saying …": an -ed word and a title of courtesy are a verb and its object."""
    a, b = who
    text = BODY + f"At a rally in Portsmouth, N.H., on Tuesday, Senator {a} of Vermont endorsed {b}, saying that the rival would ''make an outstanding mayor.''\n"
    speaker, got = single(text)
    assert speaker == a, got


@pytest.mark.parametrize("role", ["state director", "press secretary", "state senator"])
@pytest.mark.parametrize("who", ["Marta Quillen", "Desmond Okereke"])
def test_speech_word_modifying_a_role_is_part_of_the_description(role, who):
    text = BODY + f"In early October, Vellacott’s Virginia {role}, {who}, reached out to the firm, writing in an email: “We want to use this soon.”\n"
    speaker, got = single(text)
    assert speaker == who, got


# -- A titled surname ("Mr. Okafor") is a mention of the person -----------------------------

@pytest.mark.parametrize(
    "title, pronoun, who",
    [
        (title, pronoun, who)
        for titles, pronoun, people in [
            (("Mr.", "Sen.", "Dr."), "he", [("Desmond Okereke", "Tobias Vellinger"), ("Bruno Castellane", "Omar Felder")]),
            (("Ms.", "Sen.", "Dr."), "she", [("Ingrid Holloway", "Marta Quillen"), ("Rosalind Tregarth", "Tamsin Brandt")]),
        ]
        for title in titles
        for who in people
    ],
)
def test_titled_surname_is_a_mention_for_later_pronouns(title, pronoun, who):
    """ "Mr. <Surname>" later in the text is a mention of the person named in full earlier: a
    pronoun after it means them, not someone named in full in between."""
    a, b = who
    text = BODY + (
        f"{a} and {b} met the harbour board on Monday.\n\n"
        f"{b} left early. But as {title} {a.split()[-1]} campaigned on Friday in the north, {pronoun} stuck to the message.\n\n"
        f"''I like this harbour more than the other one,'' {pronoun} said.\n"
    )
    speaker, got = single(text)
    assert speaker == a, got


@pytest.mark.parametrize("title, pronoun", [("Mr.", "he"), ("Ms.", "she"), ("President", "he"), ("Mrs.", "she")])
@pytest.mark.parametrize("surname", ["Vellacott", "Okereke", "Tregarth"])
def test_person_known_only_by_title_and_surname(title, pronoun, surname):
    """An article that never gives a first name still names a person: "Mr. <Surname>" is one, and
    a pronoun after a quote from someone else named in between can mean them."""
    text = BODY + (
        f"{title} {surname} made clear over the weekend that meeting the families has an impact, and the"
        " trust's manager Omar Felder agreed.\n\n"
        f"''I've seen their anguish,'' {pronoun} said.\n"
    )
    if pronoun == "he":
        text = text.replace("Omar Felder", "Ingrid Holloway")
    speaker, got = single(text)
    assert speaker == surname, got


@pytest.mark.parametrize("suffix", ["Jr.", "Sr.", "III"])
@pytest.mark.parametrize("who", [("Gen. Desmond F. Okereke", "Okereke"), ("Marta Quillen", "Quillen"), ("Adm. Tobias R. Vellinger", "Vellinger")])
def test_generational_suffix_is_no_surname(suffix, who):
    full, surname = who
    text = BODY + f"{full} {suffix} visited the base on Monday.\n\n''We are ready,'' {surname} said. ''We have been for weeks.''\n"
    got = found(text)
    want = full.split(" ", 1)[1] if full.startswith(("Gen.", "Adm.")) else full
    assert [s for _, s, _ in got] == [want, want], got


@pytest.mark.parametrize("day", ["Sunday", "Monday", "Tuesday"])
@pytest.mark.parametrize("opener", ["Speaking", "Campaigning", "Writing"])
def test_participle_before_a_day_is_no_name(opener, day):
    from quotetrack.attribution.mentions import np_starting_at
    from quotetrack.attribution.tokens import tokenize

    text = f"{opener} {day} in Dover, Marta Quillen said the plan was dead."
    toks = tokenize(text, 0, len(text))
    found = np_starting_at(toks, 0, len(toks))
    assert found is None or opener not in found[0].text, found


# -- 8b. An organisation opening the sentence speaks through a participle ----------------

@pytest.mark.parametrize("org", ["The Harbour Trust Foundation", "The Riverside Tenants Association", "The Northfield Chamber of Commerce"])
@pytest.mark.parametrize("participle", ["telling", "saying", "adding"])
def test_organisation_subject_of_a_participle(org, participle):
    text = BODY + (
        f"{org} did not want to address “that person,” {participle} a reporter that it is focused on"
        " “ending senseless violence.”\n"
    )
    got = found(text)
    assert got[-1][1] is not None and plain(got[-1][1]) == plain(org), got


@pytest.mark.parametrize("who", ["Marta Quillen", "Desmond Okereke"])
def test_organisation_and_a_person_together_are_no_organisation_subject(who):
    text = BODY + (
        f"Harbour News and former anchor {who} have promoted a humble approach in several speeches, advising"
        " graduates to \"become members of the two-H club: hard work and humility.\"\n"
    )
    got = found(text)
    assert all(s is None or "Harbour News" not in s for _, s, _ in got), got


@pytest.mark.parametrize("who", [("Marta Quillen", "Tobias Vellinger"), ("Desmond Okereke", "Ingrid Holloway")])
@pytest.mark.parametrize("verb", ["Praises", "Slams", "Thanks"])
def test_headline_subject_before_a_verb_and_a_colon(who, verb):
    """ "<A> Praises <Outlet>’s Editor <B>: ‘…’": the headline's subject speaks, not the name before the colon."""
    a, b = who
    text = (
        f"{a} {verb} Harbour Gazette’s Political Editor {b}: ‘Very Good Reporter.’\n\n"
        f"On Monday the mayor, {a}, spoke about the press and said that the editor of the paper, {b}, was a"
        " very good reporter who had covered the harbour for many years and knew it well.\n"
    )
    got = found_all(text)
    assert got[0][1] == a, got


@pytest.mark.parametrize("opener", ["I'm", "We’re", "They've"])
def test_pronoun_contraction_is_no_speaker(opener):
    from quotetrack.attribution.speakers import plausible_speaker

    assert not plausible_speaker(opener)
    assert plausible_speaker("Ima")


@pytest.mark.parametrize("opener", ["Continuing to explain his view", "Speaking at a town hall in Salem, New Hampshire", "Asked about the delay"])
@pytest.mark.parametrize("who", ["Desmond Okereke", "Okafor"])
def test_participle_phrase_opening_the_sentence_then_its_subject(opener, who):
    text = BODY + f"{opener}, {who} rejected the notion, saying that the plan was “water under the bridge.”\n"
    speaker, got = single(text)
    assert speaker == who, got


@pytest.mark.parametrize("phrase, ok", [("The concerns being", False), ("the plan has", False), ("George Will", True), ("Ann May", True)])
def test_phrase_cut_before_its_verb_is_no_speaker(phrase, ok):
    from quotetrack.attribution.speakers import plausible_speaker

    assert plausible_speaker(phrase) is ok


@pytest.mark.parametrize("title, role", [("Sen.", "senator"), ("Gov.", "governor"), ("Rep.", "representative")])
@pytest.mark.parametrize("who", ["Marta Quillen", "Desmond Okereke", "Ingrid Holloway"])
def test_abbreviated_title_gives_the_role_a_description_refers_to(title, role, who):
    """ "Sen. <Name>" named first is "the senator" later: the description is that person."""
    text = BODY + (
        f"{title} {who} toured the flooded district on Monday with Tobias Vellinger, a local pastor.\n\n"
        f"“We will not leave these families behind,” the {role} said.\n"
    )
    speaker, got = single(text)
    assert speaker == who, got


@pytest.mark.parametrize("org", ["The Harbour Gazette", "The Riverside Tenants Association", "The Northfield Chamber of Commerce"])
def test_organisation_a_sentence_is_about_owns_its_woven_words(org):
    """Words woven into a sentence about an organisation, with no speech verb, are its words
    ("The <Paper> characterized the mood as a “journey from denial to acceptance”")."""
    from quotetrack.attribution.choice import ArticleAttributor
    from quotetrack.quotes import find_quotes

    text = BODY + (
        "Marta Quillen spoke at the meeting on Monday.\n\n"
        f"{org} characterized many residents' view of Desmond Okereke's plan as a “journey from denial and"
        " resistance to grudging acceptance” in its Sunday edition.\n"
    )
    art = build_article("a1", "x.txt", text)
    quotes = [q for q in find_quotes(art.text, art.id) if q.direct]
    subject = ArticleAttributor(art, quotes)._sentence_subject(quotes[0])
    assert subject is not None and plain(subject.head) == plain(org), subject


@pytest.mark.parametrize("opening", ["The British capital's new mayor", "The Dunmore port's new manager"])
def test_one_capitalised_word_after_the_is_no_organisation(opening):
    text = BODY + f"{opening} on Tuesday rejected Desmond Okereke's offer to make an “exception” to the ban.\n"
    got = found(text)
    assert all(s is None or s.split()[-1] not in opening for _, s, _ in got), got


SURNAME_AFTER_OPENER = {
    "and-commas": "And {s}, for all the work {p} put into the plan, seems to agree.",
    "but": "But {s} disagrees with the engineers.",
    "so": "So {s} went back to the drawing board.",
    "yet": "Yet {s} still backs the scheme.",
    "still": "Still, {s} thinks the board will approve it.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(SURNAME_AFTER_OPENER, [("Gerald Whitcombe", "Oscar Pennifold", "he"), ("Miriam Achterberg", "Ingrid Salvesen", "she"),
                                 ("Victor Lindqvist", "Martin Margolis", "he")]),
)
def test_surname_after_a_sentence_opener_is_a_mention_pronouns_can_mean(text, who):
    """"But Roe disagrees. “…,” she said.": "But" opens the sentence; Roe is named there (the
    speaker of the quote before, of the same gender, is someone else), so the pronoun means Roe."""
    person, other, p = who
    surname = person.split()[-1]
    doc = (
        BODY + f"{person} chairs the reservoir board.\n"
        f"“The reservoir is too small for the valley,” said {other}, an engineer at the water board.\n"
        + text.format(s=surname, p=p) + f" “We do not yet know what will work,” {p} said.\n"
    )
    assert_said(doc, "We do not yet know", person)


ISSUED_DOCUMENTS = {
    "issued-statement": ("{a} issued a statement on Monday apologizing to the tenants.", "statement"),
    "released-brief-statement": ("{a} on Monday released a brief statement about the closure.", "statement"),
    "sent-letter": ("{a} sent a letter to the council last week.", "letter"),
    "put-out-release": ("{a} put out a press release after the vote.", "release"),
    "emailed-memo": ("{a} emailed a memo to the staff on Friday.", "memo"),
}


@pytest.mark.parametrize(
    "text, who",
    cases(ISSUED_DOCUMENTS, [("Gwendolyn Ashcombe",), ("The Harbour Pilots Association",), ("Norbert Quennell",)]),
)
def test_document_as_cue_subject_gives_whoever_issued_it(text, who):
    """"<A> issued a statement … “…,” the statement said.": the words are A's, not those of the
    person the statement was about or of anyone named nearby."""
    (sentence, noun), (issuer,) = text, who
    doc = (
        BODY + sentence.format(a=issuer) + " Pietro Valcourt, the ferry operator, closed the crossing on Sunday."
        + f" “We regret the closure and will reopen soon,” the {noun} said.\n"
    )
    assert_said(doc, "We regret the closure", issuer)


@pytest.mark.parametrize("noun", ["statement", "letter", "release"])
def test_document_nobody_issued_gives_no_speaker_rather_than_a_neighbour(noun):
    doc = (
        BODY + "Pietro Valcourt, the ferry operator, closed the crossing on Sunday.\n"
        f"“We regret the closure and will reopen soon,” the {noun} said.\n"
    )
    got, allq = speaker_of(doc, "We regret the closure")
    assert got != "Pietro Valcourt", allq


OUTLET_ROLE_SUBJECTS = {
    "columnist": "The Lakeside Courier columnist {a} has been critical of the plan but on Tuesday wrote that {p} agreed with parts of it.",
    "correspondent": "The Evening Ledger correspondent {a} visited the dam on Monday and found the gates shut.",
    "pollster": "Harbour Research pollster {a} has tracked the race since spring.",
}


@pytest.mark.parametrize(
    "text, who",
    cases(OUTLET_ROLE_SUBJECTS, [("Rowena Maddox", "she"), ("Cedric Ambleforth", "he"), ("Yvonne Pellerin", "she")]),
)
def test_outlet_and_role_before_a_name_leave_the_person_the_subject(text, who):
    """"The <Outlet> columnist <Name> has …. “…,” she wrote.": the pronoun means the person the
    sentence is about, not the outlet (a role word between them is the person's role)."""
    name, p = who
    other = "Carla Fenwright" if p == "she" else "Marcus Fenwright"
    doc = (
        BODY + f"{other}, the former executive, attacked the mayor last week.\n"
        + text.format(a=name, p=p) + f" “The mayor has ignored the valley,” {p} wrote.\n"
    )
    assert_said(doc, "The mayor has ignored", name)


CAPITALISED_MODIFIER_DESCRIPTIONS = {
    "treasury-secretary": "The Treasury secretary also lauded {o} for the “needed reforms at the port authority.”",
    "white-house-press-secretary": "The White House press secretary praised {o} for the “steady hand at the port authority.”",
    "harbour-board-chairman": "The Harbour Board chairman thanked {o} for the “needed reforms at the port authority.”",
}


@pytest.mark.parametrize("text, who", cases(CAPITALISED_MODIFIER_DESCRIPTIONS, [("Mr. Kamberi",), ("Ms. Altamirano",), ("Mr. Oduwole",)]))
def test_description_with_a_capitalised_modifier_is_the_subject_not_the_object(text, who):
    """"The Treasury secretary lauded Mr. <X> for the “…”": the praise is the secretary's; X,
    the verb's object, is not the speaker (nor does X take the role of the word before the verb)."""
    (obj,) = who
    doc = BODY + text.format(o=obj) + "\n"
    got, allq = single(doc)
    assert got is None or obj.split()[-1] not in got, allq


@pytest.mark.parametrize("verb", ["lauded", "praised", "thanked", "criticised"])
@pytest.mark.parametrize("who", ["Mr. Kamberi", "Ms. Altamirano", "Dr. Oduwole"])
def test_role_word_before_a_verb_is_not_the_objects_role(verb, who):
    """"The secretary lauded Mr. Roe": Roe is not "the secretary" (the role word must stand next
    to the name), so a later "the secretary said" is not Roe's."""
    doc = (
        BODY + f"The secretary {verb} {who} on Monday for the new ferry timetable.\n"
        "“The timetable will not change again,” the secretary said.\n"
    )
    got, allq = single(doc)
    assert got is None or who.split()[-1] not in got, allq


PLACE_AND_STATE = {
    "says": "{a} of Columbia, South Carolina says she thinks the council can win if it keeps “listening to the river towns.”",
    "said": "{a} of Dover, Delaware said the council must keep “listening to the river towns.”",
    "told": "{a} from Tulsa, Oklahoma told reporters the council should keep “listening to the river towns.”",
}


@pytest.mark.parametrize("text, who", cases(PLACE_AND_STATE, THREE_PEOPLE))
def test_person_of_a_place_and_its_state_is_the_subject(text, who):
    """"<Name> of <Town>, <State> says …": the person, not the state before the verb."""
    assert_speaks(text, who[0])


PASSIVE_AGENTS = {
    "asked-by-host": "Rowan Teague was asked by host {a}, who backs the plan, “Why did the council wait so long to act?”",
    "asked-by-moderator": "Rowan Teague was asked by moderator {a} whether the levy would risk “adding another burden to the river towns.”",
    "told-by": "Rowan Teague was told by {a}: “The council cannot fund this in one year.”",
}


@pytest.mark.parametrize("text, who", cases(PASSIVE_AGENTS, THREE_PEOPLE))
def test_passive_speech_verb_gives_the_agent(text, who):
    """"<A> was asked by host <B>, “…?”": the question is B's (the agent after "by"), not A's."""
    assert_speaks(text, who[0])


@pytest.mark.parametrize("pair", [("Elena", "David Voskuijlen"), ("Martin", "Greta Olofsdottir"), ("Ines", "Paulo Carvalheira")])
@pytest.mark.parametrize("description", ["The mayor's biographers", "Two historians of the port", "The study's authors"])
def test_names_in_apposition_to_a_description_are_the_subject(pair, description):
    """"<description>, Ann and Tom Roe, wrote that …": the people named, not the description."""
    first, full = pair
    doc = BODY + f"{description}, {first} and {full}, wrote that the harbour “was never built to last.”\n"
    got, allq = single(doc)
    assert got in (full, f"{first} {full.split()[-1]}"), allq


APPOSITION_DESCRIPTIONS = {
    "backer-who-called": "“There are two choices, and the council must pick one,” said Gov. {a} of Idaho, a former backer of "
                         "Sen. Ruth Calloway, who has since called on members to back the mayor. “Realistically, this is an opportunity.”",
    "age-native-who": "“We like to break news,” said {a}, 34, a North Dakota native who broke into reporting covering the "
                      "statehouse for the Herald. “The bulletin is a great venue for that.”",
    "critic-who-told": "“The levy is unfair,” said {a}, a longtime critic of the board who told members to resign. "
                       "“Nobody asked the river towns.”",
}


@pytest.mark.parametrize("text, who", cases(APPOSITION_DESCRIPTIONS, THREE_PEOPLE))
def test_description_in_apposition_to_a_speaker_is_that_speaker(text, who):
    """"said <Name>, a former backer of <B>, who has since called …. “…”": the description (the
    subject of the relative clause's speech verb) is the named speaker, so the quote that
    continues is theirs, not a description's (class 7, continued by class 9)."""
    (name,) = who
    got = found(BODY + text.format(a=name) + "\n")
    assert [s for _, s, _ in got] == [name, name], got


@pytest.mark.parametrize("phrase", ["a North Dakota native who broke into", "a voice over", "the people he ran against",
                                    "the fund she talked about"])
def test_phrase_ending_in_a_preposition_is_no_speaker(phrase):
    assert not plausible_speaker(phrase)


@pytest.mark.parametrize("outlet", ["The Harbourton Post", "The Evening Report", "The Lakeside Letter", "Quayside Video"])
@pytest.mark.parametrize("frame", [
    "{o} reported that the mayor was ousted “at the urging of three council members.”",
    "{o} recently ran a piece that noted the levy “would help wealthy owners more than renters.”",
])
def test_outlet_named_like_a_document_is_a_speaker(outlet, frame):
    """A capitalised outlet whose last word is a document noun ("The <Town> Post") is an
    organisation and may speak; "a statement" or "the post" (lower case) still may not."""
    speaker, got = single(BODY + frame.format(o=outlet) + "\n")
    assert speaker is not None and speaker.split()[-1] == outlet.split()[-1], got
    assert plausible_speaker(outlet) and not plausible_speaker("the post") and not plausible_speaker("a statement")


@pytest.mark.parametrize("headline_name, body_name", [
    ("Francois Halvard", "François Halvard"), ("Zoe Castaneda", "Zoë Castañeda"), ("RENE DUBOIS", "René Dubois"),
    ("Jose Ibanez", "José Ibáñez"),
])
def test_headline_name_without_accents_or_case_is_the_body_s_person(headline_name, body_name):
    """A headline that drops accents or shouts ("Francois", "RENE") names the person the body
    names with them: the same name without accents or case."""
    text = (f"{headline_name} Says Harbour Plan ‘Makes You Want To Weep.’\n\n"
            f"The minister {body_name} has joined a growing list of critics of the plan.\n")
    got = [(q.speaker, q.cue) for q in quotes_of(build_article("a1", "x.txt", text)) if q.direct]
    assert got == [(body_name, "(headline)")], got


def test_fold_name_drops_accents_and_case_only():
    from quotetrack.textnorm import fold_name

    assert fold_name("François Hollande") == fold_name("FRANCOIS HOLLANDE") == "francois hollande"
    assert fold_name("Zoë") == "zoe" and fold_name("Ann Roe") == "ann roe"
    assert fold_name("Ann Roe") != fold_name("Anna Roe")


@pytest.mark.parametrize("org", ["Quillbird", "Harbourlink", "Tidewell"])
@pytest.mark.parametrize("noun", ["company", "firm", "agency"])
def test_the_company_after_a_one_word_organisation_spoke_is_that_organisation(org, noun):
    """"“…,” Quillbird said in a statement. “…,” the company said.": a one-word organisation no
    person is named by just spoke; "the company" is it (class 8), not a bare description."""
    doc = (BODY + f"“As the threat has changed, so has our work,” {org} said in a statement.\n"
           f"“We removed the accounts within hours,” the {noun} said.\n")
    got = found(doc)
    assert [s for _, s, _ in got] == [org, org], got


def test_the_company_after_a_person_spoke_stays_a_description():
    doc = (BODY + "“As the threat has changed, so has our work,” Marta Quillen said.\n"
           "“We removed the accounts within hours,” the company said.\n")
    got = found(doc)
    assert [s for _, s, _ in got] == ["Marta Quillen", "the company"], got


@pytest.mark.parametrize("kin, first, pronoun", [
    ("wife", "Melania", "she"), ("wife", "Rosalind", "she"), ("husband", "Everett", "he"),
    ("daughter", "Imogen", "she"), ("son", "Desmond", "he"), ("brother", "Lionel", "he"),
])
def test_person_called_by_first_name_in_apposition_is_a_pronoun_candidate(kin, first, pronoun):
    """"the mayor's wife, Melania, is scheduled to speak. … she described him as “…”": a person
    the article calls by first name only, after a kinship or role noun, is a person the pronoun
    can mean (not the earlier speaker of the same gender)."""
    other = "Jan Brewster" if pronoun == "she" else "Tom Brewster"
    doc = (BODY + f"{other}, the former governor, said on Monday that the party would unite. "
           f"“We will win in the fall,” {pronoun} said.\n"
           f"On the opening night, the mayor's {kin}, {first}, is scheduled to speak. At a rally this spring, "
           f"{pronoun} described the mayor as “kind and fair to everyone in the valley.”\n")
    got, allq = speaker_of(doc, "kind and fair")
    assert got == first, allq


@pytest.mark.parametrize("opener", ["Good", "Ask", "Nuclear", "Bad"])
def test_common_word_opening_a_sentence_is_no_context_speaker(opener):
    """"Good information can still drive out bad, when “…”": a capitalised word opening a
    sentence that the article also writes in lower case names nobody."""
    doc = (BODY + f"The board said the plan was {opener.lower()} for the valley, and the council agreed.\n"
           f"{opener} information can still drive out the rest, but only when “the truth is simpler than the rumour.”\n")
    got = found(doc)
    assert all(s != opener for _, s, _ in got), got
    assert not plausible_speaker("Thirteen") and not plausible_speaker("Seventeen")


REPORTED_ASIDES = {
    "after-told": "“Your plan is sound,” {a} assured {b}, after {b} told the board that most residents backed it. “I will not let you down.”",
    "when-said": "“The levy is fair,” {a} told reporters, when {b} said on Monday that it would fail. “We will hold the line.”",
    "who-said": "“The levy is fair,” said {a}, who met {b}, a consultant who said the vote would be close. “We will hold the line.”",
}


@pytest.mark.parametrize("text, who", cases(REPORTED_ASIDES, [("Marta Quillen", "Ingrid Salvesen"), ("Desmond Okereke", "Oscar Pennifold")]))
def test_reported_speech_in_an_aside_does_not_take_over_the_next_quote(text, who):
    """"“…,” A assured B, after B told the board that …. “…”": B's reported words sit in a
    subordinate clause of A's attribution; the quote that follows continues A (class 9)."""
    a, b = who
    got = found(BODY + text.format(a=a, b=b) + "\n")
    assert [s for _, s, _ in got] == [a, a], got


PARTICLE_CUES = {
    "shot-back": "After Governor Jerry Brennan criticised the plan during a debate, {a} shot back, “I could have stayed home, but I chose to fight.”",
    "fired-back": "After Governor Jerry Brennan criticised the plan during a debate, {a} fired back: “I could have stayed home, but I chose to fight.”",
    "hit-back": "When Governor Jerry Brennan criticised the plan, {a} hit back, “I could have stayed home, but I chose to fight.”",
}


@pytest.mark.parametrize("text, who", cases(PARTICLE_CUES, THREE_PEOPLE))
def test_speech_verb_with_its_particle_is_a_cue(text, who):
    """"<A> shot back, “…”": a verb that speaks only with its particle is the main clause's cue
    (not the fronted clause's "criticised", whose subject is someone else)."""
    assert_speaks(text, who[0])


@pytest.mark.parametrize("sentence", [
    "The ball shot into view as the banner “Welcome home” rose over the stand.",
    "The storm hit the pier hard, and the signs read “Closed” all week.",
])
def test_particle_verb_without_its_particle_is_no_cue(sentence):
    got = found(BODY + sentence + "\n")
    assert all(s is None for _, s, _ in got), got


COORDINATED_SPEAKERS = {
    "colon": "FLOOD POLLS NOT WRONG, JUST EARLY - {a} and {b}: “Although the polls failed to predict the result, they were close.”",
    "wrote-after": "“The levee will hold through the winter,” {a} and {b} of the Institute for Coastal Flood Research wrote in March.",
    "modifier": "{a} and 24-year-old {b}, a fellow volunteer, explained that canvassers rank voters from “definitely voting” to “never.”",
}


@pytest.mark.parametrize("text, who", cases(COORDINATED_SPEAKERS, [("Marta Quillen", "Jon Okafor"), ("Tamsin Holloway", "Bruno Castellane")]))
def test_two_people_as_one_subject_give_the_first_named(text, who):
    """"<A> and <B> wrote …", "<A> and <B>: “…”": a quote has one speaker, the person named
    first (not the second name, nor an institution after it)."""
    a, b = who
    got = found(BODY + text.format(a=a, b=b) + "\n")
    assert got and all(s == a for _, s, _ in got), got


@pytest.mark.parametrize("first, pronoun", [("Edward-Isaac", "he"), ("Hans-Peter", "he"), ("Mary-Kate", "she"), ("Anne-Marie", "she")])
def test_double_first_name_is_a_first_name_with_its_parts_gender(first, pronoun):
    """A hyphenated first name whose parts are first names ("Hans-Peter") is a first name: the
    first of two people named as one subject, and the gender its parts agree on."""
    from quotetrack.attribution.gender import gender_of, is_first_name

    assert is_first_name(first) and gender_of(first) == ("m" if pronoun == "he" else "f")
    got = found(BODY + f"“The levee will hold,” {first} Dovresse and Gabriel Tennant wrote.\n")
    assert [s for _, s, _ in got] == [f"{first} Dovresse"], got


# -- First names the dictionary lists for both sexes, one of them only outside English-speaking countries

DICTIONARY_SPLIT_PAIRS = [  # (woman, man): names whose lines in the dictionary disagree
    ("Jane Oskarsby", "George Maltravers"),
    ("Karen Wyndthorpe", "Mike Allardyce"),
    ("Anne Brissenden", "Tony Kettleborough"),
    ("Sharon Pevensley", "Dan Fothergale"),
    ("Joy Tremellick", "Ken Ashworthy"),
]


@pytest.mark.parametrize("woman_first", [True, False], ids=["woman-first", "man-first"])
@pytest.mark.parametrize("pronoun", ["she", "he"])
@pytest.mark.parametrize("woman, man", DICTIONARY_SPLIT_PAIRS, ids=[f"{w.split()[0]}-{m.split()[0]}" for w, m in DICTIONARY_SPLIT_PAIRS])
def test_gender_of_a_name_english_speaking_countries_agree_on(woman, man, pronoun, woman_first):
    """"George", "Karen": the dictionary has a line of the other sex (or of both) for another
    country; the sex Britain, Ireland and the U.S.A. give the name, holding most of its weight
    everywhere, is its gender, so "she" and "he" pick the right one of two people."""
    x, y = (woman, man) if woman_first else (man, woman)
    doc = BODY + GENDER_FRAMES["two-sentences"].format(x=x, y=y) + f"\n“The water came up to the second shelf,” {pronoun} said.\n"
    assert_said(doc, "second shelf", woman if pronoun == "she" else man)


def _line(code: str, name: str, freqs: dict[int, str]) -> str:
    cols = [" "] * 55
    for i, v in freqs.items():
        cols[i] = v
    return f"{code:<2} {name:<26} " + "".join(cols) + "$\n"


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([("m", {0: "5", 2: "7"}), ("?", {50: "3"})], "m"),  # male where English is spoken, unisex far away
        ([("f", {1: "6"}), ("m", {20: "1"})], "f"),  # female in Ireland, rare as a man's name elsewhere
        ([("f", {0: "3"}), ("m", {2: "1"})], "?"),  # the English-speaking countries disagree
        ([("f", {0: "4"}), ("m", {10: "9", 11: "9", 12: "9"})], "?"),  # most of its weight is the other sex's
        ([("m", {}), ("f", {5: "2"})], "?"),  # no English-speaking country knows it
        ([("m", {0: "2"}), ("m", {30: "4"})], "m"),  # its lines agree
    ],
)
def test_a_name_on_lines_that_disagree_is_decided_by_frequencies(rows, expected):
    from quotetrack.attribution.gender import _CODES, _decide

    sex_code = {"m": "M", "f": "F", "?": "?"}
    lines = [(_CODES.get(sex_code[g], "?"), _line(sex_code[g], "Zzname", f)) for g, f in rows]
    assert _decide(lines) == expected


# -- A person no first name or title gives a gender: the pronouns after their mentions

@pytest.mark.parametrize("his_first", [True, False], ids=["his-first", "hers-first"])
@pytest.mark.parametrize("pronoun", ["he", "she"])
@pytest.mark.parametrize("title", ["Dr.", "Councillor", "Judge"])
@pytest.mark.parametrize("a, b", [("Okwuosa", "Brandlin"), ("Tessaro", "Kildrummy"), ("Vanterpool", "Achterberg")])
def test_gender_read_from_the_pronouns_after_a_persons_mentions(a, b, title, pronoun, his_first):
    """Two people known only by a title that tells no gender: the one whose mentions are
    followed by "his" is the "he" of a later quote, the other the "she", whichever was named last."""
    him = f"{title} {a} opened the inquiry and said his panel would sit all week. Later {title} {a} thanked his staff."
    her = f"{title} {b} gave evidence and defended her budget. {title} {b} also said she had warned the council."
    story = (him + " " + her) if his_first else (her + " " + him)
    doc = BODY + story + f"\n“The records were never kept,” {pronoun} said.\n"
    assert_said(doc, "records were never", a if pronoun == "he" else b)


# -- A clause about a second person is no description of the first ("Roe threw her support behind Sen. Ek")

CLAUSE_ABOUT_OTHER = {
    "her-support-behind": "{a} threw her support behind Sen. {b} (R-Texas) Wednesday, saying it is time for “a real conservative in the statehouse.”",
    "his-weight-behind": "{a} threw his weight behind Rep. {b} (D-Ore.) on Monday, saying the district needs “a fighter, not a talker.”",
    "took-aim-against": "{a} took aim against Gov. {b} (R-Ohio) on Friday, calling the budget “a betrayal of every farmer.”",
    "sat-beside": "{a} sat beside Sen. {b} (I-Vt.) Tuesday, arguing that the bill was “dead on arrival.”",
}


@pytest.mark.parametrize("text, who", cases(CLAUSE_ABOUT_OTHER, [("Marta Quillen", "Daniel Ormsby"), ("Tamsin Holloway", "Gregor Lindqvist"), ("Vincent Mabry", "Elena Sorokin")]))
def test_participle_after_a_clause_about_someone_else_is_the_subjects(text, who):
    """The person named after a verb, a pronoun or a preposition is its object, never the head
    of a description of the sentence's subject: the participle's quote is the subject's."""
    a, b = who
    got, allq = single(BODY + text.format(a=a, b=b) + "\n")
    assert got == a, f"expected {a!r}, got {got!r}; all: {allq}"


# -- A quote inside a fronted clause with its own speech verb: the main clause's verb is not its cue

FRONTED_WITH_QUOTE = {
    "when-crowd": "When {s} later referred to the recent flood at the old mill in Ashby and said she would “rebuild every bridge,” the crowd applauded loudly.",
    "after-reporters": "After {s} told the hearing in the council chamber on Monday that the fund was “simply empty,” reporters shouted questions.",
    "while-council": "While {s} insisted at the end of the long meeting in the town hall that the plan was “the only way forward,” the council members laughed.",
    "although-critics": "Although {s} promised at the start of the evening in the packed hall a “full and open inquiry,” critics remained unconvinced.",
}


@pytest.mark.parametrize("text, who", cases(FRONTED_WITH_QUOTE, [("Marta Quillen",), ("Tamsin Holloway",), ("Dorothea Vance",)]))
def test_quote_inside_a_fronted_clause_is_that_clauses_speakers(text, who):
    """"When Roe said she would “…,” the crowd applauded": the quote is Roe's, not the crowd's."""
    (n,) = who
    doc = BODY + f"{n} addressed the residents’ meeting on Monday.\n\n" + text.format(s=n.split()[-1]) + "\n"
    got, allq = single(doc)
    assert got == n, f"expected {n!r}, got {got!r}; all: {allq}"


# -- An aside between dashes before the verb: the subject is before the first dash

DASHED_ASIDE = {
    "em-dash-told": "On Friday, {n} — named by the Gazette as the likely choice for the post — told {o} of Radio North that “you have to look at it seriously.”",
    "en-dash-says": "{n} – a teacher from Mount Pleasant – says the endorsement was “a big deal for the whole district.”",
    "double-hyphen-said": "{n} -- who rarely speaks to the press -- said the vote was “a disgrace from start to finish.”",
}


@pytest.mark.parametrize("text, who", cases(DASHED_ASIDE, [("Marta Quillen", "Joan Abery"), ("Tamsin Holloway", "Bruno Castellane"), ("Vincent Mabry", "Ingrid Solvang")]))
def test_subject_before_an_aside_between_dashes(text, who):
    """"Roe — named by the paper as the likely pick — told …": the verb's subject (and the quote's
    speaker, through that verb, not a guess from the context) is the name before the first dash;
    with a surname the person was named by before."""
    n, o = who
    for name in (n, n.split()[-1]):
        intro = "" if name == n else f"{n} arrived early for the hearing.\n\n"
        got, allq = single(BODY + intro + text.format(n=name, o=o) + "\n")
        assert got == n and allq[0][2] in ("told", "says", "said"), f"expected {n!r} by the verb; all: {allq}"


# -- The person after a preposition inside a description is not its head ("a source close to <Name> said")

PP_DESCRIPTIONS = {
    "close-to": "A source close to {n} said the plan was “dead in the water.”",
    "near": "Residents near {n}’s farm said the water was “higher than ever.”",
    "outside": "Protesters outside {n}’s office said the cuts were “a betrayal.”",
    "behind": "The people behind {n} said the campaign was “only getting started.”",
    "alongside": "A lawyer alongside {n} told the court the charges were “baseless.”",
}


@pytest.mark.parametrize("text, who", cases(PP_DESCRIPTIONS, THREE_PEOPLE))
def test_a_name_after_a_preposition_in_the_subject_is_not_the_speaker(text, who):
    (n,) = who
    got, allq = single(BODY + text.format(n=n) + "\n")
    assert got != n and (got is None or n.split()[-1] not in got or got.lower().startswith(("a ", "the ", "residents", "protesters"))), allq


# -- "<Role> <Name> is questioning whether President <Other> …": a clause, not a longer description

CLAUSE_AFTER_DESCRIBED_NAME = {
    "is-questioning-whether": "Republican front-runner {a} is questioning whether President {b} would have attended the ceremony “if it were held in a mosque.”",
    "has-asked-whether": "Veteran councillor {a} has asked whether Mayor {b} ever read the report “from start to finish.”",
    "was-wondering-if": "Local organiser {a} was wondering if Governor {b} would keep the promise of “a new bridge by spring.”",
}


@pytest.mark.parametrize("text, who", cases(CLAUSE_AFTER_DESCRIBED_NAME, [("Marta Quillen", "Daniel Ormsby"), ("Tamsin Holloway", "Gregor Lindqvist"), ("Vincent Mabry", "Elena Sorokin")]))
def test_an_auxiliary_ends_the_description_of_the_subject(text, who):
    """The subject opening the sentence owns the words woven into it, not the person named
    after "is questioning whether"."""
    a, b = who
    got, allq = single(BODY + text.format(a=a, b=b) + "\n")
    assert got == a, f"expected {a!r}, got {got!r}; all: {allq}"


# -- The mention reader: a verb and its object after a name are no description of a later name

VERB_AND_OBJECT = [
    "{a} told host {b} that the levy was unfair.",
    "Police killed the gunman, {b}, who had fired first.",
    "Team {a} sees the {b} campaign as a threat.",
    "Do you support {b} on this?",
    "{a} very much remains the heir of {b} in every way.",
    "Team {a} reportedly wants {b} at the rally.",
    "Voters don't trust {b} on this.",
    "County board member Lena Ostrova believes {b} will win.",
]


@pytest.mark.parametrize("frame", VERB_AND_OBJECT)
@pytest.mark.parametrize("a, b", [("Pennick", "Joan Abery"), ("Quillen", "Daniel Ormsby"), ("Mabry", "Elena Sorokin")])
def test_mention_reader_does_not_read_through_a_verb_to_a_later_name(frame, a, b):
    from quotetrack.attribution.mentions import np_starting_at
    from quotetrack.attribution.tokens import tokenize

    text = frame.format(a=a, b=b)
    toks = tokenize(text, 0, len(text))
    found = np_starting_at(toks, 0, len(toks))
    assert found is None or b not in found[0].head, found


@pytest.mark.parametrize("frame", ["{a} ally {b} said", "{a} family spokesman {b} said", "Former {a} County commissioner {b} said", "{a} campaign press secretary {b} said"])
@pytest.mark.parametrize("a, b", [("Pennick", "Joan Abery"), ("Quillen", "Daniel Ormsby"), ("Mabry", "Elena Sorokin")])
def test_mention_reader_reads_a_description_before_a_name(frame, a, b):
    """The other side: nouns and capitalised modifiers before a name describe it ("<A> ally <B>")."""
    from quotetrack.attribution.mentions import np_starting_at
    from quotetrack.attribution.tokens import tokenize

    text = frame.format(a=a, b=b)
    toks = tokenize(text, 0, len(text))
    found = np_starting_at(toks, 0, len(toks))
    assert found is not None and found[0].head == b, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harold Pennick said Ann Roe “did this for her career.”", True),
        ("But he suggested that Ann Roe had her eyes on the critics.", True),
        ("The mayor told reporters Ann Roe was wrong.", True),
        ("Ann Roe said the plan was dead.", False),
        ("Yesterday Ann Roe spoke to the council.", False),
        ("“It is over,” said Ann Roe.", False),
        ("Although the mayor has claimed the county will sue, Ann Roe was unmoved.", False),
    ],
)
def test_ranker_feature_a_mention_in_what_someone_said(text, expected):
    """``said_of_before``: the person named after the speech verb of their sentence is talked
    about, not talking (a feature of the speaker ranker)."""
    from quotetrack.attribution.candidates import _in_what_is_said
    from quotetrack.attribution.tokens import tokenize

    toks = tokenize(text, 0, len(text))
    k = next(i for i, t in enumerate(toks) if t.text == "Ann")
    assert _in_what_is_said(toks, k) is expected


# -- A name followed by a preposition is no subject a later pronoun means ("… and <C> during the rant.")

OBJECT_THEN_PREPOSITION = {
    "during": "{a} also attacked {b} and {c} during the course of the rally.",
    "throughout": "{a} mocked {b} and {c} throughout the long debate.",
    "without": "{a} praised {b} and {c} without naming their rivals.",
    "against": "{a} defended {b} and {c} against the charges.",
}


@pytest.mark.parametrize("text, who", cases(OBJECT_THEN_PREPOSITION, [("Harold Pennick", "Marta Quillen", "Gregor Lindqvist"), ("Vincent Mabry", "Elena Sorokin", "Tomas Varga")]))
def test_a_name_before_a_preposition_is_not_the_subject_a_pronoun_means(text, who):
    """The man named last, as an object followed by a preposition, is not the "he" of the next
    sentence: the sentence's subject is."""
    a, b, c = who
    doc = BODY + text.format(a=a, b=b, c=c) + f"\n\nHe said that {b.split()[-1]} is playing “a very old game.”\n"
    got = found(doc)
    assert [s for w, s, _ in got if "very old game" in w] == [a], got


# -- "Eight years ago, he supported <B> over <C> and said, “…”": the subject after a time phrase

TIME_THEN_AND_SAID = {
    "years-ago-comma": "Eight years ago, he supported {b} over {c} and said, “{c_s} has never done anything for us.”",
    "last-year": "Last year he backed {b} against {c} and said, “{c_s} has never done anything for us.”",
    "weeks-later": "Two weeks later, he endorsed {b} over {c} and told reporters, “{c_s} has never done anything for us.”",
}


@pytest.mark.parametrize("text, who", cases(TIME_THEN_AND_SAID, [("Harold Pennick", "Daniel Ormsby", "Marta Quillen"), ("Vincent Mabry", "Tomas Varga", "Elena Sorokin")]))
def test_second_predicate_after_a_time_phrase_is_the_subjects(text, who):
    a, b, c = who
    doc = BODY + f"{a} made his choice clear.\n\n" + text.format(b=b, c=c, c_s=c.split()[-1]) + "\n"
    got = found(doc)
    assert [(s, cue) for w, s, cue in got if "never done anything" in w] == [(a, "told" if "told" in text else "said")], got


# -- A speech verb in the passive: its subject was spoken to, not the speaker ("<B> was told, “…”")

PASSIVE_HEARER = {
    "was-told": "{b} was told, “You will lose this seat if the dam fails.”",
    "was-asked": "At the hearing, {b} was asked, “Did you read the report before the vote?”",
    "were-told": "The aides of {b} were told, “Nobody talks to the press this week.”",
    "was-warned": "{b} was repeatedly warned, “The levee will not hold another spring.”",
}
PASSIVE_KEEPS = {
    "quoted-as": ("{b} is quoted as saying “the levee is safe for another decade.”", "b"),
    "by-agent": ("At the hearing, {b} was asked by {a}, “Did you read the report before the vote?”", "a"),
}


@pytest.mark.parametrize("text, who", cases(PASSIVE_HEARER, [("Harold Pennick", "Marta Quillen"), ("Vincent Mabry", "Elena Sorokin"), ("Tamsin Holloway", "Gregor Lindqvist")]))
def test_subject_of_a_passive_speech_verb_is_not_the_speaker(text, who):
    a, b = who
    doc = BODY + text.format(a=a, b=b) + "\n"
    got = found(doc)
    assert got and all(s != b and (s is None or b.split()[-1] not in s) for w, s, _ in got), got


@pytest.mark.parametrize("text, who", cases(PASSIVE_KEEPS, [("Harold Pennick", "Marta Quillen"), ("Vincent Mabry", "Elena Sorokin"), ("Tamsin Holloway", "Gregor Lindqvist")]))
def test_passive_speech_verb_that_keeps_its_speaker(text, who):
    a, b = who
    frame, role = text
    doc = BODY + frame.format(a=a, b=b) + "\n"
    got = found(doc)
    assert [s for w, s, _ in got] == [a if role == "a" else b], got


# -- A word capitalised because it opens a sentence is no speaker ("Multiple outlets reported …")

OPENING_WORDS = {
    "multiple": "Multiple outlets reported on Tuesday that the levy had “no chance at all.”",
    "sometimes": "Sometimes the meetings grew heated. “We will not be bullied by anyone,” one sign read.",
    "ask": "Ask yourself: who will pay for “the greatest levee ever built”?",
    "based": "Based on the ledger, the council spent “whatever it took” on the pumps.",
    "contrast": "Contrast that with the mayor, who called the plan “a swindle” last spring.",
    "thus": "Thus, the plan became known as “the river tax” across the county.",
}


@pytest.mark.parametrize("text", OPENING_WORDS.values(), ids=OPENING_WORDS.keys())
def test_a_word_opening_a_sentence_is_no_speaker(text):
    opener = text.split()[0].strip(",")
    got = found(BODY + text + "\n")
    assert all(s != opener for w, s, _ in got), got


@pytest.mark.parametrize("surname", ["Okonkwo", "Pennick", "Castellane", "Vasquez-Reyes"])
@pytest.mark.parametrize("frame", [
    "{s} also addressed the levy last week. “We will not raise taxes,” {s} added.",
    "{s} then spoke about the pumps: “They are older than I am.”",
])
def test_a_surname_opening_its_sentences_stays_a_name(surname, frame):
    """A person the article only ever names by surname at the start of sentences is still a person."""
    got = found(BODY + frame.format(s=surname) + "\n")
    assert [s for w, s, _ in got] == [surname], got


# -- Reported speech after a quote's cue, in its sentence, is an aside: the next quote continues

AFTER_CUE_ASIDE = {
    "using-a-term": "“Who is the real spendthrift here?” said {a}, using a phrase {b} has used to describe the council.",
    "remembering": "“It was his first real campaign,” said {a}, remembering how {b} claimed the seat was safe.",
    "recalling": "“We were not ready for the flood,” {a} said, recalling that {b} had called the levee sound.",
}


@pytest.mark.parametrize("text, who", cases(AFTER_CUE_ASIDE, [("Marta Quillen", "Gregor Lindqvist"), ("Vincent Mabry", "Elena Sorokin"), ("Tamsin Holloway", "Bruno Castellane")]))
def test_reported_speech_after_a_quotes_cue_keeps_the_speaker_for_the_next_quote(text, who):
    a, b = who
    doc = BODY + text.format(a=a, b=b) + " “The repairs will cost twice what the county planned.”\n"
    got = found(doc)
    assert [s for w, s, _ in got if "twice what" in w] == [a], got


# -- A pronoun never means a name in its own clause ("He says <B> “…”", "she said of <B>")

PRONOUN_GOVERNS = {
    "says-name": "{a} said {b} has never respected the county's farmers.\n\nHe says {b_s} “knows full well the levee is failing.”",
    "declared-name": "{a} has filled his speeches with praise for {b}. He has declared {b_s} to be “the only honest man in the county.”",
    "adds-that": "{a} went after {b} on Friday, calling him a coward.\n\nHe adds that {b_s} is “not a serious person.”",
    "said-of": "{a} was asked on Friday about {b}.\n\n“He has every reason to fight,” he said of {b_s}.",
    "called-name": "{a} spoke warmly about {b} at the dinner. He called {b_s} “the next great governor.”",
}


@pytest.mark.parametrize("text, who", cases(PRONOUN_GOVERNS, [("Harold Pennick", "Daniel Ormsby"), ("Vincent Mabry", "Tomas Varga"), ("Gregor Lindqvist", "Bruno Castellane")]))
def test_a_pronoun_does_not_mean_a_name_it_governs(text, who):
    a, b = who
    doc = BODY + text.format(a=a, b=b, b_s=b.split()[-1]) + "\n"
    got = found(doc)
    assert got and all(s == a for w, s, _ in got), got


@pytest.mark.parametrize("name", ["Roberta A. Kaplan", "William A. Ackman", "Jill A. Marten", "Jock A. Finlay"])
def test_a_middle_initial_that_is_also_a_word_stays_in_the_name(name):
    doc = BODY + f"{name}, a lawyer in the case, spoke on Monday. “There can be no delay,” {name.split()[-1]} said.\n"
    got = found(doc)
    assert [s for w, s, _ in got] == [name], got


@pytest.mark.parametrize("text, who", cases(PRONOUN_GOVERNS, [("Harold Pennick", "Daniel Ormsby"), ("Vincent Mabry", "Tomas Varga")]))
def test_a_name_the_cue_pronoun_governs_is_no_candidate(text, who):
    """The ranker never even sees the governed name as a candidate (a hard constraint)."""
    from quotetrack.attribution.choice import ArticleAttributor
    from quotetrack.attribution.ranker import default_ranker
    from quotetrack.quotes import find_quotes

    a, b = who
    art = build_article("a1", "x.txt", BODY + text.format(a=a, b=b, b_s=b.split()[-1]) + "\n")
    qs = find_quotes(art.text, art.id)
    att = ArticleAttributor(art, qs)
    trace: list = []
    att.run(qs, att.reported(), default_ranker(), trace)
    names = [[c.speaker for c in cands] for q, cands, _, _ in trace]
    assert names and all(b not in n and a in n for n in names), names


# -- "Mr. <Surname>" says more than a first name the dictionary gives the other sex

@pytest.mark.parametrize("first", ["Lindsey", "Kelly", "Courtney", "Stacy", "Dana", "Ashley"])
@pytest.mark.parametrize("other", ["Harold Pennick", "Vincent Mabry"])
def test_an_honorific_decides_the_gender_over_the_first_name(first, other):
    """A man whose first name the dictionary gives to women, called "Mr." by the article: "he" can be him."""
    doc = BODY + (
        f"Senator {first} Varnholt said on Sunday that {other} had crossed another line. Mr. Varnholt said the "
        f"remarks about the families were unacceptable.\n\n“This is going to a place where we have never gone before,” he said.\n"
    )
    got = found(doc)
    assert [s for w, s, _ in got] == [f"{first} Varnholt"], got


# -- Verbs that speak only right after a quote ("“…?” <A> pressed.")

@pytest.mark.parametrize("verb", ["pressed", "questioned", "cracked", "exhorted", "presses"])
@pytest.mark.parametrize("who", ["Marta Quillen", "Desmond Okereke", "Tamsin Holloway"])
def test_a_verb_that_speaks_only_after_a_quote(verb, who):
    doc = BODY + (f"{who} and Mayor Harold Pennick met on Monday.\n\n“We will not raise the levy,” Pennick said.\n\n"
                  f"“Would the levy be negotiable at all?” {who.split()[-1]} {verb}.\n")
    got = found(doc)
    assert [s for w, s, _ in got if "negotiable" in w] == [who], got


@pytest.mark.parametrize("text", [
    "The press asked about the levy, and the mayor said nothing.",
    "Reporters pressed the mayor about the levy for an hour.",
    "The question of the levy was left for another day.",
])
def test_those_verbs_are_no_cue_elsewhere(text):
    """Away from a quote, the same words report no speech."""
    from quotetrack.lexicon import AFTER_QUOTE_VERBS, SPEECH_VERBS

    assert not (AFTER_QUOTE_VERBS & SPEECH_VERBS)
    assert {"pressed", "questioned", "presses"} <= AFTER_QUOTE_VERBS and "pressing" not in AFTER_QUOTE_VERBS
    assert all(w.lower().strip(".,") not in SPEECH_VERBS for w in text.split() if w.lower().strip(".,") in AFTER_QUOTE_VERBS)


# -- A possessive name is no subject a later pronoun means ("<A> — <B>'s former aide — offered …")

POSSESSIVE_NOT_SUBJECT = {
    "dashed-aside": "Campaign chairman {a} — {b}’s former chief of staff — offered a slogan when asked.\n\n“We will fight for every family in the county,” he said.",
    "possessive-subject": "{b}’s old ally {a} spoke to the crowd on Friday.\n\n“We will fight for every family in the county,” he said.",
    "appositive": "{a}, who served as counsel under {b}’s father, listed the rules.\n\n“We will fight for every family in the county,” he said.",
}


@pytest.mark.parametrize("text, who", cases(POSSESSIVE_NOT_SUBJECT, [("Harold Pennick", "Daniel Ormsby"), ("Vincent Mabry", "Tomas Varga"), ("Gregor Lindqvist", "Bruno Castellane")]))
def test_a_possessive_name_is_no_subject_for_a_later_pronoun(text, who):
    a, b = who
    got = found(BODY + text.format(a=a, b=b) + "\n")
    assert [s for w, s, _ in got] == [a], got


# -- An organisation named after a person is no person ("the Varga Climate Initiative")

@pytest.mark.parametrize("head", ["Initiative", "Project", "Coalition", "Fund", "Alliance", "Society", "Caucus"])
@pytest.mark.parametrize("b", ["Ostrander", "Kellerman", "Abernathy Brothers"])
def test_an_organisation_named_after_a_person_is_no_one_person(head, b):
    from quotetrack.attribution.people import People
    from quotetrack.attribution.tokens import segment, tokenize

    text = f"Harold Pennick gave to the {b} Climate {head} last year, and he said so."
    toks = tokenize(text, 0, len(text))
    segment(toks, frozenset())
    people = People(toks)
    org = f"{b} Climate {head}"
    assert org not in people.persons or people.never_one_person(org), list(people.persons)
    assert "Harold Pennick" in people.persons


# -- A name modifying a role before another name is no subject ("<B> spokesman <A> wouldn't say")

@pytest.mark.parametrize("role", ["spokesman", "adviser", "aide", "lawyer"])
@pytest.mark.parametrize("who", [("Harold Pennick", "Ostrander"), ("Vincent Mabry", "Kellerman"), ("Gregor Lindqvist", "Abernathy")])
def test_a_name_modifying_a_role_is_no_subject_for_a_later_pronoun(role, who):
    a, b = who
    doc = BODY + (
        f"Senator Daniel {b} spoke to donors on Monday.\n\n{b} {role} {a} wouldn’t say when the vote would come.\n\n"
        "“I don’t have any new announcements yet,” he said.\n"
    )
    got = found(doc)
    assert [s for w, s, _ in got] == [a], got
    from quotetrack.attribution.people import in_subject_position
    from quotetrack.attribution.tokens import tokenize

    line = f"{b} {role} {a} wouldn’t say when the vote would come."
    toks = tokenize(line, 0, len(line))
    assert not in_subject_position(toks, 0)  # the modifier
    assert in_subject_position(toks, 2)  # the name the role describes


# -- A description of one sex is never the other sex's pronoun ("a young man" is no "she")

@pytest.mark.parametrize("desc", ["a young man", "the spokesman", "an elderly gentleman", "a teenage boy"])
@pytest.mark.parametrize("who", ["Marta Quillen", "Tamsin Holloway", "Ingrid Solvang"])
def test_a_description_of_a_man_is_no_she(desc, who):
    doc = BODY + (
        f"{who} has backed the levy for years. What upset her, she said, was a meeting last week, when {desc} "
        "told the council that the levy was a fraud. “I really got angry,” she said.\n"
    )
    got = found(doc)
    assert [s for w, s, _ in got if "angry" in w] == [who], got


# -- The owner of a noun for something said speaks ("<B>'s claim that <C> “…”")

OWNED_SPEECH = {
    "claim-that": "Gov. {a} blamed the press for making an issue out of {b}’s claim that the mayor “rigged the vote,” saying reporters had lost their way.",
    "comment-monday": "As the debate went on, {b} stood by {pos} comment Monday that “the levy is dead,” refusing to back down.",
    "assertion-of": "{a} called {b}’s assertion of a “right to the files” disturbing.",
    "conclusion-were": "The mayor was battered by {b}’s conclusion that her actions were “extremely careless.”",
}
NOT_OWNED = {
    "object-called": "{a}, who has called {b}’s comments “racially toxic,” spoke on Friday.",
    "predicate-of-said": "{a} said on Thursday that {b}’s claim that the mayor rigged the vote is “simply not true.”",
    "described-as": "{a} recalled {b}’s statement that he opposed the levy, which he described as “the biggest fairy tale.”",
}


@pytest.mark.parametrize("text, who", cases(OWNED_SPEECH, [("Harold Pennick", "Marta Quillen"), ("Vincent Mabry", "Elena Sorokin"), ("Gregor Lindqvist", "Tamsin Holloway")]))
def test_the_owner_of_a_noun_for_something_said_speaks(text, who):
    a, b = who
    doc = BODY + f"{b} spoke to the council on Monday.\n\n" + text.format(a=a, b=b, pos="her") + "\n"
    got = found(doc) + [(w.rstrip(",."), s, c) for w, s, c in _terms(doc)]
    assert [s for w, s, _ in got] == [b], got


@pytest.mark.parametrize("text, who", cases(NOT_OWNED, [("Harold Pennick", "Marta Quillen"), ("Vincent Mabry", "Elena Sorokin")]))
def test_a_noun_for_something_said_that_the_quote_completes_otherwise_is_not_its_owners(text, who):
    a, b = who
    doc = BODY + text.format(a=a, b=b) + "\n"
    got = found(doc) + _terms(doc)
    assert all(s != b for w, s, _ in got), got


def _terms(text):
    art = build_article("a1", "x.txt", text)
    return [(q.words, q.speaker, q.cue) for q in quotes_of(art) if q.kind == "term" and q.direct]


# -- A second participle coordinated with "with <Name> <participle>" has the same subject

@pytest.mark.parametrize("second", ["asking", "adding", "insisting", "warning"])
@pytest.mark.parametrize("who", ["Marta Quillen", "Desmond Okereke", "Tamsin Holloway"])
def test_a_second_participle_after_with_name_is_that_names(second, who):
    doc = BODY + (
        f"Councillors were quick to chime in, with {who} tweeting that the vote was a “disaster” for the mayor "
        f"and {second}, “How can someone with such bad judgement run this county?”\n"
    )
    got = found(doc)
    assert [s for w, s, _ in got if "bad judgement" in w] == [who], got


# -- A name before a colon that a preposition governs was spoken to, not the speaker

@pytest.mark.parametrize("prep", ["to the Dutch newspaper", "with the host", "to the local weekly"])
@pytest.mark.parametrize("who", [("Marta Quillen", "Ostrander Gazette"), ("Vincent Mabry", "Kellerman Daily")])
def test_a_name_after_to_before_a_colon_is_not_the_speaker(prep, who):
    a, outlet = who
    doc = BODY + f"{a} broke down exactly what was wrong with the plan {prep} {outlet}: “What the mayor did was so careless.”\n"
    got = found(doc)
    assert all(s is None or outlet.split()[0] not in s for w, s, _ in got), got


@pytest.mark.parametrize("src", ["from", "via", "by"])
def test_a_name_after_from_before_a_colon_is_the_source(src):
    doc = BODY + f"More on the levy {src} the Gazette’s Marta Quillen: “The pumps are older than the town hall.”\n"
    got = found(doc)
    assert [s for w, s, _ in got] == ["Marta Quillen"], got


# -- Small classes: a verb of aspect before a participle, "<A>'s “…” comment", "confided",
#    and a clause's opening word is no speaker

SMALL_CLASSES = {
    "kept-asking": ("{b} testified for hours, and {a} kept asking her why the agency had blamed “spontaneous” protests.", "a"),
    "possessive-quote-noun": ("{b} spoke next. {a}’s “forty percent” comment was nearly as dismissive as the mayor's.", "a"),
    "confided": ("When {b} moved to the county, {a} confided to her that the family had been “the first newcomers in decades.”", "a"),
}


@pytest.mark.parametrize("text, who", cases(SMALL_CLASSES, [("Harold Pennick", "Marta Quillen"), ("Vincent Mabry", "Elena Sorokin"), ("Gregor Lindqvist", "Tamsin Holloway")]))
def test_small_classes_of_cues(text, who):
    a, b = who
    frame, role = text
    doc = BODY + frame.format(a=a, b=b) + "\n"
    got = found(doc) + _terms(doc)
    assert [s for w, s, _ in got if s is not None] == [a if role == "a" else b], got


@pytest.mark.parametrize("opener", ["While Republicans", "Unless", "Although Democrats", "Because", "Whenever"])
def test_a_clauses_opening_word_is_no_speaker(opener):
    assert not plausible_speaker(opener)


# -- "As for <A>, he said …": the topic the sentence opens with is the pronoun's

@pytest.mark.parametrize("opener", ["As for", "As to"])
@pytest.mark.parametrize("who", [("Harold Pennick", "Vincent Mabry"), ("Marta Quillen", "Tamsin Holloway"), ("Gregor Lindqvist", "Tomas Varga")])
def test_as_for_a_name_then_a_pronoun_is_that_name(opener, who):
    a, b = who
    pron = "she" if a.startswith("Marta") else "he"
    doc = BODY + (
        f"{a} and {b} met on Monday.\n\n"
        f"{b} warned against a long fight. “That would be a disaster for the county,” {b.split()[-1]} said.\n\n"
        f"{opener} {a.split()[-1]}, {pron} said {pron} is not worried. “I think I will have the votes,” {pron} said.\n"
    )
    got = found(doc)
    assert [s for w, s, _ in got if "have the votes" in w] == [a], got


# -- Words that complete the verb of a relative clause right before them are that verb's
#    subject's, not the main clause's after them ("in a clip that <A> called “…,” <B> expressed")

RELATIVE_BEFORE = {
    "that-called": "And, in a clip that Judge {a} called “distasteful,” {b} expressed a wish to shut the county down.",
    "what-described": "They were heard lamenting what {a} described as “missed chances to run a real campaign,” {b} said.",
}


@pytest.mark.parametrize("text, who", cases(RELATIVE_BEFORE, [("Marta Quillen", "Harold Pennick"), ("Vincent Mabry", "Elena Sorokin"), ("Gregor Lindqvist", "Tamsin Holloway")]))
def test_a_quote_completing_a_relative_clause_is_its_subjects(text, who):
    a, b = who
    doc = BODY + f"{a} and {b} met on Monday.\n\n" + text.format(a=a, b=b) + "\n"
    got = found(doc) + _terms(doc)
    assert [s for w, s, _ in got if s is not None] == [a], got


# -- The dot of a title or an initial does not end the sentence a short quote's speech verb is
#    looked for in ("… “just holding on,” Mr. <A> said": a partial quote of <A>, not a term)

ABBREVIATED_AFTER = {
    "mr-said": "Most of the ferries are “just holding on,” Mr. {s} said from the quay.",
    "dr-added": "The new ward was “badly overdue,” Dr. {s} added on Friday.",
    "sen-told": "The levy is “simply not enough,” Sen. {s} told reporters.",
    "initial-wrote": "The budget looks “frankly unworkable,” {f} J. {s} wrote in a letter.",
    "us-said": "The talks could “go on for months,” the U.S. envoy, {f} {s}, said.",
    "gov-says": "Her budget is “a modest start,” Gov. {f} {s} says.",
}


@pytest.mark.parametrize("text, who", cases(ABBREVIATED_AFTER, [("Harold Pennick",), ("Marta Quillen",), ("Desmond Okereke",)]))
def test_an_abbreviations_dot_does_not_hide_the_speech_verb_after_a_short_quote(text, who):
    first, surname = who[0].split()
    doc = BODY + f"{first} {surname} toured the harbour on Monday.\n\n" + text.format(f=first, s=surname) + "\n"
    art = build_article("a1", "x.txt", doc)
    assert [q.kind for q in find_quotes(art.text)] == ["partial"]  # read as words someone said, not a term
    got = [(q.kind, q.words, q.speaker) for q in quotes_of(art) if q.direct]
    assert len(got) == 1 and got[0][0] == "partial" and got[0][2] is not None and surname in got[0][2], got


# -- A name after a role with lower-case modifiers opening its sentence is its subject, whom a
#    later "he"/"she" means ("Democratic presidential candidate <A> promised …"), but a role
#    after a verb is its object ("<B> attacked presidential candidate <A> …")

ROLE_OPENERS = {
    "presidential-candidate": "Democratic presidential candidate {a} promised on Monday to go well beyond the plans of Governor {b}.",
    "longtime-adviser": "Longtime campaign adviser {a} spent the morning defending the budget drafted by Senator {b}.",
    "former-chief": "Former county chief executive {a} rejected the proposal put forward by Mayor {b}.",
}


@pytest.mark.parametrize("text, who", cases(ROLE_OPENERS, [("Harold Pennick", "Vincent Mabry"), ("Gregor Lindqvist", "Tomas Varga"), ("Desmond Okereke", "Oscar Feld")]))
def test_a_name_after_a_modified_role_opening_its_sentence_is_the_subject(text, who):
    a, b = who
    doc = BODY + text.format(a=a, b=b) + "\n\n“We will not wait for another flood to act,” he said.\n"
    assert_said(doc, "another flood", a)


@pytest.mark.parametrize("who", [("Harold Pennick", "Vincent Mabry"), ("Gregor Lindqvist", "Tomas Varga"), ("Desmond Okereke", "Oscar Feld")])
def test_a_modified_role_after_a_verb_is_its_object(who):
    a, b = who
    doc = BODY + f"{a} met reporters on Monday.\n\n{a} attacked presidential candidate {b} over the levy.\n\n“We will not wait for another flood to act,” he said.\n"
    assert_said(doc, "another flood", a)


# -- A function word opening a sentence is no part of the name after it ("Whatever <A>'s
#    chances, …", "Besides <A>, …"): no person "Whatever <A>" for a later "he" to mean

FUNCTION_OPENERS = {
    "whatever": "Whatever {s}’s chances, the race for mayor is wide open.",
    "besides": "Besides {s}, four others filed papers for the race.",
    "perhaps": "Perhaps {s} will win the race for mayor after all.",
    "despite": "Despite {s}’s lead, the race for mayor is wide open.",
}


@pytest.mark.parametrize("text, who", cases(FUNCTION_OPENERS, [("Harold Pennick",), ("Gregor Lindqvist",), ("Desmond Okereke",)]))
def test_a_sentence_opening_function_word_is_no_part_of_a_name(text, who):
    surname = who[0].split()[1]
    doc = BODY + text.format(s=surname) + f"\n\n“The field is wide open this year,” {surname} said.\n"
    assert_said(doc, "field is wide open", surname)


# -- The owner of a noun for something said, written with titles before the name ("the FBI
#    Director <A>'s conclusion that …"), is the person, not the titles and the name together

TITLED_OWNERS = {
    "fbi-director": "The county was stung by FBI Director {a}’s conclusion that its records were “kept in a badly careless and costly way.”",
    "state-senator": "The vote followed State Senator {a}’s claim that the levy was “far too high for a town of this size to bear.”",
    "deputy-mayor": "The board ignored Deputy Mayor {a}’s warning that the quay was “close to failing under the weight of the cranes.”",
}


@pytest.mark.parametrize("text, who", cases(TITLED_OWNERS, THREE_PEOPLE))
def test_the_titled_owner_of_a_speech_noun_is_the_person(text, who):
    a = who[0]
    doc = BODY + text.format(a=a) + "\n"
    got = found(doc)
    assert [s for _, s, _ in got] == [a], got


# -- "<A> and her aides …": a subject of two whose second belongs to the first is the named
#    owner's, as a pair of names is the first name's

OWNER_AND_THEIRS = {
    "aides-said": "{a} and {p} aides said the levy was “far too high for a town of this size.”",
    "lawyers-argued": "{a} and {p} lawyers argued that the permit was “never lawfully granted in the first place.”",
    "surrogates-participle": "{a} and {p} surrogates are responding, denouncing the plan as “a reckless gamble with the harbour.”",
}


@pytest.mark.parametrize("text, who", cases(OWNER_AND_THEIRS, [("Marta Quillen", "her"), ("Harold Pennick", "his"), ("Tamsin Holloway", "her")]))
def test_a_name_and_their_own_people_is_the_names(text, who):
    a, p = who
    doc = BODY + text.format(a=a, p=p) + "\n"
    got = found(doc)
    assert got and all(s == a for _, s, _ in got), got


# -- "“…,” I said": the writer's own words, outside the quotes; the writer is nobody the article
#    names, so no one named nearby is the speaker

WRITER_CUES = {
    "after-said": "“{q},” I said.",
    "after-confessed": "“{q},” I confessed to the panel.",
    "before-replied": "I replied: “{q}.”",
    "before-said": "I said, “{q}.”",
}


@pytest.mark.parametrize("text, who", cases(WRITER_CUES, THREE_PEOPLE))
def test_the_writers_own_words_are_nobodys(text, who):
    a = who[0]
    doc = BODY + f"{a} asked me about the flood defences at the hearing.\n\n" + text.format(q="We have waited long enough for the new wall") + "\n"
    speaker, got = single(doc)
    assert speaker is None, got


@pytest.mark.parametrize("who", THREE_PEOPLE)
def test_a_writer_asking_leaves_the_answer_to_the_person_asked(who):
    a = who[0]
    doc = BODY + f"When I asked {a} about the flood defences, {a.split()[1]} said, “We have waited long enough for the new wall.”\n"
    assert_said(doc, "waited long enough", a)


# -- An event happens but never speaks: "after the <A> interview concluded, <B> stated …" is <B>'s,
#    not the interview's

EVENTS_THAT_CONCLUDE = {
    "interview": "Later in the show, after the {s} interview concluded, {b} stated that the report “was not good at all.”",
    "hearing": "Late on Friday, after the {s} hearing concluded, {b} stated that the ruling “was far too narrow.”",
    "debate": "Later that night, after the {s} debate concluded, {b} stated that the plan “would never pass the board.”",
}


@pytest.mark.parametrize("text, who", cases(EVENTS_THAT_CONCLUDE, [("Harold Pennick", "Marta Quillen"), ("Gregor Lindqvist", "Tamsin Holloway"), ("Desmond Okereke", "Vincent Mabry")]))
def test_an_event_is_no_speaker(text, who):
    a, b = who
    doc = BODY + f"{a} and {b} met on Monday.\n\n" + text.format(s=a.split()[1], b=b) + "\n"
    got = found(doc)
    assert got and all(s == b for _, s, _ in got), got
