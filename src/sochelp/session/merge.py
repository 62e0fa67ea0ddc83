"""Three-way merges: what one session changed since it last read the file (``base`` to
``mine``), laid over what is on disk now (``theirs``, which another session may have changed).

Progress files are merged this way on every save (see :meth:`ProgressFile.update
<sochelp.session.store.ProgressFile.update>`), so two sessions at once keep both sets of
answers instead of the last save replacing the other's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def merge_lists(base: Sequence[T], mine: Sequence[T], theirs: Sequence[T]) -> list[T]:
    """An append-mostly list (a history), items compared by value: what this session removed
    or replaced is taken out of ``theirs`` (once each), what it added is appended at the end."""
    removed = list(base)
    added: list[T] = []
    for item in mine:
        if item in removed:
            removed.remove(item)
        else:
            added.append(item)
    result = list(theirs)
    for item in removed:
        if item in result:
            result.remove(item)
    return result + added


def merge_mappings(
    base: Mapping[K, V],
    mine: Mapping[K, V],
    theirs: Mapping[K, V],
    both: Callable[[V | None, V, V], V] | None = None,
) -> dict[K, V]:
    """A mapping merged key by key. A key only this session changed takes its value; a key only
    the other changed keeps theirs; a key both changed is ``both(base, mine, theirs)`` (this
    session's value without it). A key this session deleted goes, unless the other changed it."""
    result = dict(theirs)
    keys = [*base, *(key for key in mine if key not in base)]
    for key in keys:
        old = base.get(key)
        changed_here = (key in mine) != (key in base) or mine.get(key) != old
        if not changed_here:
            continue
        unchanged_there = (key in theirs) == (key in base) and theirs.get(key) == old
        if key not in mine:  # deleted here
            if unchanged_there:
                result.pop(key, None)
            continue
        new = mine[key]
        if unchanged_there or key not in theirs or both is None:
            result[key] = new
        else:
            result[key] = both(old, new, theirs[key])
    return result
