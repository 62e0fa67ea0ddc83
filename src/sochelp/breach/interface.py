"""The breach-source interface shared by the range API, offline files and the test fake.

Only :class:`HashedPassword` ever sees the password, and only long enough to hash it. Its hash is
a secret too: it is kept out of ``repr`` and must never be printed, logged or sent whole.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

from sochelp.errors import ServiceError

SourceName = Literal["api", "offline", "none"]


@dataclass(frozen=True)
class HashedPassword:
    """The SHA-1 of a password, split into the 5-character prefix that may be sent and the
    35-character suffix that never leaves the machine."""

    prefix: str
    suffix: str = field(repr=False)

    @classmethod
    def of(cls, password: str) -> HashedPassword:
        """Hash the UTF-8 bytes of ``password`` (upper-case hex, as the range API uses)."""
        digest = hashlib.sha1(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()
        return cls(prefix=digest[:5], suffix=digest[5:])

    def __str__(self) -> str:
        return f"<hashed password, prefix {self.prefix}>"


class BreachLookupError(ServiceError):
    """A breach source could not answer (unreachable, bad response, unreadable file)."""


@dataclass(frozen=True)
class BreachStatus:
    """The outcome of checking one password: found how often, or not checked and why."""

    checked: bool
    count: int | None
    source: SourceName
    error: str | None = None

    @property
    def found(self) -> bool:
        """True if the password appears in known breaches."""
        return bool(self.checked and self.count)

    @classmethod
    def skipped(cls, reason: str) -> BreachStatus:
        """A check that was deliberately not done (e.g. --no-breach-check)."""
        return cls(checked=False, count=None, source="none", error=reason)


class BreachSource(ABC):
    """Where breach counts come from. Implementations: the range API, offline files, a fake."""

    #: Reported in results as ``breach.source``.
    name: SourceName

    @abstractmethod
    def range(self, prefix: str) -> Mapping[str, int]:
        """All known suffixes for a 5-hex-character prefix with their counts (no padding)."""

    def count(self, hashed: HashedPassword) -> int:
        """How often this password appears in breaches (0 if never)."""
        return self.counts(hashed.prefix, (hashed.suffix,))[hashed.suffix]

    def counts(self, prefix: str, suffixes: Collection[str]) -> dict[str, int]:
        """Counts for just these suffixes of ``prefix`` (0 when absent). Sources override this
        to avoid building the whole range; the default asks :meth:`range`."""
        found = self.range(prefix)
        return {suffix: found.get(suffix, 0) for suffix in suffixes}

    def status(self, hashed: HashedPassword) -> BreachStatus:
        """Check one password, turning a lookup failure into a "not checked" status."""
        try:
            return BreachStatus(checked=True, count=self.count(hashed), source=self.name)
        except BreachLookupError as error:
            return BreachStatus(checked=False, count=None, source=self.name, error=error.message)

    def close(self) -> None:  # noqa: B027 - optional hook, most sources hold nothing
        """Release connections or files."""
