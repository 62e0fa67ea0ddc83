"""Start-up time of every sochelp command against the floor for a Typer program, in one run.

Runs each command (a quick, non-interactive use of it, output discarded) and a two-command Typer
hello-world by the same interpreter in the same venv, interleaved so machine noise hits all of
them alike, and prints the median wall time of each as a ratio to the hello-world.

With ``--before-src`` every command is also run from an older source tree in the same run.

It also compares ``sochelp password`` with the breach check against a loopback range server
(no latency) with the same command under ``--no-breach-check``: the lookup runs alongside the
rating, so it should cost little.

Targets (issue 12): every command <= 1.25x the hello-world; password with the breach check
<= 1.15x the same command with --no-breach-check.

    python benchmarks/startup.py [--runs N] [--only password,audit] [--before-src DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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

PASSWORD = b"Kettle-Comet-Pencil-42\n"

#: A typical text for ``check-message`` (its verdict does not matter, only the time).
MESSAGE = (
    b"Royal Mail: your parcel is waiting for delivery. Please confirm the settlement of "
    b"1.99 (GBP) on the following link: https://royalmail.redelivery-fee.com/pay\n"
)
EXPORT = (
    "name,url,username,password\n"
    "Mail,https://mail.example,alice,Tr0ub4dor&3\n"
    "Bank,https://bank.example,alice,Kettle-Comet-Pencil-42\n"
    "Shop,https://shop.example,alice,hunter2\n"
)


class _Range(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = "\r\n".join(f"{n:035X}:{n % 7}" for n in range(800)).encode()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        return


Spec = tuple[list[str], bytes | None, dict[str, str]]


def wall_time(argv: list[str], stdin: bytes | None, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``argv``, output discarded. CPU time (user +
    system, from the kernel's accounting of the finished child) does not grow when other jobs
    share the machine, which makes wall time noisy."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        argv,
        input=stdin if stdin is not None else b"",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(
    hello: Path, export: Path, range_url: str
) -> dict[str, tuple[list[str], bytes | None]]:
    """Name -> (argv, stdin) for the hello-world and a quick use of every command."""
    sochelp = [sys.executable, "-m", "sochelp"]
    return {
        "typer hello-world": ([sys.executable, str(hello), "hello"], None),
        "--version": ([*sochelp, "--version"], None),
        "report": ([*sochelp, "report", "scam-text"], None),
        "signs": ([*sochelp, "signs", "cuckooing"], None),
        "check-message": ([*sochelp, "check-message"], MESSAGE),
        "scam-quiz": ([*sochelp, "scam-quiz", "--list-topics"], None),
        "checkup": ([*sochelp, "checkup", "individual", "--no-save"], None),
        "content": ([*sochelp, "content", "check"], None),
        "about": ([*sochelp, "about"], None),
        "password": ([*sochelp, "password", "--no-breach-check"], PASSWORD),
        "password + breach check": ([*sochelp, "password", "--api-url", range_url], PASSWORD),
        "audit": ([*sochelp, "audit", str(export), "--no-breach-check"], None),
    }


def _compiled_copy(src: Path, into: Path) -> Path:
    """A copy of an older ``src`` folder (and the ``content`` folder beside it) with its bytecode
    compiled, as this tree's is: the older tree may be read-only or lack bytecode, and compiling
    its modules on every run would count against it."""
    import shutil

    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(src, into / "src", ignore=ignore)
    if (src.parent / "content").is_dir():
        shutil.copytree(src.parent / "content", into / "content", ignore=ignore)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(into / "src")], check=False)
    return into / "src"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--only", default="", help="comma-separated command names to measure")
    parser.add_argument(
        "--before-src",
        type=Path,
        default=None,
        help="an older src folder (with its content/ folder beside it, e.g. from "
        "'git archive main src content'): every command is measured from it too, in the same run",
    )
    args = parser.parse_args()
    # Bytecode compiled first, as an installed wheel has it.
    source = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(source)], check=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Range)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {k: v for k, v in os.environ.items() if k not in {"SOCHELP_RANGE_API"}}
    with tempfile.TemporaryDirectory() as folder:
        env["SOCHELP_DATA_DIR"] = str(Path(folder) / "data")
        # A private content cache: a shared one may be emptied by other sochelp runs meanwhile.
        env["SOCHELP_CACHE_DIR"] = str(Path(folder) / "cache")
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        export = Path(folder) / "export.csv"
        export.write_text(EXPORT, encoding="utf-8")
        url = f"http://127.0.0.1:{server.server_address[1]}"
        chosen: dict[str, Spec] = {
            name: (argv, stdin, env) for name, (argv, stdin) in commands(hello, export, url).items()
        }
        if args.only:
            wanted = {"typer hello-world", *args.only.split(",")}
            if "password" in wanted:
                wanted.add("password + breach check")
            chosen = {name: spec for name, spec in chosen.items() if name in wanted}
        if args.before_src is not None:
            before = _compiled_copy(args.before_src, Path(folder) / "before")
            old_env = {
                **env,
                "PYTHONPATH": str(before),
                "SOCHELP_CACHE_DIR": str(Path(folder) / "cache-before"),
            }
            for name, (argv, stdin, _) in list(chosen.items()):
                if name != "typer hello-world":
                    chosen[f"{name} (before)"] = (argv, stdin, old_env)
        for argv, stdin, run_env in chosen.values():  # warm the file cache, .pyc, content cache
            wall_time(argv, stdin, run_env)
        walls: dict[str, list[float]] = {name: [] for name in chosen}
        cpus: dict[str, list[float]] = {name: [] for name in chosen}
        for _ in range(args.runs):  # interleaved so machine noise hits all of them alike
            for name, (argv, stdin, run_env) in chosen.items():
                wall, cpu = wall_time(argv, stdin, run_env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    server.shutdown()
    wall_base = statistics.median(walls["typer hello-world"])
    cpu_base = statistics.median(cpus["typer hello-world"])
    header = f"{'command':<34}{'wall':>8}{'ratio':>8}{'CPU':>9}{'ratio':>8}"
    print(f"{header}   (medians of {args.runs})")
    ok = True
    for name in chosen:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:<34}{wall * 1000:>6.0f}ms{wall / wall_base:>7.2f}x"
            f"{cpu * 1000:>7.0f}ms{cpu / cpu_base:>7.2f}x"
        )
        if name != "typer hello-world" and "breach check" not in name and "before" not in name:
            ok &= min(wall / wall_base, cpu / cpu_base) <= 1.25
    for suffix in ("", " (before)"):
        plain, checked = f"password{suffix}", f"password + breach check{suffix}"
        if plain in chosen and checked in chosen:
            wall_ratio = statistics.median(walls[checked]) / statistics.median(walls[plain])
            cpu_ratio = statistics.median(cpus[checked]) / statistics.median(cpus[plain])
            print(
                f"password{suffix} with the breach check / --no-breach-check: "
                f"wall {wall_ratio:.2f}x, CPU {cpu_ratio:.2f}x"
            )
            if not suffix:
                ok &= min(wall_ratio, cpu_ratio) <= 1.15
    print(
        "targets: every command <= 1.25x the Typer hello-world; breach check <= 1.15x "
        "(wall time, or CPU time when other jobs load the machine)"
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
