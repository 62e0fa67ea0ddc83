"""Views of the scam quiz: questions drawn like their medium, feedback, the end-of-session
summary, progress statistics and the topic list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from sochelp.environment import OutputMode
from sochelp.quiz.content import Format, Medium, Question
from sochelp.quiz.engine import (
    Answer,
    FlagScore,
    Item,
    SessionRecord,
    Stats,
    Stop,
    Summary,
)
from sochelp.quiz.export import (
    FORMAT_NAMES,
    MEDIUM_NAMES,
    Export,
    ExportWritten,
    combined,
    header_lines,
)
from sochelp.render import View, escape, rich_text
from sochelp.render.safe import shown, shown_line

# The topic list has its own module (listing topics loads nothing else); named here as before.
from sochelp.render.topics import TOPICS_HINT as TOPICS_HINT
from sochelp.render.topics import TOPICS_VIEW as TOPICS_VIEW
from sochelp.render.topics import topics_rich as topics_rich
from sochelp.render.topics import topics_text as topics_text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from sochelp.environment import Environment

_MEDIUM_STYLES: dict[Medium, str] = {
    Medium.SMS: "green",
    Medium.WHATSAPP: "green",
    Medium.EMAIL: "blue",
    Medium.CALL: "magenta",
    Medium.WEB: "cyan",
    Medium.LETTER: "white",
    Medium.DOORSTEP: "yellow",
    Medium.SOCIAL: "blue",
    Medium.QR: "cyan",
}
_BUBBLES = {Medium.SMS, Medium.WHATSAPP, Medium.SOCIAL}
#: Width of the plain-text frame around a scenario (it is indented by two, so it fits 80 columns).
_FRAME = 74


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _topic_name(topic: str) -> str:
    return topic.replace("-", " ")


def _flag_names(answer: Answer, names: dict[str, str] | None = None) -> str:
    flags = answer.item.question.all_flags
    return "; ".join((names or {}).get(f, f) for f in flags)


# ---------------------------------------------------------------- one question, plain


def question_text(item: Item, width: int | None = None) -> str:
    """A question as plain text: heading, the scenario framed by its medium, options (the frame
    fits ``width`` columns when given)."""
    question = item.question
    lines = [
        f"Question {item.number} of {item.total}  ·  {FORMAT_NAMES[question.format]}  ·  "
        f"{question.difficulty}",
        f"Topic: {', '.join(_topic_name(t) for t in question.topics)}",
        "",
    ]
    lines.extend(scenario_text(question, width))
    lines.append("")
    lines.append(question.prompt)
    lines.extend(f"  {option.letter}. {option.text}" for option in item.options)
    return "\n".join(lines) + "\n"


def scenario_text(question: Question, width: int | None = None) -> list[str]:
    """The scenario in a simple text frame, as wide as ``width`` allows (at most 76 columns).

    Lines are wrapped between words; an address or phone number is never split, and one longer
    than the frame gets a line of its own.
    """
    from sochelp.render.layout import wrap_line

    frame = _FRAME if width is None else max(16, min(_FRAME, width - 2))
    scenario = question.scenario
    title = MEDIUM_NAMES[scenario.medium]
    lines = [f"  +-- {title} " + "-" * max(3, frame - 5 - len(title))]
    for label, value in header_lines(scenario):
        lines.extend(wrap_line(f"  | {label}: {value}", frame + 2))
    if len(lines) > 1:
        lines.append("  |")
    for line in scenario.body.splitlines():
        if not line.strip():
            lines.append("  |")
            continue
        lines.extend(wrap_line(f"  | {line}", frame + 2))
    lines.append("  +" + "-" * (frame - 1))
    return lines


def feedback_lines(answer: Answer, flag_names: dict[str, str]) -> list[str]:
    """Right or wrong, the right answer, red flags, why, what to do and where to report."""
    item = answer.item
    question = item.question
    right = [item.options[i] for i in item.correct_indices]
    chosen = [item.options[i] for i in answer.chosen]
    lines: list[str] = []
    if question.format is Format.SCAM_OR_GENUINE:
        verdict = f"This is {'a genuine message' if question.is_genuine else 'a scam'}."
        said = ", ".join(answer.given)
        lines.append(
            f"Right. {verdict}" if answer.correct else f"Not quite: you said {said}. {verdict}"
        )
    elif answer.correct:
        lines.append("Right.")
    else:
        given = ", ".join(o.letter for o in chosen) or "nothing"
        lines.append(f"Not quite. You chose {given}.")
    if question.format is not Format.SCAM_OR_GENUINE:
        label = "The red flags" if item.multi else "The answer"
        lines.append(f"{label}: " + "; ".join(f"{o.letter}. {o.text}" for o in right))
        wrongly = [o for o in chosen if not o.correct]
        if item.multi and wrongly:
            lines.append(
                "Not a red flag here: " + "; ".join(f"{o.letter}. {o.text}" for o in wrongly)
            )
    if question.all_flags:
        lines.append("Red flags: " + _flag_names(answer, flag_names))
    elif question.is_genuine:
        lines.append(
            "Red flags: none. Genuine messages exist too; check through a route you trust."
        )
    if answer.red_flags_missed and set(answer.red_flags_missed) != set(question.all_flags):
        missed = "; ".join(flag_names.get(f, f) for f in answer.red_flags_missed)
        lines.append(f"Missed: {missed}")
    lines.append(f"Why: {question.explanation}")
    lines.append(f"What to do: {question.what_to_do}")
    label = "If in doubt" if question.is_genuine else "Report it"
    where = f"{label}: sochelp report {question.report_situation}"
    if question.signs_guide:
        where += f"   Spot the signs: sochelp signs {question.signs_guide}"
    lines.append(where)
    return lines


# ---------------------------------------------------------------- one question, rich


def question_rich(item: Item) -> RenderableType:
    """A question with its scenario drawn like its medium."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    question = item.question
    details = (
        f"{FORMAT_NAMES[question.format]} · {question.difficulty} · "
        f"Topic: {', '.join(_topic_name(t) for t in question.topics)}"
    )
    from sochelp.render.layout import Para, para

    options = [
        Para(Text(f"  {option.letter}. ", style="bold cyan") + rich_text(option.text), hang=5)
        for option in item.options
    ]
    return Group(
        Text(""),
        Rule(f"Question {item.number} of {item.total}", style="dim"),
        para(details, style="dim"),
        scenario_rich(question),
        para(question.prompt, style="bold"),
        *options,
        Text(""),
    )


