"""Views of ``sochelp about``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sochelp.content.about import AboutInfo
from sochelp.render import View, escape

if TYPE_CHECKING:
    from rich.console import RenderableType


def about_json(info: AboutInfo) -> dict[str, Any]:
    """The documented ``sochelp about --json`` object."""
    return {
        "version": info.version,
        "content_date": info.content_date.isoformat() if info.content_date else None,
        "oldest_checked": info.oldest_checked.isoformat() if info.oldest_checked else None,
        "oldest_item": info.oldest_item,
        "counts": {
            "contacts": info.contacts,
            "secondary_contacts": info.secondary_contacts,
            "stale_contacts": info.stale_contacts,
            "situations": info.situations,
            "regions": info.regions,
            "quiz_questions": info.quiz_questions,
            "sign_guides": info.sign_guides,
            "checkup_items": info.checkup_items,
        },
        "overlay": info.overlay,
    }


def _rows(info: AboutInfo) -> list[tuple[str, str]]:
    def day(value: object) -> str:
        return str(value) if value is not None else "unknown"

    oldest = day(info.oldest_checked)
    if info.oldest_item:
        oldest += f" ({info.oldest_item})"
    contacts = str(info.contacts)
    notes = []
    if info.secondary_contacts:
        notes.append(f"{info.secondary_contacts} not confirmed on the organisation's own site")
    if info.stale_contacts:
        notes.append(f"{info.stale_contacts} last checked over a year ago")
    if notes:
        contacts += " (" + "; ".join(notes) + ")"
    return [
        ("Version", info.version),
        ("Content checked up to", day(info.content_date)),
        ("Oldest check", oldest),
        ("Contacts", contacts),
        ("Situations", f"{info.situations}, each for {info.regions} parts of the UK"),
        ("Quiz questions", str(info.quiz_questions)),
        ("Signs guides", str(info.sign_guides)),
        ("Check-up items", str(info.checkup_items)),
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


ABOUT_VIEW: View[AboutInfo] = View(about_json, about_text, about_rich)
