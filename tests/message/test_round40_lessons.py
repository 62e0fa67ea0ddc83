"""Lessons of the fortieth round.

Before the reading: an offer to earn money working from home ("earn $50 to $500 a day working
from home") is a job offer even when it names no job, so with its too-easy pay it reads as a task
scam. Each sign has scam and genuine examples, written for these tests.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, families

_WARNED = (Verdict.SUSPICIOUS, Verdict.SCAM)


@pytest.mark.parametrize(
    "text",
    [
        "earn $50 to $500 a day working from home, flexible hours, message me for details",
        "Make £200 a day working online from your phone. Text me to start today.",
        "Earn an excellent income from home, paid daily, no experience needed. Reply YES.",
    ],
)
def test_money_to_earn_working_from_home_reads_as_a_job_scam(text: str) -> None:
    result = check(text, Channel.WHATSAPP)
    assert "job-offer" in families(result), (text, result.flags)
    assert result.verdict in _WARNED, (text, result.flags)


def test_the_issue_s_whatsapp_job_offer_reads_strong() -> None:
    text = "earn $50 to $500 a day working from home, flexible hours, message me for details"
    assert check(text, Channel.WHATSAPP).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "I earn less since I started working from home, so no holiday this year.",
        "Make sure you lock your screen when working remotely.",
        "We made £300 at the bake sale! Working from home tomorrow, call me.",
    ],
)
def test_talk_of_working_from_home_is_not_a_job_offer(text: str) -> None:
    assert not cue_fires("job-offer", text)
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND
