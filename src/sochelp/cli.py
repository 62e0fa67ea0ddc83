"""The ``sochelp`` command line: global options, command registration and the error boundary.

Commands live in :mod:`sochelp.commands`; this module only wires them together and turns
exceptions into messages and exit codes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import typer

from sochelp import __version__, plain_params, signals
from sochelp.commands.common import AppState
from sochelp.environment import readable_streams, silence, wrapped
from sochelp.errors import ExitCode, InputEndedError, SochelpError, UserInterruptError
from sochelp.usage import ALIASES, translate, unknown_command

plain_params.install()


class SochelpCommand(typer.core.TyperCommand):
    """A command whose --help is drawn by :func:`sochelp.helptext.help_text` (imported only
    when help is asked for)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from sochelp.helptext import help_text, help_width

        formatter.write(help_text(self, ctx.command_path, help_width()))

    def get_help(self, ctx: Any) -> str:
        from sochelp.helptext import help_text, help_width

        return help_text(self, ctx.command_path, help_width()).rstrip("\n")


class SochelpGroup(typer.core.TyperGroup):
    """A group (sochelp itself, ``sochelp content``) whose --help is drawn the same way."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from sochelp.helptext import help_text, help_width

        formatter.write(help_text(self, ctx.command_path, help_width()))

    def get_help(self, ctx: Any) -> str:
        from sochelp.helptext import help_text, help_width

        return help_text(self, ctx.command_path, help_width()).rstrip("\n")


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
    # --help is drawn by sochelp.helptext: readable value names, exit statuses, any width.
    "cls": SochelpGroup,
}

_debug_requested = False
#: Set once a command's own code has returned (its status is then its own to report).
_command_returned = False


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
    "config": "config",
    "content": "content",
    "about": "about",
    "help": "help",
    "completion": "completion",
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
    _use_sochelp_help(application)
    return application


def _use_sochelp_help(application: typer.Typer) -> None:
    """Every command and group draws its --help with :mod:`sochelp.helptext`."""
    for info in application.registered_commands:
        if not (isinstance(info.cls, type) and issubclass(info.cls, SochelpCommand)):
            info.cls = SochelpCommand
    for group in application.registered_groups:
        group.cls = SochelpGroup
        if group.typer_instance is not None:
            group.typer_instance.info.cls = SochelpGroup
            _use_sochelp_help(group.typer_instance)


def _interruptible(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Ctrl-C inside a command into :class:`UserInterruptError`.

    Typer would otherwise swallow the KeyboardInterrupt and exit 130 silently, leaving the
    cursor on a prompt line with no word of what happened.
    """

    @functools.wraps(callback)  # Typer reads the parameters through __wrapped__
    def run_command(*args: Any, **kwargs: Any) -> Any:
        global _command_returned
        try:
            result = callback(*args, **kwargs)
        except KeyboardInterrupt:
            raise UserInterruptError() from None
        _command_returned = True
        return result

    return run_command


def __getattr__(name: str) -> Any:
    # `sochelp.cli.app` is the complete application (for documentation tools and tests).
    if name == "app":
        return build_app()
    raise AttributeError(name)


def _command_position(args: Sequence[str]) -> int | None:
    """Where the command name is in ``args`` (None when there is none, or help is asked)."""
    skip_value = False
    for index, arg in enumerate(args):
        if skip_value:
            skip_value = False
        elif arg in {"-h", "--help", "--version"}:
            return None
        elif arg in _VALUE_OPTIONS:
            skip_value = True
        elif arg == "--":
            return index + 1 if index + 1 < len(args) else None
        elif not arg.startswith("-"):
            return index
    return None


def invoked_command(args: Sequence[str]) -> str | None:
    """The command named in ``args`` if it is a known one and nothing asks for global help."""
    position = _command_position(args)
    if position is None:
        return None
    name = args[position]
    return name if name in COMMANDS else None


def with_aliases(args: Sequence[str]) -> list[str]:
    """``sochelp quiz …`` is ``sochelp scam-quiz …``; an unknown command is refused with the
    closest one suggested."""
    out = list(args)
    position = _command_position(out)
    if position is None:
        return out
    name = out[position]
    if name in ALIASES:
        out[position] = ALIASES[name]
    elif name not in COMMANDS:
        raise unknown_command(name, list(COMMANDS))
    return out


def _print_error(error: SochelpError) -> None:
    try:
        if (isinstance(error, UserInterruptError) and signals.received() is None) or (
            isinstance(error, InputEndedError) and _isatty(sys.stdin)
        ):
            sys.stderr.write("\n")  # end the line the ^C or ^D was typed on
        message = error.message
        stop = signals.received()
        if isinstance(error, UserInterruptError) and stop is not None:
            # Raised where a Ctrl-C is caught; a SIGTERM or hang-up lands there too.
            message = message.replace("(Ctrl-C)", f"(signal {stop})")
        sys.stderr.write(_error_text(message, error.hint))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr is gone (a hang-up closes the terminal): the exit status still tells


