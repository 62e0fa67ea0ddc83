"""Views of a check-message result: plain text, rich and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.inputs import size_text
from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.links import MAX_LINKS
from sochelp.message.reading import MAX_INPUT_BYTES
from sochelp.render import View

if TYPE_CHECKING:
    from rich.console import RenderableType

_STYLES = {Verdict.SCAM: "bold red", Verdict.SUSPICIOUS: "bold yellow", Verdict.NONE_FOUND: "bold"}


def _grouped_signs(result: MessageResult) -> list[tuple[str, str, list[str]]]:
    """(name, evidence, explanations): signs about the same words or link shown together,
    strongest first."""
    groups: dict[tuple[str, str], list[str]] = {}
    for flag in sorted(result.flags, key=lambda f: -f.weight):
        groups.setdefault((flag.name, flag.evidence), []).append(flag.explanation)
    return [(name, evidence, explanations) for (name, evidence), explanations in groups.items()]


def _sign_lines(result: MessageResult) -> list[str]:
    lines: list[str] = []
    for name, evidence, explanations in _grouped_signs(result):
        lines.append(f'  - {name}: "{evidence}"')
        lines.extend(f"    {explanation}" for explanation in explanations)
    return lines


def _link_lines(result: MessageResult) -> list[str]:
    lines: list[str] = []
    for link in result.links:
        if link.official_for:
            lines.append(f"  - {link.url}  (on {link.domain}, {link.official_for}'s official site)")
        elif link.flags:
            problems = ", ".join(f.label for f in link.flags)
            lines.append(f"  - {link.url}  (real site: {link.domain}; {problems})")
        else:
            lines.append(f"  - {link.url}  (real site: {link.domain})")
    for address in result.addresses:
        if address.official_for:
            lines.append(
                f"  - {address.address}  (on {address.domain}, "
                f"{address.official_for}'s official domain)"
            )
        elif address.flags:
            problems = ", ".join(f.label for f in address.flags)
            lines.append(f"  - {address.address}  ({problems})")
        else:
            lines.append(f"  - {address.address}")
    return lines


def _links_heading(result: MessageResult) -> str:
    if result.links and result.addresses:
        return "Links and email addresses"
    return "Links" if result.links else "Email addresses"


def notes(result: MessageResult) -> list[str]:
    """What was left unchecked, in both views (the limits are said from their constants)."""
    said: list[str] = []
    if result.truncated:
        said.append(f"Only the first {size_text(MAX_INPUT_BYTES)} of the input was checked.")
    if result.links_capped:
        said.append(f"Only the first {MAX_LINKS} links were checked.")
    return said


def message_text(result: MessageResult) -> str:
    """Plain text: verdict, signs, links, good signs, then what to do."""
    lines = [f"{result.verdict.text} (score {result.score})"]
    lines.extend(notes(result))
    if result.flags:
        heading = (
            "Small points noticed (not enough on their own):"
            if result.verdict is Verdict.NONE_FOUND
            else "Warning signs:"
        )
        lines += ["", heading, *_sign_lines(result)]
    if result.links or result.addresses:
        lines += ["", _links_heading(result) + ":", *_link_lines(result)]
    if result.good_signs:
        lines += ["", "Good signs (a scam can copy these too):"]
        lines.extend(f"  - {sign}" for sign in result.good_signs)
    lines += ["", "What to do now:"]
    lines.extend(f"  {n}. {step}" for n, step in enumerate(result.advice, start=1))
    return "\n".join(lines) + "\n"


def message_rich(result: MessageResult) -> RenderableType:
    """Rich view: a coloured verdict panel, the signs with their words, links, then the steps."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    style = _STYLES[result.verdict]
    colour = style.replace("bold ", "") if result.verdict is not Verdict.NONE_FOUND else "white"
    headline = Text()
    headline.append(result.verdict.text, style=style)
    headline.append(f"   score {result.score}", style="dim")
    parts: list[RenderableType] = [Panel(headline, border_style=colour)]
    parts.extend(Text(note, style="italic") for note in notes(result))
    if result.flags:
        title = (
            "Small points noticed (not enough on their own)"
            if result.verdict is Verdict.NONE_FOUND
            else "Warning signs"
        )
        parts.append(Text(title, style="bold underline"))
        signs = Table.grid(padding=(0, 1))
        signs.add_column(no_wrap=True)
        signs.add_column()
        for name, evidence, explanations in _grouped_signs(result):
            block = Text()
            block.append(name, style="bold")
            block.append(": ")
            block.append(f"\u201c{evidence}\u201d", style=f"{colour}")
            for explanation in explanations:
                block.append("\n" + explanation)
            signs.add_row(Text("\u2022", style=colour), block)
        parts.append(Padding(signs, (0, 0, 1, 1)))
    if result.links or result.addresses:
        parts.append(_rich_links(result))
    if result.good_signs:
        good = Text("Good signs (a scam can copy these too):", style="bold green")
        for sign in result.good_signs:
            good.append("\n  \u2713 ", style="green")
            good.append(sign)
        parts.append(Padding(good, (0, 0, 1, 0)))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold cyan")
    steps.add_column()
    for n, step in enumerate(result.advice, start=1):
        steps.add_row(f"{n}.", Text(step))
    parts.append(Panel(steps, title="What to do now", title_align="left", border_style="cyan"))
    return Group(*parts)


def _rich_links(result: MessageResult) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True)
    rows.add_column()
    for link in result.links:
        block = Text(link.url)
        if link.official_for:
            block.append("\non ")
            block.append(link.domain, style="bold")
            block.append(f", {link.official_for}'s official site", style="green")
        else:
            block.append("\nreal site: ")
            block.append(link.domain, style="bold")
            if link.flags:
                block.append(" \u2014 " + ", ".join(f.label for f in link.flags), style="yellow")
        rows.add_row("\u2022", block)
    for address in result.addresses:
        block = Text(address.address, style="bold")
        if address.official_for:
            block.append(f" \u2014 on {address.official_for}'s official domain", style="green")
        elif address.flags:
            block.append(" \u2014 " + ", ".join(f.label for f in address.flags), style="yellow")
        rows.add_row("\u2022", block)
    heading = Text(_links_heading(result), style="bold underline")
    return Group(heading, Padding(rows, (0, 0, 1, 1)))


MESSAGE_VIEW: View[MessageResult] = View(MessageResult, message_text, message_rich)
