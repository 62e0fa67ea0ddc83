"""Views of ``sochelp about``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.content.about import AboutInfo
from sochelp.render import View, escape

if TYPE_CHECKING:
    from rich.console import RenderableType


def _rows(info: AboutInfo) -> list[tuple[str, str]]:
    def day(value: object) -> str:
        return str(value) if value is not None else "unknown"

    oldest = day(info.oldest_checked)
    if info.oldest_item:
        oldest += f" ({info.oldest_item})"
    counts = info.counts
    contacts = str(counts.contacts)
    notes = []
    if counts.secondary_contacts:
        notes.append(f"{counts.secondary_contacts} not confirmed on the organisation's own site")
    if counts.stale_contacts:
        notes.append(f"{counts.stale_contacts} last checked over a year ago")
    if notes:
        contacts += " (" + "; ".join(notes) + ")"
    return [
        ("Version", info.version),
        ("Content checked up to", day(info.content_date)),
        ("Oldest check", oldest),
        ("Contacts", contacts),
        ("Situations", f"{counts.situations}, each for {counts.regions} parts of the UK"),
        ("Quiz questions", str(counts.quiz_questions)),
        ("Signs guides", str(counts.sign_guides)),
        ("Check-up items", str(counts.checkup_items)),
        ("Local content", info.overlay or "none (bundled content only)"),
    ]


def about_text(info: AboutInfo) -> str:
    """Plain-text ``sochelp about``."""
    rows = _rows(info)
    width = max(len(label) for label, _ in rows) + 1
    lines = [f"{label + ':':<{width}} {value}" for label, value in rows]
    lines.append("")
    lines.append(
        "Contacts checked more than a year ago are marked in 'sochelp report'; "
        "maintainers can list them with 'sochelp content check --stale 365'."
    )
    return "\n".join(lines) + "\n"


def about_rich(info: AboutInfo) -> RenderableType:
    """``sochelp about`` as a small table."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in _rows(info):
        table.add_row(label, escape(value))
    return table


ABOUT_VIEW: View[AboutInfo] = View(AboutInfo, about_text, about_rich)
