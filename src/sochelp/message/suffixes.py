"""The Public Suffix List: which part of a host name is its registrable domain.

The rules come from the snapshot bundled with tldextract. The file is read directly
(``tldextract`` itself imports ``requests``, which costs a quarter of a second and could fetch a
newer list): nothing here opens a network connection or resolves a name.

:class:`SuffixList` is pure. :func:`load_suffix_list` is the only function that reads files (the
snapshot and the content cache); it is called where content is loaded (``message.content.load``),
never while a message is parsed.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sochelp.errors import ServiceError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: File name of the Public Suffix List snapshot inside the tldextract package.
SNAPSHOT_NAME = ".tld_set_snapshot"
#: A real snapshot has thousands of rules; fewer means the file is damaged.
MIN_RULES = 1000


class SuffixList(NamedTuple):
    """Rules of the Public Suffix List (exact, wildcard and exception rules)."""

    exact: frozenset[str]
    wildcard: frozenset[str]
    exception: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> SuffixList:
        """Parse the list's text (public and private sections); rules stay in Unicode."""
        rules = [
            line.split(" ", 1)[0].lower()
            for line in text.split("\n")
            if line and not line.startswith("//") and not line[0].isspace()
        ]
        exception = frozenset(rule[1:] for rule in rules if rule.startswith("!"))
        wildcard = frozenset(rule[2:] for rule in rules if rule.startswith("*."))
        exact = frozenset(rule for rule in rules if rule[0] not in "!*")
        return cls(exact, wildcard, exception)

    def split(self, host: str) -> tuple[str, str]:
        """(registrable domain, public suffix) of a lower-case host name.

        The registrable domain is empty when the host is itself a public suffix (``gov.uk``).
        Punycode labels are compared in Unicode, as the list is written.
        """
        labels = unicode_host(host.strip(".")).split(".")
        suffix_start = len(labels) - 1  # the implicit "*" rule: the last label
        for index in range(len(labels)):
            candidate = ".".join(labels[index:])
            if candidate in self.exception:
                suffix_start = index + 1
                break
            parent = ".".join(labels[index + 1 :])
            if candidate in self.exact or (parent and parent in self.wildcard):
                suffix_start = index
                break
        suffix = ".".join(labels[suffix_start:])
        if suffix_start == 0:
            return "", suffix
        return ".".join(labels[suffix_start - 1 :]), suffix

    def is_known_suffix(self, suffix: str) -> bool:
        """True if the suffix is listed (so a bare 'word.word' is probably a domain)."""
        return suffix in self.exact or suffix.partition(".")[2] in self.wildcard


def unicode_host(host: str) -> str:
    """A host name with its punycode (``xn--``) labels shown in Unicode."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with suppress(UnicodeError, ValueError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels)


def snapshot_path() -> Traversable | None:
    """The Public Suffix List snapshot shipped inside tldextract, or None if it is missing.

    Found through the package's importlib resource reader, from its import spec, so that
    tldextract itself is never imported (its import pulls in ``requests``, and it could fetch a
    newer list; this code only ever reads the bundled file).
    """
    try:
        spec = find_spec("tldextract")
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    candidates: list[Traversable] = []
    get_reader = getattr(spec.loader, "get_resource_reader", None)
    if get_reader is not None:
        with suppress(Exception):  # a loader without resources: the folder below is tried
            reader = get_reader(spec.name)
            if reader is not None and hasattr(reader, "files"):
                candidates.append(reader.files() / SNAPSHOT_NAME)
    candidates.extend(Path(loc) / SNAPSHOT_NAME for loc in spec.submodule_search_locations or ())
    for candidate in candidates:
        with suppress(OSError):
            if candidate.is_file():
                return candidate
    return None


def _missing_list(reason: str) -> ServiceError:
    return ServiceError(
        f"The list of web address endings that check-message needs {reason}.",
        hint="It comes with the tldextract package: reinstall sochelp "
        "(for example: pip install --force-reinstall tldextract).",
    )


@cache
def load_suffix_list() -> SuffixList:
    """Read the bundled Public Suffix List (once per process); :class:`ServiceError` if it is
    missing or damaged.

    Parsing the list takes longer than analysing a typical message, so the parsed form is kept
    in the content cache, keyed by the file's bytes.
    """
    path = snapshot_path()
    if path is None:
        raise _missing_list("is missing (tldextract's bundled Public Suffix List was not found)")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _missing_list(f"cannot be read ({error})") from None
    from sochelp.content import cache

    source = Path(__file__).read_bytes()
    key = cache.plain_key("public-suffix-list", [(__name__, source), (SNAPSHOT_NAME, raw)])
    cached = cache.load(key)
    if isinstance(cached, SuffixList) and len(cached.exact) >= MIN_RULES:
        return cached
    parsed = SuffixList.parse(text)
    if len(parsed.exact) < MIN_RULES:
        raise _missing_list("is damaged (too few entries)")
    cache.save(key, parsed)
    return parsed
