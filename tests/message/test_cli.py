"""The check-message command as a user meets it (piped input, files, options, bad input)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LAUNCHER, finish, interrupt, run_cli, spawn_sochelp

SCAM = (
    "HMRC: you are eligible for a tax refund of £326.80. Claim within 24 hours at "
    "hxxps://hmrc-refund-claim[.]top/login or a fine will be issued."
)
PLAIN = "See you at the cafe at 6, I'll bring the book."


def test_scam_text_from_stdin() -> None:
    result = run_cli(["check-message"], input=SCAM)
    assert result.exit_code == 1
    assert result.stdout.startswith("Strong signs of a scam")
    assert "hmrc-refund-claim.top" in result.stdout
    assert "7726" in result.stdout
    assert "sochelp report scam-text" in result.stdout
    assert "safe" not in result.stdout.split("\n")[0].lower()


def test_nothing_found_still_says_it_is_not_proof_of_safety() -> None:
    result = run_cli(["check-message"], input=PLAIN)
    assert result.exit_code == 0
    assert result.stdout.startswith("No known warning signs found (that does not make it safe)")


def test_json_schema() -> None:
    result = run_cli(
        ["check-message", "--json", "--from", "+447700900123", "--channel", "sms"], input=SCAM
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["verdict"] == "scam"
    assert isinstance(data["score"], int)
    assert data["report_situation"] == "scam-text"
    assert {"kind", "evidence", "explanation"} <= set(data["flags"][0])
    link = data["links"][0]
    assert link["domain"] == "hmrc-refund-claim.top"
    assert link["url"].startswith("https://")
    assert all({"code", "explanation"} <= set(flag) for flag in link["flags"])


def test_url_option() -> None:
    bad = run_cli(["check-message", "--url", "paypa1.com/login", "--json"])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["report_situation"] == "scam-website"
    good = run_cli(["check-message", "--url", "https://www.gov.uk/"])
    assert good.exit_code == 0
    assert "official site" in good.stdout


def test_file_argument(tmp_path: Path) -> None:
    path = tmp_path / "message.txt"
    path.write_text(SCAM, encoding="utf-8")
    result = run_cli(["check-message", str(path), "--channel", "email"])
    assert result.exit_code == 1
    assert result.stdout.startswith(("Strong signs of a scam", "Some warning signs"))
    assert "Forward a scam email to report@phishing.gov.uk" in result.stdout
    assert "Paste the message" not in result.stderr  # a file is read without asking


@pytest.mark.parametrize(
    ("args", "data", "message"),
    [
        (["check-message"], "", "empty"),
        (["check-message"], "   \n\t ", "empty"),
        (["check-message"], b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (["check-message"], b"caf\xe9 \xff\xfe", "not UTF-8"),
        (["check-message", "--channel", "pigeon"], PLAIN, "Unknown channel"),
        (["check-message", "--url", "not a link"], None, "does not look like a web address"),
        (["check-message", "--url", "x.com", "file.txt"], None, "not both"),
        (["check-message", "/no/such/file.txt"], None, "no file"),
    ],
)
def test_unusable_input_exits_2_with_a_clear_message(
    args: list[str], data: str | bytes | None, message: str
) -> None:
    result = run_cli(args, input=data)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_very_large_input_is_bounded() -> None:
    big = ("Ordinary words about the weekend and the weather. " * 25_000)[:1_200_000]
    result = run_cli(["check-message", "--json"], input=big + SCAM)
    # The scam comes after the first megabyte, so it is not read.
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["truncated"] is True and data["verdict"] == "none_found"
    plain = run_cli(["check-message"], input=big + SCAM)
    assert "Only the first 1 MB of the input was checked." in plain.stdout


def test_only_the_first_fifty_links_are_checked_and_the_answer_says_so() -> None:
    text = "Links: " + " ".join(f"https://site{n}.example.com/" for n in range(60))
    result = run_cli(["check-message", "--json"], input=text)
    data = json.loads(result.stdout)
    assert data["links_capped"] is True and len(data["links"]) == 50
    plain = run_cli(["check-message"], input=text)
    assert "Only the first 50 links were checked." in plain.stdout


def test_help_lists_the_command() -> None:
    result = run_cli(["--help"])
    assert "check-message" in result.stdout


@pytest.mark.pty
def test_terminal_prompt_then_paste() -> None:
    child = spawn_sochelp("check-message", colour=False)
    child.expect("Paste the message")
    child.sendline("Hi Mum, this is my new number, can you pay a bill for me")
    child.sendeof()
    child.expect("Some warning signs|Strong signs of a scam")
    output = finish(child)
    assert child.exitstatus == 1
    assert "Forward a scam text to 7726" in output


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("hxxp://paypal-login[.]com/x", "paypal-login.com"),
        ("royalmail-fee[.]com", "royalmail-fee.com"),
        ("xn--pypal-4ve.com", "xn--pypal-4ve.com"),
        ("http://203.0.113.9/login", "203.0.113.9"),
        ("https://www.paypal.com@evil.example.ru/", "example.ru"),
    ],
)
def test_odd_urls_are_understood(url: str, domain: str) -> None:
    result = run_cli(["check-message", "--url", url, "--json"])
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["links"][0]["domain"] == domain
    assert data["verdict"] in ("suspicious", "scam")


def test_a_folder_is_refused_kindly(tmp_path: Path) -> None:
    result = run_cli(["check-message", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_cli(["check-message", str(path)])
    assert result.exit_code == 2
    assert "binary" in result.stderr


SAFE_PHRASES = ("does not make it safe", "does not make a message safe", "safe account")


@pytest.mark.parametrize(
    "text",
    [
        SCAM,
        PLAIN,
        "Royal Mail: track at https://www.royalmail.com/track or email help@royalmail.com",
        "Move your money to a safe account now, the police will call you.",
    ],
)
def test_output_never_calls_a_message_safe(text: str) -> None:
    output = run_cli(["check-message"], input=text).stdout.lower()
    for phrase in SAFE_PHRASES:
        output = output.replace(phrase, "")
    assert "safe" not in output


def test_link_list_uses_words_not_internal_codes() -> None:
    result = run_cli(["check-message", "--url", "http://paypal-secure-login.top/x"])
    links_part = result.stdout.split("Links:")[1].split("What to do now")[0]
    assert "borrows an organisation's name" in links_part
    assert "org-name-in-domain" not in result.stdout
    assert "plain-http" not in result.stdout


def test_addresses_in_json() -> None:
    result = run_cli(["check-message", "--json"], input="Contact hmrc.refunds@gmail.com now")
    data = json.loads(result.stdout)
    assert data["addresses"] == [
        {
            "address": "hmrc.refunds@gmail.com",
            "domain": "gmail.com",
            "official_for": None,
            "flags": [{"code": "webmail", "explanation": data["addresses"][0]["flags"][0][
                "explanation"]}],
        }
    ]  # fmt: skip
    assert data["links"] == []


@pytest.mark.pty
def test_ctrl_c_while_pasting_exits_130_without_a_traceback() -> None:
    child = spawn_sochelp("check-message", colour=False)
    child.expect("Paste the message")
    child.sendline("Hi Mum, this is my new")
    interrupt(child)
    output = finish(child)
    assert child.exitstatus == 130
    assert "sochelp: stopped (Ctrl-C); nothing was checked." in output
    assert "Traceback" not in output


@pytest.mark.pty
def test_rich_view_in_a_colour_terminal() -> None:
    child = spawn_sochelp("check-message", "--url", "https://paypa1.com/login", dimensions=(60, 80))
    output = finish(child)
    assert child.exitstatus == 1
    assert "\x1b[" in output  # coloured
    assert "Strong signs of a scam" in output or "Some warning signs" in output
    assert "look-alike of a real site" in output
    assert all(len(line) <= 80 for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines())


def test_a_message_typed_as_the_file_name_is_told_how_to_give_it() -> None:
    text = "HSBC: A new payee was added to your account. If this was NOT you, call us."
    result = run_cli(["check-message", text])
    assert result.exit_code == 2
    assert "looks like the message itself" in result.stderr
    assert "paste the message" in result.stderr
    assert "Traceback" not in result.stderr
    assert text not in result.stderr  # (only its start is repeated back)


def test_a_missing_file_with_spaces_in_its_path_is_still_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "scam texts from the bank last week" / "the first one of them.txt"
    result = run_cli(["check-message", str(path)])
    assert result.exit_code == 2
    assert f"There is no file called {path}." in result.stderr


@pytest.mark.pty
def test_a_terminal_is_told_why_the_first_run_waits() -> None:
    from sochelp.commands.check_message import PREPARING

    child = spawn_sochelp("check-message", fixture=True, colour=False, dimensions=(40, 200))
    child.expect_exact(PREPARING)
    child.expect("Paste the message")
    child.sendline("Hi Mum, this is my new number")
    child.sendeof()
    finish(child)
    again = spawn_sochelp("check-message", fixture=True, colour=False, dimensions=(40, 200))
    again.expect("Paste the message")
    assert "preparing" not in (again.before or "")
    again.sendeof()
    finish(again)


def test_a_script_s_stderr_gets_no_preparing_note(tmp_path: Path) -> None:
    env = {**os.environ, "SOCHELP_CACHE_DIR": str(tmp_path / "cold")}
    done = subprocess.run(
        [sys.executable, str(LAUNCHER), "check-message", "-"],
        input="Hi Mum, this is my new number",
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    assert list((tmp_path / "cold").glob("message-content-*.pickle"))  # it was a cold build
