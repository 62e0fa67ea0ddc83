"""The live progress display of ``sochelp audit``: a bar on a colour terminal, nothing else."""

from __future__ import annotations

import io
import re

from sochelp.audit.run import AuditOptions, audit_file, exit_code
from sochelp.breach.choice import BreachOptions
from sochelp.environment import Environment
from sochelp.errors import ExitCode
from sochelp.render.progress import RichProgress, progress_for
from tests.audit.samples import DATA

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _env(
    *, terminal: bool, colour: bool = True, stdin: str = "", dumb: bool = False
) -> Environment:
    return Environment(
        stdin=io.StringIO(stdin),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=False,
        stdout_isatty=False,
        stderr_isatty=terminal,
        colour_allowed=colour and not dumb,
        rich_allowed=not dumb,
    )


def test_a_colour_terminal_gets_a_bar_that_counts() -> None:
    env = _env(terminal=True)
    display = progress_for(env, "Checking passwords")
    assert isinstance(display, RichProgress)
    with display as report:
        assert report is not None
        report(3, 10)
    drawn = _ESCAPES.sub("", env.stderr.getvalue())  # type: ignore[attr-defined]
    assert "Checking passwords" in drawn
    assert "3/10" in drawn


def test_no_display_off_a_terminal_or_with_term_dumb() -> None:
    for env in (_env(terminal=False), _env(terminal=True, dumb=True)):
        with progress_for(env, "Checking passwords") as report:
            assert report is None
        assert env.stderr.getvalue() == ""  # type: ignore[attr-defined]


def test_no_color_keeps_the_bar_without_colour() -> None:
    # NO_COLOR removes colour only: the bar still shows how far the audit has got.
    env = _env(terminal=True, colour=False)
    assert isinstance(progress_for(env, "Checking passwords"), RichProgress)


def test_the_audit_reports_every_password_to_the_display() -> None:
    seen: list[tuple[int, int]] = []

    class Recorder:
        def __enter__(self) -> object:
            return lambda done, total: seen.append((done, total))

        def __exit__(self, *_: object) -> None:
            return None

    env = _env(terminal=False)
    result = audit_file(
        str(DATA / "bitwarden.csv"),
        env,
        scorer=len,
        breach=BreachOptions(skip=True),
        options=AuditOptions(min_score=3),
        progress=Recorder(),  # type: ignore[arg-type]
    )
    assert seen, "the display was never told of any progress"
    done, total = seen[-1]
    assert done == total == result.summary.unique_passwords
    assert "plaintext copy of every password" in env.stderr.getvalue()  # type: ignore[attr-defined]
    assert exit_code(result) in (ExitCode.OK, ExitCode.FINDINGS)
