"""Ranked word lists (zxcvbn's frequency lists, the local dictionary) that load without hashing.

Importing zxcvbn builds a dict (word -> rank) from each of its six frequency lists: 94,000
strings unmarshalled and hashed, about a quarter of a Typer program's whole start-up. Rating one
password only ever asks whether a substring of that password is listed, and at which rank. So
here a list is kept *packed* (:class:`PackedRanks`): its words grouped by their first two
characters, all in one string beside an array of their ranks. A lookup unpacks only its group,
into one dict that grows group by group; before zxcvbn's matchers scan a text,
:meth:`PackedRanks.covering` unpacks every group that text's substrings can fall in, so the
matchers still do plain dict look-ups.

zxcvbn.matching builds its dicts when imported, from ``zxcvbn.frequency_lists``. On a warm
content cache :func:`zxcvbn_matching` imports it against an empty stand-in for that module (only
while importing, and only for zxcvbn releases whose modules were read: :data:`CHECKED_ZXCVBN`),
then puts the packed lists, in their original order, into ``matching.RANKED_DICTIONARIES``, the
dict every zxcvbn matcher reads by default: even zxcvbn's own functions then rate as before. The
cache entry is named after zxcvbn's version and folder and records the SHA-256 of each of its
modules (the word lists included) with their sizes and modification times: while those are
unchanged nothing is read; when they differ the modules are hashed again and must match. Anything
else (the cache turned off or unreadable, a miss, another zxcvbn) takes the plain import, and a
miss packs the lists for next time.
"""

from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any, overload

#: Joins a group's words; no listed word may contain it.
_SEPARATOR = "\n"
#: Array type code of ranks and offsets: unsigned, at least 4 bytes (they pass 65,535).
_RANK_CODE = "I" if array("I").itemsize >= 4 else "L"
#: Where zxcvbn.matching imports its word lists from.
_LISTS_MODULE = "zxcvbn.frequency_lists"

#: SHA-256 over the names and SHA-256 digests of zxcvbn's modules other than its word lists (see
#: :func:`_reviewed_digest`), for each release whose ``matching`` was checked to read the lists
#: only through ``RANKED_DICTIONARIES`` (filled at import from ``FREQUENCY_LISTS``) and whose
#: other modules do not read them. Another release is imported the plain way.
CHECKED_ZXCVBN = frozenset(
    {
        # zxcvbn 4.5.0
        "677066ad52777016eab23c1629547b8df0062eacedb13839b69cb617919051cc",
    }
)


def group_key(word: str) -> str:
    """The group a word is kept in: its first two characters."""
    return word[:2]


def text_keys(text: str) -> set[str]:
    """Every group a substring of ``text`` can be kept in (zxcvbn's matchers look up the
    substrings of the lower-cased text)."""
    lowered = text.lower()
    return {lowered[i : i + 2] for i in range(len(lowered))}.union(lowered)


def rank_words(words: Iterable[str]) -> dict[str, int]:
    """Words ranked in the order given (1 = first), lower-cased; a repeat keeps its first rank
    and empty words are left out."""
    ranked: dict[str, int] = {}
    for word in words:
        key = str(word).lower()
        if key and key not in ranked:
            ranked[key] = len(ranked) + 1
    return ranked


