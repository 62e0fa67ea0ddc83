"""Shared helpers for password tests: range bodies in the real wire format and a free port."""

from __future__ import annotations

import random
import socket

from sochelp.breach.interface import HashedPassword

STRONG = "Tangerine-Oboe-Glacier-42"
WEAK = "hibernian1875"


def range_body(password: str, count: int, *, padding: int = 40, seed: int = 1) -> str:
    """A range body for ``password``'s prefix: sorted real lines (including the password's suffix
    with ``count``, unless 0), then unsorted padding lines with count 0, CRLF, no final newline."""
    rng = random.Random(seed)
    hashed = HashedPassword.of(password)
    real = {f"{rng.getrandbits(140):035X}": rng.randint(1, 5000) for _ in range(30)}
    if count:
        real[hashed.suffix] = count
    lines = [f"{s}:{c}" for s, c in sorted(real.items())]
    lines += [f"{rng.getrandbits(140):035X}:0" for _ in range(padding)]
    return "\r\n".join(lines)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
