"""The breach-check options ``password`` and ``audit`` share, checked together and opened in
one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sochelp.breach.interface import BreachSource
from sochelp.errors import UsageError


@dataclass(frozen=True)
class BreachOptions:
    """What the breach options ask for: no check, a local copy, or the range service."""

    skip: bool = False  # --no-breach-check
    offline: Path | None = None
    api_url: str | None = None
    #: --api-url was typed on the command line (not taken from $SOCHELP_RANGE_API).
    api_url_typed: bool = False
    timeout: float = 10.0
    #: --allow-insecure: accept plain http:// to another computer (with a warning).
    allow_insecure: bool = False
    #: --verify: read a sorted offline file in full first.
    verify: bool = False
    #: Where one-line notes for the user go (a file verified earlier, plain http).
    notice: Callable[[str], None] | None = None

    def check(self) -> None:
        """Refuse options that contradict each other, before anything is read."""
        if self.skip and self.offline is not None:
            raise UsageError("--no-breach-check and --offline cannot be used together.")
        if self.offline is not None and self.api_url_typed:
            raise UsageError("--offline and --api-url cannot be used together.")

    def open(self) -> BreachSource | None:
        """The source to look passwords up in (None with --no-breach-check); the caller closes
        it. A local copy with --offline, else the range API, whose one client and connection
        pool all lookup threads share."""
        if self.skip:
            return None
        from sochelp.breach.sources import open_source

        return open_source(
            api_url=self.api_url,
            offline=self.offline,
            timeout=self.timeout,
            allow_insecure=self.allow_insecure,
            verify=self.verify,
            notice=self.notice,
        )
