"""How fast is ``sochelp audit`` against a range service with real latency?

Starts a loopback range server (50 ms per request, real wire format with padding), generates a
Bitwarden export of 1,000 accounts (some passwords reused, some breached), and times in one run:

* the audit (distinct prefixes, concurrent lookups on one connection pool, scoring alongside);
* a sequential baseline: one request per account's password, one after another, same server;
* the floor: distinct prefixes x latency / concurrency.

Targets: at least 10x faster than the sequential baseline and within 2x of the floor.

    /work/venv/bin/python benchmarks/audit.py [--accounts 1000] [--latency 0.05] [--concurrency 12]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import multiprocessing
import random
import string
import sys
import tempfile
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sochelp.audit.engine import default_score_processes, run_audit
from sochelp.audit.exports import read_export
from sochelp.breach.interface import BreachSource, HashedPassword

PADDING_LINES = 900


def _sha1(password: str) -> str:
    return hashlib.sha1(password.encode(), usedforsecurity=False).hexdigest().upper()


def _serve(breached: dict[str, int], latency: float, port: Any, requests: Any) -> None:
    """Run the range server until killed (in its own process, so its CPU time does not compete
    with the audit for the interpreter lock, as a real remote service would not)."""
    rng = random.Random(7)
    table: dict[str, list[str]] = {}
    for full_hash, count in breached.items():
        table.setdefault(full_hash[:5], []).append(f"{full_hash[5:]}:{count}")
    padding = "\r\n".join(
        "".join(rng.choice("0123456789ABCDEF") for _ in range(35)) + ":0"
        for _ in range(PADDING_LINES)
    )

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # one response must not wait on delayed ACKs

        def do_GET(self) -> None:
            with requests.get_lock():
                requests.value += 1
            time.sleep(latency)
            prefix = self.path.rsplit("/", 1)[-1]
            # Real lines sorted first, padding after (as the real service does).
            body = "\r\n".join([*sorted(table.get(prefix, [])), padding]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    port.value = httpd.server_address[1]
    httpd.serve_forever()


class RangeServer:
    """A loopback range server (ThreadingHTTPServer) answering GET /range/XXXXX after a delay."""

    def __init__(self, breached: dict[str, int], latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._port = context.Value("i", 0)
        self._requests = context.Value("i", 0)
        self._process = context.Process(
            target=_serve, args=(breached, latency, self._port, self._requests), daemon=True
        )
        self.url = ""

    @property
    def requests(self) -> int:
        """Requests answered since the last reset."""
        return int(self._requests.value)

    def reset(self) -> None:
        """Start counting requests from zero."""
        with self._requests.get_lock():
            self._requests.value = 0

    def __enter__(self) -> RangeServer:
        self._process.start()
        deadline = time.monotonic() + 20
        while not self._port.value:
            if time.monotonic() > deadline:
                raise RuntimeError("the range server did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self._port.value}"
        return self

    def __exit__(self, *_: object) -> None:
        self._process.terminate()
        self._process.join(5)


def make_export(accounts: int, seed: int = 1) -> tuple[bytes, dict[str, int]]:
    """A Bitwarden CSV with ``accounts`` logins; about 15% reuse, about 10% breached."""
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "-!"
    unique = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 18)))
        for _ in range(int(accounts * 0.85))
    ]
    passwords = unique + [rng.choice(unique[:60]) for _ in range(accounts - len(unique))]
    rng.shuffle(passwords)
    breached = {_sha1(p): rng.randint(1, 50_000) for p in rng.sample(unique, len(unique) // 10)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            *("folder", "favorite", "type", "name", "notes", "fields", "reprompt"),
            *("login_uri", "login_username", "login_password", "login_totp"),
        ]
    )
    for n, password in enumerate(passwords):
        writer.writerow(
            [
                *("", "", "login", f"Site {n}", "", "", "0"),
                *(f"https://site{n}.example", f"user{n}", password, ""),
            ]
        )
    return out.getvalue().encode(), breached


def _scorer() -> Callable[[str], int]:
    from sochelp.audit.run import password_scorer
    from sochelp.content.store import ContentStore

    return password_scorer(ContentStore())  # the rating `sochelp audit` uses


def _open_source(url: str) -> BreachSource:
    from sochelp.breach.choice import BreachOptions

    source = BreachOptions(api_url=url).open()  # what `sochelp audit --api-url URL` opens
    assert source is not None
    return source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=12)
    args = parser.parse_args()

    content, breached = make_export(args.accounts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(content)
        export = read_export(path.read_bytes(), str(path))
    records = export.records
    prefixes = {HashedPassword.of(r.password).prefix for r in records}
    uniques = {r.password for r in records}
    scorer = _scorer()
    scorer("warm-up the word lists")

    with RangeServer(breached, args.latency) as server:
        source = _open_source(server.url)
        try:
            source.range("00000")  # warm up the connection pool and imports
            server.reset()
            start = time.perf_counter()
            result = run_audit(
                records,
                scorer=scorer,
                source=source,
                concurrency=args.concurrency,
                score_processes=default_score_processes(),
            )
            audit_time = time.perf_counter() - start
            audit_requests = server.requests
        finally:
            source.close()

        source = _open_source(server.url)
        try:
            server.reset()
            start = time.perf_counter()
            sequential_found = 0
            for record in records:
                scorer(record.password)
                hashed = HashedPassword.of(record.password)
                if source.range(hashed.prefix).get(hashed.suffix, 0):
                    sequential_found += 1
            sequential_time = time.perf_counter() - start
            sequential_requests = server.requests
        finally:
            source.close()

    floor = len(prefixes) * args.latency / args.concurrency
    assert result.summary.not_checked == 0, "every lookup should succeed"
    assert result.summary.breached == sequential_found, "both runs must agree"
    print(f"accounts:                {len(records)}")
    print(f"unique passwords:        {len(uniques)}")
    print(f"distinct prefixes:       {len(prefixes)}")
    print(f"latency per request:     {args.latency * 1000:.0f} ms, concurrency {args.concurrency}")
    print(f"breached accounts found: {result.summary.breached}")
    print(f"audit:                   {audit_time:7.2f} s  ({audit_requests} requests)")
    print(f"sequential baseline:     {sequential_time:7.2f} s  ({sequential_requests} requests)")
    print(f"floor:                   {floor:7.2f} s  (prefixes x latency / concurrency)")
    speedup = sequential_time / audit_time
    over_floor = audit_time / floor
    print(f"speed-up vs sequential:  {speedup:7.1f}x  (target >= 10x)")
    print(f"audit / floor:           {over_floor:7.2f}x  (target <= 2x)")
    ok = speedup >= 10 and over_floor <= 2
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
