"""A progress bar for long scans: on stderr, only when stderr is a terminal, and only
once a scan has run for about a second (short scans print nothing extra)."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds a scan runs before the bar appears


class ScanProgress:
    """A ``progress`` callback for ``api.scan``, used as a context manager.

    Draws on ``console`` (default: stderr), and only when that console is a
    terminal; the bar is removed when the scan ends, so nothing of it stays in
    the terminal's scrollback either."""

    def __init__(self, console: Optional[Console] = None, clock: Callable[[], float] = time.monotonic, delay: float = DELAY):
        if console is None and _may_be_terminal(sys.stderr):
            from rich.console import Console

            console = Console(file=sys.stderr, highlight=False)
        self.console = console  # None: stderr, which rich would not take for a terminal
        self.clock = clock
        self.delay = delay
        self.enabled = console is not None and console.is_terminal
        self.started = clock()
        self._bar: Optional[Progress] = None
        self._task: Optional[TaskID] = None

    def __enter__(self) -> "ScanProgress":
        self.started = self.clock()
        return self

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if self.clock() - self.started < self.delay or done >= total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                TimeRemainingColumn(), console=self.console, transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("scan", total=total)
        if self._task is not None:
            self._bar.update(self._task, completed=done, total=total)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _may_be_terminal(stream: object) -> bool:
    """False only where rich's ``Console(file=stream).is_terminal`` is False too: no
    TTY_COMPATIBLE=1, no FORCE_COLOR, and a stream that is no tty. Piped and redirected
    scans then never import rich (about 0.02 s of CPU a process)."""
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
