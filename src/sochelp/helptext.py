"""``--help``, ``sochelp help`` and the manual page, drawn from the application itself.

Readable value names (``N``, ``PATH``, ``REGION``; nothing like ``<int range>``), the allowed
values listed in words and never split mid-word, paragraphs wrapped to the terminal, and each
command's exit statuses. The manual page (``sochelp help --man``) is made from the same tree, so
it lists every command and option the program has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from sochelp.usage import ALIASES

#: Exit statuses of every command (README.md says the same), by command path.
EXIT_STATUS: dict[str, tuple[tuple[int, str], ...]] = {
    "sochelp": (
        (0, "done, nothing needs your attention"),
        (
            1,
            "something needs your attention: a weak or breached password, accounts to fix, "
            "warning signs in a message, problems found by content check",
        ),
        (2, "a mistake in the command line, or input or settings that cannot be used"),
        (3, "a check could not be completed (the breach service could not be reached)"),
        (70, "a bug in sochelp (run again with --debug and report it)"),
        (130, "interrupted with Ctrl-C"),
    ),
    "report": (
        (0, "shown (or the leaflet written); also when you leave the menu or a question"),
        (
            2,
            "unknown situation or region, unusable settings file, invalid content, a leaflet "
            "without one situation, --output or --large-print without --export",
        ),
        (130, "interrupted with Ctrl-C"),
    ),
    "signs": (
        (0, "shown (or the leaflet written)"),
        (2, "unknown topic or region, unusable settings file, invalid content"),
        (130, "interrupted with Ctrl-C"),
    ),
    "check-message": (
        (0, "no known warning signs found (that does not make it safe)"),
        (1, "some warning signs, or strong signs of a scam"),
        (2, "unusable input or options"),
        (
            3,
            "with --jsonl, some lines could not be checked; or the bundled Public Suffix List "
            "is missing or damaged (reinstall)",
        ),
        (130, "interrupted with Ctrl-C"),
    ),
    "scam-quiz": (
        (0, "finished, stopped with q, or input ran out (the answers so far are kept)"),
        (
            2,
            "bad options, unknown topic, no matching questions, --reset off a terminal "
            "without --yes, unusable settings file, invalid content",
        ),
        (130, "interrupted with Ctrl-C (the answers so far are kept)"),
    ),
    "password": (
        (0, "strong enough and not found in breaches (or the check was turned off)"),
        (1, "weaker than --min-score, or found in breaches"),
        (2, "wrong usage or unusable input (empty, not UTF-8, too long, a bad offline file)"),
        (3, "the breach check could not be completed, and the password is not weak"),
        (130, "interrupted with Ctrl-C"),
    ),
    "audit": (
        (0, "nothing to fix"),
        (1, "some passwords should be changed"),
        (2, "the file or options cannot be used"),
        (3, "some breach lookups failed and nothing else needs fixing"),
        (130, "interrupted with Ctrl-C"),
    ),
    "checkup": (
        (0, "the check-up ran, also when stopped with q or end of input (answers are kept)"),
        (
            2,
            "no audience off a terminal, unknown audience, --reset off a terminal without "
            "--yes, bad options, unusable settings file, invalid content, unusable returns",
        ),
        (130, "interrupted with Ctrl-C (the answers so far are kept)"),
    ),
    "config": (
        (0, "shown or changed"),
        (
            2,
            "unknown setting, a value that is not allowed, a settings file that cannot be "
            "read or written",
        ),
    ),
    "content": (
        (0, "no problems found"),
        (1, "problems, stale items or broken links found"),
        (2, "bad options, a folder that does not exist"),
    ),
    "content check": (
        (0, "no problems (and nothing stale)"),
        (1, "problems found, or items last checked more than --stale days ago"),
        (2, "bad options, a folder that does not exist"),
    ),
    "content links": (
        (0, "every address answered"),
        (1, "some addresses failed or moved to another site"),
        (2, "bad options, invalid content"),
    ),
    "about": ((0, "shown"), (2, "invalid content")),
    "help": ((0, "shown"), (2, "unknown command")),
    "completion": ((0, "script printed"), (2, "a shell sochelp cannot complete for")),
}

#: Value names for options whose name alone would not say what they take.
_VALUE_NAMES = {
    "count": "N",
    "seed": "N",
    "concurrency": "N",
    "export": "FORMAT",
    "export_format": "FORMAT",
    "difficulty": "LEVEL",
    "timeout": "SECONDS",
    "min_score": "SCORE",
    "output": "FILE",
    "content_dir": "DIR",
    "sender": "SENDER",
    "rollup": "PATH",
    "rollup_audience": "AUDIENCE",
    "user_input": "WORD",
    "stale": "DAYS",
}

#: Environment variables sochelp reads (for the manual page).
ENVIRONMENT = (
    ("SOCHELP_REGION", "Your region for this session (overrides the settings file)."),
    ("SOCHELP_CONFIG_DIR", "The folder of the settings file (config.toml)."),
    ("SOCHELP_DATA_DIR", "The folder quiz and check-up progress is kept in."),
    ("SOCHELP_CACHE_DIR", "The content cache folder (empty: no cache)."),
    ("SOCHELP_CONTENT_DIR", "A folder of local content laid over the bundled content."),
    ("SOCHELP_TODAY", "The date to treat as today (YYYY-MM-DD), to preview what will be stale."),
    ("SOCHELP_RANGE_API", "Base address of a self-hosted Pwned Passwords range service."),
    ("NO_COLOR", "Set to anything: no colour (the layout stays)."),
    ("TERM", "dumb: plain text, no layout."),
    ("COLUMNS", "The width to lay text out at on a terminal."),
)


# ---------------------------------------------------------------- describing parameters


def wrap_text(text: str, width: int | None) -> str:
    """:func:`sochelp.render.layout.wrap_text`, imported only when help is drawn."""
    from sochelp.render.layout import wrap_text as wrap

    return wrap(text, width)


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if descriptor is not None else None
    return [c.value if isinstance(c, Enum) else str(c) for c in choices or ()]


def _annotation(param: Any) -> Any:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    args = getattr(annotation, "__args__", None)
    if args:
        for arg in args:
            if arg is not type(None):
                inner = getattr(arg, "__args__", None)
                return inner[0] if inner else arg
    return annotation


def is_flag(param: Any) -> bool:
    """True for an option that takes no value (--json)."""
    return bool(getattr(param, "is_flag", False)) or _annotation(param) is bool


def value_name(param: Any) -> str:
    """What a parameter takes, in capitals: N, PATH, REGION, FORMAT…; "" for a flag."""
    if is_flag(param):
        return ""
    metavar = getattr(param, "metavar", None)
    if metavar:
        return str(metavar).strip("<>").upper()
    name = str(getattr(param, "name", "") or "value")
    if name in _VALUE_NAMES:
        return _VALUE_NAMES[name]
    annotation = _annotation(param)
    if annotation in (int, float) and getattr(param, "param_type_name", "") == "option":
        return "N"
    if annotation is Path:
        return "PATH"
    return name.upper().replace("_", "-")


def term(param: Any) -> str:
    """The left column: ``-n, --count N`` or ``SITUATION...``."""
    if getattr(param, "param_type_name", "") == "argument":
        name = value_name(param)
        return name + ("..." if getattr(param, "nargs", 1) == -1 else "")
    opts = sorted(getattr(param, "opts", []), key=lambda o: (o.startswith("--"), o))
    names = ", ".join([*opts, *getattr(param, "secondary_opts", [])])
    value = value_name(param)
    return f"{names} {value}" if value else names


def _default_text(param: Any) -> str | None:
    if is_flag(param) or getattr(param, "param_type_name", "") == "argument":
        return None
    if getattr(param, "show_default", None) is False:
        return None
    default = getattr(param, "default", None)
    if default is None or default == () or default == [] or callable(default):
        return None
    if isinstance(default, Enum):
        default = default.value
    return str(default)


def _range_text(param: Any) -> str | None:
    low, high = getattr(param, "min", None), getattr(param, "max", None)

    def number(value: object) -> str:
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)

    if low is not None and high is not None:
        return f"From {number(low)} to {number(high)}."
    if low is not None:
        return f"At least {number(low)}."
    if high is not None:
        return f"At most {number(high)}."
    return None


def description(param: Any) -> str:
    """What a parameter does, with its allowed values, range and default in words."""
    parts = [str(getattr(param, "help", None) or "").strip()]
    choices = _choices(param)
    if choices:
        name = value_name(param) or "It"
        parts.append(f"{name} is one of: {', '.join(choices)}.")
    span = _range_text(param)
    if span:
        parts.append(span)
    default = _default_text(param)
    if default is not None:
        parts.append(f"Default: {default}.")
    return " ".join(p for p in parts if p)


def usage_line(command: Any, path: str) -> str:
    """``Usage: sochelp report [OPTIONS] [SITUATION]...``."""
    pieces = [path, "[OPTIONS]"]
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") != "argument":
            continue
        piece = value_name(param) + ("..." if getattr(param, "nargs", 1) == -1 else "")
        pieces.append(piece if getattr(param, "required", False) else f"[{piece}]")
    if isinstance(command, typer.core.TyperGroup):
        pieces.append("COMMAND [ARGS]...")
    return "Usage: " + " ".join(pieces)


# ---------------------------------------------------------------- help text


def paragraphs(text: str | None) -> list[str]:
    """A help string as paragraphs, its hard line breaks joined (they were for the source)."""
    if not text:
        return []
    blocks = re.split(r"\n\s*\n", text.strip())
    out = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined and not joined.startswith("Exit status:"):
            out.append(joined)
    return out


def columns(head: str, text: str, column: int, width: int) -> list[str]:
    """``head`` padded to ``column``, then ``text`` wrapped with later lines under it."""
    from sochelp.render.layout import line_ranges

    ranges = line_ranges(text, width, column, column)
    if not ranges:
        return [head.rstrip()]
    lines = []
    for number, (start, end) in enumerate(ranges):
        prefix = head.ljust(column) if number == 0 else " " * column
        lines.append(prefix + text[start:end])
    return lines


def _definition_list(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Two columns when there is room; otherwise each term on its own line, its text below."""
    if not rows:
        return []
    column = min(max(len(name) for name, _ in rows) + 4, 28) if width >= 60 else 6
    lines: list[str] = []
    for name, text in rows:
        head = f"  {name}"
        if len(head) + 2 > column:
            lines.append(head)
            if text:
                lines.extend(columns("", text, column, width))
        else:
            lines.extend(columns(head, text, column, width) if text else [head])
    return lines


