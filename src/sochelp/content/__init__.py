"""Loading and validating the bundled content files (and a local overlay folder).

Content is data: TOML files under ``content/<folder>/*.toml`` each holding an array of
tables (``[[contact]]``, ``[[situation]]`` …) whose items carry a unique ``id``. Each capability
declares a :class:`CollectionSpec` with a pydantic model, loads it through a
:class:`ContentStore`, runs its own cross-checks, and registers a checker in
:mod:`sochelp.content.registry` so that
``sochelp content check`` and CI validate everything.
"""

from sochelp.content.store import Collection, CollectionSpec, ContentStore

__all__ = ["Collection", "CollectionSpec", "ContentStore"]
