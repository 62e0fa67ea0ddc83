"""Options and state shared by the commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.environment import Environment
from sochelp.scopes import Region

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore


@dataclass
class AppState:
    """Global options, the environment and the content store of one invocation."""

    content_dir: Path | None = None
    debug: bool = False
    env: Environment = field(default_factory=Environment.from_sys)
    _store: ContentStore | None = None

    def store(self) -> ContentStore:
        """The content store, bundled content with the overlay laid over it."""
        if self._store is None:
            from sochelp.content.store import ContentStore

            self._store = ContentStore(overlay=self.content_dir)
        return self._store


def app_state(ctx: typer.Context) -> AppState:
    """The state the top-level callback stored (a fresh one when a command runs alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print machine-readable JSON instead of text.")
]
RegionOption = Annotated[
    Region,
    typer.Option(
        "--region",
        "-r",
        envvar="SOCHELP_REGION",
        help="Where you are: reporting routes differ across the UK.",
        case_sensitive=False,
    ),
]
