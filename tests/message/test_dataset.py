"""The labelled message set meets the quality targets (so regressions fail CI)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from check_message_eval import (
    MAX_GENUINE_SCAM_RATE,
    MIN_SCAM_RECALL,
    evaluate,
    load_messages,
)
from sochelp.message.analyse import Verdict


@pytest.fixture(scope="module")
def evaluation():  # type: ignore[no-untyped-def]
    messages = load_messages()
    assert len(messages) >= 150
    return evaluate(messages)


def test_scams_are_flagged(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.rate("scam", Verdict.SCAM, Verdict.SUSPICIOUS) >= MIN_SCAM_RECALL


def test_genuine_messages_are_rarely_called_scams(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.rate("genuine", Verdict.SCAM) <= MAX_GENUINE_SCAM_RATE
