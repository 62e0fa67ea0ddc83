"""A small, thread-safe HTTP/1.1 GET client on plain sockets, for range lookups.

``sochelp audit`` makes thousands of small requests; a general-purpose client costs about 1 ms of
CPU per request in Python, and even ``http.client`` parses every header through the ``email``
package, which also takes about 40 ms to import (a sixth of ``sochelp password``'s start). The
range lookups need very little of HTTP, and all of it is here: keep-alive connections shared by
many threads, separate connect and read timeouts, certificate checks (``ssl`` is imported only
for https), proxies from the usual environment variables (``HTTPS_PROXY``, ``HTTP_PROXY``,
``ALL_PROXY``, ``NO_PROXY``; http:// proxies, with CONNECT for https), Content-Length, chunked and
read-to-close bodies, all bounded, gzip/deflate bodies, and no redirects. Certificates are
checked against certifi's bundle, or the file or folder named by ``SSL_CERT_FILE`` or
``SSL_CERT_DIR`` (read as httpx reads them). https:// and socks proxies are left to the httpx
transport (see :mod:`sochelp.breach.transport`).
"""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

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

if TYPE_CHECKING:
    import ssl

__all__ = ["BodyTooLarge", "HttpClient", "HttpError", "Response"]

_MAX_LINE = MAX_LINE
_MAX_HEADERS = MAX_HEADERS


class _StaleConnection(Exception):  # noqa: N818 - internal signal, never escapes
    """A reused connection was closed by the server before it answered."""


class _Malformed(Exception):  # noqa: N818 - internal signal, turned into HttpError
    """The peer did not answer in HTTP."""


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


class _Connection:
    """One socket with a read buffer."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = bytearray()
        self.reused = False

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        if not chunk:
            return False
        self._buffer += chunk
        return True

    def line(self) -> bytes | None:
        """One line without its CRLF, or None at end of stream."""
        while True:
            at = self._buffer.find(b"\n", 0, _MAX_LINE + 1)
            if at >= 0:
                line = bytes(self._buffer[:at])
                del self._buffer[: at + 1]
                return line.removesuffix(b"\r")
            if len(self._buffer) > _MAX_LINE:
                raise _Malformed
            if not self._fill():
                if self._buffer:
                    raise _Malformed
                return None

    def exactly(self, size: int) -> bytes:
        while len(self._buffer) < size:
            if not self._fill():
                raise _Malformed  # the connection ended before the promised bytes
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def rest(self, limit: int) -> bytes:
        """Everything until the peer closes, at most ``limit`` + 1 bytes."""
        while len(self._buffer) <= limit and self._fill():
            pass
        data = bytes(self._buffer[: limit + 1])
        self._buffer.clear()
        return data

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


def _read_head(connection: _Connection) -> tuple[int, bool, dict[str, str]] | None:
    """(status, HTTP/1.1?, headers) of the next response, skipping 1xx; None at once-EOF."""
    while True:
        status_line = connection.line()
        if status_line is None:
            return None
        parts = status_line.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
            raise _Malformed
        status = int(parts[1])
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS + 1):
            line = connection.line()
            if line is None:
                raise _Malformed
            if not line:
                break
            name, colon, value = line.partition(b":")
            if not colon:
                raise _Malformed
            key = name.strip().lower().decode("latin-1")
            text = value.strip().decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        else:
            raise _Malformed
        if 100 <= status < 200 and status != 101:
            continue  # an interim answer (100 Continue); the real one follows
        return status, parts[0] == b"HTTP/1.1", headers


def _read_body(
    connection: _Connection, headers: Mapping[str, str], limit: int
) -> tuple[bytes, bool]:
    """The body (at most ``limit`` + 1 bytes read) and whether the connection may be reused."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        parts: list[bytes] = []
        size = 0
        while True:
            line = connection.line()
            if line is None:
                raise _Malformed
            try:
                length = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise _Malformed from None
            if length < 0:
                raise _Malformed
            if length == 0:
                while (trailer := connection.line()) not in (b"", None):
                    del trailer
                return b"".join(parts), True
            size += length
            if size > limit:
                raise BodyTooLarge
            parts.append(connection.exactly(length))
            if connection.line() != b"":
                raise _Malformed
    declared = headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Malformed
        length = int(declared)
        if length > limit:
            raise BodyTooLarge
        return connection.exactly(length), True
    return connection.rest(limit), False


