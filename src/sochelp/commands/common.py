"""Options and state shared by the commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.environment import Environment
from sochelp.session.core import TODAY_VARIABLE, configured_today

if TYPE_CHECKING:
    from sochelp.breach.choice import BreachOptions
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


#: Environment variable that sets "today" (YYYY-MM-DD), to preview what will look out of date.
TODAY_ENV = TODAY_VARIABLE


def today() -> dt.date:
    """The date commands treat as today: ``SOCHELP_TODAY`` if set, else the system date.

    Core functions never read the clock; commands pass this date in.
    """
    return configured_today()


def app_state(ctx: typer.Context) -> AppState:
    """The state the top-level callback stored (a fresh one when a command runs alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def typed_on_command_line(ctx: typer.Context, name: str) -> bool:
    """Whether option ``name`` was typed on the command line (not a default or from the
    environment)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print machine-readable JSON instead of text.")
]


def _complete_regions(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_regions

    return complete_regions(ctx, incomplete)


RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        help="Where you are, as reporting routes differ across the UK: scotland, england-wales "
        "or northern-ireland (england, wales, ni, scot… work too). Without it: SOCHELP_REGION, "
        "then your setting (sochelp config set region REGION), then Scotland.",
        autocompletion=_complete_regions,
        show_default=False,
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


def breach_options(
    ctx: typer.Context,
    *,
    skip: bool,
    offline: Path | None,
    api_url: str | None,
    timeout: float = 10.0,
    allow_insecure: bool = False,
    verify: bool = False,
) -> BreachOptions:
    """The breach options of ``password`` or ``audit``, refused before anything is read when
    they contradict each other; notes for the user (a verified file, plain http) go to stderr."""
    from sochelp.breach.choice import BreachOptions

    options = BreachOptions(
        skip,
        offline,
        api_url,
        typed_on_command_line(ctx, "api_url"),
        timeout,
        allow_insecure=allow_insecure,
        verify=verify,
        notice=notice_writer(app_state(ctx).env),
    )
    options.check()
    return options


MinScoreOption = Annotated[
    int,
    typer.Option(
        "--min-score",
        min=0,
        max=4,
        help="The lowest strength score (0-4) that counts as strong enough.",
    ),
]


# Options shared by the interactive activities (`scam-quiz`, `checkup`), declared once so they
# mean the same in both. A third activity reuses them as they are.
class QuizExportFormat(StrEnum):
    """``scam-quiz --export``."""

    MARKDOWN = "markdown"
    HTML = "html"


class CheckupExportFormat(StrEnum):
    """``checkup --export`` (html and csv with --rollup only, json without it)."""

    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"
    CSV = "csv"


class LeafletFormat(StrEnum):
    """``report``/``signs`` --export: a printable leaflet."""

    HTML = "html"


ExportOption = Annotated[
    QuizExportFormat | None,
    typer.Option(
        "--export",
        case_sensitive=False,
        help="Write a printable quiz: markdown (a sheet and a separate answer key) or html "
        "(one page with a slide view for a projector and a print view).",
    ),
]
CheckupExportOption = Annotated[
    CheckupExportFormat | None,
    typer.Option(
        "--export",
        case_sensitive=False,
        help="markdown: the action plan; json: your answers with no personal data, for an "
        "organisation's --rollup. With --rollup: markdown, html or csv.",
    ),
]
LeafletOption = Annotated[
    LeafletFormat | None,
    typer.Option(
        "--export",
        case_sensitive=False,
        help="Write a one-page printable leaflet (html) to stdout or --output.",
    ),
]
LargePrintOption = Annotated[
    bool,
    typer.Option("--large-print", help="With --export html: 16 pt or larger text when printed."),
]
RemindOption = Annotated[
    Path | None,
    typer.Option(
        "--remind",
        metavar="FILE",
        dir_okay=False,
        help="Write a calendar file (.ics) with the next date to come back to this.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="With --export: write to this file instead of standard output.",
    ),
]
NoSaveOption = Annotated[
    bool,
    typer.Option("--no-save", help="Do not save anything from this session on this computer."),
]
ResetOption = Annotated[
    bool,
    typer.Option(
        "--reset",
        help="Delete your saved progress and exit (asks first on a terminal; needs --yes "
        "off a terminal).",
    ),
]
YesOption = Annotated[
    bool,
    typer.Option(
        "--yes", "-y", help="With --reset: delete without asking (needed off a terminal)."
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
