"""The check-up roll-up as a printable page for a board, trustees or a council committee."""

from __future__ import annotations

import datetime as dt

from sochelp.checkup.rollup import Rollup, Spread
from sochelp.render.html import Markup, el, join, page
from sochelp.render.html.style import base_css
from sochelp.render.rollup import SPREAD_NOTE, heading, left_out_lines, number_text

_CSS = """
table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}
th,td{border:1px solid var(--muted);padding:.2em .45em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
thead th{background:var(--panel)}
caption{text-align:left;font-weight:bold;padding:.2em 0}
tr{break-inside:avoid}
"""


def _row(cells: list[object], header: str | None = None) -> Markup:
    out: list[Markup] = []
    if header is not None:
        out.append(el("th", header, scope="row"))
    out.extend(el("td", str(c), class_="n") for c in cells)
    return el("tr", out)


def _table(caption: str, columns: list[str], rows: list[Markup], numeric_from: int) -> Markup:
    head = el(
        "tr",
        (
            el("th", c, scope="col", class_="n" if i >= numeric_from else None)
            for i, c in enumerate(columns)
        ),
    )
    return el("table", el("caption", caption), el("thead", head), el("tbody", rows))


def _scores(s: Spread) -> list[object]:
    return [
        number_text(s.median),
        f"{number_text(s.q1)}–{number_text(s.q3)}",
        f"{number_text(s.minimum)}–{number_text(s.maximum)}",
        s.count,
    ]


def rollup_page(rollup: Rollup, *, today: dt.date, large_print: bool = False) -> str:
    """The whole summary page."""
    scores = [_row(_scores(rollup.overall), "Overall")]
    scores += [_row(_scores(s.scores), s.name) for s in rollup.sections]
    gaps = [
        el(
            "tr",
            el("td", str(rank), class_="n"),
            el("th", i.title, scope="row"),
            *(el("td", str(v), class_="n") for v in (i.no, i.impact, i.gap, i.partly)),
        )
        for rank, i in enumerate(rollup.gaps, start=1)
    ]
    items = [
        el(
            "tr",
            el("th", i.title, scope="row"),
            el("td", i.section),
            *(
                el("td", str(v), class_="n")
                for v in (i.yes, i.partly, i.no, i.not_applicable, i.unanswered)
            ),
        )
        for i in rollup.items
    ]
    body = join(
        el("h1", heading(rollup)),
        el("p", SPREAD_NOTE, class_="muted"),
        el("h2", "Scores"),
        _table(
            "Median and spread of the scores", ["", "Median", "IQR", "Range", "Returns"], scores, 1
        ),
        el("h2", "Gaps, most serious first"),
        el("p", "Ranked by the number of “no” answers × the item's impact (1–3)."),
        _table("Gaps", ["#", "Item", "No", "Impact", "Weight", "Partly"], gaps, 2)
        if gaps
        else el("p", "No item was answered “no”."),
        el("h2", "Every item"),
        _table(
            "Answers to each item",
            ["Item", "Section", "Yes", "Partly", "No", "Not applicable", "Unanswered"],
            items,
            2,
        ),
        el("h2", "Files left out"),
        el("ul", (el("li", line.strip()) for line in left_out_lines(rollup))),
        el(
            "footer",
            el(
                "p",
                f"Made with sochelp on {today.isoformat()} from returns with no names "
                "or free text.",
            ),
        ),
    )
    return page(f"Check-up roll-up: {rollup.title}", body, css=base_css(large_print) + _CSS)
