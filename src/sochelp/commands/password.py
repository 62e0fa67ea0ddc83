"""``sochelp password``: how strong is a password, and has it already leaked?"""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands import common
from sochelp.commands.common import app_state

HELP = (
    "How strong is a password, and is it already in known data breaches?\n\n"
    "On a terminal you type the password at a hidden prompt; otherwise the first line of "
    "standard input is read. There is deliberately no way to give it as an argument: command "
    "lines are seen by other programs on the computer and kept in your shell history.\n\n"
    "The password never leaves your computer. For the breach check only the first 5 characters "
    "of its SHA-1 hash are sent to the Pwned Passwords range service (with padding), and the "
    "match is made here. Use --offline with a downloaded copy to check without any network, or "
    "--no-breach-check."
)

EPILOG = (
    "Exit status: 0 strong enough and not found in breaches; 1 weaker than --min-score or found"
    " in breaches; 2 wrong usage or unusable input; 3 the breach check could not be completed "
    "(and the password is not weak); 130 interrupted (129 after a hang-up, 143 after SIGTERM)."
    "\n\n"
    "Only the first 64 characters are rated for strength (the output says so); the whole "
    "password is used for the breach check.\n\n"
    "With --offline and a single sorted file, every line a lookup reads is checked for form and "
    "order; --verify reads the whole file once and remembers that it did."
)


def password(
    ctx: typer.Context,
    user_input: Annotated[
        list[str] | None,
        typer.Option(
            "--user-input",
            "-u",
            metavar="WORD",
            help="A word about you that a criminal might try (your name, pet, team, street). "
            "Repeat for more words.",
        ),
    ] = None,
    min_score: common.MinScoreOption = 3,
    no_breach_check: common.NoBreachCheckOption = False,
    offline: common.OfflineOption = None,
    api_url: common.ApiUrlOption = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=1.0, max=120.0, help="Seconds to wait for the service."),
    ] = 10.0,
    allow_insecure: common.AllowInsecureOption = False,
    verify: common.VerifyOption = False,
    json_output: common.JsonOption = False,
) -> int:
    """How strong is a password, and has it leaked?"""
    from sochelp.password import dictionary
    from sochelp.password.run import check_typed_password, checked_words, refuse_arguments
    from sochelp.render import show
    from sochelp.render.password import PASSWORD_VIEW

    refuse_arguments(ctx.args)
    state = app_state(ctx)
    words = checked_words(user_input or [])
    breach = common.breach_options(
        ctx,
        skip=no_breach_check,
        offline=offline,
        api_url=api_url,
        timeout=timeout,
        allow_insecure=allow_insecure,
        verify=verify,
    )
    content = dictionary.load(state.content_dir, state.store)
    result = check_typed_password(state.env, content, breach, words=words, min_score=min_score)
    show(PASSWORD_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(result.exit_code)


def register(app: typer.Typer) -> None:
    """Add ``password`` to the application."""
    app.command(
        "password",
        help=HELP,
        epilog=EPILOG,
        short_help="How strong is a password, and has it leaked?",
        # Extra arguments are collected (not rejected by the parser, which would echo them) so
        # that a password typed on the command line is refused without being repeated.
        # Unknown options are collected too: "No such option: --Secret1" would repeat them.
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )(password)
