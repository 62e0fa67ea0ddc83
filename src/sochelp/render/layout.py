"""Text that fits any terminal width without cutting what people copy.

Phone numbers, email and web addresses are never cut, ellipsised or split across lines: they
are wrapped as one unit, and one that is longer than the width goes whole on a line of its own
(the terminal wraps it, so it stays copyable and clickable). The same rule holds for any single
word (an id such as ``vulnerable-adult-financial-abuse``, a file name).

- :func:`wrap_text` wraps plain text (for a terminal; a pipe gets the text unwrapped), keeping
  list items and ``Label: value`` lines hanging under their first line.
- :class:`Para` is the same wrapping as a rich renderable.
- :class:`Adaptive` draws a rich view when it fits the width and, when it would not (a table
  whose columns would fold words, a panel that would cut an address), the plain view wrapped to
  the width instead: the stacked layout.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.text import Text

#: Web and email addresses, and phone numbers written in groups of digits ("0808 164 6000",
#: "+44 7700 900218", "116 000"): each is wrapped as one unit.
ADDRESS = re.compile(
    r"""
    (?:https?|hxxps?)://[^\s<>"]+
  | www\.[^\s<>"]+
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
  | (?<![\w+])\+?\d{2,5}(?:\ \d{2,6}){1,3}(?![\w])
    """,
    re.VERBOSE,
)

#: A phone number written in groups (the kind a word wrapper would split at its spaces).
SPACED_NUMBER = re.compile(r"(?<![\w+])\+?\d{2,5}(?: \d{2,6}){1,3}(?![\w])")

# A list item or frame marker, after the indentation: "- ", "• ", "12. ", "A. ", "!! ", "| ".
_MARKER = re.compile(r"(?:[-*•✓✗+]|\d{1,3}[.)]|[A-Z][.)]|!!|\|)(?: +|$)")
# "Label:   value" (Phone:, Why:, Not for:, Breach check:): continuation lines hang under value.
_LABEL = re.compile(r"[A-Z][A-Za-z'’ /-]{0,23}: +(?=\S)")
_REPEATED_MARKERS = {"!!", "|"}


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide East Asian characters count two)."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of every unit that must stay whole: words, and addresses with their spaces."""
    protected = list(text)
    for match in ADDRESS.finditer(text):
        for index in range(match.start(), match.end()):
            if protected[index] == " ":
                protected[index] = "\x00"
    joined = "".join(protected)
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s]+", joined)]


def line_ranges(text: str, width: int, first: int, hang: int) -> list[tuple[int, int]]:
    """Break one paragraph (no newlines) into lines: (start, end) of each line's text.

    ``first`` and ``hang`` are the columns taken before the first and later lines. A word too
    long for its line goes on a line of its own, whole.
    """
    ranges: list[tuple[int, int]] = []
    start = end = -1
    used = first
    for word_start, word_end in words(text):
        size = cell_width(text[word_start:word_end])
        # The real gap, so that aligned columns ("id    title") are measured as written.
        gap = cell_width(text[end:word_start]) if start >= 0 else 0
        if start >= 0 and used + gap + size <= width:
            end, used = word_end, used + gap + size
            continue
        if start >= 0:
            ranges.append((start, end))
            used = hang
        start, end, used = word_start, word_end, used + size
    if start >= 0:
        ranges.append((start, end))
    return ranges


