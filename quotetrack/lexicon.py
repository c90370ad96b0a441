"""Word lists used by attribution: speech verbs, titles, role nouns, and
capitalised words that are not people's names.

Kept in one place so that extending coverage is a one-line change.
"""

from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Speech verbs in every form news copy uses. Lower-case.
SPEECH_VERBS = _words(
    """
    say says said saying state states stated stating tell tells told telling
    add adds added adding note notes noted noting stress stresses stressed stressing
    emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
    warn warns warned warning explain explains explained explaining argue argues argued arguing
    insist insists insisted insisting claim claims claimed claiming assert asserts asserted asserting
    declare declares declared declaring announce announces announced announcing
    write writes wrote writing written reply replies replied replying respond responds responded responding
    answer answers answered answering ask asks asked asking admit admits admitted admitting
    acknowledge acknowledges acknowledged acknowledging concede concedes conceded conceding
    confirm confirms confirmed confirming deny denies denied denying urge urges urged urging
    continue continues continued continuing recall recalls recalled recalling
    remark remarks remarked remarking observe observes observed observing
    comment comments commented commenting suggest suggests suggested suggesting
    predict predicts predicted predicting vow vows vowed vowing promise promises promised promising
    pledge pledges pledged pledging tweet tweets tweeted tweeting post posts posted
    quip quips quipped joke jokes joked complain complains complained complaining
    caution cautions cautioned cautioning call calls called calling describe describes described describing
    counter counters countered countering maintain maintains maintained maintaining
    conclude concludes concluded concluding reiterate reiterates reiterated reiterating
    underline underlines underlined underscore underscores underscored
    lament laments lamented boast boasts boasted testify testifies testified
    shout shouts shouted whisper whispers whispered contend contends contended
    express expresses expressed expressing mention mentions mentioned mentioning
    point points pointed recount recounts recounted recounting
    stated explain exclaimed exclaim exclaims announce reported reports report reporting
    agree agrees agreed agreeing allege alleges alleged alleging affirm affirms affirmed
    repeat repeats repeated repeating reply retort retorts retorted marvel marvels marvelled marveled
    acknowledged concur concurs concurred
    accuse accuses accused accusing dismiss dismisses dismissed dismissing slam slams slammed slamming
    blast blasts blasted blasting praise praises praised praising mock mocks mocked mocking
    decry decries decried decrying criticize criticizes criticized criticizing criticise criticised
    tout touts touted touting demand demands demanded demanding hail hails hailed label labels labeled labelled
    scold scolds scolded chide chides chided attack attacks attacked attacking sing sings sang singing
    plead pleads pleaded pleading beg begs begged begging cite cites cited citing
    """
)

# Verbs of speech that take no subject of their own when they are -ing forms
# ("Emanuel said, adding: ..."): the speaker is the subject of the clause.
PARTICIPLE_SUFFIX = "ing"

# Multi-word cues, matched on lower-case tokens.
ACCORDING_TO = ("according", "to")

# Titles that precede a name ("Ambassador Rahm Emanuel"). Lower-case, without dots.
TITLES = _words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime minister secretary under deputy assistant ambassador envoy consul
    senator sen rep representative congressman congresswoman governor gov lieutenant lt
    mayor councillor councilor councilman councilwoman alderman chancellor premier king queen prince princess
    general gen admiral adm colonel col major maj captain capt commander sergeant sgt officer
    judge justice attorney chief chairman chairwoman chair director commissioner superintendent
    spokesman spokeswoman spokesperson pope cardinal bishop rabbi imam sheikh
    engineer inspector detective constable sheriff coach
    former acting interim incoming outgoing then state foreign defence defense finance trade
    """
)

# Role nouns that a later "the <role>" can refer back to. Lower-case.
ROLE_NOUNS = _words(
    """
    ambassador envoy diplomat president minister secretary senator governor mayor councillor councilor
    councilman councilwoman congressman congresswoman representative lawmaker legislator chancellor premier
    professor lecturer researcher scientist biologist economist analyst expert engineer physicist historian
    official spokesman spokeswoman spokesperson director commissioner chairman chairwoman chair chief
    executive ceo founder owner manager lawyer attorney prosecutor judge justice officer general admiral
    colonel captain commander sergeant detective inspector sheriff activist campaigner organizer organiser
    candidate leader head adviser advisor aide consultant author writer journalist editor doctor physician
    nurse teacher student resident farmer fisherman worker union priest pastor bishop rabbi imam coach
    player manager broker banker investor trader architect planner critic biologist ecologist
    """
)

# Lower-case nouns for groups and institutions that speak in news copy.
GROUP_NOUNS = _words(
    """
    ministry department agency government company firm council committee commission office
    officials experts analysts critics residents police spokesman spokeswoman spokesperson
    campaign team administration statement report group organization organisation union
    """
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": "s",
    "we": "p",
}

# Capitalised words that are never part of a person's name.
NOT_NAMES = _words(
    """
    The A An And But Or If In On At Of For To From By With Without As It Its This That These Those
    He She They We I You His Her Their Our My Your There Here When Where While After Before Since
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Mon Tue Wed Thu Fri Sat Sun
    US U.S USA U.S.A UK U.K EU U.N UN NATO American Americans British Chinese Japanese German French Russian
    United States Kingdom Union Nations Japan China Tokyo Washington Beijing Europe Asia Asian Pacific
    Indo-Pacific Russia Ukraine Israel Korea Taiwan India Canada Britain London Paris Berlin Moscow
    Ministry Department Agency Government Council Committee Commission Office House Senate Congress
    Parliament Party Army Navy Air Force Marines Defense Defence State Foreign Finance Trade Justice
    University Institute College School Center Centre Association Foundation Bank Group Company Corp Inc
    Ltd Press News Times Post Journal Daily Herald Tribune Wire Reuters AP AFP Associated
    Industries Technologies Technology Agency Forum Fleet Logistics Acquisition Sustainment
    Top Stories Most Watched Related Read More Sign Subscribe Advertisement Share Video Photo
    Mr Mrs Ms Dr Prof Sir President Prime Minister Secretary Ambassador Senator Governor Mayor
    Professor Chief Director Commissioner General Admiral Under Deputy Vice Spokesman Spokeswoman
    Councillor Councilor Rep Sen Gov Gen Lt Col Capt Judge Justice Chairman Chairwoman Engineer
    God Christmas Easter Mr. Mrs. Ms. Dr. Prof. However Meanwhile Also Still Yet So Then Now
    Earlier Later Last Next Today Yesterday Tomorrow According Some Many Most All Both Each Every
    Such Other Another Several Few No Not Only One Two Three Four Five Six Seven Eight Nine Ten
    Middle East West North South Northern Southern Eastern Western Central Sciences Studies Affairs
    Cooperation Security Industrial Democratic Republican Liberal Conservative Labour Labor Green
    National International Federal Royal City County Province Region Street Avenue Road Square
    Neither Either Nor Whether Although Though Because Despite During Even Just Instead Unlike Like
    Asked Speaking Writing Asked Under Over Through Across Against Among Between Within Without Until
    Why What Who Whom Whose Which How Yes Well Oh Sure Please Thank Thanks Dear Hello
    Democrat Democrats Democratic Republican Republicans GOP
    """
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st mt gen col lt capt sgt maj adm rep sen gov rev hon
    u.s u.k u.n e.u d.c no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m fig approx dept est
    """
)


