"""The Pwned Passwords range API: only the 5-character prefix is ever sent.

One :class:`RangeApiSource` holds one pool of keep-alive connections and may be used from several
threads at once (``sochelp audit`` looks up many prefixes from a thread pool). The HTTP client
behind it is a :class:`~sochelp.breach.transport.Transport`: the small built-in one, or httpx
where the network needs it (see :mod:`sochelp.breach.transport`). Retries, Retry-After, the
headers, timeouts, validation and the messages are here, the same for both.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sochelp import __version__
from sochelp.breach.interface import BreachLookupError, BreachSource
from sochelp.breach.parse import UNEXPECTED, check_prefix, match_range, parse_range
from sochelp.errors import UsageError

if TYPE_CHECKING:
    from sochelp.breach.transport import ClientName, Transport, TransportSettings

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.pwnedpasswords.com"
#: Environment variable naming a self-hosted mirror of the range API.
API_URL_ENV = "SOCHELP_RANGE_API"
#: Largest response body read (real range bodies with padding are about 40 kB).
MAX_BODY_BYTES = 2_000_000


_URL_HINT = (
    f"Use a base address such as https://api.pwnedpasswords.com (--api-url or {API_URL_ENV})."
)


def _bad_url(url: str, why: str) -> UsageError:
    shown = "".join(ch if ch.isprintable() else "?" for ch in url[:100])
    return UsageError(f"The breach service address '{shown}' {why}.", hint=_URL_HINT)


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (traffic that never leaves this computer)."""
    import ipaddress

    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_api_url(url: str, *, allow_insecure: bool = False) -> str:
    """The base URL without a trailing slash, or :class:`UsageError` if it cannot be used: not
    http(s), no host, a bad port or IPv6 address, a ``?query`` or ``#fragment`` (which would
    swallow the ``/range/…`` path), or plain ``http://`` to a host other than this computer
    without ``allow_insecure``."""
    text = url.strip()
    if any(not ch.isprintable() or ch.isspace() for ch in text):
        raise _bad_url(url, "contains spaces or control characters")
    if "#" in text or "?" in text:
        raise _bad_url(
            url,
            "has a '#fragment' or '?query' part; give the base address only "
            "(sochelp adds /range/PREFIX)",
        )
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number 0-65535
    except ValueError:
        raise _bad_url(url, "is not a valid web address (check the host and port)") from None
    if parts.scheme not in {"https", "http"} or not host:
        raise _bad_url(url, "is not a web address (http:// or https:// and a host)")
    if parts.scheme == "http" and not allow_insecure and not is_loopback(host):
        raise UsageError(
            f"The breach service address '{text[:100]}' is plain http:// to another computer: "
            "anyone on the way could read the hash prefixes and change the answers.",
            hint="Use https://, or add --allow-insecure if you really mean to use it.",
        )
    return text.rstrip("/")


def insecure_warning(base_url: str) -> str | None:
    """A warning for plain http to a host other than this computer, else None."""
    parts = urlsplit(base_url)
    if parts.scheme == "http" and not is_loopback(parts.hostname or ""):
        return (
            f"warning: {parts.hostname} is reached over plain http://, without encryption: "
            "anyone on the way can see which hash prefixes are looked up and change the answers."
        )
    return None


