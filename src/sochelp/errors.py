"""Errors a user can act on, and the exit codes the program uses.

Every failure a user can cause or fix is a :class:`SochelpError`. The single error boundary in
:mod:`sochelp.cli` prints its message and hint on stderr and exits with its code; no traceback is
shown unless ``--debug`` is given. Messages must never contain a secret (a password or its hash).

Messages often quote what the user gave (a file name, a typed word, an id from an overlay), so
every message and hint is passed through :func:`sochelp.render.safe.shown_line` here, once for
all: an escape sequence in a file name is shown as ``<U+001B>``, never run by the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar

from sochelp.render.safe import shown_line


class ExitCode(IntEnum):
    """Exit statuses shared by every command (documented in README.md)."""

    OK = 0
    #: Something needs your attention: a weak or breached password, a scam-like message,
    #: content problems found by ``content check``.
    FINDINGS = 1
    #: Wrong usage or unusable input (bad option, unreadable file, invalid content).
    USAGE = 2
    #: A check could not be completed (for example the breach service was unreachable).
    INCOMPLETE = 3
    #: A bug in sochelp (an unexpected exception); ``--debug`` shows the traceback.
    INTERNAL = 70
    #: The terminal hung up (SIGHUP): stopped cleanly, as for Ctrl-C (128 + 1).
    HANGUP = 129
    #: Interrupted with Ctrl-C.
    INTERRUPTED = 130
    #: Asked to stop with SIGTERM (``kill``, a service manager): stopped cleanly (128 + 15).
    TERMINATED = 143


class SochelpError(Exception):
    """A problem the user can understand and act on."""

    exit_code: ExitCode = ExitCode.USAGE
    #: Whether the message may run over several lines (each line is still made safe).
    multiline: ClassVar[bool] = False

    def __init__(self, message: str, hint: str | None = None) -> None:
        lines = message.split("\n") if self.multiline else [message]
        message = "\n".join(shown_line(line) for line in lines)
        super().__init__(message)
        self.message = message
        self.hint = shown_line(hint) if hint is not None else None


class UsageError(SochelpError):
    """The command was called in a way that cannot work."""


class InputError(SochelpError):
    """The input (a file, stdin, a typed answer) cannot be used."""


class ServiceError(SochelpError):
    """A remote or local data service failed (network, unexpected response, corrupt file)."""

    exit_code = ExitCode.INCOMPLETE


class UserInterruptError(SochelpError):
    """The user pressed Ctrl-C; the message says what was (or was not) kept.

    Messages read ``stopped (Ctrl-C); what happened`` (see :func:`sochelp.prompting.stopped`).
    """

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, message: str = "stopped (Ctrl-C).", hint: str | None = None) -> None:
        super().__init__(message, hint)


class InputEndedError(SochelpError):
    """Input ended (Ctrl-D, or the end of piped answers) at a prompt or menu: the message says
    what happened, ``stopped (end of input); …``. Exit status 0 unless ``exit_code`` says."""

    def __init__(
        self, message: str, hint: str | None = None, exit_code: ExitCode = ExitCode.OK
    ) -> None:
        super().__init__(message, hint)
        self.exit_code = exit_code


class StorageError(SochelpError):
    """Local saved progress could not be read or written."""


class OutputError(SochelpError):
    """Output could not be written: a file the user asked for (``--output``), or standard
    output itself (a full disk)."""


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong in a content file: where it is and what is wrong."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return shown_line(f"{where}: {self.reason}")


class ContentError(SochelpError):
    """Content files are missing or invalid; carries every problem found."""

    multiline = True

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        if count == 1:  # one line, as for any other error
            message = f"The content files have 1 problem: {self.problems[0]}"
        else:
            lines = "\n".join(f"  {problem}" for problem in self.problems)
            message = f"The content files have {count} problems:\n{lines}"
        super().__init__(
            message,
            hint="Fix the file named, or run 'sochelp content check' to list problems."
            if count == 1
            else "Fix the files named above, or run 'sochelp content check' to list problems.",
        )
