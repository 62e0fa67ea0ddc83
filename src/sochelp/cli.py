"""The ``sochelp`` command line: global options, command registration and the error boundary.

Commands live in :mod:`sochelp.commands`; this module only wires them together and turns
exceptions into messages and exit codes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sochelp import __version__
from sochelp.commands.common import AppState
from sochelp.errors import ExitCode, SochelpError

app = typer.Typer(
    name="sochelp",
    help=(
        "Be a harder target for scams and organised crime: check passwords, learn to spot "
        "scams, and find the right people to tell."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug_requested = False


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sochelp {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
    content_dir: Annotated[
        Path | None,
        typer.Option(
            "--content-dir",
            envvar="SOCHELP_CONTENT_DIR",
            help="A folder of local content laid over the bundled content "
            "(same id replaces, new id adds).",
            file_okay=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a full traceback when something fails.")
    ] = False,
) -> None:
    """Be a harder target for scams and organised crime."""
    global _debug_requested
    _debug_requested = debug
    ctx.obj = AppState(content_dir=content_dir, debug=debug)


#: Command modules under sochelp.commands, in the order --help lists them. Each has register(app).
COMMAND_MODULES = (
    "report",
    "signs",
    "content",
)

for _name in COMMAND_MODULES:
    import_module(f"sochelp.commands.{_name}").register(app)


def _print_error(error: SochelpError) -> None:
    sys.stderr.write(f"sochelp: {error.message}\n")
    if error.hint:
        sys.stderr.write(f"  {error.hint}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status (never raises for user errors)."""
    global _debug_requested
    _debug_requested = False
    try:
        result = app(
            args=list(argv) if argv is not None else None,
            prog_name="sochelp",
            standalone_mode=False,
        )
    except SochelpError as error:
        if _debug_requested:
            raise
        _print_error(error)
        return int(error.exit_code)
    except typer.TyperException as error:  # usage errors from the argument parser
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            sys.stderr.write(f"sochelp: {error.format_message()}\n")
        return int(getattr(error, "exit_code", ExitCode.USAGE))
    except typer.Abort:
        sys.stderr.write("\nsochelp: stopped.\n")
        return int(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        sys.stderr.write("\nsochelp: interrupted.\n")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (e.g. `sochelp report --list | head`): no traceback, and point
        # stdout at /dev/null so the interpreter's final flush cannot fail again.
        _silence_stdout()
        return int(ExitCode.FINDINGS)
    if isinstance(result, int):
        return result
    return int(ExitCode.OK)


def run() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
