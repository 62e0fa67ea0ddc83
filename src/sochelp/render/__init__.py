"""Turning results into output. Views build strings, dicts or rich renderables; only
:func:`show` writes, so the same result is one small step from rich, plain or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sochelp.environment import Environment, OutputMode

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

R = TypeVar("R")


@dataclass(frozen=True)
class View(Generic[R]):
    """The three ways to draw one kind of result."""

    as_json: Callable[[R], Any]
    as_text: Callable[[R], str]
    as_rich: Callable[[R], RenderableType]


def console_for(env: Environment, *, stderr: bool = False) -> Console:
    """A rich console bound to the environment's stdout (or stderr)."""
    from rich.console import Console

    stream = env.stderr if stderr else env.stdout
    tty = env.stderr_isatty if stderr else env.stdout_isatty
    return Console(
        file=stream,
        force_terminal=tty and env.colour_allowed,
        no_color=not env.colour_allowed,
        highlight=False,
        emoji=False,
    )


def show(view: View[R], result: R, mode: OutputMode, env: Environment) -> None:
    """Write one result to stdout in the chosen mode."""
    if mode is OutputMode.JSON:
        env.stdout.write(json.dumps(view.as_json(result), indent=2, ensure_ascii=False) + "\n")
    elif mode is OutputMode.PLAIN:
        text = view.as_text(result)
        env.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        console_for(env).print(view.as_rich(result))
    env.stdout.flush()


def escape(text: str) -> str:
    """Make user or content text safe to embed in rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
