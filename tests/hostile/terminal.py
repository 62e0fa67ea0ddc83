"""What a real terminal makes of sochelp's output: a terminal emulator (pyte) fed the raw bytes,
and a check that every escape sequence in them is one sochelp itself writes."""

from __future__ import annotations

import re

import pyte

#: Every escape or control sequence: CSI (ESC [ or the one-character C1 CSI), OSC, DCS, and any
#: other ESC-started sequence, and lone C0/C1 controls other than tab, CR and LF.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)"  # OSC
    r"|(?:\x1bP|\x90).*?(?:\x1b\\|\x9c|$)"  # DCS
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence (ESC 7, ESC 8, ESC c...)
    r"|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]",
    re.DOTALL,
)

#: What sochelp's own rich output uses besides colours: the room screen's alternate screen,
#: clearing it, homing and hiding the cursor.
_OWN_CSI = re.compile(r"\x1b\[(?:\?1049[hl]|\?25[hl]|2J|H|\d*[ABCDGK]|\d+;\d+H)")


def _sgr_is_plain(params: str) -> bool:
    """An SGR (colour/bold) sequence without blinking (5, 6) or hidden text (8)."""
    parts = [p for p in re.split(r"[;:]", params) if p != ""]
    index = 0
    while index < len(parts):
        code = int(parts[index])
        if code in (38, 48, 58):  # extended colour: 5;N or 2;R;G;B follow
            kind = parts[index + 1] if index + 1 < len(parts) else ""
            index += 3 if kind == "5" else 5 if kind == "2" else 2
            continue
        if code in (5, 6, 8):
            return False
        index += 1
    return True


def foreign_sequences(raw: str, *, allow_screen_control: bool = False) -> list[str]:
    """Escape sequences and controls in ``raw`` that sochelp does not write itself: anything
    but colour (SGR) sequences, and (with ``allow_screen_control``) the room screen's own."""
    found: list[str] = []
    for match in _SEQUENCE.finditer(raw):
        sequence = match.group()
        sgr = re.fullmatch(r"\x1b\[([0-9;:]*)m", sequence)
        if sgr and _sgr_is_plain(sgr.group(1)):
            continue
        if allow_screen_control and _OWN_CSI.fullmatch(sequence):
            continue
        found.append(sequence)
    return found


def screen(raw: str, columns: int = 120, rows: int = 400) -> list[str]:
    """The lines a terminal of ``columns`` shows after receiving ``raw`` (tall enough that
    nothing scrolls away, so a sequence can move the cursor up over anything printed before)."""
    display = pyte.Screen(columns, rows)
    stream = pyte.Stream(display)
    stream.feed(raw)
    return [line.rstrip() for line in display.display]


def screen_text(raw: str, columns: int = 120) -> str:
    """What is on the screen, as one string with single spaces (for phrase searches)."""
    return " ".join(" ".join(screen(raw, columns)).split())


def blinking_cells(raw: str, columns: int = 120, rows: int = 400) -> int:
    """How many cells of the screen blink."""
    display = pyte.Screen(columns, rows)
    pyte.Stream(display).feed(raw)
    return sum(1 for row in display.buffer.values() for cell in row.values() if cell.blink)
