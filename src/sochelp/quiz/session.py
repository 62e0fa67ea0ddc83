"""Running a quiz session: ask, read, score, save, explain.

Input comes through a :class:`~sochelp.prompting.Prompter` and output goes through a
:class:`Display`, so the same loop runs in a terminal, from piped stdin, and in tests. Progress is
saved after every answer, so stopping in any way keeps what was answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from sochelp.prompting import Prompter
from sochelp.quiz.content import Format, QuizContent
from sochelp.quiz.engine import (
    CONFIDENCE_LEVELS,
    Answer,
    Item,
    Parsed,
    Summary,
    answer_hint,
    leitner_move,
    parse_answer,
    score,
    session_record,
    summarise,
)
from sochelp.quiz.progress import QuizStore
from sochelp.session.core import Clock, Ending, drive, is_quit

CONFIDENCE_PROMPT = (
    "How sure are you? "
    + ", ".join(f"{level} {label}" for level, (label, _) in CONFIDENCE_LEVELS.items())
    + ": "
)


class Display(Protocol):
    """Where the session shows questions, feedback and problems with typed answers."""

    def start(self, total: int) -> None:
        """Say how many questions there are and how to answer."""
        ...

    def question(self, item: Item) -> None:
        """Show a question with its scenario and options."""
        ...

    def feedback(self, answer: Answer) -> None:
        """Show whether the answer was right, the red flags and what to do."""
        ...

    def problem(self, text: str) -> None:
        """Say what was wrong with a typed answer (it will be asked again)."""
        ...

    def end(self, ending: Ending) -> None:
        """The session is over (e.g. end the line a Ctrl-C or Ctrl-D left the cursor on)."""
        ...


def answer_prompt(item: Item) -> str:
    """The prompt for one question."""
    if item.multi:
        return f"Choose all that apply, e.g. A,C ({answer_hint(item)}; q to stop): "
    if item.question.format is Format.SCAM_OR_GENUINE:
        return "Your answer: S for scam, G for genuine (q to stop): "
    return f"Your answer ({answer_hint(item)}; q to stop): "


def run_quiz(
    items: Sequence[Item],
    prompter: Prompter,
    display: Display,
    store: QuizStore,
    clock: Clock,
    *,
    content: QuizContent,
    ask_confidence: bool = False,
) -> Summary:
    """Ask every item until the end, 'q', end of input or Ctrl-C; save after each answer."""
    started = clock.now().isoformat(timespec="seconds")
    today = clock.today()
    progress = store.progress
    answers: list[Answer] = []

    def ask(item: Item) -> Ending | None:
        display.question(item)
        parsed = _read_answer(item, prompter, display)
        if parsed is None:
            return Ending.END_OF_INPUT
        if parsed.quit:
            return Ending.QUIT
        confidence, ending = _read_confidence(prompter, display) if ask_confidence else (None, None)
        answer = score(item, parsed.chosen, confidence)
        answers.append(answer)
        qid = answer.question_id
        progress.cards[qid] = leitner_move(progress.cards.get(qid), answer.correct, today)
        progress.record_session(session_record(started, answers), update_last=len(answers) > 1)
        store.save()
        display.feedback(answer)
        return ending

    display.start(len(items))
    ending = drive(items, ask)
    saved = bool(answers) and store.save()  # again, in case Ctrl-C arrived during the last save
    display.end(ending)
    summary = summarise(answers, len(items), ending, content)
    return replace(summary, saved=saved, notices=tuple(store.notices))


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


def _read_confidence(prompter: Prompter, display: Display) -> tuple[int | None, Ending | None]:
    """A confidence level, or (None, why we stop) on 'q' or end of input."""
    while True:
        line = prompter.ask(CONFIDENCE_PROMPT)
        if line is None:
            return None, Ending.END_OF_INPUT
        text = line.strip().lower()
        if is_quit(text):
            return None, Ending.QUIT
        if text.isdigit() and int(text) in CONFIDENCE_LEVELS:
            return int(text), None
        display.problem(f"Please type a number from 1 to {len(CONFIDENCE_LEVELS)}, or q to stop.")