def scenario_rich(question: Question) -> RenderableType:
    """SMS and chat as a bubble, email with its header, a call as a transcript, a web page with
    its address bar, a doorstep visit as a scene."""
    from rich import box
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table

    scenario = question.scenario
    style = _MEDIUM_STYLES[scenario.medium]
    title = MEDIUM_NAMES[scenario.medium]
    headers = header_lines(scenario)
    if scenario.medium in _BUBBLES:
        sender = f" from {escape(scenario.sender)}" if scenario.sender else ""
        bubble = Panel(
            rich_text(scenario.body),
            box=box.ROUNDED,
            border_style=style,
            width=56,
            title=f"{title}{sender}",
            title_align="left",
        )
        return Padding(bubble, (1, 0, 1, 2))
    body: RenderableType = rich_text(scenario.body)
    if scenario.medium is Medium.CALL:
        body = _transcript(scenario.body)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in headers:
        grid.add_row(rich_text(f"{label}:"), rich_text(value))
    if scenario.medium is Medium.WEB and scenario.sender:
        top: RenderableType = Panel(rich_text(scenario.sender), box=box.SQUARE, style="dim")
        parts: list[RenderableType] = [top, body]
    elif headers:
        parts = [grid, Rule(style="dim"), body]
    else:
        parts = [body]
    return Padding(
        Panel(
            Group(*parts),
            title=title,
            title_align="left",
            border_style=style,
            box=box.HEAVY if scenario.medium is Medium.DOORSTEP else box.ROUNDED,
        ),
        (1, 0, 1, 0),
    )


