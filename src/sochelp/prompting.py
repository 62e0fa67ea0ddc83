"""One small, injectable layer for asking questions, so interactive engines (menus, quiz,
check-up) run the same in a terminal, from piped stdin, and in tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sochelp.environment import Environment
from sochelp.render.safe import shown

#: Longest answer line accepted; anything longer is treated as invalid input.
MAX_ANSWER_CHARS = 1000


class Prompter(Protocol):
    """Asks one question and returns the answer line, or None at end of input (EOF)."""

    def ask(self, prompt: str) -> str | None:
        """Show ``prompt`` (if anyone can see it) and read one line."""
        ...

    def say(self, text: str) -> None:
        """Show a line to the person answering (nothing when answers are scripted)."""
        ...


@dataclass
class StreamPrompter:
    """Reads answers from the environment's stdin; prompts go to stderr only on a terminal."""

    env: Environment

    def ask(self, prompt: str) -> str | None:
        if self.env.stdin_isatty:
            self.env.stderr.write(shown(prompt))
            self.env.stderr.flush()
        line = self.env.stdin.readline(MAX_ANSWER_CHARS + 2)
        if line == "":
            return None
        if len(line) > MAX_ANSWER_CHARS and not line.endswith("\n"):
            # Swallow the rest of an absurdly long line so it is not read as further answers.
            while True:
                rest = self.env.stdin.readline(64 * 1024)
                if rest == "" or rest.endswith("\n"):
                    break
            return "\x00too-long"
        return line.rstrip("\r\n")

    def say(self, text: str) -> None:
        """Show a line; content and echoed answers can hold control characters, so every line
        is made safe here (:func:`sochelp.render.safe.shown`)."""
        if self.env.stdin_isatty:
            width = self.env.width(stderr=True)
            text = shown(text)
            if width is not None and len(text) > width:
                from sochelp.render.layout import wrap_line

                text = "\n".join(wrap_line(text, width))
            self.env.stderr.write(text + "\n")
            self.env.stderr.flush()


@dataclass
class ScriptedPrompter:
    """Answers from a list (for tests); None once the list runs out, like EOF."""

    answers: Sequence[str]
    asked: list[str] | None = None
    _position: int = 0

    def ask(self, prompt: str) -> str | None:
        if self.asked is not None:
            self.asked.append(prompt)
        if self._position >= len(self.answers):
            return None
        answer = self.answers[self._position]
        self._position += 1
        return answer

    def say(self, text: str) -> None:
        return None


def choose_from_menu(
    prompter: Prompter,
    options: Sequence[str],
    *,
    question: str,
    is_valid: Callable[[int], bool] | None = None,
) -> int | None:
    """Ask for a number from 1..len(options) until valid; None on EOF or 'q'."""
    for number, option in enumerate(options, start=1):
        prompter.say(f"  {number:>2}. {option}")
    while True:
        answer = prompter.ask(f"{question} [1-{len(options)}, q to quit]: ")
        if answer is None or answer.strip().lower() in {"q", "quit"}:
            return None
        text = answer.strip()
        if text.isdigit() and 1 <= int(text) <= len(options):
            choice = int(text) - 1
            if is_valid is None or is_valid(choice):
                return choice
        prompter.say(f"Please type a number from 1 to {len(options)}, or q to quit.")


# ---------------------------------------------------------------- stopping at a prompt

#: How a prompt was left, in the one wording every prompt and menu uses.
CTRL_C = "Ctrl-C"
END_OF_INPUT = "end of input"


def stopped(how: str, outcome: str) -> str:
    """``stopped (Ctrl-C); nothing was deleted.``: what every prompt says when it is left."""
    return f"stopped ({how}); {outcome}"


def ask_line(prompter: Prompter, prompt: str, *, outcome: str) -> str:
    """One answer; Ctrl-C and end of input stop the command, saying ``outcome``."""
    from sochelp.errors import InputEndedError, UserInterruptError

    try:
        answer = prompter.ask(prompt)
    except KeyboardInterrupt:
        raise UserInterruptError(stopped(CTRL_C, outcome)) from None
    if answer is None:
        raise InputEndedError(stopped(END_OF_INPUT, outcome))
    return answer


#: Answers that mean yes or no to a [y/n] question.
YES = frozenset({"y", "yes"})
NO = frozenset({"n", "no"})


def confirm(prompter: Prompter, question: str, *, default: bool, outcome: str) -> bool:
    """Ask a yes/no question; Enter takes the default (shown in capitals)."""
    choices = "[Y/n]" if default else "[y/N]"
    for _ in range(3):
        answer = ask_line(prompter, f"{question} {choices}: ", outcome=outcome).strip().lower()
        if not answer:
            return default
        if answer in YES:
            return True
        if answer in NO:
            return False
        prompter.say("Please type y for yes or n for no.")
    return default


def choose(
    prompter: Prompter,
    options: Sequence[str],
    *,
    question: str,
    outcome: str,
) -> int | None:
    """:func:`choose_from_menu`, where Ctrl-C and end of input stop the command with one line
    saying ``outcome``; None when q was typed."""
    from sochelp.errors import InputEndedError, UserInterruptError

    ended: list[bool] = []

    def noting_end(prompt: str) -> str | None:
        answer = prompter.ask(prompt)
        if answer is None:
            ended.append(True)
        return answer

    watcher = _Watching(prompter, noting_end)
    try:
        choice = choose_from_menu(watcher, options, question=question)
    except KeyboardInterrupt:
        raise UserInterruptError(stopped(CTRL_C, outcome)) from None
    if ended:
        raise InputEndedError(stopped(END_OF_INPUT, outcome))
    return choice


@dataclass
class _Watching:
    inner: Prompter
    asking: Callable[[str], str | None]

    def ask(self, prompt: str) -> str | None:
        return self.asking(prompt)

    def say(self, text: str) -> None:
        self.inner.say(text)
