"""The Pwned Passwords range API over httpx: only the 5-character prefix is ever sent.

One :class:`RangeApiSource` holds one ``httpx.Client`` and may be used from several threads at
once (``sochelp audit`` looks up many prefixes from a thread pool).
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sochelp import __version__
from sochelp.breach.interface import BreachLookupError, BreachSource
from sochelp.breach.parse import UNEXPECTED, check_prefix, parse_range
from sochelp.errors import UsageError

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.pwnedpasswords.com"
#: Environment variable naming a self-hosted mirror of the range API.
API_URL_ENV = "SOCHELP_RANGE_API"
#: Largest response body read (real range bodies with padding are about 40 kB).
MAX_BODY_BYTES = 2_000_000


def check_api_url(url: str) -> str:
    """The base URL without a trailing slash, or UsageError if it is not an http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"https", "http"} or not parts.hostname or parts.query:
        raise UsageError(
            f"The breach service address '{url[:100]}' is not a web address.",
            hint="Use a base address such as https://api.pwnedpasswords.com (--api-url or "
            f"{API_URL_ENV}).",
        )
    return url.strip().rstrip("/")


def _default_sleep(seconds: float) -> None:
    time.sleep(seconds)


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delay in seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class RangeApiSource(BreachSource):
    """Range lookups against ``{base}/range/{prefix}`` with padding, retries and timeouts."""

    name = "api"

    def __init__(
        self,
        base_url: str = DEFAULT_API_URL,
        *,
        timeout: float = 10.0,
        connect_timeout: float = 5.0,
        max_attempts: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 10.0,
        sleep: Callable[[float], None] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = check_api_url(base_url)
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._transport = transport
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                import httpx

                self._client = httpx.Client(
                    timeout=httpx.Timeout(self.timeout, connect=self.connect_timeout),
                    verify=True,
                    trust_env=True,
                    follow_redirects=False,
                    headers={"User-Agent": f"sochelp/{__version__}", "Add-Padding": "true"},
                    transport=self._transport,
                )
            return self._client

    def range(self, prefix: str) -> Mapping[str, int]:
        """Fetch and validate the range for ``prefix``; raises BreachLookupError on failure."""
        import httpx

        url = f"{self.base_url}/range/{check_prefix(prefix)}"
        client = self._http()
        reason = "no answer"
        for attempt in range(1, self.max_attempts + 1):
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                with client.stream("GET", url) as response:
                    status = response.status_code
                    if status == 200:
                        return parse_range(_read_body(response))
                    if status == 429:
                        asked = retry_after_seconds(response.headers.get("Retry-After"))
                        if asked is not None and asked > self.max_retry_after:
                            raise BreachLookupError(
                                "the breach service is busy and asked to wait "
                                f"{round(asked)} seconds; try again later"
                            )
                        wait = asked if asked is not None else wait
                        reason = "the service is busy (HTTP 429)"
                    elif status >= 500:
                        reason = f"the service had an error (HTTP {status})"
                    else:
                        raise BreachLookupError(
                            f"{UNEXPECTED} (HTTP {status}); check the service address"
                        )
            except httpx.TimeoutException:
                reason = "it did not answer in time"
            except httpx.DecodingError:
                raise BreachLookupError(f"{UNEXPECTED} (undecodable body)") from None
            except httpx.TransportError as error:
                reason = _connection_problem(error)
            log.debug("range lookup attempt %d failed: %s", attempt, reason)
            if attempt < self.max_attempts:
                (self._sleep or _default_sleep)(wait)
        raise BreachLookupError(f"the breach service could not be reached ({reason})")

    def close(self) -> None:
        """Close the shared HTTP client."""
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def _connection_problem(error: Exception) -> str:
    import httpx

    if "CERTIFICATE" in str(error).upper():
        return "its secure certificate could not be verified"
    if isinstance(error, httpx.ProxyError):
        return "the proxy failed"
    if isinstance(error, httpx.ConnectError):
        return "could not connect: no network, or a wrong address"
    return "the connection failed"


def _read_body(response: httpx.Response) -> str:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BreachLookupError(f"{UNEXPECTED} (the body is too large)")
        chunks.append(chunk)
    try:
        return b"".join(chunks).decode("ascii")
    except UnicodeDecodeError:
        raise BreachLookupError(f"{UNEXPECTED} (not plain text)") from None