def _transcript(body: str) -> RenderableType:
    from rich.text import Text

    text = Text()
    for line in shown(body).splitlines():
        speaker, sep, said = line.partition(":")
        if sep and 0 < len(speaker) <= 24 and "http" not in speaker:
            text.append(speaker + ":", style="bold magenta")
            text.append(said + "\n")
        else:
            text.append(line + "\n")
    text.rstrip()
    return text


def feedback_rich(answer: Answer, flag_names: dict[str, str]) -> RenderableType:
    """Feedback in a green or red panel (phone numbers and addresses in it never split)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from sochelp.render.layout import Para

    lines = [shown(line) for line in feedback_lines(answer, flag_names)]
    first, *rest = lines
    parts = [Para(Text(first, style="bold green" if answer.correct else "bold red"))]
    for line in rest:
        label, sep, value = line.partition(": ")
        if sep and len(label) < 20:
            parts.append(Para(Text(label + ": ", style="bold") + Text(value), hang=2))
        else:
            parts.append(Para(Text(line), hang=2))
    return Panel(Group(*parts), border_style="green" if answer.correct else "red")


# ---------------------------------------------------------------- the live display


@dataclass
class QuizDisplay:
    """Draws questions and feedback while the session runs.

    ``target`` is None when nothing should be shown (``--json`` with piped input); problems
    with typed answers always go to stderr so a scripted run can see why a line was skipped.
    """

    env: Environment
    target: TextIO | None
    rich: bool
    flag_names: dict[str, str]

    @classmethod
    def for_env(cls, env: Environment, mode: OutputMode, flag_names: dict[str, str]) -> QuizDisplay:
        """Questions go to stdout, except where stdout is for results (piped, or JSON): then to
        stderr when a person is typing the answers, and nowhere for a scripted JSON run."""
        if mode is OutputMode.JSON:
            target = env.stderr if env.stdin_isatty else None
        else:
            target = env.stderr if env.stdin_isatty and not env.stdout_isatty else env.stdout
        rich = target is not None and (
            (mode is OutputMode.RICH and target is env.stdout)
            or (target is env.stderr and env.stderr_rich)
        )
        return cls(env, target, rich, flag_names)

    def start(self, total: int) -> None:
        """How many questions, and how to answer (only to a person at a terminal)."""
        if self.env.interactive and self.target is not None:
            from sochelp.render import plain_for

            said = (
                f"{total} question{'s' if total != 1 else ''}. "
                "Answer with a letter or number; q stops and keeps your answers.\n"
            )
            self.target.write(plain_for(self.env, said, stderr=self.target is self.env.stderr))

    def end(self, ending: Stop) -> None:
        """^C or ^D left the cursor after the prompt; start the summary on a line of its own."""
        if self.env.stdin_isatty and ending in (Stop.INTERRUPTED, Stop.END_OF_INPUT):
            self.env.stderr.write("\n")
            self.env.stderr.flush()

    def _console(self) -> Console:
        from sochelp.render import console_for

        return console_for(self.env, stderr=self.target is self.env.stderr)

    def _width(self) -> int | None:
        return self.env.width(stderr=self.target is self.env.stderr)

    def _write(self, plain: str, fancy: RenderableType | None) -> None:
        if self.target is None:
            return
        stderr = self.target is self.env.stderr
        if self.rich and fancy is not None:
            from sochelp.render import print_rich

            print_rich(self.env, fancy, lambda: plain, stderr=stderr)
        else:
            from sochelp.render import plain_for

            text = plain_for(self.env, shown(plain), stderr=stderr)
            self.target.write(text if text.endswith("\n") else text + "\n")
            self.target.flush()

    def question(self, item: Item) -> None:
        """Show a question."""
        fancy = question_rich(item) if self.rich else None
        self._write("\n" + question_text(item, self._width()), fancy)

    def feedback(self, answer: Answer) -> None:
        """Show feedback."""
        fancy = feedback_rich(answer, self.flag_names) if self.rich else None
        self._write("\n" + "\n".join(feedback_lines(answer, self.flag_names)), fancy)

    def problem(self, text: str) -> None:
        """Explain a rejected answer on stderr."""
        prefix = "  " if self.env.stdin_isatty else "sochelp: "
        self.env.stderr.write(f"{prefix}{shown_line(text)}\n")
        self.env.stderr.flush()


# ---------------------------------------------------------------- sentences both views use


def genuine_called_scam_line(summary: Summary) -> str:
    """The advice for genuine messages taken for scams (the same in every view)."""
    return (
        f"You treated {summary.genuine_called_scam} genuine message(s) as a scam. Caution is "
        "good; check through a number or app you trust rather than ignoring real contact."
    )


REVIEW_HINT = "Run 'sochelp scam-quiz --review' to go over them."
NOTHING_TO_SCORE = "No questions answered, so there is nothing to score."
NO_SESSIONS = "No quiz sessions saved yet. Start one with: sochelp scam-quiz"
BOXES_LABEL = "Review boxes (1 = needs most practice)"

#: The same wording as every prompt's "sochelp: stopped (Ctrl-C); …" line.
_STOP_NOTES = {
    Stop.QUIT: "You stopped early; your answers so far count.",
    Stop.END_OF_INPUT: "Stopped (end of input); your answers so far count.",
    Stop.INTERRUPTED: "Stopped (Ctrl-C); your answers so far count.",
}


def nothing_to_score(summary: Summary) -> str:
    """No answers: why, in the words every prompt uses when it is left early."""
    how = {Stop.END_OF_INPUT: "end of input", Stop.INTERRUPTED: "Ctrl-C"}.get(summary.stop)
    if how is None:
        return NOTHING_TO_SCORE
    return f"Stopped ({how}); no questions were answered, so there is nothing to score."


def score_line(summary: Summary) -> str:
    """``Score: 3 of 5 (60%)``."""
    return (
        f"Score: {summary.correct} of {summary.asked} ({_percent(summary.correct, summary.asked)})"
    )


def stop_line(summary: Summary) -> str | None:
    """Why the session ended early, and how far it got (None when it ran to the end)."""
    if summary.stop not in _STOP_NOTES:
        return None
    return f"{_STOP_NOTES[summary.stop]} ({summary.asked} of {summary.planned} answered)"


def calibration_line(summary: Summary) -> str | None:
    """How confidence compared with accuracy (None when confidence was not asked)."""
    calibration = summary.calibration
    if calibration is None:
        return None
    claimed, actual = round(100 * calibration.claimed), round(100 * calibration.actual)
    if calibration.verdict == "overconfident":
        return (
            f"You felt surer ({claimed}%) than your answers were right ({actual}%). "
            "Most people overrate how well they spot scams; slow down and check."
        )
    if calibration.verdict == "underconfident":
        return (
            f"You were right more often ({actual}%) than you felt ({claimed}%). "
            "Trust your checks a little more."
        )
    return f"Your confidence ({claimed}%) matched your accuracy ({actual}%)."


def saved_line(summary: Summary) -> str:
    """Whether the session was kept, and what that gives next time."""
    if summary.saved:
        return (
            "Progress saved. Questions you missed come back first next time; "
            "'sochelp scam-quiz --review' asks only those due, '--stats' shows your progress."
        )
    return "Progress not saved."


def reading_rows(summary: Summary) -> list[tuple[str, str]]:
    """(command, title) of what to read next."""
    return [(f"sochelp report {r.id}", r.title) for r in summary.report] + [
        (f"sochelp signs {r.id}", r.title) for r in summary.signs
    ]


def totals_line(stats: Stats) -> str:
    """Sessions, answers and how many were right."""
    return (
        f"Sessions: {stats.sessions}   Questions answered: {stats.answered}   "
        f"Right: {stats.correct} ({_percent(stats.correct, stats.answered)})"
    )


def trend_line(stats: Stats) -> str | None:
    """Accuracy in earlier and later sessions (None until there are enough)."""
    if stats.earlier_accuracy is None or stats.later_accuracy is None:
        return None
    before, after = round(100 * stats.earlier_accuracy), round(100 * stats.later_accuracy)
    word = "up" if after > before else "down" if after < before else "steady"
    return (
        f"Accuracy over time: {before}% in your earlier sessions, {after}% in later ones ({word})."
    )


def session_cells(record: SessionRecord) -> tuple[str, str, str]:
    """When a session started, how many were right of how many, and the percentage."""
    started = record.started[:16].replace("T", " ")
    return started, f"{record.correct}/{record.asked}", _percent(record.correct, record.asked)


def boxes_line(stats: Stats) -> str:
    """How many questions are in each review box."""
    boxes = "  ".join(f"{n}:{count}" for n, count in enumerate(stats.boxes, start=1))
    return f"{BOXES_LABEL}: {boxes}"


def due_line(stats: Stats) -> str:
    """How many questions are due today, and when the next fall due."""
    due = f"Due for review today: {stats.due_today}"
    if stats.next_due:
        due += f"   Next due after that: {stats.next_due.isoformat()}"
    return due


# ---------------------------------------------------------------- red-flag counts, both views


def flag_lines(flags: Sequence[FlagScore]) -> list[str]:
    """Red flags with how often each was missed, one indented line each."""
    width = max((len(f.name) for f in flags), default=0)
    return [f"  {f.name:<{width}}  missed {f.missed} of {f.seen}" for f in flags]


def flag_table(title: str, flags: Sequence[FlagScore]) -> RenderableType:
    """The same counts as a table; rows with misses in red."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("Red flag")
    table.add_column("Missed", justify="right")
    table.add_column("Seen", justify="right")
    for f in flags:
        table.add_row(escape(f.name), str(f.missed), str(f.seen), style="red" if f.missed else None)
    return table


