"""Strategies for text an attacker writes: controls, escape sequences, bidi and invisible
characters, rich markup, and the words and links that make check-message look closer."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

#: Pieces that drive a terminal or hide text.
DANGEROUS = [
    "\x1b",
    "\x1b[",
    "\x1b[2J",
    "\x1b[3A",
    "\x1b[2K",
    "\x1b7",
    "\x1b8",
    "\x1bc",
    "\x1b]8;;https://evil.example/\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]0;title\x07",
    "\x1bP1$r0m\x1b\\",
    "\x1b[5m",
    "\x1b[8m",
    "\u009b2J",
    "\u009d8;;x\u009c",
    "\u0085",
    "\r",
    "\b",
    "\x00",
    "\x07",
    "\x7f",
    "\t",
    "\n",
    "\r\n",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u034f",
    "\u180e",
    "\u2028",
    "\ufe0f",
    "\U000e0041",
    "\U000e007f",
    "\U0001f3f4",
    "👨\u200d👩",
]
#: Markup that would turn live if text were printed as rich markup.
MARKUP = ["[link=https://evil.example/]", "[/link]", "[blink]", "[/]", "[conceal]", "[bold red]"]
MARKUP += ["[", "]", "\\", "[/bold]", "[@click=app.quit]"]
#: What makes a message look like a scam (so that evidence and links get printed).
WORDS = [
    "Hi Mum",
    "my phone broke",
    "urgent",
    "urgently",
    "act now",
    "pay the fee",
    "£200",
    "gift card",
    "bank",
    "HMRC",
    "Royal Mail",
    "PayPal",
    "https://paypa1.com/login",
    "http://192.168.0.1/x",
    "www.hmrc.gov.uk",
    "royalmail-redelivery.com/pay",
    "xn--pypal-4ve.com",
    "pаypal.com",
    "support@paypal-secure.com",
    "hmrc.refunds@gmail.com",
    "07700 900123",
    "09012 345678",
    " ",
    ".",
    "/",
]

#: Without surrogates: TOML and UTF-8 input cannot carry them.
_PLAIN = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def hostile_text(max_pieces: int = 40, *, surrogates: bool = False) -> st.SearchStrategy[str]:
    """Text built from dangerous pieces, markup, scam words and arbitrary characters."""
    plain = st.text(max_size=12) if surrogates else _PLAIN
    piece = st.one_of(st.sampled_from(DANGEROUS + MARKUP + WORDS), plain)
    return st.lists(piece, max_size=max_pieces).map("".join)


def examples(share: float) -> int:
    """A share of the active profile's examples (``ci`` or ``long``), for slower properties."""
    return max(10, int(settings.default.max_examples * share))
