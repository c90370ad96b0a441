"""The progress bar: stderr only, terminals only, long scans only (issue 16, point 6)."""

import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from quotetrack.api import scan
from quotetrack.cli import app
from quotetrack.progress import ScanProgress

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_scan_reports_each_article_done():
    calls = []
    result = scan([SAMPLES], progress=lambda done, total: calls.append((done, total)))
    n = len(result.articles)
    assert n > 1 and calls == [(i, n) for i in range(1, n + 1)]


def _terminal():
    buf = io.StringIO()
    return buf, Console(file=buf, force_terminal=True, width=80)


def test_no_bar_for_a_scan_under_a_second():
    buf, console = _terminal()
    clock = Clock()
    with ScanProgress(console, clock=clock) as p:
        for done in range(1, 6):
            clock.now += 0.1
            p(done, 5)
    assert not p.shown and buf.getvalue() == ""


def test_a_long_scan_gets_a_bar_on_its_console_and_it_is_removed():
    buf, console = _terminal()
    clock = Clock()
    with ScanProgress(console, clock=clock) as p:
        for done in range(1, 11):
            clock.now += 0.5
            p(done, 10)
        assert p.shown
    assert "scanning" in buf.getvalue() and "articles" in buf.getvalue()


def test_no_bar_when_the_console_is_not_a_terminal():
    buf = io.StringIO()
    clock = Clock()
    with ScanProgress(Console(file=buf, force_terminal=False), clock=clock) as p:
        for done in range(1, 11):
            clock.now += 5
            p(done, 10)
    assert not p.shown and buf.getvalue() == ""


def test_piped_scan_prints_no_progress_anywhere():
    r = CliRunner().invoke(app, ["scan", str(SAMPLES), "--format", "json"])
    assert r.exit_code == 0 and r.stderr == ""
    json.loads(r.stdout)
