"""A deterministic synthetic news corpus for benchmarking quotetrack.

    .venv/bin/python benchmarks/corpus.py OUTDIR [--articles 2000] [--seed 1]

Writes ``OUTDIR/<outlet-slug>/<n>.txt``: news articles of 500-800 words about
made-up towns, people and local controversies (every name, outlet and place
is fictional; every sentence comes from the templates below). The same seed
and article count always give byte-identical files.

What the corpus exercises:

* quotation marks in several styles: “curly”, "straight", ''doubled
  apostrophes", «guillemets», „German“ marks and British ‘single’ quotes,
  with nested quotes inside them and apostrophes (can’t, it's) in the words;
* attributions of every common shape: ``“…,” Name said``, ``said Name``,
  ``the mayor said``, ``she said``, ``according to Name, “…”``,
  ``Name said: “…”``, split quotes, ``told reporters``, a quote that simply
  continues the previous speaker, and quotes running over two paragraphs
  (the first left open, the next reopened);
* partial quotes woven into the reporter's sentence, and scare-quoted terms
  (the so-called “harbour tax”);
* one story covered by several outlets: each outlet carries some of the same
  statements verbatim, as an excerpt (one sentence, or a fragment), or with
  one word changed, so grouping has real statements to find;
* bylines naming the outlet, datelines, and now and then page furniture
  ("Most Read" lists) after the body.

Library use::

    from benchmarks.corpus import generate
    for name, text in generate(n=100, seed=7):   # name: "harbour-herald/00042.txt"
        ...
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

DEFAULT_ARTICLES = 2000
DEFAULT_SEED = 1

# --------------------------------------------------------------------------- the world

OUTLETS = [
    # (name, slug, house quotation style)
    ("Harbour Herald", "harbour-herald", "curly"),
    ("Kelmouth Courier", "kelmouth-courier", "curly"),
    ("The Estuary Post", "estuary-post", "straight"),
    ("Northvale Gazette", "northvale-gazette", "curly"),
    ("Ostmere Evening Standard", "ostmere-evening-standard", "single"),
    ("Brackenford Chronicle", "brackenford-chronicle", "straight"),
    ("Coastline Wire", "coastline-wire", "straight"),
    ("The Wyvernhall Observer", "wyvernhall-observer", "curly"),
    ("Lanthorn Bay Mercury", "lanthorn-bay-mercury", "doubled"),
    ("Le Courrier du Littoral", "courrier-du-littoral", "guillemets"),
    ("Pellingate Tribune", "pellingate-tribune", "curly"),
    ("Nordküste Rundschau", "nordkueste-rundschau", "german"),
    ("Quayhaven Daily", "quayhaven-daily", "curly"),
    ("The Strand Ledger", "strand-ledger", "single"),
]

TOWNS = """Kelmouth Brackenford Wyvernhall Ostmere Corriemoor Pellingate Quayhaven Stravenholm Tilbrook Aldercombe
Marrowgate Fennick Heronsea Calderby Dunwater Shillingford Ravensmoor Potterscove Saltcote Inverbray""".split()
WARDS = """Harbourside Northgate Millfield Quarry Hill Eastbank Saint Anselm Old Town Riverside Castle Green Tannery""".split()
STREETS = [
    "Rope Walk", "Chandler Street", "Gull Lane", "Weighbridge Road", "Lantern Row", "Cooper's Yard", "Mariner Way",
    "Foundry Lane", "Sexton Street", "Pilot Hill", "Brine Street", "Kiln Road", "Tollgate Road", "Oyster Row",
]
COMPANIES = [
    "Halcyon Tidal", "Northmere Civil Works", "Brightwater Utilities", "Corven Rail", "Ashgrove Construction",
    "Selkie Offshore", "Greywater Dredging", "Tern Logistics", "Barrowfield Energy", "Marlin Healthcare Partners",
]
MALE_FIRST = """Anders Bertrand Cosmo Desmond Emeric Fintan Gideon Horatio Ivo Jasper Kasimir Leopold Matthias Nikodem
Osric Percival Quentin Ruairi Silas Torben Ulric Vaclav Wendell Yannick Zoltan""".split()
FEMALE_FIRST = """Aurelie Beatrix Celestine Delphine Esme Fenella Gwendolyn Hester Isolde Juniper Kerensa Linnea Marisol
Noemi Ottilie Philippa Rosalind Saoirse Theodora Wilhelmina Xanthe Yolanda Zinnia""".split()
SURNAMES = """Ashdown Blackwood Carraway Draycott Elphinstone Fairbairn Gillingham Holloway Ironside Jellicoe Kinnear
Lockhart Mayhew Netherby Ormerod Pennington Quilliam Rowntree Strachan Treharne Underwood Vassallo Wetherall
Yardley Abernathy Bellamy Cheverton Dunsmore Eckersley Fotheringham Garside Hatherley Inchbald Jarrold Kettering
Langridge Merriweather Nettleship Oldroyd Prothero Ravenscroft Sowerby Thistlewood Umfreville Verity Winstanley
Achterberg Brightman Coldwell Delahunt Esterhazy Featherstone Grimshaw Huxtable Illingworth Jowett""".split()
MONTHS = """January February March April May June July August September October November December""".split()
WEEKDAYS = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
NUMBER_WORDS = """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty""".split()

# (title before the name or "", role noun a later "the <role>" can use, apposition)
ROLES = [
    ("Mayor", "mayor", "the mayor of {town}"),
    ("Councillor", "councillor", "a councillor for the {ward} ward"),
    ("Dr.", "ecologist", "an ecologist at the University of {town2}"),
    ("Professor", "economist", "an economist at {town2} Polytechnic"),
    ("", "director", "director of the {town} Port Authority"),
    ("", "{spokes}", "a {spokes} for {company}"),
    ("", "executive", "chief executive of {company}"),
    ("", "organiser", "an organiser with the {town} Dockworkers Union"),
    ("", "chair", "chair of the {street} Residents Association"),
    ("Inspector", "inspector", "the inspector leading the planning review"),
    ("", "engineer", "the chief engineer on the project"),
    ("", "lawyer", "a lawyer representing the objectors"),
    ("", "teacher", "a teacher at {town} Grammar School"),
    ("", "farmer", "a farmer whose land borders the site"),
    ("", "nurse", "a nurse at {town} General Hospital"),
    ("Commissioner", "commissioner", "the regional water commissioner"),
    ("", "historian", "a local historian"),
    ("Minister", "minister", "the regional transport minister"),
    ("", "resident", "a resident of {street} for {num} years"),
]

# (topic, what it is called in short, who it affects, a word critics use for it)
TOPICS = [
    ("tram extension", "the line", "commuters", "tram tax"),
    ("harbour dredging contract", "the dredging", "fishermen", "mud money"),
    ("flood barrier", "the barrier", "homeowners", "wall of promises"),
    ("hospital merger", "the merger", "patients", "ward shuffle"),
    ("bus timetable overhaul", "the new timetable", "commuters", "ghost routes"),
    ("school meals programme", "the programme", "parents", "lunch levy"),
    ("offshore wind farm", "the turbines", "fishermen", "windfall"),
    ("library closures", "the closures", "readers", "quiet cuts"),
    ("water tariff increase", "the tariff", "households", "tap tax"),
    ("swing bridge repairs", "the repairs", "shopkeepers", "bridge to nowhere"),
    ("stadium redevelopment", "the stadium", "supporters", "concrete dream"),
    ("fishing quota review", "the quota", "skippers", "paper fish"),
    ("social housing scheme", "the scheme", "tenants", "rent lottery"),
    ("data centre proposal", "the data centre", "neighbours", "server farm"),
    ("overnight lorry ban", "the ban", "hauliers", "curfew"),
    ("ferry terminal rebuild", "the terminal", "islanders", "glass shed"),
    ("seawall heightening", "the seawall", "homeowners", "great wall"),
    ("parking charge review", "the charges", "shoppers", "meter madness"),
]

# --------------------------------------------------------------------------- statements

# Sentences people say, by stance. Slots: {topic} {short} {group} {town} {num} {month} {street}.
# Apostrophes are written ’ and turned into each outlet's apostrophe when printed.
SUPPORT = [
    "This {topic} will change how {group} in {town} live and work for the next {num} years.",
    "We promised {group} {short} they could rely on, and today we are keeping that promise.",
    "Every penny of the money has been accounted for, and every contract has been published online.",
    "I know people are tired of waiting, but {short} is now running ahead of schedule.",
    "The first phase will be finished by {month}, and the second will follow within {num} months.",
    "Nobody should have to choose between a safe home and a decent job in {town}.",
    "It’s the biggest investment {town} has seen in a generation, and it was long overdue.",
    "We listened to {group} at {num} public meetings and we changed the plan because of what they told us.",
    "The money is there, the engineers are ready and the permits are signed.",
    "Our own modelling shows {short} will pay for itself in {num} years.",
    "I’m proud of what the crews on {street} have done through a hard winter.",
    "We can’t keep patching up a town that deserves to be rebuilt properly.",
    "When {short} opens in {month}, {group} will finally get the service they were promised.",
    "There will be disruption, and I won’t pretend otherwise, but it will be short.",
]
OPPOSE = [
    "The {topic} was sold to {group} as a bargain, and it has turned into the most expensive mistake in the history of {town}.",
    "Not one of the {num} families on {street} was asked what they thought before the diggers arrived.",
    "They keep telling us {short} is on budget, but nobody has shown us the figures.",
    "I have lived in {town} for {num} years and I have never seen the council ignore its own experts like this.",
    "We are not against progress, we are against being treated like fools.",
    "If this goes ahead in its current form, {group} will be paying for it long after the people who signed it have retired.",
    "The consultation was a box-ticking exercise from the first day to the last.",
    "You cannot promise cheap fares on a Monday and put up the price on a Friday.",
    "Somebody has to be held accountable for the delays, and so far nobody has been.",
    "There is a serious problem with the way the {topic} contract was awarded.",
    "Who exactly asked for this?",
    "Why should {group} pay for a mistake they warned against from the start?",
    "The council told us the work would take {num} weeks, and we are now in month {num2}.",
    "My neighbours can’t sleep, the shops on {street} are empty, and the town hall says everything is fine.",
]
NEUTRAL = [
    "The data we have covers only {num} months, which is far too short to draw firm conclusions.",
    "What worries me most is not the cost but the maintenance bill in twenty years.",
    "If you compare {town} with towns of a similar size, the spending is roughly in line with what others have done.",
    "There are real benefits here, but they will arrive more slowly than the brochures suggest.",
    "The honest answer is that nobody knows yet how {short} will affect the water table.",
    "We will publish the full survey in {month}, and anyone will be able to check our numbers.",
    "The risk is small, but it is not zero, and people deserve to hear that plainly.",
    "It would be wrong to judge the {topic} on its first winter alone.",
    "We found {num} faults in the original design, and all of them have since been corrected.",
    "The tide readings from {month} are the highest we have recorded since the gauges were installed.",
    "Both sides have a point, and both sides have been careless with the facts.",
    "I would rather see this done slowly and well than quickly and badly.",
]
STANCE_OF_ROLE = {
    "mayor": SUPPORT, "minister": SUPPORT, "director": SUPPORT, "executive": SUPPORT, "spokesman": SUPPORT,
    "spokeswoman": SUPPORT, "engineer": NEUTRAL, "ecologist": NEUTRAL, "economist": NEUTRAL, "inspector": NEUTRAL,
    "historian": NEUTRAL, "commissioner": NEUTRAL, "councillor": OPPOSE, "organiser": OPPOSE, "chair": OPPOSE,
    "lawyer": OPPOSE, "teacher": OPPOSE, "farmer": OPPOSE, "nurse": OPPOSE, "resident": OPPOSE,
}
# Nested quotes: words somebody else said, repeated inside a statement.
NESTED = [
    "They told us {inner} and we believed them.",
    "The letter from the town hall said {inner} and nothing more.",
    "Every time we ask, the answer is {inner} and then silence.",
]
NESTED_WORDS = ["wait and see", "trust the process", "not this year", "it is under review", "be patient"]

# One word a second outlet may print differently.
CHANGES = {
    "people": "residents", "residents": "people", "quickly": "swiftly", "money": "cash", "every": "each",
    "wrong": "mistaken", "years": "decades", "weeks": "months", "know": "believe", "serious": "grave",
    "cheap": "affordable", "plan": "scheme", "families": "households", "town": "city", "ready": "prepared",
    "proud": "pleased", "promise": "pledge", "problem": "issue", "biggest": "largest", "hard": "tough",
    "decent": "good", "figures": "numbers", "fools": "idiots", "slowly": "gradually", "careless": "reckless",
    "highest": "worst", "faults": "flaws", "short": "brief", "real": "genuine", "finally": "at last",
}

# --------------------------------------------------------------------------- reporters' sentences

FILLER = [
    "The {topic} was first proposed in {year} and has been redrawn {numw} times since.",
    "Work began in {month} last year after a {numw}-month delay caused by a dispute over the ground survey.",
    "The council's own figures put the cost at {money} million crowns, up from the {money2} million estimated when the plan was approved.",
    "About {n} people attended the meeting at the {town} Corn Exchange, many of them standing at the back of the hall.",
    "Opponents have collected more than {n} signatures on a petition calling for a public inquiry.",
    "{company} declined to comment on the specific allegations but said it would cooperate with any review.",
    "A final vote is expected at the next full council meeting on {month} {day}.",
    "{town} has a population of roughly {n}0 and has lost {numw} large employers in the past decade.",
    "The regional transport board, which pays for part of the scheme, said it was monitoring progress closely.",
    "Traffic on {street} has been reduced to a single lane for most of the past {numw} weeks.",
    "Shopkeepers on {street} say trade has fallen since the hoardings went up in {month}.",
    "The project is one of {numw} similar schemes planned along the coast this decade.",
    "An independent report commissioned last spring found no evidence of wrongdoing but criticised the record keeping.",
    "The contract was awarded to {company} after a tender that drew only {numw} bids.",
    "Engineers expect the heaviest work to take place over the summer, when the tides are lowest.",
    "Several councillors abstained in the last vote, citing a lack of detail in the costings.",
    "The site lies on reclaimed land that was a salt marsh until the nineteenth century.",
    "{group} make up almost a third of the people who use {short} on a typical weekday.",
    "A spokesperson for the regional government said the funding was not in doubt.",
    "Local elections are due in {month}, and the {topic} has become the dominant issue on doorsteps.",
    "Documents released under freedom of information rules show the budget was revised {numw} times in one year.",
    "The harbour board meets in private, though its minutes are published a month later.",
    "Questions about the tender were first raised at a committee hearing in {month}.",
    "Residents living closest to the works have been offered double glazing and a small rebate on council tax.",
    "Heavy rain in {month} flooded part of the site and set the schedule back by {numw} weeks.",
    "The nearest comparable scheme, in {town2}, came in at roughly twice its original estimate.",
]
TERM_SENTENCES = [
    "Critics have taken to calling the scheme the {O}{term}{C}, a name the town hall dislikes.",
    "The so-called {O}{term}{C} would add about {numw} pounds to the average annual bill.",
    "Within weeks of the work starting, the fenced-off site was known as {O}{Term}{C} along {street}.",
    "Campaigners printed leaflets headed {O}{Term}{C} and pushed them through every letterbox on {street}.",
]

HEADLINES = [
    "{town} {topic_t} faces fresh questions over cost",
    "Anger in {town} as {topic} runs late",
    "{town} council defends {topic} at packed meeting",
    "Inquiry call grows over {town} {topic}",
    "What next for the {topic} in {town}?",
    "{town} {topic_t} wins narrow vote after heated debate",
]
LEDES = [
    "{TOWN} — The {topic} in {town} came under renewed pressure on {weekday}, as {group} crowded into a council meeting to demand answers about its cost and its timetable.",
    "{TOWN} — Officials in {town} insisted on {weekday} that the {topic} remained on track, despite a string of delays and a growing campaign against it.",
    "{TOWN} — A row over the {topic} in {town} deepened on {weekday} after new figures suggested the bill could rise again before the work is finished.",
    "{TOWN} — Supporters and opponents of the {topic} traded accusations in {town} on {weekday}, with a decisive vote only weeks away.",
]
FURNITURE = [
    "Most Read",
    "Top Stories",
    "Related Stories",
    "More from {outlet}",
]

VERBS = ["said", "said", "said", "said", "added", "warned", "insisted", "argued", "told reporters", "explained", "says"]


# --------------------------------------------------------------------------- marks


@dataclass(frozen=True)
class Marks:
    """One style of quotation marks: outer, nested, and the apostrophe used inside words."""

    open: str
    close: str
    inner_open: str
    inner_close: str
    apostrophe: str


STYLES = {
    "curly": Marks("“", "”", "‘", "’", "’"),
    "straight": Marks('"', '"', "'", "'", "'"),
    "doubled": Marks("''", '"', "'", "'", "'"),
    "guillemets": Marks("«", "»", "‹", "›", "’"),
    "german": Marks("„", "“", "‚", "‘", "’"),
    "single": Marks("‘", "’", "“", "”", "’"),
}


# --------------------------------------------------------------------------- people and stories


@dataclass
class Person:
    """A fictional speaker: name, gender (for pronouns), title, role noun and apposition."""

    first: str
    last: str
    gender: str  # "m" or "f"
    title: str
    role: str  # role noun
    apposition: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "m" else "she"


@dataclass
class Said:
    """One statement: a speaker and the sentences they said."""

    speaker: Person
    sentences: list[str]


@dataclass
class Story:
    """One local controversy: where, what, who, and the statements several outlets will carry."""

    town: str
    town2: str
    topic: tuple[str, str, str, str]
    company: str
    street: str
    people: list[Person]
    said: list[Said] = field(default_factory=list)


def _person(rng: random.Random, town: str) -> Person:
    gender = rng.choice("mf")
    first = rng.choice(MALE_FIRST if gender == "m" else FEMALE_FIRST)
    title, role, appos = rng.choice(ROLES)
    spokes = "spokesman" if gender == "m" else "spokeswoman"
    slots = {
        "town": town,
        "town2": rng.choice(TOWNS),
        "ward": rng.choice(WARDS),
        "company": rng.choice(COMPANIES),
        "street": rng.choice(STREETS),
        "num": rng.choice(NUMBER_WORDS),
        "spokes": spokes,
    }
    return Person(first, rng.choice(SURNAMES), gender, title, role.format(**slots), appos.format(**slots))


def _fill(rng: random.Random, template: str, story: Story) -> str:
    """A template with the story's details and fresh numbers filled in, capitalised."""
    topic, short, group, term = story.topic
    num = rng.choice(NUMBER_WORDS)
    text = template.format(
        topic=topic,
        short=short,
        group=group,
        town=story.town,
        town2=story.town2,
        num=num,
        num2=rng.choice(NUMBER_WORDS),
        numw=rng.choice(NUMBER_WORDS),
        month=rng.choice(MONTHS),
        street=story.street,
        company=story.company,
        day=rng.randint(1, 28),
        year=rng.randint(1998, 2021),
        n=rng.randint(120, 9000),
        money=rng.randint(40, 900),
        money2=rng.randint(20, 400),
        term=term,
        Term=term.title(),
        O="{O}",
        C="{C}",
        inner="{inner}",
    )
    return text[:1].upper() + text[1:]


