"""What an activity does with its result besides showing it: ``--reset`` and ``--export``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from sochelp.environment import Environment
from sochelp.errors import OutputError
from sochelp.prompting import Prompter

#: Answers that confirm a question such as "Delete …? [y/N]".
YES_WORDS = frozenset({"y", "yes"})


def confirmed(env: Environment, prompter: Prompter, question: str, *, json_output: bool) -> bool:
    """Ask ``question [y/N]`` on a terminal; off a terminal (or with --json) go ahead as asked.

    Scripts that pipe into sochelp cannot answer, so they keep today's behaviour (delete without
    asking); a person at a terminal is always asked first.
    """
    if not env.interactive or json_output:
        return True
    answer = prompter.ask(f"{question} [y/N]: ")
    return (answer or "").strip().lower() in YES_WORDS


def write_files(files: Mapping[Path, str]) -> None:
    """Write each text file the user asked for; one clear error if any cannot be written."""
    for path, text in files.items():
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(
                f"Cannot write {path}: {exc.strerror or exc}.",
                hint="Check that the folder exists and that you can write to it, "
                "or leave out --output to print to the screen.",
            ) from None


def needs_export(output: Path | None, export: object | None, example: str) -> None:
    """--output only makes sense with --export."""
    if output is not None and export is None:
        from sochelp.errors import UsageError

        raise UsageError("--output is only used with --export.", hint=f"For example: {example}")


def reset_saved(
    env: Environment,
    prompter: Prompter,
    reset: Callable[[], bool],
    *,
    what: str,
    nothing: str,
    exists: bool,
    json_output: bool,
) -> int:
    """``--reset``: confirm on a terminal, delete, and say what happened (text or JSON)."""
    import json

    from sochelp.errors import ExitCode

    if exists and not confirmed(env, prompter, f"Delete {what}?", json_output=json_output):
        env.stdout.write("Nothing deleted.\n")
        return int(ExitCode.OK)
    existed = reset()
    if json_output:
        env.stdout.write(json.dumps({"reset": True, "had_progress": existed}) + "\n")
    else:
        env.stdout.write(f"Deleted {what}.\n" if existed else f"{nothing}\n")
    return int(ExitCode.OK)


def stderr_notices(env: Environment) -> Callable[[str], None]:
    """Show notices about saved progress on stderr as they happen."""

    def notify(notice: str) -> None:
        env.stderr.write(f"sochelp: {notice}\n")
        env.stderr.flush()

    return notify
