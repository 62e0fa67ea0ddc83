"""Views of a check-up result: rich, plain text, JSON, and the Markdown action plan export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.checkup.content import EFFORT_NAMES, IMPACT_NAMES
from sochelp.checkup.engine import (
    ANSWER_NAMES,
    CheckupResult,
    Comparison,
    PlanStep,
    related_commands,
)
from sochelp.render import View, escape, rich_text

if TYPE_CHECKING:
    from rich.console import RenderableType


def _pct(value: int | None) -> str:
    return "n/a" if value is None else f"{value}%"


def _export_hint(result: CheckupResult) -> str:
    # --last reads the saved answers, which --no-save never wrote.
    if result.saved:
        return (
            f"Export the plan: sochelp checkup {result.audience} --last --export markdown "
            "--output plan.md"
        )
    return (
        "Nothing was saved (--no-save). To export this plan, answer again with "
        f"sochelp checkup {result.audience} --no-save --export markdown --output plan.md"
    )


def _continue_hint(result: CheckupResult) -> str:
    return f"Unfinished: {result.answered} of {result.total} answered. " + (
        f"Run 'sochelp checkup {result.audience}' to continue."
        if result.saved
        else "Your answers were not saved."
    )


NOTHING_TO_ADD = "Nothing to add to your plan: every answered item is in place or not applicable."


def step_facts(step: PlanStep) -> str:
    """What was answered for a plan step, and its impact and effort."""
    return (
        f"You said: {ANSWER_NAMES[step.answer]}. Impact: {IMPACT_NAMES[step.impact]}. "
        f"Effort: {EFFORT_NAMES[step.effort]}."
    )


def see_also_line(step: PlanStep) -> str | None:
    """The sochelp commands that help with a step, if any."""
    refs = related_commands(step)
    return "See also: " + "; ".join(refs) if refs else None


def _change_lines(comparison: Comparison) -> list[str]:
    lines = [
        f"Since your check-up of {comparison.previous_date[:10]}: score "
        f"{_pct(comparison.previous_score)} -> {_pct(comparison.score)}."
    ]
    for label, changes in (
        ("Better", comparison.improved),
        ("Worse", comparison.worsened),
        ("Changed", comparison.other),
    ):
        for change in changes:
            lines.append(
                f"  {label}: {change.title} ({ANSWER_NAMES[change.before]} -> "
                f"{ANSWER_NAMES[change.after]})"
            )
    if not (comparison.improved or comparison.worsened or comparison.other):
        lines.append("  No answers changed.")
    if comparison.new_items:
        count = len(comparison.new_items)
        lines.append(f"  {count} new question{'s' if count != 1 else ''} since last time.")
    return lines


# --- plain text -------------------------------------------------------------------------------


def checkup_text(result: CheckupResult) -> str:
    """Plain-text result: score, sections, changes, then the action plan with steps."""
    lines = [f"Check-up: {result.audience_title}", f"Overall score: {_pct(result.score)}"]
    if not result.complete:
        lines.append(_continue_hint(result))
    lines.append("")
    lines.append("Score by section:")
    width = max((len(s.name) for s in result.sections), default=10)
    for s in result.sections:
        lines.append(
            f"  {s.name:<{width}}  {_pct(s.score):>4}   yes {s.yes}, partly {s.partly}, "
            f"no {s.no}, n/a {s.not_applicable}"
            + (f", not yet answered {s.unanswered}" if s.unanswered else "")
        )
    if result.comparison is not None:
        lines.append("")
        lines.extend(_change_lines(result.comparison))
    lines.append("")
    if result.plan:
        lines.append("Your action plan (most worthwhile first):")
        for number, step in enumerate(result.plan, start=1):
            lines.append("")
            lines.append(f"{number}. {step.title}")
            lines.append(f"   {step_facts(step)}")
            lines.append(f"   Why: {step.why}")
            lines.extend(f"   - {text}" for text in step.steps)
            lines.extend(f"   Source: {link}" for link in step.links)
            lines.extend(f"   {line}" for line in (see_also_line(step),) if line)
    elif result.answered:
        lines.append(NOTHING_TO_ADD)
    lines.append("")
    lines.append(_export_hint(result))
    return "\n".join(lines).rstrip() + "\n"


# --- rich -------------------------------------------------------------------------------------


def checkup_rich(result: CheckupResult) -> RenderableType:
    """Rich result: a score header, a section table, changes, then each action."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [
        Text.from_markup(
            f"[bold]Check-up: {escape(result.audience_title)}[/]\n"
            f"Overall score: [bold]{_pct(result.score)}[/]"
        )
    ]
    if not result.complete:
        parts.append(Text(_continue_hint(result), style="yellow"))
    table = Table(title="Score by section", title_justify="left")
    table.add_column("Section")
    table.add_column("Score", justify="right", style="bold")
    labels = ["Yes", "Partly", "No", "N/A"]
    unfinished = any(s.unanswered for s in result.sections)
    if unfinished:
        labels.append("Not yet")
    for label in labels:
        table.add_column(label, justify="right")
    for s in result.sections:
        cells = [str(s.yes), str(s.partly), str(s.no), str(s.not_applicable)]
        if unfinished:
            cells.append(str(s.unanswered))
        table.add_row(escape(s.name), _pct(s.score), *cells)
    parts.append(table)
    if result.comparison is not None:
        parts.append(
            Panel(
                escape("\n".join(_change_lines(result.comparison))),
                title="Since last time",
                title_align="left",
                border_style="magenta",
            )
        )
    from sochelp.render.layout import Para, para

    # Each action is a heading and indented lines, not a box: its source addresses are long and
    # must stay whole (one too long for the line gets a line of its own).
    if result.plan:
        parts.append(Text("Your action plan (most worthwhile first)", style="bold cyan underline"))
    for number, step in enumerate(result.plan, start=1):
        parts.append(Text(""))
        parts.append(para(f"{number}. {step.title}", style="bold", hang=3))
        parts.append(para(f"   {step_facts(step)}", style="dim", hang=3))
        parts.append(Para(Text("   Why: ", style="bold") + rich_text(step.why), hang=8))
        for text in step.steps:
            parts.append(Para(Text("   • ") + rich_text(text), hang=5))
        for link in step.links:
            parts.append(para(f"   Source: {link}", style="dim", hang=11))
        see_also = see_also_line(step)
        if see_also:
            parts.append(para(f"   {see_also}", style="cyan", hang=3))
    if not result.plan and result.answered:
        parts.append(para(NOTHING_TO_ADD, style="green"))
    parts.append(Text(""))
    parts.append(para(_export_hint(result), style="dim"))
    return Group(*parts)


