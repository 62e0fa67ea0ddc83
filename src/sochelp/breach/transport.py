"""The seam between range lookups and HTTP: one ``get(path) -> Response`` interface, two clients.

* ``builtin`` (:mod:`sochelp.breach.http`): a small client on plain sockets. It is the default
  because it is quick to import and cheap per request (``sochelp audit`` makes thousands of
  requests). It handles direct connections and http:// proxies (CONNECT for https).
* ``httpx`` (:mod:`sochelp.breach.httpx_transport`): httpx with ``trust_env=True``, for what the
  small client cannot do: https:// and socks proxies. It is imported only when chosen.

:func:`choose_client` picks one from the environment (``SOCHELP_HTTP_CLIENT`` forces either);
:func:`check_environment` refuses, with one line naming the variable, settings neither can use.
Both clients get the same :class:`TransportSettings` (headers, timeouts, body limit), raise the
same :class:`HttpError` kinds and decode bodies with the same bounded :func:`decode_body`, so the
retries, Retry-After handling, validation and messages in :mod:`sochelp.breach.api` are shared.

This module imports nothing heavy (no ``ssl``, no ``httpx``).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol
from urllib.parse import urlsplit

from sochelp.breach.proxies import proxy_for
from sochelp.errors import UsageError

ClientName = Literal["builtin", "httpx"]
#: Environment variable forcing one client: "builtin" or "httpx".
CLIENT_ENV = "SOCHELP_HTTP_CLIENT"
CLIENTS: tuple[ClientName, ...] = ("builtin", "httpx")
#: Proxy schemes only httpx can use (socks needs the optional ``socksio`` package).
HTTPX_PROXY_SCHEMES = frozenset({"https", "socks5", "socks5h"})
SOCKS_SCHEMES = frozenset({"socks5", "socks5h"})
#: Certificate settings, read by both clients (the file wins over the folder, as in httpx).
CA_FILE_ENV, CA_DIR_ENV = "SSL_CERT_FILE", "SSL_CERT_DIR"
#: Longest status or header line, and most header lines, accepted in a response.
MAX_LINE = 8192
MAX_HEADERS = 100


class HttpError(Exception):
    """A request failed before a complete response arrived; ``kind`` says how."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        #: "timeout", "connect", "certificate", "ca-settings", "proxy", "connection" or
        #: "decoding".
        self.kind = kind


class BodyTooLarge(Exception):  # noqa: N818 - reads as a condition, like StopIteration
    """The body is larger than allowed."""


@dataclass(frozen=True)
class Response:
    """A complete response: status, headers (lower-case names) and body (decoded)."""

    status: int
    headers: Mapping[str, str]
    body: bytes


@dataclass(frozen=True)
class TransportSettings:
    """What every client is set up with: one origin, headers, timeouts and the body limit."""

    base_url: str
    timeout: float
    connect_timeout: float
    headers: Mapping[str, str]
    max_body: int
    #: Where proxy and certificate settings are read: None means ``os.environ``.
    environ: Mapping[str, str] | None = field(default=None)


class Transport(Protocol):
    """GET requests to one origin. Safe to use from several threads at once."""

    #: "builtin" or "httpx".
    name: ClientName

    def get(self, path: str) -> Response:
        """GET ``path`` (starting with /); raises :class:`HttpError` or :class:`BodyTooLarge`."""
        ...

    def close(self) -> None:
        """Close idle connections; the transport is not used afterwards."""
        ...


def forced_client(environ: Mapping[str, str]) -> ClientName | None:
    """The client ``SOCHELP_HTTP_CLIENT`` asks for, None when unset; UsageError if unknown."""
    value = environ.get(CLIENT_ENV, "").strip().lower()
    if not value:
        return None
    if value == "builtin":
        return "builtin"
    if value == "httpx":
        return "httpx"
    shown = "".join(ch if ch.isprintable() else "?" for ch in value[:30])
    raise UsageError(
        f"{CLIENT_ENV} is '{shown}', which is not an HTTP client sochelp has.",
        hint=f"Set {CLIENT_ENV} to builtin or httpx, or unset it to let sochelp choose.",
    )


