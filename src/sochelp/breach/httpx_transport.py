"""Range lookups through httpx, for networks the small built-in client cannot cross.

Used when an https:// or socks proxy applies to the breach service, or when
``SOCHELP_HTTP_CLIENT=httpx`` asks for it (see :mod:`sochelp.breach.transport`). The client is
made with ``trust_env=True``, so ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``,
``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` behave as httpx documents. One addition: httpx checks an
https:// proxy's own certificate against certifi's bundle only; when ``SSL_CERT_FILE`` or
``SSL_CERT_DIR`` is set, the proxy is checked against those too, as an organisation's
TLS-inspecting proxy needs.

The body is read raw (still compressed) and bounded, then decoded by the same code as the
built-in client, so both refuse the same oversized, compressed or malformed answers.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from sochelp.breach.proxies import proxy_for
from sochelp.breach.transport import (
    MAX_HEADERS,
    MAX_LINE,
    BodyTooLarge,
    ClientName,
    HttpError,
    Response,
    TransportSettings,
    ca_settings,
    decode_body,
)


class HttpxTransport:
    """GET requests to one origin through one shared :class:`httpx.Client` (thread-safe)."""

    name: ClientName = "httpx"

    def __init__(
        self, settings: TransportSettings, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        """``transport`` replaces httpx's network layer (tests pass ``httpx.MockTransport``)."""
        parts = urlsplit(settings.base_url)
        self._origin = f"{parts.scheme}://{parts.netloc}"
        self._max_body = settings.max_body
        environ = os.environ if settings.environ is None else settings.environ
        self._proxied = proxy_for(settings.base_url, environ) is not None
        headers = {**settings.headers, "Accept-Encoding": "gzip, deflate"}
        try:
            trust_env, verify, proxy = _options(settings.base_url, environ)
            self._client = httpx.Client(
                timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
                follow_redirects=False,
                headers=headers,
                # The caller bounds how many requests run at once (audit: --concurrency).
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=64),
                transport=transport,
                trust_env=trust_env,
                verify=verify,
                proxy=proxy,
            )
        except ImportError:
            raise HttpError("proxy") from None  # socksio missing (checked before, normally)
        except (OSError, ssl.SSLError):
            raise HttpError("ca-settings") from None
        except (ValueError, httpx.InvalidURL):
            raise HttpError("proxy") from None

    def get(self, path: str) -> Response:
        """GET ``path`` (starting with /); raises :class:`HttpError` or :class:`BodyTooLarge`."""
        try:
            with self._client.stream("GET", self._origin + path) as response:
                headers = _checked_headers(response.headers)
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self._max_body:
                    raise BodyTooLarge
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > self._max_body:
                        raise BodyTooLarge
                    chunks.append(chunk)
                status = response.status_code
        except httpx.TimeoutException:
            raise HttpError("timeout") from None
        except httpx.ProxyError:
            raise HttpError("proxy") from None
        except httpx.ConnectError as error:
            problem = _connect_problem(error)
            raise HttpError(
                "proxy" if problem == "connect" and self._proxied else problem
            ) from None
        except (httpx.TransportError, httpx.StreamError):
            raise HttpError("connection") from None
        body = decode_body(b"".join(chunks), headers.get("content-encoding", ""), self._max_body)
        return Response(status, headers, body)

    def close(self) -> None:
        """Close the client and its connections."""
        self._client.close()


def _options(
    base_url: str, environ: Mapping[str, str]
) -> tuple[bool, ssl.SSLContext | bool, httpx.Proxy | None]:
    """(trust_env, verify, proxy) for :class:`httpx.Client`: where its settings come from.

    Reading ``os.environ`` (every real run): ``trust_env=True``, httpx's own reading. A mapping
    given explicitly (tests, embedding) is read the same way by hand, since httpx can only read
    ``os.environ``. Either way an https:// proxy is checked against ``SSL_CERT_FILE`` or
    ``SSL_CERT_DIR`` when set.
    """
    cafile, capath = ca_settings(environ)
    custom_ca = cafile is not None or capath is not None
    chosen = proxy_for(base_url, environ)
    https_proxy = chosen is not None and urlsplit(chosen[1]).scheme.lower() == "https"
    real = environ is os.environ
    if real and not (custom_ca and https_proxy):
        return True, True, None
    verify: ssl.SSLContext | bool = True
    if custom_ca:
        verify = ssl.create_default_context(cafile=cafile, capath=capath)
    proxy = None
    if chosen is not None:
        proxy_ssl = verify if https_proxy and isinstance(verify, ssl.SSLContext) else None
        proxy = httpx.Proxy(chosen[1], ssl_context=proxy_ssl)
    return real, verify, proxy


def _checked_headers(headers: httpx.Headers) -> dict[str, str]:
    """The headers with lower-case names (repeats joined), refused as the built-in client
    refuses them: more than 100 lines, or a line over 8 kB."""
    raw = headers.raw
    if len(raw) > MAX_HEADERS or any(len(k) + len(v) + 2 > MAX_LINE for k, v in raw):
        raise HttpError("connection")
    joined: dict[str, str] = {}
    for key, value in raw:
        name = key.decode("latin-1").lower()
        text = value.decode("latin-1").strip()
        joined[name] = f"{joined[name]}, {text}" if name in joined else text
    return joined


def _connect_problem(error: BaseException) -> str:
    """ "certificate" when the connection failed on certificate checks, else "connect"."""
    seen: BaseException | None = error
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLCertVerificationError):
            return "certificate"
        seen = seen.__cause__ or seen.__context__
    if "CERTIFICATE_VERIFY_FAILED" in str(error).upper():
        return "certificate"
    return "connect"
