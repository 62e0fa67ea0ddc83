"""Trainer mode: a printable Markdown quiz and a separate answer key with explanations."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sochelp.quiz.content import Format, Medium, QuizContent, Scenario
from sochelp.quiz.engine import Item

MEDIUM_NAMES: dict[Medium, str] = {
    Medium.SMS: "Text message",
    Medium.EMAIL: "Email",
    Medium.CALL: "Phone call",
    Medium.WEB: "Web page",
    Medium.LETTER: "Letter",
    Medium.DOORSTEP: "At the door",
    Medium.WHATSAPP: "WhatsApp message",
    Medium.SOCIAL: "Social media message",
    Medium.QR: "QR code",
}

#: How the scenario's "from" is labelled for each medium.
SENDER_LABELS: dict[Medium, str] = {
    Medium.CALL: "Caller",
    Medium.WEB: "Address",
    Medium.DOORSTEP: "Visitor",
    Medium.QR: "Where",
}

FORMAT_NAMES: dict[Format, str] = {
    Format.SCAM_OR_GENUINE: "Scam or genuine?",
    Format.MULTIPLE_CHOICE: "Multiple choice",
    Format.SPOT_THE_FLAGS: "Spot the red flags (choose all that apply)",
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def header_lines(scenario: Scenario) -> list[tuple[str, str]]:
    """The scenario's header fields as (label, value) pairs, in display order."""
    fields = [
        (SENDER_LABELS.get(scenario.medium, "From"), scenario.sender),
        ("Reply-To", scenario.reply_to),
        ("To", scenario.to),
        ("Subject", scenario.subject),
    ]
    return [(label, value) for label, value in fields if value]


def md_escape(text: str) -> str:
    """Escape Markdown so message text prints exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True)
class ExportWritten:
    """Where ``--export --output`` wrote the quiz and its answer key."""

    quiz_file: Path
    answers_file: Path
    questions: int

    @classmethod
    def beside(cls, output: Path, questions: int) -> ExportWritten:
        """The quiz at ``output`` and its key next to it (``NAME-answers.md``)."""
        key = output.with_name(f"{output.stem}-answers{output.suffix or '.md'}")
        return cls(output, key, questions)


@dataclass(frozen=True)
class Export:
    """A printable quiz and its answer key, both Markdown."""

    quiz: str
    answers: str


def export_markdown(items: Sequence[Item], content: QuizContent, *, today: dt.date) -> Export:
    """Build the quiz sheet (scenarios and choices) and the answer key (answers, red flags,
    explanations, what to do and where to report); ``today`` is the date printed on it."""
    day = today.isoformat()
    quiz = [
        "# Scam quiz",
        "",
        f"{len(items)} question{'s' if len(items) != 1 else ''}. Made with sochelp on {day}.",
        "",
    ]
    quiz.append("For each question, read the message and mark your answer.")
    for item in items:
        quiz.extend(
            ["", f"## Question {item.number}", "", f"*{FORMAT_NAMES[item.question.format]}*"]
        )
        quiz.extend(["", *_scenario_md(item.question.scenario), ""])
        quiz.append(f"**{md_escape(item.question.prompt)}**")
        quiz.append("")
        quiz.extend(f"- [ ] **{o.letter}.** {md_escape(o.text)}" for o in item.options)
    key = ["# Scam quiz: answer key", "", f"For the quiz made on {day}.", ""]
    for item in items:
        key.extend(_answer_md(item, content))
    return Export("\n".join(quiz).rstrip() + "\n", "\n".join(key).rstrip() + "\n")


def _scenario_md(scenario: Scenario) -> list[str]:
    lines = [f"> **{MEDIUM_NAMES[scenario.medium]}**", ">"]
    for label, value in header_lines(scenario):
        lines.append(f"> {label}: {md_escape(value)}  ")
    if len(lines) > 2:
        lines.append(">")
    for line in scenario.body.splitlines():
        lines.append(f"> {md_escape(line)}  " if line.strip() else ">")
    return lines


def _answer_md(item: Item, content: QuizContent) -> list[str]:
    question = item.question
    right = [item.options[i] for i in item.correct_indices]
    answer = ", ".join(f"{o.letter} ({md_escape(o.text)})" for o in right)
    lines = [f"## Question {item.number}", "", f"**Answer: {answer}**", ""]
    if question.red_flags:
        names = ", ".join(md_escape(content.flag_names.get(f, f)) for f in question.all_flags)
        lines.append(f"- **Red flags:** {names}")
    else:
        lines.append("- **Red flags:** none, this one is genuine.")
    lines.append(f"- **Why:** {md_escape(question.explanation)}")
    lines.append(f"- **What to do:** {md_escape(question.what_to_do)}")
    label = "If in doubt" if question.is_genuine else "Report it"
    lines.append(f"- **{label}:** `sochelp report {question.report_situation}`")
    if question.signs_guide:
        lines.append(f"- **Spot the signs:** `sochelp signs {question.signs_guide}`")
    lines.append(f"- **Sources:** {', '.join(question.sources)} (reviewed {question.reviewed})")
    lines.append(f"- *Question id: {question.id}*")
    lines.append("")
    return lines


def combined(export: Export) -> str:
    """Quiz and answer key in one document, the key starting on a new printed page."""
    page_break = '<div style="page-break-before: always"></div>'
    return f"{export.quiz}\n---\n\n{page_break}\n\n{export.answers}"