def _story(rng: random.Random, people: list[Person]) -> Story:
    town = rng.choice(TOWNS)
    story = Story(
        town=town,
        town2=rng.choice([t for t in TOWNS if t != town]),
        topic=rng.choice(TOPICS),
        company=rng.choice(COMPANIES),
        street=rng.choice(STREETS),
        people=rng.sample(people, rng.randint(3, 5)),
    )
    for _ in range(rng.randint(8, 12)):
        who = rng.choice(story.people)
        pool = STANCE_OF_ROLE.get(who.role, NEUTRAL)
        sentences = [_fill(rng, t, story) for t in rng.sample(pool, rng.choice((1, 2, 2, 2, 3)))]
        if rng.random() < 0.08:
            sentences.insert(0, _fill(rng, rng.choice(NESTED), story).replace("{inner}", "{IO}" + rng.choice(NESTED_WORDS) + "{IC}"))
        story.said.append(Said(who, sentences))
    return story


# --------------------------------------------------------------------------- variants


def _change_one_word(rng: random.Random, sentences: list[str]) -> list[str]:
    """The same sentences with one word swapped for a near-synonym (or a number changed)."""
    spots = []
    for si, s in enumerate(sentences):
        for m in re.finditer(r"[A-Za-z]+", s):
            if m.group().lower() in CHANGES:
                spots.append((si, m))
    if not spots:
        for si, s in enumerate(sentences):
            for m in re.finditer(r"[a-z]+", s):
                if m.group() in NUMBER_WORDS:
                    spots.append((si, m))
    if not spots:
        return list(sentences)
    si, m = rng.choice(spots)
    word = m.group()
    new = CHANGES.get(word.lower()) or rng.choice([w for w in NUMBER_WORDS if w != word])
    if word[:1].isupper():
        new = new[:1].upper() + new[1:]
    out = list(sentences)
    s = out[si]
    out[si] = s[: m.start()] + new + s[m.end() :]
    return out


