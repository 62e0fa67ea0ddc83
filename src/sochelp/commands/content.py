"""``sochelp content check``: validate bundled content or a local overlay folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from pydantic import computed_field

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ContentProblem, ExitCode
from sochelp.render import View


@dataclass(frozen=True)
class ContentCheckResult:
    """What ``content check`` found: every problem, in the content checked."""

    checked: str
    problems: tuple[ContentProblem, ...]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def check_text(result: ContentCheckResult) -> str:
    """One problem a line, then a count."""
    if result.ok:
        return f"No problems found in {result.checked}.\n"
    count = len(result.problems)
    lines = [str(problem) for problem in result.problems]
    lines.append(f"\n{count} problem{'s' if count != 1 else ''} in {result.checked}.")
    return "\n".join(lines) + "\n"


CHECK_VIEW: View[ContentCheckResult] = View(ContentCheckResult, check_text)

content_app = typer.Typer(
    help="Work with content files (contacts, situations, quiz questions…).",
    no_args_is_help=True,
)


@content_app.command("check")
def check(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="A local content folder to validate, laid over the bundled content. "
            "Without it: the bundled content plus --content-dir, if given.",
            file_okay=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> int:
    """Validate content files and list every problem (exit 1 if any)."""
    from sochelp.content.registry import check_all
    from sochelp.content.store import ContentStore
    from sochelp.render import show

    state = app_state(ctx)
    overlay = folder if folder is not None else state.content_dir
    problems = check_all(ContentStore(overlay=overlay))
    what = "bundled content" + (f" with {overlay}" if overlay else "")
    result = ContentCheckResult(what, tuple(problems))
    show(CHECK_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def register(app: typer.Typer) -> None:
    """Add the ``content`` group to the application."""
    app.add_typer(content_app, name="content", short_help="Validate content files.")
