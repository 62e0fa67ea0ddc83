"""The facilitated quiz on a terminal: one question per screen, for a room to read.

On a colour terminal the session takes the whole screen (the terminal's alternate screen, so the
facilitator's shell comes back untouched) and redraws it for every question: wide margins, the
scenario in a simple frame, the choices spaced out, no tables. Off a terminal, or with NO_COLOR,
each screen is plain text after a rule. The summary at the end is an ordinary view (text, rich
or JSON).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from sochelp.environment import Environment, OutputMode
from sochelp.quiz.engine import Item
from sochelp.quiz.export import FORMAT_NAMES
from sochelp.quiz.present import KEYS_HELP, RoomSummary
from sochelp.render import View, escape, rich_text
from sochelp.render.quiz import scenario_rich, scenario_text
from sochelp.render.safe import shown, shown_line
from sochelp.session.core import Ending

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: How the session ended, in the wording every prompt uses ("stopped (Ctrl-C); …").
_ENDINGS = {
    Ending.QUIT: "you stopped the session;",
    Ending.END_OF_INPUT: "stopped (end of input);",
    Ending.INTERRUPTED: "stopped (Ctrl-C);",
}


def _hands(count: int) -> str:
    return f"{count} hand{'s' if count != 1 else ''}"


def answer_lines(item: Item, flag_names: dict[str, str]) -> list[str]:
    """What the reveal shows: the right answer, the red flags, why and what to do."""
    question = item.question
    right = "; ".join(
        f"{item.options[i].letter}. {item.options[i].text}" for i in item.correct_indices
    )
    flags = "; ".join(flag_names.get(f, f) for f in question.all_flags) or (
        "none: this one is genuine."
    )
    return [
        f"Answer: {right}",
        f"Red flags: {flags}",
        f"Why: {question.explanation}",
        f"What to do: {question.what_to_do}",
    ]


def screen_text(
    item: Item,
    *,
    revealed: bool,
    hands: tuple[int, ...] | None,
    flag_names: dict[str, str],
    width: int | None = None,
) -> str:
    """One question's screen as plain text (the rule and frame fit ``width`` when given)."""
    question = item.question
    lines = [
        "=" * (72 if width is None else max(10, min(72, width))),
        f"Question {item.number} of {item.total}  ·  {FORMAT_NAMES[question.format]}",
        "",
        *scenario_text(question, width),
        "",
        question.prompt,
        "",
    ]
    for i, option in enumerate(item.options):
        mark = "  ✓ right" if revealed and option.correct else ""
        count = f"   [{_hands(hands[i])}]" if hands is not None else ""
        lines.append(f"  {option.letter}. {option.text}{count}{mark}")
    if revealed:
        lines.append("")
        lines.extend(answer_lines(item, flag_names))
    return "\n".join(lines) + "\n"


