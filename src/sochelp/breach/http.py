"""A small, thread-safe HTTP/1.1 GET client on the standard library, for range lookups.

``sochelp audit`` makes thousands of small requests; a general-purpose client costs about 1 ms of
CPU per request in Python, ``http.client`` about a fifth of that, and it imports in a few
milliseconds. What the range lookups need is all here: keep-alive connections shared by many
threads, separate connect and read timeouts, certificate checks, proxies from the usual
environment variables (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``; http://
proxies, with CONNECT for https), a bounded body, gzip/deflate bodies, and no redirects.
"""

from __future__ import annotations

import base64
import http.client
import os
import socket
import ssl
import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from sochelp.breach.proxies import proxy_for


class HttpError(Exception):
    """A request failed before a complete response arrived; ``kind`` says how."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        #: "timeout", "connect", "certificate", "proxy", "connection" or "decoding".
        self.kind = kind


class BodyTooLarge(Exception):  # noqa: N818 - reads as a condition, like StopIteration
    """The body is larger than allowed."""


@dataclass(frozen=True)
class Response:
    """A complete response: status, headers (lower-case names) and body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


@dataclass(frozen=True)
class _Proxy:
    host: str
    port: int
    authorization: str | None


def _parse_proxy(url: str) -> _Proxy:
    parts = urlsplit(url)
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise HttpError("proxy")
    authorization = None
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        authorization = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    return _Proxy(parts.hostname, parts.port or 80, authorization)


class HttpClient:
    """GET requests to one origin (scheme, host, port), on a pool of keep-alive connections."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        connect_timeout: float,
        headers: Mapping[str, str],
        max_body: int,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port or (443 if self._https else 80)
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._headers = dict(headers)
        self._max_body = max_body
        chosen = proxy_for(base_url, os.environ if environ is None else environ)
        self._proxy = _parse_proxy(chosen[1]) if chosen else None
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._context: ssl.SSLContext | None = None
        self._closed = False

    def _ssl_context(self) -> ssl.SSLContext:
        with self._lock:
            if self._context is None:
                cafile = None
                try:  # the same certificate bundle as before, where it is installed
                    import certifi

                    cafile = certifi.where()
                except ImportError:
                    pass
                self._context = ssl.create_default_context(cafile=cafile)
            return self._context

    def _new_connection(self) -> http.client.HTTPConnection:
        proxy = self._proxy
        host, port = (proxy.host, proxy.port) if proxy else (self._host, self._port)
        connection: http.client.HTTPConnection
        if self._https:
            connection = http.client.HTTPSConnection(
                host, port, timeout=self._connect_timeout, context=self._ssl_context()
            )
            if proxy is not None:
                tunnel_headers = (
                    {"Proxy-Authorization": proxy.authorization} if proxy.authorization else None
                )
                connection.set_tunnel(self._host, self._port, headers=tunnel_headers)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=self._connect_timeout)
        try:
            connection.connect()
        except TimeoutError:
            connection.close()
            raise HttpError("timeout") from None
        except ssl.SSLCertVerificationError:
            connection.close()
            raise HttpError("certificate") from None
        except OSError as error:
            connection.close()
            if proxy is not None and "Tunnel connection failed" in str(error):
                raise HttpError("proxy") from None
            raise HttpError("proxy" if proxy is not None else "connect") from None
        if connection.sock is not None:
            connection.sock.settimeout(self._timeout)  # from here on: the read timeout
            if not self._https:
                connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection

    def get(self, path: str) -> Response:
        """GET ``path`` (starting with /); raises :class:`HttpError` or :class:`BodyTooLarge`."""
        target = path
        headers = dict(self._headers)
        if self._proxy is not None and not self._https:
            target = f"http://{self._host}:{self._port}{path}"  # absolute form for a proxy
            if self._proxy.authorization:
                headers["Proxy-Authorization"] = self._proxy.authorization
        # A kept-alive connection may have been closed by the server meanwhile: one retry on a
        # fresh connection, which is not counted as a failed attempt.
        for reused in (True, False):
            connection = self._take() if reused else None
            fresh = connection is None
            if connection is None:
                connection = self._new_connection()
            try:
                return self._exchange(connection, target, headers)
            except _StaleConnection:
                if fresh:
                    raise HttpError("connection") from None
        raise HttpError("connection")

    def _exchange(
        self, connection: http.client.HTTPConnection, target: str, headers: dict[str, str]
    ) -> Response:
        keep = False
        try:
            try:
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                raise _StaleConnection from None
            names = {name.lower(): value for name, value in response.getheaders()}
            body = response.read(self._max_body + 1)
            if len(body) > self._max_body:
                raise BodyTooLarge
            if response.length:  # the connection ended before Content-Length bytes came
                raise HttpError("connection")
            body = _decoded(body, names.get("content-encoding", ""), self._max_body)
            keep = not response.will_close
            return Response(response.status, names, body)
        except TimeoutError:
            raise HttpError("timeout") from None
        except (http.client.HTTPException, OSError):
            raise HttpError("connection") from None
        finally:
            if keep:
                self._give_back(connection)
            else:
                connection.close()

    def _take(self) -> http.client.HTTPConnection | None:
        with self._lock:
            return self._idle.pop() if self._idle else None

    def _give_back(self, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(connection)
                return
        connection.close()

    def close(self) -> None:
        """Close every idle connection (connections in use close when their request ends)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class _StaleConnection(Exception):  # noqa: N818 - internal signal, never escapes
    """A reused connection was closed by the server before it answered."""


def _decoded(body: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return body
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise HttpError("decoding")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        decompressor = zlib.decompressobj(wbits)
        data = decompressor.decompress(body, limit + 1)
    except zlib.error:
        if encoding == "deflate":  # some servers send raw deflate without the zlib header
            try:
                data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit + 1)
            except zlib.error:
                raise HttpError("decoding") from None
        else:
            raise HttpError("decoding") from None
    if len(data) > limit:
        raise BodyTooLarge
    return data