# ---------------------------------------------------------------- summary


def summary_text(summary: Summary) -> str:
    """The end of a session as plain text."""
    lines = ["", "=" * 60]
    if summary.asked == 0:
        lines.append(nothing_to_score(summary))
        lines.extend(summary.notices)
        return "\n".join(lines) + "\n"
    lines.append(score_line(summary))
    lines.extend(line for line in (stop_line(summary),) if line)
    if summary.genuine_called_scam:
        lines.append(genuine_called_scam_line(summary))
    lines.extend(["", "By topic:"])
    width = max(len(_topic_name(t.topic)) for t in summary.topics)
    lines.extend(
        f"  {_topic_name(t.topic):<{width}}  {t.correct}/{t.asked}" for t in summary.topics
    )
    if summary.flags:
        lines.extend(["", "By red flag:", *flag_lines(summary.flags)])
    if summary.weakest:
        lines.extend(["", "Red flags to work on:"])
        lines.extend(f"  - {f.name}: {f.explanation}" for f in summary.weakest)
    sentence = calibration_line(summary)
    if sentence:
        lines.extend(["", "Confidence: " + sentence])
    rows = reading_rows(summary)
    if rows:
        width = max(len(command) for command, _ in rows)
        lines.extend(["", "Read next:"])
        lines.extend(f"  {command:<{width}}  {title}" for command, title in rows)
    lines.extend(["", saved_line(summary), *summary.notices])
    return "\n".join(lines) + "\n"


