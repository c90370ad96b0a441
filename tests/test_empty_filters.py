"""Filters that leave nothing say so on stderr (issue 16, point 5)."""

from typer.testing import CliRunner

from quotetrack.cli import app

runner = CliRunner()

GAZETTE = (
    "Lighthouse keepers return\n\n"
    "The lighthouse on Corran Point will be staffed again from the autumn, the trust said on Friday.\n\n"
    "“A light that nobody watches is only a lamp,” said Wilhelmina Strand, who leads the trust.\n"
)
BULLETIN = (
    "Keepers back at Corran Point\n\n"
    "Staff will return to the lighthouse on Corran Point this autumn after a gap of twenty years.\n\n"
    "“A light that nobody watches is only a lamp,” Wilhelmina Strand told the meeting.\n"
)


def _scan(tmp_path, *args):
    (tmp_path / "outlets.toml").write_text(
        '[paths]\n"gazette.txt" = "The Western Gazette"\n"bulletin.txt" = "Harbour Bulletin"\n', encoding="utf-8"
    )
    (tmp_path / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (tmp_path / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    return runner.invoke(app, ["scan", str(tmp_path), *args])


def test_an_outlet_that_matches_nothing_names_the_closest(tmp_path):
    r = _scan(tmp_path, "--outlet", "WG")
    assert r.exit_code == 0
    assert "Wilhelmina" not in r.stdout
    assert "nothing matches --outlet WG" in r.stderr
    assert "(closest: The Western Gazette)" in r.stderr


def test_a_misspelt_speaker_names_the_closest(tmp_path):
    r = _scan(tmp_path, "--speaker", "strnad", "--format", "csv")
    assert r.exit_code == 0
    assert "no speaker's name contains 'strnad' (closest: Wilhelmina Strand)" in r.stderr


def test_strict_makes_an_empty_result_exit_1(tmp_path):
    r = _scan(tmp_path, "--speaker", "nobody", "--matrix", "--strict")
    assert r.exit_code == 1
    assert "(speakers: Wilhelmina Strand, the trust)" in r.stderr


def test_min_outlets_says_how_many_the_best_has(tmp_path):
    r = _scan(tmp_path, "--min-outlets", "3")
    assert "no statement is carried by 3 outlets (the most any carries is 2)" in r.stderr


def test_filters_that_match_say_nothing(tmp_path):
    r = _scan(tmp_path, "--speaker", "strand", "--outlet", "gazette", "--strict")
    assert r.exit_code == 0 and r.stderr == ""
    assert "Wilhelmina Strand" in r.stdout


def test_json_is_never_filtered_so_never_empty(tmp_path):
    r = _scan(tmp_path, "--speaker", "nobody", "--format", "json")
    assert r.exit_code == 0 and r.stderr == ""
