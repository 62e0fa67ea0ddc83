"""``sochelp audit`` at organisation scale: memory of the whole process tree, wall time against
the floor, and client CPU per request, against a loopback range server with real latency.

For each size (default 1,000 / 10,000 / 50,000 accounts) a Bitwarden export is generated (85%
distinct passwords, some reused, 10% breached) and the real command runs as a subprocess:

    python -m sochelp audit EXPORT --api-url http://127.0.0.1:PORT --json

* peak memory: the sum of PSS (``/proc/PID/smaps_rollup``) over the audit and every process it
  started, sampled every 50 ms, so shared pages count once;
* wall time against the floor: distinct prefixes x latency / concurrency (default 12);
* client CPU per request: a separate run of 1,200 lookups on 12 threads through the same source
  code, CPU time of that process divided by requests (the server runs in another process).

With ``--before-src DIR`` the same is measured for an older ``src`` folder in the same run (e.g.
``git archive main src | tar -x -C /tmp/before``), so the figures are ratios measured together.

The server must not be the bottleneck: it is an asyncio server in its own process, with Nagle
off (TCP_NODELAY), 64 realistic range bodies built once, and no thread per request. Its CPU time per
request and its busy share of the run are printed, and a no-op client (12 threads fetching every
prefix, parsing nothing) shows how close the server and HTTP alone come to the floor.

Targets (issue 12): peak <= 150 MB at 10,000 accounts; wall <= 1.3x the floor; client CPU per
request at most half of the old code's.

    python benchmarks/audit.py [--accounts 1000,10000,50000] [--before-src /tmp/before/src]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import io
import json
import multiprocessing
import os
import random
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Lines of a range body: leaked suffixes with counts, then count-0 padding (as the real service).
REAL_LINES = (600, 1000)
PADDING_LINES = (50, 300)
FILLERS = 64
CONCURRENCY = 12
HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
#: A private content cache per source tree (a shared one may be emptied by other runs).
CACHE = Path(tempfile.gettempdir()) / "sochelp-bench-cache"


def _sha1(password: str) -> str:
    return hashlib.sha1(password.encode(), usedforsecurity=False).hexdigest().upper()


# --- the range server --------------------------------------------------------------------------


def _serve(breached: dict[str, int], latency: float, port: Any, requests: Any) -> None:
    """An asyncio range server (in its own process): GET /range/XXXXX after ``latency``."""
    rng = random.Random(7)
    real: dict[bytes, bytes] = {}
    for full_hash, count in sorted(breached.items()):
        key = full_hash[:5].encode()
        real[key] = real.get(key, b"") + f"{full_hash[5:]}:{count}\r\n".encode()
    # Like the real service: each range holds several hundred leaked suffixes (counts with a
    # long tail) and padding lines with count 0. 64 such bodies are built once and shared.
    fillers = []
    for _ in range(FILLERS):
        lines = [
            "".join(rng.choice("0123456789ABCDEF") for _ in range(35))
            + f":{max(1, int(rng.paretovariate(0.7)))}"
            for _ in range(rng.randint(REAL_LINES[0], REAL_LINES[1]))
        ]
        lines += [
            "".join(rng.choice("0123456789ABCDEF") for _ in range(35)) + ":0"
            for _ in range(rng.randint(PADDING_LINES[0], PADDING_LINES[1]))
        ]
        fillers.append("\r\n".join(lines).encode())
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                request = await reader.readuntil(b"\r\n\r\n")
                prefix = request.split(b" ", 2)[1].rsplit(b"/", 1)[-1]
                await asyncio.sleep(latency)
                lines = real.get(prefix, b"")
                padding = fillers[int(prefix, 16) % FILLERS]
                writer.writelines((head % (len(lines) + len(padding)), lines, padding))
                requests.value += 1  # one event loop: no lock needed
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=256)
        port.value = server.sockets[0].getsockname()[1]
        async with server:
            await server.serve_forever()

    asyncio.run(main())


class RangeServer:
    """The loopback server process; ``cpu_seconds`` is its CPU time so far."""

    def __init__(self, breached: dict[str, int], latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._port = context.Value("i", 0)
        self._requests = context.Value("i", 0, lock=False)
        self._process = context.Process(
            target=_serve, args=(breached, latency, self._port, self._requests), daemon=True
        )
        self.url = ""

    @property
    def requests(self) -> int:
        return int(self._requests.value)

    @property
    def cpu_seconds(self) -> float:
        return _cpu_seconds(self._process.pid or 0)

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


# --- measuring a process tree --------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Run:
    wall: float
    peak_mb: float
    main_cpu: float
    exit_code: int
    summary: dict[str, Any]


def run_audit_process(src: Path, export: Path, url: str | None) -> Run:
    """Run the real command from ``src``, sampling the PSS of its whole tree."""
    env = {**os.environ, "PYTHONPATH": str(src), "SOCHELP_CACHE_DIR": str(CACHE / src.name)}
    args = [sys.executable, "-m", "sochelp", "audit", str(export), "--json"]
    args += ["--api-url", url] if url else ["--no-breach-check"]
    peak = 0
    main_cpu = 0.0
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.DEVNULL, env=env)
        while process.poll() is None:
            pids = _tree(process.pid)
            peak = max(peak, sum(_pss_kb(pid) for pid in pids))
            main_cpu = max(main_cpu, _cpu_seconds(process.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        out.seek(0)
        data = json.loads(out.read() or b"{}")
    return Run(wall, peak / 1024, main_cpu, process.returncode, data.get("summary", {}))


CPU_PROBE = """
import sys, threading, time
from sochelp.breach.sources import open_source
url, prefixes = sys.argv[1], sys.argv[2].split(",")
suffix = "0" * 35
source = open_source(api_url=url)
source.range(prefixes[0])  # warm up imports and the connection
def one(prefix):
    if hasattr(source, "counts"):
        return source.counts(prefix, [suffix])  # what the audit asks for now
    return dict(source.range(prefix))  # what the old audit kept per prefix