def proxy_scheme(base_url: str, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(variable name, lower-case scheme) of the proxy the environment chooses for ``base_url``."""
    chosen = proxy_for(base_url, environ)
    if chosen is None:
        return None
    return chosen[0], urlsplit(chosen[1]).scheme.lower()


def choose_client(base_url: str, environ: Mapping[str, str]) -> ClientName:
    """``SOCHELP_HTTP_CLIENT`` if set; else httpx when an https:// or socks proxy applies to
    ``base_url``; else the small built-in client. Certificate settings (``SSL_CERT_FILE``,
    ``SSL_CERT_DIR``) do not switch: both clients read them the same way."""
    forced = forced_client(environ)
    if forced is not None:
        return forced
    scheme = proxy_scheme(base_url, environ)
    if scheme is not None and scheme[1] in HTTPX_PROXY_SCHEMES:
        return "httpx"
    return "builtin"


def check_environment(base_url: str, environ: Mapping[str, str]) -> None:
    """Raise :class:`UsageError` (one line, naming the variable) for HTTP settings that cannot
    work for ``base_url``, before anything is sent: a proxy address that is not usable, a proxy
    kind neither client supports, a socks proxy without ``socksio``, a forced client that cannot
    use the proxy, or a certificate file that does not exist."""
    forced = forced_client(environ)
    chosen = proxy_for(base_url, environ)
    if chosen is not None:
        _check_proxy(*chosen, forced=forced)
    if urlsplit(base_url).scheme == "https":
        _check_certificates(environ)


def _check_proxy(name: str, url: str, *, forced: ClientName | None) -> None:
    try:
        parts = urlsplit(url)
        usable = bool(parts.hostname) and not any(
            not ch.isprintable() or ch.isspace() for ch in url
        )
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        usable = False
    if not usable:
        raise UsageError(
            f"The proxy setting {name} is not a usable proxy address, so the breach service "
            "cannot be reached.",
            hint=f"Fix or unset {name} (for example http://proxy.example:3128), or use "
            "--offline or --no-breach-check.",
        )
    scheme = parts.scheme.lower()
    if scheme != "http" and scheme not in HTTPX_PROXY_SCHEMES:
        shown = "".join(ch if ch.isalnum() else "?" for ch in scheme[:20])
        raise UsageError(
            f"The proxy setting {name} uses {shown}://, which sochelp does not support: "
            "http://, https:// and socks5:// proxies work.",
            hint=f"Set {name} to a supported proxy, or use --offline or --no-breach-check.",
        )
    if scheme in HTTPX_PROXY_SCHEMES and forced == "builtin":
        raise UsageError(
            f"{CLIENT_ENV}=builtin cannot use the {scheme}:// proxy in {name}: the built-in "
            "client supports only http:// proxies.",
            hint=f"Unset {CLIENT_ENV} (sochelp then uses httpx for this proxy).",
        )
    if scheme in SOCKS_SCHEMES and not _socks_available():
        raise UsageError(
            f"The proxy setting {name} is a socks proxy, which needs the 'socksio' package.",
            hint="Install it into sochelp's environment with: pip install 'httpx[socks]' "
            f"(or use an http:// proxy in {name}).",
        )


def _socks_available() -> bool:
    from importlib.util import find_spec

    return find_spec("socksio") is not None


def ca_settings(environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(certificate file, certificate folder) to trust instead of certifi's bundle: the file
    from ``SSL_CERT_FILE`` if set, else the folder from ``SSL_CERT_DIR`` if set (as httpx)."""
    cafile = environ.get(CA_FILE_ENV, "")
    if cafile:
        return cafile, None
    capath = environ.get(CA_DIR_ENV, "")
    return None, capath or None


def _check_certificates(environ: Mapping[str, str]) -> None:
    import os

    cafile, capath = ca_settings(environ)
    if cafile is not None and not os.path.isfile(cafile):
        name, value = CA_FILE_ENV, cafile
    elif capath is not None and not os.path.isdir(capath):
        name, value = CA_DIR_ENV, capath
    else:
        return
    shown = "".join(ch if ch.isprintable() else "?" for ch in value[:200])
    kind = "file" if name == CA_FILE_ENV else "folder"
    raise UsageError(
        f"{name} names '{shown}', which is not a {kind}, so secure connections cannot be checked.",
        hint=f"Point {name} at your certificate {kind}, or unset it.",
    )


def decode_body(body: bytes, encoding: str, limit: int) -> bytes:
    """``body`` decoded from its Content-Encoding (identity, gzip or deflate), never more than
    ``limit`` bytes (:class:`BodyTooLarge`); an unknown or broken encoding is
    ``HttpError("decoding")``."""
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return body
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise HttpError("decoding")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        data = zlib.decompressobj(wbits).decompress(body, limit + 1)
    except zlib.error:
        if encoding != "deflate":
            raise HttpError("decoding") from None
        try:  # some servers send raw deflate without the zlib header
            data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit + 1)
        except zlib.error:
            raise HttpError("decoding") from None
    if len(data) > limit:
        raise BodyTooLarge
    return data


def open_transport(settings: TransportSettings, client: ClientName) -> Transport:
    """A transport of the given kind (httpx is imported only here, when asked for)."""
    if client == "httpx":
        from sochelp.breach.httpx_transport import HttpxTransport

        return HttpxTransport(settings)
    from sochelp.breach.http import HttpClient

    return HttpClient(settings)
