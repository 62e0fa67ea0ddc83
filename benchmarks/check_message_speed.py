"""How long check-message takes on a 10 KB and a 1 MB message, against start-up.

Usage: python benchmarks/check_message_speed.py

Runs the real command in a subprocess (best of 7) on a tiny message (the start-up baseline:
interpreter, imports, content loading), a 10 KB message and a 1 MB message, and prints the extra
time each takes. Targets: 10 KB well under 100 ms beyond start-up, 1 MB under 2 s.
"""

from __future__ import annotations

import subprocess
import sys
import time

SNIPPETS = (
    "Royal Mail: your parcel is on hold. Pay the £1.45 redelivery fee within 24 hours at "
    "royalmail-redelivery[.]com/pay or it will be returned. ",
    "Hi Mum, I dropped my phone, this is my new number. Can you pay a bill for me? ",
    "Your appointment is on Tuesday at 10am; reply C to cancel. See https://www.nhs.uk/app ",
    "We will never ask you to move money to a safe account or share a code. ",
    "Meeting notes: budget, timeline, staffing, the venue, catering and transport. ",
    "Visit bit.ly/x1 or http://192.168.0.1/login or https://paypa1.com@evil.example.top/ ",
)


def make_message(size: int) -> str:
    """A message of about ``size`` bytes mixing warning signs, links and ordinary words."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        snippet = SNIPPETS[index % len(SNIPPETS)]
        parts.append(snippet)
        total += len(snippet.encode("utf-8"))
        index += 1
    return "".join(parts)[:size]


def run(message: str, repeat: int = 7) -> float:
    """Best wall time of ``sochelp check-message --json`` on the message, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sochelp", "check-message", "--json"],
            input=message.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=60,
        )
        best = min(best, time.perf_counter() - start)
    return best


def in_process(message: str) -> float:
    """Analysis time alone (content already loaded), in seconds."""
    from sochelp.content.store import ContentStore
    from sochelp.message import content as message_content
    from sochelp.message.analyse import analyse

    content = message_content.load(ContentStore())
    analyse("warm up, no links here", content)
    start = time.perf_counter()
    analyse(message, content)
    return time.perf_counter() - start


def main() -> int:
    """Print the timings; exit 1 if a target is missed."""
    baseline = run("Hello, see you at 6.")
    small = make_message(10_000)
    large = make_message(1_000_000)
    t_small, t_large = run(small), run(large)
    a_small, a_large = in_process(small), in_process(large)
    print(f"start-up baseline (tiny message): {baseline * 1000:7.1f} ms")
    print(f"10 KB message: {t_small * 1000:7.1f} ms total, "
          f"{(t_small - baseline) * 1000:+7.1f} ms beyond start-up, "
          f"analysis alone {a_small * 1000:6.1f} ms")  # fmt: skip
    print(f"1 MB message:  {t_large * 1000:7.1f} ms total, "
          f"{(t_large - baseline) * 1000:+7.1f} ms beyond start-up, "
          f"analysis alone {a_large * 1000:6.1f} ms")  # fmt: skip
    ok = (t_small - baseline) < 0.1 and (t_large - baseline) < 2.0
    print("targets met" if ok else "TARGET MISSED (10 KB < 100 ms, 1 MB < 2 s beyond start-up)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
