"""A progress bar for long scans: on stderr, only when stderr is a terminal, and only
once a scan has run for about a second (short scans print nothing extra)."""

from __future__ import annotations

import sys
import time
from typing import Callable, Optional

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

DELAY = 1.0  # seconds a scan runs before the bar appears


class ScanProgress:
    """A ``progress`` callback for ``api.scan``, used as a context manager.

    Draws on ``console`` (default: stderr), and only when that console is a
    terminal; the bar is removed when the scan ends, so nothing of it stays in
    the terminal's scrollback either."""

    def __init__(self, console: Optional[Console] = None, clock: Callable[[], float] = time.monotonic, delay: float = DELAY):
        self.console = console or Console(file=sys.stderr, highlight=False)
        self.clock = clock
        self.delay = delay
        self.enabled = self.console.is_terminal
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