class PackedRanks(Mapping[str, int]):
    """A read-only word -> rank mapping kept packed in groups; a group is unpacked when a lookup
    first needs it. Safe to share between threads (a group is only ever added, whole).

    Packed, all words are one string (group after group, a line break after each word) beside an
    array of their ranks, and the group keys one string beside two arrays of where each group
    starts (in characters, in words): a few large objects, so loading it from the cache creates
    almost nothing, and the index of groups is built in one C-level pass.
    """

    __slots__ = ("_done", "_index", "_keys", "_ranks", "_size", "_table", "_text", "_where")

    def __init__(self, keys: str, text: str, ranks: bytes, where: bytes, size: int) -> None:
        self._keys, self._text, self._size = keys, text, size
        self._ranks = array(_RANK_CODE)
        self._ranks.frombytes(ranks)
        #: Per group, then one past the last: where it starts in the text and in the ranks.
        self._where = array(_RANK_CODE)
        self._where.frombytes(where)
        self._index: dict[str, int] | None = None
        #: Every word of every group unpacked so far.
        self._table: dict[str, int] = {}
        self._done: set[str] = set()

    @classmethod
    def from_ranks(cls, ranks: Mapping[str, int]) -> PackedRanks:
        """Pack a word -> rank mapping. Raises ValueError for a word containing a line break."""
        groups: dict[str, list[tuple[str, int]]] = {}
        for word, rank in ranks.items():
            if _SEPARATOR in word:
                raise ValueError("a listed word contains a line break")
            groups.setdefault(group_key(word), []).append((word, rank))
        text: list[str] = []
        ordered = array(_RANK_CODE)
        where = array(_RANK_CODE, [0, 0])
        chars = 0
        for entries in groups.values():
            for word, rank in entries:
                text.append(word)
                ordered.append(rank)
                chars += len(word) + 1
            where.extend((chars, len(ordered)))
        joined = "".join(word + _SEPARATOR for word in text)
        keys = "".join(key + _SEPARATOR for key in groups)
        return cls(keys, joined, ordered.tobytes(), where.tobytes(), len(ranks))

    def __reduce__(self) -> tuple[Any, ...]:
        state = (self._keys, self._text, self._ranks.tobytes(), self._where.tobytes(), self._size)
        return (PackedRanks, state)

    def _groups(self) -> dict[str, int]:
        index = self._index
        if index is None:
            keys = self._keys.split(_SEPARATOR)[:-1]
            index = self._index = dict(zip(keys, range(len(keys)), strict=True))
        return index

    def entries(self, key: str) -> Iterator[tuple[str, int]]:
        """The (word, rank) pairs of one group, unpacked afresh."""
        number = self._groups().get(key)
        if number is None:
            return iter(())
        where = self._where
        text = self._text[where[2 * number] : where[2 * number + 2] - 1]
        ranks = self._ranks[where[2 * number + 1] : where[2 * number + 3]]
        return zip(text.split(_SEPARATOR), ranks, strict=True)

    def covering(self, keys: Set[str]) -> dict[str, int]:
        """A plain dict holding at least every word of the groups ``keys`` (with their ranks): for
        zxcvbn's matchers, which look words up in a dict. Do not change it."""
        table, groups = self._table, self._groups()
        for key in keys - self._done:
            # Only groups that exist are remembered as done: the pairs of characters of a
            # password that start no listed word are not kept in memory after its rating.
            if key in groups:
                # One C-level update per group: a reading thread sees a group whole or not.
                table.update(self.entries(key))
                self._done.add(key)
        return table

    def has_group(self, key: str) -> bool:
        """Whether some listed word is kept in the group ``key``."""
        return key in self._groups()

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.covering({group_key(word)})

    def __getitem__(self, word: str) -> int:
        if not isinstance(word, str):
            raise KeyError(word)
        return self.covering({group_key(word)})[word]

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        """Every word, most common (lowest rank) first."""
        table = self.covering(self._groups().keys()).copy()
        return iter(sorted(table, key=table.__getitem__))


class OwnFirst:
    """For one rating: the user's own words (ranked first), then a packed dictionary with its
    ranks moved past them, as zxcvbn's ``user_inputs`` dictionary. Not shared between threads."""

    __slots__ = ("_done", "_local", "_offset", "_table")

    def __init__(self, own: dict[str, int], local: PackedRanks) -> None:
        self._local = local
        self._offset = len(own)
        self._table = dict(own)
        self._done: set[str] = set()

    def covering(self, keys: Set[str]) -> dict[str, int]:
        """As :meth:`PackedRanks.covering`."""
        table, offset = self._table, self._offset
        for key in keys - self._done:
            if not self._local.has_group(key):
                continue
            for word, rank in self._local.entries(key):
                table.setdefault(word, rank + offset)  # an own word keeps its own rank
            self._done.add(key)
        return table