def prefixes(line: str, width: int) -> tuple[int, str]:
    """How much of ``line`` is its lead-in (indentation and list marker or label), and what
    goes before its continuation lines."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    marker = _MARKER.match(stripped) or _LABEL.match(stripped)
    lead = indent + (marker.end() if marker else 0)
    hang = line[:lead] if marker and marker.group().strip() in _REPEATED_MARKERS else " " * lead
    if cell_width(hang) > width // 2:
        hang = " " * min(indent, 2)
    return lead, hang


def wrap_line(line: str, width: int) -> list[str]:
    """One line of text wrapped to ``width`` columns (see the module notes)."""
    if cell_width(line) <= width or not line.strip():
        return [line.rstrip()]
    body = line.strip()
    if len(set(body)) == 1 and body[0] in "=-─━_*~":
        return [line[: width - 1].rstrip()]  # a rule: as wide as the terminal allows
    lead, hang = prefixes(line, width)
    head, body = line[:lead], line[lead:]
    if not body.strip():
        return [line.rstrip()]
    lines: list[str] = []
    for number, (before, chunk) in enumerate(_hanging(head, body, width, hang)):
        if cell_width(before) + cell_width(chunk) > width:
            # One word (an address, a number, an id) too long for the line: whole, on its own.
            if number == 0 and head.strip():
                lines.append(head.rstrip())  # the marker, then the long word on its own
            lines.append(chunk)
        else:
            lines.append(before + chunk)
    return lines


def _hanging(head: str, body: str, width: int, hang: str) -> Iterator[tuple[str, str]]:
    """Each line of ``body`` wrapped after ``head`` (first line) or ``hang`` (the others), as
    (what goes before it, its text)."""
    for number, (start, end) in enumerate(
        line_ranges(body, width, cell_width(head), cell_width(hang))
    ):
        yield (head if number == 0 else hang), body[start:end]


def wrap_hanging(head: str, body: str, width: int, hang: str = "  ") -> list[str]:
    """``head`` then ``body`` (one paragraph) wrapped to ``width`` columns, later lines indented
    by ``hang``: "sochelp: <error>" with its continuation under the message."""
    width = max(width, 10)
    if cell_width(head) + cell_width(body) <= width:
        return [head + body]
    return [before + chunk for before, chunk in _hanging(head, body, width, hang)]


def wrap_text(text: str, width: int | None) -> str:
    """Every line of ``text`` wrapped to ``width`` (None: unchanged, as for a pipe)."""
    if width is None:
        return text
    width = max(width, 10)
    trailing = text.endswith("\n")
    body = text[:-1] if trailing else text
    wrapped = "\n".join(part for line in body.split("\n") for part in wrap_line(line, width))
    return wrapped + ("\n" if trailing else "")


# ---------------------------------------------------------------- rich


class Para:
    """Rich text wrapped like :func:`wrap_line`: addresses and words whole, later lines
    indented by ``hang`` columns."""

    def __init__(self, text: Text | str, style: str = "", hang: int = 0) -> None:
        from rich.text import Text

        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.hang = hang

    def lines(self, width: int) -> list[Text]:
        """The text broken into lines for ``width`` columns."""
        from rich.text import Text

        out: list[Text] = []
        width = max(width, 1)
        for paragraph in self.text.split("\n", allow_blank=True):
            plain = paragraph.plain
            lead = len(plain) - len(plain.lstrip(" "))
            ranges = line_ranges(plain, width, lead, self.hang)
            if not ranges:
                out.append(Text(""))
                continue
            ranges[0] = (0, ranges[0][1])  # keep the first line's indentation
            cuts = sorted({offset for pair in ranges for offset in pair})
            pieces = {(a, b): piece for (a, b), piece in _divide(paragraph, cuts)}
            for number, pair in enumerate(ranges):
                piece = pieces[pair]
                size = cell_width(piece.plain)
                if number and self.hang and self.hang + size <= width:
                    piece = Text(" " * self.hang) + piece
                # else: one word too long for the line: whole, at the start of its own line
                out.append(piece)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        new_line = Segment.line()
        for line in self.lines(options.max_width):
            yield from line.render(console, end="")
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        plain = self.text.plain
        longest = max((cell_width(plain[a:b]) for a, b in words(plain)), default=0)
        widest = max((cell_width(line) for line in plain.split("\n")), default=0)
        return Measurement(longest + self.hang, max(widest, longest + self.hang))


def _divide(text: Text, cuts: list[int]) -> Iterator[tuple[tuple[int, int], Text]]:
    """The parts of ``text`` between consecutive cut offsets, keyed by (start, end)."""
    bounds = [0, *cuts, len(text.plain)]
    for start, end, part in zip(bounds, bounds[1:], text.divide(cuts), strict=False):
        yield (start, end), part


def para(text: str, style: str = "", hang: int = 0) -> Para:
    """Plain (not markup) text as a :class:`Para`, with controls and invisible characters
    shown as markers (:func:`sochelp.render.safe.shown`): it may hold content or input."""
    from sochelp.render.safe import shown

    return Para(shown(text), style=style, hang=hang)


def markup(text: str, hang: int = 0) -> Para:
    """Rich markup as a :class:`Para`."""
    from rich.text import Text

    return Para(Text.from_markup(text), hang=hang)


# ---------------------------------------------------------------- choosing a layout that fits

_BORDER = re.compile(r"^[\u2500-\u259f+\-|=:~ ]*$")
_WIDE = 1000


def _tokens(lines: Iterable[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in lines:
        for token in line.split():
            core = token.strip("\u2500\u2501\u2502\u2503\u2550\u2551|+")
            if core and not _BORDER.match(core):
                found[core] += 1
    return found


def _render(
    console: Console, options: ConsoleOptions, item: RenderableType, width: int
) -> list[list[Segment]]:
    """``item`` drawn at ``width`` as lines of segments, not cropped (containers crop their
    own contents; a top-level line holding one long address stays whole)."""
    from rich.segment import Segment

    rendered = console.render(item, options.update(width=width, height=None))
    return list(Segment.split_lines(rendered))


def _plain(lines: list[list[Segment]]) -> list[str]:
    return ["".join(segment.text for segment in line) for line in lines]


def fits(
    console: Console, options: ConsoleOptions, item: RenderableType, width: int
) -> list[list[Segment]] | None:
    """``item`` drawn at ``width`` if nothing in it is cut there, else None.

    Cut means: a word folded or ellipsised (the words differ from a drawing with room to spare),
    or a phone number broken between lines.
    """
    from rich.measure import Measurement

    narrow = _render(console, options, item, width)
    narrow_text = _plain(narrow)
    for line in narrow_text:
        if cell_width(line.rstrip()) > width and len(line.split()) > 1:
            return None  # wider than the terminal (a table that would not shrink)
    natural = Measurement.get(console, options.update(width=_WIDE), item)
    if natural.maximum <= width:
        return narrow  # drawn at its natural size: nothing was wrapped, so nothing was cut
    roomy_text = _plain(_render(console, options, item, _WIDE))
    if _tokens(narrow_text) != _tokens(roomy_text):
        return None
    joined = "\n".join(narrow_text)
    for line in roomy_text:
        for number in SPACED_NUMBER.findall(line):
            if number not in joined:
                return None
    return narrow


class Adaptive:
    """A rich view when it fits the width, else the stacked layout (the plain view wrapped to
    the width, headings in bold)."""

    def __init__(self, rich: RenderableType, plain: Callable[[], str]) -> None:
        self.rich = rich
        self.plain = plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        width = options.max_width
        drawn = fits(console, options, self.rich, width)
        ascii_only = not console.encoding.lower().startswith("utf")
        if drawn is not None and ascii_only and _too_wide_in_ascii(drawn, width):
            drawn = None  # £ becomes GBP on this stream: the lines would no longer fit
        if drawn is not None and ascii_only and _has_foreign_host(drawn):
            drawn = None  # the plain view writes such an address in punycode, whole
        if drawn is not None:
            for line in drawn:
                yield from _without_trailing_spaces(line)
                yield Segment.line()
            return
        plain = self.plain()
        if ascii_only:
            from sochelp.environment import ascii_text

            plain = ascii_text(plain)
        yield stacked(plain, width)


def _without_trailing_spaces(line: list[Segment]) -> list[Segment]:
    """A line without the spaces rich pads it with (they would wrap on their own when a
    character widens to its ASCII stand-in, and get copied along with the text)."""
    from rich.segment import Segment

    out = list(line)
    while out:
        last = out[-1]
        if last.control or (last.style is not None and last.style.bgcolor is not None):
            break
        stripped = last.text.rstrip(" ")
        if stripped == last.text:
            break
        if stripped:
            out[-1] = Segment(stripped, last.style)
            break
        out.pop()
    return out


def _has_foreign_host(lines: list[list[Segment]]) -> bool:
    """Whether a web address with non-ASCII letters is drawn: letter by letter, its ASCII
    stand-ins would spell the name it imitates ("röyalmail" as "royalmail")."""
    from sochelp.environment import punycode_hosts

    for line in lines:
        text = "".join(segment.text for segment in line)
        if punycode_hosts(text) != text:
            return True
    return False


def _too_wide_in_ascii(lines: list[list[Segment]], width: int) -> bool:
    from sochelp.environment import ascii_text

    for text in _plain(lines):
        wide = ascii_text(text).rstrip()
        if cell_width(wide) > width and len(wide.split()) > 1:
            return True
    return False


def stacked(text: str, width: int) -> RenderableType:
    """Plain text wrapped to ``width`` as rich lines: headings bold, danger lines red."""
    from rich.console import Group
    from rich.text import Text

    lines: list[Text] = []
    for line in wrap_text(text.rstrip("\n"), width).split("\n"):
        style = ""
        if line.startswith("!!"):
            style = "bold red"
        elif line.endswith(":") and not line.startswith(" "):
            style = "bold"
        lines.append(Text(line, style=style, no_wrap=True, overflow="ignore", end="\n"))
    return Group(*lines)
