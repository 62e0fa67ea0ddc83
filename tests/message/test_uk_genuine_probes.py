"""Ordinary UK messages must not read as scams: regression sets, never a headline figure.

``tests/data/probes/genuine-uk-round29.jsonl`` holds 224 ordinary messages of the kinds people
in the UK receive (GP and NHS texts, banks' own alerts and one-time codes, parcels, councils,
schools, utilities, work, HMRC/DVLA/DWP letters, friends, marketplace buyers, clubs, shops,
landlords), written for the twenty-ninth round by a helper who never ran sochelp. Before that
round's precision work they read 9 "strong signs" and 19 "some warning signs"; the ceilings
below are what they read after it, so that a change which makes ordinary messages alarming
fails here. ``genuine-uk-round29-second.jsonl`` holds 150 more, written later that round by
another helper who saw neither sochelp nor the first set (Scottish public bodies, universities,
clubs, insurers, money, travel, security notices…): measured once before it was tuned on, it read
9 "strong" and 27 "some" (the first set's fixes had moved it by one); its ceilings are what it
reads after the fixes it led to. ``genuine-uk-round30-third.jsonl`` holds 150 more, written in
the thirtieth round by a third helper who saw neither sochelp nor the other sets (Welsh and
Northern Irish public bodies, NHS services, payroll, pensions, telecoms, online accounts, travel,
trades, charities, family and friends, genuine security notices, money owed): measured once
before it was tuned on, it read 14 "strong" and 25 "some"; its ceilings too are what it reads
after the fixes it led to. (Written by the project, so never quoted as a measurement of the real
world.)
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

from sochelp.message.analyse import MessageResult, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check

PROBE_DIR = Path(__file__).resolve().parents[1] / "data" / "probes"
PROBES = PROBE_DIR / "genuine-uk-round29.jsonl"
SECOND = PROBE_DIR / "genuine-uk-round29-second.jsonl"
THIRD = PROBE_DIR / "genuine-uk-round30-third.jsonl"
#: The most probes that may read "strong signs of a scam" (none of 224 since the thirtieth round,
#: which mended the last two: a card-expiry text from a bank and a church raffle's results).
MOST_STRONG = 0
#: The most that may read "some warning signs" (17 of 224, most by the wording sign alone: 19
#: after the thirtieth round's fixes took the raffle's results from "strong" to "some", 17 with
#: the wording sign retrained with fresh-38 that round; 19 with it retrained with fresh-40 in the
#: thirty-second round, which put a Delay Repay email and a water bill on "some" by it alone).
MOST_SOME = 19
#: The second set's ceilings (none "strong" of 150 since the thirtieth round, which mended the
#: last four: a reconnection notice, a library fine, a P60 notice and a Social Security Scotland
#: letter giving the number that body publishes; 33 "some" with the sign retrained that round).
SECOND_MOST_STRONG = 0
SECOND_MOST_SOME = 33
#: The third set's ceilings (8 "strong" of 150 after the thirtieth round's fixes, from 14; 4 after
#: the thirty-first's, which moved two banks' own Y/N fraud checks, an NHS dental balance and a
#: pension enrolment email to "some": left are a bank's new-device notice, debt and invoice
#: reminders and a water company's arrears text; 28 "some"; 3 after the thirty-second's, which
#: put Dŵr Cymru Welsh Water's own domains on the list of organisations; 29 "some" with the sign
#: retrained with fresh-40 that round: a pension's retirement-options letter, by the sign alone).
THIRD_MOST_STRONG = 3
THIRD_MOST_SOME = 29


@cache
def _results(path: Path = PROBES) -> tuple[tuple[dict[str, str], MessageResult], ...]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    channels = {channel.value: channel for channel in Channel}
    # (a social-media post has no channel of its own: it is read without one)
    return tuple((row, check(row["text"], channels.get(row["kind"]))) for row in rows)


def test_the_probe_set_is_large_and_varied() -> None:
    rows = [row for row, _ in _results()]
    assert len(rows) == 224
    assert len({row["topic"] for row in rows}) >= 12
    assert len({row["kind"] for row in rows}) >= 5
    assert len({row["text"] for row in rows}) == len(rows)


def test_few_ordinary_uk_messages_read_as_strong_signs() -> None:
    levels = Counter(result.verdict for _, result in _results())
    strong = [row["text"][:60] for row, result in _results() if result.verdict is Verdict.SCAM]
    assert levels[Verdict.SCAM] <= MOST_STRONG, strong


def test_few_ordinary_uk_messages_get_warning_signs() -> None:
    levels = Counter(result.verdict for _, result in _results())
    assert levels[Verdict.SUSPICIOUS] <= MOST_SOME
    assert levels[Verdict.NONE_FOUND] >= len(_results()) - MOST_STRONG - MOST_SOME


def test_the_second_probe_set_keeps_to_its_ceilings() -> None:
    results = _results(SECOND)
    assert len(results) == 150
    assert len({row["topic"] for row, _ in results}) >= 12
    levels = Counter(result.verdict for _, result in results)
    strong = [row["text"][:60] for row, result in results if result.verdict is Verdict.SCAM]
    assert levels[Verdict.SCAM] <= SECOND_MOST_STRONG, strong
    assert levels[Verdict.SUSPICIOUS] <= SECOND_MOST_SOME


def test_the_third_probe_set_keeps_to_its_ceilings() -> None:
    results = _results(THIRD)
    assert len(results) == 150
    assert len({row["topic"] for row, _ in results}) >= 12
    assert len({row["text"] for row, _ in results}) == 150
    levels = Counter(result.verdict for _, result in results)
    strong = [row["text"][:60] for row, result in results if result.verdict is Verdict.SCAM]
    assert levels[Verdict.SCAM] <= THIRD_MOST_STRONG, strong
    assert levels[Verdict.SUSPICIOUS] <= THIRD_MOST_SOME
