"""The streams a command talks to, and whether they are terminals (injectable for tests)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from typing import TextIO


class OutputMode(Enum):
    """How results are drawn."""

    RICH = "rich"
    PLAIN = "plain"
    JSON = "json"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    """stdin/stdout/stderr with their terminal flags, read once per command."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    colour_allowed: bool

    @classmethod
    def from_sys(cls) -> Environment:
        """The process's real streams; NO_COLOR and TERM=dumb turn the rich view off."""
        colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        return cls(
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            colour_allowed=colour,
        )

    @property
    def interactive(self) -> bool:
        """True when a person can answer prompts (stdin and stdout are terminals)."""
        return self.stdin_isatty and self.stdout_isatty

    def output_mode(self, json_output: bool) -> OutputMode:
        """JSON when asked; the rich view on a colour terminal; plain text otherwise."""
        if json_output:
            return OutputMode.JSON
        if self.stdout_isatty and self.colour_allowed:
            return OutputMode.RICH
        return OutputMode.PLAIN

    @property
    def stderr_rich(self) -> bool:
        """Whether progress and errors on stderr may use colour and live displays."""
        return self.stderr_isatty and self.colour_allowed
