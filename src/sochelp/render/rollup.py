"""Views of a check-up roll-up (the organisation summary) and of one return.

Text, rich and JSON through :class:`~sochelp.render.View`; Markdown and CSV as documents for a
board paper or a spreadsheet (the HTML page is in :mod:`sochelp.render.html.rollup`). Every view
says which spread it gives: the interquartile range (IQR) and the minimum to maximum.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING

from sochelp.checkup.returns import CheckupReturn
from sochelp.checkup.rollup import Reason, Rollup, Spread
from sochelp.render import View, escape, rich_text, to_json

if TYPE_CHECKING:
    from rich.console import RenderableType

REASON_NAMES = {
    Reason.MALFORMED: "malformed",
    Reason.DUPLICATE: "duplicate",
    Reason.NEWER_VERSION: "from a newer sochelp",
    Reason.OTHER_AUDIENCE: "another audience",
}

SPREAD_NOTE = (
    "Scores are 0-100 (impact-weighted: yes counts fully, partly half, no nothing). Median, "
    "then the spread: IQR = first to third quartile (inclusive method), range = lowest to highest."
)


def number_text(value: float | None) -> str:
    if value is None:
        return "n/a"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def spread_text(s: Spread) -> str:
    """``median 62 (IQR 50–75, range 20–100, 40 returns)``."""
    if s.count == 0:
        return "no scores"
    return (
        f"median {number_text(s.median)} (IQR {number_text(s.q1)}–{number_text(s.q3)}, "
        f"range {number_text(s.minimum)}–{number_text(s.maximum)}, "
        f"{s.count} return{'s' if s.count != 1 else ''})"
    )


def left_out_lines(rollup: Rollup) -> list[str]:
    """A count per reason, then each file left out, named."""
    if not rollup.left_out:
        return ["No files were left out."]
    counts = ", ".join(
        f"{n} {REASON_NAMES[reason]}" for reason, n in sorted(rollup.left_out_counts.items())
    )
    lines = [f"Left out: {len(rollup.left_out)} file(s) ({counts}):"]
    lines.extend(
        f"  {entry.file}: {REASON_NAMES[entry.reason]} ({entry.detail})"
        for entry in rollup.left_out
    )
    return lines


def heading(rollup: Rollup) -> str:
    return (
        f"Check-up roll-up: {rollup.title} ({rollup.audience.value}): {rollup.returns} "
        f"return{'s' if rollup.returns != 1 else ''}, {rollup.complete} complete"
    )


def rollup_text(rollup: Rollup) -> str:
    """The summary as plain text."""
    lines = [heading(rollup), SPREAD_NOTE, "", f"Overall: {spread_text(rollup.overall)}", ""]
    lines.append("By section:")
    width = max((len(s.name) for s in rollup.sections), default=10)
    lines.extend(f"  {s.name:<{width}}  {spread_text(s.scores)}" for s in rollup.sections)
    lines.extend(["", "Gaps, most serious first (number of 'no' answers × impact):"])
    if not rollup.gaps:
        lines.append("  None: no item was answered 'no'.")
    for rank, item in enumerate(rollup.gaps, start=1):
        lines.append(
            f"  {rank}. {item.title} – {item.no} no × impact {item.impact} = {item.gap}"
            f" (partly {item.partly})"
        )
    lines.extend(["", "Every item (yes / partly / no / not applicable / unanswered):"])
    for item in rollup.items:
        lines.append(
            f"  {item.title} [{item.section}]: {item.yes} / {item.partly} / {item.no} / "
            f"{item.not_applicable} / {item.unanswered}"
        )
    lines.append("")
    lines.extend(left_out_lines(rollup))
    if rollup.unknown_answers:
        lines.append(
            f"{rollup.unknown_answers} answer(s) to items not in this checklist were ignored."
        )
    return "\n".join(lines) + "\n"


def rollup_rich(rollup: Rollup) -> RenderableType:
    """The summary with tables."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [
        rich_text(heading(rollup), style="bold"),
        Text(SPREAD_NOTE, style="dim"),
    ]
    scores = Table(title="Scores", title_justify="left")
    for column in ("", "Median", "IQR", "Range", "Returns"):
        scores.add_column(column, justify="left" if not column else "right")

    def row(name: str, s: Spread) -> None:
        scores.add_row(
            escape(name),
            number_text(s.median),
            f"{number_text(s.q1)}–{number_text(s.q3)}",
            f"{number_text(s.minimum)}–{number_text(s.maximum)}",
            str(s.count),
        )

    row("Overall", rollup.overall)
    for section in rollup.sections:
        row(section.name, section.scores)
    parts.append(scores)
    gaps = Table(title="Gaps (no × impact)", title_justify="left")
    for column in ("#", "Item", "No", "Impact", "Weight", "Partly"):
        gaps.add_column(column, justify="right" if column not in ("Item",) else "left")
    for rank, item in enumerate(rollup.gaps, start=1):
        gaps.add_row(
            str(rank),
            escape(item.title),
            str(item.no),
            str(item.impact),
            str(item.gap),
            str(item.partly),
        )
    parts.append(gaps if rollup.gaps else Text("No item was answered 'no'."))
    items = Table(title="Every item", title_justify="left")
    for column in ("Item", "Section", "Yes", "Partly", "No", "N/A", "Unanswered"):
        items.add_column(column, justify="left" if column in ("Item", "Section") else "right")
    for item in rollup.items:
        items.add_row(
            escape(item.title),
            escape(item.section),
            str(item.yes),
            str(item.partly),
            str(item.no),
            str(item.not_applicable),
            str(item.unanswered),
        )
    parts.append(items)
    parts.extend(
        rich_text(line, style="yellow" if rollup.left_out else "dim")
        for line in left_out_lines(rollup)
    )
    return Group(*parts)


