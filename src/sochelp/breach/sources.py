"""Choosing a breach source from options: the one factory ``password`` and ``audit`` share."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from sochelp.breach.interface import BreachSource
from sochelp.errors import UsageError


def open_source(
    *,
    api_url: str | None = None,
    offline: Path | None = None,
    timeout: float = 10.0,
    environ: Mapping[str, str] | None = None,
    allow_insecure: bool = False,
    verify: bool = False,
    notice: Callable[[str], None] | None = None,
) -> BreachSource:
    """An offline source for ``offline``, else the range API at ``api_url``, else at
    ``$SOCHELP_RANGE_API``, else at the public service. The result is safe to share between
    threads; call ``close()`` when done. Raises UsageError/InputError for unusable options
    (including a proxy variable that is not an address, before anything is sent).

    ``verify`` reads a sorted offline file in full first; ``notice`` receives one-line notes for
    the user (a file verified earlier, plain http to another computer).

    The HTTP client is set up only when a lookup is made through the API.
    """
    say = notice or (lambda _text: None)
    if verify and offline is None:
        raise UsageError(
            "--verify checks a downloaded copy of the breach list: give it with --offline."
        )
    if offline is not None:
        return _open_offline(offline, verify=verify, say=say)
    from sochelp.breach.api import (
        API_URL_ENV,
        DEFAULT_API_URL,
        RangeApiSource,
        check_proxy_environment,
        insecure_warning,
    )

    env = os.environ if environ is None else environ
    base = api_url or env.get(API_URL_ENV) or DEFAULT_API_URL
    source = RangeApiSource(base, timeout=timeout, allow_insecure=allow_insecure, environ=environ)
    check_proxy_environment(source.base_url, env)
    warning = insecure_warning(source.base_url)
    if warning:
        say(warning)
    return source


def _open_offline(path: Path, *, verify: bool, say: Callable[[str], None]) -> BreachSource:
    from sochelp.breach.offline import (
        SortedFileSource,
        open_offline,
        verified_marker,
        verify_sorted_file,
    )

    source = open_offline(path)
    if not isinstance(source, SortedFileSource):
        if verify:
            say(
                "a folder of range files needs no --verify: each file is checked in full "
                "whenever it is read."
            )
        return source
    if verify:
        say(f"checking every line of {path.name} (this reads the whole file once)...")
        done = verify_sorted_file(path)
        say(f"{path.name} is in order: {done.lines:,} lines checked. Later runs will say so.")
    else:
        marker = verified_marker(path)
        if marker is not None:
            say(
                f"{path.name} was checked in full with --verify on {marker.when} "
                f"({marker.lines:,} lines) and has not changed since."
            )
    return source
