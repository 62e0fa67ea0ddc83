"""Reading TOML collections from the bundled content and an optional overlay folder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sochelp.errors import ContentError, ContentProblem, UsageError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from pydantic import BaseModel

# pydantic is imported only when files are validated: content served from the cache does not
# need it, and importing it costs more than the rest of a short command.
M = TypeVar("M", bound="BaseModel")
C = TypeVar("C")

#: Largest content file read; anything bigger is certainly a mistake.
MAX_FILE_BYTES = 2_000_000


def bundled_root() -> Traversable:
    """The content shipped with sochelp: inside the wheel, or the repository's ``content/``."""
    from sochelp.content.bundled import bundled_root as root

    return root()


@dataclass(frozen=True)
class CollectionSpec(Generic[M]):
    """Where a kind of content lives and what each item must look like."""

    folder: str
    table: str
    model: type[M]


@dataclass(frozen=True)
class Collection(Generic[M]):
    """Validated items by id, in file order, with the file each came from.

    ``local`` holds the ids whose item was read from the overlay folder (views mark them "from
    your local content"); ``replaced`` the bundled items an overlay item of the same id took the
    place of (so official details cannot be swapped unnoticed, see ``replaces_official``).
    """

    items: Mapping[str, M]
    origins: Mapping[str, str]
    local: frozenset[str] = frozenset()
    replaced: Mapping[str, M] = field(default_factory=dict)

    def __getitem__(self, item_id: str) -> M:
        return self.items[item_id]

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def __iter__(self) -> Iterator[M]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> M | None:
        """The item with this id, or None."""
        return self.items.get(item_id)

    def ids(self) -> list[str]:
        """All ids in order."""
        return list(self.items)

    def is_local(self, item_id: str) -> bool:
        """True when the item came from the overlay folder rather than the bundled content."""
        return item_id in self.local


@dataclass
class _Root:
    label: str
    path: Traversable


@dataclass
class ContentStore:
    """Loads collections from the bundled content, laying an overlay folder over it.

    An overlay item with the same id replaces the bundled one; a new id adds an item.
    """

    overlay: Path | None = None
    bundled: Traversable | None = None
    _cache: dict[str, tuple[Collection[Any], list[ContentProblem]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        if self.overlay is not None and not self.overlay.is_dir():
            raise UsageError(
                f"The content folder {self.overlay} does not exist or is not a folder.",
                hint="Check --content-dir or the SOCHELP_CONTENT_DIR environment variable.",
            )

    def _roots(self) -> list[_Root]:
        roots = [_Root("content", self.bundled if self.bundled is not None else bundled_root())]
        if self.overlay is not None:
            roots.append(_Root(str(self.overlay), self.overlay))
        return roots

    def toml_files(self) -> Iterator[tuple[str, bytes]]:
        """Every TOML file of the bundled content and the overlay, as (label, raw bytes)."""
        for root in self._roots():
            yield from _tree_files(root.label, root.path)

    def folder_files(self, folder: str) -> list[tuple[str, bytes]]:
        """The TOML files of one content folder, bundled then overlay, as (label, raw bytes)."""
        return [item for root in self._roots() for item in _folder_files(root, folder)]

    def folder_entries(self, folder: str) -> list[tuple[str, Traversable]]:
        """The TOML files of one content folder, bundled then overlay, as (label, file),
        without reading them (to stat them for a cache key)."""
        found: list[tuple[str, Traversable]] = []
        for root in self._roots():
            base = root.path / folder
            if not base.is_dir():
                continue
            for entry in sorted(base.iterdir(), key=lambda e: e.name):
                if entry.name.endswith(".toml") and entry.is_file():
                    found.append((f"{root.label}/{folder}/{entry.name}", entry))
        return found

    def collect(self, spec: CollectionSpec[M]) -> tuple[Collection[M], list[ContentProblem]]:
        """Load a collection, returning the valid items and every problem found (never raises)."""
        key = f"{spec.folder}/{spec.table}"
        if key not in self._cache:
            self._cache[key] = self._load(spec)
        return self._cache[key]

    def collection(self, spec: CollectionSpec[M]) -> Collection[M]:
        """Load a collection, raising :class:`ContentError` if any file has a problem."""
        items, problems = self.collect(spec)
        if problems:
            raise ContentError(problems)
        return items

    def _load(self, spec: CollectionSpec[M]) -> tuple[Collection[M], list[ContentProblem]]:
        from sochelp.content import cache

        files = [
            (index, label, raw)
            for index, root in enumerate(self._roots())
            for label, raw in _folder_files(root, spec.folder)
        ]
        key = cache.cache_key(
            f"{spec.folder}-{spec.table}",
            spec.model.__module__,
            ((label, raw) for _, label, raw in files),
        )
        cached = cache.load(key)
        if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Collection):
            return cached[0], list(cached[1])
        result = _validate_files(spec, files)
        cache.save(key, result)
        return result


def _validate_files(
    spec: CollectionSpec[M], files: list[tuple[int, str, bytes]]
) -> tuple[Collection[M], list[ContentProblem]]:
    items: dict[str, M] = {}
    origins: dict[str, str] = {}
    local: set[str] = set()
    replaced: dict[str, M] = {}
    problems: list[ContentProblem] = []
    seen: dict[tuple[int, str], str] = {}
    for root_index, label, raw in files:
        data = _parse(label, raw, problems)
        if data is None:
            continue
        for index, entry in enumerate(_table(data, spec, label, problems)):
            item = _validate(spec, entry, label, index, problems)
            if item is None:
                continue
            item_id = str(getattr(item, "id"))  # noqa: B009 - every content model has an id
            if (root_index, item_id) in seen:
                problems.append(
                    ContentProblem(
                        label,
                        f"{spec.table}[{item_id}].id",
                        f"duplicate id (also in {seen[root_index, item_id]})",
                    )
                )
                continue
            seen[root_index, item_id] = label
            if root_index > 0:
                if item_id in items and item_id not in local:
                    replaced[item_id] = items[item_id]  # the bundled item it takes over
                local.add(item_id)
            items[item_id] = item  # a later root (the overlay) replaces an earlier one
            origins[item_id] = label
    return Collection(items, origins, frozenset(local), replaced), problems


def _folder_files(root: _Root, folder: str) -> Iterator[tuple[str, bytes]]:
    base = root.path / folder
    if not base.is_dir():
        return
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            yield f"{root.label}/{folder}/{entry.name}", entry.read_bytes()


def _tree_files(label: str, folder: Traversable) -> Iterator[tuple[str, bytes]]:
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{label}/{entry.name}"
        if entry.is_dir():
            yield from _tree_files(name, entry)
        elif entry.name.endswith(".toml") and entry.is_file():
            yield name, entry.read_bytes()


def _parse(label: str, raw: bytes, problems: list[ContentProblem]) -> dict[str, Any] | None:
    if len(raw) > MAX_FILE_BYTES:
        problems.append(ContentProblem(label, "", f"file is larger than {MAX_FILE_BYTES} bytes"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(ContentProblem(label, "", f"not UTF-8 text (byte {exc.start})"))
        return None
    import tomllib  # only when files are validated (cached content needs no parsing)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(ContentProblem(label, "", f"not valid TOML: {exc}"))
        return None
    except RecursionError:  # arrays or tables nested hundreds deep (found by fuzzing)
        problems.append(ContentProblem(label, "", "not valid TOML: nested too deeply"))
        return None


def _table(
    data: dict[str, Any], spec: CollectionSpec[Any], label: str, problems: list[ContentProblem]
) -> list[Any]:
    for key in data:
        if key != spec.table:
            problems.append(
                ContentProblem(label, key, f"unknown table; files here hold [[{spec.table}]] items")
            )
    value = data.get(spec.table, [])
    if not isinstance(value, list):
        problems.append(
            ContentProblem(label, spec.table, f"must be an array of tables [[{spec.table}]]")
        )
        return []
    return value


def _validate(
    spec: CollectionSpec[M],
    raw: Any,
    label: str,
    index: int,
    problems: list[ContentProblem],
) -> M | None:
    from pydantic import ValidationError

    name = f"{spec.table}[{index}]"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]:
        name = f"{spec.table}[{raw['id']}]"
    try:
        return spec.model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            path = ".".join(str(part) for part in error["loc"])
            key = f"{name}.{path}" if path else name
            problems.append(ContentProblem(label, key, _reason(error)))
        return None


def _reason(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (a typo?)"
    message = str(error.get("msg", "invalid value"))
    return message.removeprefix("Value error, ")


def require(collected: tuple[C | None, list[ContentProblem]]) -> C:
    """The content from a capability's ``collect(store)``, or :class:`ContentError` listing
    every problem when it is unusable."""
    content, problems = collected
    if content is None:
        raise ContentError(problems)
    return content
