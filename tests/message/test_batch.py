"""check-message --jsonl: many messages from one process, a bad line never stops the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sochelp.message import batch
from tests.conftest import finish, run_cli, spawn_sochelp

LINES = [
    {"text": "Hi Mum, my phone broke, this is my new number. Can you pay a bill for me?", "id": 7},
    {"text": "See you at the cafe at 6.", "channel": "sms"},
    {"text": "Your parcel is waiting, pay £1.99 at evri-fee.top", "from": "+447700900123"},
]


def _jsonl(items: list[object]) -> str:
    return "".join(
        (json.dumps(item) if not isinstance(item, str) else item) + "\n" for item in items
    )


def test_one_result_per_line_with_line_numbers_and_ids() -> None:
    result = run_cli(["check-message", "--jsonl", "-"], input=_jsonl(list(LINES)))
    assert result.exit_code == 1, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["line"] for item in out] == [1, 2, 3]
    assert out[0]["id"] == 7 and out[0]["verdict"] == "scam"
    assert out[1]["verdict"] == "none_found" and out[1]["channel"] == "sms"
    assert out[2]["verdict"] in ("scam", "suspicious")
    assert {"flags", "links", "advice", "requests", "claimed_sender"} <= set(out[0])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "not a JSON object"),
        ("[1, 2]", "not a JSON object"),
        ('{"text": 5}', "'text' must be a non-empty string"),
        ('{"text": "   "}', "'text' must be a non-empty string"),
        ('{"text": "hi", "channel": "pigeon"}', "unknown channel"),
        ('{"text": "hi", "from": 12}', "'from' must be a string"),
        ('{"text": "hi", "id": {"a": 1}}', "'id' must be a string or a number"),
    ],
)
def test_a_bad_line_gets_an_error_object_and_the_run_goes_on(line: str, reason: str) -> None:
    text = _jsonl([LINES[1], line, LINES[1]])
    result = run_cli(["check-message", "--jsonl", "-"], input=text)
    assert result.exit_code == 3  # incomplete: one line could not be checked
    out = [json.loads(item) for item in result.stdout.splitlines()]
    assert [item["line"] for item in out] == [1, 2, 3]
    assert reason in out[1]["error"]
    assert out[2]["verdict"] == "none_found"
    assert "Traceback" not in result.stderr


def test_blank_lines_are_skipped_and_a_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "messages.jsonl"
    path.write_text(_jsonl([LINES[1], "", LINES[1]]), encoding="utf-8")
    result = run_cli(["check-message", "--jsonl", str(path)])
    assert result.exit_code == 0
    assert [json.loads(x)["line"] for x in result.stdout.splitlines()] == [1, 3]


def test_an_overlong_line_is_an_error_for_that_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MAX_LINE_BYTES", 200)
    text = _jsonl([{"text": "x" * 500}, LINES[1]])
    result = run_cli(["check-message", "--jsonl", "-"], input=text)
    out = [json.loads(item) for item in result.stdout.splitlines()]
    assert "longer than 200 bytes" in out[0]["error"]
    assert out[1]["line"] == 2 and out[1]["verdict"] == "none_found"


def test_reading_stops_after_the_total_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MAX_TOTAL_BYTES", 300)
    text = _jsonl([LINES[1]] * 20)
    result = run_cli(["check-message", "--jsonl", "-"], input=text)
    out = [json.loads(item) for item in result.stdout.splitlines()]
    assert result.exit_code == 3
    assert "were not checked" in out[-1]["error"]
    assert 1 < len(out) < 20


@pytest.mark.parametrize(
    "args",
    [
        ["--jsonl", "-", "--url", "x.com"],
        ["--jsonl", "-", "--from", "+447700900123"],
        ["message.txt", "--jsonl", "-"],
    ],
)
def test_jsonl_takes_its_messages_only_from_its_lines(args: list[str]) -> None:
    result = run_cli(["check-message", *args], input="")
    assert result.exit_code == 2
    assert "--jsonl" in result.stderr


def test_a_missing_jsonl_file_is_a_clear_error() -> None:
    result = run_cli(["check-message", "--jsonl", "/no/such/file.jsonl"])
    assert result.exit_code == 2 and "no file" in result.stderr


def test_no_progress_when_standard_error_is_not_a_terminal() -> None:
    result = run_cli(["check-message", "--jsonl", "-"], input=_jsonl([LINES[1]] * 300))
    assert result.exit_code == 0
    assert "Checked" not in result.stderr


@pytest.mark.pty
def test_progress_on_a_terminal_for_a_large_input(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(_jsonl([LINES[1]] * 600), encoding="utf-8")
    child = spawn_sochelp("check-message", "--jsonl", str(path), colour=False)
    output = finish(child)
    assert child.exitstatus == 0
    assert "Checked 600 messages: 0 with warning signs, 0 lines not checked." in output


@pytest.mark.parametrize(
    ("name", "channel"),
    [
        ("call transcript", "call"),
        ("Call-Transcript", "call"),
        ("voicemail", "call"),
        ("text", "sms"),
        ("E-mail", "email"),
        ("link", "web"),
        ("WhatsApp", "whatsapp"),
        ("Telegram", "chat"),
        ("signal", "chat"),
        ("Viber", "chat"),
        ("Facebook Messenger", "chat"),
        ("direct message", "chat"),
    ],
)
def test_common_names_of_a_channel_are_understood(name: str, channel: str) -> None:
    line = {"text": "See you at the cafe at 6.", "channel": name}
    result = run_cli(["check-message", "--jsonl", "-"], input=_jsonl([line]))
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["channel"] == channel
    single = run_cli(["check-message", "--json", "--channel", name], input=line["text"])
    assert single.exit_code == 0, single.stderr
    assert json.loads(single.stdout)["channel"] == channel


def test_an_unknown_channel_name_is_still_a_usage_error() -> None:
    result = run_cli(["check-message", "--channel", "pigeon post"], input="hello")
    assert result.exit_code == 2
    assert "Unknown channel" in result.stderr and "Traceback" not in result.stderr
    assert "telegram" in result.stderr  # the hint says where other messaging apps go
