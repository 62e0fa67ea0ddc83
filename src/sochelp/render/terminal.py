"""Talking to a person at a terminal during an interactive activity."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from sochelp.environment import Environment
from sochelp.prompting import Prompter
from sochelp.render.safe import shown_line
from sochelp.session.core import Ending


def text_width() -> int:
    """The width to wrap prompts at: the terminal's (at most 100 columns, for reading)."""
    return max(10, min(shutil.get_terminal_size((80, 24)).columns, 101) - 1)


@dataclass
class WrappingPrompter:
    """Wraps what a prompter says to the terminal width, so long questions and help lines break
    between words, never inside an address or a phone number (with list items indented under
    their first line)."""

    inner: Prompter
    width: int

    def ask(self, prompt: str) -> str | None:
        return self.inner.ask(prompt)

    def say(self, text: str) -> None:
        from sochelp.render.layout import wrap_line

        for line in wrap_line(text, self.width):
            self.inner.say(line)


@dataclass
class CheckupDisplay:
    """The check-up's questions go through the prompter (silent when answers are piped);
    problems with piped answers go to stderr so a script learns a line was skipped."""

    prompter: Prompter
    env: Environment

    def say(self, text: str) -> None:
        self.prompter.say(text)

    def warn(self, text: str) -> None:
        if not self.env.stdin_isatty:
            self.env.stderr.write(f"sochelp: {shown_line(text)}\n")
            self.env.stderr.flush()

    def end(self, ending: Ending) -> None:
        if ending is Ending.END_OF_INPUT and self.env.stdin_isatty:
            self.env.stderr.write("\n")  # Ctrl-D left the cursor after the prompt
            self.env.stderr.flush()