# Words that may follow a verb but are not its speaker ("said Monday").
TIME_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    on in at last earlier later then recently
    """
)

# Grammatical gender hints for pronoun resolution ("she said" after a man spoke
# goes back to the last woman named). Titles and role words first; then a short
# list of common first names. Anyone not covered is compatible with any pronoun.
MALE_WORDS = _words(
    "mr sir lord king prince father brother spokesman chairman congressman councilman businessman "
    "husband son uncle nephew grandfather"
)
FEMALE_WORDS = _words(
    "mrs ms miss dame lady queen princess mother sister spokeswoman chairwoman congresswoman councilwoman "
    "businesswoman wife daughter aunt niece grandmother"
)
MALE_FIRST_NAMES = _words(
    """
    aaron adam alan albert alex alexander andrew anthony antony arthur ben benjamin bernie bill bob boris brian
    bruce carl charles chris christopher chuck colin craig dan daniel david dennis dick donald doug douglas ed
    edward eric frank fred gary george gerald greg gregory harry henry howard ian jack jacob james jason jeff
    jeffrey jeremy jerry jim jimmy joe john jon jonathan joseph josh joshua juan keith ken kenneth kevin larry
    lloyd luis marco mark martin matt matthew michael mike mitch mohammed muhammad nathan neil nick nicholas
    patrick paul pete peter philip ralph randy raymond richard rick rob robert roger ron ronald rudy russell
    ryan sam samuel scott sean sergei stephen steve steven ted thomas tim timothy todd tom tomas tony vladimir
    walter wayne william xi rahm fumio antony lloyd minoru masaki atsushi mitt marco ted jeb rand newt
    mitch harry barack hugh kevin dario ruben klaus omar tomas liu
    """
)
FEMALE_FIRST_NAMES = _words(
    """
    alice amanda amy angela ann anna anne barbara betty beth carol caroline catherine charlotte christine claire
    diana diane donna dorothy elizabeth ellen emily emma eva helen helena hillary imani jane janet jennifer
    jessica jill joan joyce judith judy julia julie karen kate katherine kathleen kathy kelly kim kimberly
    laura lauren linda lisa liz lucy margaret maria marie marine mary melania michelle nancy natalie nicole
    nikki olivia pamela patricia rachel rebecca ruth sandra sara sarah sharon shirley sophie stephanie susan
    teresa theresa ursula victoria virginia yoko melanie megan claire gwen ruth oona ilse maeve priya odile
    katrin camille mara ann hannah grace chloe zoe amelia isabella mia ava abigail madison ashley brittany
    """
)

# Words that begin with an apostrophe standing for dropped letters ('tis, rock 'n'
# roll, 'em): the mark before them opens no quote. Lower-case, without the mark.
ELISIONS = _words("tis twas twere n em cause cos til bout nuff neath ello allo appen ow")

# Kinds of work whose title a quote names: the film "…", her novel "…". Base forms;
# plurals are matched too.
WORK_NOUNS = _words(
    """
    film movie documentary book novel novella memoir biography poem song single album record
    track ep anthem hymn ballad show series sitcom drama programme program episode play musical
    opera ballet painting sculpture exhibition podcast game videogame comic manga column essay
    """
)

# Verbs and participles that introduce a name or title: titled "…", a band called "…".
NAMING_WORDS = _words("titled entitled called named dubbed")
