"""quotetrack's Porter stemmer (quotetrack/stem.py) against nltk's, its reference, word for word.

quotetrack's statement grouping used nltk's ``PorterStemmer()`` (default mode); its own
stemmer must give the same stems so grouping and the paraphrase judge's features do not
move. nltk is only a test dependency now: ``scan`` must never import it (importing nltk
costs a fifth of a second of CPU per process).
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from nltk.stem.porter import PorterStemmer

from quotetrack.stem import stem
from quotetrack.textnorm import comparison_tokens

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = PorterStemmer()  # default mode, NLTK_EXTENSIONS

# Base words of many shapes: ending in e, y after a vowel or a consonant, a double consonant,
# consonant-vowel-consonant, w/x/y endings, short stems, Latin suffixes already in place.
BASES = """
    act adapt add admire advise agree allow analyse announce answer appear apply argue arrive ask
    assess assume attack attend avoid bake ban bar bargain bat battle beg believe benefit bless
    block blog blur boil bomb borrow bother bounce box brag brief broadcast brush bury buy call
    calm campaign cancel care carry cause cease challenge change charge chat cheer chip chop
    claim clap clean clear close collect comfort commit compare compete complain complete concern
    condemn conduct confirm connect consider contain continue control convict cope copy count
    cover crash create cry cure cut damage dance dare deal debate decide declare defend delay
    deliver deny depend describe deserve destroy develop die dig dip direct disagree discover
    discuss dispute divide doubt drag dream drip drop dry dye earn echo edit educate elect embed
    employ empty enjoy ensure enter equip escape estimate evaluate examine excuse expand expect
    explain explore export express fail fan fax fear feed fetch fight file fill finance fit fix
    flag flap flee flip flow fly fold follow force form frame free fry fuel fund gain gas gather
    glue govern grab grade grant greet grin grip guarantee guess hang happen harm hate head heal
    help hesitate hire hit hope hop hug hurry identify ignore imagine impose improve include
    increase indicate inform insist inspire intend invest invite issue jog join joke judge jump
    keep kid kill kiss knit knot label lack land last laugh launch lay lead lean leap learn leave
    let level lie lift limit list live load lobby lock log look love manage march mark marry
    matter measure meet melt mention mix mob mop motor move mud nag nap need nod note obey object
    observe obtain occur offer open operate oppose order organise owe own pack pad pat pause pay
    permit persuade pick pin plan play plead please plot plug point poll pop possess post pour
    pray prefer prepare present press pretend prevent print probe proceed produce promise propose
    protect protest prove provide publish pull punish push quit quiz race rally rate reach react
    read realise rebel recall receive record reduce refer refuse regret relate rely remain remember
    remove repeat reply report rescue resign resist respond rest retire return reveal review
    rid rip rob rot row rub rule run sag sail satisfy save say scan scar score scream seem seize
    sell serve settle shake share shed shine ship shop shrug shut sign sin sip sit ski skip slam
    slip slow smile snap sob solve spare speak spy stab stay step stir stop study stun submit
    succeed suffer suggest sum supply support suppose surrender survey survive suspect swap sway
    tag talk tap tax teach tie tip toss tour trade train trap travel treat trim trip trust try
    tug tune type unite urge use vary veto vote wag wait walk want warn wash waste watch wave wed
    whip win wish wonder worry wrap yell zip
    able active brave calm cheap clever complete cool cruel dark dear easy empty equal false fine
    fit free full gentle glad grave happy hard heavy hot huge humble idle kind large late lazy
    loyal mad mere merry mild narrow noble odd pale plain polite proud pure quick rare ready real
    rich rude sad safe sane shy silly simple slim smooth sober sore strict sure tame thin tidy
    true ugly vague vast weak wet wide wild wise
    nation relation condition sensation generation operation formal rational national cause
    hope care use help power grace fury glory beauty duty harmony colony analogy biology
    geology theology archaeology ideology apology psychology economy enemy victory factory
    secret fellow hollow window widow yellow burrow marrow shadow
"""

SUFFIXES = (
    "s es ies ied ed ing eed ly ily ness iness ful fully fulness fulli al ally alli ally ation ational tional "
    "ization izer ize ise ised ising izing ator ate ated ating ative icate ical ically iciti icity alism aliti "
    "ality alize alized iveness ive ively iviti ivity ousness ous ously ousli ence ency enci ance ancy anci "
    "able ably abli ible ibly bility biliti ant ement ment ments ent ently entli eli ion ions ism ist iti ity "
    "er ers est logi logy log ll e y"
).split()

# Short words and hand-picked edge cases: one and two letters, y at the start, after a vowel,
# after a consonant and in runs; double consonants l, s, z and others; e endings; the
# irregular words nltk keeps apart; digits, accents, apostrophes and hyphens.
EDGE = """
    a i o y ab by ox ow ay ye yy yyy yyyy yyyyy yay yey eye sky skies spy spies spied died dies
    lies lied ties tied dying lying tying news innings inning outings outing cannings canning
    howe proceed exceed succeed feed agreed bled sing hopping tanned falling hissing fizzed
    failing filing conflated troubled sized caresses ponies cats happy enjoy toy syzygy yes
    yield youth buy guy boy rolled controll roll fuzz buzzing ebbing feeed eed ied ies ing ed
    cease probate rate oaten orrery trees troubles private ivy tree tr ee generalli
    sensationalli rationalli geologi theologi archaeologi hopefulli 2020s 1990s covid-19
    o'brien don't rock'n'roll café naïve résumé élan señor ümlaut straße well-being e-mail
    x-ray b.c u.s yyyed ayyed oyying a*ding ba*dding
