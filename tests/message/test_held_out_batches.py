"""The later fresh batches of real messages (``benchmarks/data/real-messages/fresh-2.jsonl``,
``fresh-3.jsonl``, …): each collected from pages that no other real-message file uses. These tests
check each file, and that the evaluation script holds a held-out batch out (figures only, same
targets as the real test half) or treats a batch moved to development as dev data. They never
analyse a batch's messages, so running them tells nobody how the detector does on it. One spec
per batch: a new batch is one more entry in ``BATCHES``; moving one to development flips
``held_out``."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import check_message_eval as evaluation
import message_sets as sets
from tests.message.records import (
    assert_no_repeats,
    assert_pages_are_https,
    assert_record_shape,
    write_synthetic_batch,
)


@dataclass(frozen=True)
class Batch:
    """One held-out batch: its set name, where it lives, and the floors it was collected to."""

    name: str  # the set name, which is also every record's ``split``
    heading: str  # its section in the data README
    ordinal: str  # "second", "third": how the evaluation names it
    held_out: bool  # False once moved to development (its misses may then be read)
    scams_at_least: int
    genuine_at_least: int
    pages_at_least: int
    synthetic_families: tuple[str, str]
    #: Channels each label spans at least (the seventh batch's 8 scams came as texts and emails
    #: only: UK quotes of other channels were used up).
    kinds_at_least: int = 3
    #: Families each label spans at least (the twenty-fifth batch has only 4 scams: GitHub and
    #: the web pages were nearly used up).
    families_at_least: int = 5

    @property
    def path(self) -> Path:
        return sets.BATCH_FILES[self.name]


#: The days the batches were collected on.
COLLECTION_DATES = (
    "2026-12-02",
    "2026-12-03",
    "2026-12-04",
    "2026-12-05",
    "2026-12-06",
    "2026-12-07",
    "2026-12-08",
)

BATCHES = [
    Batch(
        name="fresh-2",
        heading="Second fresh batch",
        ordinal="second",
        held_out=True,
        scams_at_least=20,
        genuine_at_least=26,
        pages_at_least=35,
        synthetic_families=("parking-fine", "genuine-council"),
    ),
    Batch(
        name="fresh-3",
        heading="Third fresh batch",
        ordinal="third",
        held_out=False,
        scams_at_least=27,
        genuine_at_least=30,
        pages_at_least=53,
        synthetic_families=("jury-service", "genuine-police-warning"),
    ),
    Batch(
        name="fresh-4",
        heading="Fourth fresh batch",
        ordinal="fourth",
        held_out=False,
        scams_at_least=32,
        genuine_at_least=20,
        pages_at_least=50,
        synthetic_families=("ceo-fraud", "genuine-bank"),
    ),
    Batch(
        name="fresh-5",
        heading="Fifth fresh batch",
        ordinal="fifth",
        held_out=False,
        scams_at_least=34,
        genuine_at_least=23,
        pages_at_least=53,
        synthetic_families=("bank-verify", "genuine-otp"),
    ),
    Batch(
        name="fresh-6",
        heading="Sixth fresh batch",
        ordinal="sixth",
        held_out=True,
        scams_at_least=16,
        genuine_at_least=18,
        pages_at_least=31,
        synthetic_families=("bank-impersonation", "genuine-nhs"),
    ),
    Batch(
        name="fresh-7",
        heading="Seventh fresh batch",
        ordinal="seventh",
        held_out=True,
        scams_at_least=8,
        genuine_at_least=20,
        pages_at_least=28,
        synthetic_families=("parcel-fee", "genuine-university"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-8",
        heading="Eighth fresh batch",
        ordinal="eighth",
        held_out=True,
        scams_at_least=13,
        genuine_at_least=19,
        pages_at_least=30,
        synthetic_families=("account-mailbox", "genuine-school"),
    ),
    Batch(
        name="fresh-9",
        heading="Ninth fresh batch",
        ordinal="ninth",
        held_out=False,
        scams_at_least=8,
        genuine_at_least=9,
        pages_at_least=16,
        synthetic_families=("toll-fine", "genuine-gp"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-10",
        heading="Tenth fresh batch",
        ordinal="tenth",
        held_out=False,
        scams_at_least=23,
        genuine_at_least=19,
        pages_at_least=38,
        synthetic_families=("art-buyer-overpayment", "genuine-utility"),
    ),
    Batch(
        name="fresh-11",
        heading="Eleventh fresh batch",
        ordinal="eleventh",
        held_out=False,
        scams_at_least=15,
        genuine_at_least=19,
        pages_at_least=28,
        synthetic_families=("toll-fine", "genuine-university"),
    ),
    Batch(
        name="fresh-12",
        heading="Twelfth fresh batch",
        ordinal="twelfth",
        held_out=False,
        scams_at_least=23,
        genuine_at_least=19,
        pages_at_least=38,
        synthetic_families=("parcel-redelivery", "genuine-school"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-13",
        heading="Thirteenth fresh batch",
        ordinal="thirteenth",
        held_out=False,
        scams_at_least=23,
        genuine_at_least=21,
        pages_at_least=39,
        synthetic_families=("toll-fine", "genuine-emergency-alert"),
    ),
    Batch(
        name="fresh-14",
        heading="Fourteenth fresh batch",
        ordinal="fourteenth",
        held_out=False,
        scams_at_least=15,
        genuine_at_least=14,
        pages_at_least=29,
        synthetic_families=("parcel-phishing", "genuine-school"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-15",
        heading="Fifteenth fresh batch",
        ordinal="fifteenth",
        held_out=False,
        scams_at_least=26,
        genuine_at_least=17,
        pages_at_least=42,
        synthetic_families=("bank-card-blocked", "genuine-school"),
    ),
    Batch(
        name="fresh-16",
        heading="Sixteenth fresh batch",
        ordinal="sixteenth",
        held_out=False,
        scams_at_least=23,
        genuine_at_least=18,
        pages_at_least=39,
        synthetic_families=("marketplace-buyer-phishing", "genuine-otp"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-17",
        heading="Seventeenth fresh batch",
        ordinal="seventeenth",
        held_out=False,
        scams_at_least=32,
        genuine_at_least=24,
        pages_at_least=55,
        synthetic_families=("crypto-airdrop", "genuine-bank"),
    ),
    Batch(
        name="fresh-18",
        heading="Eighteenth fresh batch",
        ordinal="eighteenth",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=13,
        pages_at_least=33,
        synthetic_families=("recovery-scam", "genuine-school"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-19",
        heading="Nineteenth fresh batch",
        ordinal="nineteenth",
        held_out=False,
        scams_at_least=29,
        genuine_at_least=16,
        pages_at_least=45,
        synthetic_families=("advance-fee", "genuine-gp-practice"),
    ),
    Batch(
        name="fresh-20",
        heading="Twentieth fresh batch",
        ordinal="twentieth",
        held_out=False,
        scams_at_least=26,
        genuine_at_least=25,
        pages_at_least=50,
        synthetic_families=("loan-fee", "genuine-school"),
    ),
    Batch(
        name="fresh-21",
        heading="Twenty-first fresh batch",
        ordinal="twenty-first",
        held_out=False,
        scams_at_least=25,
        genuine_at_least=19,
        pages_at_least=44,
        synthetic_families=("fake-helpline", "genuine-council"),
    ),
    Batch(
        name="fresh-22",
        heading="Twenty-second fresh batch",
        ordinal="twenty-second",
        held_out=False,
        scams_at_least=22,
        genuine_at_least=17,
        pages_at_least=38,
        synthetic_families=("tech-support-number", "genuine-bank"),
    ),
    Batch(
        name="fresh-23",
        heading="Twenty-third fresh batch",
        ordinal="twenty-third",
        held_out=False,
        scams_at_least=19,
        genuine_at_least=14,
        pages_at_least=33,
        synthetic_families=("dapp-support", "genuine-village-hall"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-24",
        heading="Twenty-fourth fresh batch",
        ordinal="twenty-fourth",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=16,
        pages_at_least=37,
        synthetic_families=("helpline-spam", "genuine-parish-notice"),
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-25",
        heading="Twenty-fifth fresh batch",
        ordinal="twenty-fifth",
        held_out=False,
        scams_at_least=4,
        genuine_at_least=11,
        pages_at_least=15,
        synthetic_families=("fake-client", "genuine-church-notice"),
        families_at_least=4,
    ),
    Batch(
        name="fresh-26",
        heading="Twenty-sixth fresh batch",
        ordinal="twenty-sixth",
        held_out=False,
        scams_at_least=22,
        genuine_at_least=16,
        pages_at_least=36,
        synthetic_families=("crypto-airdrop", "genuine-church-letter"),
    ),
    Batch(
        name="fresh-27",
        heading="Twenty-seventh fresh batch",
        ordinal="twenty-seventh",
        held_out=False,
        scams_at_least=22,
        genuine_at_least=16,
        pages_at_least=37,
        synthetic_families=("fake-helpline", "genuine-church-letter"),
    ),
    Batch(
        name="fresh-28",
        heading="Twenty-eighth fresh batch",
        ordinal="twenty-eighth",
        held_out=False,
        scams_at_least=16,
        genuine_at_least=14,
        pages_at_least=30,
        synthetic_families=("recovery-scam", "genuine-church-letter"),
        # (its genuine messages are all UK letters and emails: the helpers found no unused
        # genuine text)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-29",
        heading="Twenty-ninth fresh batch",
        ordinal="twenty-ninth",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=16,
        pages_at_least=37,
        synthetic_families=("invoice-callback", "genuine-church-letter"),
        # (letters and emails again on the genuine side)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-30",
        heading="Thirtieth fresh batch",
        ordinal="thirtieth",
        held_out=False,
        scams_at_least=10,
        genuine_at_least=12,
        pages_at_least=22,
        synthetic_families=("fake-helpline", "genuine-church-letter"),
        # (its scams are GitHub spam posts and one email: UK quotes of other channels were used up)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-31",
        heading="Thirty-first fresh batch",
        ordinal="thirty-first",
        held_out=False,
        scams_at_least=14,
        genuine_at_least=8,
        pages_at_least=21,  # (distinct sources; 24 pages with its also_sources)
        synthetic_families=("recovery-scam", "genuine-government-email"),
        # (GitHub posts and texts; templates and letters on the genuine side)
        kinds_at_least=2,
        # (its genuine side: two repositories' templates, a church letter and a school notice)
        families_at_least=4,
    ),
    Batch(
        name="fresh-32",
        heading="Thirty-second fresh batch",
        ordinal="thirty-second",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=11,
        pages_at_least=26,
        synthetic_families=("ceo-gift-card", "genuine-school"),
        kinds_at_least=3,
    ),
    Batch(
        name="fresh-33",
        heading="Thirty-third fresh batch",
        ordinal="thirty-third",
        held_out=False,
        scams_at_least=14,
        genuine_at_least=8,
        pages_at_least=22,
        synthetic_families=("recovery-scam", "genuine-gov-notice"),
        # (its genuine messages are all emails: templates and forum-pasted notices)
        kinds_at_least=1,
    ),
    Batch(
        name="fresh-34",
        heading="Thirty-fourth fresh batch",
        ordinal="thirty-fourth",
        held_out=False,
        scams_at_least=23,
        genuine_at_least=12,
        pages_at_least=35,  # (distinct sources; 37 pages with its also_sources)
        synthetic_families=("fake-support-number", "genuine-hmrc"),
    ),
    Batch(
        name="fresh-35",
        heading="Thirty-fifth fresh batch",
        ordinal="thirty-fifth",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=10,
        pages_at_least=28,  # (distinct sources; 30 pages with its also_sources)
        synthetic_families=("spell-caster", "genuine-club-letter"),
        # (its genuine messages are emails and letters: no genuine text was found unused)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-36",
        heading="Thirty-sixth fresh batch",
        ordinal="thirty-sixth",
        held_out=False,
        scams_at_least=25,
        genuine_at_least=15,
        pages_at_least=40,
        synthetic_families=("crypto-recovery", "genuine-council-letter"),
        # (its genuine messages are emails and letters: no genuine text was found unused)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-37",
        heading="Thirty-seventh fresh batch",
        ordinal="thirty-seventh",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=13,
        pages_at_least=31,  # (distinct sources; 33 pages with its also_sources)
        synthetic_families=("domain-appraisal", "genuine-club-letter"),
    ),
    Batch(
        name="fresh-38",
        heading="Thirty-eighth fresh batch",
        ordinal="thirty-eighth",
        held_out=False,
        scams_at_least=17,
        genuine_at_least=9,
        pages_at_least=26,
        synthetic_families=("blank-atm-card", "genuine-nhs"),
        # (its genuine messages are texts and emails: unused UK quotes of other kinds ran out)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-39",
        heading="Thirty-ninth fresh batch",
        ordinal="thirty-ninth",
        held_out=False,
        scams_at_least=25,
        genuine_at_least=12,
        pages_at_least=36,
        synthetic_families=("grandparent-scam", "genuine-council-notice"),
    ),
    Batch(
        name="fresh-40",
        heading="Fortieth fresh batch",
        ordinal="fortieth",
        held_out=False,
        scams_at_least=11,
        genuine_at_least=14,
        pages_at_least=24,
        synthetic_families=("parcel-robocall", "genuine-school-letter"),
    ),
    Batch(
        name="fresh-41",
        heading="Forty-first fresh batch",
        ordinal="forty-first",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=13,
        pages_at_least=31,  # (distinct sources; 33 pages with its also_sources)
        synthetic_families=("romance-contact", "genuine-gov-notice"),
    ),
    Batch(
        name="fresh-42",
        heading="Forty-second fresh batch",
        ordinal="forty-second",
        held_out=False,
        scams_at_least=17,
        genuine_at_least=9,
        pages_at_least=25,  # (distinct sources; 28 pages with its also_sources)
        synthetic_families=("lottery-prize", "genuine-school-letter"),
    ),
    Batch(
        name="fresh-43",
        heading="Forty-third fresh batch",
        ordinal="forty-third",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=12,
        pages_at_least=32,
        synthetic_families=("crypto-recovery", "genuine-nhs"),
    ),
    Batch(
        name="fresh-44",
        heading="Forty-fourth fresh batch",
        ordinal="forty-fourth",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=12,
        pages_at_least=30,
        synthetic_families=("hacker-for-hire", "genuine-council-notice"),
    ),
    Batch(
        name="fresh-45",
        heading="Forty-fifth fresh batch",
        ordinal="forty-fifth",
        held_out=False,
        scams_at_least=22,
        genuine_at_least=13,
        pages_at_least=34,
        synthetic_families=("parcel-redelivery", "genuine-otp"),
    ),
    Batch(
        name="fresh-46",
        heading="Forty-sixth fresh batch",
        ordinal="forty-sixth",
        held_out=False,
        scams_at_least=11,
        genuine_at_least=7,
        pages_at_least=17,
        synthetic_families=("prize-draw", "genuine-council-notice"),
        # Every genuine message came as an email: the pages quoting other channels were used.
        kinds_at_least=1,
    ),
    Batch(
        name="fresh-47",
        heading="Forty-seventh fresh batch",
        ordinal="forty-seventh",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=7,
        pages_at_least=27,
        synthetic_families=("parcel-customs-fee", "genuine-isp-notice"),
        # The genuine messages came as texts and emails only.
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-48",
        heading="Forty-eighth fresh batch",
        ordinal="forty-eighth",
        held_out=False,
        scams_at_least=14,
        genuine_at_least=10,
        pages_at_least=23,
        synthetic_families=("hi-mum", "genuine-delivery"),
    ),
    Batch(
        name="fresh-49",
        heading="Forty-ninth fresh batch",
        ordinal="forty-ninth",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=10,
        pages_at_least=29,
        synthetic_families=("parcel-fee", "genuine-police"),
        # Its genuine messages came as emails and texts only: the organisations' own templates
        # and community alerts the helpers found are sent by those two channels.
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-50",
        heading="Fiftieth fresh batch",
        ordinal="fiftieth",
        held_out=False,
        scams_at_least=27,
        genuine_at_least=11,
        pages_at_least=38,
        synthetic_families=("parcel-fee", "genuine-otp"),
        # Its genuine messages came as texts and one email only: OTP and bank texts pasted into
        # issue trackers, cell-broadcast alerts and a community alert.
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-51",
        heading="Fifty-first fresh batch",
        ordinal="fifty-first",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=12,
        pages_at_least=31,
        synthetic_families=("bank-verify", "genuine-bank-transaction"),
        # Its genuine messages are texts and emails only: bank and card texts pasted into issue
        # trackers, cell-broadcast alerts, police and community alert emails.
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-52",
        heading="Fifty-second fresh batch",
        ordinal="fifty-second",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=12,
        pages_at_least=30,
        synthetic_families=("parcel-fee", "genuine-otp"),
        # Its genuine messages are texts and one email only: one-time-code, bank and card texts
        # pasted into issue trackers, cell-broadcast alerts and a telecom's security email.
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-53",
        heading="Fifty-third fresh batch",
        ordinal="fifty-third",
        held_out=False,
        scams_at_least=14,
        genuine_at_least=8,
        pages_at_least=20,
        synthetic_families=("prize-win", "genuine-gov-notice"),
    ),
    Batch(
        name="fresh-54",
        heading="Fifty-fourth fresh batch",
        ordinal="fifty-fourth",
        held_out=False,
        scams_at_least=17,
        genuine_at_least=10,
        pages_at_least=25,
        synthetic_families=("bank-fake-charge", "genuine-public-alert"),
        # Its genuine messages are texts and one social post (public alerts, public services'
        # notification templates), in four families.
        kinds_at_least=2,
        families_at_least=4,
    ),
    Batch(
        name="fresh-55",
        heading="Fifty-fifth fresh batch",
        ordinal="fifty-fifth",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=12,
        pages_at_least=30,
        synthetic_families=("police-summons", "genuine-delivery"),
        # Its genuine messages are emails and texts (police alerts, public services' and
        # carriers' notification templates).
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-56",
        heading="Fifty-sixth fresh batch",
        ordinal="fifty-sixth",
        held_out=False,
        scams_at_least=19,
        genuine_at_least=10,
        pages_at_least=29,
        synthetic_families=("court-summons", "genuine-otp"),
    ),
    Batch(
        name="fresh-57",
        heading="Fifty-seventh fresh batch",
        ordinal="fifty-seventh",
        held_out=False,
        scams_at_least=21,
        genuine_at_least=8,
        pages_at_least=27,
        synthetic_families=("parcel-fee", "genuine-council"),
        # Its genuine messages are emails and texts (councils' and banks' notices, public
        # alerts).
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-58",
        heading="Fifty-eighth fresh batch",
        ordinal="fifty-eighth",
        held_out=False,
        scams_at_least=17,
        genuine_at_least=9,
        pages_at_least=26,
        synthetic_families=("parcel-fee", "genuine-otp"),
    ),
    Batch(
        name="fresh-59",
        heading="Fifty-ninth fresh batch",
        ordinal="fifty-ninth",
        held_out=False,
        scams_at_least=17,
        genuine_at_least=9,
        pages_at_least=25,
        synthetic_families=("fake-helpline", "genuine-gov-alert"),
        # (its genuine messages are texts and one social post, of four families: emergency
        # alerts, bank alerts, a police warning, a code).
        kinds_at_least=2,
        families_at_least=4,
    ),
    Batch(
        name="fresh-60",
        heading="Sixtieth fresh batch",
        ordinal="sixtieth",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=9,
        pages_at_least=25,
        synthetic_families=("premium-rate", "genuine-telecom"),
        # (its genuine messages are all texts: telecoms' notices, emergency alerts, bank alerts,
        # a tax receipt and a code).
        kinds_at_least=1,
    ),
    Batch(
        name="fresh-61",
        heading="Sixty-first fresh batch",
        ordinal="sixty-first",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=8,
        pages_at_least=26,
        synthetic_families=("telecom-bill", "genuine-bank-transaction"),
        # (its scams came as texts and social posts only: the helpers found no new email, call
        # or WhatsApp quote).
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-62",
        heading="Sixty-second fresh batch",
        ordinal="sixty-second",
        held_out=False,
        scams_at_least=20,
        genuine_at_least=10,
        pages_at_least=27,
        synthetic_families=("fake-helpline", "genuine-gov"),
        # (its genuine messages are texts, an email and a recorded call).
        kinds_at_least=3,
    ),
    Batch(
        name="fresh-63",
        heading="Sixty-third fresh batch",
        ordinal="sixty-third",
        held_out=False,
        scams_at_least=18,
        genuine_at_least=10,
        pages_at_least=28,
        synthetic_families=("fake-helpline", "genuine-bank-alert"),
        # (its genuine messages are texts and police posts).
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-64",
        heading="Sixty-fourth fresh batch",
        ordinal="sixty-fourth",
        held_out=False,
        scams_at_least=14,
        genuine_at_least=9,
        pages_at_least=21,
        synthetic_families=("fake-helpline", "genuine-bank-transaction"),
    ),
    Batch(
        name="fresh-65",
        heading="Sixty-fifth fresh batch",
        ordinal="sixty-fifth",
        held_out=False,
        scams_at_least=9,
        genuine_at_least=8,
        pages_at_least=16,
        synthetic_families=("parcel-fee", "genuine-emergency-alert"),
        # (its genuine messages are all texts: bank texts pasted into parsers' trackers, alerts)
        kinds_at_least=1,
    ),
    Batch(
        name="fresh-66",
        heading="Sixty-sixth fresh batch",
        ordinal="sixty-sixth",
        held_out=False,
        scams_at_least=29,
        genuine_at_least=18,
        pages_at_least=45,
        synthetic_families=("parcel-fee", "genuine-otp"),
    ),
    Batch(
        name="fresh-67",
        heading="Sixty-seventh fresh batch",
        ordinal="sixty-seventh",
        held_out=False,
        scams_at_least=24,
        genuine_at_least=18,
        pages_at_least=38,
        synthetic_families=("parcel-missed", "genuine-delivery"),
        # (its genuine messages are texts and emails only: disaster texts and operator replies)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-68",
        heading="Sixty-eighth fresh batch",
        ordinal="sixty-eighth",
        held_out=False,
        scams_at_least=26,
        genuine_at_least=13,
        pages_at_least=36,
        synthetic_families=("account-closure", "genuine-bank-notice"),
        # (its genuine messages are texts and emails only: operator replies, bank and
        # government notices, alerts)
        kinds_at_least=2,
    ),
    Batch(
        name="fresh-69",
        heading="Sixty-ninth fresh batch",
        ordinal="sixty-ninth",
        held_out=True,
        scams_at_least=21,
        genuine_at_least=12,
        pages_at_least=31,
        synthetic_families=("bank-verify", "genuine-gov-notice"),
    ),
]
BATCHES_BY_NAME = {batch.name: batch for batch in BATCHES}
HELD_OUT_BATCHES = [batch for batch in BATCHES if batch.held_out]
DEV_BATCHES = [batch for batch in BATCHES if not batch.held_out]


@pytest.fixture(scope="module", params=BATCHES, ids=[batch.name for batch in BATCHES])
def batch(request: pytest.FixtureRequest) -> Batch:
    spec: Batch = request.param
    return spec


@pytest.fixture(params=HELD_OUT_BATCHES, ids=[batch.name for batch in HELD_OUT_BATCHES])
def held_out_batch(request: pytest.FixtureRequest) -> Batch:
    spec: Batch = request.param
    return spec


@pytest.fixture(params=DEV_BATCHES, ids=[batch.name for batch in DEV_BATCHES])
def dev_batch(request: pytest.FixtureRequest) -> Batch:
    spec: Batch = request.param
    return spec


@pytest.fixture(scope="module")
def records(batch: Batch) -> list[dict[str, Any]]:
    return sets.load_batch(batch.name)


@pytest.fixture(scope="module")
def others(batch: Batch) -> dict[str, list[dict[str, Any]]]:
    """Every other real-message file in the data folder, by name (so a file added later is
    compared too)."""
    paths = sorted(sets.REAL_DIR.glob("*.jsonl"))
    return {p.name: sets.load_real(p) for p in paths if p.name != batch.path.name}


def test_every_later_batch_is_covered() -> None:
    assert {batch.name for batch in HELD_OUT_BATCHES} == set(sets.FRESH_BATCHES)
    assert {batch.name for batch in DEV_BATCHES} == set(sets.DEV_BATCHES) - {"fresh"}


# --- the file ----------------------------------------------------------------------------------


def test_every_record_has_the_schema(batch: Batch, records: list[dict[str, Any]]) -> None:
    assert records
    for record in records:
        assert_record_shape(record, {batch.name}, collected=COLLECTION_DATES)
        assert re.fullmatch(r"rm-[0-9a-f]{12}", record["id"]), record["id"]
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]


def test_every_source_is_an_https_page(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert_pages_are_https(record)


def test_no_text_is_collected_twice(records: list[dict[str, Any]]) -> None:
    assert_no_repeats(records)
    assert sets.near_duplicate_pairs(records) == []


def test_the_other_files_are_all_compared(
    batch: Batch, others: dict[str, list[dict[str, Any]]]
) -> None:
    later = {spec.path.name for spec in BATCHES}
    assert {"messages.jsonl", "fresh.jsonl"} | (later - {batch.path.name}) <= set(others)
    assert any(name.startswith("extra-") for name in others)
    assert batch.path.name not in others
    assert all(records for records in others.values())


def test_the_batch_shares_no_page_with_another_file(
    records: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    mine = {page for record in records for page in sets.record_pages(record)}
    for name, theirs in others.items():
        shared = mine & {page for record in theirs for page in sets.record_pages(record)}
        assert shared == set(), name


def test_the_batch_repeats_no_text_of_another_file(
    records: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    for name, theirs in others.items():
        pairs = [
            (records[a]["id"], theirs[b]["id"])
            for a, b in sets.near_duplicates_between(records, theirs)
        ]
        assert pairs == [], name


def test_the_batch_is_large_and_varied(batch: Batch, records: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in records)
    assert labels["scam"] >= batch.scams_at_least
    assert labels["genuine"] >= batch.genuine_at_least
    assert len({record["source"] for record in records}) >= batch.pages_at_least
    for label in sets.LABELS:
        kinds = {r["kind"] for r in records if r["label"] == label}
        families = {r["family"] for r in records if r["label"] == label}
        assert len(kinds) >= batch.kinds_at_least, label
        assert len(families) >= batch.families_at_least, label


def test_the_readme_documents_the_batch(batch: Batch, records: list[dict[str, Any]]) -> None:
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert f"## {batch.heading}" in readme
    section = readme.split(f"## {batch.heading}", 1)[1].split("\n## ", 1)[0]
    counts = Counter(record["label"] for record in records)
    assert f"**{len(records)} real messages**" in section
    assert f"**{counts['scam']} scams**" in section
    assert f"**{counts['genuine']} genuine" in section


# --- the evaluation script holds a held-out batch out ------------------------------------------


def _synthetic(
    spec: Batch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    """Six made-up records in place of the batch (the real one is never analysed here)."""
    path = tmp_path / spec.path.name
    rows = write_synthetic_batch(
        path,
        split=spec.name,
        collected="2026-12-02",
        opening=f"{spec.ordinal.capitalize()} batch message",
        families=spec.synthetic_families,
    )
    monkeypatch.setitem(sets.BATCH_FILES, spec.name, path)
    return rows


@pytest.fixture
def synthetic(
    held_out_batch: Batch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    return _synthetic(held_out_batch, tmp_path, monkeypatch)


@pytest.fixture
def synthetic_dev(
    dev_batch: Batch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    return _synthetic(dev_batch, tmp_path, monkeypatch)


def test_misses_are_never_printed(
    held_out_batch: Batch, synthetic: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    batch = held_out_batch
    assert evaluation.main(["--set", batch.name, "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert f"{batch.name} ({batch.name})" in out and "6 messages (3 scam, 3 genuine)" in out
    assert f"misses of the {batch.ordinal} fresh batch are never shown" in out
    for row in synthetic:
        assert row["id"] not in out
    assert f"{batch.ordinal.capitalize()} batch message" not in out


def test_json_output_holds_figures_only(
    held_out_batch: Batch, synthetic: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    batch = held_out_batch
    assert evaluation.main(["--set", batch.name, "--json", "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert f'"{batch.name}"' in out
    for row in synthetic:
        assert row["id"] not in out
    assert f"{batch.ordinal.capitalize()} batch message" not in out


def test_in_the_default_run_and_never_in_a_dev_run(
    held_out_batch: Batch, synthetic: list[dict[str, Any]]
) -> None:
    batch = held_out_batch
    # (A sealed batch waits for its reading: measured only when named.)
    in_default = batch.name not in sets.SEALED_BATCHES
    assert (batch.name in evaluation._names(None)) is in_default
    assert (batch.name in evaluation._names(["all"])) is in_default
    assert batch.name in evaluation._names([batch.name])
    names = [batch.name]
    expected = [(batch.name, batch.name)]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "all", None)] == expected
    assert [(n, h) for n, h, _ in evaluation.collect(names, "test", None)] == expected
    assert evaluation.collect(names, "dev", None) == []
    assert batch.name in evaluation.HELD_OUT


def test_check_applies_the_real_targets(
    held_out_batch: Batch, synthetic: list[dict[str, Any]]
) -> None:
    batch = held_out_batch
    samples = sets.fresh_samples(synthetic, batch.name)
    report = evaluation.SetReport(batch.name, batch.name)
    assert report.held_out and not report.headline
    # every scam missed, every genuine message warned about: all four targets fail
    genuine_levels = iter(["strong", "some", "strong"])
    report.outcomes = [
        evaluation.Outcome(s, "none" if s.label == "scam" else next(genuine_levels), 0, ())
        for s in samples
    ]
    results = evaluation.target_results([report])
    real_targets = {(t[1], t[2]) for t in evaluation.TARGETS if t[0] == "real"}
    assert {(r["label"], r["measure"]) for r in results} == real_targets
    assert all(r["set"] == batch.name and not r["met"] for r in results)
    report.outcomes = [
        evaluation.Outcome(s, "strong" if s.label == "scam" else "none", 0, ()) for s in samples
    ]
    assert all(r["met"] for r in evaluation.target_results([report]))


# --- a batch moved to development is dev data --------------------------------------------------


def test_a_dev_batch_shows_its_misses(
    dev_batch: Batch, synthetic_dev: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    batch = dev_batch
    evaluation.main(["--set", batch.name, "--split", "dev", "--show-misses", "100"])
    out = capsys.readouterr().out
    assert f"{batch.name} (dev)" in out and "6 messages (3 scam, 3 genuine)" in out
    assert "never shown" not in out


def test_a_dev_batch_is_in_dev_runs_only_and_has_no_target(
    dev_batch: Batch, synthetic_dev: list[dict[str, Any]]
) -> None:
    batch = dev_batch
    assert batch.name in evaluation._names(None)
    names = [batch.name]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "all", None)] == [(batch.name, "dev")]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "dev", None)] == [(batch.name, "dev")]
    assert evaluation.collect(names, "test", None) == []
    assert batch.name not in evaluation.HELD_OUT
    assert not [target for target in evaluation.TARGETS if target[0] == batch.name]
    assert all(s.split == "dev" for s in sets.fresh_samples(synthetic_dev, batch.name))


def test_sets_read_together_are_one_more_report_of_figures_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    held = HELD_OUT_BATCHES[-1]
    dev = next(batch for batch in reversed(BATCHES) if not batch.held_out)
    for spec in (held, dev):
        _synthetic(spec, tmp_path, monkeypatch)
    argv = ["--set", dev.name, "--set", held.name, "--together", "--show-misses", "100"]
    assert evaluation.main(argv) == 0
    out = capsys.readouterr().out
    assert f"together ({held.name} + {dev.name} dev)" in out
    assert "12 messages (6 scam, 6 genuine)" in out
    assert "misses of sets holding a held-out one are never shown" in out
    assert evaluation.main([*argv, "--json"]) == 0
    reports = {r["set"]: r for r in json.loads(capsys.readouterr().out)["sets"]}
    assert reports["together"]["held_out"] and reports["together"]["messages"] == 12


def test_one_set_alone_has_no_together_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    held = HELD_OUT_BATCHES[-1]
    _synthetic(held, tmp_path, monkeypatch)
    assert evaluation.main(["--set", held.name, "--together"]) == 0
    assert "together (" not in capsys.readouterr().out


# --- a sealed batch is read only when named ----------------------------------------------------


def test_every_sealed_batch_is_a_held_out_batch() -> None:
    assert set(sets.FRESH_BATCHES) >= sets.SEALED_BATCHES


#: The batches sealed now, or (between a reading and the next batch, when none is) the last
#: batch, sealed for the test: the sealing is tested whatever the current list holds.
_SEALED_FOR_TEST = sorted(sets.SEALED_BATCHES) or [BATCHES[-1].name]


@pytest.mark.parametrize("name", _SEALED_FOR_TEST)
def test_a_sealed_batch_is_left_out_of_the_default_run(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = BATCHES_BY_NAME[name]
    _synthetic(spec, tmp_path, monkeypatch)
    monkeypatch.setattr(sets, "SEALED_BATCHES", sets.SEALED_BATCHES | {name})
    measured: list[str] = []
    real_collect = evaluation.collect

    def spying(names: list[str], split: str, corpora: Path | None) -> Any:
        measured.extend(names)
        return real_collect([n for n in names if n == name], split, corpora)

    monkeypatch.setattr(evaluation, "collect", spying)
    for argv in ([], ["--set", "all"]):
        measured.clear()
        assert evaluation.main(argv) == 0
        captured = capsys.readouterr()
        assert name not in measured
        assert f"{name} ({name})" not in captured.out
        (note,) = [line for line in captured.err.splitlines() if " sealed until " in line]
        assert name in note.split(" sealed", 1)[0].removeprefix("note: ").split(", ")
    measured.clear()
    assert evaluation.main(["--set", name]) == 0
    captured = capsys.readouterr()
    assert measured == [name]
    assert f"{name} ({name})" in captured.out and "6 messages (3 scam, 3 genuine)" in captured.out
    assert "sealed" not in captured.err
