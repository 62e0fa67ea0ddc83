"""``sochelp audit``: check a whole password-manager export for weak, reused and breached
passwords."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import (
    AllowInsecureOption,
    ApiUrlOption,
    JsonOption,
    MinScoreOption,
    NoBreachCheckOption,
    OfflineOption,
    VerifyOption,
    app_state,
    notice_writer,
)
from sochelp.errors import ExitCode, InputError, UsageError, UserInterruptError

if TYPE_CHECKING:
    from sochelp.audit.engine import AuditResult, ProgressCallback
    from sochelp.breach.interface import BreachSource
    from sochelp.commands.common import AppState
    from sochelp.environment import Environment

HELP = """Check every password in a password-manager export: weak, reused, or already leaked.

Give the CSV file your password manager exported (or - to read it from stdin). Bitwarden,
Chrome/Edge, Firefox, 1Password 7 and 8, KeePassXC, KeePass 2, LastPass, Apple Passwords/Safari,
Proton Pass, Dashlane and NordPass exports are recognised from their header row; a plain file with
one password per line works too. Accounts are listed most urgent first; passwords are never shown.

The breach check sends only the first 5 characters of each password's SHA-1 hash (k-anonymity),
or uses a local copy of the breach list with --offline.

The export is a plaintext copy of every password you have: delete it when you are done.

With --offline and a single sorted file, every line a lookup reads is checked for form and order;
--verify reads the whole file once and remembers that it did.

Exit status: 0 nothing to fix; 1 some passwords should be changed; 2 the file or options cannot
be used; 3 some breach lookups failed and nothing else needs fixing; 130 interrupted (129 after
a hang-up, 143 after SIGTERM).
"""

EXPORT_WARNING = (
    "sochelp: warning: a password export is a plaintext copy of every password you have. "
    "Delete it (and empty the bin) as soon as you are done."
)


def audit(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="The exported CSV file, or - to read from stdin.", metavar="FILE")
    ],
    export_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Read the file as this format instead of detecting it: bitwarden, chrome, "
            "firefox, 1password8, 1password7-mac, 1password7-win, keepassxc, keepass2, lastpass, "
            "apple, protonpass, dashlane, nordpass, plain.",
        ),
    ] = None,
    offline: OfflineOption = None,
    api_url: ApiUrlOption = None,
    no_breach_check: NoBreachCheckOption = False,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", min=1, max=64, help="How many breach lookups may run at once."
        ),
    ] = 12,
    min_score: MinScoreOption = 3,
    allow_insecure: AllowInsecureOption = False,
    verify: VerifyOption = False,
    json_output: JsonOption = False,
) -> int:
    """Check a password-manager export for weak, reused and breached passwords."""
    from sochelp.audit.engine import default_score_processes, run_audit
    from sochelp.audit.exports import read_export, resolve_format
    from sochelp.render import show
    from sochelp.render.audit import AUDIT_VIEW

    state = app_state(ctx)
    env = state.env
    # Mistakes in the options are reported before anything is read.
    if export_format is not None:
        export_format = resolve_format(export_format)
    if no_breach_check and offline is not None:
        raise UsageError("--no-breach-check and --offline cannot be used together.")
    api_url_source = ctx.get_parameter_source("api_url")
    if offline is not None and api_url_source is not None and api_url_source.name == "COMMANDLINE":
        raise UsageError("--offline and --api-url cannot be used together.")
    scorer = _scorer(state)
    source = (
        None
        if no_breach_check
        else open_breach_source(
            api_url, offline, allow_insecure=allow_insecure, verify=verify, env=env
        )
    )
    try:
        name = "stdin" if file == "-" else file
        data = _read_bytes(file, env)
        if data.strip():
            # Only once there is a file: "no such file" needs no lecture about deleting it.
            env.stderr.write(EXPORT_WARNING + "\n")
            env.stderr.flush()
        export = read_export(data, name, export_format)
        del data
        with _progress(env) as progress:
            result = run_audit(
                export.records,
                scorer=scorer,
                source=source,
                min_score=min_score,
                concurrency=concurrency,
                format_name=export.format_name,
                skipped=export.skipped,
                progress=progress,
                score_processes=default_score_processes(lookups=source is not None),
            )
    except KeyboardInterrupt:
        # Requests may still be in flight on abandoned worker threads: leave the source alone
        # rather than wait for them.
        source = None
        raise UserInterruptError("audit stopped; nothing was saved.") from None
    finally:
        if source is not None:
            source.close()
    show(AUDIT_VIEW, result, env.output_mode(json_output), env)
    return int(_exit_code(result))


def _exit_code(result: AuditResult) -> ExitCode:
    if result.needs_fixing:
        return ExitCode.FINDINGS
    if result.summary.prefixes_failed:
        return ExitCode.INCOMPLETE
    return ExitCode.OK


def _read_bytes(file: str, env: Environment) -> bytes:
    from sochelp.audit.exports import MAX_EXPORT_BYTES

    if file == "-":
        stream = getattr(env.stdin, "buffer", None)
        data = stream.read(MAX_EXPORT_BYTES + 1) if stream is not None else b""
        if stream is None:
            data = env.stdin.read(MAX_EXPORT_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        path = Path(file)
        from sochelp.inputs import read_file_head

        data = read_file_head(path, MAX_EXPORT_BYTES, "an export file")
    if len(data) > MAX_EXPORT_BYTES:
        raise InputError(
            f"{'stdin' if file == '-' else file} is larger than "
            f"{MAX_EXPORT_BYTES // (1024 * 1024)} MB, far larger than any password export."
        )
    return data


class _NoProgress:
    def __enter__(self) -> ProgressCallback | None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


class _RichProgress:
    """A progress bar on stderr (rich's Progress is thread-safe: lookup threads update it)."""

    def __init__(self, env: Environment) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from sochelp.render import console_for

        self._progress = Progress(
            TextColumn("Checking passwords"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console_for(env, stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("passwords", total=None)

    def _update(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def __enter__(self) -> ProgressCallback:
        self._progress.start()
        return self._update

    def __exit__(self, *_: object) -> None:
        self._progress.stop()


def _progress(env: Environment) -> _NoProgress | _RichProgress:
    return _RichProgress(env) if env.stderr_rich else _NoProgress()


def _scorer(state: AppState) -> Callable[[str], int]:
    """The ``sochelp password`` rating (with the local dictionary), reduced to its score; a
    partial of a module-level function so scoring can run in worker processes."""
    from functools import partial

    from sochelp.audit.engine import strength_score
    from sochelp.password import dictionary

    words = dictionary.load(state.content_dir, state.store).local_words
    return partial(strength_score, local_words=words)


def open_breach_source(
    api_url: str | None,
    offline: Path | None,
    *,
    allow_insecure: bool = False,
    verify: bool = False,
    env: Environment | None = None,
) -> BreachSource:
    """The breach source ``sochelp password`` uses (its factory): a local copy with --offline,
    else the range API, whose one client and connection pool all lookup threads share."""
    from sochelp.breach.sources import open_source

    return open_source(
        api_url=api_url,
        offline=offline,
        allow_insecure=allow_insecure,
        verify=verify,
        notice=notice_writer(env) if env is not None else None,
    )


def register(app: typer.Typer) -> None:
    """Add ``audit`` to the application."""
    app.command("audit", help=HELP, short_help="Check a password-manager export.")(audit)
