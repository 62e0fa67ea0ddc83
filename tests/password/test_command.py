"""``sochelp password`` end to end: output modes, exit codes, options, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from sochelp.breach.interface import HashedPassword
from tests.conftest import REPO, run_cli
from tests.password.helpers import STRONG, WEAK, closed_port, range_body

JSON_KEYS = {
    "score",
    "min_score",
    "verdict",
    "guesses_log10",
    "crack_times",
    "warning",
    "suggestions",
    "local_warnings",
    "length_evaluated",
    "truncated",
    "substitutions_limited",
    "breach",
    "advice",
}


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    sleeps: list[float] = []
    monkeypatch.setattr("sochelp.breach.api._default_sleep", sleeps.append)
    return sleeps


def _serve(httpserver: HTTPServer, password: str, count: int) -> str:
    prefix = HashedPassword.of(password).prefix
    httpserver.expect_request(f"/range/{prefix}", method="GET").respond_with_data(
        range_body(password, count), content_type="text/plain"
    )
    return httpserver.url_for("/")


def test_strong_and_not_found_exits_0(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, STRONG, 0)
    result = run_cli(["password", "--api-url", url], input=STRONG + "\n")
    assert result.exit_code == 0, result.stderr
    assert "not found in known data breaches (Pwned Passwords)" in result.stdout
    assert "Strength: 4 of 4 [####] very strong" in result.stdout
    assert "Let a password manager remember them" in result.stdout


def test_found_in_breaches_exits_1_with_count(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, STRONG, 12345)
    result = run_cli(["password", "--api-url", url, "--json"], input=STRONG + "\r\n")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == JSON_KEYS
    assert data["breach"] == {"checked": True, "count": 12345, "source": "api", "error": None}
    assert data["verdict"] == "breached"
    assert data["advice"][0]["id"] == "change-breached"


def test_env_var_selects_the_service(httpserver: HTTPServer) -> None:
    url = _serve(httpserver, STRONG, 3)
    result = run_cli(["password"], input=STRONG, env={"SOCHELP_RANGE_API": url})
    assert result.exit_code == 1
    assert "FOUND 3 times" in result.stdout


def test_weak_password_exits_1_and_gets_local_advice() -> None:
    result = run_cli(["password", "--no-breach-check", "--json"], input=WEAK + "\n")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["score"] < 3 and data["verdict"] == "weak"
    assert data["local_warnings"]
    assert data["breach"]["source"] == "none" and data["breach"]["checked"] is False
    assert "three-random-words" in [a["id"] for a in data["advice"]]


def test_unreachable_service_still_shows_strength_and_exits_3(_no_waiting: list[float]) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    result = run_cli(["password", "--api-url", url], input=STRONG + "\n")
    assert result.exit_code == 3
    assert "Strength: 4 of 4" in result.stdout
    assert "NOT CHECKED, the breach service could not be reached" in result.stdout
    assert len(_no_waiting) == 2  # bounded retries


def test_weak_beats_unreachable() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    result = run_cli(["password", "--api-url", url, "--json"], input=WEAK + "\n")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["breach"]["checked"] is False


def test_garbage_from_the_service_is_not_a_false_not_found(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/range/{HashedPassword.of(STRONG).prefix}").respond_with_data(
        "<html>maintenance</html>"
    )
    result = run_cli(["password", "--api-url", httpserver.url_for("/"), "--json"], input=STRONG)
    assert result.exit_code == 3
    breach = json.loads(result.stdout)["breach"]
    assert breach["checked"] is False and breach["count"] is None
    assert breach["error"].startswith("unexpected response from the breach service")


def test_min_score() -> None:
    lenient = run_cli(["password", "--no-breach-check", "--min-score", "0"], input=WEAK)
    assert lenient.exit_code == 0
    assert "Strong enough (not checked against breaches)." in lenient.stdout
    assert "below the minimum" not in lenient.stdout
    strict = run_cli(["password", "--no-breach-check", "--min-score", "4"], input=WEAK)
    assert strict.exit_code == 1
    assert "below the minimum of 4" in strict.stdout
    impossible = run_cli(["password", "--no-breach-check", "--min-score", "5"], input=WEAK)
    assert impossible.exit_code == 2
    assert "--min-score" in impossible.stderr and impossible.stdout == ""


def test_user_input_words_count() -> None:
    base = run_cli(["password", "--no-breach-check", "--json"], input="zorbaquixley")
    own = run_cli(
        ["password", "--no-breach-check", "--json", "-u", "Zorba", "--user-input", "Quixley"],
        input="zorbaquixley",
    )
    assert json.loads(own.stdout)["score"] < json.loads(base.stdout)["score"]
    assert own.exit_code == 1


def test_long_password_says_only_part_was_rated() -> None:
    password = "glacier oboe tangerine " * 5
    result = run_cli(["password", "--no-breach-check"], input=password + "\n")
    assert "Only the first 64 characters were rated" in result.stdout
    data = json.loads(run_cli(["password", "--no-breach-check", "--json"], input=password).stdout)
    assert data["length_evaluated"] == 64 and data["truncated"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--no-breach-check", "--offline", "x"], "cannot be used together"),
        (["--offline", "x", "--api-url", "https://a.example"], "cannot be used together"),
        (["--api-url", "ftp://a.example"], "not a web address"),
        (["--offline", "/no/such/file"], "does not exist"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(["password", *args], input=STRONG)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_password_as_argument_is_refused_without_repeating_it() -> None:
    result = run_cli(["password", "--no-breach-check", "MyArgSecret99"], input=STRONG)
    assert result.exit_code == 2
    assert "The password cannot be given as an argument." in result.stderr
    assert "MyArgSecret99" not in result.stderr + result.stdout


@pytest.mark.parametrize("arg", ["--MyArgSecret99", "-MyArgSecret99", "--Secret=value"])
def test_unknown_option_is_refused_without_repeating_it(arg: str) -> None:
    # The parser's own "No such option: ..." would echo a password typed as an option.
    result = run_cli(["password", "--no-breach-check", arg], input=STRONG)
    assert result.exit_code == 2
    assert "not one 'sochelp password' knows" in result.stderr
    assert "Secret" not in result.stderr + result.stdout


def test_dash_argument_explains_that_stdin_is_read_anyway() -> None:
    result = run_cli(["password", "--no-breach-check", "-"], input=STRONG)
    assert result.exit_code == 2
    assert "reads standard input" in result.stderr and "Leave out the '-'" in result.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "No password was given"),
        (b"\n", "No password was given"),
        (b"abc\xff\n", "not UTF-8"),
        (b"\x00\x01\x02binary", "binary"),
        (b"z" * 1_100_000, "longer than 4096 bytes"),
    ],
)
def test_unusable_input(data: bytes, message: str) -> None:
    result = run_cli(["password", "--no-breach-check"], input=data)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_offline_file_from_the_cli(tmp_path: Path) -> None:
    full = HashedPassword.of(STRONG)
    lines = sorted([f"{'0' * 40}:1", f"{full.prefix}{full.suffix}:9", f"{'F' * 40}:2"])
    path = tmp_path / "pwned.txt"
    path.write_text("\r\n".join(lines) + "\r\n")
    result = run_cli(["password", "--offline", str(path), "--json"], input=STRONG)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["breach"] == {
        "checked": True,
        "count": 9,
        "source": "offline",
        "error": None,
    }
    text = run_cli(["password", "--offline", str(path)], input="Other-Strong-Pass-77!")
    assert (
        text.exit_code == 0
        and "not found in known data breaches (your offline copy)" in text.stdout
    )


def test_help_explains_input_and_exit_codes() -> None:
    result = run_cli(["password", "--help"])
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "no way to give it as an argument" in flat
    assert "Exit status: 0" in flat and "3 the breach check could not be completed" in flat


_PROBE = """
import sys
from sochelp.cli import main
code = main(sys.argv[1:])
sys.stderr.write("LOADED:" + ",".join(m for m in ("httpx", "zxcvbn") if m in sys.modules) + "\\n")
"""


def _loaded(args: list[str], stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED:")][-1]
    return line.removeprefix("LOADED:")


def test_heavy_modules_load_only_when_needed(tmp_path: Path) -> None:
    assert _loaded(["--version"]) == ""
    assert _loaded(["report", "--list"]) == ""
    assert _loaded(["password", "--no-breach-check"], STRONG) == "zxcvbn"
    path = tmp_path / "pwned.txt"
    path.write_text(f"{'0' * 40}:1\n")
    assert _loaded(["password", "--offline", str(path)], STRONG) == "zxcvbn"
