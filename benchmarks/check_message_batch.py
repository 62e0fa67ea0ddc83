"""check-message at scale: many messages in one process, and one very large message.

Usage:
    python benchmarks/check_message_batch.py [--messages 1000] [--sample 50]
                                             [--baseline SRC]

Two ratios, measured in one run (issue 11 §3):

1. ``sochelp check-message --jsonl FILE`` on N typical texts (the team-written messages,
   repeated to N) against one ``sochelp check-message`` process per message. Running N
   processes takes minutes, so ``--sample`` of them are timed and the total scaled to N.
   Target: ``--jsonl`` at least 50x faster.
2. The analysis of a 1 MB message (content already loaded, best of 5 interleaved runs,
   each in a fresh process) against the same analysis by another copy of sochelp's code:
   ``--baseline SRC`` is the ``src`` folder of that copy, e.g. of ``main`` checked out with
   ``git worktree add /tmp/base main`` (its own bundled content is used). Target: no slower
   than the baseline (ratio <= 1.0, allowing the machine's noise).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import message_sets as sets
from check_message_speed import make_message

REPO = Path(__file__).resolve().parents[1]

#: Times the analysis of a 1 MB message in the process it runs in (content loaded first).
_TIMER = """
import gc, sys, time
from sochelp.content.store import ContentStore
try:  # served from the content cache, as check-message does
    from sochelp.message.loading import load
except ImportError:  # older code: validated on every run
    from sochelp.message.content import load
from sochelp.message.analyse import analyse
content = load(ContentStore())
gc.freeze()  # as check-message does once its content is loaded
message = sys.stdin.read()
analyse("warm up: no links here", content)
start = time.perf_counter()
analyse(message, content)
print(time.perf_counter() - start)
"""


def typical_texts(count: int) -> list[str]:
    """``count`` texts: the team-written messages (scams and genuine), repeated."""
    texts = [sample.text for sample in sets.team_samples()]
    return [texts[index % len(texts)] for index in range(count)]


def time_jsonl(texts: list[str], folder: Path) -> float:
    """Seconds for one ``--jsonl`` process to check every text."""
    path = folder / "messages.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sochelp", "check-message", "--jsonl", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def time_one_process_each(texts: list[str]) -> float:
    """Seconds for one ``check-message`` process per text, in all."""
    start = time.perf_counter()
    for text in texts:
        subprocess.run(
            [sys.executable, "-m", "sochelp", "check-message", "--json"],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - start


def time_in_process(source: Path, script: str, stdin: str, **env: str) -> float:
    """The seconds ``script`` prints last, run in a fresh process on the code in ``source``
    (a ``src`` folder) with ``stdin`` as its input and ``env`` added to its environment."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(source), **env},
        check=True,
    )
    return float(done.stdout.decode().strip().splitlines()[-1])


def _time_once(source: Path, message: str, cache: Path) -> float:
    return time_in_process(source, _TIMER, message, SOCHELP_CACHE_DIR=str(cache))


def time_large(sources: list[Path], message: str, runs: int = 5) -> list[float]:
    """Best analysis time of the 1 MB message by the code in each ``src`` folder, the runs
    interleaved so the machine's load hits them alike."""
    best = [float("inf")] * len(sources)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for number, source in enumerate(sources):
                took = _time_once(source, message, Path(folder) / str(number))
                best[number] = min(best[number], took)
    return best


def main() -> int:
    """Print both ratios; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--baseline", type=Path, help="the src folder of the code to compare")
    args = parser.parse_args()
    texts = typical_texts(args.messages)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=False)
    # Warm the content cache and the file cache, as on any run after the first.
    time_one_process_each(texts[:2])
    with tempfile.TemporaryDirectory() as folder:
        batch = time_jsonl(texts, Path(folder))
    sample = texts[: args.sample]
    single = time_one_process_each(sample) * len(texts) / len(sample)
    ratio = single / batch
    print(f"{len(texts)} typical texts")
    print(f"  --jsonl, one process:            {batch:8.2f} s")
    print(f"  one process each (scaled from {len(sample)}): {single:8.2f} s")
    print(f"  --jsonl is {ratio:.0f}x faster (target: at least 50x)")
    ok = ratio >= 50
    message = make_message(1_000_000)
    sources = [REPO / "src", *([args.baseline] if args.baseline else [])]
    times = time_large(sources, message)
    new = times[0]
    base = times[-1]
    print("1 MB message, analysis alone (best of 5, interleaved):")
    print(f"  this code:     {new:6.3f} s")
    if args.baseline is not None:
        print(f"  baseline code: {base:6.3f} s  ({args.baseline})")
        print(f"  ratio this/baseline: {new / base:.2f} (target: <= 1.0)")
        ok = ok and new <= base * 1.05
    else:
        print("  (give --baseline SRC to compare with another copy of the code)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
