"""Shared fixtures for the check-message tests."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.analyse import MessageResult, Verdict, analyse
from sochelp.message.content import MessageContent
from sochelp.message.model import Channel, first_matches


@cache
def bundled() -> MessageContent:
    """The bundled message content, loaded once."""
    return message_content.load(ContentStore())


def check(text: str, channel: Channel | None = None) -> MessageResult:
    """check-message's analysis of ``text`` with the bundled content."""
    return analyse(text, bundled(), channel=channel)


@cache
def rules_only_content() -> MessageContent:
    """The bundled message content without the wording sign: the rules alone."""
    return bundled()._replace(wording=None)


def check_rules(text: str, channel: Channel | None = None) -> MessageResult:
    """The analysis of ``text`` by the rules alone (no wording sign)."""
    return analyse(text, rules_only_content(), channel=channel)


def cue_fires(cue_id: str, text: str) -> bool:
    """Whether the bundled cue ``cue_id`` matches ``text`` by itself (the cue must exist)."""
    cue = bundled().cue(cue_id)
    assert cue is not None, cue_id
    return bool(first_matches(cue, text, 1))


def sources(result: MessageResult) -> set[str]:
    """The sources of a result's signs: rule ids, "family:…", "link:…", "model:…"."""
    return {flag.source for flag in result.flags}


def check_not_strong_without(text: str, channel: Channel | None, sign: str) -> MessageResult:
    """check-message's analysis of ``text``, checked not to have ``sign`` among its sources nor
    to read "strong signs of a scam" (an ordinary message a sign once misread)."""
    result = check(text, channel)
    assert sign not in sources(result)
    assert result.verdict is not Verdict.SCAM
    return result


def families(result: MessageResult) -> set[str]:
    """The ids of the scam families found."""
    return {
        source.removeprefix("family:") for source in sources(result) if source.startswith("family:")
    }


BENCHMARKS = str(Path(__file__).resolve().parents[2] / "benchmarks")


@cache
def batch_records(name: str) -> dict[str, dict[str, Any]]:
    """The records of a fresh batch moved to development ("fresh-3", "fresh-4"), by id."""
    if BENCHMARKS not in sys.path:
        sys.path.insert(0, BENCHMARKS)
    import message_sets as sets

    return {record["id"]: record for record in sets.load_batch(name)}


def read_batch_message(name: str, message_id: str, label: str = "scam") -> MessageResult:
    """A message of a development batch, checked to have ``label`` and analysed with the
    channel it came by (the evaluation's own kind-to-channel map)."""
    record = batch_records(name)[message_id]
    from check_message_eval import _channel

    assert record["label"] == label
    return analyse(record["text"], bundled(), channel=_channel(record["kind"]))


@cache
def dev_records() -> dict[str, dict[str, Any]]:
    """Every development record by id: the extra dev sets and the fresh batches moved to
    development (never a test-half or held-out record)."""
    if BENCHMARKS not in sys.path:
        sys.path.insert(0, BENCHMARKS)
    import message_sets as sets

    found = {record["id"]: record for record in sets.load_extra()}
    for name in sets.DEV_BATCHES:
        found.update(batch_records(name))
    return found


def read_dev_message(
    message_id: str, label: str = "scam", *, rules_only: bool = False
) -> MessageResult:
    """A development message, checked to have ``label`` and analysed with the channel it came
    by (the evaluation's own kind-to-channel map); by the rules alone if ``rules_only``."""
    record = dev_records()[message_id]
    from check_message_eval import _channel

    assert record["label"] == label
    content = rules_only_content() if rules_only else bundled()
    return analyse(record["text"], content, channel=_channel(record["kind"]))


def read_dev_warned(message_id: str, *signs: str) -> MessageResult:
    """The development scam ``message_id``, checked to get at least "some warning signs" with
    each of ``signs`` among its sources."""
    result = read_dev_message(message_id)
    assert set(signs) <= sources(result), sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    return result


def read_dev_strong(message_id: str, *signs: str) -> MessageResult:
    """The development scam ``message_id``, checked to read as "strong signs" with each of
    ``signs`` among its sources."""
    result = read_dev_message(message_id)
    assert set(signs) <= sources(result), sources(result)
    assert result.verdict is Verdict.SCAM
    return result
