"""Reading the message to check: from a file or standard input, at most
:data:`MAX_INPUT_BYTES`, as UTF-8 text, with one plain-language error for unusable input."""

from __future__ import annotations

import re
from pathlib import Path

from sochelp.environment import Environment
from sochelp.errors import InputError
from sochelp.message.model import HEADER_START, MBOX_FROM_LINE

#: Input beyond this many bytes is not read; the answer says only the start was checked.
MAX_INPUT_BYTES = 1_048_576

#: Shown on a terminal before reading what is pasted.
PASTE_PROMPT = (
    "Paste the message, then press Enter and Ctrl-D (Ctrl-Z then Enter on Windows). "
    "Nothing is sent anywhere."
)


def read_message(file: Path | None, env: Environment) -> tuple[str, bool]:
    """The message text (from ``file``, or stdin for None or ``-``) and whether it was cut at
    :data:`MAX_INPUT_BYTES`."""
    email = False
    if file is not None and str(file) != "-":
        from sochelp.inputs import read_file_head

        if _typed_message(file):
            raise InputError(
                f"There is no file called '{str(file)[:40]}…': that looks like the message itself.",
                hint="Run sochelp check-message on its own and paste the message (then Enter "
                "and Ctrl-D), or pipe it in; a message typed after the command is kept in your "
                "shell history.",
            )
        raw = read_file_head(file, MAX_INPUT_BYTES, "a message file")
        email = saved_email(file)
    else:
        if env.stdin_isatty:
            from sochelp.render import plain_for

            env.stderr.write(plain_for(env, PASTE_PROMPT, stderr=True) + "\n")  # wrapped
            env.stderr.flush()
        raw = _pasted(env) if env.stdin_isatty else _read_stdin(env)
    return decode_message(raw, email=email)


def _typed_message(file: Path) -> bool:
    """Whether the "file" named is a message typed after the command: several words, longer
    than a file name is written, not written as a path ("/…", "./…", "~/…", "C:\\…", "….txt")
    and no such file."""
    written = str(file)
    return (
        len(written) > 40
        and written.count(" ") >= 4
        and _PATH_LIKE.match(written) is None
        and file.suffix.lower() not in (*EMAIL_SUFFIXES, ".txt", ".msg", ".json", ".jsonl")
        and not file.exists()
    )


_PATH_LIKE = re.compile(r"[/.~]|[A-Za-z]:[\\/]")


#: The start of a saved email: a header line ("From: …", "Received: …"), perhaps after an
#: mbox file's "From sender date" line.
_EMAIL_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:" + MBOX_FROM_LINE.encode() + rb")?" + HEADER_START.encode()
)
#: The first character set an email declares (its own or its first part's).
_CHARSET = re.compile(rb"\bcharset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
#: Saved emails and mailboxes.
EMAIL_SUFFIXES = (".eml", ".mbox", ".mbx")


def saved_email(file: Path | None) -> bool:
    """Whether ``file`` is named as a saved email or mailbox (``.eml``, ``.mbox``, ``.mbx``)."""
    return file is not None and file.suffix.lower() in EMAIL_SUFFIXES


def _pasted(env: Environment) -> bytes:
    """What was pasted at the terminal; leaving without pasting anything (Ctrl-D, Ctrl-C) is
    said in the words every prompt uses."""
    from sochelp.errors import ExitCode, InputEndedError, UserInterruptError

    try:
        raw = _read_stdin(env)
    except KeyboardInterrupt:
        raise UserInterruptError("stopped (Ctrl-C); nothing was checked.") from None
    if not raw.strip():
        raise InputEndedError(
            "stopped (end of input); nothing was checked.",
            hint="Paste the message, then press Enter and Ctrl-D; or give a file.",
            exit_code=ExitCode.USAGE,
        )
    return raw


def _read_stdin(env: Environment) -> bytes:
    buffer = getattr(env.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(MAX_INPUT_BYTES + 1)
        return data
    text = env.stdin.read(MAX_INPUT_BYTES + 1)
    return text.encode("utf-8", "surrogatepass")


def decode_message(raw: bytes, *, email: bool = False) -> tuple[str, bool]:
    """UTF-8 text of at most :data:`MAX_INPUT_BYTES` (a character cut at the limit is dropped)
    and whether it was cut; an input error for binary, non-UTF-8 or empty input.

    A saved email (``email``, or input that starts with a header line) may hold bytes of other
    character sets: its MIME parts say how to decode themselves, so stray bytes are replaced
    instead of refused."""
    truncated = len(raw) > MAX_INPUT_BYTES
    if truncated:
        raw = raw[:MAX_INPUT_BYTES]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark (Windows Notepad's "Unicode"): text, not binary.
        text = raw[: len(raw) - len(raw) % 2].decode("utf-16", errors="replace")
        return _usable(text), truncated
    if b"\x00" in raw[:65536]:
        raise InputError(
            "This looks like a binary file (a picture or document?), not a text message.",
            hint="Copy the words of the message into a plain text file, or paste them.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if email or _EMAIL_START.match(raw):
            text = _decode_email(raw)
        elif truncated and exc.start >= len(raw) - 3:
            text = raw[: exc.start].decode("utf-8-sig")  # cut through a character at the limit
        else:
            raise InputError(
                f"The message is not UTF-8 text (unreadable byte at position {exc.start}).",
                hint="Save it as UTF-8 text, or paste the words instead.",
            ) from None
    return _usable(text), truncated


def _usable(text: str) -> str:
    """``text``, or an input error when it holds nothing to read (blank, or only invisible
    characters and terminal codes)."""
    if not text.strip():
        raise InputError(
            "There is no message to check: the input is empty.",
            hint="Paste the message, give a file, or use --url for a single link.",
        )
    if not text.isascii() or "\x1b" in text:
        from sochelp.message.normalise import strip_hidden

        if not strip_hidden(text).strip():
            raise InputError(
                "There is no message to check: the input holds only invisible characters or "
                "terminal codes.",
                hint="Paste the words of the message, or give the file it is saved in.",
            )
    return text


def _decode_email(raw: bytes) -> str:
    """A saved email that is not UTF-8: 8-bit text in the character set it declares (mail from
    older programs is often windows-1252 or ISO-8859-1), else windows-1252, the usual one; only
    bytes that set cannot read are replaced."""
    import codecs

    declared = _CHARSET.search(raw[:256_000])
    names = [declared.group(1).decode("ascii")] if declared else []
    for name in [*names, "windows-1252"]:
        try:
            codec = codecs.lookup(name)
        except LookupError:
            continue
        if codec.name in ("utf-8", "utf-8-sig"):
            continue  # it is not UTF-8 (that failed): a wrong label
        if codec.name.startswith(("utf-16", "utf-32")):
            continue  # a label of one part, not the whole file's encoding
        try:
            return raw.decode(codec.name, errors="replace").removeprefix("\ufeff")
        except (UnicodeError, LookupError):
            continue
    return raw.decode("utf-8-sig", errors="replace")
