"""Command lines whose ``--json`` output is pinned in ``tests/golden/*.json``.

Each case runs the real CLI in-process against the fixture content tree. The golden files were
captured from the version before results became typed, so ``test_golden.py`` proves the JSON a
user sees did not change. Regenerate (and review the diff) with
``python -m tests.golden.cases`` after a deliberate change.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent
REPO = GOLDEN.parents[1]
AUDIT_DATA = REPO / "tests" / "audit" / "data"

WEAK = "password1"
STRONG = "Correct-Horse-Battery-Staple-42!"

SCAM_SMS = (
    "Royal Mail: your parcel could not be delivered. Pay the £1.45 redelivery fee today at "
    "https://royalmail-redelivery.co.uk.verify-parcel.top/pay or it will be returned. "
    "Reply to help@royal-mail-support.com"
)
GENUINE = "Hi, it's Mum. Are you still coming for tea on Sunday? Love you x"
BANK_CALL = (
    "This is your bank's fraud team. Your account is at risk, move your money to a safe "
    "account now and don't tell anyone. Call 0800 123 4567 or visit https://www.hsbc.co.uk"
)

#: Keys whose values change from run to run (dates, clocks, temporary paths).
VOLATILE = {"date", "started", "next_due", "previous_date", "quiz_file", "answers_file"}


@dataclass(frozen=True)
class Case:
    """One command line: its arguments, standard input and an optional set-up step."""

    name: str
    args: tuple[str, ...]
    stdin: str = ""
    setup: Callable[[Path], list[str]] | None = field(default=None, compare=False)


def _offline_list(tmp: Path) -> list[str]:
    sha = hashlib.sha1(WEAK.encode()).hexdigest().upper()
    path = tmp / "pwned.txt"
    path.write_text(f"{sha}:12345\n", encoding="utf-8")
    return ["--offline", str(path)]


def _export_file(tmp: Path) -> list[str]:
    return ["--output", str(tmp / "quiz.md")]


def _with_stdin(text: str, args: list[str]) -> None:
    import io
    import sys

    from sochelp.cli import main

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        main(args)
    finally:
        sys.stdin = saved


def _saved_quiz(tmp: Path) -> list[str]:
    _with_stdin(QUIZ_ANSWERS, ["scam-quiz", "--seed", "3", "-n", "6", "--json"])
    _with_stdin(QUIZ_ANSWERS, ["scam-quiz", "--seed", "5", "-n", "6", "--json"])
    return []


def _saved_checkup(tmp: Path) -> list[str]:
    _with_stdin(CHECKUP_ANSWERS, ["checkup", "individual", "--json"])
    return []


#: Answers that fit most question formats (a wrong format is asked again).
QUIZ_ANSWERS = "\n".join(["S", "A", "G", "B", "A,B", "1"] * 6) + "\n"
CHECKUP_ANSWERS = "\n".join(["y", "n", "p", "na", "y", "n", "y", "p"] * 5) + "\n"

CASES: tuple[Case, ...] = (
    Case("report-scam-text", ("report", "scam-text", "--json")),
    Case("report-test-case-ew", ("report", "test-case", "--region", "england-wales", "--json")),
    Case("report-words", ("report", "lost", "money", "--json")),
    Case("report-urgent", ("report", "crime-report", "--json")),
    Case("report-list", ("report", "--list", "--json")),
    Case("signs-list", ("signs", "--json")),
    Case("signs-guide", ("signs", "doorstep-crime", "--json")),
    Case("message-scam-sms", ("check-message", "--json"), SCAM_SMS),
    Case("message-genuine", ("check-message", "--json"), GENUINE),
    Case("message-bank-call", ("check-message", "--json", "--channel", "call"), BANK_CALL),
    Case("quiz-topics", ("scam-quiz", "--list-topics", "--json")),
    Case("quiz-session", ("scam-quiz", "--seed", "1", "-n", "5", "--json"), QUIZ_ANSWERS),
    Case(
        "quiz-confidence",
        ("scam-quiz", "--seed", "2", "-n", "3", "--confidence", "--json"),
        "A\n3\nS\n1\nq\n",
    ),
    Case("quiz-stats-empty", ("scam-quiz", "--stats", "--json")),
    Case("quiz-stats", ("scam-quiz", "--stats", "--json"), setup=_saved_quiz),
    Case("quiz-export-stdout", ("scam-quiz", "--export", "markdown", "--seed", "4", "--json")),
    Case(
        "quiz-export-file",
        ("scam-quiz", "--export", "markdown", "--seed", "4", "--json"),
        setup=_export_file,
    ),
    Case("quiz-reset", ("scam-quiz", "--reset", "--json")),
    Case("password-weak", ("password", "--no-breach-check", "--json"), WEAK + "\n"),
    Case("password-strong", ("password", "--no-breach-check", "--json"), STRONG + "\n"),
    Case("password-offline", ("password", "--json"), WEAK + "\n", setup=_offline_list),
    Case(
        "audit-bitwarden",
        ("audit", str(AUDIT_DATA / "bitwarden.csv"), "--no-breach-check", "--json"),
    ),
    Case("audit-offline", ("audit", str(AUDIT_DATA / "chrome.csv"), "--json"), setup=_offline_list),
    Case("checkup-complete", ("checkup", "individual", "--no-save", "--json"), CHECKUP_ANSWERS),
    Case("checkup-partial", ("checkup", "business", "--no-save", "--json"), "y\nn\np\nq\n"),
    Case(
        "checkup-compare",
        ("checkup", "individual", "--json"),
        CHECKUP_ANSWERS.replace("n", "y"),
        setup=_saved_checkup,
    ),
    Case("checkup-last", ("checkup", "individual", "--last", "--json"), setup=_saved_checkup),
)


def normalise(value: Any) -> Any:
    """Replace values that differ between runs, so two runs can be compared."""
    if isinstance(value, dict):
        return {k: "<volatile>" if k in VOLATILE else normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"/tmp/\S+", "<tmp>", value)
    return value


#: The day the golden outputs are produced on (contacts' freshness is judged against it).
GOLDEN_TODAY = "2026-12-01"


def run_case(case: Case, tmp: Path, *, normalised: bool = True) -> tuple[int, Any]:
    """Run one case (in a fresh data folder) and return its exit code and (normalised) JSON."""
    import contextlib
    import io
    import os
    import sys

    from sochelp.cli import main

    extra: list[str] = []
    out, err = io.StringIO(), io.StringIO()
    saved_in, saved_today = sys.stdin, os.environ.get("SOCHELP_TODAY")
    # Freshness ("last checked N months ago"), dates printed on exports and what is due for
    # review depend on today: pin it, for the set-up too, so the outputs stay put.
    os.environ["SOCHELP_TODAY"] = GOLDEN_TODAY
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if case.setup is not None:
                extra = case.setup(tmp) or []
        sys.stdin = io.StringIO(case.stdin)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*case.args, *extra])
    finally:
        sys.stdin = saved_in
        if saved_today is None:
            del os.environ["SOCHELP_TODAY"]
        else:
            os.environ["SOCHELP_TODAY"] = saved_today
    assert out.getvalue().strip(), f"{case.name}: no output (stderr: {err.getvalue()})"
    data = json.loads(out.getvalue())
    return code, normalise(data) if normalised else data


def capture() -> None:
    """Write every case's output to ``tests/golden/NAME.json`` (run from the repository)."""
    import os
    import tempfile

    import sochelp.content.store as content_store

    fixture = REPO / "tests" / "data" / "content"
    content_store.bundled_root = lambda: fixture  # type: ignore[assignment]
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["SOCHELP_DATA_DIR"] = str(Path(tmp) / "data")
            os.environ["SOCHELP_CACHE_DIR"] = str(Path(tmp) / "cache")
            code, data = run_case(case, Path(tmp))
        document = {"exit_code": code, "output": data}
        text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
        (GOLDEN / f"{case.name}.json").write_text(text, encoding="utf-8")
        print(f"{case.name}: exit {code}")


if __name__ == "__main__":
    capture()
