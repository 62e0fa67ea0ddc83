"""``sochelp audit``: check a whole password-manager export for weak, reused and breached
passwords."""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands import common
from sochelp.commands.common import app_state

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
    offline: common.OfflineOption = None,
    api_url: common.ApiUrlOption = None,
    no_breach_check: common.NoBreachCheckOption = False,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", min=1, max=64, help="How many breach lookups may run at once."
        ),
    ] = 12,
    min_score: common.MinScoreOption = 3,
    allow_insecure: common.AllowInsecureOption = False,
    verify: common.VerifyOption = False,
    json_output: common.JsonOption = False,
) -> int:
    """Check a password-manager export for weak, reused and breached passwords."""
    from sochelp.audit.exports import resolve_format
    from sochelp.audit.run import AuditOptions, audit_file, exit_code, password_scorer
    from sochelp.render import show
    from sochelp.render.audit import AUDIT_VIEW
    from sochelp.render.progress import progress_for

    state = app_state(ctx)
    # Mistakes in the options are reported before anything is read.
    options = AuditOptions(
        min_score=min_score,
        export_format=resolve_format(export_format) if export_format is not None else None,
        concurrency=concurrency,
    )
    breach = common.breach_options(
        ctx,
        skip=no_breach_check,
        offline=offline,
        api_url=api_url,
        allow_insecure=allow_insecure,
        verify=verify,
    )
    result = audit_file(
        file,
        state.env,
        scorer=password_scorer(state.content_dir, state.store),
        breach=breach,
        options=options,
        progress=progress_for(state.env, "Checking passwords"),
    )
    show(AUDIT_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(exit_code(result))


def register(app: typer.Typer) -> None:
    """Add ``audit`` to the application."""
    app.command("audit", help=HELP, short_help="Check a password-manager export.")(audit)