""".split()


def _text_vocabulary() -> set[str]:
    """Every distinct lower-case word of the texts under samples/ and tests/."""
    words: set[str] = set()
    for folder in (ROOT / "samples", ROOT / "tests"):
        for path in folder.rglob("*"):
            if not path.is_file() or path.suffix not in {".txt", ".md", ".html", ".json", ".jsonl", ".py", ".toml"}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            words.update(w.lower() for w in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text))
            words.update(comparison_tokens(text))
    return words


def _inflections() -> set[str]:
    out = set()
    for base in BASES.split():
        out.add(base)
        for suffix in SUFFIXES:
            out.add(base + suffix)
            if base.endswith("e"):
                out.add(base[:-1] + suffix)
            if base.endswith("y"):
                out.add(base[:-1] + "i" + suffix)
            if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
                out.add(base + base[-1] + suffix)  # a doubled final consonant: stopp-ed
    return out


def _differences(words) -> list[tuple[str, str, str]]:
    return [(w, REFERENCE.stem(w), stem(w)) for w in sorted(words) if REFERENCE.stem(w) != stem(w)]


def test_same_stems_as_nltk_on_every_word_of_the_samples_and_tests():
    words = _text_vocabulary()
    assert len(words) > 3000  # the texts were read
    assert _differences(words) == []


def test_same_stems_as_nltk_on_generated_inflections():
    words = _inflections()
    assert len(words) > 30000
    assert _differences(words) == []


@pytest.mark.parametrize("word", EDGE)
def test_same_stem_as_nltk_on_edge_cases(word):
    assert stem(word) == REFERENCE.stem(word)
    assert stem(word.upper()) == REFERENCE.stem(word.upper())
    assert stem(word.capitalize()) == REFERENCE.stem(word.capitalize())


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5, 6])
def test_same_stems_as_nltk_on_every_short_word_over_a_small_alphabet(length):
    # Every word of up to six letters over letters that exercise each condition: vowels,
    # y, the w/x exception of *o, l/s/z of the undoubling rule, and t for -ion.
    alphabet = "aeylstwd" if length <= 5 else "aeyls"
    words = ("".join(p) for p in itertools.product(alphabet, repeat=length))
    assert _differences(words) == []


@pytest.mark.parametrize(
    "word, expected",
    [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("motoring", "motor"),
        ("conflated", "conflat"), ("hopping", "hop"), ("falling", "fall"), ("filing", "file"),
        ("happy", "happi"), ("enjoy", "enjoy"), ("relational", "relat"), ("conditional", "condit"),
        ("hopefulness", "hope"), ("electrical", "electr"), ("adjustment", "adjust"),
        ("adoption", "adopt"), ("controlling", "control"), ("generalization", "gener"),
        ("geology", "geolog"), ("dying", "die"), ("news", "news"), ("by", "by"),
    ],
)  # fmt: skip
def test_known_stems(word, expected):
    # The paper's examples run through every step (and nltk's departures: ties, enjoy, dying).
    assert stem(word) == expected


def test_long_words_take_linear_work():
    # A long run of y (each a consonant or a vowel by the one before it) and a long word
    # ending in a suffix: no recursion, no rescans.
    for word in ("y" * 20000, "ab" * 10000 + "ational", "l" * 20000 + "ing"):
        assert stem(word) == REFERENCE.stem(word)


def test_scan_never_imports_nltk():
    # A whole scan of the sample articles, whose statements are grouped (so words are
    # stemmed), in a fresh interpreter: nltk must not be loaded.
    code = (
        "import sys, json\n"
        "from quotetrack.api import scan\n"
        "from quotetrack import align\n"
        f"result = scan([{str(ROOT / 'samples')!r}])\n"
        "print(json.dumps({'nltk': sorted(m for m in sys.modules if m == 'nltk' or m.startswith('nltk.')),\n"
        "                  'stemmed': align._stem.cache_info().currsize,\n"
        "                  'statements': len(result.statements)}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["stemmed"] > 100 and report["statements"] > 0
    assert report["nltk"] == []


def test_the_cli_scan_never_imports_nltk(tmp_path):
    # The same through `python -m quotetrack scan`, the way users run it.
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['quotetrack', 'scan', {str(ROOT / 'samples')!r}, '--format', 'json']\n"
        "try:\n"
        "    runpy.run_module('quotetrack', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('NLTK=%d\\n' % any(m == 'nltk' or m.startswith('nltk.') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert json.loads(done.stdout)["statements"], done.stderr
    assert "NLTK=0" in done.stderr.splitlines()
