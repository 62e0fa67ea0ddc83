"""Views of spotting-the-signs guides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.render import View, escape, rich_text
from sochelp.signs.content import Guide
from sochelp.signs.core import GuideSummary

if TYPE_CHECKING:
    from rich.console import RenderableType


GUIDES_HINT = "Use: sochelp signs TOPIC"


def who_to_tell(guide: Guide) -> str:
    """The situation to report under."""
    return f"Who to tell: sochelp report {guide.report_situation}"


def see_also(guide: Guide) -> str | None:
    """Related guides, if any."""
    if not guide.see_also:
        return None
    return f"See also: {', '.join(f'sochelp signs {g}' for g in guide.see_also)}"


def checked_line(guide: Guide) -> str:
    """When the guide was checked, and against what."""
    return f"Checked {guide.checked.isoformat()}; sources: {', '.join(guide.sources)}"


def guide_text(guide: Guide) -> str:
    """A guide as plain text."""
    lines = [guide.title, guide.summary, ""]
    for group in guide.groups:
        lines.append(f"{group.kind}:")
        lines.extend(f"  - {sign}" for sign in group.signs)
        lines.append("")
    lines.append("What to do:")
    lines.extend(f"  - {item}" for item in guide.do)
    lines.append("")
    lines.append("What not to do:")
    lines.extend(f"  - {item}" for item in guide.dont)
    lines.append("")
    lines.append(who_to_tell(guide))
    lines.extend(line for line in (see_also(guide),) if line)
    lines.append(checked_line(guide))
    return "\n".join(lines) + "\n"


def guide_rich(guide: Guide) -> RenderableType:
    """A guide with a panel per group of signs."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from sochelp.render.layout import Para, para

    def bullets(mark: str, style: str, items: list[str]) -> Group:
        return Group(*(Para(Text(f"{mark} ", style=style) + rich_text(i), hang=2) for i in items))

    parts: list[RenderableType] = [para(guide.title, style="bold"), para(guide.summary)]
    for group in guide.groups:
        body = bullets("•", "", list(group.signs))
        parts.append(Panel(body, title=escape(group.kind), title_align="left"))
    do = bullets("✓", "green", list(guide.do))
    dont = bullets("✗", "red", list(guide.dont))
    parts.append(Panel(do, title="What to do", title_align="left", border_style="green"))
    parts.append(Panel(dont, title="What not to do", title_align="left", border_style="red"))
    parts.append(para(who_to_tell(guide), style="bold"))
    also = see_also(guide)
    if also:
        parts.append(para(also))
    parts.append(para(checked_line(guide), style="dim"))
    return Group(*parts)


GUIDE_VIEW: View[Guide] = View(Guide, guide_text, guide_rich)


def guides_text(items: list[GuideSummary]) -> str:
    """The guide list as plain text."""
    width = max((len(g.id) for g in items), default=10)
    lines = ["Guides:", *(f"  {g.id:<{width}}  {g.title}" for g in items)]
    lines += ["", GUIDES_HINT]
    return "\n".join(lines) + "\n"


def guides_rich(items: list[GuideSummary]) -> RenderableType:
    """The guide list as a table."""
    from rich.table import Table

    table = Table(title="Spotting-the-signs guides", caption=GUIDES_HINT)
    table.add_column("Topic", style="bold cyan", no_wrap=True)
    table.add_column("Guide")
    for g in items:
        table.add_row(escape(g.id), escape(g.title))
    return table


GUIDES_VIEW: View[list[GuideSummary]] = View(list[GuideSummary], guides_text, guides_rich)