def _fragment(rng: random.Random, sentence: str) -> str:
    """Five to ten words that end a sentence and start at a clause boundary, for a partial quote."""
    words = sentence.rstrip(".?!").split()
    starts = [i for i in range(1, len(words) - 4) if len(words) - i <= 10 and (words[i - 1].endswith(",") and words[i] not in ("and", "but") or words[i].lower() in _BOUNDARY)]
    frag = " ".join(words[rng.choice(starts) :] if starts else words)
    first = frag.split()[0]
    if first not in ("I", "I’m") and first.lower() in _BOUNDARY:
        frag = frag[:1].lower() + frag[1:]
    return frag


_BOUNDARY = {"the", "that", "we", "it", "it’s", "nobody", "they", "every", "our", "this", "there", "if", "not", "my", "you"}


# --------------------------------------------------------------------------- writing one article


class Writer:
    """Writes one outlet's article about one story."""

    def __init__(self, rng: random.Random, story: Story, outlet: tuple[str, str, str], reporters: list[str]):
        self.rng = rng
        self.story = story
        self.outlet_name, self.slug, house = outlet
        self.house = STYLES[house]
        self.reporter = rng.choice(reporters)
        self.introduced: set[str] = set()
        self.last_speaker: Optional[Person] = None
        self.paragraphs: list[str] = []
        self.filler = list(FILLER)
        rng.shuffle(self.filler)

    # -- marks

    def marks(self) -> Marks:
        if self.rng.random() < 0.1:
            return STYLES[self.rng.choice(sorted(STYLES))]
        return self.house

    def words(self, sentences: list[str], m: Marks) -> str:
        text = " ".join(sentences).replace("’", m.apostrophe)
        return text.replace("{IO}", m.inner_open).replace("{IC}", m.inner_close)

    # -- naming people

    def first_mention(self, p: Person) -> str:
        self.introduced.add(p.name)
        if p.title and self.rng.random() < 0.6:
            return f"{p.title} {p.name}"
        return f"{p.name}, {p.apposition},"

    def later_mention(self, p: Person, pronoun_ok: bool) -> str:
        r = self.rng.random()
        if pronoun_ok and self.last_speaker is p and r < 0.35:
            return p.pronoun
        if r < 0.6:
            return p.last
        if r < 0.8 and p.title:
            return f"{p.title} {p.last}"
        return f"the {p.role}"

    def mention(self, p: Person, pronoun_ok: bool = True) -> str:
        if p.name not in self.introduced:
            return self.first_mention(p)
        return self.later_mention(p, pronoun_ok)

    # -- quote paragraphs

    def quote_paragraph(self, said: Said, sentences: list[str]) -> None:
        rng = self.rng
        p = said.speaker
        m = self.marks()
        O, C = m.open, m.close
        who = self.mention(p)
        bare_who = who.rstrip(",")
        verb = rng.choice(VERBS)
        form = rng.random()
        if len(sentences) >= 2 and form < 0.12:
            # Two paragraphs: the first left open, the second reopened.
            head = self.words(sentences[:-1], m)
            tail = self.words(sentences[-1:], m)
            self.paragraphs.append(f"{O}{head}")
            self.paragraphs.append(f"{O}{_comma(tail)}{C} {who} {verb}.".replace(",,", ","))
        elif len(sentences) >= 2 and form < 0.24:
            # Split: "First,” Name said. “Rest.”
            first = self.words(sentences[:1], m)
            rest = self.words(sentences[1:], m)
            self.paragraphs.append(f"{O}{_comma(first)}{C} {_said(who, verb)}. {O}{rest}{C}")
        elif form < 0.36:
            self.paragraphs.append(f"{_cap(who)} {_verb_colon(verb)}: {O}{self.words(sentences, m)}{C}")
        elif form < 0.44:
            self.paragraphs.append(f"According to {bare_who}, {O}{self.words(sentences, m)}{C}")
        elif form < 0.52 and self.last_speaker is p and self.paragraphs:
            # No cue at all: the previous speaker goes on.
            self.paragraphs.append(f"{O}{self.words(sentences, m)}{C}")
        elif form < 0.72:
            self.paragraphs.append(f"{O}{_comma(self.words(sentences, m))}{C} {_said_inverted(who, verb)}.")
        else:
            self.paragraphs.append(f"{O}{_comma(self.words(sentences, m))}{C} {_said(who, verb)}.")
        self.last_speaker = p

    def partial_paragraph(self, said: Said, sentence: str) -> None:
        m = self.marks()
        frag = self.words([_fragment(self.rng, sentence)], m)
        who = _cap(self.mention(said.speaker))
        lead = self.rng.choice(
            [
                "{who} wrote to the council that {frag}.",
                "{who} warned that {frag}, and said {pron} expected more objections.",
                "In a statement, {who} said {frag} before the council voted.",
                "{who} has argued for months that {frag}.",
            ]
        )
        text = lead.format(who=who, frag=f"{m.open}{frag}{m.close}", pron=said.speaker.pronoun)
        self.paragraphs.append(text)
        self.last_speaker = said.speaker

    # -- reporters' paragraphs

    def filler_paragraph(self) -> None:
        rng = self.rng
        if len(self.filler) < 3:
            self.filler = list(FILLER)
            rng.shuffle(self.filler)
        k = rng.randint(1, 3)
        sentences = [_fill(rng, t, self.story) for t in self.filler[:k]]
        del self.filler[:k]
        if rng.random() < 0.2:
            m = self.marks()
            term = _fill(rng, rng.choice(TERM_SENTENCES), self.story)
            sentences.insert(rng.randint(0, len(sentences)), term.replace("{O}", m.open).replace("{C}", m.close))
        self.paragraphs.append(" ".join(sentences))
        self.last_speaker = None if rng.random() < 0.3 else self.last_speaker

    # -- the article

    def write(self) -> str:
        rng = self.rng
        story = self.story
        topic = story.topic[0]
        slots = dict(
            town=story.town,
            TOWN=story.town.upper(),
            topic=topic,
            topic_t=topic.title() if rng.random() < 0.3 else topic,
            group=story.topic[2],
            weekday=rng.choice(WEEKDAYS),
        )
        headline = _cap(rng.choice(HEADLINES).format(**slots))
        date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2024, 2026)}"
        self.paragraphs.append(rng.choice(LEDES).format(**slots))
        target = rng.randint(480, 740)  # the last paragraph runs over a little
        # Which of the story's statements this outlet carries, and how.
        said = list(story.said)
        rng.shuffle(said)
        carried = said[: rng.randint(5, len(said))]
        # One voice only this outlet spoke to.
        local = _person(rng, story.town)
        own = Said(local, [_fill(rng, t, story) for t in rng.sample(STANCE_OF_ROLE.get(local.role, NEUTRAL), 2)])
        carried.insert(rng.randint(0, len(carried)), own)
        words = len(self.paragraphs[0].split())
        queue = list(carried)
        while words < target:
            before = len(self.paragraphs)
            if queue and (rng.random() < 0.6 or len(self.paragraphs) < 3):
                s = queue.pop(0)
                how = rng.random()
                if how < 0.65:
                    self.quote_paragraph(s, s.sentences)  # verbatim
                elif how < 0.8 and len(s.sentences) >= 2:
                    self.quote_paragraph(s, [rng.choice(s.sentences)])  # one sentence of it
                elif how < 0.9:
                    self.partial_paragraph(s, rng.choice(s.sentences))  # a fragment
                else:
                    self.quote_paragraph(s, _change_one_word(rng, s.sentences))  # one word changed
            else:
                self.filler_paragraph()
            words += sum(len(p.split()) for p in self.paragraphs[before:])
        body = "\n\n".join(self.paragraphs)
        head = f"{headline}\nBy {self.reporter}, {self.outlet_name}\n{date}\n\n"
        tail = ""
        if rng.random() < 0.3:
            label = rng.choice(FURNITURE).format(outlet=self.outlet_name)
            links = [_cap(rng.choice(HEADLINES).format(**dict(slots, town=rng.choice(TOWNS)))) for _ in range(3)]
            tail = f"\n\n{label}\n\n" + "\n".join(links)
        return head + body + tail + "\n"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _comma(words: str) -> str:
    """Quoted words ending a sentence, as printed before ``Name said``: the full stop becomes a comma."""
    return words[:-1] + "," if words.endswith(".") else words


