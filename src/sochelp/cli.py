"""The ``sochelp`` command line: global options, command registration and the error boundary.

Commands live in :mod:`sochelp.commands`; this module only wires them together and turns
exceptions into messages and exit codes.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from sochelp import __version__
from sochelp.commands.common import AppState
from sochelp.errors import ExitCode, SochelpError, UserInterruptError

_APP_SETTINGS: dict[str, Any] = {
    "name": "sochelp",
    "help": (
        "Be a harder target for scams and organised crime: check passwords, learn to spot "
        "scams, and find the right people to tell."
    ),
    "no_args_is_help": True,
    "add_completion": False,
    # Locals could hold a password: never print them, and no pretty tracebacks at all.
    "pretty_exceptions_show_locals": False,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

_debug_requested = False


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sochelp {__version__}")
        raise typer.Exit()


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


#: Command name -> module under sochelp.commands (each has register(app)), in --help order.
COMMANDS: dict[str, str] = {
    "report": "report",
    "signs": "signs",
    "check-message": "check_message",
    "scam-quiz": "quiz",
    "password": "password",
    "audit": "audit",
    "checkup": "checkup",
    "content": "content",
    "about": "about",
}

#: Global options that take a value (so the value is not mistaken for a command name).
_VALUE_OPTIONS = frozenset({"--content-dir"})


def build_app(only: str | None = None) -> typer.Typer:
    """The application with every command, or with just the one about to run.

    Registering one command instead of all of them saves a noticeable part of start-up.
    """
    application = typer.Typer(**_APP_SETTINGS)
    application.callback()(main_options)
    for command, module in COMMANDS.items():
        if only is None or command == only:
            import_module(f"sochelp.commands.{module}").register(application)
    for info in application.registered_commands:
        if info.callback is not None:
            info.callback = _interruptible(info.callback)
    return application


def _interruptible(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Ctrl-C inside a command into :class:`UserInterruptError`.

    Typer would otherwise swallow the KeyboardInterrupt and exit 130 silently, leaving the
    cursor on a prompt line with no word of what happened.
    """

    @functools.wraps(callback)  # Typer reads the parameters through __wrapped__
    def run_command(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except KeyboardInterrupt:
            raise UserInterruptError() from None

    return run_command


def __getattr__(name: str) -> Any:
    # `sochelp.cli.app` is the complete application (for documentation tools and tests).
    if name == "app":
        return build_app()
    raise AttributeError(name)


def invoked_command(args: Sequence[str]) -> str | None:
    """The command named in ``args`` if it is a known one and nothing asks for global help."""
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
        elif arg in {"-h", "--help", "--version"}:
            return None
        elif arg in _VALUE_OPTIONS:
            skip_value = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _print_error(error: SochelpError) -> None:
    if isinstance(error, UserInterruptError):
        sys.stderr.write("\n")  # end the line the ^C was typed on
    sys.stderr.write(f"sochelp: {error.message}\n")
    if error.hint:
        sys.stderr.write(f"  {error.hint}\n")
    sys.stderr.flush()


def _print_traceback() -> None:
    """--debug: the traceback of the error being handled, before the usual message (the exit
    status stays the documented one). Its text can quote input, so it is made safe to show."""
    import traceback

    from sochelp.render.safe import shown

    sys.stderr.write(shown(traceback.format_exc()))
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
        args = list(sys.argv[1:] if argv is None else argv)
        application = build_app(only=invoked_command(args))
        result = application(args=args, prog_name="sochelp", standalone_mode=False)
    except SochelpError as error:
        if _debug_requested:
            _print_traceback()
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
        # stdout at /dev/null so the interpreter's final flush cannot fail again. Status 1, as
        # Typer itself gives when this happens inside a command.
        _silence_stdout()
        return int(ExitCode.FINDINGS)
    except Exception as error:
        if _debug_requested:
            _print_traceback()
        # A bug. No traceback by default: it would mean nothing to most users, and a frame could
        # in principle hold input such as a password.
        sys.stderr.write(
            f"sochelp: something went wrong inside sochelp ({type(error).__name__}). "
            "This is a bug, not something you did.\n"
            "  Run the same command with --debug to see the details, and please report it.\n"
        )
        return int(ExitCode.INTERNAL)
    if isinstance(result, int):
        return result
    return int(ExitCode.OK)


def run() -> NoReturn:
    """Console-script entry point (also ``python -m sochelp``)."""
    # This process validates only sochelp's own models, which need no third-party pydantic
    # plugins; discovering them scans the metadata of every installed package (about 30 ms at
    # start-up). Set here, where the program starts, not on import; a user's setting still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.exit(main())
