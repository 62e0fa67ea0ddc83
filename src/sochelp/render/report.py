"""Views of report results and the situation list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.render import View, escape, rich_text
from sochelp.report.core import REGION_NAMES as REGION_NAMES
from sochelp.report.core import ReportResult, ShownContact, SituationSummary

if TYPE_CHECKING:
    from rich.console import RenderableType

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
    return f"{result.title} ({REGION_NAMES[result.region]})"


def danger_again(result: ReportResult) -> str | None:
    """For urgent situations, the 999 line again at the end, so a long answer does not leave
    it scrolled out of sight."""
    return result.banner_title if result.urgent and result.banner_title else None


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
    """Plain-text report: banner, region, numbered steps, contacts, the banner line again."""
    lines: list[str] = []
    if result.urgent and result.banner_title:
        lines.append(f"!! {result.banner_title}")
        lines.extend(f"!! {line}" for line in result.banner_lines)
        if result.banner_local_line:
            lines.append(f"!! ({result.banner_local_line})")
        lines.append("")
    lines.append(title_line(result))
    lines.append(result.region_note)
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
    again = danger_again(result)
    if again:
        lines.extend(["", f"!! {again}"])
    return "\n".join(lines).rstrip() + "\n"


#: Width of the label column of a contact (two spaces, "Not for", a space).
_LABEL_COLUMN = 11


def report_rich(result: ReportResult) -> RenderableType:
    """Rich report: a red banner when urgent, numbered steps, then each contact under its name.

    Contacts are not boxed: their phone numbers and addresses are wrapped whole and a long web
    address gets a line of its own, so it can be copied or clicked.
    """
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from sochelp.render.layout import Para, para

    parts: list[RenderableType] = []
    if result.urgent and result.banner_title:
        banner = Group(
            *(Para(Text("• ") + rich_text(line), hang=2) for line in result.banner_lines)
        )
        if result.banner_local_line:
            banner = Group(banner, para(result.banner_local_line, style="bold yellow"))
        parts.append(
            Panel(banner, title=f"[bold]{escape(result.banner_title)}[/]", border_style="bold red")
        )
    parts.append(para(title_line(result), style="bold"))
    parts.append(para(result.region_note, style="italic cyan"))
    parts.append(para(result.summary))
    parts.append(Text(""))
    parts.append(Text("What to do now", style="bold cyan underline"))
    for n, step in enumerate(result.steps, start=1):
        number = f"{n}.".rjust(3)
        parts.append(Para(Text(f" {number} ", style="bold cyan") + rich_text(step), hang=5))
    parts.append(Text(""))
    parts.append(Text("Who to contact", style="bold cyan underline"))
    for contact in result.contacts:
        parts.append(Text(""))
        local = contact.local_line
        # The mark comes first, so a reader sees it before the name and the numbers.
        name = (Text("Local: ", style="bold yellow") if local else Text("")) + rich_text(
            contact.name, style="bold"
        )
        parts.append(Para(name))
        if local:
            parts.append(para(f"  {local}", style="yellow", hang=2))
        for label, value in contact_rows(contact):
            style = ""
            if label == "Source":
                style = "yellow" if contact.caution else "dim"
            line = Text(f"  {label:<8} ", style="bold") + rich_text(value, style=style)
            parts.append(Para(line, hang=_LABEL_COLUMN))
    follow = follow_ups(result)
    if follow:
        parts.append(Text(""))
    for label, commands in follow:
        parts.append(Para(Text(f"{label}: ", style="dim") + rich_text(commands)))
    again = danger_again(result)
    if again:
        parts.append(Text(""))
        parts.append(para(f"⚠ {again}", style="bold red"))
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