def _said(who: str, verb: str) -> str:
    return f"{who} {verb}"


def _said_inverted(who: str, verb: str) -> str:
    """``said Name``; a pronoun or a multi-word verb stays in front (``she said``, ``Name told reporters``)."""
    if who in ("he", "she") or " " in verb:
        return f"{who} {verb}"
    return f"{verb} {who.rstrip(',')}"


def _verb_colon(verb: str) -> str:
    return "said" if verb == "told reporters" else verb


# --------------------------------------------------------------------------- the corpus


def generate(n: int = DEFAULT_ARTICLES, seed: int = DEFAULT_SEED) -> Iterator[tuple[str, str]]:
    """``n`` articles as (relative path, text): ``<outlet-slug>/<index>.txt``. Deterministic in (n, seed)."""
    rng = random.Random(seed)
    people = [_person(rng, rng.choice(TOWNS)) for _ in range(400)]
    reporters = [f"{rng.choice(MALE_FIRST + FEMALE_FIRST)} {rng.choice(SURNAMES)}" for _ in range(60)]
    made = 0
    while made < n:
        story = _story(rng, people)
        # Most stories are carried by two to five outlets; some by one, a few by many.
        k = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 9))
        for outlet in rng.sample(OUTLETS, k):
            if made >= n:
                break
            text = Writer(rng, story, outlet, reporters).write()
            yield f"{outlet[1]}/{made:05d}.txt", text
            made += 1


def write_corpus(outdir: Path | str, n: int = DEFAULT_ARTICLES, seed: int = DEFAULT_SEED) -> tuple[int, int]:
    """Write the corpus under ``outdir``; returns (files, bytes)."""
    out = Path(outdir)
    files = size = 0
    for name, text in generate(n, seed):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        files += 1
        size += len(data)
    return files, size


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    files, size = write_corpus(args.outdir, args.articles, args.seed)
    print(f"wrote {files} articles, {size / 1e6:.1f} MB, under {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