def _error_text(message: str, hint: str | None) -> str:
    """The error line ("sochelp: <message>") and its hint, wrapped to a terminal's width with
    later lines indented; a pipe or log file gets each on one line, for grep."""
    if not _isatty(sys.stderr) or os.environ.get("TERM") == "dumb":
        return f"sochelp: {message}\n" + (f"  {hint}\n" if hint else "")
    from sochelp.environment import terminal_columns
    from sochelp.render.layout import wrap_hanging

    width = terminal_columns()
    lines: list[str] = []
    for number, part in enumerate(message.split("\n")):
        indent = " " * (len(part) - len(part.lstrip(" ")))
        head = "sochelp: " if number == 0 else indent
        lines.extend(wrap_hanging(head, part.lstrip(" "), width, indent + "  "))
    if hint:
        for part in hint.split("\n"):
            lines.extend(wrap_hanging("  ", part, width, "    "))
    return "\n".join(lines) + "\n"


def _print_traceback() -> None:
    """--debug: the traceback of the error being handled, before the usual message (the exit
    status stays the documented one). Its text can quote input, so it is made safe to show."""
    import traceback

    from sochelp.render.safe import shown

    sys.stderr.write(shown(traceback.format_exc()))
    sys.stderr.flush()


def _interrupted() -> int:
    """A stop that reached the top: say which, and exit with its status."""
    stop = signals.received()
    what = "Ctrl-C" if stop is None else f"signal {stop}"
    try:
        sys.stderr.write(f"\nsochelp: stopped ({what}).\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return signals.exit_status(int(ExitCode.INTERRUPTED))


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _complete(instruction: str) -> int:
    from sochelp.completion import run_completion

    return run_completion(instruction, typer.main.get_command(build_app()))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status (never raises for user errors).

    Stop signals are handled like Ctrl-C while it runs. stdout and stderr are used through
    :class:`sochelp.environment.OutputStream`, so every writer (views, help, errors) stops
    quietly when the reader goes away, and a readable stand-in is written for what they cannot
    encode.
    """
    restore_signals = signals.install()
    saved = sys.stdout, sys.stderr
    try:
        try:
            readable_streams()
            sys.stdout, sys.stderr = wrapped(sys.stdout), wrapped(sys.stderr)
            return _main(argv)
        finally:
            _flush_and_put_back(saved)
    except KeyboardInterrupt:
        # A stop outside _main's own boundary: while the streams were set up, or in the final
        # flush. (sochelp's handler is in from the first line above, so it raises here.)
        return _interrupted()
    finally:
        restore_signals()


def _flush_and_put_back(saved: tuple[TextIO, TextIO]) -> None:
    """Flush the command's output streams, then put ``saved`` back (even if a stop lands while
    flushing)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    finally:
        sys.stdout, sys.stderr = saved


def _main(argv: Sequence[str] | None) -> int:
    from typer._click.exceptions import NoArgsIsHelpError

    global _debug_requested, _command_returned
    _debug_requested = False
    _command_returned = False
    try:
        instruction = os.environ.get("_SOCHELP_COMPLETE")
        if instruction:
            return _complete(instruction)
        args = with_aliases(sys.argv[1:] if argv is None else argv)
        # Known before the options are parsed, so a failure while they are (a Ctrl-C in the
        # first fraction of a second, say) can still show its traceback.
        position = _command_position(args)
        _debug_requested = "--debug" in (args if position is None else args[:position])
        only = invoked_command(args)
        if only is None and "--version" in args and not {"-h", "--help"} & set(args):
            only = ""  # the version needs no command at all
        application = build_app(only=only)
        result = application(args=args, prog_name="sochelp", standalone_mode=False)
    except SochelpError as error:
        if _debug_requested:
            _print_traceback()
        _print_error(error)
        if isinstance(error, UserInterruptError):
            return signals.exit_status(int(error.exit_code))
        return int(error.exit_code)
    except NoArgsIsHelpError as error:  # `sochelp` or `sochelp content` alone: the help
        sys.stdout.write(error.ctx.get_help() + "\n" if error.ctx else "")
        sys.stdout.flush()
        return int(ExitCode.OK)
    except typer.TyperException as error:  # usage errors from the argument parser
        words = list(sys.argv[1:] if argv is None else argv)
        _print_error(translate(error, typer.main.get_command(build_app()), words))
        return int(ExitCode.USAGE)
    except typer.Abort:
        return _interrupted()
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        # The reader went away while help or the version was written (commands' own output
        # goes through environment.OutputStream, which finishes quietly with the command's
        # status). Nothing was lost that the reader wanted: no traceback, status 0.
        silence(sys.stdout)
        return int(ExitCode.OK)
    except Exception as error:
        if signals.stop_behind(error) is not None:  # raised after a Ctrl-C: no bug
            return _interrupted()
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
    if result == ExitCode.INTERRUPTED and not _command_returned:
        # Typer turns a Ctrl-C (or stop signal) met while parsing the options into a silent 130;
        # a command that returns 130 itself (a quiz stopped with Ctrl-C) has already said so.
        return _interrupted()
    if isinstance(result, int):
        return result
    return int(ExitCode.OK)


def run() -> NoReturn:
    """Console-script entry point (kept for old installs; see :mod:`sochelp.launch`)."""
    from sochelp.launch import run as launch

    launch()