def exit_rows(key: str) -> tuple[tuple[int, str], ...] | None:
    """The exit statuses of a command (a subcommand without its own: its group's)."""
    while key not in EXIT_STATUS and " " in key:
        key = key.rsplit(" ", 1)[0]
    return EXIT_STATUS.get(key)


def exit_lines(key: str, width: int) -> list[str]:
    """The exit statuses of a command, as lines."""
    rows = exit_rows(key)
    if not rows:
        return []
    lines = ["Exit status:"]
    for code, meaning in rows:
        lines.extend(columns(f"  {code}", meaning, 7, width))
    return lines


def command_key(path: str) -> str:
    """``sochelp content check`` -> ``content check`` (the key of :data:`EXIT_STATUS`)."""
    return path.removeprefix("sochelp").strip() or "sochelp"


def _also(name: str) -> str:
    others = [alias for alias, target in ALIASES.items() if target == name]
    return f" (also: {', '.join(others)})" if others else ""


def help_text(command: Any, path: str, width: int) -> str:
    """The whole ``--help`` of ``command`` (a command or a group) at ``width`` columns."""
    width = max(width, 30)
    lines = wrap_text(usage_line(command, path), width).split("\n")
    key = command_key(path)
    others = [alias for alias, target in ALIASES.items() if target == key]
    if others:
        lines.append("   or: " + ", ".join(f"sochelp {o}" for o in others))
    for paragraph in paragraphs(getattr(command, "help", None)):
        lines.append("")
        lines.extend(wrap_text(paragraph, width).split("\n"))
    if isinstance(command, typer.core.TyperGroup):
        rows = []
        ctx = typer.Context(command, info_name=path)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or getattr(sub, "hidden", False):
                continue
            short = sub.get_short_help_str(limit=200)
            rows.append((name, short + _also(name)))
        lines.extend(["", "Commands:", *_definition_list(rows, width)])
    arguments = [
        (term(p), description(p))
        for p in getattr(command, "params", [])
        if getattr(p, "param_type_name", "") == "argument"
    ]
    if arguments:
        lines.extend(["", "Arguments:", *_definition_list(arguments, width)])
    options = [
        (term(p), description(p))
        for p in getattr(command, "params", [])
        if getattr(p, "param_type_name", "") == "option" and not getattr(p, "hidden", False)
    ]
    options.append(("-h, --help", "Show this help."))
    lines.extend(["", "Options:", *_definition_list(options, width)])
    for paragraph in paragraphs(getattr(command, "epilog", None)):
        lines.append("")
        lines.extend(wrap_text(paragraph, width).split("\n"))
    exits = exit_lines(key, width)
    if exits:
        lines.extend(["", *exits])
    if isinstance(command, typer.core.TyperGroup) and key == "sochelp":
        lines.extend(
            [
                "",
                *wrap_text(
                    "Run 'sochelp help COMMAND' (or 'sochelp COMMAND --help') for a command's "
                    "options; 'sochelp help --man' prints the manual page.",
                    width,
                ).split("\n"),
            ]
        )
    return "\n".join(lines) + "\n"


