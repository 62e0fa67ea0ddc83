"""Live progress on stderr for long runs (``sochelp audit``): a bar on a colour terminal,
nothing otherwise."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from sochelp.environment import Environment

#: Called with (done, total) as work finishes, from any thread.
ProgressCallback = Callable[[int, int], None]


class RichProgress:
    """A bar with a count (rich's Progress is thread-safe: lookup threads update it); it is
    transient, so the result drawn after it starts on a clean screen."""

    def __init__(self, env: Environment, label: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from sochelp.render import console_for

        self._progress = Progress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            console=console_for(env, stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(label, total=None)

    def update(self, done: int, total: int) -> None:
        """Move the bar to ``done`` of ``total``."""
        self._progress.update(self._task, completed=done, total=total)

    def __enter__(self) -> ProgressCallback:
        self._progress.start()
        return self.update

    def __exit__(self, *_: object) -> None:
        self._progress.stop()


def progress_for(env: Environment, label: str) -> AbstractContextManager[ProgressCallback | None]:
    """A live bar when stderr is a colour terminal; otherwise no display (the callback is
    None, so the work does not even count)."""
    if env.stderr_rich:
        return RichProgress(env, label)
    return nullcontext(None)
