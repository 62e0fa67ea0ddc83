"""Reading the password: a hidden prompt on a terminal, else the first line of stdin.

The password is never taken from the command line, where other users of the machine and the
shell history could see it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sochelp.environment import Environment
from sochelp.errors import InputError

#: Longest password accepted, in UTF-8 bytes; a longer first line is not read any further.
MAX_PASSWORD_BYTES = 4096
#: How much of an over-long input is read and thrown away, so the program writing it does not get
#: a broken pipe; beyond this we simply stop reading.
DRAIN_BYTES = 16 * 1024 * 1024
_CHUNK = 64 * 1024

PROMPT = "Password to check (nothing is shown as you type): "

_NO_PASSWORD_HINT = (
    "Run 'sochelp password' in a terminal and type it at the hidden prompt, "
    "or pipe it in as the first line of standard input."
)


_TYPE_IT_HINT = (
    "Run 'sochelp password' again and type the password at the prompt, then press Enter. "
    "Nothing is shown as you type, not even stars."
)


def read_password(env: Environment, *, getpass: Callable[[str], str] | None = None) -> str:
    """The password to check, validated: not empty, UTF-8 text, at most MAX_PASSWORD_BYTES."""
    text = _prompt_hidden(getpass) if env.stdin_isatty else _first_line(env)
    return _validated(text)


def _prompt_hidden(getpass: Callable[[str], str] | None) -> str:
    if getpass is None:
        import getpass as getpass_module

        getpass = getpass_module.getpass
    try:
        text = getpass(PROMPT)
    except EOFError:
        from sochelp.errors import ExitCode, InputEndedError

        raise InputEndedError(
            "stopped (end of input); nothing was checked.",
            hint=_TYPE_IT_HINT,
            exit_code=ExitCode.USAGE,
        ) from None
    if text == "":
        raise InputError("Nothing was typed, so there is nothing to check.", hint=_TYPE_IT_HINT)
    return text


def _too_long() -> InputError:
    return InputError(
        f"The input is longer than {MAX_PASSWORD_BYTES} bytes, so it was not checked.",
        hint="Give just the password, on the first line. No real password needs to be that long.",
    )


def _first_line(env: Environment) -> str:
    limit = MAX_PASSWORD_BYTES + 2  # room for a CRLF line ending
    buffer = getattr(env.stdin, "buffer", None)
    if buffer is not None:
        raw: bytes = buffer.readline(limit)
        if len(raw) >= limit and not raw.endswith(b"\n"):
            _drain(buffer)
            raise _too_long()
        if raw.endswith(b"\n"):
            raw = raw[:-1]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(
                "The input is not UTF-8 text, so it cannot be a password to check.",
                hint="Give the password as text on the first line of standard input.",
            ) from None
    line = env.stdin.readline(limit)
    if len(line) >= limit and not line.endswith("\n"):
        raise _too_long()
    return line.removesuffix("\n").removesuffix("\r")


def _drain(buffer: Any) -> None:
    drained = 0
    while drained < DRAIN_BYTES:
        chunk = buffer.read1(_CHUNK) if hasattr(buffer, "read1") else buffer.read(_CHUNK)
        if not chunk:
            return
        drained += len(chunk)


def _validated(text: str) -> str:
    if text == "":
        raise InputError("No password was given.", hint=_NO_PASSWORD_HINT)
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_PASSWORD_BYTES:
        raise _too_long()
    if any((ord(ch) < 32 and ch != "\t") or ord(ch) == 127 for ch in text):
        raise InputError(
            "The input contains control characters, so it looks like binary data, not a password.",
            hint="Give the password as text on the first line of standard input.",
        )
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise InputError("The input is not valid Unicode text.", hint=_NO_PASSWORD_HINT)
    return text
