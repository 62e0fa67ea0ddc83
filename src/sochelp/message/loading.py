"""Serving check-message's content from the content cache, fast.

Validating the TOML files (pydantic), compiling and hostile-testing every pattern and deriving
their literal prefixes takes far longer than analysing a message. The built
:class:`~sochelp.message.model.MessageContent` is therefore pickled in the content cache, keyed
by the bytes of every content file it depends on (bundled and overlay), the source of the
modules that build and use it, the bundled Public Suffix List and the sochelp and Python
versions. A hit imports neither pydantic nor the validation code; any change is a miss and a full
validation, which refuses bad content (with file, key and reason) exactly as
``sochelp content check`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sochelp.message.model import MessageContent

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore

#: Content folders the built content is made from (mirrors ``content.FOLDERS``; a test checks).
FOLDERS = (
    "message_rules",
    "message_cues",
    "message_families",
    "organisations",
    "link_rules",
    "red_flags",
    "situations",
)
#: Modules whose code shapes the built content (a change in any is a cache miss).
_MODULES = ("content.py", "model.py", "redos.py", "normalise.py", "analyse.py", "links.py")

_MEMO: dict[str, MessageContent] = {}


def content_key(store: ContentStore) -> str:
    """The cache key of the built content for this store (bundled content and overlay)."""
    from sochelp.content import cache
    from sochelp.message.suffixes import SNAPSHOT_NAME, snapshot_path

    here = Path(__file__).resolve().parent
    parts: list[tuple[str, bytes]] = []
    for name in _MODULES:
        try:
            parts.append((name, (here / name).read_bytes()))
        except OSError:
            parts.append((name, b"missing"))
    for folder in FOLDERS:
        parts.extend(store.folder_files(folder))
    snapshot = snapshot_path()
    try:
        parts.append((SNAPSHOT_NAME, snapshot.read_bytes() if snapshot is not None else b""))
    except OSError:
        parts.append((SNAPSHOT_NAME, b"unreadable"))
    return cache.plain_key("message-content", parts)


def load(store: ContentStore) -> MessageContent:
    """The message content, from this process's memory, the content cache, or (on a miss)
    validated and built from the files; :class:`~sochelp.errors.ContentError` lists every
    problem of unusable content."""
    from sochelp.content import cache

    key = content_key(store)
    content = _MEMO.get(key)
    if content is not None:
        return content
    cached = cache.load(key)
    if isinstance(cached, MessageContent):
        _MEMO[key] = cached
        return cached
    from sochelp.message import content as message_content

    built = message_content.load(store)
    cache.save(key, built)
    _MEMO[key] = built
    return built
