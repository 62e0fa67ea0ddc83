"""Offline breach lookups on a 20,000,000-line sorted file: sochelp against the PyPI
``pwnedpasswords-offline`` package (mmap binary search, no checks), measured in one run.

Generates ``pwned-passwords-sha1-ordered-by-hash.txt`` (about 900 MB, random sorted hashes plus a
few known passwords) in a temporary folder under /tmp, deletes it afterwards, and prints:

* per lookup, warm (each query looked up once before timing): the best of 15 rounds of 2,000
  lookups, sochelp and the baseline interleaved in one process (and again for sochelp before,
  with ``--before-src``), against the baseline (``pwnedpasswords-offline`` if installed:
  ``pip install pwnedpasswords-offline`` in the benchmark's venv, not a project dependency;
  otherwise a minimal mmap binary search written here, like the package's);
* a linear scan for scale;
* ``sochelp audit --offline`` on 1,000 accounts against ``--no-breach-check`` (best of 9 each,
  run alternately).

Targets (issue 12): per lookup within 1.5x of the baseline; ``audit --offline`` adds <= 0.3 s.

    python benchmarks/offline_lookup.py [--lines 20000000] [--before-src /tmp/before/src]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))

KNOWN = ["password1", "letmein", "hibs1875", "celtic1888", "qwerty123", "iloveyou", "dragon"]


def _sha1(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest().upper()


def generate(path: Path, lines: int, known: dict[str, int], seed: int = 2024) -> None:
    """Write ``lines`` random hashes in sorted order (random gaps), merging in ``known``."""
    rng = random.Random(seed)
    # Gaps uniform in [1, 2 * mean], so the hashes spread evenly over the whole SHA-1 range as
    # in the real file (scaled random bits: randrange would take a microsecond a line).
    mean = (1 << 160) // (lines + 1) * 999 // 1000  # a margin so the last stays < 2**160
    bits = (2 * mean).bit_length()
    scale = 2 * mean
    counts = [rng.randint(1, 100_000) for _ in range(4096)]
    getrandbits = rng.getrandbits
    pending = sorted((int(h, 16), c) for h, c in known.items())
    next_known = pending[0][0] if pending else 1 << 161
    value = 0
    with path.open("w", encoding="ascii", newline="\n") as out:
        batch: list[str] = []
        for index in range(lines):
            value += 1 + ((getrandbits(bits) * scale) >> bits)
            while next_known <= value:
                known_value, count = pending.pop(0)
                if known_value != value:
                    batch.append(f"{known_value:040X}:{count}\r\n")
                next_known = pending[0][0] if pending else 1 << 161
            batch.append(f"{value:040X}:{counts[index & 4095]}\r\n")
            if len(batch) >= 200_000:
                out.write("".join(batch))
                batch.clear()
        batch.extend(f"{v:040X}:{c}\r\n" for v, c in pending)
        out.write("".join(batch))


LOOKUPS = """
import json, sys, time
from pathlib import Path
kinds, path, queries = sys.argv[1].split(","), Path(sys.argv[2]), sys.argv[3].split(",")

def sochelp():
    from sochelp.breach.interface import HashedPassword
    from sochelp.breach.offline import SortedFileSource
    source = SortedFileSource(path)
    return source.count, [HashedPassword(q[:5], q[5:]) for q in queries]

def package():
    from pwnedpasswords_offline import PwnedPasswordsOfflineChecker
    checker = PwnedPasswordsOfflineChecker(path, bloom_file=None)
    checker.open()
    return checker.lookup_hash, queries

