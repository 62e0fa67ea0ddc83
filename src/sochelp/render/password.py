"""Views of a password check: a score bar, crack times, breach status and advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.password.check import PasswordResult
from sochelp.password.strength import EVALUATION_LIMIT
from sochelp.render import View, escape

if TYPE_CHECKING:
    from rich.console import RenderableType

SCORE_WORDS = ("very weak", "weak", "fair", "strong", "very strong")
_SCORE_COLOURS = ("red", "red", "yellow", "green", "green")
_SOURCE_NAMES = {"api": "Pwned Passwords", "offline": "your offline copy", "none": "none"}

ONLINE_LABEL = "guessing online (100 tries an hour)"
OFFLINE_LABEL = "offline on a fast hash (10 billion tries a second)"


def guesses_text(guesses_log10: float) -> str:
    """How many guesses, in words a person can read ("about 3,200" or "about 10^14")."""
    if guesses_log10 < 7:
        return f"about {round(10**guesses_log10):,}"
    return f"about 10^{guesses_log10:.0f}"


def score_bar(score: int) -> str:
    """Four cells, one filled per score point: ``[###-]``."""
    return "[" + "#" * score + "-" * (4 - score) + "]"


def below_minimum(result: PasswordResult) -> str | None:
    """``below the minimum of 3`` when the score is under the minimum asked for."""
    return f"below the minimum of {result.min_score}" if result.weak else None


def score_line(result: PasswordResult) -> str:
    """``Strength: 2 of 4 [##--] fair, below the minimum of 3``."""
    score = result.strength.score
    line = f"Strength: {score} of 4 {score_bar(score)} {SCORE_WORDS[score]}"
    below = below_minimum(result)
    return f"{line}, {below}" if below else line


def breach_line(result: PasswordResult) -> str:
    """What the breach check found, or why it was not done."""
    breach = result.breach
    if not result.breach_requested:
        return "Breach check: not done (you turned it off)."
    if not breach.checked:
        return f"Breach check: NOT CHECKED, {breach.error or 'for an unknown reason'}."
    where = _SOURCE_NAMES[breach.source]
    if breach.found:
        times = "once" if breach.count == 1 else f"{breach.count:,} times"
        return f"Breach check: FOUND {times} in known data breaches ({where})."
    return f"Breach check: not found in known data breaches ({where})."


def coverage_notes(result: PasswordResult) -> list[str]:
    """Say when only part of the password was rated."""
    strength = result.strength
    notes: list[str] = []
    if strength.truncated:
        notes.append(
            f"Only the first {strength.length_evaluated} characters were rated "
            f"(the limit is {EVALUATION_LIMIT}); the rest can only make it stronger. "
            "The breach check used the whole password."
        )
    if strength.substitutions_limited:
        notes.append(
            "Not every look-alike substitution (such as 4 for a) was tried, to keep this quick."
        )
    return notes


def verdict_line(result: PasswordResult) -> str:
    """One sentence: what this means for the user."""
    verdict = result.verdict
    if verdict == "breached":
        return "Do not use this password: criminals already have it on their lists."
    if verdict == "weak":
        return "This password is too easy to guess. Choose a stronger one."
    if verdict == "unchecked":
        return "Strong enough, but it could not be checked against breaches this time."
    if not result.breach_requested:
        return "Strong enough (not checked against breaches)."
    return "Strong enough, and not in known breaches."


def _feedback(result: PasswordResult) -> tuple[list[str], list[str]]:
    strength = result.strength
    warnings = [w for w in (strength.warning, *strength.local_warnings) if w]
    return warnings, list(strength.suggestions)


def _wrap(text: str, indent: str) -> str:
    """One logical line: a terminal wraps it at its own width (sochelp.render.plain_for), a
    pipe gets it whole."""
    del indent
    return text


def password_text(result: PasswordResult) -> str:
    """Plain-text result."""
    strength = result.strength
    lines = [score_line(result)]
    lines.append(f"Guesses needed: {guesses_text(strength.guesses_log10)}")
    lines.append(f"Time to crack: {strength.crack_times.online_throttling} {ONLINE_LABEL};")
    lines.append(f"               {strength.crack_times.offline_fast_hash} {OFFLINE_LABEL}.")
    warnings, suggestions = _feedback(result)
    lines.extend(_wrap(f"Warning: {w}", "         ") for w in warnings)
    if suggestions:
        lines.append("Suggestions:")
        lines.extend(_wrap(f"  - {s}", "    ") for s in suggestions)
    lines.extend(_wrap(f"Note: {n}", "      ") for n in coverage_notes(result))
    lines.append(_wrap(breach_line(result), "              "))
    lines.append("")
    lines.append(verdict_line(result))
    if result.advice:
        lines.append("")
        lines.append("What you can do:")
        for item in result.advice:
            lines.append(_wrap(f"  - {item.title}: {item.text}", "    "))
    return "\n".join(lines) + "\n"


def password_rich(result: PasswordResult) -> RenderableType:
    """A panel with a coloured score bar, then breach status and advice."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    strength = result.strength
    score = strength.score
    colour = _SCORE_COLOURS[score]
    bar = Text()
    bar.append("█" * (score * 3), style=colour)
    bar.append("░" * ((4 - score) * 3), style="dim")
    bar.append(f"  {score} of 4, {SCORE_WORDS[score]}", style=f"bold {colour}")
    below = below_minimum(result)
    if below:
        bar.append(f", {below}", style=colour)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Strength", bar)
    grid.add_row("Guesses", guesses_text(strength.guesses_log10))
    grid.add_row(
        "Time to crack",
        f"{escape(strength.crack_times.online_throttling)} {ONLINE_LABEL};\n"
        f"{escape(strength.crack_times.offline_fast_hash)} {OFFLINE_LABEL}",
    )
    warnings, suggestions = _feedback(result)
    for warning in warnings:
        grid.add_row(Text("Warning", style="bold yellow"), escape(warning))
    for index, suggestion in enumerate(suggestions):
        grid.add_row("Try" if index == 0 else "", escape(suggestion))
    for note in coverage_notes(result):
        grid.add_row(Text("Note", style="bold cyan"), escape(note))
    breach_style = (
        "bold red" if result.breach.found else "yellow" if result.breach_incomplete else ""
    )
    grid.add_row("Breaches", Text(breach_line(result).removeprefix("Breach check: "), breach_style))
    verdict_colour = {"breached": "red", "weak": "red", "unchecked": "yellow", "ok": "green"}
    panel = Panel(
        grid,
        title="[bold]Password check[/]",
        title_align="left",
        subtitle=escape(verdict_line(result)),
        subtitle_align="left",
        border_style=verdict_colour[result.verdict],
    )
    parts: list[RenderableType] = [panel]
    if result.advice:
        advice = Table.grid(padding=(0, 1))
        advice.add_column(no_wrap=True)
        advice.add_column()
        for item in result.advice:
            advice.add_row(
                "•", Text.from_markup(f"[bold]{escape(item.title)}[/]: {escape(item.text)}")
            )
        parts.append(
            Panel(advice, title="What you can do", title_align="left", border_style="cyan")
        )
    return Group(*parts)


PASSWORD_VIEW: View[PasswordResult] = View(PasswordResult, password_text, password_rich)
