"""The question loop over a scripted prompter: answers, help, invalid input, q, EOF, Ctrl-C."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sochelp.checkup.content import Item
from sochelp.checkup.engine import Answer
from sochelp.checkup.session import MAX_INVALID_PER_QUESTION, Outcome, explain, run_session
from sochelp.prompting import ScriptedPrompter


def make(item_id: str) -> Item:
    return Item(
        id=item_id,
        audience="individual",
        section="Section",
        title=f"Title {item_id}",
        question=f"Question {item_id}?",
        why=f"Why {item_id} matters.",
        steps=[f"Step for {item_id}."],
        effort=1,
        impact=3,
        links=["https://example.org/source"],
        report_situation="fraud-loss",
        signs_guide="money-mule",
        quiz_topic="phishing",
        checked=dt.date(2026, 1, 1),
    )


ITEMS = [make("a"), make("b"), make("c")]


class Recorder:
    """A prompter that records everything said, answering from a list then raising or EOF."""

    def __init__(self, answers: list[str], *, interrupt_at_end: bool = False) -> None:
        self.answers = list(answers)
        self.said: list[str] = []
        self.prompts: list[str] = []
        self.interrupt_at_end = interrupt_at_end

    def ask(self, prompt: str) -> str | None:
        self.prompts.append(prompt)
        if not self.answers:
            if self.interrupt_at_end:
                raise KeyboardInterrupt
            return None
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        self.said.append(text)


def test_complete_run_with_every_answer_form() -> None:
    saves: list[dict[str, Answer]] = []

    def keep(answers: Mapping[str, Answer]) -> None:
        saves.append(dict(answers))

    result = run_session(ScriptedPrompter(["Y", "2", "na"]), ITEMS, on_answer=keep)
    assert result.outcome is Outcome.FINISHED
    assert result.answers == {"a": Answer.YES, "b": Answer.PARTLY, "c": Answer.NOT_APPLICABLE}
    assert len(saves) == 3 and saves[0] == {"a": Answer.YES}


def test_help_and_invalid_input_ask_again() -> None:
    warnings: list[str] = []
    prompter = Recorder(["?", "maybe", "", "n", "y", "y"])
    result = run_session(prompter, ITEMS, warn=warnings.append)
    assert result.outcome is Outcome.FINISHED
    assert result.answers["a"] is Answer.NO
    said = "\n".join(prompter.said)
    assert "Why it matters: Why a matters." in said
    assert "Step for a." in said and "https://example.org/source" in said
    assert "sochelp report fraud-loss" in said and "sochelp signs money-mule" in said
    assert "'maybe' is not an answer" in said
    assert len(warnings) == 2 and "'maybe'" in warnings[0]
    assert len(prompter.prompts) == 6


def test_q_stops_and_keeps_answers() -> None:
    result = run_session(ScriptedPrompter(["y", "q", "n"]), ITEMS)
    assert result.outcome is Outcome.QUIT
    assert result.answers == {"a": Answer.YES}


def test_end_of_input_keeps_answers() -> None:
    result = run_session(ScriptedPrompter(["p"]), ITEMS)
    assert result.outcome is Outcome.END_OF_INPUT
    assert result.answers == {"a": Answer.PARTLY}


def test_ctrl_c_keeps_answers() -> None:
    result = run_session(Recorder(["n", "y"], interrupt_at_end=True), ITEMS)
    assert result.outcome is Outcome.INTERRUPTED
    assert result.answers == {"a": Answer.NO, "b": Answer.YES}


def test_resume_asks_only_the_rest_and_shows_last_time() -> None:
    prompter = Recorder(["n", "n"])
    result = run_session(
        prompter,
        ITEMS,
        answers={"a": Answer.YES},
        previous={"b": Answer.PARTLY},
    )
    assert result.outcome is Outcome.FINISHED and result.asked == 2
    assert result.answers["a"] is Answer.YES
    assert "last time: partly" in prompter.prompts[0]
    assert "[2/3] Section" in prompter.said


def test_endless_invalid_input_is_bounded() -> None:
    prompter = Recorder(["what"] * (MAX_INVALID_PER_QUESTION + 5))
    result = run_session(prompter, ITEMS)
    assert result.outcome is Outcome.QUIT
    assert len(prompter.prompts) == MAX_INVALID_PER_QUESTION


def test_explain_lists_why_steps_and_sources() -> None:
    lines = explain(make("z"))
    assert lines[0] == "Why it matters: Why z matters."
    assert any("Impact: essential" in line for line in lines)
