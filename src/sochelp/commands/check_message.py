"""``sochelp check-message``: warning signs in a message or link, found offline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import JsonOption, app_state, notice_writer
from sochelp.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sochelp.environment import Environment
    from sochelp.message.model import Channel

HELP = """Look for the warning signs of a scam in a message or link, offline.

Give a file (a saved .eml email too), or paste the message (then press Ctrl-D on a new
line), or pipe it in. --jsonl checks many messages, one JSON object per line.
Nothing is sent anywhere, no link is visited and no name is looked up.
Exit status: 0 no known warning signs, 1 warning signs found, 2 unusable input,
3 (with --jsonl) some lines could not be checked.
"""

#: Written to a terminal's stderr before the message checks are built (see loading.load).
PREPARING = (
    "preparing the message checks (once after installing sochelp or changing its content; "
    "it can take a minute)..."
)


def check_message(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A text file holding the message ('-' or nothing: read standard input).",
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Check a single link instead of a message.")
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from", help="Who it came from: phone number, email address or display name."
        ),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel",
            help="How it arrived: sms, email, whatsapp, chat (Telegram, Signal, Viber or another "
            "messaging app), call, web, letter or doorstep (also text, voicemail, link).",
        ),
    ] = None,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="FILE",
            help='Check many messages: one JSON object per line ({"text": ..., "from": '
            "..., \"channel\": ...}; '-' reads standard input); writes one JSON result per line.",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> int:
    """Look for the warning signs of a scam in a message or link."""
    from sochelp.message import batch, loading
    from sochelp.message.checking import check_one

    state = app_state(ctx)
    chosen = _channel(channel)
    if url is not None and file is not None:
        raise UsageError(
            "Give either a message (FILE or standard input) or --url, not both.",
            hint="To check a link inside a message, just include it in the message.",
        )
    if jsonl is not None and (url is not None or file is not None or sender or channel):
        raise UsageError(
            "--jsonl reads every message (and its 'from' and 'channel') from its lines.",
            hint="Give --jsonl FILE on its own, or check one message without it.",
        )
    content = loading.load(state.store(), on_build=_preparing_notice(state.env))
    import gc

    gc.freeze()  # the content lives as long as the run: the collector need not walk it again
    if jsonl is not None:
        return batch.run_source(jsonl, content, state.env)
    return check_one(content, state.env, file, url, sender, chosen, json_output)


def _preparing_notice(env: Environment) -> Callable[[], None] | None:
    """At a terminal, a note before the content is built (many seconds, once after installing
    or changing content), so the wait is not taken for a hang; scripts' stderr stays quiet."""
    if not env.stderr_isatty:
        return None
    return lambda: notice_writer(env)(PREPARING)


def _channel(value: str | None) -> Channel | None:
    from sochelp.message.model import Channel

    if value is None:
        return None
    try:
        return Channel.parse(value)
    except ValueError:
        hint = f"Use one of: {Channel.names()}."
        raise UsageError(f"Unknown channel '{value[:40]}'.", hint=hint) from None


def register(app: typer.Typer) -> None:
    """Add ``check-message`` to the application."""
    app.command(
        "check-message",
        help=HELP,
        short_help="Check a message or link for the warning signs of a scam.",
    )(check_message)
