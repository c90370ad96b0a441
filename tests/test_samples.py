"""samples/ against its answer key (tests/data/samples-expected.md), written
before the tool was run on them: every direct quote's line, opening, speaker
and kind, and the statements × outlets matrix."""

import re
from pathlib import Path

import pytest

from quotetrack import scan
from quotetrack.render import matrix_rows

ROOT = Path(__file__).resolve().parents[1]
KEY = (ROOT / "tests" / "data" / "samples-expected.md").read_text(encoding="utf-8")
FILES = sorted(p.name for p in (ROOT / "samples").glob("0*_*"))
ROW = re.compile(r"^\| (\d+) \| (\d+) \| `([^`]+)` \| ([^|]+?) \| (full|partial|term|title) \|", re.M)


def _expected_quotes():
    sections = re.split(r"^### ", KEY, flags=re.M)
    for sec in sections:
        name = sec.split("\n", 1)[0].strip()
        if name in FILES:
            for m in ROW.finditer(sec):
                _n, line, opening, speaker, kind = m.groups()
                yield name, int(line), opening, None if speaker == "none" else speaker, kind


EXPECTED = list(_expected_quotes())


@pytest.fixture(scope="module")
def result():
    return scan([ROOT / "samples" / f for f in FILES])


def test_the_key_was_read():
    assert len(EXPECTED) == 33 + 19
    assert len(FILES) == 8


@pytest.mark.parametrize("name,line,opening,speaker,kind", EXPECTED, ids=[f"{e[0][:2]}-L{e[1]}" for e in EXPECTED])
def test_quote(result, name, line, opening, speaker, kind):
    art = next(a for a in result.articles if Path(a.path).name == name)
    mark = len(opening) - len(opening.lstrip("“”\"'‘«„"))
    words = opening[mark:].rstrip("”\"»“")
    found = [q for q in result.quotes if q.article_id == art.id and q.direct and q.line == line and q.text.startswith(words)]
    assert found, f"no quote at {name}:{line} starting {words!r}"
    q = found[0]
    assert (q.kind, q.speaker) == (kind, speaker)


def test_no_other_direct_quotes(result):
    per_file = {}
    for name, *_ in EXPECTED:
        per_file[name] = per_file.get(name, 0) + 1
    for art in result.articles:
        got = sum(1 for q in result.quotes if q.article_id == art.id and q.direct)
        assert got == per_file[Path(art.path).name], art.path


def test_matrix_of_statements_carried_by_more_than_one_outlet(result):
    multi = [s for s in result.statements if len(s.outlets) > 1]
    outlets, rows = matrix_rows(result, multi)
    order = [
        "The Harbour Herald", "Aldmere Wire Service", "Coastal Daily", "The Tidewatch", "Northern Ledger",
        "The Quayside Post", "Northsea Wire", "The Marquee",
    ]
    assert sorted(outlets) == sorted(order)
    got = {(st.speaker, st.text.split()[0], "".join(cells[outlets.index(o)] for o in order)) for st, cells in rows}
    assert got == {
        ("Helena Varga", "This", "==··~···"),  # A: forty thousand homes
        ("Helena Varga", "For", "==!=····"),  # B: sea wall, one word altered in CD
        ("Helena Varga", "We", "·=·<····"),  # C: told for thirty years
        ("Helena Varga", "This", "=·<·····"),  # D: promise kept to our grandchildren
        ("Helena Varga", "Nobody", "··=·=···"),  # E
        ("Tomas Brenner", "Every", "=·=·····"),  # F
        ("Tomas Brenner", "We", "·=·~····"),  # G: paraphrased in TW
        ("Imani Okafor", "Nobody", "==······"),  # H
        ("David Okafor", "In", "=···=···"),  # I
        ("Maura Keohane", "We're", "·····==·"),  # J: single marks (06) and a hard-wrapped line (07)
        ("Declan Furlow", "Fuel", "·····==·"),  # K
    }


def test_titles_are_no_statements(result):
    titles = {q.id for q in result.quotes if q.kind == "title"}
    assert len(titles) == 6
    assert not any(m.quote_id in titles for s in result.statements for m in s.members)
