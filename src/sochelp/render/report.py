"""Views of report results and the situation list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.render import View, escape, rich_text
from sochelp.report.core import ReportResult, ShownContact, SituationSummary

if TYPE_CHECKING:
    from rich.console import RenderableType

REGION_NAMES = {
    "scotland": "Scotland",
    "england-wales": "England and Wales",
    "northern-ireland": "Northern Ireland",
}

_CONTACT_FIELDS = (
    ("phone", "Phone"),
    ("text", "Text"),
    ("email", "Email"),
    ("web", "Web"),
    ("hours", "Hours"),
)


def contact_rows(contact: ShownContact) -> list[tuple[str, str]]:
    """(label, value) for every detail of a contact that is set: both views draw these."""
    rows = [(label, value) for attr, label in _CONTACT_FIELDS if (value := getattr(contact, attr))]
    rows.append(("For", contact.purpose))
    if contact.not_for:
        rows.append(("Not for", contact.not_for))
    rows.append(("Source", contact.provenance))
    return rows


def follow_ups(result: ReportResult) -> list[tuple[str, str]]:
    """(label, commands) for the guides and the other situations worth reading next."""
    rows: list[tuple[str, str]] = []
    if result.signs:
        rows.append(("Spot the signs", ", ".join(f"sochelp signs {s}" for s in result.signs)))
    if result.also_consider:
        others = ", ".join(f"sochelp report {s}" for s in result.also_consider)
        rows.append(("Other situations that may fit", others))
    return rows


def title_line(result: ReportResult) -> str:
    """The situation and the part of the UK the contacts are for."""
    return f"{result.title} ({REGION_NAMES[str(result.region)]})"


SITUATIONS_HINT = 'Use: sochelp report SITUATION   (or describe it: sochelp report "lost money")'
URGENT_MARK = "(urgent)"


def _contact_lines(contact: ShownContact) -> list[str]:
    local = contact.local_line
    return [
        contact.name,
        *([f"  ({local})"] if local else []),
        *(f"  {label + ':':<7} {value}" for label, value in contact_rows(contact)),
    ]


def report_text(result: ReportResult) -> str:
    """Plain-text report: banner, numbered steps, then contacts."""
    lines: list[str] = []
    if result.urgent and result.banner_title:
        lines.append(f"!! {result.banner_title}")
        lines.extend(f"!! {line}" for line in result.banner_lines)
        if result.banner_local_line:
            lines.append(f"!! ({result.banner_local_line})")
        lines.append("")
    lines.append(title_line(result))
    lines.append(result.summary)
    lines.append("")
    lines.append("What to do now:")
    lines.extend(f"  {n}. {step}" for n, step in enumerate(result.steps, start=1))
    lines.append("")
    lines.append("Who to contact:")
    for contact in result.contacts:
        lines.extend(_contact_lines(contact))
        lines.append("")
    lines.extend(f"{label}: {commands}" for label, commands in follow_ups(result))
    return "\n".join(lines).rstrip() + "\n"


def report_rich(result: ReportResult) -> RenderableType:
    """Rich report: a red banner when urgent, numbered steps, a panel per contact."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    if result.urgent and result.banner_title:
        banner = "\n".join(f"• {escape(line)}" for line in result.banner_lines)
        if result.banner_local_line:
            banner += f"\n[bold yellow]{escape(result.banner_local_line)}[/]"
        parts.append(
            Panel(banner, title=f"[bold]{escape(result.banner_title)}[/]", border_style="bold red")
        )
    parts.append(rich_text(title_line(result), style="bold"))
    parts.append(rich_text(result.summary))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold cyan")
    steps.add_column()
    for n, step in enumerate(result.steps, start=1):
        steps.add_row(f"{n}.", rich_text(step))
    parts.append(Panel(steps, title="What to do now", title_align="left", border_style="cyan"))
    for contact in result.contacts:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold")
        grid.add_column()
        local = contact.local_line
        if local:
            grid.add_row(Text("Local", style="bold yellow"), rich_text(local, style="yellow"))
        for label, value in contact_rows(contact):
            if label == "Source":
                grid.add_row(label, rich_text(value, style="yellow" if contact.caution else "dim"))
            else:
                grid.add_row(label, rich_text(value))
        # The mark comes first, so a long name cut to fit the panel never hides it.
        title = ("[bold yellow]Local:[/] " if local else "") + escape(contact.name)
        parts.append(
            Panel(
                grid,
                title=title,
                title_align="left",
                border_style="yellow" if local else "none",
            )
        )
    for label, commands in follow_ups(result):
        line = Text(f"{label}: ", style="dim")
        line.append_text(rich_text(commands))
        parts.append(line)
    return Group(*parts)


REPORT_VIEW: View[ReportResult] = View(ReportResult, report_text, report_rich)


def situations_text(items: list[SituationSummary]) -> str:
    """The situation list as plain text, with how to use it."""
    width = max((len(s.id) for s in items), default=10)
    lines = [
        f"  {s.id:<{width}}  {s.title}" + (f" {URGENT_MARK}" if s.urgent else "") for s in items
    ]
    lines.append("")
    lines.append(SITUATIONS_HINT)
    return "Situations:\n" + "\n".join(lines) + "\n"


def situations_rich(items: list[SituationSummary]) -> RenderableType:
    """The situation list as a table."""
    from rich.table import Table

    table = Table(title="Situations", caption=escape(SITUATIONS_HINT))
    table.add_column("Situation", style="bold cyan", no_wrap=True)
    table.add_column("What it covers")
    for s in items:
        table.add_row(
            escape(s.id), escape(s.title) + (f" [red]{URGENT_MARK}[/]" if s.urgent else "")
        )
    return table


SITUATIONS_VIEW: View[list[SituationSummary]] = View(
    list[SituationSummary], situations_text, situations_rich
)