def screen_rich(
    item: Item,
    *,
    revealed: bool,
    hands: tuple[int, ...] | None,
    flag_names: dict[str, str],
    width: int,
) -> RenderableType:
    """One question, large and spaced out, with wide margins."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    question = item.question
    options = Text()
    for i, option in enumerate(item.options):
        right = revealed and option.correct
        options.append(f"  {option.letter}  ", style="bold reverse" if right else "bold")
        options.append(f" {shown(option.text)}", style="bold" if right else "")
        if hands is not None:
            options.append(f"   {_hands(hands[i])}", style="cyan")
        if right:
            options.append("   ✓ RIGHT", style="bold green")
        options.append("\n\n")
    options.rstrip()
    # Once revealed, the scenario (already read by the room) makes way for the answer, so the
    # answer fits on the screen of a projector.
    scenario = Text("(message hidden while the answer is shown; r hides the answer)", style="dim")
    parts: list[RenderableType] = [
        Text(f"Question {item.number} of {item.total}", style="bold"),
        Text(FORMAT_NAMES[question.format], style="dim"),
        scenario if revealed else scenario_rich(question),
        rich_text(question.prompt, style="bold"),
        Text(""),
        options,
    ]
    if revealed:
        text = Text()
        for line in answer_lines(item, flag_names):
            label, _, value = shown(line).partition(": ")
            text.append(label + ": ", style="bold")
            text.append(value + "\n")
        text.rstrip()
        parts.append(Padding(Panel(text, border_style="yellow", title="Answer"), (1, 0, 0, 0)))
    margin = max(2, width // 8)
    return Padding(Group(*parts), (1, margin, 0, margin))


@dataclass
class RoomScreen:
    """Draws the facilitated session (``target`` None: nothing is shown)."""

    env: Environment
    target: TextIO | None
    rich: bool
    flag_names: dict[str, str]
    _console: Console | None = None

    @classmethod
    def for_env(cls, env: Environment, mode: OutputMode, flag_names: dict[str, str]) -> RoomScreen:
        """Full screen on a colour terminal; plain text otherwise; to stderr when stdout is for
        the JSON result (and only if a person is typing)."""
        if mode is OutputMode.JSON:
            target = env.stderr if env.stdin_isatty else None
        else:
            target = env.stdout
        tty = env.stderr_isatty if target is env.stderr else env.stdout_isatty
        rich = target is not None and tty and env.rich_allowed and env.stdin_isatty
        return cls(env, target, rich, flag_names)

    def _rich_console(self) -> Console:
        if self._console is None:
            from sochelp.render import safe_console

            stderr = self.target is self.env.stderr
            self._console = safe_console(
                file=self.target,
                force_terminal=True,
                no_color=not self.env.colour_allowed,
                color_system="auto" if self.env.colour_allowed else None,
                width=self.env.width(stderr),
            )
        return self._console

    def _plain(self, text: str) -> None:
        if self.target is not None:
            from sochelp.render import plain_for

            text = plain_for(self.env, shown(text), stderr=self.target is self.env.stderr)
            self.target.write(text if text.endswith("\n") else text + "\n")
            self.target.flush()

    def start(self, total: int) -> None:
        """Take the screen and say how the session works."""
        intro = f"Scam quiz for a room: {total} question{'s' if total != 1 else ''}. {KEYS_HELP}."
        if self.rich:
            console = self._rich_console()
            console.set_alt_screen(True)
            console.clear()
            console.print(f"\n[bold]{escape(intro)}[/]\nNothing from this session is saved.\n")
        else:
            self._plain(intro + "\nNothing from this session is saved.")

    def question(self, item: Item, *, revealed: bool, hands: tuple[int, ...] | None) -> None:
        """Redraw the screen for one question."""
        if self.rich:
            console = self._rich_console()
            console.clear()
            from sochelp.render.layout import Adaptive

            screen = screen_rich(
                item,
                revealed=revealed,
                hands=hands,
                flag_names=self.flag_names,
                width=console.width,
            )
            console.print(
                Adaptive(
                    screen,
                    lambda: screen_text(
                        item,
                        revealed=revealed,
                        hands=hands,
                        flag_names=self.flag_names,
                        width=console.width,
                    ),
                ),
                crop=False,
            )
            console.print(f"\n[dim]{escape(KEYS_HELP)}[/]", justify="center")
        else:
            width = self.env.width(self.target is self.env.stderr)
            self._plain(
                screen_text(
                    item, revealed=revealed, hands=hands, flag_names=self.flag_names, width=width
                )
            )

    def problem(self, text: str) -> None:
        """What was wrong with what the facilitator typed (stderr off a terminal)."""
        prefix = "  " if self.env.stdin_isatty else "sochelp: "
        self.env.stderr.write(f"{prefix}{shown_line(text)}\n")
        self.env.stderr.flush()

    def help(self) -> None:
        """The keys."""
        self.env.stderr.write(f"  {KEYS_HELP}\n")
        self.env.stderr.flush()

    def end(self, ending: Ending) -> None:
        """Give the screen back; one line says how the session ended, when it ended early."""
        if self.rich:
            self._rich_console().set_alt_screen(False)
        if ending in _ENDINGS:
            self.env.stderr.write(
                f"\nsochelp: {_ENDINGS[ending]} the room's answers so far are below.\n"
            )
            self.env.stderr.flush()


# ---------------------------------------------------------------- the summary


def _percent(share: float | None) -> str:
    return "not counted" if share is None else f"{round(100 * share)}% right"


def _short(prompt: str, width: int = 70) -> str:
    return prompt if len(prompt) <= width else prompt[: width - 1].rstrip() + "…"


def summary_text(summary: RoomSummary) -> str:
    """The room's answers per question and per red flag, then the questions most missed."""
    people = f" with {summary.people} people" if summary.people else ""
    lines = [
        f"Room summary: {summary.shown} of {summary.planned} questions shown{people}.",
        "Nothing from this session was saved.",
        "",
        "By question:",
    ]
    for q in summary.questions:
        lines.append(f"  {q.number}. {_short(q.prompt)}")
        if q.choices is None or q.responses == 0:
            lines.append("     hands not counted")
            continue
        counts = ", ".join(f"{c.letter}{'✓' if c.correct else ''} {c.hands}" for c in q.choices)
        lines.append(f"     {counts}  →  {_percent(q.share_right)} of {q.responses}")
    if summary.red_flags:
        lines.extend(["", "By red flag (missed of the answers that could spot it):"])
        width = max(len(f.name) for f in summary.red_flags)
        lines.extend(f"  {f.name:<{width}}  {f.missed} of {f.seen}" for f in summary.red_flags)
    lines.append("")
    if summary.missed_by_most:
        lines.append("Most of the room missed:")
        by_number = {q.number: q for q in summary.questions}
        for number in summary.missed_by_most:
            q = by_number[number]
            lines.append(f"  Question {number} ({_percent(q.share_right)}): {_short(q.prompt)}")
    elif any(q.responses for q in summary.questions):
        lines.append("Most of the room got every counted question right.")
    else:
        lines.append("No show of hands was counted.")
    return "\n".join(lines) + "\n"


def summary_rich(summary: RoomSummary) -> RenderableType:
    """The same facts, with emphasis."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    text = shown(summary_text(summary))
    head, _, rest = text.partition("\n")
    return Group(Text(head, style="bold"), Panel(Text(rest.rstrip()), border_style="cyan"))


ROOM_VIEW: View[RoomSummary] = View(RoomSummary, summary_text, summary_rich)
