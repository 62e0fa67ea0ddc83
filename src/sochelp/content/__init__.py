"""Loading and validating the bundled content files (and a local overlay folder).

Content is data: TOML files under ``content/<folder>/*.toml`` each holding an array of
tables (``[[contact]]``, ``[[situation]]`` …) whose items carry a unique ``id``. Each capability
declares a :class:`CollectionSpec` with a pydantic model, loads it through a
:class:`ContentStore`, runs its own cross-checks, and registers a checker in
:mod:`sochelp.content.registry` so that
``sochelp content check`` and CI validate everything.

The names below are loaded on first use, so that importing a light submodule (the cache) does
not import pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sochelp.content.store import Collection, CollectionSpec, ContentStore

__all__ = ["Collection", "CollectionSpec", "ContentStore"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sochelp.content import store

        return getattr(store, name)
    raise AttributeError(name)
