"""What a scan loads: output for machines (JSON, CSV, Markdown, piped) never imports rich's
console, tables or progress bar, nor pathspec without globs (issue 13: start-up is part of
every scan's CPU time). The progress bar's terminal test agrees with rich's own."""

from __future__ import annotations

import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from quotetrack.progress import ScanProgress, _may_be_terminal

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("rich.console", "rich.table", "rich.progress", "rich.text", "pathspec")


def _loaded_by_scan(cwd: Path, *args: str) -> tuple[str, list[str]]:
    """(standard output, the WATCHED modules loaded) of ``python -m quotetrack scan ARGS``, piped."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['quotetrack', 'scan', *{list(args)!r}]\n"
        "try:\n"
        "    runpy.run_module('quotetrack', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"sys.stderr.write('LOADED=' + ','.join(m for m in {WATCHED!r} if m in sys.modules) + '\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=cwd)
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED=")]
    assert line, done.stderr
    return done.stdout, [m for m in line[-1].removeprefix("LOADED=").split(",") if m]


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "jsonl"])
def test_machine_output_loads_no_rich_console_and_no_pathspec(tmp_path, fmt):
    out, loaded = _loaded_by_scan(tmp_path, str(ROOT / "samples"), "--format", fmt)
    assert out.strip()
    if fmt == "json":
        assert json.loads(out)["statements"]
    assert loaded == []


def test_the_table_loads_rich_and_globs_load_pathspec(tmp_path):
    # The same check sees the modules where they are needed: the table is drawn by rich,
    # and an outlets mapping with [paths] globs is matched by pathspec.
    folder = tmp_path / "news"
    (folder / "herald").mkdir(parents=True)
    (folder / "herald" / "a.txt").write_text(
        "Harbour plan\n\n\u201cWe will open the harbour in May,\u201d said Mirela Vantongeren, the port director.\n",
        encoding="utf-8",
    )
    (folder / "outlets.toml").write_text('[paths]\n"herald/*" = "The Herald"\n', encoding="utf-8")
    out, loaded = _loaded_by_scan(tmp_path, str(folder))
    assert "The Herald" in out
    assert "rich.console" in loaded and "rich.table" in loaded and "pathspec" in loaded


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


ENV_VALUES = [None, "", "0", "1", "yes"]


@pytest.mark.parametrize(
    "tty, tty_compatible, force_color", list(itertools.product([False, True], ENV_VALUES, ENV_VALUES))
)
def test_may_be_terminal_whenever_rich_says_terminal(monkeypatch, tty, tty_compatible, force_color):
    for name, value in (("TTY_COMPATIBLE", tty_compatible), ("FORCE_COLOR", force_color)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    stream = _Stream(tty)
    # A necessary condition: where it says no, rich says no (so rich need not be loaded to ask).
    assert _may_be_terminal(stream) or not Console(file=stream, highlight=False).is_terminal


def test_a_closed_stream_is_no_terminal():
    stream = io.StringIO()
    stream.close()
    assert not _may_be_terminal(stream)


def test_progress_on_a_pipe_has_no_console(monkeypatch):
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys, "stderr", _Stream(False))
    p = ScanProgress()
    assert p.console is None and not p.enabled
    p(1, 10)
    assert not p.shown


def test_progress_on_a_terminal_draws_on_stderr(monkeypatch):
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    stream = _Stream(True)
    monkeypatch.setattr(sys, "stderr", stream)
    now = [0.0]
    with ScanProgress(clock=lambda: now[0]) as p:
        assert p.enabled and p.console is not None
        for done in range(1, 5):
            now[0] += 2
            p(done, 5)
        assert p.shown
    assert "scanning" in stream.getvalue()
