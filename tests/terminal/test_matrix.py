"""Every command's human output at widths {30, 40, 80, 120, 200} x {colour, NO_COLOR, piped} x
{UTF-8, ASCII}: nothing cut, nothing too wide, no exception.

Results are made once by running the real command in-process (with ``show`` recording what it
was given), then drawn again for every cell of the matrix through the same ``show`` on a fixed-
width recording stream: fast, and the same code path as a terminal. What is checked:

- every phone number, email and web address in the content shown (the contacts of a report, and
  every address the unwrapped output holds) appears whole: not cut, ellipsised, or split across
  lines, after joining nothing;
- on a terminal no line is wider than the terminal, except a line holding one whole address,
  number or id (left for the terminal to wrap, so it stays copyable);
- NO_COLOR gives exactly the colour layout without the colour; a pipe is never wrapped;
- an ASCII stream gets ASCII only (readable stand-ins), JSON stays the same data.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sochelp.environment import READABLE_ERRORS, Environment, OutputMode, ascii_text
from sochelp.render import View, show
from sochelp.render.layout import ADDRESS, cell_width
from tests.conftest import REPO, remember

WIDTHS = (30, 40, 80, 120, 200)
MODES = ("colour", "no-color", "piped")
ENCODINGS = ("utf-8", "ascii")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
#: A single word that must stay whole (an id, a command word, a quoted address): cutting it
#: anywhere would be the mistake this module looks for.
ID_LIKE = re.compile(r"^\S+$")


# ---------------------------------------------------------------- drawing one result


@dataclass
class Drawn:
    """What one cell of the matrix printed."""

    text: str
    width: int
    mode: str
    encoding: str


def terminal(width: int, mode: str, encoding: str) -> tuple[Environment, Callable[[], str]]:
    """An environment whose stdout is a recording stream of ``width`` columns."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=READABLE_ERRORS, newline="\n")
    env = Environment(
        stdin=io.StringIO(""),
        stdout=stream,
        stderr=io.StringIO(),
        stdin_isatty=False,
        stdout_isatty=mode != "piped",
        stderr_isatty=False,
        colour_allowed=mode == "colour",
        rich_allowed=True,
        columns=width,
    )

    def read() -> str:
        stream.flush()
        return raw.getvalue().decode(encoding)

    return env, read


def draw(view: View[Any], result: Any, width: int, mode: str, encoding: str) -> Drawn:
    env, read = terminal(width, mode, encoding)
    output_mode = OutputMode.PLAIN if mode == "piped" else env.output_mode(False)
    show(view, result, output_mode, env)
    return Drawn(read(), width, mode, encoding)


# ---------------------------------------------------------------- what must be whole


def expected_atoms(view: View[Any], result: Any) -> set[str]:
    """Every address and grouped number in the unwrapped plain view, plus each report
    contact's phone, text number, email, web address and source."""
    atoms = {m.group().rstrip(".,;:)'\"’”") for m in ADDRESS.finditer(view.as_text(result))}
    for contact in getattr(result, "contacts", ()):
        for name in ("phone", "text", "email", "web", "source"):
            value = getattr(contact, name, None)
            if value:
                atoms.add(str(value))
    return {a for a in atoms if len(a) > 3}


def assert_whole(drawn: Drawn, atoms: set[str]) -> None:
    text = ANSI.sub("", drawn.text)
    for atom in atoms:
        wanted = ascii_text(atom) if drawn.encoding == "ascii" else atom
        assert wanted in text, f"{drawn.mode}/{drawn.encoding}/{drawn.width}: {atom!r} was cut"


def assert_fits(drawn: Drawn) -> None:
    if drawn.mode == "piped":
        return
    for line in ANSI.sub("", drawn.text).split("\n"):
        if cell_width(line) <= drawn.width:
            continue
        body = line.strip()
        one_address = ADDRESS.fullmatch(body.rstrip(".,;:)")) is not None
        one_word = " " not in body and ID_LIKE.match(body) is not None
        assert one_address or one_word, (
            f"{drawn.mode}/{drawn.encoding}/{drawn.width}: too wide ({cell_width(line)}): {line!r}"
        )


def check_matrix(view: View[Any], result: Any, widths: tuple[int, ...] = WIDTHS) -> None:
    """Draw ``result`` in every cell and check each (see the module notes)."""
    atoms = expected_atoms(view, result)
    piped: dict[str, str] = {}
    for encoding in ENCODINGS:
        for width in widths:
            colour = draw(view, result, width, "colour", encoding)
            plain = draw(view, result, width, "no-color", encoding)
            pipe = draw(view, result, width, "piped", encoding)
            for drawn in (colour, plain, pipe):
                assert_whole(drawn, atoms)
                assert_fits(drawn)
                if encoding == "ascii":
                    assert drawn.text.isascii()
            assert "\x1b[3" not in plain.text and "\x1b[9" not in plain.text  # no colour
            assert ANSI.sub("", colour.text) == ANSI.sub("", plain.text)  # colour only
            assert "\x1b[" not in pipe.text
            # A pipe is never wrapped: the width of a terminal that is not there changes nothing.
            assert piped.setdefault(encoding, pipe.text) == pipe.text


