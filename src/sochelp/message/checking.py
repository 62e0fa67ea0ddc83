"""One message (or one link) checked and shown: what ``sochelp check-message`` does for a
single input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.errors import ExitCode, InputError
from sochelp.message.model import Channel, MessageContent

if TYPE_CHECKING:
    from pathlib import Path

    from sochelp.environment import Environment

#: Longest --url value taken as a link.
MAX_URL = 4096


def check_one(
    content: MessageContent,
    env: Environment,
    file: Path | None,
    url: str | None,
    sender: str | None,
    channel: Channel | None,
    json_output: bool,
) -> int:
    """Read the message (or take ``url``), analyse it, show the answer; the exit status."""
    from sochelp.message.analyse import Verdict, analyse
    from sochelp.message.reading import read_message, saved_email
    from sochelp.render import show
    from sochelp.render.message import MESSAGE_VIEW

    if url is not None:
        if not url.strip() or len(url) > MAX_URL:
            raise InputError(
                "The --url value is empty or too long to be a web address.",
                hint="Give one whole web address, e.g. --url https://example.com/page",
            )
        from sochelp.message.links import parse_link

        if parse_link(url, content.suffixes) is None:
            raise InputError(
                f"'{url[:80]}' does not look like a web address.",
                hint="Give it as it appears, for example example.com/page or https://example.com.",
            )
        result = analyse(url, content, sender=sender, channel=channel or Channel.WEB)
    else:
        text, truncated = read_message(file, env)
        if channel is None and saved_email(file):
            channel = Channel.EMAIL  # a saved email, even one whose headers were cut off
        result = analyse(text, content, sender=sender, channel=channel, truncated=truncated)
    show(MESSAGE_VIEW, result, env.output_mode(json_output), env)
    if result.verdict is Verdict.NONE_FOUND:
        return int(ExitCode.OK)
    return int(ExitCode.FINDINGS)
