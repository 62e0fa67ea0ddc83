"""An in-memory breach source for tests: known passwords, recorded prefixes, optional failure."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from sochelp.breach.interface import BreachLookupError, BreachSource, HashedPassword
from sochelp.breach.parse import check_prefix


class FakeSource(BreachSource):
    """Breach counts held in memory, keyed by full upper-case SHA-1."""

    def __init__(
        self,
        counts: Mapping[str, int] | None = None,
        *,
        fail: str | None = None,
        name: str = "api",
    ) -> None:
        self._counts = {key.upper(): value for key, value in (counts or {}).items()}
        self._fail = fail
        self.name = name  # type: ignore[assignment]
        self.requested: list[str] = []
        self._lock = threading.Lock()

    @classmethod
    def of_passwords(cls, counts: Mapping[str, int], **kwargs: object) -> FakeSource:
        """A fake that knows these passwords (hashed at once) with these counts."""
        hashed = {}
        for password, count in counts.items():
            digest = HashedPassword.of(password)
            hashed[digest.prefix + digest.suffix] = count
        return cls(hashed, **kwargs)  # type: ignore[arg-type]

    def range(self, prefix: str) -> Mapping[str, int]:
        """Suffixes known for ``prefix``; raises BreachLookupError if told to fail."""
        check_prefix(prefix)
        with self._lock:
            self.requested.append(prefix)
        if self._fail is not None:
            raise BreachLookupError(self._fail)
        return {
            key[5:]: count
            for key, count in self._counts.items()
            if key.startswith(prefix) and count > 0
        }
