"""Shared fixtures for the check-message tests."""

from __future__ import annotations

from functools import cache

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.content import MessageContent


@cache
def bundled() -> MessageContent:
    """The bundled message content, loaded once."""
    return message_content.load(ContentStore())