def minimal():
    import mmap
    handle = path.open("rb")
    data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    end = data.rfind(b"\\n", 0, len(data)) + 1
    def lookup(target):
        target = target.encode()
        lo, hi = 0, end
        while lo < hi:
            mid = data.rfind(b"\\n", 0, (lo + hi) // 2) + 1
            key = data[mid : mid + 40]
            if key < target:
                lo = data.find(b"\\n", mid) + 1
            elif key > target:
                hi = mid
            else:
                return True
        return False
    return lookup, queries

chosen = {kind: {"sochelp": sochelp, "package": package, "mmap": minimal}[kind]() for kind in kinds}
for lookup, items in chosen.values():  # warm: every page a query touches is in memory
    for item in items:
        lookup(item)
best = {kind: float("inf") for kind in chosen}
for _ in range(15):  # rounds interleaved, so load on the machine hits every kind alike
    for kind, (lookup, items) in chosen.items():
        start = time.perf_counter()
        for item in items:
            lookup(item)
        best[kind] = min(best[kind], (time.perf_counter() - start) / len(items))
print(json.dumps(best))
"""


def per_lookup(kinds: list[str], src: Path, path: Path, queries: list[str]) -> dict[str, float]:
    """Best seconds per lookup for each kind, measured interleaved in one process."""
    import json

    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", LOOKUPS, ",".join(kinds), str(path), ",".join(queries)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def linear_scan(path: Path, full_hash: str) -> int:
    """Read the file through until the hash is found (8 MB chunks with bytes.find)."""
    needle = b"\n" + full_hash.encode("ascii") + b":"
    carry = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(8 << 20):
            data = carry + chunk
            if data.find(needle) >= 0:
                return 1
            carry = data[-64:]
    return 0


def audit_walls(src: Path, export: Path, offline: Path, runs: int = 9) -> tuple[float, float]:
    """Best wall times of ``audit --no-breach-check`` and ``audit --offline FILE``, the two run
    alternately so that machine noise hits both alike."""
    env = {**os.environ, "PYTHONPATH": str(src), "SOCHELP_CACHE_DIR": str(export.parent / "c")}
    best = {"plain": float("inf"), "offline": float("inf")}
    extra = {"plain": ["--no-breach-check"], "offline": ["--offline", str(offline)]}
    for _ in range(runs):
        for name, options in extra.items():
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "sochelp", "audit", str(export), "--json", *options],
                env=env,
                capture_output=True,
                check=False,
            )
            best[name] = min(best[name], time.perf_counter() - start)
    return best["plain"], best["offline"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--before-src", type=Path, default=None)
    args = parser.parse_args()
    try:
        import pwnedpasswords_offline  # noqa: F401

        baseline_kind = "package"
        baseline_name = "pwnedpasswords-offline"
    except ImportError:
        baseline_kind = "mmap"
        baseline_name = "minimal mmap search (package not installed)"
    known = {_sha1(p): 1000 + n for n, p in enumerate(KNOWN)}
    ok = True
    with tempfile.TemporaryDirectory(prefix="sochelp-offline-", dir="/tmp") as folder:
        path = Path(folder) / "pwned-passwords-sha1-ordered-by-hash.txt"
        started = time.perf_counter()
        generate(path, args.lines, known)
        print(
            f"generated {args.lines:,} lines, {path.stat().st_size / 1e6:.0f} MB, "
            f"in {time.perf_counter() - started:.0f} s"
        )
        rng = random.Random(7)
        queries = list(known) + [_sha1(f"absent-{rng.random()}") for _ in range(args.lookups)]
        after = per_lookup(["sochelp", baseline_kind], SRC, path, queries)
        print(f"\nper lookup, warm, best of 15 interleaved rounds of {len(queries):,} lookups:")
        rows = [("sochelp (after)", after["sochelp"], after[baseline_kind])]
        if args.before_src is not None:
            before = per_lookup(["sochelp", baseline_kind], args.before_src, path, queries)
            rows.insert(0, ("sochelp (before)", before["sochelp"], before[baseline_kind]))
        for name, seconds, baseline in rows:
            print(
                f"  {name:18} {seconds * 1e6:7.1f} us   baseline ({baseline_name}) "
                f"{baseline * 1e6:6.1f} us in the same process: {seconds / baseline:5.2f}x"
            )
        ok &= after["sochelp"] / after[baseline_kind] <= 1.5
        scan_start = time.perf_counter()
        linear_scan(path, queries[-1])
        scan = time.perf_counter() - scan_start
        print(f"  {'linear scan (one absent hash)':18} {scan * 1e3:7.0f} ms")

        from audit import make_export

        content, _, _ = make_export(1000, seed=3)
        export = Path(folder) / "export.csv"
        export.write_bytes(content)
        print("\naudit of 1,000 accounts (best of 9, alternating):")
        versions = {"after": SRC}
        if args.before_src is not None:
            versions = {"before": args.before_src, **versions}
        for name, src in versions.items():
            plain, offline = audit_walls(src, export, path)
            extra = offline - plain
            print(
                f"  {name:7} --no-breach-check {plain:5.2f} s, --offline {offline:5.2f} s: "
                f"{extra:+.2f} s for the lookups"
            )
            if name == "after":
                ok &= extra <= 0.3
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
