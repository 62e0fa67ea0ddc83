"""Colours and the CSS shared by every page.

Colours are named here once and the CSS is built from them, so the test that every pair of text
and background colours has a contrast ratio of at least 4.5:1 (WCAG 2.2 AA for normal text)
checks the colours the pages really use. Meaning is never carried by colour alone: the danger
banner says "Danger", a local contact says "From your local content", right answers say
"Right answer".
"""

from __future__ import annotations

from collections.abc import Mapping

#: Every colour a page uses.
PALETTE: Mapping[str, str] = {
    "text": "#1b1b1b",
    "muted": "#4a4a4a",
    "background": "#ffffff",
    "panel": "#f3f3f3",
    "accent": "#004f9f",
    "accent_text": "#ffffff",
    "danger_text": "#ffffff",
    "danger": "#a4001d",
    "local": "#5c2d91",
    "local_background": "#f1ebf8",
    "right": "#0b6b2b",
    "right_background": "#e8f4ec",
    "slide": "#101820",
    "slide_text": "#f5f5f5",
    "slide_muted": "#c9d1d9",
    "slide_panel": "#1f2d3a",
    "focus": "#ffbf47",
    "link": "#004f9f",
}

#: (text colour, background colour) pairs that occur on the pages.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("muted", "background"),
    ("text", "panel"),
    ("muted", "panel"),
    ("accent", "background"),
    ("accent_text", "accent"),
    ("danger_text", "danger"),
    ("danger", "background"),
    ("local", "local_background"),
    ("local", "background"),
    ("right", "right_background"),
    ("right", "background"),
    ("link", "background"),
    ("link", "panel"),
    ("slide_text", "slide"),
    ("slide_muted", "slide"),
    ("slide_text", "slide_panel"),
    ("slide_muted", "slide_panel"),
    ("slide", "focus"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _vars() -> str:
    return "".join(f"--{name.replace('_', '-')}:{value};" for name, value in PALETTE.items())


#: Base sizes in points: normal print, and --large-print (16 pt or more everywhere).
SIZES: Mapping[bool, Mapping[str, str]] = {
    False: {"body": "10.5pt", "small": "9pt", "h1": "17pt", "h2": "12.5pt", "h3": "11pt"},
    True: {"body": "16pt", "small": "16pt", "h1": "24pt", "h2": "19pt", "h3": "17pt"},
}


def base_css(large_print: bool) -> str:
    """Reset, typography, colours, focus and the pieces every page shares."""
    size = SIZES[large_print]
    return f"""
:root{{{_vars()}}}
*{{box-sizing:border-box}}
html{{background:var(--background);color:var(--text)}}
body{{margin:0 auto;max-width:52rem;padding:1.5rem;font-family:"Atkinson Hyperlegible",Verdana,
"DejaVu Sans",Arial,sans-serif;font-size:{size["body"]};line-height:1.4}}
h1{{font-size:{size["h1"]};margin:0 0 .3em;line-height:1.15}}
h2{{font-size:{size["h2"]};margin:.9em 0 .3em;border-bottom:2px solid var(--accent);
padding-bottom:.1em}}
h3{{font-size:{size["h3"]};margin:.5em 0 .15em}}
p{{margin:.25em 0}}
ul,ol{{margin:.2em 0 .4em;padding-left:1.4em}}
li{{margin:.1em 0}}
a{{color:var(--link);text-decoration:underline}}
a:focus,button:focus{{outline:3px solid var(--focus);outline-offset:2px}}
.muted,.checked{{color:var(--muted)}}
small,.small{{font-size:{size["small"]}}}
.nowrap,.phone,.email,.web{{white-space:nowrap}}
.phone{{font-weight:bold}}
.danger{{background:var(--danger);color:var(--danger-text);padding:.4em .8em;
border:3px solid var(--text);margin:.6em 0}}
.danger h2{{color:var(--danger-text);border-bottom-color:var(--danger-text);margin-top:.2em}}
.danger ul{{margin:.2em 0}}
.badge{{display:inline-block;border:2px solid currentColor;padding:0 .35em;
font-size:{size["small"]};
font-weight:bold;margin-left:.4em;vertical-align:middle}}
.local{{color:var(--local);background:var(--local-background)}}
.sr-only{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}
footer{{margin-top:.8em;border-top:1px solid var(--muted);padding-top:.3em;color:var(--muted);
font-size:{size["small"]}}}
@page{{size:A4;margin:12mm}}
@media print{{body{{max-width:none;padding:0}}a{{color:var(--text)}}
.no-print{{display:none!important}}}}
"""
