"""Choosing a breach source from options: the one factory ``password`` and ``audit`` share."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from sochelp.breach.interface import BreachSource


def open_source(
    *,
    api_url: str | None = None,
    offline: Path | None = None,
    timeout: float = 10.0,
    environ: Mapping[str, str] | None = None,
) -> BreachSource:
    """An offline source for ``offline``, else the range API at ``api_url``, else at
    ``$SOCHELP_RANGE_API``, else at the public service. The result is safe to share between
    threads; call ``close()`` when done. Raises UsageError/InputError for unusable options.

    httpx is imported only when a lookup is made through the API.
    """
    if offline is not None:
        from sochelp.breach.offline import open_offline

        return open_offline(offline)
    from sochelp.breach.api import API_URL_ENV, DEFAULT_API_URL, RangeApiSource

    env = os.environ if environ is None else environ
    base = api_url or env.get(API_URL_ENV) or DEFAULT_API_URL
    return RangeApiSource(base, timeout=timeout)