def summary_rich(summary: Summary) -> RenderableType:
    """The end of a session: score panel and breakdown tables."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    notices = [rich_text(n, style="yellow") for n in summary.notices]
    if summary.asked == 0:
        return Group(Text(nothing_to_score(summary)), *notices)
    head = Text(score_line(summary), style="bold")
    stopped = stop_line(summary)
    if stopped:
        head.append("\n" + stopped, style="dim")
    if summary.genuine_called_scam:
        head.append("\n" + genuine_called_scam_line(summary))
    parts: list[RenderableType] = [Panel(head, border_style="cyan"), _topic_table(summary)]
    if summary.flags:
        parts.append(flag_table("By red flag", summary.flags))
    if summary.weakest:
        text = Text()
        for f in summary.weakest:
            text.append(f"{shown(f.name)}: ", style="bold")
            text.append(f"{shown(f.explanation)}\n")
        text.rstrip()
        parts.append(
            Panel(text, title="Red flags to work on", title_align="left", border_style="yellow")
        )
    sentence = calibration_line(summary)
    if sentence:
        parts.append(Text.from_markup("[bold]Confidence:[/] " + escape(sentence)))
    if summary.report or summary.signs:
        parts.append(_reading_panel(summary))
    parts.append(Text(saved_line(summary), style="dim"))
    return Group(*parts, *notices)


def _topic_table(summary: Summary) -> RenderableType:
    from rich.table import Table

    topics = Table(title="By topic", title_justify="left")
    topics.add_column("Topic")
    topics.add_column("Right", justify="right")
    for t in summary.topics:
        topics.add_row(escape(_topic_name(t.topic)), f"{t.correct}/{t.asked}")
    return topics


def _reading_panel(summary: Summary) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table

    reading = Table.grid(padding=(0, 2))
    reading.add_column(style="bold cyan", no_wrap=True)
    reading.add_column()
    for command, title in reading_rows(summary):
        reading.add_row(escape(command), escape(title))
    return Panel(reading, title="Read next", title_align="left")


SUMMARY_VIEW: View[Summary] = View(Summary, summary_text, summary_rich)


# ---------------------------------------------------------------- --stats


def stats_text(stats: Stats) -> str:
    """Progress as plain text."""
    if stats.sessions == 0:
        return NO_SESSIONS + "\n"
    lines = [totals_line(stats)]
    lines.extend(line for line in (trend_line(stats),) if line)
    lines.extend(["", "Recent sessions:"])
    for record in stats.recent:
        started, right, percent = session_cells(record)
        lines.append(f"  {started}  {right} ({percent})")
    if stats.most_missed:
        lines.extend(["", "Red flags you miss most:", *flag_lines(stats.most_missed)])
    lines.extend(["", boxes_line(stats), due_line(stats)])
    if stats.due_today:
        lines.append(REVIEW_HINT)
    return "\n".join(lines) + "\n"


def stats_rich(stats: Stats) -> RenderableType:
    """Progress with tables."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if stats.sessions == 0:
        return Text(NO_SESSIONS)
    parts: list[RenderableType] = [Text(totals_line(stats), style="bold")]
    trend = trend_line(stats)
    if trend:
        parts.append(Text(trend))
    recent = Table(title="Recent sessions", title_justify="left")
    recent.add_column("Started")
    recent.add_column("Right", justify="right")
    recent.add_column("%", justify="right")
    for record in stats.recent:
        recent.add_row(*(escape(cell) for cell in session_cells(record)))
    parts.append(recent)
    if stats.most_missed:
        parts.append(flag_table("Red flags you miss most", stats.most_missed))
    parts.extend([Text(boxes_line(stats)), Text(due_line(stats))])
    if stats.due_today:
        parts.append(Text(REVIEW_HINT))
    return Group(*parts)


STATS_VIEW: View[Stats] = View(Stats, stats_text, stats_rich)


# ---------------------------------------------------------------- --export


def written_text(result: ExportWritten) -> str:
    """Where the quiz and its answer key were written."""
    return (
        f"Wrote {result.questions} questions to {result.quiz_file} and the answer key to "
        f"{result.answers_file}.\n"
    )


#: The Markdown itself (meant to be saved or printed, so never restyled on a terminal).
SHEET_VIEW: View[Export] = View(Export, combined, wrap=False)
WRITTEN_VIEW: View[ExportWritten] = View(ExportWritten, written_text)
