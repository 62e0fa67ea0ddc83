"""Turning results into output. Views build strings or rich renderables; only :func:`show`
writes, so the same result is one small step from rich, plain or JSON.

JSON is never written by hand: every result is a typed object (a frozen dataclass, or a content
model), and :func:`to_json` serialises it through pydantic, the same way for every command. What
a result shows in JSON is declared on the result type itself (``Field(exclude=True)`` for what
stays internal, ``computed_field`` for what is derived), and ``docs/schema/*.json`` is generated
from the same types (see :mod:`sochelp.render.schema`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sochelp.environment import Environment, OutputMode
from sochelp.render import safe

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from rich.console import Console, RenderableType
    from rich.text import Text

R = TypeVar("R")


@dataclass(frozen=True)
class View(Generic[R]):
    """The ways to draw one kind of result.

    ``result_type`` is what the JSON (and its schema) is made from; ``as_rich`` None means the
    plain text is shown on a terminal too (e.g. Markdown meant to be copied).
    """

    result_type: Any
    as_text: Callable[[R], str]
    as_rich: Callable[[R], RenderableType] | None = None
    #: False for documents meant to be saved or copied as they are (Markdown, a JSON return):
    #: never wrapped to the terminal's width.
    wrap: bool = True

    def as_json(self, result: R) -> Any:
        """The result as JSON-ready data."""
        return to_json(result, self.result_type)


@functools.cache
def _adapter(result_type: Any) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(result_type)


def to_json(result: Any, result_type: Any = None) -> Any:
    """Any typed result as JSON-ready data (enums as their values, dates as ISO strings), with
    no control or invisible format character in any string and every ``domain`` in ASCII
    (:func:`sochelp.render.safe.clean_json`)."""
    chosen: Any = type(result) if result_type is None else result_type
    adapter = _adapter(chosen)
    return safe.clean_json(adapter.dump_python(result, mode="json", by_alias=True))


def json_schema(result_type: Any) -> dict[str, Any]:
    """The JSON Schema of what :func:`to_json` makes of ``result_type``."""
    schema: dict[str, Any] = _adapter(result_type).json_schema(mode="serialization", by_alias=True)
    return schema


def console_for(env: Environment, *, stderr: bool = False) -> Console:
    """A rich console bound to the environment's stdout (or stderr), as wide as the terminal,
    with the last line of defence against hostile text installed (:func:`safe_console`).

    NO_COLOR takes the colour away and keeps the layout; TERM=dumb gives no rich view at all.
    """
    stream = env.stderr if stderr else env.stdout
    tty = env.stderr_isatty if stderr else env.stdout_isatty
    return safe_console(
        file=stream,
        force_terminal=tty and env.rich_allowed,
        no_color=not env.colour_allowed,
        color_system="auto" if env.colour_allowed else None,
        width=env.width(stderr) if tty else None,
    )


def print_rich(
    env: Environment, fancy: RenderableType, plain: Callable[[], str], *, stderr: bool = False
) -> None:
    """Draw a rich view at the terminal's width, or its stacked layout when it would not fit
    (see :class:`sochelp.render.layout.Adaptive`). Lines holding one long address are left
    whole (not cropped) for the terminal to wrap."""
    from sochelp.render.layout import Adaptive

    # The stacked layout is plain text: it passes the sanitiser before rich sees it (rich would
    # silently drop a carriage return or backspace that should be shown as a marker).
    console_for(env, stderr=stderr).print(Adaptive(fancy, lambda: safe.shown(plain())), crop=False)


def plain_for(env: Environment, text: str, *, wrap: bool = True, stderr: bool = False) -> str:
    """Plain text as it should be written: wrapped to the width on a terminal (never on a
    pipe), in ASCII stand-ins where the stream cannot encode the rest (so it still fits)."""
    from sochelp.environment import readable_text

    if not env.unicode_out:
        text = readable_text(text, env.out_encoding(stderr))
    width = env.width(stderr) if wrap else None
    if width is not None:
        from sochelp.render.layout import wrap_text

        text = wrap_text(text, width)
    return text


def safe_console(**options: Any) -> Console:
    """A rich console (no highlighting, no emoji codes) that passes everything it prints
    through :class:`sochelp.render.console.Sanitised`: whatever text a view forgot to clean is
    shown with markers, and no hyperlink, blinking or hidden text reaches the terminal."""
    from rich.console import Console

    from sochelp.render.console import SanitiseHook

    console = Console(highlight=False, emoji=False, **options)
    console.push_render_hook(SanitiseHook())
    return console


def show(view: View[R], result: R, mode: OutputMode, env: Environment) -> None:
    """Write one result to stdout in the chosen mode.

    Every mode passes the sanitiser last: JSON strings through :func:`to_json`, plain text as a
    whole through :func:`sochelp.render.safe.shown`, rich output through :func:`console_for`.
    """
    if mode is OutputMode.JSON:
        import json

        # \u escapes where the stream cannot write a character: the data stays exact.
        data = json.dumps(view.as_json(result), indent=2, ensure_ascii=not env.unicode_out)
        env.stdout.write(data + "\n")
    elif mode is OutputMode.PLAIN or view.as_rich is None:
        text = plain_for(env, safe.shown(view.as_text(result)), wrap=view.wrap)
        env.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        print_rich(env, view.as_rich(result), lambda: view.as_text(result))
    env.stdout.flush()


def escape(text: str) -> str:
    """Text that is not the program's own, ready to embed in rich markup: controls and
    invisible characters shown as markers (:func:`sochelp.render.safe.shown`), then every
    ``[tag]`` escaped, so ``[link=…]`` or ``[blink]`` in a message or an overlay stays text."""
    from rich.markup import escape as rich_escape

    return rich_escape(safe.shown(text))


def rich_text(text: str, style: str = "") -> Text:
    """Text that is not the program's own as a rich :class:`~rich.text.Text` (never parsed as
    markup), with controls and invisible characters shown as markers."""
    from rich.text import Text

    return Text(safe.shown(text), style=style)
