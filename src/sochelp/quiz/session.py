"""Driving a quiz session through a :class:`~sochelp.prompting.Prompter`: ask, read, score, save,
explain. Output goes through a :class:`Display`, so the same loop runs in a terminal, from piped
stdin, and in tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sochelp.prompting import Prompter
from sochelp.quiz.content import Format
from sochelp.quiz.engine import (
    CONFIDENCE_LEVELS,
    Answer,
    Item,
    Parsed,
    Stop,
    answer_hint,
    parse_answer,
    score,
)

CONFIDENCE_PROMPT = (
    "How sure are you? "
    + ", ".join(f"{level} {label}" for level, (label, _) in CONFIDENCE_LEVELS.items())
    + ": "
)


class Display(Protocol):
    """Where the session shows questions, feedback and problems with typed answers."""

    def question(self, item: Item) -> None:
        """Show a question with its scenario and options."""
        ...

    def feedback(self, answer: Answer) -> None:
        """Show whether the answer was right, the red flags and what to do."""
        ...

    def problem(self, text: str) -> None:
        """Say what was wrong with a typed answer (it will be asked again)."""
        ...


def answer_prompt(item: Item) -> str:
    """The prompt for one question."""
    if item.multi:
        return f"Choose all that apply, e.g. A,C ({answer_hint(item)}; q to stop): "
    if item.question.format is Format.SCAM_OR_GENUINE:
        return "Your answer: S for scam, G for genuine (q to stop): "
    return f"Your answer ({answer_hint(item)}; q to stop): "


def run_session(
    items: Sequence[Item],
    prompter: Prompter,
    display: Display,
    *,
    ask_confidence: bool = False,
    on_answer: Callable[[Answer], None] | None = None,
) -> tuple[list[Answer], Stop]:
    """Ask every item in turn until the end, 'q', end of input or Ctrl-C.

    Each answer is passed to ``on_answer`` (which saves progress) as soon as it is scored, so
    stopping in any way keeps what was answered.
    """
    answers: list[Answer] = []
    try:
        for item in items:
            display.question(item)
            parsed = _read_answer(item, prompter, display)
            if parsed is None:
                return answers, Stop.END_OF_INPUT
            if parsed.quit:
                return answers, Stop.QUIT
            confidence: int | None = None
            stop: Stop | None = None
            if ask_confidence:
                confidence, stop = _read_confidence(prompter, display)
            answer = score(item, parsed.chosen, confidence)
            answers.append(answer)
            if on_answer is not None:
                on_answer(answer)
            display.feedback(answer)
            if stop is not None:
                return answers, stop
    except KeyboardInterrupt:
        return answers, Stop.INTERRUPTED
    return answers, Stop.FINISHED


def _read_answer(item: Item, prompter: Prompter, display: Display) -> Parsed | None:
    prompt = answer_prompt(item)
    while True:
        line = prompter.ask(prompt)
        if line is None:
            return None
        parsed = parse_answer(item, line)
        if parsed.error is None:
            return parsed
        display.problem(parsed.error)


def _read_confidence(prompter: Prompter, display: Display) -> tuple[int | None, Stop | None]:
    """A confidence level, or (None, why we stop) on 'q' or end of input."""
    while True:
        line = prompter.ask(CONFIDENCE_PROMPT)
        if line is None:
            return None, Stop.END_OF_INPUT
        text = line.strip().lower()
        if text in {"q", "quit", "stop", "exit"}:
            return None, Stop.QUIT
        if text.isdigit() and int(text) in CONFIDENCE_LEVELS:
            return int(text), None
        display.problem(f"Please type a number from 1 to {len(CONFIDENCE_LEVELS)}, or q to stop.")
