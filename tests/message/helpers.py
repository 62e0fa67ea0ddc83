"""Shared fixtures for the check-message tests."""

from __future__ import annotations

from functools import cache

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.analyse import MessageResult, analyse
from sochelp.message.content import MessageContent
from sochelp.message.model import Channel


@cache
def bundled() -> MessageContent:
    """The bundled message content, loaded once."""
    return message_content.load(ContentStore())


def check(text: str, channel: Channel | None = None) -> MessageResult:
    """check-message's analysis of ``text`` with the bundled content."""
    return analyse(text, bundled(), channel=channel)


def sources(result: MessageResult) -> set[str]:
    """The sources of a result's signs: rule ids, "family:…", "link:…", "model:…"."""
    return {flag.source for flag in result.flags}


def families(result: MessageResult) -> set[str]:
    """The ids of the scam families found."""
    return {
        source.removeprefix("family:") for source in sources(result) if source.startswith("family:")
    }
