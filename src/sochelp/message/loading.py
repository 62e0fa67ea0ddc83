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

from sochelp.message.model import MessageContent, install_precompiled

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

    from sochelp.content.store import ContentStore

#: Content folders the built content is made from (mirrors ``content.FOLDERS``; a test checks).
FOLDERS = (
    "message_rules",
    "message_cues",
    "message_families",
    "message_family_choices",
    "organisations",
    "link_rules",
    "message_model",
    "message_concepts",
    "red_flags",
    "situations",
)
#: Modules whose code shapes the built content (a change in any is a cache miss).
_MODULES = (
    "content.py",
    "model.py",
    "redos.py",
    "normalise.py",
    "analyse.py",
    "links.py",
    "wording.py",
    "concepts.py",
)

_MEMO: dict[str, MessageContent] = {}


def _stamp(label: str, entry: Traversable | Path) -> tuple[str, bytes]:
    """A file as (label, size and modification time), or its bytes when it cannot be stat'ed
    (content inside a zip archive)."""
    if isinstance(entry, Path):
        try:
            info = entry.stat()
        except OSError:
            return label, b"missing"
        return label, f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}".encode()
    try:
        return label, entry.read_bytes()
    except OSError:
        return label, b"unreadable"


def content_key(store: ContentStore) -> str:
    """The cache key of the built content for this store (bundled content and overlay).

    Made from each file's size and modification time (stat'ing is far cheaper than reading and
    hashing every file on each start): any edit of a content file, of the modules that build
    the content or of the Public Suffix List snapshot is a new key.
    """
    from sochelp.content import cache
    from sochelp.message.suffixes import SNAPSHOT_NAME, snapshot_path

    here = Path(__file__).resolve().parent
    parts: list[tuple[str, bytes]] = [_stamp(name, here / name) for name in _MODULES]
    for folder in FOLDERS:
        parts.extend(_stamp(label, entry) for label, entry in store.folder_entries(folder))
    snapshot = snapshot_path()
    parts.append(_stamp(SNAPSHOT_NAME, snapshot) if snapshot is not None else (SNAPSHOT_NAME, b""))
    return cache.plain_key("message-content", parts)


def load(store: ContentStore, on_build: Callable[[], None] | None = None) -> MessageContent:
    """The message content, from this process's memory, the content cache, or (on a miss)
    validated and built from the files; :class:`~sochelp.errors.ContentError` lists every
    problem of unusable content.

    ``on_build`` is called just before a build, which takes many seconds (the first run after
    installing sochelp or changing content), so that a command can say why it is waiting.
    """
    from sochelp.content import cache

    key = content_key(store)
    content = _MEMO.get(key)
    if content is not None:
        return content
    cached = cache.load(key)
    if isinstance(cached, MessageContent):
        install_precompiled(cached.precompiled)
        _MEMO[key] = cached
        return cached
    from sochelp.message import content as message_content

    if on_build is not None:
        on_build()
    built = message_content.load(store)
    cache.save(key, built)
    _MEMO[key] = built
    return built
