"""Views of a check-message result: plain text, rich and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.inputs import size_text
from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.links import MAX_LINKS
from sochelp.message.reading import MAX_INPUT_BYTES
from sochelp.render import View, rich_text
from sochelp.render.safe import shown_line

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

_STYLES = {Verdict.SCAM: "bold red", Verdict.SUSPICIOUS: "bold yellow", Verdict.NONE_FOUND: "bold"}


def _grouped_signs(result: MessageResult) -> list[tuple[str, str, list[str]]]:
    """(name, evidence, explanations): signs about the same words or link shown together,
    strongest first."""
    groups: dict[tuple[str, str], list[str]] = {}
    for flag in sorted(result.flags, key=lambda f: -f.weight):
        groups.setdefault((flag.name, flag.evidence), []).append(flag.explanation)
    return [(name, evidence, explanations) for (name, evidence), explanations in groups.items()]


GOOD_SIGNS_HEADING = "Good signs (a scam can copy these too)"
STEPS_HEADING = "What to do now"


def signs_heading(result: MessageResult) -> str:
    """Above the signs: small points when they do not add up to a warning."""
    if result.verdict is Verdict.NONE_FOUND:
        return "Small points noticed (not enough on their own)"
    return "Warning signs"


def link_rows(result: MessageResult) -> list[tuple[str, str, bool]]:
    """(link or address, what it is, whether that is good) for every link and address found."""
    rows: list[tuple[str, str, bool]] = []
    for link in result.links:
        if link.official_for:
            rows.append((link.url, f"on {link.domain}, {link.official_for}'s official site", True))
        else:
            problems = "; " + ", ".join(f.label for f in link.flags) if link.flags else ""
            rows.append((link.url, f"real site: {link.domain}{problems}", False))
    for address in result.addresses:
        if address.official_for:
            facts = f"on {address.domain}, {address.official_for}'s official domain"
            rows.append((address.address, facts, True))
        else:
            rows.append((address.address, ", ".join(f.label for f in address.flags), False))
    return rows


def links_heading(result: MessageResult) -> str:
    """What the list below holds: links, email addresses or both."""
    if result.links and result.addresses:
        return "Links and email addresses"
    return "Links" if result.links else "Email addresses"


#: What each request the analysis finds asks of the reader, in plain words.
REQUEST_WORDS = {
    "link": "use a link",
    "call": "call a number",
    "reply": "reply or text back",
    "pay": "pay",
    "log-in": "log in",
    "details": "confirm or update details",
    "install": "install or open something",
    "code": "share a code",
    "apply": "apply, claim or book",
    "contact": "contact someone it recommends",
}
_CLAIM_WORDS = {
    "sender": "its sender",
    "tag": "its opening",
    "signature": "its signature",
    "named": "the organisation it is about",
}


def context_lines(result: MessageResult) -> list[str]:
    """Who the message claims to be, what it asks, and what an email's header block said."""
    lines: list[str] = []
    if result.claimed_sender is not None:
        claim = result.claimed_sender
        lines.append(f"Says it is from: {claim.organisation} (from {_CLAIM_WORDS[claim.how]})")
    if result.requests:
        asks = ", ".join(REQUEST_WORDS.get(r, r) for r in result.requests)
        lines.append(f"Asks you to: {asks}")
    if result.email is not None and (result.email.sender or result.email.subject):
        # Header values are the sender's own words: one line each, nothing hidden.
        parts = [f"from {shown_line(result.email.sender)}"] if result.email.sender else []
        if result.email.reply_to:
            parts.append(f"replies to {shown_line(result.email.reply_to)}")
        if result.email.authentication_failures:
            failures = ", ".join(shown_line(f) for f in result.email.authentication_failures)
            parts.append("failed checks: " + failures)
        if parts:
            lines.append("Email: " + "; ".join(parts))
    return lines


