"""``sochelp content links``: fetch every web address in the content and report broken ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode


def links(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="A local content folder: check only its own addresses. "
            "Without it: every address in the bundled content.",
            file_okay=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.5, max=120, metavar="S", help="Seconds to wait for each."),
    ] = 15.0,
    concurrency: Annotated[
        int,
        typer.Option("--concurrency", min=1, max=32, help="Addresses fetched at the same time."),
    ] = 8,
    json_output: JsonOption = False,
) -> int:
    """Fetch every web address and list the ones that fail or move to another site (exit 1).

    This goes to the internet; it is a maintainer's tool and never part of the tests or CI.
    """
    from sochelp.content import links as link_check
    from sochelp.render import show
    from sochelp.render.links import LINKS_VIEW

    state = app_state(ctx)
    store = link_check.store_for(folder)
    targets = link_check.addresses(store, folder)
    if state.env.stderr_isatty and not json_output:
        state.env.stderr.write(f"Checking {len(targets)} web addresses…\n")
    results = link_check.check_links(targets, timeout=timeout, concurrency=concurrency)
    bad = [r for r in results if r.outcome is not link_check.Outcome.OK]
    show(LINKS_VIEW, tuple(results), state.env.output_mode(json_output), state.env)
    return int(ExitCode.FINDINGS if bad else ExitCode.OK)
