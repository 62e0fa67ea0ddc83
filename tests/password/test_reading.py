"""Reading the password from a terminal or the first line of stdin, bounded and validated."""

from __future__ import annotations

import io

import pytest

from sochelp.environment import Environment
from sochelp.errors import InputError
from sochelp.password import reading
from sochelp.password.reading import MAX_PASSWORD_BYTES, read_password


def _env(data: bytes, *, tty: bool = False) -> Environment:
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    return Environment(
        stdin=stdin,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=tty,
        stdout_isatty=False,
        stderr_isatty=False,
        colour_allowed=False,
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hunter2\n", "hunter2"),
        (b"hunter2\r\n", "hunter2"),
        (b"hunter2", "hunter2"),
        (b"  spaced out \t\n", "  spaced out \t"),
        (b"first\nsecond\n", "first"),
        ("caf\u00e9 \u2603\n".encode(), "caf\u00e9 \u2603"),
    ],
)
def test_first_line_strips_only_the_line_ending(data: bytes, expected: str) -> None:
    assert read_password(_env(data)) == expected


@pytest.mark.parametrize("data", [b"", b"\n", b"\r\n"])
def test_empty_input_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="No password"):
        read_password(_env(data))


def test_invalid_utf8_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not UTF-8") as caught:
        read_password(_env(b"secretword\xff\xfe\n"))
    assert "secretword" not in str(caught.value)
    assert caught.value.__suppress_context__


def test_binary_data_is_an_input_error() -> None:
    with pytest.raises(InputError, match="binary"):
        read_password(_env(b"abc\x00def\n"))


def test_a_megabyte_is_refused_after_a_bounded_read() -> None:
    data = b"x" * (2 * 1024 * 1024) + b"\n"
    env = _env(data)
    with pytest.raises(InputError, match="longer than"):
        read_password(env)
    buffer = env.stdin.buffer
    assert buffer.tell() <= MAX_PASSWORD_BYTES + 2 + reading.DRAIN_BYTES


def test_longest_allowed_password_is_accepted() -> None:
    assert len(read_password(_env(b"y" * MAX_PASSWORD_BYTES + b"\r\n"))) == MAX_PASSWORD_BYTES
    with pytest.raises(InputError):
        read_password(_env(b"y" * (MAX_PASSWORD_BYTES + 1) + b"\n"))


def test_terminal_uses_the_hidden_prompt_and_never_reads_stdin() -> None:
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return "typed-secret"

    env = _env(b"not this\n", tty=True)
    assert read_password(env, getpass=fake_getpass) == "typed-secret"
    assert prompts == [reading.PROMPT]
    assert env.stdin.read() == "not this\n"


def test_end_of_input_at_the_prompt_is_an_input_error() -> None:
    def eof(prompt: str) -> str:
        raise EOFError

    from sochelp.errors import ExitCode, InputEndedError

    with pytest.raises(InputEndedError, match=r"stopped \(end of input\)") as caught:
        read_password(_env(b"", tty=True), getpass=eof)
    assert caught.value.exit_code == ExitCode.USAGE


def test_just_enter_at_the_prompt_says_nothing_was_typed() -> None:
    with pytest.raises(InputError, match="Nothing was typed") as caught:
        read_password(_env(b"", tty=True), getpass=lambda prompt: "")
    # At the prompt, the hint is about typing again, not about pipes.
    assert caught.value.hint is not None and "type the password at the prompt" in caught.value.hint
