"""One voice for mistakes on the command line.

Whatever noticed the mistake (the argument parser, a type check, a range, a list of choices, an
unknown command), the user reads one line ``sochelp: …`` and one hint line in plain words that
names the valid values, and the exit status is 2. This module turns the parser's exceptions into
:class:`~sochelp.errors.UsageError` and knows the commands' other names (``sochelp quiz``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from sochelp.errors import UsageError

#: Other names for commands: what people type -> the command.
ALIASES: dict[str, str] = {"quiz": "scam-quiz"}


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The choice closest to a mistyped ``word`` (or None when nothing is close)."""
    import difflib

    lowered = word.lower()
    for choice in choices:
        if choice.startswith(lowered) and len(lowered) >= 3:
            return choice
    found = difflib.get_close_matches(lowered, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_command(word: str, commands: Sequence[str], parent: str = "sochelp") -> UsageError:
    """``sochelp reprot``: what went wrong and the closest command."""
    shown = printable(word)
    closest = suggest(word, [*commands, *ALIASES])
    closest = ALIASES.get(closest, closest) if closest else None
    listing = ", ".join(commands)
    if closest:
        hint = f"Did you mean {closest}? ({parent} {closest} --help says more.)"
    else:
        hint = f"The commands are: {listing}."
    where = "" if parent == "sochelp" else f" {parent.removeprefix('sochelp ')}"
    return UsageError(f"there is no{where} command '{shown}'.", hint=hint)


def printable(value: object, limit: int = 40) -> str:
    """A value the user typed, short and printable (escape codes shown, never run)."""
    text = str(value)
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- the parser's exceptions


def _option_name(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if opts:
        return str(opts[0])
    name = getattr(param, "name", None) or "value"
    if getattr(param, "param_type_name", "") == "argument":
        return str(getattr(param, "metavar", None) or name.upper())
    return str(name)


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if descriptor is not None else None
    if not choices:
        return []
    return [c.value if isinstance(c, Enum) else str(c) for c in choices]


def _number_kind(param: Any) -> str | None:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    inner = annotation
    args = getattr(annotation, "__args__", None)
    if args:
        inner = next((a for a in args if a is not type(None)), annotation)
    if inner is int:
        return "a whole number"
    if inner is float:
        return "a number"
    return None


def _range_text(param: Any) -> str | None:
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return f"from {_number(low)} to {_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    return f"at most {_number(high)}"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _given(error: BaseException) -> object | None:
    """The value the user gave, from the validation error underneath (if any)."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        try:
            details = errors()
        except Exception:
            return None
        if details:
            given: object = details[0].get("input")
            return given
    return None


def _help_hint(ctx: Any) -> str:
    path = getattr(ctx, "command_path", None) or "sochelp"
    return f"See '{path} --help'."


def translate(error: Exception, root: Any = None, args: Sequence[str] = ()) -> UsageError:
    """The parser's exception as one plain line and a hint naming what is valid.

    ``root`` (the application's command) and ``args`` find the command the words were for when
    the parser did not say (an option missing its value).
    """
    from typer._click import exceptions as parser

    ctx = getattr(error, "ctx", None) or _context_for(root, args)
    if isinstance(error, parser.NoSuchOption):
        return _no_such_option(error, ctx)
    if isinstance(error, parser.MissingParameter):
        return _missing(error, ctx)
    if isinstance(error, parser.BadParameter):
        return _bad_value(error, ctx)
    if isinstance(error, parser.BadOptionUsage):
        return _option_usage(error, ctx)
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    command = re.match(r"No such command '(.*)'\.", message)
    if command and ctx is not None:
        commands = list(getattr(ctx.command, "commands", {}))
        return unknown_command(command.group(1), commands, ctx.command_path)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return UsageError(
            f"{_name(ctx)} does not take '{printable(extra.group(1))}'.",
            hint=f"Put quotes around words that belong together. {_help_hint(ctx)}",
        )
    return UsageError(_plain_words(message), hint=_help_hint(ctx))


def _name(ctx: Any) -> str:
    """The command as the user knows it: ``scam-quiz``, ``content check``, ``sochelp``."""
    path = str(getattr(ctx, "command_path", "") or "sochelp")
    return path.removeprefix("sochelp ").strip() or "sochelp"


def _context_for(root: Any, args: Sequence[str]) -> Any:
    """A context for the (sub)command ``args`` name, or None."""
    if root is None:
        return None
    import typer

    ctx = typer.Context(root, info_name="sochelp")
    command = root
    for word in args:
        if word.startswith("-") or not hasattr(command, "get_command"):
            continue
        sub = command.get_command(ctx, word)
        if sub is None:
            break
        ctx = typer.Context(sub, info_name=word, parent=ctx)
        command = sub
    return ctx


def _plain_words(message: str) -> str:
    text = message.strip().rstrip(".")
    return (text[:1].lower() + text[1:] + ".") if text else "that command line cannot be used."


def _no_such_option(error: Any, ctx: Any) -> UsageError:
    name = printable(error.option_name)
    command = getattr(ctx, "command", None)
    options: list[str] = []
    for param in getattr(command, "params", []):
        options.extend(o for o in getattr(param, "opts", []) if o.startswith("--"))
    closest = suggest(error.option_name, options) if options else None
    hint = f"Did you mean {closest}? {_help_hint(ctx)}" if closest else _help_hint(ctx)
    where = "" if _name(ctx) == "sochelp" else f" for {_name(ctx)}"
    return UsageError(f"there is no option {name}{where}.", hint=hint)


def _missing(error: Any, ctx: Any) -> UsageError:
    param = error.param
    name = _option_name(param)
    help_text = (getattr(param, "help", None) or "").rstrip(".")
    what = f": {help_text[:1].lower()}{help_text[1:]}" if help_text else ""
    return UsageError(f"{_name(ctx)} needs {name}{what}.", hint=_help_hint(ctx))


def _bad_value(error: Any, ctx: Any) -> UsageError:
    param = getattr(error, "param", None)
    name = _option_name(param) if param is not None else "a value"
    given = _given(error)
    shown = f"'{printable(given)}'" if given is not None else "that"
    choices = _choices(param) if param is not None else []
    if choices:
        return UsageError(
            f"{shown} is not a value {name} knows.", hint=f"Use one of: {', '.join(choices)}."
        )
    kind = _number_kind(param) if param is not None else None
    if kind:
        span = _range_text(param)
        allowed = f"{kind} {span}" if span else kind
        example = getattr(param, "default", None)
        hint = f"For example: {name} {example}" if isinstance(example, int | float) else ""
        return UsageError(f"{name} must be {allowed}; {shown} is not.", hint=hint or None)
    path_problem = re.match(
        r"(?:file|directory|dir|path) '(.*)' (does not exist|is a file|is a directory|"
        r"is not readable|is not writable)\.",
        str(getattr(error, "message", "")),
        flags=re.IGNORECASE,
    )
    if path_problem:
        where, problem = path_problem.groups()
        plain = {
            "is a file": "is a file, not a folder",
            "is a directory": "is a folder, not a file",
            "is not readable": "cannot be read (permissions)",
            "is not writable": "cannot be written (permissions)",
        }.get(problem, problem)
        return UsageError(f"{name}: '{printable(where, 80)}' {plain}.", hint=_help_hint(ctx))
    reason = _plain_words(error.message) if getattr(error, "message", "") else "is not valid."
    reason = re.sub(r"^(value error, |input should be )", "", reason, flags=re.IGNORECASE)
    return UsageError(f"{name}: {reason}", hint=_help_hint(ctx))


#: The values of options that take free text but really know a list (for "needs a value").
KNOWN_VALUES = {
    "--region": "scotland, england-wales, northern-ireland",
    "-r": "scotland, england-wales, northern-ireland",
    "--channel": "sms, email, whatsapp, chat, call, web, letter, doorstep",
}


def _option_usage(error: Any, ctx: Any) -> UsageError:
    name = printable(getattr(error, "option_name", "") or "that option")
    message = error.format_message()
    if "requires an argument" in message or "requires" in message:
        param = _param_named(ctx, name)
        choices = _choices(param) if param is not None else []
        known = ", ".join(choices) or KNOWN_VALUES.get(name, "")
        hint = f"Use one of: {known}." if known else _help_hint(ctx)
        return UsageError(f"{name} needs a value.", hint=hint)
    return UsageError(f"{name}: {_plain_words(message)}", hint=_help_hint(ctx))


def _param_named(ctx: Any, option: str) -> Any:
    for param in getattr(getattr(ctx, "command", None), "params", []):
        if option in getattr(param, "opts", []):
            return param
    return None
