"""Offline breach lookup: binary search in a sorted HASH:COUNT file versus a linear scan.

Generates a sorted file of 5,000,000 random SHA-1 hashes (plus a few known passwords) in a
temporary folder, then prints the median lookup time of ``SortedFileSource.count`` and of a linear
scan (the fastest simple one: big chunks searched with ``bytes.find``), and their ratio.
Target: < 5 ms per lookup and >= 100x faster than the scan.

Run: /work/venv/bin/python benchmarks/offline_lookup.py [--lines N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sochelp.breach.interface import HashedPassword
from sochelp.breach.offline import SortedFileSource

KNOWN = ["password1", "letmein", "hibs1875", "celtic1888", "qwerty123", "iloveyou", "dragon"]


def generate(path: Path, lines: int, known: dict[str, int], seed: int = 2024) -> None:
    """Write ``lines`` random hashes in sorted order (random gaps), merging in ``known``.

    Sorted order comes from adding random gaps, so nothing needs sorting; counts cycle through a
    precomputed random table. About 2 microseconds a line.
    """
    rng = random.Random(seed)
    gap_bits = (2 * ((1 << 160) // (lines + 1))).bit_length() - 1
    counts = [rng.randint(1, 100_000) for _ in range(4096)]
    getrandbits = rng.getrandbits
    pending = sorted((int(h, 16), c) for h, c in known.items())
    next_known = pending[0][0] if pending else 1 << 161
    value = 0
    with path.open("w", encoding="ascii", newline="\n") as out:
        batch: list[str] = []
        for index in range(lines):
            value += 1 + getrandbits(gap_bits)
            while next_known <= value:
                known_value, count = pending.pop(0)
                if known_value != value:
                    batch.append(f"{known_value:040X}:{count}\n")
                next_known = pending[0][0] if pending else 1 << 161
            batch.append(f"{value:040X}:{counts[index & 4095]}\n")
            if len(batch) >= 200_000:
                out.write("".join(batch))
                batch.clear()
        batch.extend(f"{v:040X}:{c}\n" for v, c in pending)
        out.write("".join(batch))


def linear_scan(path: Path, full_hash: str) -> int:
    """The KeePassXC-style approach: read the file through until the hash is found (8 MB
    chunks searched with bytes.find, the fastest simple scan in Python)."""
    needle = b"\n" + full_hash.encode("ascii") + b":"
    carry = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(8 << 20):
            data = carry + chunk
            at = data.find(needle)
            if at >= 0:
                end = data.find(b"\n", at + 1)
                while end < 0 and (more := handle.read(64)):
                    data += more
                    end = data.find(b"\n", at + 1)
                return int(data[at + 42 : end if end >= 0 else len(data)].rstrip(b"\r"))
            carry = data[-64:]
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--scans", type=int, default=5)
    args = parser.parse_args()

    known = {}
    for index, password in enumerate(KNOWN):
        hashed = HashedPassword.of(password)
        known[hashed.prefix + hashed.suffix] = 1000 + index
    with tempfile.TemporaryDirectory(prefix="sochelp-bench-") as folder:
        path = Path(folder) / "pwned-passwords-sha1-ordered-by-hash.txt"
        started = time.perf_counter()
        generate(path, args.lines, known)
        size = path.stat().st_size
        print(
            f"generated {args.lines:,} lines (+{len(known)} known), {size / 1e6:.0f} MB "
            f"in {time.perf_counter() - started:.1f} s"
        )
        source = SortedFileSource(path)
        rng = random.Random(7)
        queries = [HashedPassword.of(p) for p in KNOWN]
        queries += [HashedPassword.of(f"not-there-{rng.random()}") for _ in range(args.lookups)]
        for hashed, password in zip(queries, KNOWN, strict=False):
            assert source.count(hashed) == known[hashed.prefix + hashed.suffix], password
        times = []
        for hashed in queries:
            t0 = time.perf_counter()
            source.count(hashed)
            times.append(time.perf_counter() - t0)
        binary = statistics.median(times)

        scan_times = []
        picks = [HashedPassword.of(p) for p in KNOWN]
        for hashed in rng.sample(picks, min(args.scans, len(picks))):
            t0 = time.perf_counter()
            assert (
                linear_scan(path, hashed.prefix + hashed.suffix)
                == known[hashed.prefix + hashed.suffix]
            )
            scan_times.append(time.perf_counter() - t0)
        scan = statistics.median(scan_times)

    print(f"binary search: median {binary * 1e3:.3f} ms over {len(queries)} lookups")
    print(f"linear scan:   median {scan * 1e3:.1f} ms over {len(scan_times)} scans (8 MB chunks)")
    print(f"ratio:         {scan / binary:,.0f}x faster")
    print(
        f"target:        < 5 ms per lookup: {'met' if binary < 0.005 else 'NOT met'}; "
        f">= 100x: {'met' if scan / binary >= 100 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