class HttpClient:
    """GET requests to one origin (scheme, host, port), on a pool of keep-alive connections."""

    name: ClientName = "builtin"

    def __init__(self, settings: TransportSettings) -> None:
        base_url = settings.base_url
        environ = os.environ if settings.environ is None else settings.environ
        parts = urlsplit(base_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port or (443 if self._https else 80)
        self._timeout = settings.timeout
        self._connect_timeout = settings.connect_timeout
        self._max_body = settings.max_body
        self._ca = ca_settings(environ)
        chosen = proxy_for(base_url, environ)
        self._proxy = _parse_proxy(chosen[1]) if chosen else None
        default_port = 443 if self._https else 80
        host = f"[{self._host}]" if ":" in self._host else self._host
        authority = host if self._port == default_port else f"{host}:{self._port}"
        lines = [f"Host: {authority}"]
        lines += [f"{name}: {value}" for name, value in settings.headers.items()]
        lines += ["Accept-Encoding: gzip, deflate", "Connection: keep-alive"]
        if self._proxy is not None and not self._https and self._proxy.authorization:
            lines.append(f"Proxy-Authorization: {self._proxy.authorization}")
        self._head = "".join(f"{line}\r\n" for line in lines) + "\r\n"
        # A proxy gets the absolute address; a server the path alone.
        self._prefix = (
            f"{'https' if self._https else 'http'}://{authority}"
            if self._proxy is not None and not self._https
            else ""
        )
        self._authority = f"{host}:{self._port}"
        self._idle: list[_Connection] = []
        self._lock = threading.Lock()
        self._context: ssl.SSLContext | None = None
        self._closed = False

    def _ssl_context(self) -> ssl.SSLContext:
        import ssl

        with self._lock:
            if self._context is None:
                cafile, capath = self._ca
                if cafile is None and capath is None:
                    try:  # the same certificate bundle as the rest of the Python world
                        import certifi

                        cafile = certifi.where()
                    except ImportError:
                        pass
                try:
                    self._context = ssl.create_default_context(cafile=cafile, capath=capath)
                except (OSError, ssl.SSLError):
                    # SSL_CERT_FILE names a file that is unreadable or holds no certificates.
                    raise HttpError("ca-settings") from None
            return self._context

    def _open(self) -> _Connection:
        proxy = self._proxy
        address = (proxy.host, proxy.port) if proxy else (self._host, self._port)
        try:
            sock = socket.create_connection(address, timeout=self._connect_timeout)
        except TimeoutError:
            raise HttpError("timeout") from None
        except OSError:
            raise HttpError("proxy" if proxy else "connect") from None
        connection = _Connection(sock)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._https:
                if proxy is not None:
                    self._tunnel(connection, proxy)
                connection = self._secure(connection)
            connection.sock.settimeout(self._timeout)  # from here on: the read timeout
        except BaseException:
            connection.close()
            raise
        return connection

    def _tunnel(self, connection: _Connection, proxy: _Proxy) -> None:
        request = f"CONNECT {self._authority} HTTP/1.1\r\nHost: {self._authority}\r\n"
        if proxy.authorization:
            request += f"Proxy-Authorization: {proxy.authorization}\r\n"
        try:
            connection.send((request + "\r\n").encode("ascii"))
            head = _read_head(connection)
        except TimeoutError:
            raise HttpError("timeout") from None
        except (OSError, _Malformed):
            raise HttpError("proxy") from None
        if head is None or not 200 <= head[0] < 300:
            raise HttpError("proxy")

    def _secure(self, connection: _Connection) -> _Connection:
        import ssl

        try:
            wrapped = self._ssl_context().wrap_socket(connection.sock, server_hostname=self._host)
        except ssl.SSLCertVerificationError:
            raise HttpError("certificate") from None
        except TimeoutError:
            raise HttpError("timeout") from None
        except OSError:
            raise HttpError("connection") from None
        return _Connection(wrapped)

    def get(self, path: str) -> Response:
        """GET ``path`` (starting with /); raises :class:`HttpError` or :class:`BodyTooLarge`."""
        request = f"GET {self._prefix}{path} HTTP/1.1\r\n{self._head}".encode("ascii")
        # A kept-alive connection may have been closed by the server meanwhile: one retry on a
        # fresh connection, which is not counted as a failed attempt.
        for reused in (True, False):
            connection = self._take() if reused else None
            if connection is None:
                connection = self._open()
            try:
                return self._exchange(connection, request)
            except _StaleConnection:
                if not connection.reused:
                    raise HttpError("connection") from None
        raise HttpError("connection")

    def _exchange(self, connection: _Connection, request: bytes) -> Response:
        keep = False
        try:
            try:
                connection.send(request)
                head = _read_head(connection)
            except (ConnectionResetError, BrokenPipeError, ConnectionAbortedError):
                raise _StaleConnection from None
            if head is None:
                raise _StaleConnection
            status, version_11, headers = head
            body, framed = _read_body(connection, headers, self._max_body)
            if len(body) > self._max_body:
                raise BodyTooLarge
            body = decode_body(body, headers.get("content-encoding", ""), self._max_body)
            connection_header = headers.get("connection", "").lower()
            keep = framed and (
                "keep-alive" in connection_header
                if not version_11
                else "close" not in connection_header
            )
            return Response(status, headers, body)
        except TimeoutError:
            raise HttpError("timeout") from None
        except (_Malformed, OSError):
            raise HttpError("connection") from None
        finally:
            if keep:
                connection.reused = True
                self._give_back(connection)
            else:
                connection.close()

    def _take(self) -> _Connection | None:
        with self._lock:
            return self._idle.pop() if self._idle else None

    def _give_back(self, connection: _Connection) -> None:
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