def notes(result: MessageResult) -> list[str]:
    """What was left unchecked, in both views (the limits are said from their constants)."""
    said: list[str] = []
    if result.truncated:
        said.append(f"Only the first {size_text(MAX_INPUT_BYTES)} of the input was checked.")
    if result.links_capped:
        said.append(f"Only the first {MAX_LINKS} links were checked.")
    if result.template_link:
        said.append(
            "This reads as a sender's template: its link is a field filled in when it is sent, "
            "so the link itself could not be checked."
        )
    elif result.template:
        said.append(
            "This reads as a sender's template: its fields are filled in when it is sent, so it "
            "is not a message as anyone received it."
        )
    if result.language == "other":
        said.append(
            "It does not seem to be in English: sochelp reads English best, and only the "
            "commonest scam wordings of some other languages, so it may miss signs here."
        )
    return said


def message_text(result: MessageResult) -> str:
    """Plain text: verdict, signs, links, good signs, then what to do."""
    lines = [f"{result.verdict.text} (score {result.score})", *notes(result)]
    lines.extend(context_lines(result))
    if result.flags:
        lines += ["", signs_heading(result) + ":"]
        for name, evidence, explanations in _grouped_signs(result):
            lines.append(f'  - {name}: "{evidence}"')
            lines.extend(f"    {explanation}" for explanation in explanations)
    if result.links or result.addresses:
        lines += ["", links_heading(result) + ":"]
        lines.extend(
            f"  - {where}  ({facts})" if facts else f"  - {where}"
            for where, facts, _ in link_rows(result)
        )
    if result.good_signs:
        lines += ["", GOOD_SIGNS_HEADING + ":"]
        lines.extend(f"  - {sign}" for sign in result.good_signs)
    lines += ["", STEPS_HEADING + ":"]
    lines.extend(f"  {n}. {step}" for n, step in enumerate(result.advice, start=1))
    return "\n".join(lines) + "\n"


def message_rich(result: MessageResult) -> RenderableType:
    """Rich view: a coloured verdict panel, the signs with their words, links, then the steps."""
    from rich.console import Group
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
    parts.extend(Text(line) for line in context_lines(result))
    if result.flags:
        signs = []
        for name, evidence, explanations in _grouped_signs(result):
            block = Text()
            block.append_text(rich_text(name, style="bold"))
            block.append(": ")
            block.append_text(rich_text(f"\u201c{evidence}\u201d", style=colour))
            for explanation in explanations:
                block.append_text(rich_text("\n" + explanation))
            signs.append(block)
        parts.append(_bullet_list(signs_heading(result), signs, colour))
    if result.links or result.addresses:
        blocks = []
        for where, facts, official in link_rows(result):
            block = rich_text(where, style="bold")
            if facts:
                block.append_text(rich_text("\n" + facts, "green" if official else "yellow"))
            blocks.append(block)
        parts.append(_bullet_list(links_heading(result), blocks, "default"))
    from sochelp.render.layout import Para

    if result.good_signs:
        parts.append(Text(GOOD_SIGNS_HEADING + ":", style="bold green"))
        # Each sign a paragraph of its own, so a wrapped one hangs under its words.
        parts.extend(
            Para(Text("  \u2713 ", style="green") + rich_text(sign), hang=4)
            for sign in result.good_signs
        )
        parts.append(Text(""))

    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold cyan")
    steps.add_column()
    for n, step in enumerate(result.advice, start=1):
        steps.add_row(f"{n}.", Para(rich_text(step)))
    parts.append(Panel(steps, title=STEPS_HEADING, title_align="left", border_style="cyan"))
    return Group(*parts)


def _bullet_list(heading: str, blocks: list[Text], colour: str) -> RenderableType:
    """An underlined heading over bulleted blocks (the signs, and the links).

    Not a table: a link in a message can be long, and it must stay whole (one too long for the
    line gets a line of its own).
    """
    from rich.console import Group
    from rich.text import Text

    from sochelp.render.layout import Para

    lines: list[RenderableType] = [Text(heading, style="bold underline")]
    for block in blocks:
        first, *rest = block.split("\n")
        lines.append(Para(Text(" \u2022 ", style=colour) + first, hang=3))
        lines.extend(Para(Text("   ") + more, hang=3) for more in rest)
    lines.append(Text(""))
    return Group(*lines)


MESSAGE_VIEW: View[MessageResult] = View(MessageResult, message_text, message_rich)
