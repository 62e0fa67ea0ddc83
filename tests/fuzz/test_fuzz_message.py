"""Fuzzing check-message: random text full of controls, escape sequences, bidi and invisible
characters and markup, through the analysis, all three views, and the command's input paths
(stdin bytes, --url, --from). Nothing may raise, exit 70, or put a control character, an escape
sequence sochelp does not write itself, or a non-ASCII domain in the output."""

from __future__ import annotations

import functools
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sochelp.environment import Environment, OutputMode
from sochelp.message import analyse as engine
from sochelp.message.content import Channel, MessageContent
from sochelp.render import safe, show
from sochelp.render.message import MESSAGE_VIEW
from tests.conftest import run_cli
from tests.fuzz.hostile_text import examples, hostile_text
from tests.hostile.terminal import foreign_sequences

pytestmark = pytest.mark.fuzz

_SGR = re.compile(r"\x1b\[[0-9;]*m")


@functools.cache
def _content() -> MessageContent:
    from sochelp.content.store import ContentStore
    from sochelp.message import content

    return content.load(ContentStore())


def _shown(result: engine.MessageResult, mode: OutputMode) -> str:
    out = io.StringIO()
    rich = mode is OutputMode.RICH
    env = Environment(io.StringIO(), out, io.StringIO(), False, rich, False, True)
    show(MESSAGE_VIEW, result, mode, env)
    return out.getvalue()


def _strings(value: Any) -> list[tuple[str | None, str]]:
    """(key, text) of every string in JSON data, keys included."""
    if isinstance(value, str):
        return [(None, value)]
    if isinstance(value, dict):
        found: list[tuple[str | None, str]] = [(None, key) for key in value]
        for key, item in value.items():
            found.extend((key, text) if k is None else (k, text) for k, text in _strings(item))
        return found
    if isinstance(value, list):
        return [pair for item in value for pair in _strings(item)]
    return []


def assert_views_are_clean(result: engine.MessageResult) -> None:
    plain = _shown(result, OutputMode.PLAIN)
    assert safe.is_safe(plain), repr(plain)
    rich = _shown(result, OutputMode.RICH)
    assert not foreign_sequences(rich), foreign_sequences(rich)[:3]
    assert safe.is_safe(_SGR.sub("", rich))
    data = json.loads(_shown(result, OutputMode.JSON))
    for key, text in _strings(data):
        assert safe.stored(text) == text, repr(text)
        if key == "domain":
            assert text.isascii() and text.isprintable(), repr(text)


@given(
    text=hostile_text(surrogates=True),
    sender=st.one_of(st.none(), hostile_text(8)),
    channel=st.one_of(st.none(), st.sampled_from(list(Channel))),
)
def test_analysis_and_every_view_of_any_text(
    text: str, sender: str | None, channel: Channel | None
) -> None:
    if not text.strip():
        text = "x"
    result = engine.analyse(text, _content(), sender=sender, channel=channel)
    assert_views_are_clean(result)


def _assert_cli_outcome(code: int, stdout: str, stderr: str) -> None:
    assert code in (0, 1, 2), (code, stderr)
    assert safe.is_safe(stdout)
    assert safe.is_safe(stderr)
    if code == 2:
        assert stderr.startswith("sochelp: ") and stdout == ""
        assert all(line.startswith(("sochelp: ", "  ")) for line in stderr.splitlines())


@settings(max_examples=examples(0.15))
@given(
    data=st.one_of(
        st.binary(max_size=600),
        hostile_text().map(lambda t: t.encode("utf-8")),
        hostile_text().map(lambda t: t.encode("utf-16")),
        st.binary(max_size=40).map(lambda b: b"Hi Mum, send \xa3200 now " + b),
    )
)
def test_any_bytes_on_standard_input(data: bytes) -> None:
    done = run_cli(["check-message"], input=data)
    _assert_cli_outcome(done.exit_code, done.stdout, done.stderr)


@settings(max_examples=examples(0.15))
@given(url=hostile_text(12), json_output=st.booleans())
def test_any_url_option(url: str, json_output: bool) -> None:
    done = run_cli(["check-message", "--url", url, *(["--json"] if json_output else [])])
    _assert_cli_outcome(done.exit_code, done.stdout, done.stderr)


@settings(max_examples=examples(0.15))
@given(
    sender=hostile_text(10),
    channel=st.one_of(st.sampled_from([c.value for c in Channel]), hostile_text(3)),
)
def test_any_sender_and_channel_options(sender: str, channel: str) -> None:
    done = run_cli(
        ["check-message", "--from", sender, "--channel", channel],
        input="Hi Mum, my phone broke, send £200 urgently to https://paypa1.com/pay",
    )
    _assert_cli_outcome(done.exit_code, done.stdout, done.stderr)