ROLLUP_VIEW: View[Rollup] = View(Rollup, rollup_text, rollup_rich)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def rollup_markdown(rollup: Rollup) -> str:
    """The summary as Markdown, for a board or committee paper."""
    out = [f"# {_md(heading(rollup))}", "", SPREAD_NOTE, "", "## Scores", ""]
    out += ["| | Median | IQR | Range | Returns |", "|---|---:|---:|---:|---:|"]
    rows = [("Overall", rollup.overall)] + [(s.name, s.scores) for s in rollup.sections]
    for name, s in rows:
        out.append(
            f"| {_md(name)} | {number_text(s.median)} | {number_text(s.q1)}–{number_text(s.q3)} | "
            f"{number_text(s.minimum)}–{number_text(s.maximum)} | {s.count} |"
        )
    out += [
        "",
        "## Gaps, most serious first",
        "",
        "Ranked by the number of “no” answers × impact (1–3).",
        "",
    ]
    if rollup.gaps:
        out += ["| # | Item | No | Impact | Weight | Partly |", "|---:|---|---:|---:|---:|---:|"]
        out += [
            f"| {rank} | {_md(i.title)} | {i.no} | {i.impact} | {i.gap} | {i.partly} |"
            for rank, i in enumerate(rollup.gaps, start=1)
        ]
    else:
        out.append("No item was answered “no”.")
    out += ["", "## Every item", "", "| Item | Section | Yes | Partly | No | N/A | Unanswered |"]
    out.append("|---|---|---:|---:|---:|---:|---:|")
    out += [
        f"| {_md(i.title)} | {_md(i.section)} | {i.yes} | {i.partly} | {i.no} | "
        f"{i.not_applicable} | {i.unanswered} |"
        for i in rollup.items
    ]
    out += ["", "## Files left out", ""]
    out += [f"- {_md(line.strip())}" for line in left_out_lines(rollup)]
    return "\n".join(out) + "\n"


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (titles come from content, which
    a local overlay can change)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_COLUMNS = (
    "row",
    "section",
    "item_id",
    "title",
    "impact",
    "returns",
    "median",
    "q1",
    "q3",
    "min",
    "max",
    "yes",
    "partly",
    "no",
    "not_applicable",
    "unanswered",
    "gap_weight",
    "gap_rank",
)


def rollup_csv(rollup: Rollup) -> str:
    """One table: an "overall" row, a row per section, a row per item (blank where a column does
    not apply)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def scores(s: Spread) -> list[object]:
        return [s.count, s.median, s.q1, s.q3, s.minimum, s.maximum]

    writer.writerow(["overall", "", "", rollup.title, "", *scores(rollup.overall)] + [""] * 7)
    for section in rollup.sections:
        writer.writerow(
            ["section", _cell(section.name), "", "", "", *scores(section.scores)] + [""] * 7
        )
    ranks = {item.id: rank for rank, item in enumerate(rollup.gaps, start=1)}
    for i in rollup.items:
        writer.writerow(
            [
                "item",
                _cell(i.section),
                i.id,
                _cell(i.title),
                i.impact,
                rollup.returns,
                "",
                "",
                "",
                "",
                "",
                i.yes,
                i.partly,
                i.no,
                i.not_applicable,
                i.unanswered,
                i.gap,
                ranks.get(i.id, ""),
            ]
        )
    return buffer.getvalue()


def return_json(item: CheckupReturn) -> str:
    """A return as the JSON file ``--export json`` writes."""
    return json.dumps(to_json(item), indent=2, ensure_ascii=False) + "\n"


RETURN_VIEW: View[CheckupReturn] = View(CheckupReturn, return_json, wrap=False)


def rollup_document(rollup: Rollup, export: str, today: dt.date, large_print: bool = False) -> str:
    """The summary as a Markdown, CSV or HTML document (``--export``)."""
    if export == "csv":
        return rollup_csv(rollup)
    if export == "html":
        from sochelp.render.html.rollup import rollup_page

        return rollup_page(rollup, today=today, large_print=large_print)
    return rollup_markdown(rollup)
