"""The streams a command talks to, and whether they are terminals (injectable for tests).

Two things are handled here once, at the stream level, for every command:

- **Encodings.** Where a stream cannot encode a character (``LC_ALL=C`` on an old system,
  ``PYTHONIOENCODING=ascii``, a cp1252 console), a readable ASCII replacement is written instead
  (– → -, ’ → ', £ → GBP, box drawing → + - |, ⚠ → !) rather than failing with
  UnicodeEncodeError. See :func:`readable_streams`.
- **Readers that go away.** When the program reading the output stops early (``sochelp report
  --list | head -3``), further output is dropped quietly and the command finishes with the exit
  status it would have had anyway. See :class:`OutputStream`.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import sys
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from typing import NoReturn, TextIO, cast


class OutputMode(Enum):
    """How results are drawn."""

    RICH = "rich"
    PLAIN = "plain"
    JSON = "json"


# ---------------------------------------------------------------- what a stream cannot encode

#: The name of the codec error handler that writes a readable ASCII stand-in.
READABLE_ERRORS = "sochelp-readable"

#: Readable ASCII for the characters sochelp's texts and views use. Anything else falls back to
#: its accent-free letter (é → e) or "?".
ASCII_STAND_INS: dict[str, str] = {
    "\u2013": "-",  # – en dash
    "\u2014": "--",  # — em dash
    "\u2012": "-",
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": ",",
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',
    "\u2032": "'",
    "\u2033": '"',
    "\u00ab": "<<",
    "\u00bb": ">>",
    "\u2026": "...",  # …
    "\u00a3": "GBP",  # £
    "\u20ac": "EUR",  # €
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200b": "",  # zero-width space
    "\u00b7": "-",  # · middle dot
    "\u2022": "*",  # • bullet
    "\u25cf": "*",
    "\u25aa": "*",
    "\u2023": ">",
    "\u00d7": "x",  # ×
    "\u00f7": "/",
    "\u2192": "->",  # →
    "\u2190": "<-",  # ←
    "\u2191": "^",
    "\u2193": "v",
    "\u21d2": "=>",
    "\u2264": "<=",  # ≤
    "\u2265": ">=",  # ≥
    "\u2260": "!=",
    "\u2248": "~",
    "\u00b1": "+/-",
    "\u2713": "v",  # ✓
    "\u2714": "v",
    "\u2717": "x",  # ✗
    "\u2718": "x",
    "\u26a0": "!",  # ⚠
    "\ufe0f": "",  # emoji variation selector
    "\u25b6": ">",  # ▶
    "\u25c0": "<",  # ◀
    "\u25b2": "^",
    "\u25bc": "v",
    "\u2588": "#",  # █ full block (score bars)
    "\u2591": "-",  # ░
    "\u2592": "-",
    "\u2593": "#",
    "\u00a9": "(c)",
    "\u00ae": "(R)",
    "\u2122": "(TM)",
    "\u00b0": " deg",
    "\u00bd": "1/2",
    "\u00bc": "1/4",
    "\u00be": "3/4",
}


def _box_stand_in(char: str) -> str | None:
    """+ - | for the box-drawing characters (U+2500 to U+257F), by their Unicode name."""
    if not "\u2500" <= char <= "\u257f":
        return None
    name = unicodedata.name(char, "")
    if "HORIZONTAL" in name and "VERTICAL" not in name:
        return "=" if "DOUBLE" in name else "-"
    if "VERTICAL" in name and "HORIZONTAL" not in name:
        return "|"
    if "DASH" in name:
        return "|" if "VERTICAL" in name else "-"
    return "+"


def ascii_stand_in(char: str) -> str:
    """A readable ASCII replacement for one character."""
    if char.isascii():
        return char
    known = ASCII_STAND_INS.get(char)
    if known is not None:
        return known
    box = _box_stand_in(char)
    if box is not None:
        return box
    bare = "".join(
        c
        for c in unicodedata.normalize("NFKD", char)
        if c.isascii() and not unicodedata.combining(c)
    )
    return bare or "?"


def ascii_text(text: str) -> str:
    """``text`` with every non-ASCII character replaced by its readable stand-in; a web
    address with non-ASCII letters in its name is written in punycode instead ("xn--ryalmail-
    ..."), as stripping its accents would show the very name it imitates."""
    if text.isascii():
        return text
    return "".join(ascii_stand_in(char) for char in punycode_hosts(text))


#: A web address or an email's domain (compiled on first use, by ``re``'s own cache: most
#: runs never write to a screen that cannot show every letter).
_HOST_IN_TEXT = (
    r"(?i)(?<![\w.-])((?:[a-z][a-z0-9+.-]{0,20}://)?)"
    r"([^\s/?#:@<>()\[\]\"'`,;]+\.[a-z]{2,24})(?![\w-])"
)


def punycode_hosts(text: str) -> str:
    """``text`` with every web address or email domain that has non-ASCII letters in its name
    written in punycode, for a stream that cannot show those letters."""
    if text.isascii() or "." not in text:
        return text
    return re.sub(_HOST_IN_TEXT, _punycode_host, text)


def _punycode_host(match: re.Match[str]) -> str:
    scheme, host = match.group(1), match.group(2)
    if host.isascii() or not any(not ch.isascii() and ch.isalpha() for ch in host):
        return match.group(0)
    from sochelp.render.safe import ascii_domain  # as the JSON's "domain" writes it

    return scheme + ascii_domain(host)


def _readable_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return ascii_text(error.object[error.start : error.end]), error.end


codecs.register_error(READABLE_ERRORS, _readable_errors)


def readable_text(text: str, encoding: str) -> str:
    """``text`` as a stream in ``encoding`` writes it: what it cannot encode replaced by its
    readable stand-in (so text can be laid out at its real width before it is written)."""
    text = punycode_hosts(text)
    return text.encode(encoding, errors=READABLE_ERRORS).decode(encoding, errors="replace")


def encodes_unicode(stream: object) -> bool:
    """True when ``stream`` can write any character (a UTF encoding, or unknown)."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return True
    return codecs.lookup(encoding).name.startswith("utf")


def readable_streams() -> None:
    """Make sys.stdout and sys.stderr write a readable stand-in for what they cannot encode.

    Done on the streams themselves, so every writer (views, prompts, help, error messages) is
    covered; a UTF-8 stream is left as it is.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is None or encodes_unicode(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and getattr(stream, "errors", None) != READABLE_ERRORS:
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                reconfigure(errors=READABLE_ERRORS)


# ---------------------------------------------------------------- a reader that goes away


class OutputStream(io.TextIOBase):
    """A text stream that stops writing quietly once its reader has gone (a broken pipe).

    The command goes on to its end and exits with its own status: whether ``sochelp report
    --list | head -3`` finishes writing before ``head`` exits is a matter of timing, and the
    exit status must not depend on it.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.broken = False

    @property
    def inner(self) -> TextIO:
        """The stream written to."""
        return self._stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        errors = getattr(self._stream, "errors", None)
        return errors if isinstance(errors, str) else None

    def _gone(self) -> None:
        self.broken = True
        silence(self._stream)

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._gone()
            except OSError as error:
                self._failed(error)
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._gone()
            except OSError as error:
                self._failed(error)

    def _failed(self, error: OSError) -> NoReturn:
        """A full disk or a failing device: said plainly (not as a bug), and nothing more is
        written to the stream."""
        from sochelp.errors import OutputError

        self._gone()
        reason = error.strerror or type(error).__name__
        raise OutputError(
            f"could not write the output ({reason}); what was written may be incomplete.",
            hint="Check the disk has space, or write somewhere else.",
        ) from None

    def isatty(self) -> bool:
        return _isatty(self._stream)

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False


def silence(stream: object) -> None:
    """Point the file descriptor under ``stream`` at /dev/null, so that nothing written to it
    later (the interpreter's last flush included) can fail again."""
    try:
        fileno = stream.fileno()  # type: ignore[attr-defined]
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def wrapped(stream: TextIO) -> TextIO:
    if isinstance(stream, OutputStream):
        return cast(TextIO, stream)
    return cast(TextIO, OutputStream(stream))


# ---------------------------------------------------------------- the environment

#: An environment that :meth:`Environment.from_sys` returns instead of the real streams (tests
#: run a whole command in-process "on a terminal" of a given width with it).
_OVERRIDE: ContextVar[Environment | None] = ContextVar("sochelp_environment", default=None)


def terminal_columns() -> int:
    """The terminal's width (COLUMNS when set, else the terminal's, else 80)."""
    import shutil

    return max(1, shutil.get_terminal_size((80, 24)).columns)


@dataclass
class Environment:
    """stdin/stdout/stderr with their terminal flags, read once per command."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    #: Colour may be used (NO_COLOR is not set and TERM is not "dumb").
    colour_allowed: bool
    #: Layout (tables, panels, wrapping to the width) may be used on a terminal: everything but
    #: TERM=dumb. NO_COLOR removes colour only.
    rich_allowed: bool = True
    #: The terminal's width; None means ask the terminal (tests fix it).
    columns: int | None = None

    @classmethod
    def from_sys(cls) -> Environment:
        """The process's real streams; NO_COLOR turns colour off, TERM=dumb the rich view."""
        override = _OVERRIDE.get()
        if override is not None:
            return override
        readable_streams()
        dumb = os.environ.get("TERM") == "dumb"
        return cls(
            stdin=sys.stdin,
            stdout=wrapped(sys.stdout),
            stderr=wrapped(sys.stderr),
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            colour_allowed=not os.environ.get("NO_COLOR") and not dumb,
            rich_allowed=not dumb,
        )

    @property
    def interactive(self) -> bool:
        """True when a person can answer prompts (stdin and stdout are terminals)."""
        return self.stdin_isatty and self.stdout_isatty

    def output_mode(self, json_output: bool) -> OutputMode:
        """JSON when asked; the rich view on a terminal (without colour under NO_COLOR);
        plain text off a terminal and with TERM=dumb."""
        if json_output:
            return OutputMode.JSON
        if self.stdout_isatty and self.rich_allowed:
            return OutputMode.RICH
        return OutputMode.PLAIN

    @property
    def stderr_rich(self) -> bool:
        """Whether progress and prompts on stderr may use rich layout and live displays."""
        return self.stderr_isatty and self.rich_allowed

    def width(self, stderr: bool = False) -> int | None:
        """The width to lay text out at on a terminal; None off a terminal (not wrapped)."""
        if not (self.stderr_isatty if stderr else self.stdout_isatty):
            return None
        return self.columns if self.columns is not None else terminal_columns()

    @property
    def unicode_out(self) -> bool:
        """Whether stdout can write any character (else ASCII stand-ins are written)."""
        stream = self.stdout.inner if isinstance(self.stdout, OutputStream) else self.stdout
        return encodes_unicode(stream)

    def out_encoding(self, stderr: bool = False) -> str:
        """The encoding of stdout (or stderr)."""
        return str(getattr(self.stderr if stderr else self.stdout, "encoding", None) or "utf-8")


class use_environment:  # noqa: N801 - used as a context manager, like a function
    """Within ``with use_environment(env):`` commands see ``env`` (for in-process tests)."""

    def __init__(self, env: Environment) -> None:
        self._env = env
        self._token: object = None

    def __enter__(self) -> Environment:
        self._token = _OVERRIDE.set(self._env)
        return self._env

    def __exit__(self, *_: object) -> None:
        _OVERRIDE.reset(self._token)  # type: ignore[arg-type]
