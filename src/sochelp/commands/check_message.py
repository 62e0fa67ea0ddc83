"""``sochelp check-message``: warning signs in a message or link, found offline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode, InputError, UsageError

if TYPE_CHECKING:
    from sochelp.environment import Environment
    from sochelp.message.content import Channel

#: Input beyond this many bytes is not read; the answer says only the start was checked.
MAX_INPUT_BYTES = 1_048_576

HELP = """Look for the warning signs of a scam in a message or link, offline.

Give a file, or paste the message (then press Ctrl-D on a new line), or pipe it in.
Nothing is sent anywhere, no link is visited and no name is looked up.
Exit status: 0 no known warning signs, 1 warning signs found, 2 unusable input.
"""


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
            help="How it arrived: sms, email, whatsapp, call, web, letter or doorstep.",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> int:
    """Look for the warning signs of a scam in a message or link."""
    from sochelp.message import analyse as engine
    from sochelp.message import content as message_content
    from sochelp.render import show
    from sochelp.render.message import MESSAGE_VIEW

    state = app_state(ctx)
    env = state.env
    chosen = _channel(channel)
    if url is not None and file is not None:
        raise UsageError(
            "Give either a message (FILE or standard input) or --url, not both.",
            hint="To check a link inside a message, just include it in the message.",
        )
    content = message_content.load(state.store())
    if url is not None:
        if not url.strip() or len(url) > 4096:
            raise InputError("The --url value is empty or too long to be a web address.")
        from sochelp.message.links import parse_link

        if parse_link(url, content.suffixes) is None:
            raise InputError(
                f"'{url[:80]}' does not look like a web address.",
                hint="Give it as it appears, for example example.com/page or https://example.com.",
            )
        result = engine.analyse(url, content, sender=sender, channel=chosen or _web())
    else:
        text, truncated = _read_message(file, env)
        result = engine.analyse(text, content, sender=sender, channel=chosen, truncated=truncated)
    show(MESSAGE_VIEW, result, env.output_mode(json_output), env)
    if result.verdict is engine.Verdict.NONE_FOUND:
        return int(ExitCode.OK)
    return int(ExitCode.FINDINGS)


def _web() -> Channel:
    from sochelp.message.content import Channel

    return Channel.WEB


def _channel(value: str | None) -> Channel | None:
    from sochelp.message.content import Channel

    if value is None:
        return None
    try:
        return Channel(value.strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in Channel)
        raise UsageError(f"Unknown channel '{value[:40]}'.", hint=f"Use one of: {names}.") from None


def _read_message(file: Path | None, env: Environment) -> tuple[str, bool]:
    """The message text and whether it was cut at :data:`MAX_INPUT_BYTES`."""
    if file is not None and str(file) != "-":
        from sochelp.inputs import read_file_head

        raw = read_file_head(file, MAX_INPUT_BYTES, "a message file")
    else:
        if env.stdin_isatty:
            env.stderr.write(
                "Paste the message, then press Enter and Ctrl-D "
                "(Ctrl-Z then Enter on Windows). Nothing is sent anywhere.\n"
            )
            env.stderr.flush()
        raw = _read_stdin(env)
    return _decode(raw)


def _read_stdin(env: Environment) -> bytes:
    buffer = getattr(env.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(MAX_INPUT_BYTES + 1)
        return data
    text = env.stdin.read(MAX_INPUT_BYTES + 1)
    return text.encode("utf-8", "surrogatepass")


def _decode(raw: bytes) -> tuple[str, bool]:
    truncated = len(raw) > MAX_INPUT_BYTES
    if truncated:
        raw = raw[:MAX_INPUT_BYTES]
    if b"\x00" in raw[:65536]:
        raise InputError(
            "This looks like a binary file (a picture or document?), not a text message.",
            hint="Copy the words of the message into a plain text file, or paste them.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(raw) - 3:
            text = raw[: exc.start].decode("utf-8-sig")  # cut through a character at the limit
        else:
            raise InputError(
                f"The message is not UTF-8 text (unreadable byte at position {exc.start}).",
                hint="Save it as UTF-8 text, or paste the words instead.",
            ) from None
    if not text.strip():
        raise InputError(
            "There is no message to check: the input is empty.",
            hint="Paste the message, give a file, or use --url for a single link.",
        )
    return text, truncated


def register(app: typer.Typer) -> None:
    """Add ``check-message`` to the application."""
    app.command(
        "check-message",
        help=HELP,
        short_help="Check a message or link for the warning signs of a scam.",
    )(check_message)
