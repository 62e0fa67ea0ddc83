"""Views of a check-message result: plain text, rich and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.render import View, escape

if TYPE_CHECKING:
    from rich.console import RenderableType

HEADLINES = {
    Verdict.SCAM: "Strong signs of a scam",
    Verdict.SUSPICIOUS: "Some warning signs",
    Verdict.NONE_FOUND: "No known warning signs found (that does not make it safe)",
}
_STYLES = {Verdict.SCAM: "bold red", Verdict.SUSPICIOUS: "bold yellow", Verdict.NONE_FOUND: "bold"}


def message_json(result: MessageResult) -> dict[str, Any]:
    """The documented ``check-message --json`` object."""
    return {
        "verdict": str(result.verdict),
        "verdict_text": HEADLINES[result.verdict],
        "score": result.score,
        "channel": result.channel,
        "flags": [
            {
                "kind": f.kind,
                "name": f.name,
                "evidence": f.evidence,
                "explanation": f.explanation,
                "weight": f.weight,
                "source": f.source,
            }
            for f in result.flags
        ],
        "links": [
            {
                "url": link.url,
                "host": link.host,
                "domain": link.domain,
                "official_for": link.official_for,
                "flags": [{"code": f.code, "explanation": f.explanation} for f in link.flags],
            }
            for link in result.links
        ],
        "good_signs": list(result.good_signs),
        "organisations": list(result.organisations),
        "report_situation": result.report_situation,
        "advice": list(result.advice),
        "truncated": result.truncated,
        "links_capped": result.links_capped,
    }


def _sign_lines(result: MessageResult) -> list[str]:
    lines: list[str] = []
    for flag in sorted(result.flags, key=lambda f: -f.weight):
        lines.append(f'  - {flag.name}: "{flag.evidence}"')
        lines.append(f"    {flag.explanation}")
    return lines


def _link_lines(result: MessageResult) -> list[str]:
    lines: list[str] = []
    for link in result.links:
        if link.official_for:
            lines.append(f"  - {link.url}  (on {link.domain}, {link.official_for}'s official site)")
        elif link.flags:
            codes = ", ".join(f.code for f in link.flags)
            lines.append(f"  - {link.url}  (real site: {link.domain}; {codes})")
        else:
            lines.append(f"  - {link.url}  (real site: {link.domain})")
    return lines


def _notes(result: MessageResult) -> list[str]:
    notes: list[str] = []
    if result.truncated:
        notes.append("Only the first 1 MB of the input was checked.")
    if result.links_capped:
        notes.append("Only the first 50 links were checked.")
    return notes


def message_text(result: MessageResult) -> str:
    """Plain text: verdict, signs, links, good signs, then what to do."""
    lines = [f"{HEADLINES[result.verdict]} (score {result.score})"]
    lines.extend(_notes(result))
    if result.flags:
        heading = (
            "Small points noticed (not enough on their own):"
            if result.verdict is Verdict.NONE_FOUND
            else "Warning signs:"
        )
        lines += ["", heading, *_sign_lines(result)]
    if result.links:
        lines += ["", "Links:", *_link_lines(result)]
    if result.good_signs:
        lines += ["", "Good signs (a scam can copy these too):"]
        lines.extend(f"  - {sign}" for sign in result.good_signs)
    lines += ["", "What to do now:"]
    lines.extend(f"  {n}. {step}" for n, step in enumerate(result.advice, start=1))
    return "\n".join(lines) + "\n"


def message_rich(result: MessageResult) -> RenderableType:
    """Rich view: a coloured verdict panel, a table of signs, links and the steps."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    style = _STYLES[result.verdict]
    parts: list[RenderableType] = [
        Panel(
            Text.from_markup(
                f"[{style}]{escape(HEADLINES[result.verdict])}[/]  [dim]score {result.score}[/]"
            ),
            border_style=style.replace("bold ", "")
            if result.verdict is not Verdict.NONE_FOUND
            else "white",
        )
    ]
    for note in _notes(result):
        parts.append(Text(note, style="dim"))
    if result.flags:
        title = (
            "Small points noticed (not enough on their own)"
            if result.verdict is Verdict.NONE_FOUND
            else "Warning signs"
        )
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("Sign", style="bold", no_wrap=True)
        table.add_column("Found")
        table.add_column("Why it matters")
        for flag in sorted(result.flags, key=lambda f: -f.weight):
            table.add_row(escape(flag.name), escape(flag.evidence), escape(flag.explanation))
        parts.append(table)
    if result.links:
        links = Text()
        for line in _link_lines(result):
            links.append(line + "\n")
        parts.append(Panel(links, title="Links", title_align="left", border_style="dim"))
    if result.good_signs:
        parts.append(
            Text("Good signs (a scam can copy these too): " + "; ".join(result.good_signs))
        )
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold cyan")
    steps.add_column()
    for n, step in enumerate(result.advice, start=1):
        steps.add_row(f"{n}.", escape(step))
    parts.append(Panel(steps, title="What to do now", title_align="left", border_style="cyan"))
    return Group(*parts)


MESSAGE_VIEW: View[MessageResult] = View(message_json, message_text, message_rich)
