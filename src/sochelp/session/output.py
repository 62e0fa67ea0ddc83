"""What an activity does with its result besides showing it: ``--reset`` and ``--export``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, computed_field

from sochelp.environment import Environment
from sochelp.errors import OutputError, UsageError
from sochelp.render import View
from sochelp.render.safe import shown_document, shown_line

if TYPE_CHECKING:
    from sochelp.prompting import Prompter


def confirmed(
    env: Environment,
    prompter: Prompter,
    question: str,
    *,
    yes: bool,
    command: str,
) -> bool:
    """Whether to go ahead with something that cannot be undone.

    ``--yes`` goes ahead. Otherwise a person at a terminal is asked ``question [y/N]`` (the
    question goes to stderr, so this works with --json too); off a terminal there is nobody to
    ask, so nothing happens without ``--yes`` (a usage error whose hint is ``command``).
    """
    from sochelp.prompting import confirm

    if yes:
        return True
    if not env.stdin_isatty:
        raise UsageError(
            "--reset deletes saved progress, and there is no terminal to ask you first.",
            hint=f"To delete it anyway, add --yes: {command}",
        )
    return confirm(prompter, question, default=False, outcome="nothing was deleted.")


def write_files(files: Mapping[Path, str]) -> None:
    """Write each text file the user asked for; one clear error if any cannot be written.

    Content and overlays can hold control characters: they are shown as markers
    (:func:`sochelp.render.safe.shown_document`), so ``cat`` of a file is as safe as the screen.
    """
    for path, text in files.items():
        try:
            path.write_text(shown_document(text), encoding="utf-8")
        except OSError as exc:
            raise OutputError(
                f"Cannot write {path}: {exc.strerror or exc}.",
                hint="Check that the folder exists and that you can write to it, "
                "or leave out --output to print to the screen.",
            ) from None


def needs_export(output: Path | None, export: object | None, example: str) -> None:
    """--output only makes sense with --export."""
    if output is not None and export is None:
        raise UsageError("--output is only used with --export.", hint=f"For example: {example}")


@dataclass(frozen=True)
class SessionOptions:
    """The options every interactive activity takes (declared once, in ``commands/common``):
    ``--export``, ``--output``, ``--no-save`` and ``--reset``."""

    export: Enum | None = None
    output: Path | None = None
    no_save: bool = False
    reset: bool = False

    def check(self, example: str) -> None:
        """Refuse the combinations that make no sense for any activity; ``example`` is a
        command line that uses --export and --output well."""
        needs_export(self.output, self.export, example)
        if self.no_save and self.reset:
            raise UsageError("--no-save cannot be combined with --reset.")


@dataclass(frozen=True)
class ResetResult:
    """What ``--reset`` did."""

    had_progress: bool
    done: Annotated[str, Field(exclude=True)]
    nothing: Annotated[str, Field(exclude=True)]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reset(self) -> bool:
        """Always true: the saved progress is gone."""
        return True


def _reset_text(result: ResetResult) -> str:
    return result.done if result.had_progress else result.nothing


RESET_VIEW: View[ResetResult] = View(ResetResult, _reset_text)


def reset_saved(
    env: Environment,
    prompter: Prompter,
    reset: Callable[[], bool],
    *,
    what: str,
    nothing: str,
    exists: bool,
    json_output: bool,
    yes: bool = False,
    command: str = "sochelp --reset --yes",
) -> int:
    """``--reset``: confirm (see :func:`confirmed`), delete, and say exactly what was deleted."""
    from sochelp.errors import ExitCode
    from sochelp.render import show

    if exists and not confirmed(env, prompter, f"Delete {what}?", yes=yes, command=command):
        env.stdout.write("Nothing deleted.\n")
        return int(ExitCode.OK)
    result = ResetResult(had_progress=reset(), done=f"Deleted {what}.", nothing=nothing)
    show(RESET_VIEW, result, env.output_mode(json_output), env)
    return int(ExitCode.OK)


def stderr_notices(env: Environment) -> Callable[[str], None]:
    """Show notices about saved progress on stderr as they happen."""

    def notify(notice: str) -> None:
        env.stderr.write(f"sochelp: {shown_line(notice)}\n")
        env.stderr.flush()

    return notify


def deliver(env: Environment, text: str, output: Path | None, what: str) -> None:
    """An exported document to ``output`` (saying so on stderr), or to stdout without one."""
    if output is None:
        env.stdout.write(shown_document(text))
        env.stdout.flush()
        return
    write_files({output: text})
    env.stderr.write(f"{what} written to {shown_line(str(output))}\n")
    env.stderr.flush()
