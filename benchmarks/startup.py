"""Start-up time of sochelp against the floor for a Typer program, measured in one run.

Prints the median wall time of `sochelp --version`, `sochelp report scam-text` and
`sochelp check-message` (a typical short text on standard input, content served from the
cache as on every run after the first) as a ratio to a two-command Typer hello-world run by the
same interpreter in the same venv. Bytecode is compiled first, as an installed wheel has it.
Target: <= 1.25x (issue 12).

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


#: A typical text for ``check-message`` (its verdict does not matter, only the time).
MESSAGE = (
    b"Royal Mail: your parcel is waiting for delivery. Please confirm the settlement of "
    b"1.99 (GBP) on the following link: https://royalmail.redelivery-fee.com/pay\n"
)


def wall_time(argv: list[str], stdin: bytes | None = None) -> float:
    """Seconds one run of ``argv`` takes, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    source = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(source)], check=False)
    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        commands = {
            "typer hello-world": [sys.executable, str(hello), "hello"],
            "sochelp --version": [sys.executable, "-m", "sochelp", "--version"],
            "sochelp report scam-text": [sys.executable, "-m", "sochelp", "report", "scam-text"],
            "sochelp check-message": [sys.executable, "-m", "sochelp", "check-message"],
        }
        stdin = {"sochelp check-message": MESSAGE}
        for name, argv in commands.items():  # warm the file cache, .pyc files, content cache
            wall_time(argv, stdin.get(name))
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved so machine noise hits all alike
            for name, argv in commands.items():
                samples[name].append(wall_time(argv, stdin.get(name)))
    base = statistics.median(samples["typer hello-world"])
    print(f"{'command':<28}{'median':>10}{'ratio':>9}   (runs: {args.runs})")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:<28}{median * 1000:>8.0f}ms{median / base:>8.2f}x")
    print("target: sochelp commands <= 1.25x the Typer hello-world")


if __name__ == "__main__":
    main()