# ---------------------------------------------------------------- results from the real commands


def recorded(args: list[str], stdin: str = "") -> list[tuple[View[Any], Any]]:
    """Run ``sochelp ARGS`` in-process; the (view, result) pairs it showed."""
    import sochelp.render as render
    from tests.conftest import run_cli

    seen: list[tuple[View[Any], Any]] = []
    real = render.show

    def recording(view: View[Any], result: Any, mode: OutputMode, env: Environment) -> None:
        seen.append((view, result))
        real(view, result, mode, env)

    render.show = recording  # type: ignore[assignment]
    try:
        outcome = run_cli(args, input=stdin)
    finally:
        render.show = real  # type: ignore[assignment]
    assert outcome.exit_code != 70, outcome.stderr
    assert seen, f"sochelp {' '.join(args)} showed nothing: {outcome.stderr}"
    return seen


def _quiz_answers() -> str:
    return "a\n" * 4


def _checkup_answers() -> str:
    return "\n".join(["n", "p", "y", "na"] * 5) + "\n"


CASES: dict[str, tuple[list[str], str]] = {
    "report-list": (["report", "--list"], ""),
    "signs-list": (["signs", "--list"], ""),
    "signs-guide": (["signs", "county-lines"], ""),
    "message-scam": (
        [
            "check-message",
            "--from",
            "+44 7700 900456",
        ],
        "Royal Mail: your parcel could not be delivered. Pay the £1.45 fee today at "
        "https://royalmail-redelivery.co.uk.verify-parcel.top/pay/now/parcel-GB-2026-000123456 "
        "or call 0800 123 4567. Reply to help@royal-mail-support.com\n",
    ),
    "quiz-topics": (["scam-quiz", "--list-topics"], ""),
    "quiz-summary": (["scam-quiz", "-n", "4", "--seed", "3", "--no-save"], _quiz_answers()),
    "checkup": (["checkup", "business", "--no-save"], _checkup_answers()),
    "about": (["about"], ""),
    "config": (["config"], ""),
    "password": (["password", "--no-breach-check"], "hibs1875\n"),
    "audit": (
        ["audit", str(REPO / "tests" / "audit" / "data" / "bitwarden.csv"), "--no-breach-check"],
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_command_fits_every_terminal(name: str) -> None:
    remember(region="scotland")
    args, stdin = CASES[name]
    for view, result in recorded(args, stdin):
        check_matrix(view, result)


def test_quiz_stats_fit(tmp_path: Path) -> None:
    remember(region="scotland")
    recorded(["scam-quiz", "-n", "5", "--seed", "1"], _quiz_answers())
    recorded(["scam-quiz", "-n", "5", "--seed", "2"], _quiz_answers())
    for view, result in recorded(["scam-quiz", "--stats"]):
        check_matrix(view, result)


def test_rollup_fits(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    for number in range(6):
        answers = [*["y", "n", "p", "na", "n"][number % 5 :], "y", "n", "p", "na", "n"]
        out = returns / f"r{number}.json"
        recorded(
            ["checkup", "business", "--no-save", "--export", "json", "--output", str(out)],
            "\n".join(answers * 4) + "\n",
        )
    for view, result in recorded(["checkup", "--rollup", str(returns)]):
        check_matrix(view, result)


def _every_report() -> Iterator[tuple[str, str]]:
    from sochelp.content.store import ContentStore
    from sochelp.report import content as report_content
    from sochelp.scopes import Region

    for situation in report_content.load(ContentStore()).situations:
        for region in Region:
            yield situation.id, region.value


def test_every_report_keeps_every_contact_whole() -> None:
    """Every situation in every region: each contact's number, email, web address and source
    whole at the narrowest and a common width, in colour and ASCII, and piped."""
    from sochelp.content.store import ContentStore
    from sochelp.render.report import REPORT_VIEW
    from sochelp.report import content as report_content
    from sochelp.report.core import build_report

    content = report_content.load(ContentStore())
    for situation, region in _every_report():
        result = build_report(content, situation, region)  # type: ignore[arg-type]
        atoms = expected_atoms(REPORT_VIEW, result)
        assert atoms, situation
        for width in (30, 80):
            for mode, encoding in (("colour", "utf-8"), ("no-color", "ascii"), ("piped", "utf-8")):
                drawn = draw(REPORT_VIEW, result, width, mode, encoding)
                assert_whole(drawn, atoms)
                assert_fits(drawn)


def test_urgent_reports_end_with_the_999_line() -> None:
    from sochelp.content.store import ContentStore
    from sochelp.render.report import REPORT_VIEW
    from sochelp.report import content as report_content
    from sochelp.report.core import build_report

    content = report_content.load(ContentStore())
    urgent = [s.id for s in content.situations if s.urgent]
    assert urgent
    for situation in urgent:
        result = build_report(content, situation, "scotland")  # type: ignore[arg-type]
        for width, mode in ((30, "colour"), (120, "no-color"), (80, "piped")):
            text = ANSI.sub("", draw(REPORT_VIEW, result, width, mode, "utf-8").text)
            last = text.rstrip().split("\n")[-1]
            assert "call 999" in last, (situation, width, mode, last)


def test_json_is_the_same_data_at_any_width_and_encoding() -> None:
    remember(region="scotland")
    for view, result in recorded(["report", "fraud-loss", "--json"]):
        outputs = set()
        for width in WIDTHS:
            for encoding in ENCODINGS:
                env, read = terminal(width, "colour", encoding)
                show(view, result, OutputMode.JSON, env)
                text = read()
                assert text.isascii() or encoding == "utf-8"
                outputs.add(json.dumps(json.loads(text), sort_keys=True))
        assert len(outputs) == 1


# ------------------------------------------------------- screens drawn while a session runs


def _questions_with_addresses(limit: int = 6) -> list[Any]:
    """Quiz items whose scenario holds a web address, an email address or a phone number."""
    import random

    from sochelp.content.store import ContentStore
    from sochelp.quiz import content as quiz_content
    from sochelp.quiz.engine import select

    content = quiz_content.load(ContentStore())
    chosen = [
        q for q in content.questions if ADDRESS.search(q.scenario.body + (q.scenario.sender or ""))
    ]
    assert len(chosen) >= limit
    import datetime as dt

    picked = random.Random(5).sample(chosen, limit)
    return list(select(picked, limit, random.Random(1), today=dt.date(2026, 12, 1)))


def test_quiz_questions_and_feedback_fit() -> None:
    from sochelp.content.store import ContentStore
    from sochelp.quiz import content as quiz_content
    from sochelp.quiz.engine import score
    from sochelp.render.quiz import QuizDisplay, feedback_lines, question_text

    names = dict(quiz_content.load(ContentStore()).flag_names)
    for item in _questions_with_addresses():
        answer = score(item, [0])
        plain = question_text(item) + "\n".join(feedback_lines(answer, names))
        atoms = {m.group().rstrip(".,;:)'\"’”") for m in ADDRESS.finditer(plain)}
        for width in WIDTHS:
            for mode in MODES:
                for encoding in ENCODINGS:
                    env, read = terminal(width, mode, encoding)
                    output_mode = OutputMode.PLAIN if mode == "piped" else OutputMode.RICH
                    display = QuizDisplay.for_env(env, output_mode, names)
                    display.question(item)
                    display.feedback(answer)
                    drawn = Drawn(read(), width, mode, encoding)
                    assert_whole(drawn, {a for a in atoms if len(a) > 3})
                    assert_fits(drawn)


def test_present_screens_fit() -> None:
    from sochelp.render.present import RoomScreen

    for item in _questions_with_addresses(3):
        for width in WIDTHS:
            for mode in ("colour", "no-color"):
                env, read = terminal(width, mode, "utf-8")
                env.stdin_isatty = True  # a facilitator at the keyboard: the full-screen view
                screen = RoomScreen.for_env(env, OutputMode.RICH, {})
                assert screen.rich
                screen.question(item, revealed=False, hands=None)
                screen.question(item, revealed=True, hands=(3,) * len(item.options))
                assert_fits(Drawn(read(), width, mode, "utf-8"))


def test_help_fits_every_width() -> None:
    """--help of every command: value names readable, choices never split mid-word."""
    import typer

    from sochelp.cli import build_app
    from sochelp.helptext import help_text, walk

    root = typer.main.get_command(build_app())
    for entry in walk(root):
        for width in WIDTHS:
            text = help_text(entry.command, entry.path, width)
            for bad in ("<bool>", "<int", "<list", "<str>", "<file>", "<float", "<path>"):
                assert bad not in text, (entry.path, bad)
            assert_fits(Drawn(text, width, "no-color", "utf-8"))
            # Every choice word appears whole on one line (never split at a hyphen).
            for word in ("third-sector", "young-people", "england-wales", "northern-ireland"):
                if word in help_text(entry.command, entry.path, 1000):
                    assert word in text, (entry.path, width, word)


def test_a_wrapped_good_sign_hangs_under_its_words() -> None:
    from sochelp.message.model import Channel
    from sochelp.render.message import MESSAGE_VIEW
    from tests.message.helpers import check

    result = check(
        "Rs 99.00 spent on your card. Convert to EMI? visit: https://cc.suryoday.bank.in/emi-web",
        Channel.SMS,
    )
    assert result.good_signs
    lines = draw(MESSAGE_VIEW, result, 40, "no-color", "utf-8").text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  \u2713 "))
    assert lines[start + 1].startswith("    ") and "suryoday.bank.in" in lines[start + 1]
