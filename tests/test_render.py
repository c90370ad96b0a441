"""Rendering untrusted article text: nothing in an article can style or move the terminal."""

import io

from rich.console import Console

from quotetrack.api import scan_texts
from quotetrack.render import clean, render_matrix, render_table, safe_cell

HOSTILE = (
    "The harbour council met on Tuesday to vote on the new sea wall plans for the town.\n"
    "“Vote for [bold red]me[/] \x1b[31mnow\x1b[0m and \x1b]0;owned\x07 win\u202e,” Mayor Helena Varga said.\n"
)


def _render(fn, force_terminal):
    buf = io.StringIO()
    console = Console(file=buf, width=100, force_terminal=force_terminal, color_system="truecolor" if force_terminal else None)
    fn(scan_texts([("a.txt", HOSTILE)]), console)
    return buf.getvalue()


def test_markup_in_articles_is_printed_literally():
    out = _render(render_table, force_terminal=False)
    assert "[bold red]me[/]" in out


def test_escape_sequences_never_reach_the_terminal():
    for fn in (render_table, render_matrix):
        out = _render(fn, force_terminal=True)
        assert "\x1b[31m" not in out and "\x1b]0;" not in out and "\x07" not in out and "\u202e" not in out


def test_clean_and_safe_cell():
    assert clean("a\x1b[2Jb\x00c\u202ed") == "a[2Jbcd"
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2") == "'-2"
    assert safe_cell("plain") == "plain"
