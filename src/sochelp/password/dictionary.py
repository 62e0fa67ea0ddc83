"""Password content in a plain, quickly loaded form: advice and the flattened local dictionary.

The validated content (pydantic models, :mod:`sochelp.password.content`) is turned into plain
tuples, the local dictionary packed (:class:`~sochelp.password.wordlists.LocalWords`: loading it
hashes none of its tens of thousands of words), and kept in the content cache under a key made
from every advice and word-list file (bundled and overlay), sochelp's version and the source of
the modules that shape it. A warm start then needs neither TOML parsing nor pydantic:
``password`` and ``audit`` start about as fast as commands without a dictionary.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore

FOLDERS = ("password/advice", "password/words")


@dataclass(frozen=True)
class AdviceEntry:
    """One piece of password advice, as shown."""

    id: str
    title: str
    text: str
    show_when: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class PasswordContent:
    """Advice and the flattened local dictionary (most-guessable first, no duplicates): a tuple as
    validated, packed (:class:`~sochelp.password.wordlists.LocalWords`) as :func:`load` gives it."""

    advice: tuple[AdviceEntry, ...]
    local_words: Sequence[str]


def _bundled_root() -> Path:
    from sochelp.content.bundled import bundled_root

    return Path(str(bundled_root()))


def _files(overlay: Path | None) -> Iterator[tuple[str, bytes]]:
    roots = [("content", _bundled_root())]
    if overlay is not None:
        roots.append((str(overlay), overlay))
    for label, root in roots:
        for folder in FOLDERS:
            base = root / folder
            if not base.is_dir():
                continue
            for entry in sorted(base.iterdir(), key=lambda e: e.name):
                if entry.name.endswith(".toml") and entry.is_file():
                    yield f"{label}/{folder}/{entry.name}", entry.read_bytes()


def _key(overlay: Path | None) -> str:
    from sochelp import __version__

    digest = hashlib.blake2b(digest_size=16)
    for part in (__version__, sys.version, __name__):
        digest.update(part.encode() + b"\0")
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(__file__).with_name("content.py").read_bytes())
    digest.update(Path(__file__).with_name("wordlists.py").read_bytes())
    for label, raw in _files(overlay):
        digest.update(label.encode() + b"\0" + len(raw).to_bytes(8, "big") + raw)
    return f"password_plain-{digest.hexdigest()}.pickle"


def load(overlay: Path | None, store: Callable[[], ContentStore]) -> PasswordContent:
    """Password content: from the cache when the files are unchanged, else validated through
    ``store()`` (raising :class:`ContentError` for bad content) and cached for next time."""
    from sochelp.content import cache

    if overlay is not None and not overlay.is_dir():
        store()  # reports the missing folder as a usage error

    def build() -> PasswordContent:
        from sochelp.password import content as password_content
        from sochelp.password.wordlists import LocalWords

        validated = password_content.load(store())
        # Validated words are lower-case letters and digits: never a line break, so packable.
        return PasswordContent(validated.advice, LocalWords.of(validated.local_words))

    return cache.cached_build(lambda: _key(overlay), PasswordContent, build)
