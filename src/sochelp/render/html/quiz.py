"""The quiz as one self-contained page: a slide view for a projector and a print view.

The slide view shows one question at a time, large, on a dark background; the facilitator moves
with the keyboard (→/N next, ←/B back, R or Space reveal) or the buttons, and the reveal shows the
right answer (marked with words and a tick, not by colour alone), the red flags, why and what to
do. The print view (and any print, through ``@media print``) gives the question sheets, then the
answer key on a new page with explanations and each question's sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources

from sochelp.quiz.content import Question, QuizContent
from sochelp.quiz.engine import Item
from sochelp.quiz.export import FORMAT_NAMES, MEDIUM_NAMES, header_lines
from sochelp.render.html import Markup, el, join, link, page
from sochelp.render.html.style import SIZES, base_css


def slides_script() -> str:
    """The slide view's script (its hash goes into the page's CSP)."""
    return resources.files("sochelp.render.html").joinpath("static/slides.js").read_text("utf-8")


def _css(large_print: bool) -> str:
    size = SIZES[large_print]
    return (
        base_css(large_print)
        + f"""
body{{max-width:none;padding:0}}
.toolbar{{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;padding:.5em 1.5rem;
background:var(--accent);color:var(--accent-text)}}
.toolbar h1{{font-size:1.2em;margin:0 1em 0 0}}
.toolbar p{{margin:0}}
button{{font:inherit;font-size:1rem;padding:.35em .9em;border:2px solid var(--text);
background:var(--background);color:var(--text);cursor:pointer}}
.slides{{background:var(--slide);color:var(--slide-text);min-height:100vh;padding:2vh 8vw 12vh}}
.slide{{font-size:max(20px,1.9vw);line-height:1.35;max-width:60em;margin:0 auto}}
.slide .count{{color:var(--slide-muted);font-size:.8em;margin-bottom:.6em}}
.slide h2{{font-size:1.15em;border:none;margin:.7em 0 .4em}}
.slide .scenario{{background:var(--slide-panel);color:var(--slide-text);border-left:.4em solid
var(--slide-muted);padding:.5em .9em;white-space:pre-wrap;font-size:.85em}}
.slide .scenario .medium{{font-weight:bold;color:var(--slide-muted);display:block}}
.slide .options{{list-style:none;padding:0}}
.slide .options li{{margin:.35em 0;padding:.2em .5em;border:2px solid transparent}}
.slide .letter{{display:inline-block;min-width:1.6em;font-weight:bold}}
.slide .mark{{display:none;font-weight:bold}}
.slide.revealed li[data-correct] {{border-color:var(--focus)}}
.slide.revealed li[data-correct] .mark{{display:inline;color:var(--focus)}}
.slide .answer{{background:var(--slide-panel);padding:.5em 1em;margin-top:.8em;font-size:.8em}}
.slide .answer a{{color:var(--slide-text)}}
.controls{{position:fixed;left:0;right:0;bottom:0;display:flex;gap:.8em;justify-content:center;
align-items:center;padding:.6em;background:var(--slide);color:var(--slide-text);
border-top:1px solid var(--slide-muted)}}
.controls button{{font-size:1.1rem}}
.print-view{{padding:1rem 1.5rem;max-width:52rem;margin:0 auto}}
.show-slides .print-view{{display:none}}
.show-print .slides{{display:none}}
.question{{break-inside:avoid;margin-bottom:1em}}
.question .scenario{{border:1px solid var(--muted);background:var(--panel);padding:.4em .7em;
white-space:pre-wrap}}
.question .medium{{font-weight:bold;display:block}}
.question ol{{list-style:none;padding-left:.3em}}
.box{{display:inline-block;width:.9em;height:.9em;border:1.5px solid var(--text);margin-right:.4em;
vertical-align:-.1em}}
.key{{break-before:page;page-break-before:always}}
.key .entry{{break-inside:avoid;margin-bottom:.8em}}
.key .sources a{{overflow-wrap:anywhere}}
@media print{{
body{{font-size:{size["body"]}}}
.toolbar,.slides,.controls{{display:none!important}}
.print-view{{display:block!important;padding:0;max-width:none}}
}}
"""
    )


def _scenario(question: Question) -> Markup:
    scenario = question.scenario
    headers = [
        el("span", f"{label}: {value}", class_="header") for label, value in header_lines(scenario)
    ]
    lines: list[object] = [el("span", MEDIUM_NAMES[scenario.medium], class_="medium")]
    for header in headers:
        lines.extend([header, "\n"])
    if headers:
        lines.append("\n")
    lines.append(scenario.body)
    return el("div", lines, class_="scenario")


def _flags(question: Question, content: QuizContent) -> str:
    if not question.all_flags:
        return "none: this one is genuine. Check through a route you trust all the same."
    return "; ".join(content.flag_names.get(f, f) for f in question.all_flags)


def _answer_text(item: Item) -> str:
    right = [item.options[i] for i in item.correct_indices]
    return ", ".join(f"{o.letter} ({o.text})" for o in right)


def _answer(item: Item, content: QuizContent) -> Markup:
    question = item.question
    label = "If in doubt" if question.is_genuine else "Report it"
    return join(
        el("p", el("strong", "Answer: "), _answer_text(item)),
        el("p", el("strong", "Red flags: "), _flags(question, content)),
        el("p", el("strong", "Why: "), question.explanation),
        el("p", el("strong", "What to do: "), question.what_to_do),
        el(
            "p",
            el("strong", f"{label}: "),
            el("code", f"sochelp report {question.report_situation}"),
        ),
    )


def _slide(item: Item, content: QuizContent) -> Markup:
    question = item.question
    options = el(
        "ol",
        (
            el(
                "li",
                el("span", f"{o.letter}.", class_="letter"),
                " ",
                o.text,
                el("span", " ✓ Right answer", class_="mark"),
                data_correct=True if o.correct else None,
            )
            for o in item.options
        ),
        class_="options",
    )
    return el(
        "section",
        el(
            "p",
            f"Question {item.number} of {item.total} · {FORMAT_NAMES[question.format]}",
            class_="count",
        ),
        _scenario(question),
        el("h2", question.prompt),
        options,
        el("div", _answer(item, content), class_="answer", hidden=True),
        class_="slide",
        id=f"slide-{item.number}",
        aria_label=f"Question {item.number} of {item.total}",
    )


def _sheet(item: Item) -> Markup:
    question = item.question
    return el(
        "section",
        el("h3", f"Question {item.number}"),
        el("p", el("em", FORMAT_NAMES[question.format])),
        _scenario(question),
        el("p", el("strong", question.prompt)),
        el(
            "ol",
            (el("li", el("span", "", class_="box"), f"{o.letter}. {o.text}") for o in item.options),
        ),
        class_="question",
    )


def _key_entry(item: Item, content: QuizContent) -> Markup:
    question = item.question
    sources = el(
        "p",
        el("strong", "Sources: "),
        join(*(join(link(s), " ") for s in question.sources)),
        f"(reviewed {question.reviewed.isoformat()})",
        class_="sources small",
    )
    return el(
        "section",
        el("h3", f"Question {item.number}"),
        _answer(item, content),
        sources,
        class_="entry",
    )


def quiz_page(
    items: Sequence[Item], content: QuizContent, *, today: dt.date, large_print: bool = False
) -> str:
    """The whole page: toolbar, slides with controls, then the print view (sheets and key)."""
    count = f"{len(items)} question{'s' if len(items) != 1 else ''}"
    toolbar = el(
        "header",
        el("h1", "Scam quiz"),
        el("p", f"{count}. Keys: → or N next, ← or B back, R or Space reveals the answer."),
        el("button", "Slides", id="to-slides", type="button"),
        el("button", "Print view", id="to-print", type="button"),
        class_="toolbar no-print",
    )
    slides = el(
        "main",
        (_slide(item, content) for item in items),
        el(
            "nav",
            el("button", "◀ Back (B)", id="back", type="button"),
            el("button", "Reveal answer (R)", id="reveal", type="button"),
            el("button", "Next (N) ▶", id="next", type="button"),
            el("span", f"Question 1 of {len(items)}", id="position", aria_live="polite"),
            class_="controls",
            aria_label="Slide controls",
        ),
        id="slides",
        class_="slides",
    )
    made = f"{count}. Made with sochelp on {today.isoformat()}."
    print_view = el(
        "div",
        el(
            "section",
            el("h2", "Scam quiz"),
            el("p", made, " For each question, read the message and tick your answer."),
            (_sheet(item) for item in items),
            class_="sheets",
        ),
        el(
            "section",
            el("h2", "Scam quiz: answer key"),
            el("p", f"For the quiz made on {today.isoformat()}."),
            (_key_entry(item, content) for item in items),
            class_="key",
        ),
        id="print",
        class_="print-view",
    )
    return page(
        f"Scam quiz ({count})",
        join(toolbar, slides, print_view),
        css=_css(large_print),
        script=slides_script(),
    )
