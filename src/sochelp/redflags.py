"""The shared vocabulary of red-flag kinds used by the quiz and by check-message."""

from __future__ import annotations

from sochelp.content.store import Collection, CollectionSpec, ContentStore
from sochelp.content.types import ContentModel, Slug, Text
from sochelp.errors import ContentProblem


class RedFlag(ContentModel):
    """One kind of warning sign, e.g. urgency or an unusual way to pay."""

    id: Slug
    name: Text
    explanation: Text


RED_FLAGS = CollectionSpec("red_flags", "red_flag", RedFlag)


def load(store: ContentStore) -> Collection[RedFlag]:
    """The red-flag vocabulary (raises ContentError on problems)."""
    return store.collection(RED_FLAGS)


def check(store: ContentStore) -> list[ContentProblem]:
    """Problems in the vocabulary file."""
    return store.collect(RED_FLAGS)[1]


def unknown_flags(
    flags: list[str], vocabulary: Collection[RedFlag], file: str, key: str
) -> list[ContentProblem]:
    """A problem for each flag id not in the vocabulary (for other capabilities' cross-checks)."""
    return [
        ContentProblem(file, f"{key}[{index}]", f"unknown red flag '{flag}'")
        for index, flag in enumerate(flags)
        if flag not in vocabulary
    ]
