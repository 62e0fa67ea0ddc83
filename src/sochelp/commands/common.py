"""Options and state shared by the commands."""

from __future__ import annotations

from collections.abc import Callable
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

# Breach-check options shared by `password` and `audit`.
NoBreachCheckOption = Annotated[
    bool,
    typer.Option("--no-breach-check", help="Do not check breaches at all (no network)."),
]
OfflineOption = Annotated[
    Path | None,
    typer.Option(
        "--offline",
        metavar="PATH",
        help="Check breaches in a downloaded Pwned Passwords copy instead of online: a "
        "sorted HASH:COUNT file or a folder of ABCDE.txt files.",
    ),
]
ApiUrlOption = Annotated[
    str | None,
    typer.Option(
        "--api-url",
        envvar="SOCHELP_RANGE_API",
        metavar="URL",
        help="Base address of the range service (default https://api.pwnedpasswords.com), "
        "for self-hosted mirrors.",
    ),
]
MinScoreOption = Annotated[
    int,
    typer.Option(
        "--min-score",
        min=0,
        max=4,
        help="The lowest strength score (0-4) that counts as strong enough.",
    ),
]
AllowInsecureOption = Annotated[
    bool,
    typer.Option(
        "--allow-insecure",
        help="Accept a plain http:// range service on another computer (a warning is shown).",
    ),
]
VerifyOption = Annotated[
    bool,
    typer.Option(
        "--verify",
        help="With --offline FILE: read the whole file once to check every line is in order "
        "(remembered for later runs while the file is unchanged).",
    ),
]


def notice_writer(env: Environment) -> Callable[[str], None]:
    """A function writing one ``sochelp: …`` note to stderr."""

    def notice(text: str) -> None:
        env.stderr.write(f"sochelp: {text}\n")
        env.stderr.flush()

    return notice