chunks = [prefixes[n::12] for n in range(12)]
def work(chunk):
    for prefix in chunk:
        one(prefix)
threads = [threading.Thread(target=work, args=(c,)) for c in chunks]
cpu = time.process_time()
for t in threads: t.start()
for t in threads: t.join()
print((time.process_time() - cpu) / len(prefixes))
"""


def client_cpu_per_request(src: Path, url: str, prefixes: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", CPU_PROBE, url, ",".join(prefixes)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def noop_client(url: str, prefixes: list[str]) -> float:
    """Wall time for 12 threads fetching every prefix (keep-alive, one connection each) and
    parsing nothing: what the server and HTTP alone allow."""
    import http.client

    host, port = url.split("//", 1)[1].split(":")
    chunks = [prefixes[n::CONCURRENCY] for n in range(CONCURRENCY)]

    def work(chunk: list[str]) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        for prefix in chunk:
            connection.request("GET", f"/range/{prefix}", headers={"Add-Padding": "true"})
            connection.getresponse().read()
        connection.close()

    threads = [threading.Thread(target=work, args=(c,)) for c in chunks]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


# --- the export ---------------------------------------------------------------------------------


def make_export(accounts: int, seed: int = 1) -> tuple[bytes, dict[str, int], set[str]]:
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
    prefixes = {_sha1(p)[:5] for p in unique}
    return out.getvalue().encode(), breached, prefixes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", default="1000,10000,50000")
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--before-src", type=Path, default=None)
    parser.add_argument(
        "--before-max",
        type=int,
        default=10_000,
        help="largest export run with --before-src (the old code keeps every range in memory)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.accounts.split(",")]
    versions = {"after": SRC}
    if args.before_src is not None:
        versions = {"before": args.before_src, "after": SRC}

    ok = True
    with tempfile.TemporaryDirectory(prefix="sochelp-audit-bench-") as folder:
        exports = {}
        breached: dict[str, int] = {}
        for size in sizes:
            content, found, prefixes = make_export(size, seed=size)
            path = Path(folder) / f"export-{size}.csv"
            path.write_bytes(content)
            exports[size] = (path, prefixes)
            breached.update(found)
        with RangeServer(breached, args.latency) as server:
            probe = sorted(exports[sizes[0]][1])[:1200]
            cpu = {
                name: client_cpu_per_request(src, server.url, probe)
                for name, src in versions.items()
            }
            print("client CPU per request (1,200 lookups, 12 threads, same server):")
            for name, seconds in cpu.items():
                print(f"  {name:7} {seconds * 1000:7.3f} ms")
            if "before" in cpu:
                ratio = cpu["after"] / cpu["before"]
                print(f"  after / before: {ratio:.2f}x (target <= 0.5x)")
                ok &= ratio <= 0.5
            noop_prefixes = sorted(exports[sizes[0]][1])
            noop = noop_client(server.url, noop_prefixes)
            floor = len(noop_prefixes) * args.latency / CONCURRENCY
            print(
                f"no-op client ({len(noop_prefixes)} prefixes, 12 threads, no parsing): "
                f"{noop:.2f} s = {noop / floor:.2f}x the floor ({floor:.2f} s)"
            )
            print()
            header = f"{'accounts':>9} {'prefixes':>8} {'version':>7} {'peak PSS':>9} "
            header += f"{'wall':>8} {'floor':>7} {'ratio':>6} {'main CPU':>9} {'server busy':>11}"
            print(header)
            for size in sizes:
                path, prefixes = exports[size]
                floor = len(prefixes) * args.latency / CONCURRENCY
                for name, src in versions.items():
                    if name == "before" and size > args.before_max:
                        continue
                    before_requests, before_cpu = server.requests, server.cpu_seconds
                    run = run_audit_process(src, path, server.url)
                    requests = server.requests - before_requests
                    busy = (server.cpu_seconds - before_cpu) / run.wall
                    assert run.exit_code == 1, f"unexpected exit {run.exit_code}"
                    assert run.summary.get("not_checked") == 0, run.summary
                    print(
                        f"{size:>9,} {len(prefixes):>8,} {name:>7} {run.peak_mb:>7.0f}MB "
                        f"{run.wall:>7.1f}s {floor:>6.1f}s {run.wall / floor:>5.2f}x "
                        f"{run.main_cpu:>8.1f}s {busy:>10.0%}  ({requests} requests, "
                        f"server {1000 * (server.cpu_seconds - before_cpu) / max(1, requests):.2f}"
                        " ms CPU each)"
                    )
                    if name == "after" and size == 10_000:
                        ok &= run.peak_mb <= 150 and run.wall / floor <= 1.3
                sys.stdout.flush()
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