class LocalWords(Sequence[str]):
    """The local dictionary as a sequence of words (most guessable first), kept packed."""

    __slots__ = ("_ordered", "ranks")

    def __init__(self, ranks: PackedRanks) -> None:
        #: word -> rank, as zxcvbn's matchers use it.
        self.ranks = ranks
        self._ordered: tuple[str, ...] | None = None

    @classmethod
    def of(cls, words: Iterable[str]) -> LocalWords:
        """The words ranked as :func:`rank_words` does. Raises ValueError for a word with a line
        break in it."""
        return cls(PackedRanks.from_ranks(rank_words(words)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (LocalWords, (self.ranks,))

    def __contains__(self, word: object) -> bool:
        return word in self.ranks

    def __len__(self) -> int:
        return len(self.ranks)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._words()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalWords | tuple | list):
            return self._words() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _words(self) -> tuple[str, ...]:
        if self._ordered is None:
            self._ordered = tuple(self.ranks)
        return self._ordered


# --- zxcvbn, imported with its frequency lists from the cache -------------------------------

_lock = threading.Lock()
_matching: ModuleType | None = None


def zxcvbn_matching() -> ModuleType:
    """``zxcvbn.matching``, imported with its word lists packed from the content cache when they
    are there (see the module's description). Safe to call from several threads."""
    global _matching
    if _matching is None:
        with _lock:
            if _matching is None:
                _matching = _import_matching()
    return _matching


def _import_matching() -> ModuleType:
    already = sys.modules.get("zxcvbn.matching")
    if already is not None:  # imported the plain way by someone else: its dicts are complete
        return already
    from sochelp.content import cache

    folder = _zxcvbn_folder()
    key = lists_key(folder)
    if folder is not None and key is not None:
        packed = valid_lists(cache.load(key), folder)
        if packed is not None:
            matching = _import_with_stand_in()
            if matching is not None:
                matching.RANKED_DICTIONARIES.update(packed)
                return matching
    plain = import_module("zxcvbn.matching")
    if folder is not None and key is not None and _writable(cache.cache_dir()):
        entry = pack_lists(folder, plain.RANKED_DICTIONARIES)
        if entry is not None:
            cache.save(key, entry)
    return plain


def _writable(folder: Path | None) -> bool:
    """Whether the cache can be written: packing the lists (about 40 ms) would be wasted on every
    run if it cannot."""
    import os

    if folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _import_with_stand_in() -> ModuleType | None:
    """zxcvbn.matching imported against an empty ``zxcvbn.frequency_lists``, or None when that
    failed (nothing of zxcvbn is left imported then)."""
    stand_in = ModuleType(_LISTS_MODULE, "Empty stand-in: sochelp fills RANKED_DICTIONARIES.")
    stand_in.FREQUENCY_LISTS = {}  # type: ignore[attr-defined]
    sys.modules[_LISTS_MODULE] = stand_in
    try:
        matching = import_module("zxcvbn.matching")
    except Exception:
        for name in [m for m in sys.modules if m == "zxcvbn" or m.startswith("zxcvbn.")]:
            del sys.modules[name]
        return None
    finally:
        # A later ``import zxcvbn.frequency_lists`` then gets the real lists.
        if sys.modules.get(_LISTS_MODULE) is stand_in:
            del sys.modules[_LISTS_MODULE]
        package = sys.modules.get("zxcvbn")
        if package is not None and getattr(package, "frequency_lists", None) is stand_in:
            del package.frequency_lists
    return matching


def _zxcvbn_folder() -> Path | None:
    from importlib.util import find_spec

    try:
        spec = find_spec("zxcvbn")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, modification time) of each of zxcvbn's modules."""
    import os

    stamps = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                stat = entry.stat()
                stamps.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(stamps))


def _module_digests(folder: Path) -> tuple[tuple[str, bytes], ...]:
    import hashlib

    return tuple(
        (path.name, hashlib.sha256(path.read_bytes()).digest())
        for path in sorted(folder.glob("*.py"))
    )


def _reviewed_digest(digests: Iterable[tuple[str, bytes]]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for name, file_digest in digests:
        if name != "frequency_lists.py":
            digest.update(name.encode() + b"\0" + file_digest)
    return digest.hexdigest()


def _version(folder: Path) -> str:
    """zxcvbn's version from its ``.dist-info`` folder beside it ("" when there is none); far
    quicker than importlib.metadata, which reads every installed distribution."""
    import os

    prefix, suffix = f"{folder.name}-", ".dist-info"
    try:
        names = sorted(os.listdir(folder.parent))
    except OSError:
        return ""
    for name in names:
        if name.startswith(prefix) and name.endswith(suffix):
            return name[len(prefix) : -len(suffix)]
    return ""


def lists_key(folder: Path | None) -> str | None:
    """The cache file name for zxcvbn's packed word lists: from zxcvbn's version and folder and
    this module's source (the entry records a hash of each zxcvbn module: :func:`valid_lists`);
    None when there is no zxcvbn or this module cannot be read."""
    from sochelp.content import cache

    if folder is None:
        return None
    try:
        own = Path(__file__).read_bytes()
    except OSError:
        return None
    parts = [("zxcvbn", _version(folder).encode()), ("folder", str(folder).encode())]
    return cache.plain_key("zxcvbn_lists", [*parts, ("wordlists.py", own)])


def pack_lists(folder: Path, ranked: Mapping[str, Mapping[str, int]]) -> tuple[Any, ...] | None:
    """A cache entry for zxcvbn's built dictionaries (``matching.RANKED_DICTIONARIES``, read from
    the modules in ``folder``): the modules' stamps and SHA-256 digests, and the packed lists in
    their order. None for a zxcvbn release not checked (:data:`CHECKED_ZXCVBN`)."""
    try:
        stamps = _stamps(folder)  # before hashing: a file changed meanwhile is hashed again
        digests = _module_digests(folder)
    except OSError:
        return None
    if _reviewed_digest(digests) not in CHECKED_ZXCVBN:
        return None
    try:
        lists = tuple(
            (name, PackedRanks.from_ranks(table))
            for name, table in ranked.items()
            if name != "user_inputs"
        )
    except ValueError:
        return None
    return (stamps, digests, lists)


def valid_lists(entry: object, folder: Path) -> dict[str, PackedRanks] | None:
    """The packed lists of a cache entry when it was made from zxcvbn's modules as they are now
    (the same stamps, else the same SHA-256 digests, as Python checks its own bytecode but with
    the contents hashed whenever a file looks changed) and they are a checked release."""
    if not (isinstance(entry, tuple) and len(entry) == 3):
        return None
    stamps, digests, value = entry
    if not isinstance(value, tuple) or not value:
        return None
    lists: dict[str, PackedRanks] = {}
    for item in value:
        if not (isinstance(item, tuple) and len(item) == 2):
            return None
        name, ranks = item
        if not isinstance(name, str) or not isinstance(ranks, PackedRanks):
            return None
        lists[name] = ranks
    if not (
        isinstance(digests, tuple)
        and all(
            isinstance(d, tuple) and len(d) == 2 and isinstance(d[0], str) and type(d[1]) is bytes
            for d in digests
        )
        and "frequency_lists.py" in {name for name, _ in digests}
        and _reviewed_digest(digests) in CHECKED_ZXCVBN
    ):
        return None
    try:
        if stamps != _stamps(folder) and digests != _module_digests(folder):
            return None
    except OSError:
        return None
    return lists
