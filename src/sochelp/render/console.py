"""The last line of defence for rich output (imported only when rich output is drawn).

Views clean text that is not the program's own where it enters them
(:func:`sochelp.render.escape`, :func:`sochelp.render.rich_text`), so tables and panels are laid
out with the text as it will be shown. This hook runs once more over what a console is about to
write, after layout: any control or invisible character left in the text is shown as a marker
(a view that forgot to clean its text gets a ragged border, never a rewritten screen), and the
styles that only markup from outside could have asked for (hyperlinks, blinking, hidden text;
sochelp's own views use none of them) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook
from rich.segment import Segment
from rich.style import Style

from sochelp.render import safe

#: Turns off what no sochelp view uses: ``[blink]``, ``[blink2]`` and ``[conceal]`` (hidden text).
_NEUTRAL = Style(blink=False, blink2=False, conceal=False)


def defused(style: Style | None) -> Style | None:
    """``style`` without a hyperlink, blinking or hidden text."""
    if style is None:
        return None
    if style.link or style.blink or style.blink2 or style.conceal or style.meta:
        return style.clear_meta_and_links() + _NEUTRAL
    return style


class Sanitised:
    """Renders another renderable and cleans every text segment of it."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment  # cursor movement the console itself asked for
                continue
            text = safe.shown(segment.text)
            style = defused(segment.style)
            if text is segment.text and style is segment.style:
                yield segment
            else:
                yield Segment(text, style)


class SanitiseHook(RenderHook):
    """Wraps everything a console prints in :class:`Sanitised`."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [Sanitised(renderable) for renderable in renderables]
