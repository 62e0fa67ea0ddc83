"""How long reading an HTML email's words takes, against another copy of the code.

Usage:
    python benchmarks/html_reading.py [--baseline SRC]

Times ``sochelp.message.mail.html_to_text`` (the step that drops words styled never to show)
on two large HTML bodies, each in a fresh process, best of 5, the copies interleaved so the
machine's load hits them alike:

1. a 1.3 MB body of 8,000 table rows, each cell with its own inline style, a link and a white
   word (a newsletter's shape, and the worst case for the per-element style reading);
2. a 1.5 MB body whose style sheet has 3,000 class rules and whose every row names two of
   them (a template's shape, the worst case for the style sheet's classes);
3. a 1.6 MB body of 8,000 rows, each with two pictures with alternative text and a form
   button (an email made of pictures: their words are read since the thirty-eighth round).

``--baseline SRC`` is the ``src`` folder of another copy (e.g. ``git worktree add /tmp/base
main``). Reported as ratios; reading HTML has no target of its own, and the 1 MB analysis
target of issue 11 is measured by ``check_message_batch.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_message_batch import time_in_process

REPO = Path(__file__).resolve().parent.parent

_TIMER = """
import sys, time
from sochelp.message.mail import html_to_text
markup = sys.stdin.read()
start = time.perf_counter()
html_to_text(markup)
print(time.perf_counter() - start)
"""


def inline_styled_body(rows: int = 8000) -> str:
    """Table rows whose cells each carry an inline style, a link and a white word."""
    cells = "".join(
        f"<tr><td style='color:#333;font-size:14px' bgcolor='#fff'><p>Item {i} "
        f"<a href='https://example.org/{i}'>link</a> <span style='color:#fff'>x</span></p>"
        "</td></tr>"
        for i in range(rows)
    )
    return f"<html><body><table>{cells}</table></body></html>"


def class_styled_body(rules: int = 3000, rows: int = 8000) -> str:
    """A style sheet of many class rules, and rows that name two classes each."""
    sheet = "".join(
        f".c{i}{{color:#333;background:#fafafa}} td.k{i} a{{color:#fff}}\n" for i in range(rules)
    )
    cells = "".join(
        f"<tr><td class='c{i % rules} k{i}' style='font-size:14px'><p>Item {i} "
        f"<a class='c1' href='https://example.org/{i}'>link</a> "
        "<span style='color:#fff'>x</span></p></td></tr>"
        for i in range(rows)
    )
    return f"<html><head><style>{sheet}</style></head><body><table>{cells}</table></body></html>"


def picture_body(rows: int = 8000) -> str:
    """Rows of pictures with alternative text (one inside a link) and a form button."""
    cells = "".join(
        f"<tr><td><img src='https://cdn.example/{i}.png' alt='Offer {i} picture' width='600'>"
        f"<a href='https://example.org/{i}'><img src='b.png' alt='Shop now'></a>"
        f"<input type='submit' value='Go {i}'></td></tr>"
        for i in range(rows)
    )
    return f"<html><body><table>{cells}</table></body></html>"


def best_times(sources: list[Path], markup: str, runs: int = 5) -> list[float]:
    """Best reading time of ``markup`` by the code in each ``src`` folder, runs interleaved."""
    best = [float("inf")] * len(sources)
    for _ in range(runs):
        for number, source in enumerate(sources):
            best[number] = min(best[number], time_in_process(source, _TIMER, markup))
    return best


def main() -> int:
    """Print each body's reading time, and its ratio to the baseline's when one is given."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="the src folder of the code to compare")
    args = parser.parse_args()
    sources = [REPO / "src", *([args.baseline] if args.baseline else [])]
    for name, markup in (
        ("inline styles on every row", inline_styled_body()),
        ("3,000 style sheet classes", class_styled_body()),
        ("pictures and buttons on every row", picture_body()),
    ):
        times = best_times(sources, markup)
        size = len(markup.encode("utf-8")) / 1e6
        line = f"{name} ({size:.1f} MB): this code {times[0]:.3f} s"
        if args.baseline is not None:
            line += f", baseline {times[1]:.3f} s, ratio {times[0] / times[1]:.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
