"""Hidden characters in content files: controls, bidi overrides and invisible format characters.

Every view already shows such a character as a marker (:mod:`sochelp.render.safe`), so it can never
reorder or hide text on screen. But in content they are almost always a mistake pasted from a web
page, or an overlay written to mislead (a phone number shown backwards with U+202E, a link split by
a zero-width space so it no longer matches its official form): ``sochelp content check`` names the
file, key and character. Emoji sequences (joiners and variation selectors inside an emoji) are fine.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from sochelp.content.store import ContentStore
from sochelp.errors import ContentProblem
from sochelp.render.safe import marked_characters, marker


def _strings(value: Any, key: str) -> Iterator[tuple[str, str]]:
    """Every string in a parsed TOML value, keys included, with its dotted key."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            where = f"{key}.{name}" if key else str(name)
            yield where, str(name)
            yield from _strings(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}[{index}]")


def _described(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"{marker(ch)} ({name.lower()})" if name else marker(ch)


def check(store: ContentStore) -> list[ContentProblem]:
    """A problem for every string of every content file (bundled and overlay) that holds a
    control or invisible character."""
    import tomllib

    problems: list[ContentProblem] = []
    for label, raw in store.toml_files():
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            continue  # reported by the capability that reads the file
        for key, text in _strings(data, ""):
            described = [_described(ch) for ch in marked_characters(text)]
            if described:
                problems.append(
                    ContentProblem(
                        label,
                        key,
                        "holds a hidden character that would be shown as a marker: "
                        + ", ".join(described)
                        + " (remove it; if it was pasted from a web page, retype the text)",
                    )
                )
    return problems
