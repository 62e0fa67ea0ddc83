"""``sochelp password``: how strong is a password, and has it already leaked?"""

from __future__ import annotations

from typing import Annotated

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
from sochelp.errors import UsageError, UserInterruptError

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

MAX_USER_INPUTS = 50
MAX_USER_INPUT_CHARS = 100


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
    min_score: MinScoreOption = 3,
    no_breach_check: NoBreachCheckOption = False,
    offline: OfflineOption = None,
    api_url: ApiUrlOption = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=1.0, max=120.0, help="Seconds to wait for the service."),
    ] = 10.0,
    allow_insecure: AllowInsecureOption = False,
    verify: VerifyOption = False,
    json_output: JsonOption = False,
) -> int:
    """How strong is a password, and has it leaked?"""
    from sochelp.breach.interface import BreachSource
    from sochelp.password import dictionary
    from sochelp.password.check import check_password
    from sochelp.password.reading import read_password
    from sochelp.render import show
    from sochelp.render.password import PASSWORD_VIEW

    if ctx.args == ["-"]:
        raise UsageError(
            "'sochelp password' takes no file name: it reads standard input when that is not a "
            "terminal.",
            hint="Leave out the '-'.",
        )
    if ctx.args:
        # Refuse without repeating it: the parser's "unexpected argument (...)" or "No such
        # option: ..." would print it.
        if any(arg.startswith("-") and len(arg) > 1 for arg in ctx.args):
            raise UsageError(
                "That option is not one 'sochelp password' knows (it is not repeated here, in "
                "case it was a password).",
                hint="See 'sochelp password --help'. If you typed a password on the command "
                "line, treat it as exposed: it is saved in your shell history.",
            )
        raise UsageError(
            "The password cannot be given as an argument.",
            hint="Arguments are visible to other programs and saved in your shell history, so "
            "treat that password as exposed. Run 'sochelp password' and type it at the prompt.",
        )
    state = app_state(ctx)
    env = state.env
    words = _checked_words(user_input or [])
    if no_breach_check and offline is not None:
        raise UsageError("--no-breach-check and --offline cannot be used together.")
    api_url_source = ctx.get_parameter_source("api_url")
    if offline is not None and api_url_source is not None and api_url_source.name == "COMMANDLINE":
        raise UsageError("--offline and --api-url cannot be used together.")
    content = dictionary.load(state.content_dir, state.store)

    source: BreachSource | None = None
    if not no_breach_check:
        from sochelp.breach.sources import open_source

        source = open_source(
            api_url=api_url,
            offline=offline,
            timeout=timeout,
            allow_insecure=allow_insecure,
            verify=verify,
            notice=notice_writer(env),
        )
    try:
        secret = read_password(env)
        result = check_password(
            secret, content=content, source=source, user_inputs=words, min_score=min_score
        )
        del secret
    except KeyboardInterrupt:
        raise UserInterruptError("stopped; nothing was checked.") from None
    finally:
        if source is not None:
            source.close()
    show(PASSWORD_VIEW, result, env.output_mode(json_output), env)
    return int(result.exit_code)


def _checked_words(words: list[str]) -> list[str]:
    if len(words) > MAX_USER_INPUTS:
        raise UsageError(f"Give at most {MAX_USER_INPUTS} --user-input words.")
    cleaned = []
    for word in words:
        text = word.strip()
        if not text or len(text) > MAX_USER_INPUT_CHARS:
            raise UsageError(
                f"Each --user-input word must be 1 to {MAX_USER_INPUT_CHARS} characters long."
            )
        cleaned.append(text)
    return cleaned


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
