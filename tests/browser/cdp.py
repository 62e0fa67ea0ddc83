"""A small Chrome DevTools Protocol client for tests: Debian's chromium, headless, driven over
its websocket (websocket-client), with no browser download and no network.

Launch flags keep the browser from phoning home (no background networking, component updates,
sync or QUIC); the profile lives in a temporary folder. Every event is kept, so a test can count
network requests, console messages and dialogs after the fact.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--hide-scrollbars",
    "--font-render-hinting=none",
    "--remote-debugging-port=0",
)
#: A4 in inches, as printToPDF wants it.
A4 = (8.27, 11.69)


def chromium_path() -> str | None:
    """The chromium executable, if installed."""
    return os.environ.get("SOCHELP_CHROMIUM") or shutil.which("chromium")


def chromium_version() -> str:
    """``Chromium 150.0…`` as the executable says it."""
    path = chromium_path()
    if path is None:
        return "not installed"
    out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


class CdpError(RuntimeError):
    """The browser answered a command with an error."""


@dataclass
class Browser:
    """One headless chromium and its browser-level websocket."""

    process: subprocess.Popen[bytes]
    socket: websocket.WebSocket
    profile: Path
    events: list[dict[str, Any]] = field(default_factory=list)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def launch(cls, profile: Path, timeout: float = 30) -> Browser:
        """Start chromium with a fresh profile and connect to it."""
        path = chromium_path()
        if path is None:
            raise RuntimeError(
                "chromium is not installed: run 'apt-get install -y chromium' (.ci/run does)."
            )
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "DevToolsActivePort").unlink(missing_ok=True)  # a stale one from an earlier run
        process = subprocess.Popen(
            [path, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not port_file.exists() or len(port_file.read_text().splitlines()) < 2:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("chromium did not start (no DevToolsActivePort)")
            time.sleep(0.05)
        port, browser_path = port_file.read_text().splitlines()[:2]
        try:
            sock = websocket.create_connection(
                f"ws://127.0.0.1:{port}{browser_path}", timeout=timeout, suppress_origin=True
            )
        except BaseException:
            process.kill()
            process.wait(timeout=10)
            raise
        return cls(process, sock, profile)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer (events meanwhile are kept)."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == number:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        """The next event ``method`` of a page session (already received ones count)."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            seen = len(self.events)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout} s")
            self.events.append(json.loads(self.socket.recv()))

    @contextmanager
    def page(self, width: int = 1280, height: int = 800) -> Iterator[Page]:
        """A new tab with network, page, runtime and log events switched on."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        tab = Page(self, session)
        for domain in ("Page", "Network", "Runtime", "Log"):
            tab.call(f"{domain}.enable")
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        try:
            yield tab
        finally:
            self.call("Target.closeTarget", targetId=target)

    def close(self) -> None:
        """Quit the browser."""
        with suppress(CdpError, websocket.WebSocketException, OSError):
            self.call("Browser.close")
        self.socket.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@dataclass
class Page:
    """One tab of the browser."""

    browser: Browser
    session: str

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to this tab."""
        return self.browser.call(method, self.session, **params)

    def events(self, prefix: str) -> list[dict[str, Any]]:
        """Events of this tab whose method starts with ``prefix``."""
        return [
            e
            for e in self.browser.events
            if e.get("sessionId") == self.session and str(e.get("method", "")).startswith(prefix)
        ]

    def open(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        self.call("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise CdpError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def press(self, key: str, code: str | None = None, key_code: int = 0) -> None:
        """A real key press (down and up), as a person would type it."""
        for kind in ("keyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=code or key,
                windowsVirtualKeyCode=key_code,
                nativeVirtualKeyCode=key_code,
            )

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element ``selector``."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def screenshot(self) -> bytes:
        """A PNG of the viewport."""
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def pdf(self) -> bytes:
        """The page printed to PDF on A4, as the print dialog would (print CSS applies)."""
        data = self.call(
            "Page.printToPDF",
            paperWidth=A4[0],
            paperHeight=A4[1],
            printBackground=True,
            preferCSSPageSize=True,
        )["data"]
        return base64.b64decode(data)

    def requests(self) -> list[str]:
        """Every URL the page asked the network for, apart from the page itself."""
        urls = [
            str(e["params"]["request"]["url"]) for e in self.events("Network.requestWillBeSent")
        ]
        return [u for u in urls if not u.startswith(("file:", "data:", "about:"))]


# ------------------------------------------------------------------ PNG reading (no Pillow)


@dataclass(frozen=True)
class Image:
    """A decoded RGB(A) image."""

    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixels_unlike(self, colour: tuple[int, int, int], tolerance: int = 16) -> int:
        """How many pixels differ from ``colour`` (e.g. the background) by more than
        ``tolerance`` in any channel."""
        count = 0
        n = self.channels
        for row in self.rows:
            for x in range(0, len(row), n):
                r, g, b = row[x], row[x + 1], row[x + 2]
                if (
                    abs(r - colour[0]) > tolerance
                    or abs(g - colour[1]) > tolerance
                    or abs(b - colour[2]) > tolerance
                ):
                    count += 1
        return count


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(data: bytes) -> Image:
    """Decode an 8-bit RGB or RGBA PNG (what chromium's screenshots are)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour_type not in (2, 6):
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}")
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[x] = (line[x] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return Image(width, height, channels, rows)


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF (parsed with pypdf)."""
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(data)).pages)
