"""Many messages at once: ``check-message --jsonl FILE`` (or ``-`` for standard input).

Each input line is one JSON object: ``text`` (required), ``from`` and ``channel`` (optional),
and ``id`` (optional, any string or number, copied to the output so lines can be matched up).
Each output line is the ``--json`` result of that message with its ``line`` number (and
``id``), or ``{"line": N, "error": "..."}`` for a line that cannot be checked; a bad line
never stops the run. The content is loaded once, so a thousand messages take about as long as
a thousand analyses, not a thousand starts.

Input is bounded: a line longer than :data:`MAX_LINE_BYTES` is an error for that line (and is
skipped without being held in memory), and reading stops after :data:`MAX_TOTAL_BYTES` with a
final error line. Progress goes to standard error, only when it is a terminal.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from sochelp.message.model import Channel, MessageContent
from sochelp.message.reading import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from sochelp.environment import Environment

#: Longest input line read (a 1 MB message, JSON-escaped, with room for its fields).
MAX_LINE_BYTES = 4 * MAX_INPUT_BYTES
#: Most input read in one run; the rest is reported as not checked.
MAX_TOTAL_BYTES = 1024 * MAX_INPUT_BYTES
#: Progress is shown for inputs of at least this many lines, at most this often (seconds).
PROGRESS_AFTER = 200
PROGRESS_EVERY = 0.2


@dataclass
class BatchSummary:
    """What a batch run found: messages checked, with warning signs, and lines not checked."""

    checked: int = 0
    flagged: int = 0
    errors: int = 0
    stopped_early: bool = False


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, the line or None when it is too long, bytes read so far)."""
    number = 0
    total = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        total += len(line)
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            # Skip the rest of an overlong line without keeping it.
            while True:
                more = stream.readline(MAX_LINE_BYTES)
                total += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None, total
            continue
        yield number, line, total


def _message(raw: bytes) -> tuple[str, str | None, Channel | None, Any, bool]:
    """The text, sender, channel and id of one input line, and whether the text was cut at
    :data:`MAX_INPUT_BYTES` (as a single message is); ValueError says what is wrong."""
    try:
        item = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"not a JSON object: {error}") from None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    truncated = False
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) > MAX_INPUT_BYTES:
        # Cut as a single message is: only the first 1 MB is checked, and the result says so.
        text = encoded[:MAX_INPUT_BYTES].decode("utf-8", "ignore")
        truncated = True
    sender = item.get("from")
    if sender is not None and not isinstance(sender, str):
        raise ValueError("'from' must be a string")
    channel_value = item.get("channel")
    channel: Channel | None = None
    if channel_value is not None:
        try:
            channel = Channel.parse(str(channel_value))
        except ValueError:
            raise ValueError(
                f"unknown channel '{str(channel_value)[:40]}' (use {Channel.names()})"
            ) from None
    ident = item.get("id")
    if ident is not None and not isinstance(ident, (str, int, float)):
        raise ValueError("'id' must be a string or a number")
    if isinstance(ident, float) and not math.isfinite(ident):
        raise ValueError("'id' must be a finite number")  # NaN is not JSON
    if isinstance(ident, str):
        # A lone surrogate ("\ud800") cannot be written as UTF-8: it is replaced, not fatal.
        ident = ident.encode("utf-8", "replace").decode("utf-8")
    return text, sender, channel, ident, truncated


def run_source(source: str, content: MessageContent, env: Environment) -> int:
    """Check every line of a JSON lines file (``-``: standard input); the exit status: 3 when
    a line could not be checked, else 1 when any message shows signs, else 0."""
    from pathlib import Path

    from sochelp.errors import ExitCode, InputError
    from sochelp.inputs import open_input

    if source == "-":
        stream = getattr(env.stdin, "buffer", None)
        if stream is None:
            raise InputError("Standard input cannot be read as bytes for --jsonl.")
        summary = run(stream, content, env, None)
    else:
        path = Path(source)
        handle = open_input(path, "a JSON lines file", name=source[:200])
        with handle:
            try:
                size: int | None = path.stat().st_size
            except OSError:
                size = None
            summary = run(handle, content, env, size)
    if summary.errors:
        return int(ExitCode.INCOMPLETE)
    return int(ExitCode.FINDINGS) if summary.flagged else int(ExitCode.OK)


def run(
    stream: IO[bytes], content: MessageContent, env: Environment, size: int | None
) -> BatchSummary:
    """Check every line of ``stream``, writing one JSON line per input line to stdout."""
    from sochelp.message.analyse import Verdict, analyse
    from sochelp.render.message import MESSAGE_VIEW

    summary = BatchSummary()
    out = env.stdout
    progress = _Progress(env, size)
    number = 0
    for number, raw, total in _lines(stream):
        if total > MAX_TOTAL_BYTES:
            summary.stopped_early = True
            break
        record: dict[str, Any]
        if raw is None:
            record = {"line": number, "error": f"line longer than {MAX_LINE_BYTES} bytes"}
        elif not raw.strip():
            continue
        else:
            try:
                text, sender, channel, ident, truncated = _message(raw)
            except ValueError as error:
                record = {"line": number, "error": str(error)}
            else:
                result = analyse(text, content, sender=sender, channel=channel, truncated=truncated)
                record = {"line": number}
                if ident is not None:
                    record["id"] = ident
                record.update(MESSAGE_VIEW.as_json(result))
                summary.checked += 1
                summary.flagged += result.verdict is not Verdict.NONE_FOUND
        if "error" in record:
            summary.errors += 1
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        progress.update(number, total)
    if summary.stopped_early:
        out.write(
            json.dumps(
                {
                    "line": number,
                    "error": f"input larger than {MAX_TOTAL_BYTES} bytes: this line and the "
                    "rest were not checked",
                }
            )
            + "\n"
        )
        summary.errors += 1
    out.flush()
    progress.finish(summary)
    if not summary.checked and not summary.errors:  # no lines, or only blank ones
        from sochelp.errors import InputError

        raise InputError(
            "There is no message to check: the input has no lines, or only blank ones.",
            hint='Give one JSON object per line, e.g. {"text": "…"}.',
        )
    return summary


class _Progress:
    """A one-line count on standard error, redrawn at most every :data:`PROGRESS_EVERY`
    seconds, for large inputs on a terminal only."""

    def __init__(self, env: Environment, size: int | None) -> None:
        self.env = env
        self.size = size
        self.enabled = env.stderr_isatty
        self.last = 0.0
        self.shown = False

    def update(self, lines: int, done: int) -> None:
        if not self.enabled or lines < PROGRESS_AFTER:
            return
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        share = f" ({100 * done // self.size}%)" if self.size else ""
        self.env.stderr.write(f"\rChecked {lines:,} lines{share}…")
        self.env.stderr.flush()
        self.shown = True

    def finish(self, summary: BatchSummary) -> None:
        if not self.shown:
            return
        self.env.stderr.write(
            f"\rChecked {summary.checked:,} messages: {summary.flagged:,} with warning signs, "
            f"{summary.errors:,} lines not checked.\n"
        )
        self.env.stderr.flush()