def help_width() -> int:
    """The terminal's width for help (80 when it is not a terminal, as man pages do)."""
    import sys

    from sochelp.environment import terminal_columns

    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    return terminal_columns() if tty else 80


# ---------------------------------------------------------------- walking the tree


@dataclass(frozen=True)
class Entry:
    """One command of the application with its full path."""

    path: str
    command: Any


def walk(root: Any, path: str = "sochelp") -> Iterator[Entry]:
    """Every command and group, depth first, in --help order."""
    yield Entry(path, root)
    if isinstance(root, typer.core.TyperGroup):
        ctx = typer.Context(root, info_name=path)
        for name in root.list_commands(ctx):
            sub = root.get_command(ctx, name)
            if sub is not None and not getattr(sub, "hidden", False):
                yield from walk(sub, f"{path} {name}")


# ---------------------------------------------------------------- the manual page


def _roff(text: str) -> str:
    """Text safe in a roff paragraph (non-ASCII characters as groff's \\[uXXXX] escapes)."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if c.isascii() else f"\\[u{ord(c):04X}]" for c in text)
    return "\n".join(
        ("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def _roff_term(text: str) -> str:
    parts = text.split(" ")
    out = []
    for part in parts:
        if part.startswith("-"):
            out.append("\\fB" + _roff(part) + "\\fR")
        elif part.isupper() or part.endswith("..."):
            out.append("\\fI" + _roff(part) + "\\fR")
        else:
            out.append(_roff(part))
    return " ".join(out)


def man_page(root: Any, version: str) -> str:
    """The manual page sochelp(1) in roff."""
    out = [
        f'.TH SOCHELP 1 "" "sochelp {version}" "User Commands"',
        ".nh",
        ".SH NAME",
        "sochelp \\- be a harder target for scams and organised crime",
        ".SH SYNOPSIS",
        ".B sochelp",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
    ]
    for paragraph in paragraphs(getattr(root, "help", None)):
        out.extend([_roff(paragraph), ".PP"])
    out.append(".SH OPTIONS")
    for param in root.params:
        if getattr(param, "param_type_name", "") == "option":
            out.extend([".TP", _roff_term(term(param)), _roff(description(param))])
    out.extend([".TP", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR", "Show the help."])
    out.append(".SH COMMANDS")
    for entry in list(walk(root))[1:]:
        command = entry.command
        out.append(f'.SS "{_roff(usage_line(command, entry.path).removeprefix("Usage: "))}"')
        others = [a for a, t in ALIASES.items() if t == command_key(entry.path)]
        if others:
            out.append(_roff("Also: " + ", ".join(f"sochelp {o}" for o in others) + "."))
            out.append(".PP")
        for paragraph in paragraphs(getattr(command, "help", None)):
            out.extend([_roff(paragraph), ".PP"])
        for param in getattr(command, "params", []):
            if getattr(param, "hidden", False):
                continue
            out.extend([".TP", _roff_term(term(param)), _roff(description(param) or ".")])
        for paragraph in paragraphs(getattr(command, "epilog", None)):
            out.extend([".PP", _roff(paragraph)])
        rows = exit_rows(command_key(entry.path))
        if rows:
            out.extend(
                [
                    ".PP",
                    "Exit status: "
                    + _roff("; ".join(f"{code} {meaning}" for code, meaning in rows))
                    + ".",
                ]
            )
    out.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS["sochelp"]:
        out.extend([".TP", f"\\fB{code}\\fR", _roff(meaning[:1].upper() + meaning[1:] + ".")])
    out.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        out.extend([".TP", f"\\fB{_roff(name)}\\fR", _roff(meaning)])
    out.extend(
        [
            ".SH FILES",
            ".TP",
            "\\fIconfig.toml\\fR",
            _roff(
                "Your settings (region, quiz.audience, checkup.audience) in the user config "
                "folder; 'sochelp config path' prints where. Change them with 'sochelp config "
                "set KEY VALUE'."
            ),
            ".SH SEE ALSO",
            _roff("'sochelp help COMMAND' and 'sochelp COMMAND --help'."),
        ]
    )
    return "\n".join(out) + "\n"
