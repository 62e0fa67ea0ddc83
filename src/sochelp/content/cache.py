"""A cache of validated content, so interactive commands start fast.

Parsing TOML and building pydantic validators costs more than the rest of ``sochelp report``
together. The result of loading a collection is therefore kept in the user's cache folder, keyed
by a hash of every input that could change it: the bytes of each content file (bundled and
overlay), the source of the model's module and of the shared field types, and the versions of
sochelp, pydantic and Python. Any change means a miss and a full validation. The cache holds only
public content, is written atomically, and any problem reading or writing it just means a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: Environment variable that moves the cache folder; an empty value turns the cache off.
CACHE_DIR_ENV = "SOCHELP_CACHE_DIR"

_disabled = False


@contextlib.contextmanager
def turned_off() -> Iterator[None]:
    """Neither read nor write the cache inside this block (``content check --no-cache``)."""
    global _disabled
    before, _disabled = _disabled, True
    try:
        yield
    finally:
        _disabled = before


def cache_dir() -> Path | None:
    """Where validated content is cached, or None when caching is turned off."""
    if _disabled:
        return None
    override = os.environ.get(CACHE_DIR_ENV)
    if override is not None:
        return Path(override) if override else None
    platform: str = sys.platform  # (a plain str, so type checkers keep both branches)
    if platform.startswith("linux"):
        # What platformdirs gives on Linux (XDG), without importing it on every start.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        root = Path(base) if base else Path.home() / ".cache"
        return root / "sochelp" / "content"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sochelp", appauthor=False)) / "content"


def _source_bytes(module_name: str) -> bytes:
    module = sys.modules.get(module_name)
    filename = getattr(module, "__file__", None)
    if not filename:
        return module_name.encode()
    try:
        return Path(filename).read_bytes()
    except OSError:
        return module_name.encode()


def cache_key(name: str, model_module: str, files: Iterable[tuple[str, bytes]]) -> str:
    """A file name for one collection, unique to everything its validated form depends on."""
    from pydantic.version import VERSION as PYDANTIC_VERSION

    from sochelp import __version__

    digest = hashlib.blake2b(digest_size=16)
    for part in (__version__, PYDANTIC_VERSION, sys.version, name, model_module):
        digest.update(part.encode() + b"\0")
    digest.update(_source_bytes(model_module))
    digest.update(_source_bytes("sochelp.content.types"))
    digest.update(_source_bytes("sochelp.content.store"))  # the shape of a Collection
    for label, raw in files:
        digest.update(label.encode() + b"\0" + len(raw).to_bytes(8, "big") + raw)
    # Collections in sub-folders ("password/words") must still name one file in the cache folder.
    return f"{name.replace('/', '_')}-{digest.hexdigest()}.pickle"


def module_sources(*relative: str) -> list[tuple[str, bytes]]:
    """(name, source) of sochelp modules named by their path in the package ("quiz/content.py"),
    read without importing them: part of the key of a value derived from several collections."""
    package = Path(__file__).resolve().parents[1]
    return [(name, (package / name).read_bytes()) for name in relative]


def plain_key(name: str, parts: Iterable[tuple[str, bytes]]) -> str:
    """A file name for a derived value made of plain data (no content models), unique to the
    sochelp and Python versions and to ``parts`` (labelled bytes: files, module sources).

    Unlike :func:`cache_key` this does not import pydantic, so a command served from the cache
    does not pay for it.
    """
    from sochelp import __version__

    digest = hashlib.blake2b(digest_size=16)
    for part in (__version__, sys.version, name):
        digest.update(part.encode() + b"\0")
    for label, raw in parts:
        digest.update(label.encode() + b"\0" + len(raw).to_bytes(8, "big") + raw)
    return f"{name}-{digest.hexdigest()}.pickle"


def load(key: str) -> Any | None:
    """The cached value for ``key``, or None on a miss (including an unreadable entry)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        # Only sochelp writes here, in a folder private to the user.
        return pickle.loads((folder / key).read_bytes())
    except Exception:  # any unreadable entry (truncated, old classes...) is simply a miss
        return None


def cached_build(key: Callable[[], str], kind: type[T], build: Callable[[], T]) -> T:
    """The ``kind`` value kept under ``key()``, else ``build()``, kept for next time. When the
    key cannot be made (an unreadable file) nothing is cached: the build reports the file."""
    try:
        name: str | None = key()
    except OSError:
        name = None
    if name is not None:
        cached = load(name)
        if isinstance(cached, kind):
            return cached
    value = build()
    if name is not None:
        save(name, value)
    return value


def save(key: str, value: Any) -> None:
    """Store ``value`` under ``key`` (best effort) and remove older entries of the same name."""
    folder = cache_dir()
    if folder is None:
        return
    name = key.rsplit("-", 1)[0]
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp_name = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as temp:
                pickle.dump(value, temp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp_name, folder / key)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old.name != key:
                with contextlib.suppress(OSError):
                    old.unlink()
    except (OSError, pickle.PicklingError):
        return
