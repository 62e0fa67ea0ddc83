"""Start-up time of sochelp against the floor for a Typer program, measured in one run.

Prints the median wall time of `sochelp --version` and `sochelp report scam-text` as a ratio to a
two-command Typer hello-world run by the same interpreter in the same venv. Target: <= 1.3x.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    print("hello")


@app.command()
def bye() -> None:
    print("bye")


app()
"""


def wall_time(argv: list[str]) -> float:
    """Seconds one run of ``argv`` takes, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        commands = {
            "typer hello-world": [sys.executable, str(hello), "hello"],
            "sochelp --version": [sys.executable, "-m", "sochelp", "--version"],
            "sochelp report scam-text": [sys.executable, "-m", "sochelp", "report", "scam-text"],
        }
        for argv in commands.values():  # warm the file cache and .pyc files
            wall_time(argv)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved so machine noise hits all three alike
            for name, argv in commands.items():
                samples[name].append(wall_time(argv))
    base = statistics.median(samples["typer hello-world"])
    print(f"{'command':<28}{'median':>10}{'ratio':>9}   (runs: {args.runs})")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:<28}{median * 1000:>8.0f}ms{median / base:>8.2f}x")
    print("target: sochelp commands <= 1.30x the Typer hello-world")


if __name__ == "__main__":
    main()