CHECKUP_VIEW: View[CheckupResult] = View(CheckupResult, checkup_text, checkup_rich)


# --- Markdown export --------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape the few characters that would break a Markdown table or list."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def plan_markdown(result: CheckupResult) -> str:
    """The action plan as Markdown, for a board paper or a community meeting."""
    out = [f"# Action plan: {_md(result.audience_title)}", ""]
    when = f" on {result.date[:10]}" if result.date else ""
    out.append(
        f"Check-up done with sochelp{when}: {result.answered} of {result.total} questions "
        f"answered, overall score {_pct(result.score)} (impact-weighted: yes counts fully, "
        "partly half, no nothing; not applicable is left out)."
    )
    if not result.complete:
        out.extend(["", f"> This check-up is unfinished ({result.answered} of {result.total})."])
    out.extend(["", "## Score by section", ""])
    out.append("| Section | Score | Yes | Partly | No | N/A |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for s in result.sections:
        out.append(
            f"| {_md(s.name)} | {_pct(s.score)} | {s.yes} | {s.partly} | {s.no} | "
            f"{s.not_applicable} |"
        )
    if result.comparison is not None:
        out.extend(["", "## Since last time", ""])
        out.extend(f"- {_md(line.strip())}" for line in _change_lines(result.comparison))
    out.extend(["", "## Actions, most worthwhile first", ""])
    if not result.plan:
        out.append("No actions: every answered item is in place or not applicable.")
    for number, step in enumerate(result.plan, start=1):
        out.append(f"### {number}. {_md(step.title)}")
        out.append("")
        out.append(
            f"*Current answer:* {ANSWER_NAMES[step.answer]} · *Impact:* "
            f"{IMPACT_NAMES[step.impact]} · *Effort:* {EFFORT_NAMES[step.effort]} · "
            f"*Section:* {_md(step.section)}"
        )
        out.append("")
        out.append(f"*Why it matters:* {_md(step.why)}")
        out.append("")
        out.extend(f"{n}. {_md(text)}" for n, text in enumerate(step.steps, start=1))
        out.append("")
        out.append("Sources: " + ", ".join(f"<{link}>" for link in step.links))
        refs = related_commands(step)
        if refs:
            out.append("")
            out.append("See also: " + ", ".join(f"`{ref}`" for ref in refs))
        out.extend(["", "Owner: ________________   Due by: ____________", ""])
    if result.in_place:
        out.extend(["## Already in place", ""])
        out.extend(f"- {_md(title)}" for title in result.in_place)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