def check_proxy_environment(base_url: str, environ: Mapping[str, str]) -> None:
    """Raise :class:`UsageError` (one line, naming the variable) if the HTTP settings in the
    environment cannot work for ``base_url`` (a proxy that is not a usable address or of an
    unsupported kind, a socks proxy without ``socksio``, an unknown ``SOCHELP_HTTP_CLIENT``, a
    certificate file that is not there), instead of failing later inside every lookup."""
    from sochelp.breach.transport import check_environment

    check_environment(base_url, environ)


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
        allow_insecure: bool = False,
        environ: Mapping[str, str] | None = None,
        client: ClientName | None = None,
        transport_factory: Callable[[TransportSettings, ClientName], Transport] | None = None,
    ) -> None:
        """``environ`` is where proxy, certificate and ``SOCHELP_HTTP_CLIENT`` settings are read
        (None: ``os.environ``); ``client`` forces the HTTP client ("builtin" or "httpx") instead
        of choosing from them; ``transport_factory`` replaces
        :func:`~sochelp.breach.transport.open_transport` (tests)."""
        self.base_url = check_api_url(base_url, allow_insecure=allow_insecure)
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._environ = environ
        self._forced: ClientName | None = client
        self._factory = transport_factory
        self._client: Transport | None = None
        self._lock = threading.Lock()

    def client_name(self) -> ClientName:
        """The HTTP client lookups use: as forced, else chosen from the environment."""
        import os

        from sochelp.breach.transport import choose_client

        if self._forced is not None:
            return self._forced
        return choose_client(self.base_url, os.environ if self._environ is None else self._environ)

    def _http(self) -> Transport:
        with self._lock:
            if self._client is None:
                from sochelp.breach.transport import HttpError, TransportSettings, open_transport

                settings = TransportSettings(
                    self.base_url,
                    timeout=self.timeout,
                    connect_timeout=self.connect_timeout,
                    headers={"User-Agent": f"sochelp/{__version__}", "Add-Padding": "true"},
                    max_body=MAX_BODY_BYTES,
                    environ=self._environ,
                )
                try:
                    client = self.client_name()
                    self._client = (self._factory or open_transport)(settings, client)
                except (ValueError, UsageError, HttpError) as error:
                    # Settings that cannot be used (check_proxy_environment catches them first).
                    if isinstance(error, HttpError) and error.kind == "ca-settings":
                        raise BreachLookupError(
                            _UNREACHABLE.format(_PROBLEMS["ca-settings"])
                        ) from None
                    raise BreachLookupError(
                        "the proxy settings (HTTPS_PROXY and similar) could not be used"
                    ) from None
            return self._client

    def range(self, prefix: str) -> Mapping[str, int]:
        """Fetch and validate the range for ``prefix``; raises BreachLookupError on failure."""
        body = self._fetch(prefix)
        try:
            return parse_range(body.decode("ascii"))
        except UnicodeDecodeError:
            raise BreachLookupError(f"{UNEXPECTED} (not plain text)") from None

    def counts(self, prefix: str, suffixes: Collection[str]) -> dict[str, int]:
        """Counts for just these suffixes: the body is validated in full, but only the wanted
        lines are read out (no dictionary of the whole range)."""
        return match_range(self._fetch(prefix), suffixes)

    def _fetch(self, prefix: str) -> bytes:
        """The body of ``GET {base}/range/{prefix}``, with retries; BreachLookupError if none."""
        from sochelp.breach.transport import BodyTooLarge, HttpError

        path = f"{urlsplit(self.base_url).path}/range/{check_prefix(prefix)}"
        client = self._http()
        reason = "no answer"
        for attempt in range(1, self.max_attempts + 1):
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                response = client.get(path)
            except BodyTooLarge:
                raise BreachLookupError(f"{UNEXPECTED} (the body is too large)") from None
            except HttpError as error:
                if error.kind == "decoding":
                    raise BreachLookupError(f"{UNEXPECTED} (undecodable body)") from None
                if error.kind == "ca-settings":  # retrying cannot help
                    raise BreachLookupError(_UNREACHABLE.format(_PROBLEMS["ca-settings"])) from None
                reason = _PROBLEMS.get(error.kind, "the connection failed")
            else:
                status = response.status
                if status == 200:
                    return response.body
                if status == 429:
                    asked = retry_after_seconds(response.headers.get("retry-after"))
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
            log.debug("range lookup attempt %d failed: %s", attempt, reason)
            if attempt < self.max_attempts:
                (self._sleep or _default_sleep)(wait)
        raise BreachLookupError(_UNREACHABLE.format(reason))

    def close(self) -> None:
        """Close the shared connections."""
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


_UNREACHABLE = "the breach service could not be reached ({})"
_PROBLEMS = {
    "timeout": "it did not answer in time",
    "certificate": "its secure certificate could not be verified",
    "ca-settings": "the certificates named by SSL_CERT_FILE or SSL_CERT_DIR could not be read",
    "proxy": "the proxy failed",
    "connect": "could not connect: no network, or a wrong address",
    "connection": "the connection failed",
}
